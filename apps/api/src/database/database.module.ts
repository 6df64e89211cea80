import { Global, Module } from '@nestjs/common';
import { PreparedStatements } from './prepared-statements';

/** Database helpers beyond TypeORM's DataSource, for every module. */
@Global()
@Module({ providers: [PreparedStatements], exports: [PreparedStatements] })
export class DatabaseModule {}
