import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, CheckYourMailResponse } from '@twinning/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { AccessTokenService } from './access-token.service';
import { AccountSettingsService } from './account-settings.service';
import { ChangeEmailDto, ChangePasswordDto } from './dto/account.dto';

/** Profile actions that need the current password: change it, change the address. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly settings: AccountSettingsService,
    private readonly accessTokens: AccessTokenService,
  ) {}

  /** Signs out every other session; the answer carries a fresh access token for this one. */
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Body() body: ChangePasswordDto,
  ): Promise<AuthResponse> {
    const familyId = await this.accessTokens.familyOfBearer(req.headers.authorization);
    return this.settings.changePassword(user, familyId, body);
  }

  /** Sends a verification link to the new address; the address changes when it is followed. */
  @Post('email')
  @HttpCode(202)
  changeEmail(@CurrentUser() user: AuthUser, @Body() body: ChangeEmailDto): Promise<CheckYourMailResponse> {
    return this.settings.changeEmail(user, body);
  }
}
