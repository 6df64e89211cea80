import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CalendarFeedDto,
  MyRegistrationDto,
  Page,
  RosterEntryDto,
  VisitParticipantDto,
  VisitDto,
  VisitReportActionDto,
  VisitReportDto,
  VisitSummaryDto,
} from '@twinning/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import {
  ActionToMilestoneDto,
  AgendaItemBodyDto,
  CreateVisitDto,
  PickDateDto,
  TransitionVisitDto,
  UpdateAgendaItemBodyDto,
  UpdateVisitDto,
  VisitListQueryDto,
  VisitRegistrationDto,
  VisitReportBodyDto,
  VisitVoteDto,
} from './dto/visits.dto';
import { VisitAgendaService } from './visit-agenda.service';
import { VisitCalendarService } from './visit-calendar.service';
import { VisitPollService } from './visit-poll.service';
import { VisitRegistrationsService } from './visit-registrations.service';
import { VisitReportsService } from './visit-reports.service';
import { VisitsService } from './visits.service';

const ICS_TYPE = 'text/calendar; charset=utf-8';

@ApiTags('visits')
@ApiBearerAuth()
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly poll: VisitPollService,
    private readonly agenda: VisitAgendaService,
    private readonly registrations: VisitRegistrationsService,
    private readonly calendars: VisitCalendarService,
    private readonly reports: VisitReportsService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: VisitListQueryDto): Promise<Page<VisitSummaryDto>> {
    return this.visits.list(user, query);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateVisitDto): Promise<VisitDto> {
    return this.visits.create(user, body);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<VisitDto> {
    return this.visits.detail(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: UpdateVisitDto,
  ): Promise<VisitDto> {
    return this.visits.update(user, id, body);
  }

  @Post(':id/transition')
  @HttpCode(200)
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: TransitionVisitDto,
  ): Promise<VisitDto> {
    return this.visits.transition(user, id, body);
  }

  @Put(':id/votes')
  vote(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string, @Body() body: VisitVoteDto): Promise<VisitDto> {
    return this.poll.vote(user, id, body);
  }

  @Post(':id/pick')
  @HttpCode(200)
  pick(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string, @Body() body: PickDateDto): Promise<VisitDto> {
    return this.poll.pick(user, id, body);
  }

  @Post(':id/agenda')
  addAgendaItem(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: AgendaItemBodyDto,
  ): Promise<VisitDto> {
    return this.agenda.add(user, id, body);
  }

  @Patch(':id/agenda/:itemId')
  updateAgendaItem(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('itemId', ParseId) itemId: string,
    @Body() body: UpdateAgendaItemBodyDto,
  ): Promise<VisitDto> {
    return this.agenda.update(user, id, itemId, body);
  }

  @Delete(':id/agenda/:itemId')
  @HttpCode(200)
  removeAgendaItem(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('itemId', ParseId) itemId: string,
  ): Promise<VisitDto> {
    return this.agenda.remove(user, id, itemId);
  }

  @Get(':id/registration')
  myRegistration(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<MyRegistrationDto> {
    return this.registrations.mine(user, id);
  }

  @RequireVerifiedEmail()
  @Put(':id/registration')
  register(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: VisitRegistrationDto,
  ): Promise<MyRegistrationDto> {
    return this.registrations.register(user, id, body);
  }

  @Delete(':id/registration')
  @HttpCode(204)
  async cancelRegistration(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<void> {
    await this.registrations.cancel(user, id);
  }

  /** Everyone who may see the visit: who comes; needs only on the viewer's own row (or for coordinators). */
  @Get(':id/participants')
  participants(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<VisitParticipantDto[]> {
    return this.registrations.participants(user, id);
  }

  @Get(':id/roster')
  roster(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<RosterEntryDto[]> {
    return this.registrations.roster(user, id);
  }

  @Get(':id/roster.csv')
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  async rosterCsv(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.registrations.rosterCsv(user, id), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="visit-${id}-roster.csv"`,
    });
  }

  @Get(':id/calendar.ics')
  @ApiProduces('text/calendar')
  @Header('Cache-Control', 'no-store')
  async calendar(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.calendars.visitCalendar(user, id), 'utf8'), {
      type: ICS_TYPE,
      disposition: `attachment; filename="visit-${id}.ics"`,
    });
  }

  @Put(':id/report')
  report(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: VisitReportBodyDto,
  ): Promise<VisitReportDto> {
    return this.reports.put(user, id, body);
  }

  /** 201 with the milestone created now; 200 with the one already linked. */
  @Post(':id/report/actions/:actionId/milestone')
  async actionToMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('actionId', ParseId) actionId: string,
    @Body() body: ActionToMilestoneDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VisitReportActionDto> {
    const { action, created } = await this.reports.toMilestone(user, id, actionId, body);
    reply.status(created ? 201 : 200);
    return action;
  }
}

@ApiTags('visits')
@Controller()
export class CalendarFeedController {
  constructor(private readonly calendars: VisitCalendarService) {}

  @ApiBearerAuth()
  @Get('me/calendar-feed')
  feed(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.calendars.feed(user);
  }

  /** Creates or regenerates the feed; the answer carries the secret URL (shown only now). */
  @ApiBearerAuth()
  @Post('me/calendar-feed')
  @HttpCode(200)
  regenerate(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.calendars.regenerate(user);
  }

  @ApiBearerAuth()
  @Delete('me/calendar-feed')
  @HttpCode(204)
  async revoke(@CurrentUser() user: AuthUser): Promise<void> {
    await this.calendars.revoke(user);
  }

  /** The subscription feed: public (calendar apps cannot sign in); the secret token in the path is the key. */
  @Public()
  @Get('calendar/:file')
  @ApiProduces('text/calendar')
  @Header('Cache-Control', 'private, max-age=300')
  async feedCalendar(@Param('file') file: string, @Req() req: FastifyRequest): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.calendars.feedCalendar(file, req.ip), 'utf8'), {
      type: ICS_TYPE,
      disposition: 'inline; filename="twinning-visits.ics"',
    });
  }
}
