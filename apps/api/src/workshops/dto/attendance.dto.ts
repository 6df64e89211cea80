import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKSHOP_LIMITS, type AttendanceOverrideRequest } from '@twinning/contracts';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Longest live time a correction may name: a week (as long as a mute). */
const MINUTES_MAX = WORKSHOP_LIMITS.muteMinutesMax;

export class AttendanceOverrideDto implements AttendanceOverrideRequest {
  @ApiProperty({ description: 'present: may get an attendance certificate; absent: may not' })
  @IsBoolean({ message: 'present must be true or false' })
  present!: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'minutes attended, when known' })
  @IsOptional()
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(0, { message: 'minutes must not be negative' })
  @Max(MINUTES_MAX, { message: `minutes must be at most ${MINUTES_MAX}` })
  minutes?: number | null;
}
