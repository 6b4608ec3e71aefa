import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from '../actor';
import { DomainError } from '../domain-error';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';
export const TOKEN_IN_QUERY = 'auth:token-in-query';

/** The endpoint answers without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The endpoint also takes the bearer token as `?access_token=` (verified the same way), for a
 * browser's EventSource, which cannot send headers. Only for streams: URLs end up in logs.
 */
export const TokenInQuery = (): MethodDecorator => SetMetadata(TOKEN_IN_QUERY, true);

/** Only these roles may call the endpoint (403 for the others); scope is checked by the handler. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in user, as the auth guard put it on the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw DomainError.unauthenticated('AUTH.NO_TOKEN', 'sign in first: no bearer token was given');
  return actor;
});
