import { Injectable, Logger } from '@nestjs/common';
import { PAGE_SIZE_DEFAULT, type AuditEntryDto, type Page } from '@twinning/contracts';
import { Readable } from 'node:stream';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { CSV_BOM, csvDateTime, toCsvRow } from '../common/csv';
import { AuditRepository, toAuditDto, type AuditFilter, type AuditRow } from './audit.repository';
import type { AuditQueryDto } from './dto/moderation.dto';

const CSV_BATCH = 500;
/** Readable headers; the time column names its zone. Codes (action, target type) stay codes, as the API's filters take them. */
export const AUDIT_CSV_COLUMNS = [
  'Time (UTC)',
  'Actor ID',
  'Actor',
  'Action',
  'Target type',
  'Target ID',
  'Target',
  'Forum ID',
  'Forum',
  'Reason',
];

function toCsvLine(r: AuditRow): string {
  return toCsvRow([
    csvDateTime(r.created_at),
    r.actor_id ?? '',
    r.actor_name ?? '',
    r.action,
    r.target_type,
    r.target_id,
    r.target_label,
    r.forum_id ?? '',
    r.kind === 'theme' ? (r.theme ?? '') : (r.partnership_title ?? ''),
    r.reason,
  ]);
}

/** The moderation log for platform admins: pages, and the whole filtered log as CSV. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly auditRepository: AuditRepository) {}

  private requireAdmin(user: AuthUser): void {
    if (user.role !== 'admin') throw AppError.forbidden('Only platform admins can read the moderation log.');
  }

  async audit(user: AuthUser, query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    this.requireAdmin(user);
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows = await this.auditRepository.rows(query, after, limit + 1);
    return keysetPage(rows, limit, toAuditDto, (row) => [row.created_key, row.id]);
  }

  /** The whole filtered log as CSV, newest first, read in batches while it streams. */
  auditCsv(user: AuthUser, filters: AuditFilter): Readable {
    this.requireAdmin(user);
    const rowsOf = (after: [string, string] | null) => this.auditRepository.rows(filters, after, CSV_BATCH);
    const logger = this.logger;
    async function* generate(): AsyncGenerator<string> {
      yield `${CSV_BOM}${toCsvRow(AUDIT_CSV_COLUMNS)}`;
      let after: [string, string] | null = null;
      for (;;) {
        const rows = await rowsOf(after);
        for (const r of rows) yield toCsvLine(r);
        if (rows.length < CSV_BATCH) return;
        const last = rows[rows.length - 1];
        after = [last.created_key, last.id];
      }
    }
    const stream = Readable.from(generate());
    stream.on('error', (err) => logger.error(`audit CSV export failed: ${err.message}`));
    return stream;
  }
}
