/** One queued send: its input and how to answer its sender. */
export interface PendingSend<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

/**
 * Group commit per room. While a batch for a room is being written, further sends to that room
 * wait here; when it is done, everything that waited (up to `maxBatch`) goes in the next batch.
 * Batches of one room never overlap, so each instance writes (and broadcasts) a room's messages in
 * order; different rooms run side by side. Holds no state beyond the queues: an idle room has no entry.
 */
export class RoomSendBatcher<I, O> {
  private readonly queues = new Map<string, PendingSend<I, O>[]>();

  /**
   * @param write settles every item of the batch (resolve or reject); if it throws, the items it
   *   left unsettled are rejected with that error.
   */
  constructor(
    private readonly write: (roomId: string, batch: PendingSend<I, O>[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {}

  add(roomId: string, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const queue = this.queues.get(roomId);
      if (queue) {
        queue.push({ input, resolve, reject });
        return;
      }
      const fresh = [{ input, resolve, reject }];
      this.queues.set(roomId, fresh);
      void this.drain(roomId, fresh);
    });
  }

  /** Writes the room's queue batch after batch until it is empty, then forgets the room. */
  private async drain(roomId: string, queue: PendingSend<I, O>[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        await this.write(roomId, batch);
      } catch (error) {
        for (const item of batch) item.reject(error); // no-op for the items already settled
      }
    }
    this.queues.delete(roomId);
  }
}
