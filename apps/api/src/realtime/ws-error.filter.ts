import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, UI_LANGUAGES, type UiLanguage } from '@twinning/contracts';
import { describeError, errorLanguageOf, type ErrorRequest } from '../common/error-mapping';

/**
 * Socket counterpart of the HTTP error filter: a failed event answers its ack with
 * `{ ok: false, error: { code, message, fields? } }`, or gets an `error` event when sent without ack.
 * It never disconnects the socket.
 */
@Catch()
export class WsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WsErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgs().find((arg): arg is (response: unknown) => void => typeof arg === 'function');
    answerWsError(exception, host.switchToWs().getClient(), ack ?? null, this.logger);
  }
}

/** What a socket's handshake tells of its language: its headers, and the client's `auth` payload. */
export type SocketHandshake = Pick<ErrorRequest, 'headers'> & { auth?: unknown };

/**
 * The language a socket's error messages are worded in: the interface language the client names in its
 * handshake (`auth: { language }`, as the web client sends it: a browser cannot set headers on a WebSocket,
 * and its own `Accept-Language` need not be the language chosen in Twinning), else the handshake's
 * `Accept-Language` (as HTTP errors), else English.
 */
export function socketLanguageOf(handshake: SocketHandshake | null | undefined): UiLanguage {
  const named = (handshake?.auth as { language?: unknown } | undefined)?.language;
  if (typeof named === 'string' && (UI_LANGUAGES as readonly string[]).includes(named)) return named as UiLanguage;
  return errorLanguageOf(handshake);
}

/**
 * What WsErrorFilter does, for a handler bound outside Nest's pipeline: the error's code, message
 * and fields go to the ack as `{ ok: false, error }`, or as an `error` event when there is no ack;
 * an unexpected error is logged with its stack and answered INTERNAL without details. The words follow
 * socketLanguageOf the handshake.
 */
export function answerWsError(
  exception: unknown,
  client: { emit(event: string, payload: unknown): unknown; handshake?: SocketHandshake },
  ack: ((response: unknown) => void) | null,
  logger: Logger,
): void {
  const { status, body } = describeError(exception, null, logger, socketLanguageOf(client.handshake));
  if (status >= 500 && body.code === ErrorCode.INTERNAL) {
    logger.error((exception as Error)?.stack ?? String(exception));
  }
  if (ack) ack({ ok: false, error: body });
  else client.emit('error', body);
}
