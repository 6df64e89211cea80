import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: HealthService) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers within two seconds. */
  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; database: 'up' }> {
    await this.readiness.requireDatabase();
    return { status: 'ready', database: 'up' };
  }
}
