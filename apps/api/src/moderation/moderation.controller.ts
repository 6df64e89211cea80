import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto, FlagDto, Page, PostDto, SilenceDto, ThreadDto, UiLanguage } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequestLanguage } from '../common/decorators';
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
import { AuditService } from './audit.service';
import { FlagsService } from './flags.service';
import { HidingService } from './hiding.service';
import { SilencesService } from './silences.service';
import { ThreadModerationService } from './thread-moderation.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(
    private readonly flagsService: FlagsService,
    private readonly hiding: HidingService,
    private readonly threads: ThreadModerationService,
    private readonly silencesService: SilencesService,
    private readonly auditService: AuditService,
  ) {}

  @Post('posts/:id/flags')
  @HttpCode(204)
  async flag(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: FlagPostDto,
  ): Promise<void> {
    await this.flagsService.flag(user, id, body);
  }

  @Post('posts/:id/hide')
  @HttpCode(200)
  hide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ModeratePostDto,
  ): Promise<PostDto> {
    return this.hiding.hide(user, id, body.reason);
  }

  @Post('posts/:id/restore')
  @HttpCode(200)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ModeratePostDto,
  ): Promise<PostDto> {
    return this.hiding.restore(user, id, body.reason);
  }

  @Patch('threads/:id/moderation')
  moderateThread(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ModerateThreadDto,
  ): Promise<ThreadDto> {
    return this.threads.moderateThread(user, id, body);
  }

  @Get('moderation/flags')
  flags(@CurrentUser() user: AuthUser, @Query() query: FlagQueueQueryDto): Promise<Page<FlagDto>> {
    return this.flagsService.queue(user, query);
  }

  @Post('moderation/flags/:id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ResolveFlagDto,
  ): Promise<FlagDto> {
    return this.flagsService.resolve(user, id, body);
  }

  @Get('forums/:id/silences')
  silences(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<SilenceDto[]> {
    return this.silencesService.silences(user, id);
  }

  @Post('forums/:id/silences')
  silence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: SilenceUserDto,
  ): Promise<SilenceDto> {
    return this.silencesService.silence(user, id, body);
  }

  @Delete('forums/:id/silences/:userId')
  @HttpCode(204)
  async unsilence(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<void> {
    await this.silencesService.unsilence(user, id, userId);
  }

  @Get('moderation/audit')
  audit(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.auditService.audit(user, query);
  }

  @Get('moderation/audit.csv')
  @ApiProduces('text/csv')
  auditCsv(
    @CurrentUser() user: AuthUser,
    @Query() query: AuditFilterDto,
    @RequestLanguage() language: UiLanguage,
  ): StreamableFile {
    return new StreamableFile(this.auditService.auditCsv(user, query, language), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="moderation-audit.csv"',
    });
  }
}
