import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
  type UpdateNotificationSettingsRequest,
} from '@twinning/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class NotificationSettingInputDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of: ${NOTIFICATION_KINDS.join(', ')}` })
  kind!: NotificationKind;

  @ApiProperty({ enum: NOTIFICATION_DELIVERIES })
  @IsIn(NOTIFICATION_DELIVERIES, { message: `delivery must be one of: ${NOTIFICATION_DELIVERIES.join(', ')}` })
  delivery!: NotificationDelivery;
}

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiProperty({ type: [NotificationSettingInputDto] })
  @IsArray({ message: 'settings must be a list' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length, { message: 'settings lists each kind at most once' })
  @ValidateNested({ each: true })
  @Type(() => NotificationSettingInputDto)
  settings!: NotificationSettingInputDto[];
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The signed token of the unsubscribe link' })
  @IsOptional()
  @IsString({ message: 'token must be a string' })
  @MaxLength(300, { message: 'token is too long' })
  token?: string;
}
