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
    const token = bearerTokenOf(request, this.reflector.get<boolean | undefined>(TOKEN_IN_QUERY, context.getHandler()) ?? false);
    if (!token) throw DomainError.unauthenticated('AUTH.NO_TOKEN', 'sign in first: send Authorization: Bearer <accessToken>');
    const actor = await this.tokens.verify(token);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw DomainError.forbidden('AUTH.ROLE', `role ${actor.role} may not do this; it needs ${roles.join(' or ')}`);
    }
    return true;
  }
}

/**
 * The bearer token of a request: the Authorization header, or `?access_token=` where the endpoint
 * is marked @TokenInQuery (event streams).
 */
export function bearerTokenOf(request: Request, inQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') return /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1] ?? null;
  const token = inQuery ? request.query.access_token : undefined;
  return typeof token === 'string' && /^[A-Za-z0-9._-]+$/.test(token) ? token : null;
}
