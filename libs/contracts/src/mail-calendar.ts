import type { MailLanguage } from './mail';

/** Why a calendar invitation (or its update or cancellation) is mailed. */
export type CalendarMailReason = 'registered' | 'waitlisted' | 'promoted' | 'updated' | 'cancelled' | 'unregistered';

/** What the invitation is for. */
export type CalendarMailEvent = 'visit' | 'workshop';

export interface CalendarMailText {
  /** The subject line, around the event's title. */
  subject: Record<CalendarMailReason, (title: string) => string>;
  /** The first paragraph, by event and reason. */
  intro: Record<CalendarMailEvent, Record<CalendarMailReason, string>>;
  /** What the attached calendar file does (invitation or cancellation). */
  attachment: { request: string; cancel: string };
  labels: {
    what: string;
    /** The dates of a visit (all day, in the host city's calendar). */
    dates: string;
    /** A workshop's time in the reader's own time zone. */
    yourTime: string;
    /** The time in the host's zone (the visit's city, the workshop's organiser). */
    hostTime: string;
    where: string;
  };
  /** Where a workshop takes place. */
  online: string;
  /** The link to the page. */
  open: Record<CalendarMailEvent, string>;
  /** Why the reader got this mail. */
  footer: Record<CalendarMailEvent, string>;
}

