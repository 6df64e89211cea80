import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { HomeDto } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { HomeService } from './home.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  /** The signed-in user's home: live workshops, what waits for them, what comes up, unread threads. */
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<HomeDto> {
    return this.home.forUser(user);
  }
}
