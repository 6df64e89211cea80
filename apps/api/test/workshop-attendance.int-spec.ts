import type {
  Ack,
  CertificateDto,
  ParticipantAttendanceDto,
  WorkshopAttendanceReportDto,
  WorkshopAuditEntryDto,
  WorkshopClientEvents,
} from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { RoomAttendanceRecorder } from '../src/workshops/room-attendance.recorder';
import { createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';
import { attend, connectRoom, createWorkshop, type RoomSocket } from './support/workshops';

type ClientEvent = keyof WorkshopClientEvents;
type Payload<E extends ClientEvent> = Parameters<WorkshopClientEvents[E]>[0];
type AckOf<E extends ClientEvent> = Parameters<Parameters<WorkshopClientEvents[E]>[1]>[0];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function call<E extends ClientEvent>(socket: RoomSocket, event: E, payload: Payload<E>): Promise<AckOf<E>> {
  return (socket as unknown as Socket).timeout(10_000).emitWithAck(event, payload) as Promise<AckOf<E>>;
}

function ok<T extends object>(res: Ack<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`);
  return res;
}

interface IntervalRow {
  user_id: string;
  socket_id: string;
  joined_at: Date;
  left_at: Date | null;
}

describe('workshop attendance: intervals from presence, the 75 % rule, corrections', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const sockets: RoomSocket[] = [];
  let facilitator: TestUser;

  const connect = async (user: TestUser) => {
    const socket = await connectRoom(t.url, user);
    sockets.push(socket);
    return socket;
  };
  const join = async (socket: RoomSocket, workshopId: string) =>
    ok(await call(socket, 'workshop.join', { workshopId }));
  const intervals = (workshopId: string): Promise<IntervalRow[]> =>
    t.dataSource.query(
      `SELECT user_id, socket_id, joined_at, left_at FROM workshop_attendance_intervals
        WHERE workshop_id = $1 ORDER BY joined_at, id`,
      [workshopId],
    );
  const report = async (workshopId: string, as: TestUser = facilitator): Promise<WorkshopAttendanceReportDto> =>
    (await http().get(`/api/workshops/${workshopId}/attendance`).set(as.auth).expect(200)).body;
  const of = (r: WorkshopAttendanceReportDto, user: TestUser) => {
    const p = r.participants.find((x) => x.user.id === user.id);
    if (!p) throw new Error(`${user.displayName} is not in the report`);
    return p;
  };
  /** Waits until the server has recorded what a socket did (disconnects are handled after the client returns). */
  async function until(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  beforeAll(async () => {
    t = await bootApp({}, { listen: true });
    await resetDatabase(t.dataSource);
    facilitator = await createUser(t, { roles: ['facilitator'], displayName: 'Fatima Facilitator' });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t?.close());

  it('records one interval per socket on join, closes it on leave and disconnect, and writes nothing per message', async () => {
    const workshop = await createWorkshop(t, { facilitator, status: 'live' });
    const ana = await createUser(t, { displayName: 'Ana' });
    const tab1 = await connect(ana);
    await join(tab1, workshop.id);
    let rows = await intervals(workshop.id);
    expect(rows).toEqual([{ user_id: ana.id, socket_id: tab1.id, joined_at: expect.any(Date), left_at: null }]);

    // messages and a second join of the same socket open nothing
    for (let i = 0; i < 3; i++) {
      ok(await call(tab1, 'message.send', { workshopId: workshop.id, clientId: randomUUID(), body: `hello ${i}` }));
    }
    await join(tab1, workshop.id);
    expect(await intervals(workshop.id)).toEqual(rows);

    // a second tab: its own interval, overlapping the first
    const tab2 = await connect(ana);
    await join(tab2, workshop.id);
    rows = await intervals(workshop.id);
    expect(rows.map((r) => [r.socket_id, r.left_at])).toEqual([
      [tab1.id, null],
      [tab2.id, null],
    ]);

    // leaving closes that socket's interval only
    ok(await call(tab1, 'workshop.leave', { workshopId: workshop.id }));
    rows = await intervals(workshop.id);
    expect(rows[0].left_at).toBeInstanceOf(Date);
    expect(rows[0].left_at?.getTime()).toBeGreaterThanOrEqual(rows[0].joined_at.getTime());
    expect(rows[1].left_at).toBeNull();

    // a disconnect (closing the tab) closes the other
    tab2.close();
    await until('the disconnect to close the interval', async () =>
      (await intervals(workshop.id)).every((r) => r.left_at !== null),
    );

    // rejoining (a reconnect) opens a new interval
    await join(tab1, workshop.id);
    rows = await intervals(workshop.id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ socket_id: tab1.id, left_at: null });

    // an ended room's transcript can be read in the room, but it counts for nothing
    const ended = await createWorkshop(t, { facilitator, status: 'ended' });
    await join(tab1, ended.id);
    expect(await intervals(ended.id)).toEqual([]);
  });

  it('computes minutes and percent from merged intervals clipped to the live time', async () => {
    // live from 3 h ago to 1 h ago: 120 minutes
    const workshop = await createWorkshop(t, { facilitator, status: 'ended' });
    const [a, b, c, d, removed] = await Promise.all(
      ['Aziz', 'Bea', 'Chen', 'Dina', 'Eve'].map((displayName) => createUser(t, { displayName })),
    );
    await attend(t, workshop.id, [d, removed], 0);
    const add = (user: TestUser, from: number, to: number) =>
      t.dataSource
        .query(`INSERT INTO workshop_attendees (workshop_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING;`, [
          workshop.id,
          user.id,
        ])
        .then(() =>
          t.dataSource.query(
            `INSERT INTO workshop_attendance_intervals (workshop_id, user_id, socket_id, instance_id, joined_at, left_at)
           SELECT id, $2, $3, 'test', opened_at + make_interval(mins => $4), opened_at + make_interval(mins => $5)
             FROM workshops WHERE id = $1`,
            [workshop.id, user.id, randomUUID(), from, to],
          ),
        );
    // Aziz: two overlapping tabs, 0–60 and 30–100 → 100 minutes, not 130
    await add(a, 0, 60);
    await add(a, 30, 100);
    // Bea: from before the room opened and until after it ended → only the live part counts: 20 + 10
    await add(b, -30, 20);
    await add(b, 110, 150);
    // Chen: the same 0–120 on two instances, and a 10-minute blip inside → 120, never more
    await add(c, 0, 120);
    await add(c, 0, 120);
    await add(c, 50, 60);
    await t.dataSource.query(
      `UPDATE workshop_attendees SET removed_at = now() WHERE workshop_id = $1 AND user_id = $2`,
      [workshop.id, removed.id],
    );

    const r = await report(workshop.id);
    expect(r).toMatchObject({ workshopId: workshop.id, status: 'ended', liveMinutes: 120, thresholdPercent: 75 });
    expect(r.participants.map((p) => p.user.displayName)).toEqual(['Aziz', 'Bea', 'Chen', 'Dina']);
    const row = (p: ParticipantAttendanceDto) => [p.measuredMinutes, p.measuredPercent, p.eligible, p.override];
    expect(row(of(r, a))).toEqual([100, 83.3, true, null]);
    expect(row(of(r, b))).toEqual([30, 25, false, null]);
    expect(row(of(r, c))).toEqual([120, 100, true, null]);
    expect(row(of(r, d))).toEqual([0, 0, false, null]);
    expect(r.participants.every((p) => p.certificate === null)).toBe(true);

    // exactly 75 % is enough; a minute less is not
    const edge = await createWorkshop(t, { facilitator, status: 'ended' });
    const [justEnough, justShort] = await Promise.all([createUser(t), createUser(t)]);
    await attend(t, edge.id, [justEnough], 0.75);
    await attend(t, edge.id, [justShort], 89 / 120);
    const e = await report(edge.id);
    expect([of(e, justEnough).measuredPercent, of(e, justEnough).eligible]).toEqual([75, true]);
    expect([of(e, justShort).measuredMinutes, of(e, justShort).eligible]).toEqual([89, false]);
  });

  it('from real sockets: the room opens, people come and go, the end closes every open interval at ended_at; 75 % decides', async () => {
    const workshop = await createWorkshop(t, { facilitator, status: 'scheduled', title: 'Negotiation basics' });
    const [early, onTime, late] = await Promise.all(
      ['Early Eun', 'On-time Omar', 'Late Lina'].map((displayName) => createUser(t, { displayName })),
    );
    // Early Eun registers and waits in the room before it opens: counted from the opening only
    await http().put(`/api/workshops/${workshop.id}/registration`).set(early.auth).expect(200);
    const e = await connect(early);
    await join(e, workshop.id);
    await sleep(150);

    await http().post(`/api/workshops/${workshop.id}/open`).set(facilitator.auth).expect(200);
    // On-time Omar enters the live room (which registers him) in two tabs
    const [o1, o2] = [await connect(onTime), await connect(onTime)];
    await join(o1, workshop.id);
    await join(o2, workshop.id);
    await sleep(700);
    // Late Lina comes for the last moments
    const l = await connect(late);
    await join(l, workshop.id);
    await sleep(150);
    await http().post(`/api/workshops/${workshop.id}/end`).set(facilitator.auth).expect(200);

    const [{ opened_at, ended_at }]: { opened_at: Date; ended_at: Date }[] = await t.dataSource.query(
      `SELECT opened_at, ended_at FROM workshops WHERE id = $1`,
      [workshop.id],
    );
    const rows = await intervals(workshop.id);
    expect(rows.filter((r) => r.user_id !== facilitator.id)).toHaveLength(4);
    // the sockets are still connected, but the end closed their intervals when the room ended
    expect(rows.every((r) => r.left_at?.getTime() === ended_at.getTime())).toBe(true);
    expect(rows.find((r) => r.user_id === early.id)?.joined_at.getTime()).toBeLessThan(opened_at.getTime());

    const r = await report(workshop.id);
    expect(r.participants.map((p) => p.user.displayName)).toEqual(['Early Eun', 'Late Lina', 'On-time Omar']);
    expect(of(r, early)).toMatchObject({ measuredPercent: 100, eligible: true });
    // two tabs count once
    expect(of(r, onTime).measuredPercent).toBeGreaterThanOrEqual(75);
    expect(of(r, onTime).measuredPercent).toBeLessThanOrEqual(100);
    expect(of(r, onTime).eligible).toBe(true);
    expect(of(r, late).measuredPercent).toBeLessThan(75);
    expect(of(r, late).eligible).toBe(false);

    // issuing to Late Lina is refused, naming her; nothing is issued for the others named with her
    const refused = await http()
      .post(`/api/workshops/${workshop.id}/certificates`)
      .set(facilitator.auth)
      .send({ userIds: [onTime.id, late.id] });
    expect([refused.status, refused.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(refused.body.message).toContain('Late Lina');
    expect(refused.body.message).toContain('75 %');
    expect(refused.body.message).not.toContain('On-time Omar');
    expect((await report(workshop.id)).participants.every((p) => p.certificate === null)).toBe(true);

    const one: CertificateDto[] = (
      await http()
        .post(`/api/workshops/${workshop.id}/certificates`)
        .set(facilitator.auth)
        .send({ userIds: [onTime.id] })
        .expect(201)
    ).body;
    expect(one.map((c) => c.learnerName)).toEqual(['On-time Omar']);

    // "issue to all eligible": those without one yet
    const rest: CertificateDto[] = (
      await http().post(`/api/workshops/${workshop.id}/certificates/eligible`).set(facilitator.auth).expect(201)
    ).body;
    expect(rest.map((c) => c.learnerName)).toEqual(['Early Eun']);
    expect(
      (await http().post(`/api/workshops/${workshop.id}/certificates/eligible`).set(facilitator.auth).expect(201)).body,
    ).toEqual([]);

    // the facilitator knows Lina was there (her connection failed): corrected, she gets one too
    const corrected: ParticipantAttendanceDto = (
      await http()
        .put(`/api/workshops/${workshop.id}/attendance/${late.id}`)
        .set(facilitator.auth)
        .send({ present: true, minutes: 1 })
        .expect(200)
    ).body;
    expect(corrected).toMatchObject({
      eligible: true,
      minutes: 1,
      override: { present: true, minutes: 1, by: { id: facilitator.id, displayName: 'Fatima Facilitator' } },
    });
    expect(corrected.measuredPercent).toBe(of(r, late).measuredPercent);
    const lina: CertificateDto[] = (
      await http().post(`/api/workshops/${workshop.id}/certificates/eligible`).set(facilitator.auth).expect(201)
    ).body;
    expect(lina.map((c) => c.learnerName)).toEqual(['Late Lina']);
    const after = await report(workshop.id);
    expect(after.participants.every((p) => p.certificate !== null && !p.certificate.revoked)).toBe(true);
    expect(of(after, late).certificate?.id).toBe(lina[0].id);
  });

  it('corrections: facilitators only, ended workshops only, registered participants only, bounded, audited', async () => {
    const workshop = await createWorkshop(t, { facilitator, status: 'ended' });
    const [present, absent, stranger] = await Promise.all([
      createUser(t, { displayName: 'Present Pia' }),
      createUser(t, { displayName: 'Absent Abe' }),
      createUser(t),
    ]);
    await attend(t, workshop.id, [present], 1);
    await attend(t, workshop.id, [absent], 0.2);
    const put = (as: TestUser, userId: string, body: object, id = workshop.id) =>
      http().put(`/api/workshops/${id}/attendance/${userId}`).set(as.auth).send(body);

    // a participant may neither read the attendance nor correct it (403); validation names the field
    await http().get(`/api/workshops/${workshop.id}/attendance`).set(present.auth).expect(403);
    expect((await put(present, present.id, { present: true })).status).toBe(403);
    const bad = async (body: object, field: string, userId = absent.id) => {
      const res = await put(facilitator, userId, body);
      expect([res.status, res.body.code, Object.keys(res.body.fields ?? {})]).toEqual([
        400,
        'VALIDATION_FAILED',
        [field],
      ]);
    };
    await bad({ present: 'yes' }, 'present');
    await bad({}, 'present');
    await bad({ present: true, minutes: -1 }, 'minutes');
    await bad({ present: true, minutes: 1.5 }, 'minutes');
    await bad({ present: true, minutes: 121 }, 'minutes');
    await bad({ present: true, extra: 1 }, 'extra');
    await bad({ present: true }, 'userId', stranger.id);
    const live = await createWorkshop(t, { facilitator, status: 'live' });
    await attend(t, live.id, [present]);
    expect((await put(facilitator, present.id, { present: false }, live.id)).body.code).toBe('INVALID_STATE');

    // absent overrides a measured 100 %: no certificate then
    expect((await put(facilitator, present.id, { present: false }).expect(200)).body).toMatchObject({
      measuredPercent: 100,
      eligible: false,
      override: { present: false, minutes: null },
    });
    const refused = await http()
      .post(`/api/workshops/${workshop.id}/certificates`)
      .set(facilitator.auth)
      .send({ userIds: [present.id] });
    expect([refused.status, refused.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(refused.body.message).toContain('Present Pia');
    // back to what presence measured
    const reset = await http()
      .delete(`/api/workshops/${workshop.id}/attendance/${present.id}`)
      .set(facilitator.auth)
      .expect(200);
    expect(reset.body).toMatchObject({ eligible: true, override: null });
    // present with minutes: the minutes are shown, the facilitator's word decides
    expect((await put(facilitator, absent.id, { present: true, minutes: 100 }).expect(200)).body).toMatchObject({
      measuredMinutes: 24,
      minutes: 100,
      percent: 83.3,
      eligible: true,
    });

    const audit: WorkshopAuditEntryDto[] = (
      await http().get(`/api/workshops/${workshop.id}/audit`).set(facilitator.auth).expect(200)
    ).body.items;
    expect(audit.map((a) => [a.action, a.targetUser?.displayName, a.actor?.id, a.detail])).toEqual([
      ['attendance.corrected', 'Absent Abe', facilitator.id, { present: true, minutes: 100 }],
      ['attendance.reset', 'Present Pia', facilitator.id, {}],
      ['attendance.corrected', 'Present Pia', facilitator.id, { present: false, minutes: null }],
    ]);
  });

  it('access: 404 for a workshop the user cannot see, 403 for one they do not run, admins may', async () => {
    const city = await createCity(t.dataSource);
    const { partnershipId } = await createPartnershipForum(t.dataSource, [city.id]);
    const hidden = await createWorkshop(t, { facilitator, status: 'ended', partnershipId });
    const [outsider, participant, admin] = await Promise.all([
      createUser(t),
      createUser(t),
      createUser(t, { roles: ['admin'] }),
    ]);
    await attend(t, hidden.id, [participant]);
    await http().get(`/api/workshops/${hidden.id}/attendance`).set(outsider.auth).expect(404);
    await http()
      .put(`/api/workshops/${hidden.id}/attendance/${participant.id}`)
      .set(outsider.auth)
      .send({ present: true })
      .expect(404);
    await http().delete(`/api/workshops/${hidden.id}/attendance/${participant.id}`).set(outsider.auth).expect(404);
    await http().post(`/api/workshops/${hidden.id}/certificates/eligible`).set(outsider.auth).expect(404);
    await http().get(`/api/workshops/${randomUUID()}/attendance`).set(facilitator.auth).expect(404);
    await http().get(`/api/workshops/${hidden.id}/attendance`).expect(401);
    const open = await createWorkshop(t, { facilitator, status: 'ended' });
    await http().post(`/api/workshops/${open.id}/certificates/eligible`).set(participant.auth).expect(403);
    expect((await report(hidden.id, admin)).participants.map((p) => p.user.id)).toEqual([participant.id]);
    const live = await createWorkshop(t, { facilitator, status: 'live' });
    const res = await http().post(`/api/workshops/${live.id}/certificates/eligible`).set(facilitator.auth);
    expect([res.status, res.body.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('an instance that stops closes its intervals; a crashed one is closed at its last heartbeat', async () => {
    const workshop = await createWorkshop(t, { facilitator, status: 'live' });
    const user = await createUser(t);
    // a crashed instance: last heard of 10 minutes ago, with an interval open since 20 minutes ago
    await t.dataSource.query(
      `INSERT INTO workshop_attendance_instances (instance_id, seen_at) VALUES ('crashed', now() - interval '10 minutes')`,
    );
    await t.dataSource.query(
      `INSERT INTO workshop_attendance_intervals (workshop_id, user_id, socket_id, instance_id, joined_at)
       VALUES ($1, $2, 'gone-socket', 'crashed', now() - interval '20 minutes')`,
      [workshop.id, user.id],
    );
    await t.app.get(RoomAttendanceRecorder).beat();
    const [row]: { left_at: Date; seen: Date }[] = await t.dataSource.query(
      `SELECT left_at, now() - interval '10 minutes' AS seen FROM workshop_attendance_intervals WHERE socket_id = 'gone-socket'`,
    );
    expect(Math.abs(row.left_at.getTime() - row.seen.getTime())).toBeLessThan(5000);
    expect(
      await t.dataSource.query(`SELECT 1 FROM workshop_attendance_instances WHERE instance_id = 'crashed'`),
    ).toEqual([]);
    // this instance keeps beating and keeps its own
    const own = t.app.get(RoomAttendanceRecorder).instanceId;
    expect(
      await t.dataSource.query(`SELECT 1 FROM workshop_attendance_instances WHERE instance_id = $1`, [own]),
    ).toHaveLength(1);

    // a second instance stops while a socket is in the room: the interval ends at shutdown
    const other = await bootApp({}, { listen: true });
    try {
      const socket = await connectRoom(other.url, user);
      sockets.push(socket);
      ok(await call(socket, 'workshop.join', { workshopId: workshop.id }));
      const otherId = other.app.get(RoomAttendanceRecorder).instanceId;
      const open = await t.dataSource.query(
        `SELECT 1 FROM workshop_attendance_intervals WHERE instance_id = $1 AND left_at IS NULL`,
        [otherId],
      );
      expect(open).toHaveLength(1);
      await other.close();
      expect(
        await t.dataSource.query(
          `SELECT 1 FROM workshop_attendance_intervals WHERE instance_id = $1 AND left_at IS NULL`,
          [otherId],
        ),
      ).toEqual([]);
      expect(
        await t.dataSource.query(`SELECT 1 FROM workshop_attendance_instances WHERE instance_id = $1`, [otherId]),
      ).toEqual([]);
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
