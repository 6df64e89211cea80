import type { NotificationDto } from '@twinning/contracts';
import type { Translate } from '../../lib/i18n';

export interface NotificationContent {
  /** The sentence, in the reader's language. */
  text: string;
  /** Where the notification leads. */
  href: string;
  /** A quotation from the post, for forum notifications. */
  excerpt: string | null;
}

/** Renders a notification from its payload: the server never stores translated text. */
export function notificationContent(t: Translate, notification: NotificationDto): NotificationContent {
  switch (notification.kind) {
    case 'partnership.invited': {
      const { actor, partnership, fromCity, toCity } = notification.payload;
      return {
        text: t('notifications.partnershipInvited', {
          actor: actor.displayName,
          fromCity: fromCity.name,
          toCity: toCity.name,
          title: partnership.title,
        }),
        href: `/partnerships/${partnership.id}`,
        excerpt: null,
      };
    }
    case 'partnership.accepted':
    case 'partnership.declined':
    case 'partnership.withdrawn': {
      const { actor, partnership, city } = notification.payload;
      const vars = { actor: actor.displayName, city: city.name, title: partnership.title };
      const text =
        notification.kind === 'partnership.accepted'
          ? t('notifications.partnershipAccepted', vars)
          : notification.kind === 'partnership.declined'
            ? t('notifications.partnershipDeclined', vars)
            : t('notifications.partnershipWithdrawn', vars);
      return { text, href: `/partnerships/${partnership.id}`, excerpt: null };
    }
    case 'partnership.concluded': {
      const { actor, partnership } = notification.payload;
      return {
        text: t('notifications.partnershipConcluded', { actor: actor.displayName, title: partnership.title }),
        href: `/partnerships/${partnership.id}`,
        excerpt: null,
      };
    }
    case 'forum.reply':
    case 'forum.mention': {
      const { actor, thread, seq, excerpt } = notification.payload;
      const vars = { actor: actor.displayName, thread: thread.title };
      return {
        text:
          notification.kind === 'forum.reply'
            ? t('notifications.forumReply', vars)
            : t('notifications.forumMention', vars),
        href: `/threads/${thread.id}?post=${seq}`,
        excerpt: excerpt || null,
      };
    }
    case 'join_request.decided': {
      const { actor, city, decision } = notification.payload;
      const vars = { actor: actor.displayName, city: city.name };
      return {
        text: decision === 'approved' ? t('notifications.joinApproved', vars) : t('notifications.joinRejected', vars),
        href: `/cities/${city.slug}`,
        excerpt: null,
      };
    }
    case 'workshop.live': {
      const { workshop } = notification.payload;
      return {
        text: t('notifications.workshopLive', { title: workshop.title }),
        // Straight into the room: the reader was told it is open now.
        href: `/workshops/${encodeURIComponent(workshop.id)}/room`,
        excerpt: null,
      };
    }
    case 'workshop.facilitator_added': {
      const { actor, workshop } = notification.payload;
      return {
        text: t('notifications.workshopFacilitatorAdded', { actor: actor.displayName, title: workshop.title }),
        href: `/workshops/${encodeURIComponent(workshop.id)}`,
        excerpt: null,
      };
    }
    case 'visit.opened': {
      const { actor, visit, hostCity } = notification.payload;
      return {
        text: t('notifications.visitOpened', { actor: actor.displayName, title: visit.title, city: hostCity.name }),
        href: visitHref(visit.id),
        excerpt: null,
      };
    }
    case 'visit.date_chosen': {
      const { actor, visit, startDate, endDate } = notification.payload;
      return {
        text: t('notifications.visitDateChosen', {
          actor: actor.displayName,
          title: visit.title,
          // host-calendar days, written as ISO dates so no time zone can shift them
          start: startDate,
          end: endDate,
        }),
        href: visitHref(visit.id),
        excerpt: null,
      };
    }
    case 'visit.registration': {
      const { visit, status, position } = notification.payload;
      const text =
        status === 'registered'
          ? t('notifications.visitRegistered', { title: visit.title })
          : status === 'promoted'
            ? t('notifications.visitPromoted', { title: visit.title })
            : t('notifications.visitWaitlisted', { title: visit.title, position: position ?? '?' });
      return { text, href: visitHref(visit.id), excerpt: null };
    }
    case 'visit.agenda_changed': {
      const { actor, visit, item } = notification.payload;
      return {
        text: t('notifications.visitAgendaChanged', { actor: actor.displayName, title: visit.title, item: item.title }),
        href: visitHref(visit.id),
        excerpt: null,
      };
    }
    case 'visit.cancelled': {
      const { actor, visit, reason } = notification.payload;
      return {
        text: t('notifications.visitCancelled', { actor: actor.displayName, title: visit.title, reason }),
        href: visitHref(visit.id),
        excerpt: reason || null,
      };
    }
  }
}

const visitHref = (visitId: string) => `/visits/${encodeURIComponent(visitId)}`;
