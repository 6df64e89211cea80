import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Readable } from 'node:stream';
import { mailboxAddress } from '../config/app-config';

/**
 * A mail that arrived for reply by email, whichever way it came (the SMTP listener or the
 * webhook): who it is for, who says they sent it, the headers that tell automatic mail apart, and
 * its text and HTML parts.
 */
export interface InboundMessage {
  /** Envelope recipients (SMTP RCPT TO, the webhook's `to`), else the To/Cc headers; lower case. */
  recipients: string[];
  /** The From address, lower case; null when missing or unreadable. */
  from: string | null;
  /** The envelope sender or Return-Path header: '' for the null sender `<>`, null when unknown. */
  returnPath: string | null;
  /** Header names lower case, values as text. */
  headers: Record<string, string>;
  /** The text/plain part, when the mail has one. */
  text: string | null;
  html: string | null;
}

/** The mail could not be read as a message (answered 550 over SMTP, 400 on the webhook). */
export class MalformedMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMailError';
  }
}

/** Parses RFC 822 source with mailparser; `envelope` comes from SMTP (or the webhook's `to`). */
export async function parseRawMail(
  source: Buffer | string | Readable,
  envelope: { recipients?: string[]; returnPath?: string | null } = {},
): Promise<InboundMessage> {
  let parsed: ParsedMail;
  try {
    // skipHtmlToText: an HTML-only mail keeps an empty `text`, so we know to convert it ourselves.
    parsed = await simpleParser(source, { skipHtmlToText: true, skipImageLinks: true, skipTextLinks: true });
  } catch (err) {
    throw new MalformedMailError(`Unreadable message: ${(err as Error).message}`);
  }
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines ?? []) {
    const name = line.key.toLowerCase();
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  if (Object.keys(headers).length === 0) throw new MalformedMailError('The message has no header.');
  if (headers['from'] === undefined) throw new MalformedMailError('The message has no From header.');
  const recipients = envelope.recipients?.length
    ? envelope.recipients
    : [...addresses(parsed.to), ...addresses(parsed.cc)];
  const returnPath =
    envelope.returnPath !== undefined && envelope.returnPath !== null
      ? envelope.returnPath
      : headers['return-path'] !== undefined
        ? (/<([^>]*)>/.exec(headers['return-path'])?.[1] ?? headers['return-path']).trim()
        : null;
  return {
    recipients: recipients.map((a) => mailboxAddress(a) ?? a.trim().toLowerCase()),
    from: parsed.from?.value[0]?.address?.toLowerCase() || null,
    returnPath,
    headers,
    text: parsed.text && parsed.text.trim() !== '' ? parsed.text : null,
    html: typeof parsed.html === 'string' && parsed.html.trim() !== '' ? parsed.html : null,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);
}

/** The webhook's structured shape, already parsed by the provider. */
export function structuredMail(input: {
  to: string | string[];
  from: string;
  headers?: Record<string, string>;
  text?: string | null;
  html?: string | null;
}): InboundMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const returnPath = headers['return-path'];
  return {
    recipients: (Array.isArray(input.to) ? input.to : [input.to])
      .map((a) => mailboxAddress(a))
      .filter((a): a is string => a !== null),
    from: mailboxAddress(input.from),
    returnPath: returnPath === undefined ? null : (/<([^>]*)>/.exec(returnPath)?.[1] ?? returnPath).trim(),
    headers,
    text: input.text && input.text.trim() !== '' ? input.text : null,
    html: input.html && input.html.trim() !== '' ? input.html : null,
  };
}

/**
 * Out-of-office replies, bounces and list mail (RFC 3834): `Auto-Submitted` other than `no`,
 * `Precedence: bulk | list | junk`, the null sender (empty Return-Path), and the headers some
 * autoresponders add instead.
 */
export function isAutomatic(message: InboundMessage): boolean {
  const h = message.headers;
  const autoSubmitted = h['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && !/^no\b/.test(autoSubmitted)) return true;
  if (/^\s*(bulk|list|junk|auto_reply)\s*$/i.test(h['precedence'] ?? '')) return true;
  if (message.returnPath === '') return true;
  // Autoresponders that do not follow RFC 3834, and Exchange's rule-generated mail.
  return ['x-autoreply', 'x-autorespond', 'x-ms-exchange-inbox-rules-loop'].some((name) => h[name] !== undefined);
}
