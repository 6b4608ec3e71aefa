import { Actor, APP_CONFIG, AppConfig, DomainError, Role } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
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
}

const BAD_CREDENTIALS = () => DomainError.unauthenticated('AUTH.BAD_CREDENTIALS', 'username or password is wrong');

@Injectable()
export class TokenService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly decoyHash = hashPassword('decoy password that matches nothing');

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(username: string, password: string): Promise<TokenResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username } });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !ok) throw BAD_CREDENTIALS();
    const actor = toActor(user);
    const claims: Claims = {
      sub: actor.userId,
      name: actor.username,
      role: actor.role,
      grids: [...actor.gridCodes],
      dept: actor.departmentCode,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlSeconds, algorithm: 'HS256' });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, tokenType: 'Bearer' };
  }

  async verify(token: string): Promise<Actor> {
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(token, { algorithms: ['HS256'] });
    } catch {
      throw DomainError.unauthenticated('AUTH.BAD_TOKEN', 'the bearer token is invalid or expired; sign in again');
    }
    return { userId: claims.sub, username: claims.name, role: claims.role, gridCodes: claims.grids, departmentCode: claims.dept };
  }
}
