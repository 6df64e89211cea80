import {
  Namespaces,
  type Theme,
  type WorkshopClientEvents,
  type WorkshopScope,
  type WorkshopServerEvents,
  type WorkshopStatus,
} from '@twinning/contracts';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './test-app';

let n = 0;

export interface TestWorkshop {
  id: string;
  title: string;
}

/**
 * A workshop inserted straight into the database, with its facilitators. Times follow the status:
 * scheduled starts in a day, live started ten minutes ago, ended finished an hour ago.
 */
export async function createWorkshop(
  t: TestApp,
  opts: {
    facilitator: { id: string };
    coFacilitators?: { id: string }[];
    scope?: WorkshopScope;
    partnershipId?: string | null;
    status?: WorkshopStatus;
    capacity?: number | null;
    title?: string;
    theme?: Theme;
  },
): Promise<TestWorkshop> {
  const title = opts.title ?? `Workshop ${Date.now().toString(36)}${(++n).toString(36)}`;
  const status = opts.status ?? 'live';
  const scope = opts.scope ?? (opts.partnershipId ? 'partnership' : 'public');
  const times = {
    scheduled: `now() + interval '1 day', now() + interval '1 day 2 hours', NULL, NULL`,
    live: `now() - interval '10 minutes', now() + interval '2 hours', now() - interval '10 minutes', NULL`,
    ended: `now() - interval '3 hours', now() - interval '1 hour', now() - interval '3 hours', now() - interval '1 hour'`,
  }[status];
  const [row]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO workshops (title, description, description_html, theme, language, scope, partnership_id,
                            starts_at, ends_at, opened_at, ended_at, capacity, status, created_by)
     VALUES ($1, 'About it', '<p>About it</p>', $2, 'en', $3, $4, ${times}, $5, $6, $7) RETURNING id`,
    [
      title,
      opts.theme ?? 'integration',
      scope,
      opts.partnershipId ?? null,
      opts.capacity ?? null,
      status,
      opts.facilitator.id,
    ],
  );
  const facilitatorIds = [opts.facilitator.id, ...(opts.coFacilitators ?? []).map((u) => u.id)];
  await t.dataSource.query(`INSERT INTO workshop_facilitators (workshop_id, user_id) SELECT $1, unnest($2::uuid[])`, [
    row.id,
    facilitatorIds,
  ]);
  return { id: row.id, title };
}

export type RoomSocket = Socket<WorkshopServerEvents, WorkshopClientEvents>;

/** A /workshops socket (websocket only, no automatic reconnection), not yet connected. */
export function roomSocket(url: string, token: string, extraHeaders?: Record<string, string>): RoomSocket {
  return io(`${url}${Namespaces.workshops}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  });
}

/** Connects to /workshops; rejects with the connect_error (its `data` holds `{ code, message }`). */
export function connectRoom(url: string, user: { token: string }, extraHeaders?: Record<string, string>) {
  const socket = roomSocket(url, user.token, extraHeaders);
  return new Promise<RoomSocket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

type ServerEvent = keyof WorkshopServerEvents;
export type EventPayload<E extends ServerEvent> = Parameters<WorkshopServerEvents[E]>[0];

/** Every payload of `event` the socket receives from now on, in arrival order. */
export function collect<E extends ServerEvent>(socket: RoomSocket, event: E): EventPayload<E>[] {
  const received: EventPayload<E>[] = [];
  (socket.on as (event: string, listener: (payload: EventPayload<E>) => void) => void)(event, (payload) =>
    received.push(payload),
  );
  return received;
}

/** The next `event` matching `match`, or a rejection after `timeoutMs`. */
export function nextEvent<E extends ServerEvent>(
  socket: RoomSocket,
  event: E,
  match: (payload: EventPayload<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<EventPayload<E>> {
  const on = socket.on as (event: string, listener: (payload: EventPayload<E>) => void) => void;
  const off = socket.off as (event: string, listener: (payload: EventPayload<E>) => void) => void;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off.call(socket, event, listener);
      reject(new Error(`No ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: EventPayload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off.call(socket, event, listener);
      resolve(payload);
    };
    on.call(socket, event, listener);
  });
}

/** Polls until `condition` holds. */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Registers the users for the (opened) workshop and records each in its room for `share` of its live
 * time, from when it opened (as presence would have): 1 makes them eligible for an attendance certificate.
 */
export async function attend(t: TestApp, workshopId: string, users: { id: string }[], share = 1): Promise<void> {
  for (const user of users) {
    await t.dataSource.query(
      `INSERT INTO workshop_attendees (workshop_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [workshopId, user.id],
    );
    await t.dataSource.query(
      `INSERT INTO workshop_attendance_intervals (workshop_id, user_id, socket_id, instance_id, joined_at, left_at)
       SELECT id, $2, 'test-' || gen_random_uuid(), 'test', opened_at,
              opened_at + (coalesce(ended_at, now()) - opened_at) * $3::float8
         FROM workshops WHERE id = $1 AND opened_at IS NOT NULL`,
      [workshopId, user.id, share],
    );
  }
}
