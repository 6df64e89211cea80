import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicOverviewDto } from '@twinning/contracts';
import { Public } from '../common/decorators';
import { PublicOverviewService } from './public-overview.service';

@ApiTags('public')
@Controller('public/overview')
export class PublicOverviewController {
  constructor(private readonly overview: PublicOverviewService) {}

  /** For the landing page: the cities taking part by region and the next public workshops. No sign-in. */
  @Public()
  @Get()
  get(): Promise<PublicOverviewDto> {
    return this.overview.get();
  }
}
