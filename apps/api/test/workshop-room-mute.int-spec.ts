import type { Ack, ApiError, WorkshopClientEvents, WorkshopJoinResult } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { connectRoom, createWorkshop, nextEvent, type RoomSocket } from './support/workshops';

type ClientEvent = keyof WorkshopClientEvents;
type Payload<E extends ClientEvent> = Parameters<WorkshopClientEvents[E]>[0];
type AckOf<E extends ClientEvent> = Parameters<Parameters<WorkshopClientEvents[E]>[1]>[0];

function ok<T extends object>(res: Ack<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`);
  return res;
}

function failure(res: Ack<object>): ApiError {
  if (res.ok) throw new Error(`expected an error, got ${JSON.stringify(res)}`);
  return res.error;
}

function call<E extends ClientEvent>(socket: RoomSocket, event: E, payload: Payload<E>): Promise<AckOf<E>> {
  return (socket as unknown as Socket).timeout(10_000).emitWithAck(event, payload) as Promise<AckOf<E>>;
}

/**
 * A muted participant is muted everywhere: the server refuses their messages, their questions and their
 * raised hand with MUTED (and the seconds left), whatever socket they use; the mute outlives a reconnect,
 * and facilitators who (re)join see who is muted until when.
 */
describe('workshop room: a mute holds everywhere', () => {
  let t: TestApp;
  const sockets: RoomSocket[] = [];

  const connect = async (user: TestUser) => {
    const socket = await connectRoom(t.url, user);
    sockets.push(socket);
    return socket;
  };
  const join = async (socket: RoomSocket, workshopId: string): Promise<WorkshopJoinResult> =>
    ok(await call(socket, 'workshop.join', { workshopId }));

  async function mutedRoom() {
    const facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fatima Facilitator' });
    const workshop = await createWorkshop(t, { facilitator });
    const f = await connect(facilitator);
    await join(f, workshop.id);
    const muted = await createUser(t, { displayName: 'Muted Participant' });
    const other = await createUser(t, { displayName: 'Other Participant' });
    const p = await connect(muted);
    const o = await connect(other);
    await join(p, workshop.id);
    await join(o, workshop.id);
    const heard = nextEvent(p, 'participant.muted');
    ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: muted.id, minutes: 15 }));
    const { mutedUntil } = await heard;
    return { workshop, facilitator, f, muted, other, p, o, mutedUntil: mutedUntil as string };
  }

  /** Expects MUTED with the seconds left of a 15-minute mute. */
  function expectMuted(error: ApiError) {
    expect(error.code).toBe('MUTED');
    expect(error.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  }

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('refuses a message from a muted participant', async () => {
    const { workshop, p } = await mutedRoom();
    expectMuted(
      failure(await call(p, 'message.send', { workshopId: workshop.id, clientId: randomUUID(), body: 'hi' })),
    );
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM workshop_messages WHERE workshop_id = $1`,
      [workshop.id],
    );
    expect(count).toBe(0);
  });

  it('refuses a question from a muted participant', async () => {
    const { workshop, p } = await mutedRoom();
    expectMuted(failure(await call(p, 'question.ask', { workshopId: workshop.id, body: 'May I ask?' })));
    expect((await join(p, workshop.id)).questions).toEqual([]);
  });

  it('refuses a raised hand from a muted participant, and the mute lowers a hand already raised', async () => {
    const facilitator = await createUser(t, { roles: ['facilitator'] });
    const workshop = await createWorkshop(t, { facilitator });
    const f = await connect(facilitator);
    await join(f, workshop.id);
    const participant = await createUser(t);
    const p = await connect(participant);
    await join(p, workshop.id);
    expect(ok(await call(p, 'hand.raise', { workshopId: workshop.id })).hands).toHaveLength(1);

    const queue = nextEvent(f, 'hand.queue', (q) => q.hands.length === 0);
    ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: participant.id, minutes: 15 }));
    await queue;
    expectMuted(failure(await call(p, 'hand.raise', { workshopId: workshop.id })));
    expect((await join(f, workshop.id)).hands).toEqual([]);

    // unmuted, the hand goes up again
    ok(await call(f, 'participant.mute', { workshopId: workshop.id, userId: participant.id, minutes: 0 }));
    expect(ok(await call(p, 'hand.raise', { workshopId: workshop.id })).hands).toHaveLength(1);
  });

  it('keeps the mute across a reconnect, and shows facilitators who is muted when they (re)join', async () => {
    const { workshop, facilitator, f, muted, p, mutedUntil } = await mutedRoom();
    p.close();
    f.close();
    const again = await connect(muted);
    const rejoined = await join(again, workshop.id);
    expect(rejoined.state.you.mutedUntil).toBe(mutedUntil);
    expect(rejoined.mutes).toEqual([]); // participants do not see the others' mutes
    expectMuted(failure(await call(again, 'question.ask', { workshopId: workshop.id, body: 'Now?' })));
    expectMuted(failure(await call(again, 'hand.raise', { workshopId: workshop.id })));

    const f2 = await connect(facilitator);
    expect((await join(f2, workshop.id)).mutes).toEqual([{ userId: muted.id, mutedUntil }]);
    // a lifted mute is no longer listed
    ok(await call(f2, 'participant.mute', { workshopId: workshop.id, userId: muted.id, minutes: 0 }));
    expect((await join(f2, workshop.id)).mutes).toEqual([]);
  });
});
