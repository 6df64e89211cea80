import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { DevelopmentRequestLog, httpLogging, readyBanner } from './logging';
import type { AppConfig } from './app-config';

/** A Fastify server with the app's logging options whose JSON log lines the test can read. */
async function serve(config: Pick<AppConfig, 'nodeEnv' | 'logLevel'>) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const options = httpLogging(config);
  const server = Fastify({ ...options, logger: options.logger ? { ...(options.logger as object), stream } : false });
  server.get('/api/cities', async () => ({ items: [] }));
  server.get('/api/boom', async () => {
    throw new Error('boom');
  });
  await server.ready();
  return { server, lines };
}

describe('httpLogging', () => {
  it('logs nothing at all when LOG_LEVEL=silent', () => {
    expect(httpLogging({ nodeEnv: 'development', logLevel: 'silent' })).toEqual({ logger: false });
  });

  it('keeps production as it was: every request as JSON at info (incoming and completed), credentials redacted', async () => {
    const options = httpLogging({ nodeEnv: 'production', logLevel: 'info' });
    expect(options).toEqual({
      logger: {
        level: 'info',
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
    });
    const { server, lines } = await serve({ nodeEnv: 'production', logLevel: 'info' });
    await server.inject({ method: 'GET', url: '/api/cities', headers: { authorization: 'Bearer secret' } });
    await server.close();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'incoming request'],
      [30, 'request completed'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('in development keeps requests out of an info terminal, and still reports server errors', async () => {
    expect(httpLogging({ nodeEnv: 'development', logLevel: 'info' }).logController).toBeInstanceOf(
      DevelopmentRequestLog,
    );
    const { server, lines } = await serve({ nodeEnv: 'development', logLevel: 'info' });
    await server.inject({ method: 'GET', url: '/api/cities' });
    await server.inject({ method: 'GET', url: '/api/missing' });
    expect(lines).toEqual([]);
    await server.inject({ method: 'GET', url: '/api/boom' });
    await server.close();
    expect(lines.map((l) => l.level)).toContain(50);
  });

  it('in development with LOG_LEVEL=debug writes one line per request', async () => {
    const { server, lines } = await serve({ nodeEnv: 'development', logLevel: 'debug' });
    await server.inject({ method: 'GET', url: '/api/cities?page=2' });
    await server.close();
    const requestLines = lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('GET '));
    expect(lines).toHaveLength(1);
    expect(requestLines).toEqual([
      expect.objectContaining({ level: 20, msg: expect.stringMatching(/^GET \/api\/cities\?page=2 200 \d+\.\d ms$/) }),
    ]);
  });
});

describe('readyBanner', () => {
  const demo = { email: 'admin@twinning.demo', password: 'pw' };

  it('in development says where to open the app, where the API reference is and how to sign in', () => {
    const lines = readyBanner({ nodeEnv: 'development', host: '127.0.0.1', port: 3000, logLevel: 'info' }, demo);
    expect(lines[0]).toBe('Twinning is ready: open http://127.0.0.1:3000');
    expect(lines.join('\n')).toContain('http://127.0.0.1:3000/api/docs');
    expect(lines.join('\n')).toContain('admin@twinning.demo');
    expect(lines.join('\n')).toContain('password pw');
    expect(lines.join('\n')).toContain('LOG_LEVEL=debug');
  });

  it('leaves out the demo line when there is no demo data, and names localhost for a wildcard host', () => {
    const lines = readyBanner({ nodeEnv: 'test', host: '0.0.0.0', port: 8080, logLevel: 'debug' }, null);
    expect(lines[0]).toBe('Twinning is ready: open http://localhost:8080');
    expect(lines.join('\n')).not.toContain('Demo');
  });

  it('keeps its single line in production', () => {
    expect(readyBanner({ nodeEnv: 'production', host: '0.0.0.0', port: 3000, logLevel: 'info' }, null)).toEqual([
      'Twinning is ready on http://localhost:3000 (API under /api, docs at /api/docs).',
    ]);
  });
});
