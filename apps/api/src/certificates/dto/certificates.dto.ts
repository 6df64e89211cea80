import { ApiProperty } from '@nestjs/swagger';
import {
  CERTIFICATE_REVOKE_REASON_MAX,
  type IssueWorkshopCertificatesRequest,
  type RevokeCertificateRequest,
} from '@twinning/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export const ISSUE_BATCH_MAX = 500;

export class IssueWorkshopCertificatesDto implements IssueWorkshopCertificatesRequest {
  @ApiProperty({ type: [String], minItems: 1, maxItems: ISSUE_BATCH_MAX })
  @IsArray({ message: 'userIds must be a list of user ids' })
  @ArrayMinSize(1, { message: 'userIds must name at least one participant' })
  @ArrayMaxSize(ISSUE_BATCH_MAX, { message: `userIds may name at most ${ISSUE_BATCH_MAX} participants` })
  @IsUUID('all', { each: true, message: 'userIds must each be a user id' })
  userIds!: string[];
}

export class RevokeCertificateDto implements RevokeCertificateRequest {
  @ApiProperty({ minLength: 1, maxLength: CERTIFICATE_REVOKE_REASON_MAX })
  @IsString({ message: 'reason must be text' })
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(CERTIFICATE_REVOKE_REASON_MAX)
  reason!: string;
}
