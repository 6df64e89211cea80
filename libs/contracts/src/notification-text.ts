import { formatCalendarDayRange } from './calendar-days';
import type { UiLanguage } from './domain';
import type { NotificationKind, NotificationPayloads } from './notifications';

/**
 * The sentence of each notification, once for the web client (bell, list) and the API (mail).
 * A kind with variants (a decision, a registration status) has one sentence per variant.
 */
export type NotificationSentenceKey =
  | Exclude<NotificationKind, 'join_request.decided' | 'visit.registration'>
  | 'join_request.approved'
  | 'join_request.rejected'
  | 'visit.registered'
  | 'visit.waitlisted';

/** Every sentence in every language: a missing one is a type error. */
export const NOTIFICATION_SENTENCES: Readonly<Record<UiLanguage, Readonly<Record<NotificationSentenceKey, string>>>> = {
  en: {
    'partnership.invited': '{actor} ({fromCity}) invited {toCity} into the partnership “{title}”',
    'partnership.accepted': '{actor} accepted the invitation of {city} to the partnership “{title}”',
    'partnership.declined': '{actor} declined the invitation of {city} to the partnership “{title}”',
    'partnership.withdrawn': '{actor} withdrew the invitation of {city} to the partnership “{title}”',
    'partnership.concluded': '{actor} concluded the partnership “{title}”',
    'forum.reply': '{actor} replied in “{thread}”',
    'forum.mention': '{actor} mentioned you in “{thread}”',
    'join_request.approved': '{actor} approved your request to join {city} as an official',
    'join_request.rejected': '{actor} rejected your request to join {city} as an official',
    'join_request.created': '{actor} asked to join {city} as an official: the request waits for your decision',
    'workshop.live': 'The workshop “{title}” is live: join the room now',
    'workshop.facilitator_added': '{actor} made you a co-facilitator of the workshop “{title}”',
    'visit.opened': '{actor} opened registration for the study visit “{title}” to {city}',
    'visit.date_chosen': '{actor} chose the dates of “{title}”: {dates}',
    'visit.registered': 'You are registered for the study visit “{title}”',
    'visit.waitlisted': 'The study visit “{title}” is full: you are number {position} on the waitlist',
    'visit.promoted': 'A place opened up: you are now registered for the study visit “{title}”',
    'visit.agenda_changed': '{actor} changed the agenda of “{title}” ({item})',
    'visit.cancelled': '{actor} cancelled the study visit “{title}”',
    'training.offer_accepted': '{actor} accepted your offer for the training request “{title}”',
    'training.offer_declined': '{actor} accepted another offer for the training request “{title}”: yours was declined',
    'training.scheduled': '{actor} scheduled the training “{title}”',
    'training.evaluation_open': 'The training “{title}” is over: tell us what you thought (open for 14 days)',
    'course.completed': 'You completed the course “{title}”: your certificate is ready',
  },
  fr: {
    'partnership.invited': '{actor} ({fromCity}) a invité {toCity} dans le partenariat « {title} »',
    'partnership.accepted': '{actor} a accepté l’invitation de {city} au partenariat « {title} »',
    'partnership.declined': '{actor} a décliné l’invitation de {city} au partenariat « {title} »',
    'partnership.withdrawn': '{actor} a retiré l’invitation de {city} au partenariat « {title} »',
    'partnership.concluded': '{actor} a clos le partenariat « {title} »',
    'forum.reply': '{actor} a répondu dans « {thread} »',
    'forum.mention': '{actor} vous a mentionné·e dans « {thread} »',
    'join_request.approved': '{actor} a approuvé votre demande pour rejoindre {city} en tant que responsable',
    'join_request.rejected': '{actor} a refusé votre demande pour rejoindre {city} en tant que responsable',
    'join_request.created':
      '{actor} demande à rejoindre {city} en tant que responsable : la demande attend votre décision',
    'workshop.live': 'L’atelier « {title} » est en direct : rejoignez la salle',
    'workshop.facilitator_added': '{actor} vous a ajouté·e à l’animation de l’atelier « {title} »',
    'visit.opened': '{actor} a ouvert les inscriptions à la visite d’étude « {title} » à {city}',
    'visit.date_chosen': '{actor} a fixé les dates de « {title} » : {dates}',
    'visit.registered': 'Vous êtes inscrit·e à la visite d’étude « {title} »',
    'visit.waitlisted': 'La visite d’étude « {title} » est complète : vous êtes n° {position} sur la liste d’attente',
    'visit.promoted': 'Une place s’est libérée : vous êtes maintenant inscrit·e à la visite d’étude « {title} »',
    'visit.agenda_changed': '{actor} a modifié le programme de « {title} » ({item})',
    'visit.cancelled': '{actor} a annulé la visite d’étude « {title} »',
    'training.offer_accepted': '{actor} a accepté votre offre pour la demande de formation « {title} »',
    'training.offer_declined':
      '{actor} a retenu une autre offre pour la demande de formation « {title} » : la vôtre est déclinée',
    'training.scheduled': '{actor} a programmé la formation « {title} »',
    'training.evaluation_open':
      'La formation « {title} » est terminée : dites-nous ce que vous en pensez (ouvert 14 jours)',
    'course.completed': 'Vous avez terminé le cours « {title} » : votre certificat est prêt',
  },
  es: {
    'partnership.invited': '{actor} ({fromCity}) invitó a {toCity} al hermanamiento «{title}»',
    'partnership.accepted': '{actor} aceptó la invitación de {city} al hermanamiento «{title}»',
    'partnership.declined': '{actor} rechazó la invitación de {city} al hermanamiento «{title}»',
    'partnership.withdrawn': '{actor} retiró la invitación de {city} al hermanamiento «{title}»',
    'partnership.concluded': '{actor} dio por concluido el hermanamiento «{title}»',
    'forum.reply': '{actor} respondió en «{thread}»',
    'forum.mention': '{actor} le mencionó en «{thread}»',
    'join_request.approved': '{actor} aprobó su solicitud para unirse a {city} como funcionario/a',
    'join_request.rejected': '{actor} rechazó su solicitud para unirse a {city} como funcionario/a',
    'join_request.created': '{actor} solicitó unirse a {city} como funcionario/a: la solicitud espera su decisión',
    'workshop.live': 'El taller «{title}» está en directo: entre ya en la sala',
    'workshop.facilitator_added': '{actor} le ha nombrado cofacilitador/a del taller «{title}»',
    'visit.opened': '{actor} abrió la inscripción a la visita de estudio «{title}» a {city}',
    'visit.date_chosen': '{actor} fijó las fechas de «{title}»: {dates}',
    'visit.registered': 'Está inscrito/a en la visita de estudio «{title}»',
    'visit.waitlisted': 'La visita de estudio «{title}» está completa: es el número {position} de la lista de espera',
    'visit.promoted': 'Se liberó una plaza: ya está inscrito/a en la visita de estudio «{title}»',
    'visit.agenda_changed': '{actor} cambió el programa de «{title}» ({item})',
    'visit.cancelled': '{actor} canceló la visita de estudio «{title}»',
    'training.offer_accepted': '{actor} aceptó su oferta para la solicitud de formación «{title}»',
    'training.offer_declined':
      '{actor} aceptó otra oferta para la solicitud de formación «{title}»: la suya fue rechazada',
    'training.scheduled': '{actor} programó la formación «{title}»',
    'training.evaluation_open': 'La formación «{title}» terminó: díganos qué le pareció (abierto 14 días)',
    'course.completed': 'Ha completado el curso «{title}»: su certificado está listo',
  },
  ar: {
    'partnership.invited': 'دعا {actor} ({fromCity}) مدينة {toCity} إلى الشراكة «{title}»',
    'partnership.accepted': 'قبل {actor} دعوة {city} إلى الشراكة «{title}»',
    'partnership.declined': 'رفض {actor} دعوة {city} إلى الشراكة «{title}»',
    'partnership.withdrawn': 'سحب {actor} دعوة {city} إلى الشراكة «{title}»',
    'partnership.concluded': 'أنهى {actor} الشراكة «{title}»',
    'forum.reply': 'ردّ {actor} في «{thread}»',
    'forum.mention': 'أشار إليك {actor} في «{thread}»',
    'join_request.approved': 'وافق {actor} على طلبك الانضمام إلى {city} بصفة مسؤول',
    'join_request.rejected': 'رفض {actor} طلبك الانضمام إلى {city} بصفة مسؤول',
    'join_request.created': 'طلب {actor} الانضمام إلى {city} بصفة مسؤول: الطلب بانتظار قرارك',
    'workshop.live': 'ورشة العمل «{title}» مباشرة الآن: ادخل القاعة',
    'workshop.facilitator_added': 'جعلك {actor} ميسّرًا مشاركًا في ورشة العمل «{title}»',
    'visit.opened': 'فتح {actor} باب التسجيل في الزيارة الدراسية «{title}» إلى {city}',
    'visit.date_chosen': 'حدّد {actor} موعد «{title}»: {dates}',
    'visit.registered': 'تم تسجيلك في الزيارة الدراسية «{title}»',
    'visit.waitlisted': 'اكتمل عدد المشاركين في الزيارة الدراسية «{title}»: ترتيبك {position} في قائمة الانتظار',
    'visit.promoted': 'أُتيح مكان: أنت الآن مسجّل في الزيارة الدراسية «{title}»',
    'visit.agenda_changed': 'عدّل {actor} برنامج «{title}» ({item})',
    'visit.cancelled': 'ألغى {actor} الزيارة الدراسية «{title}»',
    'training.offer_accepted': 'قبل {actor} عرضك لطلب التدريب «{title}»',
    'training.offer_declined': 'قبل {actor} عرضًا آخر لطلب التدريب «{title}»: تم رفض عرضك',
    'training.scheduled': 'حدّد {actor} موعد التدريب «{title}»',
    'training.evaluation_open': 'انتهى التدريب «{title}»: أخبرنا برأيك (متاح لمدة 14 يومًا)',
    'course.completed': 'أكملت الدورة «{title}»: شهادتك جاهزة',
  },
};

