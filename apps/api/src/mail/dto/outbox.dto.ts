import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

/** `GET /api/dev/outbox?to=&cursor=&limit=` */
export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only mail to this address' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  to?: string;
}
