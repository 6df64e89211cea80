import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateRangeInput, PollAnswer } from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql';
import type { DateOptionRow } from './visit-rows';
import { dateText } from './visit-sql';

const DATE_OPTIONS_SQL = `
  SELECT o.id, ${dateText('o.start_date')} AS start_date, ${dateText('o.end_date')} AS end_date,
         coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'answer', dv.answer)
                           ORDER BY u.display_name, u.id) FILTER (WHERE dv.user_id IS NOT NULL), '[]') AS voters
    FROM visit_date_options o
    LEFT JOIN visit_date_votes dv ON dv.option_id = o.id
    LEFT JOIN users u ON u.id = dv.user_id
   WHERE o.visit_id = $1
   GROUP BY o.id
   ORDER BY o.start_date, o.end_date, o.id`;

/** The date poll: `visit_date_options` and `visit_date_votes`. */
@Injectable()
export class VisitPollRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The visit's options in date order, each with its voters (by name) and their answers. One statement. */
  async options(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<DateOptionRow[]> {
    return manager.query(DATE_OPTIONS_SQL, [visitId]);
  }

  async insertOptions(
    visitId: string,
    options: DateRangeInput[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO visit_date_options (visit_id, start_date, end_date)
       SELECT $1, * FROM unnest($2::date[], $3::date[])`,
      [visitId, options.map((o) => o.startDate), options.map((o) => o.endDate)],
    );
  }

  /** Which of `optionIds` are options of the visit. */
  async knownOptionIds(
    visitId: string,
    optionIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const known: { id: string }[] = await manager.query(
      `SELECT id FROM visit_date_options WHERE visit_id = $1 AND id = ANY($2::uuid[])`,
      [visitId, optionIds],
    );
    return new Set(known.map((k) => k.id));
  }

  /** The user's answers, replacing earlier ones for the same options. One statement. */
  async saveVotes(
    userId: string,
    answers: { optionId: string; answer: PollAnswer }[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO visit_date_votes (option_id, user_id, answer)
       SELECT o, $2, a FROM unnest($1::uuid[], $3::varchar[]) AS t(o, a)
       ON CONFLICT (option_id, user_id) DO UPDATE SET answer = EXCLUDED.answer, updated_at = clock_timestamp()`,
      [answers.map((a) => a.optionId), userId, answers.map((a) => a.answer)],
    );
  }

  /** Marks the option chosen and answers its dates; undefined when it is not an option of the visit. */
  async choose(
    visitId: string,
    optionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ start_date: string; end_date: string } | undefined> {
    const [option] = returnedRows<{ start_date: string; end_date: string }>(
      await manager.query(
        `UPDATE visit_date_options SET chosen = true WHERE id = $1 AND visit_id = $2
         RETURNING to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date`,
        [optionId, visitId],
      ),
    );
    return option;
  }

  /** Everyone who answered any option of the visit. */
  async voterIds(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const voters: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT dv.user_id FROM visit_date_votes dv JOIN visit_date_options o ON o.id = dv.option_id
        WHERE o.visit_id = $1`,
      [visitId],
    );
    return voters.map((v) => v.user_id);
  }
}
