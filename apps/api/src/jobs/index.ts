export { JobsModule } from './jobs.module';
export { JOBS_SCHEMA, JobsService, type JobOf, type JobSendOptions, type JobWorkOptions } from './jobs.service';
