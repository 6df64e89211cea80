import { ApiPropertyOptional } from '@nestjs/swagger';
import { PAGE_SIZE_MAX } from '@twinning/contracts';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryInt } from './dto-helpers';

/** `?cursor=&limit=` of every keyset-paginated list. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}
