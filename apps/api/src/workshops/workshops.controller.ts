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
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  Page,
  ParticipantAttendanceDto,
  UserSummary,
  WorkshopAuditEntryDto,
  WorkshopDto,
  WorkshopMessagesPage,
  WorkshopSummaryDto,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { PageQueryDto } from '../common/page-query.dto';
import { AttendanceOverrideDto } from './dto/attendance.dto';
import {
  AddFacilitatorDto,
  CreateWorkshopDto,
  FacilitatorSearchQueryDto,
  UpdateWorkshopDto,
  WorkshopListQueryDto,
  WorkshopMessagesQueryDto,
} from './dto/workshops.dto';
import { WorkshopAttendanceService } from './workshop-attendance.service';
import { WorkshopCalendarService } from './workshop-calendar.service';
import { WorkshopFacilitatorsService } from './workshop-facilitators.service';
import { WorkshopHistoryService } from './workshop-history.service';
import { WorkshopLifecycleService } from './workshop-lifecycle.service';
import { WorkshopRegistrations } from './workshop-registrations.service';
import { WorkshopsService } from './workshops.service';

/** Every route needs a signed-in user (the global JWT guard); the service decides the rest. */
@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly lifecycle: WorkshopLifecycleService,
    private readonly facilitatorsOf: WorkshopFacilitatorsService,
    private readonly registrations: WorkshopRegistrations,
    private readonly history: WorkshopHistoryService,
    private readonly calendars: WorkshopCalendarService,
    private readonly attendance: WorkshopAttendanceService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: WorkshopListQueryDto): Promise<Page<WorkshopSummaryDto>> {
    return this.workshops.list(user, query);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWorkshopDto): Promise<WorkshopDto> {
    return this.workshops.create(user, body);
  }

  // before ':id', so "facilitators" is never read as a workshop id
  @Get('facilitators')
  facilitators(@CurrentUser() user: AuthUser, @Query() query: FacilitatorSearchQueryDto): Promise<UserSummary[]> {
    return this.facilitatorsOf.search(user, query.q);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<WorkshopDto> {
    return this.workshops.get(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: UpdateWorkshopDto,
  ): Promise<WorkshopDto> {
    return this.workshops.update(user, id, body);
  }

  @Post(':id/open')
  @HttpCode(200)
  open(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<WorkshopDto> {
    return this.lifecycle.open(user, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  end(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<WorkshopDto> {
    return this.lifecycle.end(user, id);
  }

  @Post(':id/facilitators')
  @HttpCode(200)
  addFacilitator(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: AddFacilitatorDto,
  ): Promise<WorkshopDto> {
    return this.facilitatorsOf.add(user, id, body.userId);
  }

  @Delete(':id/facilitators/:userId')
  removeFacilitator(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<WorkshopDto> {
    return this.facilitatorsOf.remove(user, id, userId);
  }

  @RequireVerifiedEmail()
  @Put(':id/registration')
  register(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<WorkshopDto> {
    return this.registrations.register(user, id);
  }

  @Delete(':id/registration')
  unregister(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<WorkshopDto> {
    return this.registrations.unregister(user, id);
  }

  @Get(':id/messages')
  messages(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Query() query: WorkshopMessagesQueryDto,
  ): Promise<WorkshopMessagesPage> {
    return this.history.messagesPage(user, id, query);
  }

  /** The workshop as an iCalendar file (the page's URL, never a meeting link); 404 when the page is. */
  @Get(':id/calendar.ics')
  @ApiProduces('text/calendar')
  @Header('Cache-Control', 'no-store')
  async calendar(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.calendars.file(user, id), 'utf8'), {
      type: 'text/calendar; charset=utf-8',
      disposition: `attachment; filename="workshop-${id}.ics"`,
    });
  }

  @Get(':id/transcript.md')
  @ApiProduces('text/markdown')
  async transcript(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<StreamableFile> {
    const { fileName, stream } = await this.history.transcript(user, id);
    return new StreamableFile(stream, {
      type: 'text/markdown; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Get(':id/audit')
  audit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<WorkshopAuditEntryDto>> {
    return this.history.auditPage(user, id, query);
  }

  /** A facilitator corrects a participant's attendance of the ended workshop (before issuing certificates). */
  @Put(':id/attendance/:userId')
  @RequireVerifiedEmail()
  setAttendance(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
    @Body() body: AttendanceOverrideDto,
  ): Promise<ParticipantAttendanceDto> {
    return this.attendance.setOverride(user, id, userId, body);
  }

  /** Back to the attendance measured from presence. */
  @Delete(':id/attendance/:userId')
  @RequireVerifiedEmail()
  clearAttendance(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<ParticipantAttendanceDto> {
    return this.attendance.clearOverride(user, id, userId);
  }
}
