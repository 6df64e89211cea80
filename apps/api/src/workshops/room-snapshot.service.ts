import { Injectable } from '@nestjs/common';
import { WORKSHOP_LIMITS, type WorkshopJoinResult, type WorkshopRoomState } from '@twinning/contracts';
import type { WorkshopAccess } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { isoOrNull } from '../common/sql';
import { WorkshopPresence } from '../realtime/workshop-presence';
import { RoomMessagesRepository } from './room-messages.repository';
import { RoomQuestionsRepository } from './room-questions.repository';
import { RoomReportsRepository } from './room-reports.repository';
import { WorkshopAttendeesRepository } from './workshop-attendees.repository';
import { WorkshopsRepository } from './workshops.repository';
import { toMessageDto } from './workshop-rows';

/** What a room looks like to one user: the join ack and the room's state. Reads only. */
@Injectable()
export class RoomSnapshotService {
  constructor(
    private readonly workshops: WorkshopsRepository,
    private readonly messages: RoomMessagesRepository,
    private readonly questions: RoomQuestionsRepository,
    private readonly reports: RoomReportsRepository,
    private readonly presence: WorkshopPresence,
    private readonly attendees: WorkshopAttendeesRepository,
  ) {}

  /** The join ack: a few queries run side by side, whatever the room's size. */
  async snapshot(user: AuthUser, access: WorkshopAccess, afterSeq?: number): Promise<WorkshopJoinResult> {
    const { workshopId } = access;
    const replay = afterSeq !== undefined;
    const limit = replay ? WORKSHOP_LIMITS.replayMax : WORKSHOP_LIMITS.historyPageDefault;
    const [state, messageRows, questions, hands, reports, present, tombstones, mutes] = await Promise.all([
      this.state(user, workshopId, access.facilitator),
      // one more than asked, to tell whether there are more
      this.messages.page(workshopId, { afterSeq }, limit + 1),
      this.questions.listed(workshopId, user.id),
      this.questions.hands(workshopId),
      access.facilitator ? this.reports.open(workshopId) : Promise.resolve([]),
      this.presence.list(workshopId),
      replay ? this.messages.tombstones(workshopId, afterSeq) : Promise.resolve([]),
      access.facilitator ? this.attendees.activeMutes(workshopId) : Promise.resolve([]),
    ]);
    // who is here, with their cities and role: one query for everyone present
    const people = new Map(
      (
        await this.attendees.peopleIn(
          workshopId,
          present.map((p) => p.user.id),
        )
      ).map((p) => [p.id, p]),
    );
    const presence = present.map(({ user: known, role }) => ({
      user: people.get(known.id) ?? { ...known, cities: [], role: null },
      role,
    }));
    const more = messageRows.length > limit;
    const rows = more ? messageRows.slice(0, limit) : messageRows;
    if (!replay) rows.reverse();
    const messages = rows.map(toMessageDto);
    const first = messages[0]?.seq;
    return {
      messages,
      hasMoreBefore: replay ? (first ?? Math.min(afterSeq + 1, state.lastSeq + 1)) > 1 : more,
      hasMoreAfter: replay && more,
      tombstones,
      presence,
      state,
      questions: questions.questions,
      myVotes: questions.myVotes,
      hands,
      reports,
      mutes,
    };
  }

  /** The room's state as this user sees it (two queries). */
  async state(user: AuthUser, workshopId: string, facilitator: boolean): Promise<WorkshopRoomState> {
    const [row, pinned] = await Promise.all([
      this.workshops.roomState(workshopId, user.id),
      this.messages.pinned(workshopId),
    ]);
    if (!row) throw AppError.notFound('Workshop');
    return {
      workshopId,
      status: row.status,
      locked: row.locked,
      slowModeSeconds: row.slow_mode_seconds,
      pinned,
      lastSeq: row.last_seq,
      you: {
        role: facilitator ? 'facilitator' : 'participant',
        mutedUntil: facilitator ? null : isoOrNull(row.muted_until),
      },
    };
  }
}
