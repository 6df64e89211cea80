#!/usr/bin/env node
// The baseline for the room fan-out benchmark (tools/bench/rooms.mjs): a bare socket.io 4.8 server
// speaking the same /workshops events as Twinning, with no authentication, no authorisation, no
// validation beyond types, no persistence and no rate limit. `workshop.join` puts the socket in the
// room; `message.send` numbers the message with an in-memory per-room counter, emits
// `message.created` to the room (sender included, as Twinning does) and acknowledges it. Payloads
// have the shape of WorkshopMessageDto, so both servers serialise the same amount of JSON.
//
//   node tools/bench/bare-room-server.mjs [--port 0] [--host 127.0.0.1]
// Prints `READY <port>` on stdout once listening; SIGTERM/SIGINT close it.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const httpServer = createServer((_req, res) => {
  res.writeHead(404).end();
});
// the same transport settings as Twinning's AppIoAdapter
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, pingInterval: 20_000, pingTimeout: 20_000 });
const seqs = new Map();
const rooms = io.of('/workshops');

rooms.on('connection', (socket) => {
  const author = {
    id: randomUUID(),
    displayName: `Guest ${socket.id.slice(0, 6)}`,
    handle: `guest_${socket.id.slice(0, 6)}`,
  };

  socket.on('workshop.join', (payload, ack) => {
    if (typeof ack !== 'function') return;
    if (typeof payload?.workshopId !== 'string')
      return ack({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'workshopId' } });
    socket.join(`workshop:${payload.workshopId}`);
    const lastSeq = seqs.get(payload.workshopId) ?? 0;
    ack({
      ok: true,
      messages: [],
      hasMoreBefore: lastSeq > 0,
      hasMoreAfter: false,
      presence: [],
      state: {
        workshopId: payload.workshopId,
        status: 'live',
        locked: false,
        slowModeSeconds: 0,
        pinned: [],
        lastSeq,
        you: { role: 'participant', mutedUntil: null },
      },
      questions: [],
      myVotes: [],
      hands: [],
      reports: [],
    });
  });

  socket.on('workshop.leave', (payload, ack) => {
    if (typeof payload?.workshopId === 'string') socket.leave(`workshop:${payload.workshopId}`);
    if (typeof ack === 'function') ack({ ok: true });
  });

  socket.on('message.send', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const { workshopId, clientId, body } = payload ?? {};
    if (typeof workshopId !== 'string' || typeof clientId !== 'string' || typeof body !== 'string') {
      return ack({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'workshopId, clientId and body' } });
    }
    const seq = (seqs.get(workshopId) ?? 0) + 1;
    seqs.set(workshopId, seq);
    const message = {
      workshopId,
      seq,
      id: randomUUID(),
      clientId,
      author,
      body,
      bodyHtml: `<p>${escapeHtml(body)}</p>`,
      createdAt: new Date().toISOString(),
      deletedAt: null,
      pinned: false,
    };
    rooms.to(`workshop:${workshopId}`).emit('message.created', message);
    ack({ ok: true, message });
  });
});

httpServer.listen(Number(args.port), args.host, () => {
  process.stdout.write(`READY ${httpServer.address().port}\n`);
});

const stop = () => {
  io.close();
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
