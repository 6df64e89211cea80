import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { AdminUsersController, MeController, PeopleController } from './users.controller';
import { UserEntity } from '../database/entities/user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [MeController, PeopleController, AdminUsersController],
  providers: [UsersService, UsersRepository, PeopleService, PeopleRepository],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
