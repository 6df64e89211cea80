import { API_ERROR_TEXT, Namespaces, type Ack, type ApiError } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { createWorkshop } from './support/workshops';

/**
 * The live room's socket errors are worded like the HTTP API's: in the interface language the client names
 * in its handshake (`auth.language`), else the handshake's `Accept-Language`; codes and fields never change.
 */
describe('room socket errors in the user’s language', () => {
  let t: TestApp;
  let facilitator: TestUser;
  let participant: TestUser;
  let workshopId: string;
  const sockets: Socket[] = [];

  /** A connected /workshops socket with these handshake headers and `auth` language. */
  async function connect(user: TestUser, opts: { acceptLanguage?: string; language?: string } = {}): Promise<Socket> {
    const socket = io(`${t.url}${Namespaces.workshops}`, {
      auth: { token: user.token, ...(opts.language ? { language: opts.language } : {}) },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: opts.acceptLanguage ? { 'Accept-Language': opts.acceptLanguage } : undefined,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  const refused = async (socket: Socket, event: string, payload: unknown): Promise<ApiError> => {
    const ack: Ack<object> = await socket.timeout(10_000).emitWithAck(event, payload);
    if (ack.ok) throw new Error(`${event} was accepted`);
    return ack.error;
  };

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
    facilitator = await createUser(t, { roles: ['facilitator'] });
    participant = await createUser(t);
    workshopId = (await createWorkshop(t, { facilitator })).id;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('words payload field errors by rule, in English by default and in French from Accept-Language', async () => {
    const english = await connect(participant);
    const blank = { workshopId, clientId: randomUUID(), body: '   ' };
    expect(await refused(english, 'message.send', blank)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid field: body.',
      fields: { body: ['body must not be blank'] },
    });

    const french = await connect(participant, { acceptLanguage: 'fr-FR,fr;q=0.9' });
    const error = await refused(french, 'message.send', blank);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({ body: [API_ERROR_TEXT.fr.fields.notBlank({ field: 'body' })] });
    expect(error.message).toBe(API_ERROR_TEXT.fr.invalidFields(['body']));
    expect(JSON.stringify(error)).not.toContain(API_ERROR_TEXT.fr.fields.invalid({ field: 'body' }));
    // ranges, unknown keys and the room settings say what they expect, in the same language
    const hand = await refused(french, 'history.before', { workshopId, beforeSeq: 0 });
    expect(hand.fields).toEqual({
      beforeSeq: [API_ERROR_TEXT.fr.fields.intRange({ field: 'beforeSeq', min: 1, max: 2_147_483_647 })],
    });
    const extra = await refused(french, 'workshop.join', { workshopId, colour: 'red' });
    expect(extra.fields).toEqual({ colour: ['colour n’est pas un champ accepté'] });
  });

  it('follows the interface language the client names over the browser’s Accept-Language', async () => {
    const arabic = await connect(facilitator, { acceptLanguage: 'en-US,en;q=0.9', language: 'ar' });
    const settings = await refused(arabic, 'room.update', { workshopId });
    expect(settings.fields).toEqual({ locked: [API_ERROR_TEXT.ar.fields.lockedOrSlowMode({ field: 'locked' })] });
    // errors without fields get the sentence of their code
    const notJoined = await refused(arabic, 'message.send', { workshopId, clientId: randomUUID(), body: 'Hi' });
    expect(notJoined).toEqual({ code: 'NOT_FOUND', message: API_ERROR_TEXT.ar.codes.NOT_FOUND });
    const spanish = await connect(participant, { language: 'es' });
    const vote = await refused(spanish, 'question.vote', { workshopId, questionId: randomUUID(), vote: 'yes' });
    expect(vote.fields).toEqual({ vote: [API_ERROR_TEXT.es.fields.isBoolean({ field: 'vote' })] });
  });

  it('refuses a handshake in the named language', async () => {
    const socket = io(`${t.url}${Namespaces.workshops}`, {
      auth: { token: 'not-a-token', language: 'fr' },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const error = await new Promise<Error & { data?: ApiError }>((resolve) => socket.once('connect_error', resolve));
    expect(error.data?.code).toBe('UNAUTHENTICATED');
    expect(error.data?.message).toBe(API_ERROR_TEXT.fr.codes.UNAUTHENTICATED);
  });
});
