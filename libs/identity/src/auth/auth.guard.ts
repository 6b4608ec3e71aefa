import { Actor, DomainError, Role } from '@app/common';
import { IS_PUBLIC, REQUIRED_ROLES, TOKEN_IN_QUERY } from '@app/common/http';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { TokenService } from './token.service';

/** Every endpoint needs a valid bearer token unless marked @Public; @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : this.tokenInQuery(context, request);
    if (!match) throw DomainError.unauthenticated('AUTH.NO_TOKEN', 'sign in first: send Authorization: Bearer <accessToken>');
    const actor = await this.tokens.verify(match[1]);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw DomainError.forbidden('AUTH.ROLE', `role ${actor.role} may not do this; it needs ${roles.join(' or ')}`);
    }
    return true;
  }

  /** `?access_token=` on the endpoints marked @TokenInQuery (event streams), in the header's match shape. */
  private tokenInQuery(context: ExecutionContext, request: Request): RegExpExecArray | null {
    if (!this.reflector.get<boolean | undefined>(TOKEN_IN_QUERY, context.getHandler())) return null;
    const token = request.query.access_token;
    return typeof token === 'string' ? /^([A-Za-z0-9._-]+)$/.exec(token) : null;
  }
}
