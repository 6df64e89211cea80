import type { Namespace } from 'socket.io';
import { Rooms } from './rooms';
import { WorkshopPresence, type WorkshopSocketData } from './workshop-presence';

/** A namespace whose sockets (on "every instance") are plain objects: rooms and data. */
function fakeNamespace(sockets: { rooms: string[]; data: Partial<WorkshopSocketData> }[]) {
  const asked: string[] = [];
  const namespace = {
    in: (room: string) => ({
      fetchSockets: async () => {
        asked.push(room);
        return sockets.filter((s) => s.rooms.includes(room)).map((s) => ({ ...s, rooms: new Set(s.rooms) }));
      },
    }),
  };
  return { namespace: namespace as unknown as Namespace, asked };
}

const ana: WorkshopSocketData['user'] = {
  id: 'u1',
  email: 'ana@example.test',
  displayName: 'Ana',
  roles: [],
  emailVerified: true,
};
const bo: WorkshopSocketData['user'] = {
  id: 'u2',
  email: 'bo@example.test',
  displayName: 'Bo',
  roles: ['facilitator'],
  emailVerified: true,
};

describe('WorkshopPresence', () => {
  it('knows nobody before socket.io is ready', async () => {
    const presence = new WorkshopPresence();
    expect(await presence.isPresent('w1', 'u1')).toBe(false);
    expect(await presence.list('w1')).toEqual([]);
  });

  it('counts a user present only with a socket still in the workshop room', async () => {
    const presence = new WorkshopPresence();
    const { namespace, asked } = fakeNamespace([
      // removed from the room, but its per-user room is still being left
      { rooms: [Rooms.workshopUser('w1', 'u1')], data: { user: ana } },
      { rooms: [Rooms.workshop('w2'), Rooms.workshopUser('w2', 'u2')], data: { user: bo } },
    ]);
    presence.attach(namespace);
    expect(await presence.isPresent('w1', 'u1')).toBe(false);
    expect(await presence.isPresent('w2', 'u2')).toBe(true);
    expect(asked).toEqual([Rooms.workshopUser('w1', 'u1'), Rooms.workshopUser('w2', 'u2')]);
  });

  it('lists each user once, as a facilitator if any of their sockets is one, with their handle', async () => {
    const presence = new WorkshopPresence();
    const room = Rooms.workshop('w1');
    const { namespace } = fakeNamespace([
      { rooms: [room], data: { user: ana, handle: 'ana', workshops: { w1: 'participant' } } },
      { rooms: [room], data: { user: bo, handle: 'bo', workshops: { w1: 'participant' } } },
      { rooms: [room], data: { user: bo, handle: 'bo', workshops: { w1: 'facilitator' } } },
      { rooms: [room], data: { user: ana, handle: 'ana', workshops: { w1: 'participant' } } },
      // joining right now: in the room, its role not recorded yet
      { rooms: [room], data: { user: { ...ana, id: 'u3' }, workshops: {} } },
    ]);
    presence.attach(namespace);
    expect(await presence.list('w1')).toEqual([
      { user: { id: 'u1', displayName: 'Ana', handle: 'ana' }, role: 'participant' },
      { user: { id: 'u2', displayName: 'Bo', handle: 'bo' }, role: 'facilitator' },
    ]);
  });
});
