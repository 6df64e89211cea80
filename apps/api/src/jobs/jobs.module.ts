import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The PostgreSQL job queue (pg-boss); global because mail, notifications and digests all queue work. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