/** The texts of calendar invitation mail, in every interface language. */
export const MAIL_CALENDAR_TEXT: Record<MailLanguage, CalendarMailText> = {
  en: {
    subject: {
      registered: (t) => `Invitation: ${t}`,
      waitlisted: (t) => `Waitlisted (tentative): ${t}`,
      promoted: (t) => `Confirmed: ${t}`,
      updated: (t) => `Updated: ${t}`,
      cancelled: (t) => `Cancelled: ${t}`,
      unregistered: (t) => `Registration cancelled: ${t}`,
    },
    intro: {
      visit: {
        registered: 'You are registered for this study visit.',
        waitlisted:
          'You are on the waitlist for this study visit. It is in your calendar as tentative until a place frees up.',
        promoted: 'A place freed up: you moved from the waitlist onto the delegation of this study visit.',
        updated: 'This study visit changed. Your calendar entry is updated.',
        cancelled: 'This study visit has been cancelled.',
        unregistered: 'Your registration for this study visit is cancelled.',
      },
      workshop: {
        registered: 'You are registered for this workshop.',
        waitlisted: 'You are on the waitlist for this workshop.',
        promoted: 'A place freed up: you are now registered for this workshop.',
        updated: 'This workshop changed. Your calendar entry is updated.',
        cancelled: 'This workshop has been cancelled.',
        unregistered: 'Your registration for this workshop is cancelled.',
      },
    },
    attachment: {
      request: 'The attached invitation adds it to your calendar (Outlook, Google, Apple and others).',
      cancel: 'The attached cancellation removes it from your calendar.',
    },
    labels: {
      what: 'What',
      dates: 'Dates',
      yourTime: 'When (your time)',
      hostTime: "When (host's time)",
      where: 'Where',
    },
    online: 'Online, on Twinning',
    open: { visit: 'Open the visit', workshop: 'Open the workshop' },
    footer: {
      visit: 'You received this because you registered for a study visit on Twinning.',
      workshop: 'You received this because you registered for a workshop on Twinning.',
    },
  },
  fr: {
    subject: {
      registered: (t) => `Invitation : ${t}`,
      waitlisted: (t) => `Liste d’attente (provisoire) : ${t}`,
      promoted: (t) => `Confirmé : ${t}`,
      updated: (t) => `Modifié : ${t}`,
      cancelled: (t) => `Annulé : ${t}`,
      unregistered: (t) => `Inscription annulée : ${t}`,
    },
    intro: {
      visit: {
        registered: 'Vous êtes inscrit·e à cette visite d’étude.',
        waitlisted:
          'Vous êtes sur la liste d’attente de cette visite d’étude. Elle figure dans votre agenda comme provisoire jusqu’à ce qu’une place se libère.',
        promoted:
          'Une place s’est libérée : vous passez de la liste d’attente à la délégation de cette visite d’étude.',
        updated: 'Cette visite d’étude a changé. Votre agenda est mis à jour.',
        cancelled: 'Cette visite d’étude est annulée.',
        unregistered: 'Votre inscription à cette visite d’étude est annulée.',
      },
      workshop: {
        registered: 'Vous êtes inscrit·e à cet atelier.',
        waitlisted: 'Vous êtes sur la liste d’attente de cet atelier.',
        promoted: 'Une place s’est libérée : vous êtes maintenant inscrit·e à cet atelier.',
        updated: 'Cet atelier a changé. Votre agenda est mis à jour.',
        cancelled: 'Cet atelier est annulé.',
        unregistered: 'Votre inscription à cet atelier est annulée.',
      },
    },
    attachment: {
      request: 'L’invitation jointe l’ajoute à votre agenda (Outlook, Google, Apple et autres).',
      cancel: 'L’annulation jointe le retire de votre agenda.',
    },
    labels: {
      what: 'Quoi',
      dates: 'Dates',
      yourTime: 'Quand (votre heure)',
      hostTime: 'Quand (heure de l’hôte)',
      where: 'Où',
    },
    online: 'En ligne, sur Twinning',
    open: { visit: 'Ouvrir la visite', workshop: 'Ouvrir l’atelier' },
    footer: {
      visit: 'Vous recevez ce message parce que vous vous êtes inscrit·e à une visite d’étude sur Twinning.',
      workshop: 'Vous recevez ce message parce que vous vous êtes inscrit·e à un atelier sur Twinning.',
    },
  },
  es: {
    subject: {
      registered: (t) => `Invitación: ${t}`,
      waitlisted: (t) => `En lista de espera (provisional): ${t}`,
      promoted: (t) => `Confirmado: ${t}`,
      updated: (t) => `Actualizado: ${t}`,
      cancelled: (t) => `Cancelado: ${t}`,
      unregistered: (t) => `Inscripción cancelada: ${t}`,
    },
    intro: {
      visit: {
        registered: 'Está inscrito/a en esta visita de estudio.',
        waitlisted:
          'Está en la lista de espera de esta visita de estudio. Figura en su calendario como provisional hasta que se libere una plaza.',
        promoted: 'Se liberó una plaza: pasa de la lista de espera a la delegación de esta visita de estudio.',
        updated: 'Esta visita de estudio cambió. Su calendario se ha actualizado.',
        cancelled: 'Esta visita de estudio ha sido cancelada.',
        unregistered: 'Su inscripción en esta visita de estudio está cancelada.',
      },
      workshop: {
        registered: 'Está inscrito/a en este taller.',
        waitlisted: 'Está en la lista de espera de este taller.',
        promoted: 'Se liberó una plaza: ahora está inscrito/a en este taller.',
        updated: 'Este taller cambió. Su calendario se ha actualizado.',
        cancelled: 'Este taller ha sido cancelado.',
        unregistered: 'Su inscripción en este taller está cancelada.',
      },
    },
    attachment: {
      request: 'La invitación adjunta lo añade a su calendario (Outlook, Google, Apple y otros).',
      cancel: 'La cancelación adjunta lo quita de su calendario.',
    },
    labels: {
      what: 'Qué',
      dates: 'Fechas',
      yourTime: 'Cuándo (su hora)',
      hostTime: 'Cuándo (hora del anfitrión)',
      where: 'Dónde',
    },
    online: 'En línea, en Twinning',
    open: { visit: 'Abrir la visita', workshop: 'Abrir el taller' },
    footer: {
      visit: 'Recibe este mensaje porque se inscribió en una visita de estudio en Twinning.',
      workshop: 'Recibe este mensaje porque se inscribió en un taller en Twinning.',
    },
  },
  ar: {
    subject: {
      registered: (t) => `دعوة: ${t}`,
      waitlisted: (t) => `قائمة الانتظار (مبدئي): ${t}`,
      promoted: (t) => `مؤكَّد: ${t}`,
      updated: (t) => `تحديث: ${t}`,
      cancelled: (t) => `أُلغي: ${t}`,
      unregistered: (t) => `أُلغي التسجيل: ${t}`,
    },
    intro: {
      visit: {
        registered: 'أنت مسجَّل في هذه الزيارة الدراسية.',
        waitlisted: 'أنت على قائمة الانتظار لهذه الزيارة الدراسية. تظهر في تقويمك كموعد مبدئي إلى أن يتوفر مكان.',
        promoted: 'توفَّر مكان: انتقلت من قائمة الانتظار إلى وفد هذه الزيارة الدراسية.',
        updated: 'تغيَّرت هذه الزيارة الدراسية، وحُدِّث موعدها في تقويمك.',
        cancelled: 'أُلغيت هذه الزيارة الدراسية.',
        unregistered: 'أُلغي تسجيلك في هذه الزيارة الدراسية.',
      },
      workshop: {
        registered: 'أنت مسجَّل في ورشة العمل هذه.',
        waitlisted: 'أنت على قائمة الانتظار لورشة العمل هذه.',
        promoted: 'توفَّر مكان: أنت الآن مسجَّل في ورشة العمل هذه.',
        updated: 'تغيَّرت ورشة العمل هذه، وحُدِّث موعدها في تقويمك.',
        cancelled: 'أُلغيت ورشة العمل هذه.',
        unregistered: 'أُلغي تسجيلك في ورشة العمل هذه.',
      },
    },
    attachment: {
      request: 'الدعوة المرفقة تضيف الموعد إلى تقويمك (Outlook وGoogle وApple وغيرها).',
      cancel: 'الإلغاء المرفق يحذف الموعد من تقويمك.',
    },
    labels: {
      what: 'ماذا',
      dates: 'التواريخ',
      yourTime: 'متى (بتوقيتك)',
      hostTime: 'متى (بتوقيت المضيف)',
      where: 'أين',
    },
    online: 'عبر الإنترنت، على Twinning',
    open: { visit: 'افتح الزيارة', workshop: 'افتح ورشة العمل' },
    footer: {
      visit: 'وصلتك هذه الرسالة لأنك سجَّلت في زيارة دراسية على Twinning.',
      workshop: 'وصلتك هذه الرسالة لأنك سجَّلت في ورشة عمل على Twinning.',
    },
  },
};
