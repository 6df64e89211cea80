import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CityDetailDto, CityDto, CitySummaryDto, JoinRequestDto, Page } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, OptionalUser, Public, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { CitiesService } from './cities.service';
import {
  CityListQueryDto,
  CreateCityDto,
  DecideJoinRequestDto,
  JoinCityDto,
  JoinRequestQueryDto,
  SetCityRoleDto,
  UpdateCityDto,
} from './dto/cities.dto';

@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  /** The directory is public: anyone may discover the cities on the platform. */
  @Public()
  @Get()
  list(@Query() query: CityListQueryDto): Promise<Page<CitySummaryDto>> {
    return this.cities.list(query);
  }

  @Public()
  @Get(':slug')
  detail(@Param('slug') slug: string, @OptionalUser() viewer: AuthUser | null): Promise<CityDetailDto> {
    return this.cities.detail(slug, viewer);
  }

  @ApiBearerAuth()
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCityDto): Promise<CityDto> {
    return this.cities.create(user, body);
  }

  @ApiBearerAuth()
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: UpdateCityDto,
  ): Promise<CityDto> {
    return this.cities.update(user, id, body);
  }

  @ApiBearerAuth()
  @RequireVerifiedEmail()
  @Post(':id/join-requests')
  join(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: JoinCityDto,
  ): Promise<JoinRequestDto> {
    return this.cities.requestToJoin(user, id, body.message);
  }

  @ApiBearerAuth()
  @Put(':id/officials/:userId/role')
  @HttpCode(204)
  async setRole(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
    @Body() body: SetCityRoleDto,
  ): Promise<void> {
    await this.cities.setRole(user, id, userId, body.role);
  }
}

@ApiTags('cities')
@ApiBearerAuth()
@Controller()
export class JoinRequestsController {
  constructor(private readonly cities: CitiesService) {}

  @Get('join-requests')
  queue(@CurrentUser() user: AuthUser, @Query() query: JoinRequestQueryDto): Promise<Page<JoinRequestDto>> {
    return this.cities.reviewQueue(user, query);
  }

  @Post('join-requests/:id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: DecideJoinRequestDto,
  ): Promise<JoinRequestDto> {
    return this.cities.decide(user, id, body.decision);
  }

  @Get('me/join-requests')
  mine(@CurrentUser() user: AuthUser): Promise<JoinRequestDto[]> {
    return this.cities.myJoinRequests(user);
  }
}
