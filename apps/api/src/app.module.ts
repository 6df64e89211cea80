import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth';
import { CertificatesModule } from './certificates';
import { CitiesModule } from './cities';
import { CoursesModule } from './courses';
import { ClockModule } from './common/clock';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DigestsModule } from './digests';
import { DatabaseModule } from './database/database.module';
import { dataSourceOptions } from './database/data-source';
import { ForumsModule } from './forums';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home';
import { ReplyAddressModule } from './inbound';
import { InboundModule } from './inbound/inbound.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail';
import { ModerationModule } from './moderation';
import { NotificationsModule } from './notifications';
import { PartnershipsModule } from './partnerships';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RealtimeModule } from './realtime/realtime.module';
import { TrainingModule } from './training';
import { UsersModule } from './users';
import { VisitsModule } from './visits';
import { WaitingModule } from './waiting';
import { WorkshopsModule } from './workshops';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  /** Optional TypeORM logger (tests count queries with it). */
  typeormLogger?: import('typeorm').Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, typeormLogger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          ...(typeormLogger ? { logger: typeormLogger, logging: ['query'] } : {}),
        }),
        ClockModule,
        DatabaseModule,
        RateLimitModule,
        AccessModule,
        RealtimeModule,
        JobsModule,
        MailModule,
        ReplyAddressModule,
        NotificationsModule,
        AuthModule,
        UsersModule,
        CitiesModule,
        ForumsModule,
        ModerationModule,
        PartnershipsModule,
        WorkshopsModule,
        CertificatesModule,
        CoursesModule,
        VisitsModule,
        TrainingModule,
        WaitingModule,
        HomeModule,
        DigestsModule,
        InboundModule,
        HealthModule,
      ],
    };
  }
}
