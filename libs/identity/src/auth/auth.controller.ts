import { AddressRateLimit, Public } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AccountLockout } from './account-lockout';
import { TokenRequestDto, TokenResponse } from './token.dto';
import { TokenService } from './token.service';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly lockout: AccountLockout,
  ) {}

  /**
   * Sign-in. Throttled per client address (SIGN_IN_PER_ADDRESS_PER_MINUTE) and per account: after
   * SIGN_IN_MAX_FAILURES failures the account is locked for SIGN_IN_LOCKOUT_SECONDS, on every replica.
   */
  @Public()
  @AddressRateLimit('sign-in')
  @Post('token')
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address or on this account; the Retry-After header says when to try again' })
  @ApiOkResponse({ type: TokenResponse })
  async token(@Body() body: TokenRequestDto): Promise<TokenResponse> {
    return this.lockout.attempt(body.username, (manager) => this.tokens.issue(manager, body.username, body.password));
  }
}
