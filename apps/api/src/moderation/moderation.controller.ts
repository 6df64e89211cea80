import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto, FlagDto, Page, PostDto, SilenceDto, ThreadDto } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import {
  AuditFilterDto,
  AuditQueryDto,
  FlagPostDto,
  FlagQueueQueryDto,
  ModeratePostDto,
  ModerateThreadDto,
  ResolveFlagDto,
  SilenceUserDto,
} from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('posts/:id/flags')
  @HttpCode(204)
  async flag(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: FlagPostDto,
  ): Promise<void> {
    await this.moderation.flag(user, id, body);
  }

  @Post('posts/:id/hide')
  @HttpCode(200)
  hide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ModeratePostDto,
  ): Promise<PostDto> {
    return this.moderation.hide(user, id, body.reason);
  }

  @Post('posts/:id/restore')
  @HttpCode(200)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ModeratePostDto,
  ): Promise<PostDto> {
    return this.moderation.restore(user, id, body.reason);
  }

  @Patch('threads/:id/moderation')
  moderateThread(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ModerateThreadDto,
  ): Promise<ThreadDto> {
    return this.moderation.moderateThread(user, id, body);
  }

  @Get('moderation/flags')
  flags(@CurrentUser() user: AuthUser, @Query() query: FlagQueueQueryDto): Promise<Page<FlagDto>> {
    return this.moderation.queue(user, query);
  }

  @Post('moderation/flags/:id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ResolveFlagDto,
  ): Promise<FlagDto> {
    return this.moderation.resolve(user, id, body);
  }

  @Get('forums/:id/silences')
  silences(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<SilenceDto[]> {
    return this.moderation.silences(user, id);
  }

  @Post('forums/:id/silences')
  silence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: SilenceUserDto,
  ): Promise<SilenceDto> {
    return this.moderation.silence(user, id, body);
  }

  @Delete('forums/:id/silences/:userId')
  @HttpCode(204)
  async unsilence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<void> {
    await this.moderation.unsilence(user, id, userId);
  }

  @Get('moderation/audit')
  audit(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.moderation.audit(user, query);
  }

  @Get('moderation/audit.csv')
  @ApiProduces('text/csv')
  auditCsv(@CurrentUser() user: AuthUser, @Query() query: AuditFilterDto): StreamableFile {
    return new StreamableFile(this.moderation.auditCsv(user, query), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="moderation-audit.csv"',
    });
  }
}
