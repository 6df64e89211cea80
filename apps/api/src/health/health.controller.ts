import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthDto } from '@twinning/contracts';
import { Public } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: HealthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers. It also tells the web client whether to link the development Outbox. */
  @Public()
  @Get('health')
  health(): HealthDto {
    return { status: 'ok', devOutbox: this.config.nodeEnv !== 'production' };
  }

  /** Readiness: the database answers within two seconds. */
  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; database: 'up' }> {
    await this.readiness.requireDatabase();
    return { status: 'ready', database: 'up' };
  }
}
