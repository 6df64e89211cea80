import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@twinning/contracts';
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

/**
 * What WsErrorFilter does, for a handler bound outside Nest's pipeline: the error's code, message
 * and fields go to the ack as `{ ok: false, error }`, or as an `error` event when there is no ack;
 * an unexpected error is logged with its stack and answered INTERNAL without details. The words follow the
 * `Accept-Language` of the socket's handshake.
 */
export function answerWsError(
  exception: unknown,
  client: { emit(event: string, payload: unknown): unknown; handshake?: Pick<ErrorRequest, 'headers'> },
  ack: ((response: unknown) => void) | null,
  logger: Logger,
): void {
  const { status, body } = describeError(exception, null, logger, errorLanguageOf(client.handshake));
  if (status >= 500 && body.code === ErrorCode.INTERNAL) {
    logger.error((exception as Error)?.stack ?? String(exception));
  }
  if (ack) ack({ ok: false, error: body });
  else client.emit('error', body);
}
