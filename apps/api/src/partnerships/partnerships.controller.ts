import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  MatchSuggestionsDto,
  MilestoneDto,
  Page,
  PartnershipActivityDto,
  PartnershipDetailDto,
  PartnershipSummaryDto,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { PageQueryDto } from '../common/page-query.dto';
import {
  CreateMilestoneDto,
  DecideInvitationDto,
  InviteCityDto,
  MatchQueryDto,
  NoteDto,
  PartnershipListQueryDto,
  ProposePartnershipDto,
  UpdateMilestoneDto,
  UpdatePartnershipDto,
} from './dto/partnerships.dto';
import { ActivityService } from './activity.service';
import { MatchingService } from './matching.service';
import { MilestonesService } from './milestones.service';
import { PartnershipLifecycleService } from './partnership-lifecycle.service';
import { PartnershipsService } from './partnerships.service';

@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly lifecycle: PartnershipLifecycleService,
    private readonly milestones: MilestonesService,
    private readonly activityFeed: ActivityService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: PartnershipListQueryDto): Promise<Page<PartnershipSummaryDto>> {
    return this.partnerships.list(user, query);
  }

  @RequireVerifiedEmail()
  @Post()
  propose(@CurrentUser() user: AuthUser, @Body() body: ProposePartnershipDto): Promise<PartnershipDetailDto> {
    return this.lifecycle.propose(user, body);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<PartnershipDetailDto> {
    return this.partnerships.detail(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: UpdatePartnershipDto,
  ): Promise<PartnershipDetailDto> {
    return this.lifecycle.update(user, id, body);
  }

  @RequireVerifiedEmail()
  @Post(':id/invitations')
  @HttpCode(200)
  invite(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: InviteCityDto,
  ): Promise<PartnershipDetailDto> {
    return this.lifecycle.invite(user, id, body.cityId, body.message);
  }

  @Post(':id/invitations/:cityId/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('cityId', ParseId) cityId: string,
    @Body() body: DecideInvitationDto,
  ): Promise<PartnershipDetailDto> {
    return this.lifecycle.decide(user, id, cityId, body.decision, body.note);
  }

  @Post(':id/invitations/:cityId/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('cityId', ParseId) cityId: string,
    @Body() body: NoteDto,
  ): Promise<PartnershipDetailDto> {
    return this.lifecycle.withdraw(user, id, cityId, body.note);
  }

  @Post(':id/conclude')
  @HttpCode(200)
  conclude(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: NoteDto,
  ): Promise<PartnershipDetailDto> {
    return this.lifecycle.conclude(user, id, body.note);
  }

  @Get(':id/activity')
  activity(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PartnershipActivityDto>> {
    return this.activityFeed.feed(user, id, query);
  }

  @Post(':id/milestones')
  createMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.milestones.create(user, id, body);
  }

  @Patch(':id/milestones/:milestoneId')
  updateMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('milestoneId', ParseId) milestoneId: string,
    @Body() body: UpdateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.milestones.update(user, id, milestoneId, body);
  }

  @Delete(':id/milestones/:milestoneId')
  @HttpCode(204)
  async deleteMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('milestoneId', ParseId) milestoneId: string,
  ): Promise<void> {
    await this.milestones.delete(user, id, milestoneId);
  }
}

@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('cities')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** Ranked partner suggestions for a city, each with the reasons behind its score. */
  @Get(':id/suggestions')
  suggestions(@Param('id', ParseId) id: string, @Query() query: MatchQueryDto): Promise<MatchSuggestionsDto> {
    return this.matching.suggest(id, query);
  }
}
