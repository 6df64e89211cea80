import { Body, Controller, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AdminUserDto, MeDto, Page, PersonCardDto } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { AdminUserQueryDto, SetPlatformRoleDto, UpdateProfileDto } from './dto/users.dto';
import { PeopleService } from './people.service';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.users.getMe(user.id);
  }

  @Patch()
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<MeDto> {
    return this.users.updateProfile(user.id, body);
  }
}

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** The person card: for signed-in users who share a space with the person; 404 otherwise. */
  @Get(':id')
  card(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<PersonCardDto> {
    return this.people.card(user, id);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: AdminUserQueryDto): Promise<Page<AdminUserDto>> {
    return this.users.adminList(user, query);
  }

  @Put(':id/role')
  setRole(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: SetPlatformRoleDto,
  ): Promise<AdminUserDto> {
    return this.users.setPlatformRoles(user, id, body.roles);
  }
}
