import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql';
import type { AgendaRow } from './visit-rows';
import { localText } from './visit-sql';

/** An agenda item's fields, as written; for an update, undefined ones are left alone. */
export interface AgendaItemFields {
  startsLocal: string;
  endsLocal: string;
  title: string;
  site: string;
  address: string;
  hostContact: string;
  notes: string;
  notesHtml: string;
}

/** Columns in the order an update writes them. */
const ITEM_COLUMNS: [keyof AgendaItemFields, string][] = [
  ['startsLocal', 'starts_local'],
  ['endsLocal', 'ends_local'],
  ['title', 'title'],
  ['site', 'site'],
  ['address', 'address'],
  ['hostContact', 'host_contact'],
  ['notes', 'notes'],
  ['notesHtml', 'notes_html'],
];

/** `visit_agenda_items`: wall times ("YYYY-MM-DDTHH:mm" in the visit's zone) and what happens then. */
@Injectable()
export class VisitAgendaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The visit's agenda in time order. One statement. */
  async items(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<AgendaRow[]> {
    return manager.query(
      `SELECT id, ${localText('starts_local')} AS starts_local, ${localText('ends_local')} AS ends_local,
              title, site, address, host_contact, notes, notes_html
         FROM visit_agenda_items
        WHERE visit_id = $1
        ORDER BY starts_local, ends_local, id`,
      [visitId],
    );
  }

  async count(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM visit_agenda_items WHERE visit_id = $1`,
      [visitId],
    );
    return count;
  }

  /** The item's times and title (undefined when it is not an item of the visit). */
  async find(
    visitId: string,
    itemId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ starts_local: string; ends_local: string; title: string } | undefined> {
    const [item]: { starts_local: string; ends_local: string; title: string }[] = await manager.query(
      `SELECT ${localText('starts_local')} AS starts_local, ${localText('ends_local')} AS ends_local, title
         FROM visit_agenda_items WHERE id = $1 AND visit_id = $2`,
      [itemId, visitId],
    );
    return item;
  }

  async insert(
    visitId: string,
    item: AgendaItemFields,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO visit_agenda_items (visit_id, starts_local, ends_local, title, site, address, host_contact, notes, notes_html)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        visitId,
        item.startsLocal,
        item.endsLocal,
        item.title,
        item.site,
        item.address,
        item.hostContact,
        item.notes,
        item.notesHtml,
      ],
    );
    return row.id;
  }

  /** Writes the given fields and `updated_at`. */
  async update(
    itemId: string,
    changes: Partial<AgendaItemFields>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [itemId];
    for (const [key, column] of ITEM_COLUMNS) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${column} = $${params.length}`);
    }
    await manager.query(
      `UPDATE visit_agenda_items SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`,
      params,
    );
  }

  /** Deletes the item and answers its title (undefined when it is not an item of the visit). */
  async delete(
    visitId: string,
    itemId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ title: string } | undefined> {
    const [item] = returnedRows<{ title: string }>(
      await manager.query(`DELETE FROM visit_agenda_items WHERE id = $1 AND visit_id = $2 RETURNING title`, [
        itemId,
        visitId,
      ]),
    );
    return item;
  }
}
