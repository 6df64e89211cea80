import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { AppConfig } from './app-config';

/** Credentials never reach the log. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/**
 * Outside production the terminal of `npm start` is read by a person: one line per request, at
 * `debug` (LOG_LEVEL=debug shows them), instead of two JSON lines at `info` for every request.
 * Failed requests (5xx) are still logged as errors, exactly as in production.
 */
export class DevelopmentRequestLog extends LogController {
  override incomingRequest(): void {
    // the completed line says it all
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    if (this.isLogDisabled(request)) return;
    reply.log.debug(
      { res: reply, responseTime: reply.elapsedTime },
      `${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`,
    );
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
    else if (!this.isLogDisabled(request)) reply.log.debug({ res: reply, err: error }, error?.message);
  }

  override routeNotFound(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug(`Route ${request.method}:${request.url} not found`);
  }
}

/**
 * Fastify's logging (pino, JSON lines). Production logs every request at `info`, as structured JSON
 * for the log pipeline; development keeps the terminal quiet (DevelopmentRequestLog).
 */
export function httpLogging(config: Pick<AppConfig, 'nodeEnv' | 'logLevel'>): FastifyServerOptions {
  if (config.logLevel === 'silent') return { logger: false };
  const logger = { level: config.logLevel, redact: REDACT };
  if (config.nodeEnv === 'production') return { logger };
  return { logger, logController: new DevelopmentRequestLog() };
}

/**
 * What the server prints once it listens: the last lines of `npm start`, so they say where to go.
 * Production keeps its one line.
 */
export function readyBanner(
  config: Pick<AppConfig, 'nodeEnv' | 'host' | 'port' | 'logLevel'>,
  demo: { email: string; password: string } | null,
): string[] {
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
  if (config.nodeEnv === 'production') {
    return [`Twinning is ready on ${url} (API under /api, docs at /api/docs).`];
  }
  const lines = [`Twinning is ready: open ${url}`, `  API reference  ${url}/api/docs`];
  if (demo) {
    lines.push(`  Demo accounts  ${demo.email} and the others in README.md, password ${demo.password}`);
  }
  if (config.logLevel !== 'debug' && config.logLevel !== 'trace') {
    lines.push('  Requests are logged at debug level (LOG_LEVEL=debug). Ctrl-C stops the server.');
  } else {
    lines.push('  Ctrl-C stops the server.');
  }
  return lines;
}
