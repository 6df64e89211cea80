import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { WaitingForMeDto } from '@twinning/contracts';
import { IsISO8601, IsOptional } from 'class-validator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { WaitingService } from './waiting.service';

class WaitingQueryDto {
  @ApiPropertyOptional({
    description: 'Unread threads with activity after this instant (default: the last 14 days; at most 90 days back)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 instant' })
  since?: string;
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/waiting')
export class WaitingController {
  constructor(private readonly waiting: WaitingService) {}

  /** Unread threads by forum, upcoming visits and workshops, open polls and decisions waiting for the user. */
  @Get()
  get(@CurrentUser() user: AuthUser, @Query() query: WaitingQueryDto): Promise<WaitingForMeDto> {
    return this.waiting.forUser(user, { since: query.since ? new Date(query.since) : undefined });
  }
}
