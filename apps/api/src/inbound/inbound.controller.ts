import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { Public } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InboundMailDto } from './dto/inbound-mail.dto';
import { InboundMailService, type InboundOutcome } from './inbound-mail.service';
import { InboundWebhookGuard } from './inbound-webhook.guard';
import { INBOUND_BODY_LIMIT } from './webhook-limits';
import { MalformedMailError, parseRawMail, structuredMail, type InboundMessage } from './inbound-message';

/** A mail provider's inbound webhook (the alternative to the built-in SMTP listener). */
@ApiTags('inbound')
@Controller('inbound')
export class InboundController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
  ) {}

  @Post('mail')
  @Public()
  @UseGuards(InboundWebhookGuard)
  @RouteConfig({ [INBOUND_BODY_LIMIT]: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a reply by email from a mail provider (Authorization: Bearer INBOUND_WEBHOOK_SECRET)',
  })
  async receive(@Body() body: InboundMailDto): Promise<InboundOutcome> {
    const size = [body.raw, body.text, body.html].reduce((sum, part) => sum + Buffer.byteLength(part ?? ''), 0);
    if (size > this.config.mail.inboundMaxBytes) {
      throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `The message exceeds ${this.config.mail.inboundMaxBytes} bytes.`);
    }
    const to = body.to === undefined ? undefined : Array.isArray(body.to) ? body.to : [body.to];
    let message: InboundMessage;
    try {
      message =
        body.raw !== undefined
          ? await parseRawMail(body.raw, { recipients: to })
          : structuredMail({
              to: to ?? [],
              from: body.from ?? '',
              headers: body.headers,
              text: body.text,
              html: body.html,
            });
    } catch (err) {
      if (err instanceof MalformedMailError) throw AppError.validation({ raw: [err.message] }, 'Malformed message.');
      throw err;
    }
    return this.inbound.receive(message);
  }
}
