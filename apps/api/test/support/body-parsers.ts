import type { IncomingMessage } from 'node:http';
import type { Response } from 'supertest';

/** supertest `.parse()`: the body as text (for types superagent does not read, e.g. application/vc+jwt). */
export function textParser(res: Response, done: (err: Error | null, body: string) => void): void {
  const stream = res as unknown as IncomingMessage; // in Node, superagent hands parsers the raw response
  let data = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (data += chunk));
  stream.on('end', () => done(null, data));
}

/** supertest `.parse()`: the body as a Buffer (PDFs). */
export function bufferParser(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
