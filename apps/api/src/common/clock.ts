import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time as the application sees it. Production reads the system clock; tests set it (or move
 * it) so scheduled work (digests at 08:00 in each user's zone) runs at the instant they choose:
 * `app.get(Clock).set(new Date('2026-12-08T13:05:00Z'))`, then `advance(minutes * 60_000)`.
 */
@Injectable()
export class Clock {
  private fixed: number | null = null;

  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }

  /** Freezes the clock at this instant until `advance`, another `set` or `useSystemTime`. */
  set(instant: Date | string): void {
    const ms = new Date(instant).getTime();
    if (Number.isNaN(ms)) throw new Error(`Clock.set: not an instant: ${String(instant)}`);
    this.fixed = ms;
  }

  /** Moves a set clock forward (or back, with a negative amount); starts from the system time otherwise. */
  advance(ms: number): void {
    this.fixed = (this.fixed ?? Date.now()) + ms;
  }

  /** Back to the system clock. */
  useSystemTime(): void {
    this.fixed = null;
  }
}

/** Provides the one `Clock` to every module. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
