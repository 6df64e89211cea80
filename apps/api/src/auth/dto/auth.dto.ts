import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  UI_LANGUAGES,
  type LoginRequest,
  type RegisterRequest,
  type UiLanguage,
} from '@twinning/contracts';
import { IsEmail, IsIn, IsOptional, IsString, IsTimeZone, Length, MaxLength, MinLength } from 'class-validator';
import { Trim, TrimLower } from '../../common/dto-helpers';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'ana.souza@example.org', maxLength: 254 })
  @TrimLower()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ example: 'Ana Souza', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH, { message: `displayName must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters` })
  displayName!: string;

  @ApiPropertyOptional({ enum: UI_LANGUAGES })
  @IsOptional()
  @IsIn(UI_LANGUAGES)
  preferredLanguage?: UiLanguage;

  @ApiPropertyOptional({ example: 'America/Toronto', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Amsterdam' })
  timeZone?: string;
}

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'official@toronto.demo' })
  @TrimLower()
  @IsString()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
