import type { UiLanguage } from './domain';
import type { NotificationArea, NotificationDelivery, NotificationKind } from './notifications';
import { TRAINING_MAIL_KINDS } from './mail-notifications-training';

/** What a notification mail of one kind says around the notification's sentence. */
export interface NotificationKindMailText {
  /** The kind's name, in the settings page and in the mail's footer. */
  label: string;
  /** The subject; same placeholders as the kind's sentence. */
  subject: string;
  /** The button that opens what the notification is about. */
  action: string;
}

export interface NotificationMailText {
  kinds: Readonly<Record<NotificationKind, NotificationKindMailText>>;
  areas: Readonly<Record<NotificationArea, string>>;
  /** The delivery setting's labels (settings page, unsubscribe page). */
  deliveries: Readonly<Record<NotificationDelivery, string>>;
  /** Why the reader got the mail: `{kind}` is the kind's label, `{settingsUrl}` where to change it. */
  footer: string;
  /** The footer link that turns this kind of mail off. */
  unsubscribe: string;
  /** Subject of a mail that gathers several posts of one thread: `{count}`, `{thread}`. */
  threadSubject: string;
  /** Heading of that mail. */
  threadHeading: string;
  /** Label of a detail line giving when something starts (in the reader's zone). */
  startsAt: string;
  /** Under the button of thread mail that carries a personal Reply-To (reply by email is on). */
  replyByMail: string;
}

