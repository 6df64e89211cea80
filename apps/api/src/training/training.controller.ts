import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  MyTrainingOfferDto,
  Page,
  TrainingEvaluationDto,
  TrainingMatchesDto,
  TrainingRequestDto,
  TrainingRequestSummaryDto,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import {
  CreateTrainingOfferDto,
  CreateTrainingRequestDto,
  MyTrainingOffersQueryDto,
  TrainingRequestListQueryDto,
  WithdrawTrainingRequestDto,
} from './dto/training.dto';
import { MarkTrainingAttendanceDto, ScheduleTrainingDto, TrainingEvaluationDtoIn } from './dto/training-delivery.dto';
import { TrainingEvaluationsService } from './training-evaluations.service';
import { TrainingScheduleService } from './training-schedule.service';
import { TrainingMatchingService } from './training-matching.service';
import { TrainingOffersService } from './training-offers.service';
import { TrainingRequestsService } from './training-requests.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('training/requests')
export class TrainingController {
  constructor(
    private readonly requests: TrainingRequestsService,
    private readonly offers: TrainingOffersService,
    private readonly matching: TrainingMatchingService,
    private readonly scheduling: TrainingScheduleService,
    private readonly evaluations: TrainingEvaluationsService,
  ) {}

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: TrainingRequestListQueryDto,
  ): Promise<Page<TrainingRequestSummaryDto>> {
    return this.requests.list(user, query);
  }

  @Post()
  @RequireVerifiedEmail()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateTrainingRequestDto): Promise<TrainingRequestDto> {
    return this.requests.create(user, body);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<TrainingRequestDto> {
    return this.requests.read(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: WithdrawTrainingRequestDto,
  ): Promise<TrainingRequestDto> {
    return this.requests.withdraw(user, id, body);
  }

  @Post(':id/offers')
  @RequireVerifiedEmail()
  offer(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CreateTrainingOfferDto,
  ): Promise<TrainingRequestDto> {
    return this.offers.create(user, id, body);
  }

  @Post(':id/offers/:offerId/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('offerId', ParseId) offerId: string,
  ): Promise<TrainingRequestDto> {
    return this.offers.accept(user, id, offerId);
  }

  @Get(':id/matches')
  matches(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<TrainingMatchesDto> {
    return this.matching.matches(user, id);
  }

  /** The accepted offer's trainers, the requesters and admins schedule a matched training. */
  @Post(':id/schedule')
  @HttpCode(200)
  schedule(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: ScheduleTrainingDto,
  ): Promise<TrainingRequestDto> {
    return this.scheduling.schedule(user, id, body);
  }

  @Put(':id/attendance')
  attendance(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: MarkTrainingAttendanceDto,
  ): Promise<TrainingRequestDto> {
    return this.scheduling.markAttendance(user, id, body);
  }

  @Get(':id/evaluation')
  evaluation(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<TrainingEvaluationDto> {
    return this.evaluations.get(user, id);
  }

  @Put(':id/evaluation')
  evaluate(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: TrainingEvaluationDtoIn,
  ): Promise<TrainingEvaluationDto> {
    return this.evaluations.answer(user, id, body);
  }
}

/** A trainer's own offers across requests (their dashboard). */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training/offers')
export class TrainingOffersController {
  constructor(private readonly offers: TrainingOffersService) {}

  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: MyTrainingOffersQueryDto): Promise<Page<MyTrainingOfferDto>> {
    return this.offers.mine(user, query);
  }
}