/** A notification as both apps hold it: its kind and the payload that kind carries. */
export type NotificationLike = {
  [K in NotificationKind]: { kind: K; payload: NotificationPayloads[K] };
}[NotificationKind];

export interface NotificationContent {
  /** The sentence, in the reader's language. */
  text: string;
  /** Where the notification leads: a path of the web client (prefix the public URL in mail). */
  href: string;
  /** A quotation (the post, a cancellation reason), or null. */
  excerpt: string | null;
}

export type TextVars = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; numbers are formatted for the language. Unknown placeholders stay. */
export function fillTemplate(template: string, vars: TextVars, lang: UiLanguage): string {
  let numbers: Intl.NumberFormat | undefined;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return (numbers ??= new Intl.NumberFormat(lang)).format(value);
    return value;
  });
}

/** The sentence key and its variables, by kind, with dates written in `lang`. */
export function notificationSentence(
  n: NotificationLike,
  lang: UiLanguage = 'en',
): { key: NotificationSentenceKey; vars: TextVars } {
  switch (n.kind) {
    case 'partnership.invited': {
      const { actor, partnership, fromCity, toCity } = n.payload;
      return {
        key: n.kind,
        vars: { actor: actor.displayName, fromCity: fromCity.name, toCity: toCity.name, title: partnership.title },
      };
    }
    case 'partnership.accepted':
    case 'partnership.declined':
    case 'partnership.withdrawn': {
      const { actor, partnership, city } = n.payload;
      return { key: n.kind, vars: { actor: actor.displayName, city: city.name, title: partnership.title } };
    }
    case 'partnership.concluded':
      return { key: n.kind, vars: { actor: n.payload.actor.displayName, title: n.payload.partnership.title } };
    case 'forum.reply':
    case 'forum.mention':
      return { key: n.kind, vars: { actor: n.payload.actor.displayName, thread: n.payload.thread.title } };
    case 'join_request.decided': {
      const { actor, city, decision } = n.payload;
      return {
        key: decision === 'approved' ? 'join_request.approved' : 'join_request.rejected',
        vars: { actor: actor.displayName, city: city.name },
      };
    }
    case 'join_request.created':
      return { key: n.kind, vars: { actor: n.payload.actor.displayName, city: n.payload.city.name } };
    case 'workshop.live':
      return { key: n.kind, vars: { title: n.payload.workshop.title } };
    case 'workshop.facilitator_added':
      return { key: n.kind, vars: { actor: n.payload.actor.displayName, title: n.payload.workshop.title } };
    case 'visit.opened': {
      const { actor, visit, hostCity } = n.payload;
      return { key: n.kind, vars: { actor: actor.displayName, title: visit.title, city: hostCity.name } };
    }
    case 'visit.date_chosen': {
      const { actor, visit, startDate, endDate } = n.payload;
      // host-calendar days, written as days (never as instants) so no time zone can shift them
      const dates = formatCalendarDayRange(startDate, endDate, lang);
      return { key: n.kind, vars: { actor: actor.displayName, title: visit.title, dates } };
    }
    case 'visit.registration': {
      const { visit, status, position } = n.payload;
      return status === 'registered'
        ? { key: 'visit.registered', vars: { title: visit.title } }
        : { key: 'visit.waitlisted', vars: { title: visit.title, position: position ?? '?' } };
    }
    case 'visit.promoted':
      return { key: n.kind, vars: { title: n.payload.visit.title } };
    case 'visit.agenda_changed': {
      const { actor, visit, item } = n.payload;
      return { key: n.kind, vars: { actor: actor.displayName, title: visit.title, item: item.title } };
    }
    case 'visit.cancelled':
      return { key: n.kind, vars: { actor: n.payload.actor.displayName, title: n.payload.visit.title } };
    case 'training.offer_accepted':
    case 'training.offer_declined':
    case 'training.scheduled':
      return { key: n.kind, vars: { actor: n.payload.actor.displayName, title: n.payload.request.title } };
    case 'training.evaluation_open':
      return { key: n.kind, vars: { title: n.payload.request.title } };
    case 'course.completed':
      return { key: n.kind, vars: { title: n.payload.course.title } };
  }
}

