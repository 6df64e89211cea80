import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OutboxMailDetailDto, OutboxMailDto, Page } from '@twinning/contracts';
import { Public } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { OutboxQueryDto } from './dto/outbox.dto';
import { OutboxService } from './outbox.service';

/** The development Outbox (`/dev/outbox` in the web client); 404 in production. */
@ApiTags('dev')
@Controller('dev/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  /** Mail written outside production, newest first, optionally only to one address. */
  @Public()
  @Get()
  list(@Query() query: OutboxQueryDto): Promise<Page<OutboxMailDto>> {
    return this.outbox.list(query);
  }

  /** One mail: both parts, its headers and its calendar part. */
  @Public()
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<OutboxMailDetailDto> {
    return this.outbox.get(id);
  }
}
