import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkshopReportDto } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { iso } from '../common/sql';
import { MESSAGE_COLUMNS, MESSAGE_FROM, toMessageDto, type MessageRow } from './workshop-rows';

interface ReportRow extends MessageRow {
  report_id: string;
  reason: string;
  reported_at: Date;
  reporter_id: string;
  reporter_name: string;
}

const toReport = (row: ReportRow): WorkshopReportDto => ({
  id: row.report_id,
  workshopId: row.workshop_id,
  message: toMessageDto(row),
  reporter: { id: row.reporter_id, displayName: row.reporter_name },
  reason: row.reason,
  createdAt: iso(row.reported_at),
});

/** Reports of room messages, for the facilitators. */
@Injectable()
export class RoomReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The room's unresolved reports, oldest first. */
  async open(workshopId: string): Promise<WorkshopReportDto[]> {
    const rows: ReportRow[] = await this.dataSource.query(
      `SELECT r.id AS report_id, r.reason, r.created_at AS reported_at, r.reporter_id, ru.display_name AS reporter_name,
              ${MESSAGE_COLUMNS}
         FROM workshop_reports r
         JOIN ${MESSAGE_FROM} ON m.id = r.message_id
         JOIN users ru ON ru.id = r.reporter_id
        WHERE r.workshop_id = $1 AND r.resolved_at IS NULL ORDER BY r.created_at, r.id`,
      [workshopId],
    );
    return rows.map(toReport);
  }

  /** Files a report; undefined when this reporter already reported the message. */
  async create(
    workshopId: string,
    messageId: string,
    reporterId: string,
    reason: string,
  ): Promise<{ id: string; created_at: Date } | undefined> {
    const [report]: { id: string; created_at: Date }[] = await this.dataSource.query(
      `INSERT INTO workshop_reports (workshop_id, message_id, reporter_id, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (message_id, reporter_id) DO NOTHING RETURNING id, created_at`,
      [workshopId, messageId, reporterId, reason],
    );
    return report;
  }

  /** Resolves an open report; undefined when the room has no such open report. */
  async resolve(
    manager: EntityManager,
    workshopId: string,
    reportId: string,
    by: string,
  ): Promise<{ message_id: string; reporter_id: string } | undefined> {
    const [row]: { message_id: string; reporter_id: string }[] = await manager.query(
      `WITH r AS (
         UPDATE workshop_reports SET resolved_at = clock_timestamp(), resolved_by = $3
          WHERE id = $1 AND workshop_id = $2 AND resolved_at IS NULL
      RETURNING message_id, reporter_id)
       SELECT message_id, reporter_id FROM r`,
      [reportId, workshopId, by],
    );
    return row;
  }
}
