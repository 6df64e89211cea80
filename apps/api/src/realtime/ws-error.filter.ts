import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@twinning/contracts';
import { describeError } from '../common/error-mapping';

/**
 * Socket counterpart of the HTTP error filter: a failed event answers its ack with
 * `{ ok: false, error: { code, message, fields? } }`, or gets an `error` event when sent without ack.
 * It never disconnects the socket.
 */
@Catch()
export class WsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WsErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = describeError(exception, null, this.logger);
    if (status >= 500 && body.code === ErrorCode.INTERNAL) {
      this.logger.error((exception as Error)?.stack ?? String(exception));
    }
    const ack = host.getArgs().find((arg): arg is (response: unknown) => void => typeof arg === 'function');
    if (ack) ack({ ok: false, error: body });
    else host.switchToWs().getClient<{ emit(event: string, payload: unknown): void }>().emit('error', body);
  }
}
