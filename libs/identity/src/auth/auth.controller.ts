import { Public } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TokenRequestDto, TokenResponse } from './token.dto';
import { TokenService } from './token.service';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(private readonly tokens: TokenService) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  token(@Body() body: TokenRequestDto): Promise<TokenResponse> {
    return this.tokens.issue(body.username, body.password);
  }
}
