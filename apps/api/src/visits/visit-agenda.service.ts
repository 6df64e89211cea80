import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsPublisher } from '../realtime/notifications.publisher';
import {
  ErrorCode,
  VISIT_LIMITS,
  addCalendarDays,
  localToInstant,
  parseLocalDateTime,
  type FieldErrors,
  type VisitDto,
} from '@twinning/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { renderMarkdown } from '../common/markdown';
import { NotificationsService, type CreatedNotifications } from '../notifications';
import type { AgendaItemBodyDto, UpdateAgendaItemBodyDto } from './dto/visits.dto';
import { VisitAccess } from './visit-access';
import { VisitAgendaRepository } from './visit-agenda.repository';
import { VisitRegistrationsRepository } from './visit-registrations.repository';
import type { VisitRecord } from './visit-rows';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

type Change = 'added' | 'updated' | 'removed';

/**
 * The agenda: items in the host's wall time ("YYYY-MM-DDTHH:mm" in the visit's zone), each within
 * the visit's dates. A wall time the clocks skip is refused; one they pass twice means its first
 * occurrence. Overlaps are allowed and reported as warnings. Every change bumps the iCalendar
 * SEQUENCE; on a confirmed visit it notifies the registered delegates (one batched insert).
 */
@Injectable()
export class VisitAgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agenda: VisitAgendaRepository,
    private readonly visitsRepository: VisitsRepository,
    private readonly registrations: VisitRegistrationsRepository,
    private readonly visitAccess: VisitAccess,
    private readonly visits: VisitsService,
    private readonly notifications: NotificationsService,
    private readonly realtime: NotificationsPublisher,
  ) {}

  async add(user: AuthUser, id: string, dto: AgendaItemBodyDto): Promise<VisitDto> {
    await this.write(user, id, async (manager, visit) => {
      if ((await this.agenda.count(id, manager)) >= VISIT_LIMITS.agendaItemsMax) {
        throw AppError.validation({ agenda: [`an agenda holds at most ${VISIT_LIMITS.agendaItemsMax} items`] });
      }
      checkTimes(visit, dto.startsLocal, dto.endsLocal);
      const notes = dto.notes ?? '';
      const itemId = await this.agenda.insert(
        id,
        {
          startsLocal: dto.startsLocal,
          endsLocal: dto.endsLocal,
          title: dto.title,
          site: dto.site ?? '',
          address: dto.address ?? '',
          hostContact: dto.hostContact ?? '',
          notes,
          notesHtml: renderMarkdown(notes),
        },
        manager,
      );
      return { change: 'added', item: { id: itemId, title: dto.title } };
    });
    return this.visits.read(user, id);
  }

  async update(user: AuthUser, id: string, itemId: string, dto: UpdateAgendaItemBodyDto): Promise<VisitDto> {
    await this.write(user, id, async (manager, visit) => {
      const item = await this.agenda.find(id, itemId, manager);
      if (!item) throw AppError.notFound('Agenda item');
      checkTimes(visit, dto.startsLocal ?? item.starts_local, dto.endsLocal ?? item.ends_local);
      await this.agenda.update(
        itemId,
        {
          startsLocal: dto.startsLocal,
          endsLocal: dto.endsLocal,
          title: dto.title,
          site: dto.site,
          address: dto.address,
          hostContact: dto.hostContact,
          notes: dto.notes,
          notesHtml: dto.notes === undefined ? undefined : renderMarkdown(dto.notes),
        },
        manager,
      );
      return { change: 'updated', item: { id: itemId, title: dto.title ?? item.title } };
    });
    return this.visits.read(user, id);
  }

  async remove(user: AuthUser, id: string, itemId: string): Promise<VisitDto> {
    await this.write(user, id, async (manager) => {
      const item = await this.agenda.delete(id, itemId, manager);
      if (!item) throw AppError.notFound('Agenda item');
      return { change: 'removed', item: { id: itemId, title: item.title } };
    });
    return this.visits.read(user, id);
  }

  /** Lock, policy, the change itself, SEQUENCE bump and notifications; published after commit. */
  private async write(
    user: AuthUser,
    id: string,
    apply: (
      manager: EntityManager,
      visit: VisitRecord,
    ) => Promise<{ change: Change; item: { id: string; title: string } }>,
  ): Promise<void> {
    const created = await this.dataSource.transaction(async (manager): Promise<CreatedNotifications> => {
      const { visit } = await this.visitAccess.require(user, id, {
        manager,
        lock: 'update',
        coordinator: 'Only coordinators can edit the agenda.',
      });
      if (visit.status === 'completed' || visit.status === 'cancelled') {
        throw new AppError(ErrorCode.INVALID_STATE, `This visit is ${visit.status}; its agenda can no longer change.`);
      }
      if (visit.start_date === null) {
        throw new AppError(ErrorCode.INVALID_STATE, "Pick the visit's dates from the poll before planning the agenda.");
      }
      const { change, item } = await apply(manager, visit);
      await this.visitsRepository.bumpSequence(id, manager);
      if (visit.status !== 'confirmed') return { items: [] };
      const delegates = await this.registrations.registeredUserIds(id, manager);
      return this.notifications.create(
        manager,
        delegates.map((userId) => ({
          userId,
          kind: 'visit.agenda_changed' as const,
          payload: {
            actor: { id: user.id, displayName: user.displayName },
            visit: { id, title: visit.title },
            change,
            item,
          },
        })),
        user.id,
      );
    });
    await this.notifications.publish(created);
    this.realtime.visitChanged(id, 'agenda');
  }
}

const readable = (local: string) => local.replace('T', ' ');
const clock = (local: string) => local.slice(11);

/**
 * An item's wall times must be real times in the visit's zone, in order, and inside the visit's
 * dates (from 00:00 on the first day to 24:00 on the last). Problems are reported per field.
 */
export function checkTimes(visit: VisitRecord, startsLocal: string, endsLocal: string): void {
  const zone = visit.time_zone;
  const fields: FieldErrors = {};
  const add = (field: string, message: string) => (fields[field] = [...(fields[field] ?? []), message]);
  const parsed = { startsLocal: parseLocalDateTime(startsLocal), endsLocal: parseLocalDateTime(endsLocal) };
  if (!parsed.startsLocal) add('startsLocal', `${startsLocal} is not a real date and time`);
  if (!parsed.endsLocal) add('endsLocal', `${endsLocal} is not a real date and time`);
  if (parsed.startsLocal && parsed.endsLocal && visit.start_date && visit.end_date) {
    const from = `${visit.start_date}T00:00`;
    const to = `${addCalendarDays(visit.end_date, 1)}T00:00`;
    const span = `the visit's dates (${visit.start_date} to ${visit.end_date}, ${zone} time)`;
    if (startsLocal < from || startsLocal >= to) add('startsLocal', `must be within ${span}`);
    if (endsLocal <= from || endsLocal > to) add('endsLocal', `must be within ${span}`);
    if (endsLocal <= startsLocal) add('endsLocal', 'must be after startsLocal');
    for (const field of ['startsLocal', 'endsLocal'] as const) {
      const local = field === 'startsLocal' ? startsLocal : endsLocal;
      const wall = parsed[field];
      if (!wall) continue;
      const at = localToInstant(zone, wall, 'reject');
      if (at.kind === 'gap') {
        add(
          field,
          `${readable(local)} does not exist in ${zone}: the clocks go forward from ${clock(at.gapStartLocal)} ` +
            `to ${clock(at.gapEndLocal)} on ${at.gapStartLocal.slice(0, 10)}`,
        );
      }
    }
  }
  if (Object.keys(fields).length > 0) throw AppError.validation(fields);
}
