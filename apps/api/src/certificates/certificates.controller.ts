import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CertificateDto, CertificateVerificationDto, WorkshopAttendanceReportDto } from '@twinning/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { CertificatesService } from './certificates.service';
import { CredentialKeysService, type Jwks } from './credential-keys.service';
import { IssueWorkshopCertificatesDto, RevokeCertificateDto } from './dto/certificates.dto';
import { WorkshopCertificatesService } from './workshop-certificates.service';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** The signed-in learner's certificates, newest first. */
  @Get()
  mine(@CurrentUser() user: AuthUser): Promise<CertificateDto[]> {
    return this.certificates.mine(user);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CertificateDto> {
    return this.certificates.get(user, id);
  }

  /** The certificate as a PDF (owner and admins; 404 for anyone else). */
  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'private, no-store')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<StreamableFile> {
    const { fileName, pdf } = await this.certificates.pdf(user, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  /** The Open Badges 3.0 credential as a VC-JWT, to import into a wallet. */
  @Get(':id/credential')
  @ApiProduces('application/vc+jwt')
  @Header('Cache-Control', 'private, no-store')
  async credential(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.certificates.credential(user, id)), {
      type: 'application/vc+jwt',
    });
  }
}

@ApiTags('certificates')
@Controller()
export class CertificateVerificationController {
  constructor(private readonly certificates: CertificatesService) {}

  /** Public: valid or revoked, with what the certificate shows (rate limited per address). */
  @Public()
  @Get('verify/:code')
  @Header('Cache-Control', 'no-store')
  verify(@Param('code') code: string, @Req() req: FastifyRequest): Promise<CertificateVerificationDto> {
    return this.certificates.verify(code, req.ip);
  }

  /** Public: the Bitstring Status List credential (VC-JWT) that publishes revocations for offline verifiers. */
  @Public()
  @Get('credentials/status/:list')
  @ApiProduces('application/vc+jwt')
  @Header('Cache-Control', 'public, max-age=60')
  async statusList(
    @Param('list', new ParseIntPipe({ exceptionFactory: () => AppError.notFound('Status list') })) list: number,
  ): Promise<StreamableFile> {
    if (list < 1 || list > 100_000) throw AppError.notFound('Status list');
    return new StreamableFile(Buffer.from(await this.certificates.statusList(list)), { type: 'application/vc+jwt' });
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/certificates')
export class AdminCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: RevokeCertificateDto,
  ): Promise<CertificateDto> {
    return this.certificates.revoke(user, id, body.reason);
  }
}

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class WorkshopCertificatesController {
  constructor(private readonly workshopCertificates: WorkshopCertificatesService) {}

  /** Each registered participant's attendance of the live time, eligibility and certificate (facilitators). */
  @Get(':id/attendance')
  attendance(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<WorkshopAttendanceReportDto> {
    return this.workshopCertificates.report(user, id);
  }

  /**
   * A facilitator of the ended workshop issues attendance certificates to registered participants present
   * for at least 75 % of the live time (or marked present); anyone else named: INVALID_STATE, nothing issued.
   */
  @Post(':id/certificates')
  @RequireVerifiedEmail()
  issue(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: IssueWorkshopCertificatesDto,
  ): Promise<CertificateDto[]> {
    return this.workshopCertificates.issue(user, id, body.userIds);
  }

  /** Issues to every eligible participant without a certificate yet; answers the certificates issued now. */
  @Post(':id/certificates/eligible')
  @RequireVerifiedEmail()
  issueEligible(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CertificateDto[]> {
    return this.workshopCertificates.issueEligible(user, id);
  }
}

/** Public keys of every credential signing key, current and retired: `/.well-known/jwks.json`, outside /api. */
@ApiTags('certificates')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: CredentialKeysService) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): Promise<Jwks> {
    return this.keys.jwks();
  }
}
