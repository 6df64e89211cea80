import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { WorkshopStatus } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import { RoomAttendanceRepository } from './room-attendance.repository';

/** How often an instance says it is alive, and after how long without a word its open intervals are stale. */
export const ATTENDANCE_HEARTBEAT_MS = 30_000;
export const ATTENDANCE_STALE_SECONDS = 120;

/**
 * Records who is in which room, when: an interval opens when a socket joins a scheduled or live room and
 * closes when it leaves or disconnects (or the room ends, or this instance stops). The gateway calls it on
 * join, leave and disconnect only, never per message. Intervals are per socket, so two tabs or two
 * instances never close each other's; attendance merges them.
 *
 * A crashed instance cannot close its intervals: each instance writes a heartbeat, and the others close
 * the open intervals of an instance silent for ATTENDANCE_STALE_SECONDS at its last heartbeat.
 */
@Injectable()
export class RoomAttendanceRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger(RoomAttendanceRecorder.name);
  /** This process; socket ids are unique across instances, this says which instance holds the socket. */
  readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly repository: RoomAttendanceRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), ATTENDANCE_HEARTBEAT_MS);
    this.timer.unref();
  }

  /** The heartbeat, and the sweep of instances that stopped beating. Failures wait for the next beat. */
  async beat(): Promise<void> {
    try {
      await this.repository.heartbeat(this.instanceId);
      const closed = await this.repository.closeStale(ATTENDANCE_STALE_SECONDS);
      if (closed > 0) this.logger.warn(`Closed ${closed} attendance interval(s) left open by a stopped instance`);
    } catch (error) {
      this.logger.warn(`Attendance heartbeat failed: ${(error as Error).message}`);
    }
  }

  /** A socket entered a room. Only scheduled and live rooms count (the live time is clipped later). */
  async joined(workshopId: string, status: WorkshopStatus, userId: string, socketId: string): Promise<void> {
    if (status === 'ended' || this.stopped) return;
    await this.repository.open(workshopId, userId, socketId, this.instanceId);
  }

  /** A socket left these rooms, or (null) disconnected from all of them. */
  async left(socketId: string, workshopIds: readonly string[] | null): Promise<void> {
    if (this.stopped) return;
    await this.repository.close(socketId, workshopIds);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Before the sockets go: this instance's open intervals end now. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    try {
      await this.repository.closeInstance(this.instanceId);
    } catch (error) {
      this.logger.warn(`Could not close attendance intervals at shutdown: ${(error as Error).message}`);
    }
  }
}
