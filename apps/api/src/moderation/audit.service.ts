import { Injectable, Logger } from '@nestjs/common';
import {
  AUDIT_TEXT,
  PAGE_SIZE_DEFAULT,
  type AuditEntryDto,
  type AuditTexts,
  type Page,
  type UiLanguage,
} from '@twinning/contracts';
import { Readable } from 'node:stream';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { decodeCursor, keysetPage } from '../common/cursor';
import { CSV_BOM, csvDateTime, toCsvRow } from '../common/csv';
import { auditEntryParts } from '../common/moderation-audit';
import { AuditRepository, toAuditDto, type AuditFilter, type AuditRow } from './audit.repository';
import type { AuditQueryDto } from './dto/moderation.dto';

const CSV_BATCH = 500;
// Headers (AUDIT_TEXT columns) are in the requester's language; the time column names its zone. Codes
// (action, target type) stay codes, as the API's filters take them.

/** What an entry acted on, worded in `lang` where the stored English label has parts (posts, flags), as the audit page does. */
function targetText(r: AuditRow, parts: ReturnType<typeof auditEntryParts>, text: AuditTexts): string {
  if (!parts.post) return r.target_label;
  const post = text.postRef(parts.post);
  return parts.flagReason ? text.flagRef(text.flagReasons[parts.flagReason], post) : post;
}

function toCsvLine(r: AuditRow, lang: UiLanguage): string {
  const text = AUDIT_TEXT[lang];
  const parts = auditEntryParts(r.target_type, r.target_label, r.reason);
  return toCsvRow([
    csvDateTime(r.created_at),
    r.actor_id ?? '',
    r.actor_name ?? '',
    r.action,
    r.target_type,
    r.target_id,
    targetText(r, parts, text),
    r.forum_id ?? '',
    r.kind === 'theme' ? (r.theme ?? '') : r.kind === 'course' ? (r.course_title ?? '') : (r.partnership_title ?? ''),
    parts.reasonFlagged ? text.reasonFlagged(text.flagReasons[parts.reasonFlagged]) : r.reason,
  ]);
}

/** The moderation log for platform admins: pages, and the whole filtered log as CSV. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly auditRepository: AuditRepository) {}

  private requireAdmin(user: AuthUser): void {
    if (!hasRole(user, 'admin')) throw AppError.forbidden('Only platform admins can read the moderation log.');
  }

  async audit(user: AuthUser, query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    this.requireAdmin(user);
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    const rows = await this.auditRepository.rows(query, after, limit + 1);
    return keysetPage(rows, limit, toAuditDto, (row) => [row.created_key, row.id]);
  }

  /** The whole filtered log as CSV, newest first, read in batches while it streams. */
  auditCsv(user: AuthUser, filters: AuditFilter, lang: UiLanguage = 'en'): Readable {
    this.requireAdmin(user);
    const rowsOf = (after: [string, string] | null) => this.auditRepository.rows(filters, after, CSV_BATCH);
    const logger = this.logger;
    async function* generate(): AsyncGenerator<string> {
      yield `${CSV_BOM}${toCsvRow(AUDIT_TEXT[lang].columns)}`;
      let after: [string, string] | null = null;
      for (;;) {
        const rows = await rowsOf(after);
        for (const r of rows) yield toCsvLine(r, lang);
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
