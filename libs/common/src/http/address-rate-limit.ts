import { applyDecorators, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerRequest } from '@nestjs/throttler';
import { AppConfig } from '../config';
import { DomainError } from '../domain-error';

/** The per-address limits, each for the endpoints that name it with @AddressRateLimit. */
export type AddressRateLimitName = 'sign-in' | 'track';

const ADDRESS_RATE_LIMIT = 'http:address-rate-limit';

/**
 * The limits of @nestjs/throttler from the configuration: requests per client address per minute
 * (a sliding minute), counted in this process. `req.ip` is the client address, which behind a
 * proxy needs TRUST_PROXY.
 */
export function addressRateLimits(config: AppConfig): ThrottlerModuleOptions {
  const perMinute = (name: AddressRateLimitName, limit: number) => ({ name, ttl: 60_000, limit });
  return {
    throttlers: [perMinute('sign-in', config.signInPerAddressPerMinute), perMinute('track', config.trackPerAddressPerMinute)],
    // Retry-After comes with the error below; the X-RateLimit-* headers would tell a prober the budget.
    setHeaders: false,
  };
}

/** Applies only the limit an endpoint names, and answers 429 in the contract's error shape with Retry-After. */
@Injectable()
export class AddressRateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const named = this.reflector.getAllAndOverride<AddressRateLimitName | undefined>(ADDRESS_RATE_LIMIT, [
      request.context.getHandler(),
      request.context.getClass(),
    ]);
    return request.throttler.name === named ? super.handleRequest(request) : true;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw DomainError.tooManyRequests(
      'HTTP.RATE_LIMITED',
      `too many requests from your address; try again in ${detail.timeToBlockExpire} s`,
      detail.timeToBlockExpire,
    );
  }
}

/** Limits how often one client address may call the endpoint (429 with Retry-After beyond it). */
export const AddressRateLimit = (name: AddressRateLimitName): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ADDRESS_RATE_LIMIT, name), UseGuards(AddressRateLimitGuard));
