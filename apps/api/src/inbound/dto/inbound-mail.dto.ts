import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsObject, IsOptional, IsString, ValidateIf } from 'class-validator';

/**
 * The inbound webhook's body (README, "Reply by email"): either the whole message as the provider
 * received it, `{ "raw": "<RFC 822 source>", "to"?: "<envelope recipient>" }`, or the provider's
 * parsed fields, `{ "to", "from", "headers"?, "text"?, "html"? }`.
 */
export class InboundMailDto {
  @ApiPropertyOptional({ description: 'The whole message (RFC 822 source, headers and body)' })
  @IsOptional()
  @IsString({ message: 'raw must be the message source as text' })
  raw?: string;

  @ApiPropertyOptional({
    description: 'Envelope recipient(s); required without raw',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  @ValidateIf((o: InboundMailDto) => o.raw === undefined || o.to !== undefined)
  @IsDefined({ message: 'to is required without raw' })
  @IsString({ each: true, message: 'to must be an address or a list of addresses' })
  to?: string | string[];

  @ApiPropertyOptional({ description: 'The From header (an address or "Name <address>"); required without raw' })
  @ValidateIf((o: InboundMailDto) => o.raw === undefined)
  @IsString({ message: 'from is required without raw' })
  from?: string;

  @ApiPropertyOptional({ description: 'Header fields by name (Auto-Submitted, Precedence, Return-Path …)' })
  @IsOptional()
  @IsObject({ message: 'headers must be an object of header names to values' })
  headers?: Record<string, string>;

  @ApiPropertyOptional({ description: 'The text/plain part' })
  @IsOptional()
  @IsString({ message: 'text must be text' })
  text?: string;

  @ApiPropertyOptional({ description: 'The text/html part' })
  @IsOptional()
  @IsString({ message: 'html must be text' })
  html?: string;
}