export const NOTIFICATION_MAIL_TEXT: Readonly<Record<UiLanguage, NotificationMailText>> = {
  en: {
    kinds: {
      'partnership.invited': {
        label: 'Partnership proposals and invitations',
        subject: '{toCity} is invited into the partnership “{title}”',
        action: 'Answer the invitation',
      },
      'partnership.accepted': {
        label: 'Invitations accepted',
        subject: '{city} accepted: “{title}”',
        action: 'Open the partnership',
      },
      'partnership.declined': {
        label: 'Invitations declined',
        subject: '{city} declined: “{title}”',
        action: 'Open the partnership',
      },
      'partnership.withdrawn': {
        label: 'Invitations withdrawn',
        subject: 'Invitation withdrawn: “{title}”',
        action: 'Open the partnership',
      },
      'partnership.concluded': {
        label: 'Partnerships concluded',
        subject: 'Partnership concluded: “{title}”',
        action: 'Open the partnership',
      },
      'forum.reply': {
        label: 'Replies in threads you watch',
        subject: 'New reply in “{thread}”',
        action: 'Read the reply',
      },
      'forum.mention': { label: 'Mentions', subject: '{actor} mentioned you in “{thread}”', action: 'Read the post' },
      'join_request.decided': {
        label: 'Decisions on your join requests',
        subject: 'Your request to join {city}',
        action: 'Open the city',
      },
      'join_request.created': {
        label: 'Join requests to decide',
        subject: '{actor} asks to join {city}',
        action: 'Decide the request',
      },
      'workshop.live': { label: 'Workshops going live', subject: 'Live now: “{title}”', action: 'Join the room' },
      'workshop.facilitator_added': {
        label: 'Co-facilitation of workshops',
        subject: 'You co-facilitate “{title}”',
        action: 'Open the workshop',
      },
      'visit.opened': {
        label: 'Study visits opened',
        subject: 'Registration open: “{title}”',
        action: 'Open the study visit',
      },
      'visit.date_chosen': {
        label: 'Study visit dates chosen',
        subject: 'Dates chosen for “{title}”',
        action: 'Open the study visit',
      },
      'visit.registration': {
        label: 'Your study visit registrations',
        subject: 'Your registration: “{title}”',
        action: 'Open the study visit',
      },
      'visit.promoted': {
        label: 'Places from the waitlist',
        subject: 'You have a place on “{title}”',
        action: 'Open the study visit',
      },
      'visit.agenda_changed': {
        label: 'Study visit agenda changes',
        subject: 'Agenda changed: “{title}”',
        action: 'See the agenda',
      },
      'visit.cancelled': {
        label: 'Study visits cancelled',
        subject: 'Cancelled: “{title}”',
        action: 'Open the study visit',
      },
      ...TRAINING_MAIL_KINDS.en,
    },
    areas: {
      partnerships: 'Partnerships',
      cities: 'Cities',
      forums: 'Forums',
      visits: 'Study visits',
      workshops: 'Workshops',
      training: 'Training',
    },
    deliveries: { immediately: 'Immediately', daily: 'Daily digest', weekly: 'Weekly digest', off: 'Off' },
    footer:
      'You got this mail because “{kind}” notifications reach you immediately. Change how they reach you in your profile: {settingsUrl}',
    unsubscribe: 'Turn off these mails',
    threadSubject: '{count} new posts in “{thread}”',
    threadHeading: 'New posts in “{thread}”',
    startsAt: 'Starts',
    replyByMail: 'Reply to this mail to post your answer in the discussion.',
  },
  fr: {
    kinds: {
      'partnership.invited': {
        label: 'Propositions et invitations de partenariat',
        subject: '{toCity} est invitée dans le partenariat « {title} »',
        action: 'Répondre à l’invitation',
      },
      'partnership.accepted': {
        label: 'Invitations acceptées',
        subject: '{city} a accepté : « {title} »',
        action: 'Ouvrir le partenariat',
      },
      'partnership.declined': {
        label: 'Invitations déclinées',
        subject: '{city} a décliné : « {title} »',
        action: 'Ouvrir le partenariat',
      },
      'partnership.withdrawn': {
        label: 'Invitations retirées',
        subject: 'Invitation retirée : « {title} »',
        action: 'Ouvrir le partenariat',
      },
      'partnership.concluded': {
        label: 'Partenariats clos',
        subject: 'Partenariat clos : « {title} »',
        action: 'Ouvrir le partenariat',
      },
      'forum.reply': {
        label: 'Réponses dans les fils que vous suivez',
        subject: 'Nouvelle réponse dans « {thread} »',
        action: 'Lire la réponse',
      },
      'forum.mention': {
        label: 'Mentions',
        subject: '{actor} vous a mentionné·e dans « {thread} »',
        action: 'Lire le message',
      },
      'join_request.decided': {
        label: 'Décisions sur vos demandes d’adhésion',
        subject: 'Votre demande pour rejoindre {city}',
        action: 'Ouvrir la ville',
      },
      'join_request.created': {
        label: 'Demandes d’adhésion à décider',
        subject: '{actor} demande à rejoindre {city}',
        action: 'Décider de la demande',
      },
      'workshop.live': {
        label: 'Ateliers en direct',
        subject: 'En direct : « {title} »',
        action: 'Rejoindre la salle',
      },
      'workshop.facilitator_added': {
        label: 'Co-animation d’ateliers',
        subject: 'Vous co-animez « {title} »',
        action: 'Ouvrir l’atelier',
      },
      'visit.opened': {
        label: 'Visites d’étude ouvertes',
        subject: 'Inscriptions ouvertes : « {title} »',
        action: 'Ouvrir la visite d’étude',
      },
      'visit.date_chosen': {
        label: 'Dates de visites d’étude fixées',
        subject: 'Dates fixées pour « {title} »',
        action: 'Ouvrir la visite d’étude',
      },
      'visit.registration': {
        label: 'Vos inscriptions aux visites d’étude',
        subject: 'Votre inscription : « {title} »',
        action: 'Ouvrir la visite d’étude',
      },
      'visit.promoted': {
        label: 'Places libérées sur liste d’attente',
        subject: 'Vous avez une place pour « {title} »',
        action: 'Ouvrir la visite d’étude',
      },
      'visit.agenda_changed': {
        label: 'Changements de programme des visites',
        subject: 'Programme modifié : « {title} »',
        action: 'Voir le programme',
      },
      'visit.cancelled': {
        label: 'Visites d’étude annulées',
        subject: 'Annulée : « {title} »',
        action: 'Ouvrir la visite d’étude',
      },
      ...TRAINING_MAIL_KINDS.fr,
    },
    areas: {
      partnerships: 'Partenariats',
      cities: 'Villes',
      forums: 'Forums',
      visits: 'Visites d’étude',
      workshops: 'Ateliers',
      training: 'Formation',
    },
    deliveries: {
      immediately: 'Immédiatement',
      daily: 'Résumé quotidien',
      weekly: 'Résumé hebdomadaire',
      off: 'Désactivé',
    },
    footer:
      'Vous recevez ce courriel parce que les notifications « {kind} » vous parviennent immédiatement. Modifiez ce réglage dans votre profil : {settingsUrl}',
    unsubscribe: 'Ne plus recevoir ces courriels',
    threadSubject: '{count} nouveaux messages dans « {thread} »',
    threadHeading: 'Nouveaux messages dans « {thread} »',
    startsAt: 'Début',
    replyByMail: 'Répondez à ce courriel pour publier votre réponse dans la discussion.',
  },
  es: {
    kinds: {
      'partnership.invited': {
        label: 'Propuestas e invitaciones de hermanamiento',
        subject: '{toCity} está invitada al hermanamiento «{title}»',
        action: 'Responder a la invitación',
      },
      'partnership.accepted': {
        label: 'Invitaciones aceptadas',
        subject: '{city} aceptó: «{title}»',
        action: 'Abrir el hermanamiento',
      },
      'partnership.declined': {
        label: 'Invitaciones rechazadas',
        subject: '{city} rechazó: «{title}»',
        action: 'Abrir el hermanamiento',
      },
      'partnership.withdrawn': {
        label: 'Invitaciones retiradas',
        subject: 'Invitación retirada: «{title}»',
        action: 'Abrir el hermanamiento',
      },
      'partnership.concluded': {
        label: 'Hermanamientos concluidos',
        subject: 'Hermanamiento concluido: «{title}»',
        action: 'Abrir el hermanamiento',
      },
      'forum.reply': {
        label: 'Respuestas en los hilos que sigue',
        subject: 'Nueva respuesta en «{thread}»',
        action: 'Leer la respuesta',
      },
      'forum.mention': { label: 'Menciones', subject: '{actor} le mencionó en «{thread}»', action: 'Leer el mensaje' },
      'join_request.decided': {
        label: 'Decisiones sobre sus solicitudes de adhesión',
        subject: 'Su solicitud para unirse a {city}',
        action: 'Abrir la ciudad',
      },
      'join_request.created': {
        label: 'Solicitudes de adhesión por decidir',
        subject: '{actor} solicita unirse a {city}',
        action: 'Decidir la solicitud',
      },
      'workshop.live': { label: 'Talleres en directo', subject: 'En directo: «{title}»', action: 'Entrar en la sala' },
      'workshop.facilitator_added': {
        label: 'Cofacilitación de talleres',
        subject: 'Cofacilita «{title}»',
        action: 'Abrir el taller',
      },
      'visit.opened': {
        label: 'Visitas de estudio abiertas',
        subject: 'Inscripción abierta: «{title}»',
        action: 'Abrir la visita de estudio',
      },
      'visit.date_chosen': {
        label: 'Fechas de visitas de estudio fijadas',
        subject: 'Fechas fijadas para «{title}»',
        action: 'Abrir la visita de estudio',
      },
      'visit.registration': {
        label: 'Sus inscripciones a visitas de estudio',
        subject: 'Su inscripción: «{title}»',
        action: 'Abrir la visita de estudio',
      },
      'visit.promoted': {
        label: 'Plazas desde la lista de espera',
        subject: 'Tiene plaza en «{title}»',
        action: 'Abrir la visita de estudio',
      },
      'visit.agenda_changed': {
        label: 'Cambios en el programa de las visitas',
        subject: 'Programa modificado: «{title}»',
        action: 'Ver el programa',
      },
      'visit.cancelled': {
        label: 'Visitas de estudio canceladas',
        subject: 'Cancelada: «{title}»',
        action: 'Abrir la visita de estudio',
      },
      ...TRAINING_MAIL_KINDS.es,
    },
    areas: {
      partnerships: 'Hermanamientos',
      cities: 'Ciudades',
      forums: 'Foros',
      visits: 'Visitas de estudio',
      workshops: 'Talleres',
      training: 'Formación',
    },
    deliveries: { immediately: 'De inmediato', daily: 'Resumen diario', weekly: 'Resumen semanal', off: 'Desactivado' },
    footer:
      'Recibe este correo porque las notificaciones «{kind}» le llegan de inmediato. Cámbielo en su perfil: {settingsUrl}',
    unsubscribe: 'Dejar de recibir estos correos',
    threadSubject: '{count} mensajes nuevos en «{thread}»',
    threadHeading: 'Mensajes nuevos en «{thread}»',
    startsAt: 'Empieza',
    replyByMail: 'Responda a este correo para publicar su respuesta en la conversación.',
  },
  ar: {
    kinds: {
      'partnership.invited': {
        label: 'مقترحات الشراكة والدعوات إليها',
        subject: 'دُعيت {toCity} إلى الشراكة «{title}»',
        action: 'الرد على الدعوة',
      },
      'partnership.accepted': { label: 'الدعوات المقبولة', subject: 'قبلت {city}: «{title}»', action: 'افتح الشراكة' },
      'partnership.declined': { label: 'الدعوات المرفوضة', subject: 'رفضت {city}: «{title}»', action: 'افتح الشراكة' },
      'partnership.withdrawn': {
        label: 'الدعوات المسحوبة',
        subject: 'سُحبت الدعوة: «{title}»',
        action: 'افتح الشراكة',
      },
      'partnership.concluded': {
        label: 'الشراكات المنتهية',
        subject: 'انتهت الشراكة: «{title}»',
        action: 'افتح الشراكة',
      },
      'forum.reply': {
        label: 'الردود في المواضيع التي تتابعها',
        subject: 'رد جديد في «{thread}»',
        action: 'اقرأ الرد',
      },
      'forum.mention': { label: 'الإشارات إليك', subject: 'أشار إليك {actor} في «{thread}»', action: 'اقرأ المشاركة' },
      'join_request.decided': {
        label: 'القرارات بشأن طلبات انضمامك',
        subject: 'طلبك الانضمام إلى {city}',
        action: 'افتح المدينة',
      },
      'join_request.created': {
        label: 'طلبات الانضمام بانتظار قرارك',
        subject: 'يطلب {actor} الانضمام إلى {city}',
        action: 'البت في الطلب',
      },
      'workshop.live': { label: 'ورش العمل المباشرة', subject: 'مباشر الآن: «{title}»', action: 'ادخل القاعة' },
      'workshop.facilitator_added': {
        label: 'المشاركة في تيسير ورش العمل',
        subject: 'أنت ميسّر مشارك في «{title}»',
        action: 'افتح ورشة العمل',
      },
      'visit.opened': {
        label: 'الزيارات الدراسية المفتوحة',
        subject: 'التسجيل مفتوح: «{title}»',
        action: 'افتح الزيارة الدراسية',
      },
      'visit.date_chosen': {
        label: 'تحديد مواعيد الزيارات الدراسية',
        subject: 'حُدّد موعد «{title}»',
        action: 'افتح الزيارة الدراسية',
      },
      'visit.registration': {
        label: 'تسجيلاتك في الزيارات الدراسية',
        subject: 'تسجيلك: «{title}»',
        action: 'افتح الزيارة الدراسية',
      },
      'visit.promoted': {
        label: 'أماكن من قائمة الانتظار',
        subject: 'لديك مكان في «{title}»',
        action: 'افتح الزيارة الدراسية',
      },
      'visit.agenda_changed': {
        label: 'تغييرات برامج الزيارات الدراسية',
        subject: 'تغيّر البرنامج: «{title}»',
        action: 'اطّلع على البرنامج',
      },
      'visit.cancelled': {
        label: 'الزيارات الدراسية الملغاة',
        subject: 'أُلغيت: «{title}»',
        action: 'افتح الزيارة الدراسية',
      },
      ...TRAINING_MAIL_KINDS.ar,
    },
    areas: {
      partnerships: 'الشراكات',
      cities: 'المدن',
      forums: 'المنتديات',
      visits: 'الزيارات الدراسية',
      workshops: 'ورش العمل',
      training: 'التدريب',
    },
    deliveries: { immediately: 'فورًا', daily: 'الملخص اليومي', weekly: 'الملخص الأسبوعي', off: 'متوقف' },
    footer: 'وصلتك هذه الرسالة لأن إشعارات «{kind}» تصلك فورًا. غيّر طريقة وصولها من ملفك الشخصي: {settingsUrl}',
    unsubscribe: 'أوقف هذه الرسائل',
    threadSubject: '{count} مشاركات جديدة في «{thread}»',
    threadHeading: 'مشاركات جديدة في «{thread}»',
    startsAt: 'يبدأ',
    replyByMail: 'ردّ على هذه الرسالة لتنشر جوابك في النقاش.',
  },
};
