import { Injectable } from '@nestjs/common';
import type { Theme, WorkshopLanguage } from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../common/markdown';
import { WorkshopAttendeesRepository } from './workshop-attendees.repository';
import { WorkshopCalendar } from './workshop-calendar';
import { WorkshopFacilitatorsRepository } from './workshop-facilitators.repository';
import { WorkshopsRepository } from './workshops.repository';

/** A workshop another feature needs (a scheduled training's session), scoped to a partnership or a city. */
export interface ProvisionedWorkshop {
  title: string;
  description: string;
  theme: Theme;
  language: WorkshopLanguage;
  scope: { partnershipId: string } | { cityId: string };
  startsAt: string;
  endsAt: string;
  createdBy: string;
  /** Facilitators of exactly this workshop, whatever their platform roles. */
  facilitatorIds: string[];
  /** Registered at once (facilitators are never registered); they get the calendar invitation. */
  attendeeIds: string[];
}

/**
 * Creates workshops on behalf of other features, in the caller's transaction: the training module
 * schedules live sessions this way. Unlike the workshop form, the facilitators need no platform role:
 * they facilitate exactly these workshops (the per-workshop list is what every room check reads).
 */
@Injectable()
export class WorkshopProvisioning {
  constructor(
    private readonly workshops: WorkshopsRepository,
    private readonly facilitators: WorkshopFacilitatorsRepository,
    private readonly attendees: WorkshopAttendeesRepository,
    private readonly calendar: WorkshopCalendar,
  ) {}

  async create(manager: EntityManager, w: ProvisionedWorkshop): Promise<{ id: string; title: string }> {
    const row = await this.workshops.insert(manager, {
      title: w.title,
      description: w.description,
      descriptionHtml: renderMarkdown(w.description),
      theme: w.theme,
      language: w.language,
      scope: 'partnershipId' in w.scope ? 'partnership' : 'city',
      partnershipId: 'partnershipId' in w.scope ? w.scope.partnershipId : null,
      cityId: 'cityId' in w.scope ? w.scope.cityId : null,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      capacity: null,
      meetingUrl: null,
      createdBy: w.createdBy,
    });
    await this.facilitators.addAll(manager, row.id, w.facilitatorIds);
    const facilitators = new Set(w.facilitatorIds);
    const attendees = [...new Set(w.attendeeIds)].filter((id) => !facilitators.has(id));
    for (const userId of attendees) await this.attendees.register(manager, row.id, userId);
    if (attendees.length > 0) await this.calendar.invite(manager, row.id, 'registered', attendees);
    return { id: row.id, title: row.title };
  }
}
