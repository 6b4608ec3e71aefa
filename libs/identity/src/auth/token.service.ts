import { Actor, APP_CONFIG, AppConfig, DomainError, Role } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import { toActor } from '../users/user.mapper';
import { TokenResponse } from './token.dto';

interface Claims {
  sub: string;
  name: string;
  role: Role;
  grids: string[];
  dept: string | null;
  /** The user's token_version when the token was issued. */
  ver: number;
}

const BAD_CREDENTIALS = () => DomainError.unauthenticated('AUTH.BAD_CREDENTIALS', 'username or password is wrong');
const REVOKED = () =>
  DomainError.unauthenticated('AUTH.TOKEN_REVOKED', 'this token no longer holds: the account was changed, disabled or removed; sign in again');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TokenService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly decoyHash = hashPassword('decoy password that matches nothing');

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the password of the user named (whatever its case) and issues a token; the caller throttles. */
  async issue(manager: EntityManager, username: string, password: string): Promise<TokenResponse> {
    const user = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !ok) throw BAD_CREDENTIALS();
    // Said only to whoever knows the password.
    if (user.disabledAt) throw DomainError.unauthenticated('AUTH.ACCOUNT_DISABLED', 'this account is disabled; ask an admin');
    const actor = toActor(user);
    const claims: Claims = {
      sub: actor.userId,
      name: actor.username,
      role: actor.role,
      grids: [...actor.gridCodes],
      dept: actor.departmentCode,
      ver: user.tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlSeconds, algorithm: 'HS256' });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, tokenType: 'Bearer' };
  }

  /**
   * The signed-in user of a token, as the database holds them now: a token of a removed or disabled
   * user, or one issued before their role, scope or password last changed, is refused. One primary
   * key lookup per call is the price of a change that applies at once on every replica.
   */
  async verify(token: string): Promise<Actor> {
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(token, { algorithms: ['HS256'] });
    } catch {
      throw DomainError.unauthenticated('AUTH.BAD_TOKEN', 'the bearer token is invalid or expired; sign in again');
    }
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || !Number.isInteger(claims.ver)) throw REVOKED();
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: claims.sub } });
    if (!user || user.disabledAt !== null || user.tokenVersion !== claims.ver) throw REVOKED();
    return toActor(user);
  }
}