const visitHref = (visitId: string) => `/visits/${encodeURIComponent(visitId)}`;

/** Where the notification leads, and what it quotes. */
function notificationTarget(n: NotificationLike): { href: string; excerpt: string | null } {
  switch (n.kind) {
    case 'partnership.invited':
    case 'partnership.accepted':
    case 'partnership.declined':
    case 'partnership.withdrawn':
    case 'partnership.concluded':
      return { href: `/partnerships/${n.payload.partnership.id}`, excerpt: null };
    case 'forum.reply':
    case 'forum.mention':
      return { href: `/threads/${n.payload.thread.id}?post=${n.payload.seq}`, excerpt: n.payload.excerpt || null };
    case 'join_request.decided':
      return { href: `/cities/${n.payload.city.slug}`, excerpt: null };
    case 'join_request.created':
      return { href: '/join-requests', excerpt: n.payload.message || null };
    case 'workshop.live':
      // Straight into the room: the reader was told it is open now.
      return { href: `/workshops/${encodeURIComponent(n.payload.workshop.id)}/room`, excerpt: null };
    case 'workshop.facilitator_added':
      return { href: `/workshops/${encodeURIComponent(n.payload.workshop.id)}`, excerpt: null };
    case 'visit.cancelled':
      return { href: visitHref(n.payload.visit.id), excerpt: n.payload.reason || null };
    case 'visit.opened':
    case 'visit.date_chosen':
    case 'visit.registration':
    case 'visit.promoted':
    case 'visit.agenda_changed':
      return { href: visitHref(n.payload.visit.id), excerpt: null };
    case 'training.offer_accepted':
    case 'training.offer_declined':
    case 'training.scheduled':
      return { href: `/training/requests/${encodeURIComponent(n.payload.request.id)}`, excerpt: null };
    case 'training.evaluation_open':
      return { href: `/training/requests/${encodeURIComponent(n.payload.request.id)}#evaluation`, excerpt: null };
    case 'course.completed':
      return { href: `/courses/${encodeURIComponent(n.payload.course.id)}/learn`, excerpt: null };
  }
}

/** Renders a notification from its payload in the reader's language: the server never stores translated text. */
export function notificationContent(lang: UiLanguage, n: NotificationLike): NotificationContent {
  const { key, vars } = notificationSentence(n, lang);
  return { text: fillTemplate(NOTIFICATION_SENTENCES[lang][key], vars, lang), ...notificationTarget(n) };
}
