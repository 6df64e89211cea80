import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { HealthRepository } from './health.repository';

/** How long readiness waits for the database. */
const DATABASE_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(private readonly repository: HealthRepository) {}

  /** Resolves when the database answers within two seconds; 503 otherwise. */
  async requireDatabase(): Promise<void> {
    try {
      await Promise.race([
        this.repository.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS).unref()),
      ]);
    } catch {
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is not reachable.', undefined, 5);
    }
  }
}
