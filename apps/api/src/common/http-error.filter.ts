import { ArgumentsHost, Catch, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@twinning/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './error-mapping';

/**
 * Maps every error to the one error body `{ code, message, fields? }`, and serves the web client's
 * index.html for unknown non-API GET routes (client-side routing). Without `devPages` (production)
 * the development pages under /dev/ (the Outbox) are a plain 404, as their API is.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');
  private indexHtml: Buffer | null = null;

  constructor(
    private readonly webDistDir: string | null,
    private readonly opts: { devPages: boolean } = { devPages: true },
  ) {
    if (webDistDir) {
      try {
        this.indexHtml = readFileSync(path.join(webDistDir, 'index.html'));
      } catch {
        this.indexHtml = null;
      }
    }
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();

    if (exception instanceof NotFoundException && this.serveSpa(request, reply)) return;

    const { status, body, retryAfter } = describeError(exception, request, this.logger);
    if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
    if (status >= 500 && body.code === ErrorCode.INTERNAL) {
      this.logger.error(
        { err: exception, method: request.method, url: request.url },
        (exception as Error)?.stack ?? String(exception),
      );
    }
    reply.status(status).header('Cache-Control', 'no-store').send(body);
  }

  private serveSpa(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!this.indexHtml) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const url = request.url.split('?')[0];
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/socket.io')) return false;
    if (!this.opts.devPages && (url === '/dev' || url.startsWith('/dev/'))) return false;
    if (path.extname(url)) return false; // a missing asset is a real 404
    reply
      .status(200)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(this.indexHtml);
    return true;
  }
}
