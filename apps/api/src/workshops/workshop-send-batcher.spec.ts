import { RoomSendBatcher, type PendingSend } from './workshop-send-batcher';

/** A write the test finishes by hand, so it can look at what runs at the same time. */
interface OpenWrite {
  room: string;
  inputs: string[];
  finish(): void;
  fail(error: Error): void;
}

function harness(maxBatch: number, maxConcurrent: number) {
  const open: OpenWrite[] = [];
  const log: { room: string; inputs: string[] }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const batcher = new RoomSendBatcher<string, string>(
    (room, batch: PendingSend<string, string>[]) =>
      new Promise<void>((resolve, reject) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        const inputs = batch.map((p) => p.input);
        log.push({ room, inputs });
        open.push({
          room,
          inputs,
          finish: () => {
            running--;
            for (const p of batch) p.resolve(`${room}:${p.input}`);
            resolve();
          },
          fail: (error) => {
            running--;
            reject(error);
          },
        });
      }),
    maxBatch,
    maxConcurrent,
  );
  /** Lets setImmediate and promise callbacks run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
  /** Finishes the oldest open write of `room`. */
  const finish = async (room: string) => {
    const index = open.findIndex((w) => w.room === room);
    if (index < 0) throw new Error(`no open write for ${room}`);
    open.splice(index, 1)[0].finish();
    await settle();
  };
  return { batcher, open, log, settle, finish, mostAtOnce: () => mostAtOnce };
}

describe('RoomSendBatcher', () => {
  it('puts the sends of one event-loop turn in one batch, and the ones that arrive while it is written in the next', async () => {
    const h = harness(200, 2);
    const acks = [h.batcher.add('r', 'a'), h.batcher.add('r', 'b')];
    await h.settle();
    acks.push(h.batcher.add('r', 'c'), h.batcher.add('r', 'd'));
    await h.settle();
    expect(h.log).toEqual([{ room: 'r', inputs: ['a', 'b'] }]); // one batch of a room at a time
    await h.finish('r');
    expect(h.log[1]).toEqual({ room: 'r', inputs: ['c', 'd'] });
    await h.finish('r');
    await expect(Promise.all(acks)).resolves.toEqual(['r:a', 'r:b', 'r:c', 'r:d']);
  });

  it('splits a long queue into batches of at most maxBatch, in order', async () => {
    const h = harness(2, 2);
    const acks = ['a', 'b', 'c', 'd', 'e'].map((x) => h.batcher.add('r', x));
    await h.settle();
    await h.finish('r');
    await h.finish('r');
    await h.finish('r');
    expect(h.log.map((b) => b.inputs)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    await expect(Promise.all(acks)).resolves.toEqual(['r:a', 'r:b', 'r:c', 'r:d', 'r:e']);
  });

  it('writes at most maxConcurrent batches at once; a waiting room takes everything queued meanwhile', async () => {
    const h = harness(200, 2);
    const acks = [h.batcher.add('r1', 'a'), h.batcher.add('r2', 'b'), h.batcher.add('r3', 'c')];
    await h.settle();
    expect(h.open.map((w) => w.room)).toEqual(['r1', 'r2']); // r3 waits for a slot
    acks.push(h.batcher.add('r3', 'd'), h.batcher.add('r1', 'e'));
    await h.settle();
    await h.finish('r1'); // its slot goes to r3, first in line, with both of its sends
    expect(h.open.map((w) => [w.room, w.inputs])).toEqual([
      ['r2', ['b']],
      ['r3', ['c', 'd']],
    ]);
    await h.finish('r2'); // then r1's second batch
    expect(h.open.map((w) => [w.room, w.inputs])).toEqual([
      ['r3', ['c', 'd']],
      ['r1', ['e']],
    ]);
    await h.finish('r3');
    await h.finish('r1');
    expect(h.mostAtOnce()).toBe(2);
    await expect(Promise.all(acks)).resolves.toEqual(['r1:a', 'r2:b', 'r3:c', 'r3:d', 'r1:e']);
    expect(h.open).toEqual([]);
  });

  it('rejects the sends of a failed batch, frees its slot and carries on with the room', async () => {
    const h = harness(200, 1);
    const first = h.batcher.add('r', 'a');
    await h.settle();
    const second = h.batcher.add('r', 'b');
    const other = h.batcher.add('s', 'c');
    await h.settle();
    const [failing] = h.open.splice(0, 1);
    failing.fail(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await h.settle();
    expect(h.open.map((w) => [w.room, w.inputs])).toEqual([['s', ['c']]]); // s was waiting for the slot first
    await h.finish('s');
    expect(h.open.map((w) => [w.room, w.inputs])).toEqual([['r', ['b']]]);
    await h.finish('r');
    await expect(Promise.all([second, other])).resolves.toEqual(['r:b', 's:c']);
  });
});
