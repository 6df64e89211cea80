import type { Theme } from './domain';
import type { MailLanguage } from './mail';

/** Which digest a mail is: the daily one, Monday's weekly one, or both in one mail on Mondays. */
export type DigestKind = 'daily' | 'weekly' | 'combined';

/** The words of the daily and weekly digest mail, in each language. */
export interface DigestText {
  subject: Record<DigestKind, (date: string) => string>;
  heading: Record<DigestKind, string>;
  intro: (name: string) => string;
  notifications: string;
  /** "…and 3 more" after a shortened list. */
  more: (count: number) => string;
  partnershipForum: (partnership: string) => string;
  publicForum: (theme: string) => string;
  courseForum: (course: string) => string;
  /** Under a thread: how many unread posts, and who wrote the first. */
  unreadPosts: (count: number, author: string | null) => string;
  moreThreads: (count: number) => string;
  upcoming: string;
  visitLine: (title: string, city: string) => string;
  visitDates: (start: string, end: string) => string;
  visitRegistered: string;
  visitWaitlisted: string;
  workshopLine: (title: string) => string;
  workshopLive: string;
  polls: string;
  pollNote: (partnership: string, options: number) => string;
  decisions: string;
  joinRequest: (user: string, city: string) => string;
  invitation: (partnership: string, city: string) => string;
  invitedBy: (city: string) => string;
  /** Why the recipient got the mail. */
  footer: Record<DigestKind, string>;
  /** The footer's one-click unsubscribe link: turns this digest off. */
  unsubscribe: Record<DigestKind, string>;
  themes: Record<Theme, string>;
  /** The line of a notification whose payload cannot be read any more. */
  otherKind: string;
}

const EN: DigestText = {
  subject: {
    daily: (date) => `Your Twinning digest for ${date}`,
    weekly: (date) => `Your weekly Twinning digest, ${date}`,
    combined: (date) => `Your Twinning digest for ${date}, with the week`,
  },
  heading: { daily: 'Your daily digest', weekly: 'Your weekly digest', combined: 'Your daily and weekly digest' },
  intro: (name) => `Hello ${name}, here is what is new and what waits for you.`,
  notifications: 'New for you',
  more: (count) => `…and ${count} more`,
  partnershipForum: (p) => `Partnership forum: ${p}`,
  publicForum: (t) => `Public forum: ${t}`,
  courseForum: (c) => `Course forum: ${c}`,
  unreadPosts: (count, author) => `${count} unread${author ? `, first by ${author}` : ''}`,
  moreThreads: (count) => `${count} more unread threads`,
  upcoming: 'In the next 14 days',
  visitLine: (title, city) => `Study visit “${title}” in ${city}`,
  visitDates: (start, end) => (start === end ? start : `${start} to ${end}`),
  visitRegistered: 'You are registered',
  visitWaitlisted: 'You are on the waitlist',
  workshopLine: (title) => `Workshop “${title}”`,
  workshopLive: 'Live now',
  polls: 'Date polls waiting for your vote',
  pollNote: (p, n) => `${p} · ${n} date options`,
  decisions: 'Waiting for your decision',
  joinRequest: (user, city) => `${user} asks to join ${city}`,
  invitation: (p, city) => `${city} is invited into the partnership “${p}”`,
  invitedBy: (city) => `Invited by ${city}`,
  footer: {
    daily: 'You receive this daily digest because some of your notifications are set to “in the daily digest”.',
    weekly: 'You receive this weekly digest because some of your notifications are set to “in the weekly digest”.',
    combined: 'You receive this digest because some of your notifications are set to the daily or weekly digest.',
  },
  unsubscribe: {
    daily: 'Turn off the daily digest',
    weekly: 'Turn off the weekly digest',
    combined: 'Turn off the daily and weekly digests',
  },
  themes: {
    integration: 'Integration',
    employment: 'Employment',
    education: 'Education',
    transportation: 'Transportation',
    social_services: 'Social services',
    health: 'Health',
    human_security: 'Human security',
    intercultural_dialogue: 'Intercultural dialogue',
    environmental_sustainability: 'Environmental sustainability',
  },
  otherKind: 'Notification',
};

const FR: DigestText = {
  subject: {
    daily: (date) => `Votre résumé Twinning du ${date}`,
    weekly: (date) => `Votre résumé hebdomadaire Twinning, ${date}`,
    combined: (date) => `Votre résumé Twinning du ${date}, avec la semaine`,
  },
  heading: {
    daily: 'Votre résumé du jour',
    weekly: 'Votre résumé de la semaine',
    combined: 'Votre résumé du jour et de la semaine',
  },
  intro: (name) => `Bonjour ${name}, voici les nouveautés et ce qui vous attend.`,
  notifications: 'Nouveau pour vous',
  more: (count) => `…et ${count} de plus`,
  partnershipForum: (p) => `Forum du partenariat : ${p}`,
  publicForum: (t) => `Forum public : ${t}`,
  courseForum: (c) => `Forum du cours : ${c}`,
  unreadPosts: (count, author) => `${count} non lu(s)${author ? `, d’abord par ${author}` : ''}`,
  moreThreads: (count) => `${count} autres discussions non lues`,
  upcoming: 'Dans les 14 prochains jours',
  visitLine: (title, city) => `Visite d’étude « ${title} » à ${city}`,
  visitDates: (start, end) => (start === end ? start : `du ${start} au ${end}`),
  visitRegistered: 'Vous êtes inscrit·e',
  visitWaitlisted: 'Vous êtes sur la liste d’attente',
  workshopLine: (title) => `Atelier « ${title} »`,
  workshopLive: 'En direct',
  polls: 'Sondages de dates qui attendent votre vote',
  pollNote: (p, n) => `${p} · ${n} options de dates`,
  decisions: 'En attente de votre décision',
  joinRequest: (user, city) => `${user} demande à rejoindre ${city}`,
  invitation: (p, city) => `${city} est invitée dans le partenariat « ${p} »`,
  invitedBy: (city) => `Invitation de ${city}`,
  footer: {
    daily:
      'Vous recevez ce résumé quotidien car certaines de vos notifications sont réglées sur « dans le résumé du jour ».',
    weekly:
      'Vous recevez ce résumé hebdomadaire car certaines de vos notifications sont réglées sur « dans le résumé de la semaine ».',
    combined:
      'Vous recevez ce résumé car certaines de vos notifications sont réglées sur le résumé du jour ou de la semaine.',
  },
  unsubscribe: {
    daily: 'Ne plus recevoir le résumé quotidien',
    weekly: 'Ne plus recevoir le résumé hebdomadaire',
    combined: 'Ne plus recevoir les résumés quotidien et hebdomadaire',
  },
  themes: {
    integration: 'Intégration',
    employment: 'Emploi',
    education: 'Éducation',
    transportation: 'Transports',
    social_services: 'Services sociaux',
    health: 'Santé',
    human_security: 'Sécurité humaine',
    intercultural_dialogue: 'Dialogue interculturel',
    environmental_sustainability: 'Durabilité environnementale',
  },
  otherKind: 'Notification',
};

const ES: DigestText = {
  subject: {
    daily: (date) => `Tu resumen de Twinning del ${date}`,
    weekly: (date) => `Tu resumen semanal de Twinning, ${date}`,
    combined: (date) => `Tu resumen de Twinning del ${date}, con la semana`,
  },
  heading: { daily: 'Tu resumen diario', weekly: 'Tu resumen semanal', combined: 'Tu resumen diario y semanal' },
  intro: (name) => `Hola ${name}, esto es lo nuevo y lo que te espera.`,
  notifications: 'Novedades para ti',
  more: (count) => `…y ${count} más`,
  partnershipForum: (p) => `Foro de la alianza: ${p}`,
  publicForum: (t) => `Foro público: ${t}`,
  courseForum: (c) => `Foro del curso: ${c}`,
  unreadPosts: (count, author) => `${count} sin leer${author ? `, primero de ${author}` : ''}`,
  moreThreads: (count) => `${count} conversaciones más sin leer`,
  upcoming: 'En los próximos 14 días',
  visitLine: (title, city) => `Visita de estudio «${title}» en ${city}`,
  visitDates: (start, end) => (start === end ? start : `del ${start} al ${end}`),
  visitRegistered: 'Estás inscrito/a',
  visitWaitlisted: 'Estás en la lista de espera',
  workshopLine: (title) => `Taller «${title}»`,
  workshopLive: 'En directo',
  polls: 'Encuestas de fechas que esperan tu voto',
  pollNote: (p, n) => `${p} · ${n} opciones de fecha`,
  decisions: 'Esperan tu decisión',
  joinRequest: (user, city) => `${user} pide unirse a ${city}`,
  invitation: (p, city) => `${city} está invitada a la alianza «${p}»`,
  invitedBy: (city) => `Invitación de ${city}`,
  footer: {
    daily: 'Recibes este resumen diario porque algunas de tus notificaciones están en «en el resumen diario».',
    weekly: 'Recibes este resumen semanal porque algunas de tus notificaciones están en «en el resumen semanal».',
    combined: 'Recibes este resumen porque algunas de tus notificaciones están en el resumen diario o semanal.',
  },
  unsubscribe: {
    daily: 'Dejar de recibir el resumen diario',
    weekly: 'Dejar de recibir el resumen semanal',
    combined: 'Dejar de recibir los resúmenes diario y semanal',
  },
  themes: {
    integration: 'Integración',
    employment: 'Empleo',
    education: 'Educación',
    transportation: 'Transporte',
    social_services: 'Servicios sociales',
    health: 'Salud',
    human_security: 'Seguridad humana',
    intercultural_dialogue: 'Diálogo intercultural',
    environmental_sustainability: 'Sostenibilidad ambiental',
  },
  otherKind: 'Notificación',
};

const AR: DigestText = {
  subject: {
    daily: (date) => `ملخصك في Twinning ليوم ${date}`,
    weekly: (date) => `ملخصك الأسبوعي في Twinning، ${date}`,
    combined: (date) => `ملخصك في Twinning ليوم ${date}، مع ملخص الأسبوع`,
  },
  heading: { daily: 'ملخصك اليومي', weekly: 'ملخصك الأسبوعي', combined: 'ملخصك اليومي والأسبوعي' },
  intro: (name) => `مرحبًا ${name}، هذا ما هو جديد وما ينتظرك.`,
  notifications: 'جديد لك',
  more: (count) => `…و${count} أخرى`,
  partnershipForum: (p) => `منتدى الشراكة: ${p}`,
  publicForum: (t) => `المنتدى العام: ${t}`,
  courseForum: (c) => `منتدى الدورة: ${c}`,
  unreadPosts: (count, author) => `${count} غير مقروءة${author ? `، أولها من ${author}` : ''}`,
  moreThreads: (count) => `${count} نقاشات أخرى غير مقروءة`,
  upcoming: 'خلال الأيام الأربعة عشر القادمة',
  visitLine: (title, city) => `الزيارة الدراسية «${title}» في ${city}`,
  visitDates: (start, end) => (start === end ? start : `من ${start} إلى ${end}`),
  visitRegistered: 'أنت مسجَّل',
  visitWaitlisted: 'أنت على قائمة الانتظار',
  workshopLine: (title) => `ورشة العمل «${title}»`,
  workshopLive: 'مباشر الآن',
  polls: 'استطلاعات مواعيد تنتظر تصويتك',
  pollNote: (p, n) => `${p} · ${n} خيارات مواعيد`,
  decisions: 'بانتظار قرارك',
  joinRequest: (user, city) => `${user} يطلب الانضمام إلى ${city}`,
  invitation: (p, city) => `${city} مدعوّة إلى الشراكة «${p}»`,
  invitedBy: (city) => `دعوة من ${city}`,
  footer: {
    daily: 'تتلقى هذا الملخص اليومي لأن بعض إشعاراتك مضبوطة على «في الملخص اليومي».',
    weekly: 'تتلقى هذا الملخص الأسبوعي لأن بعض إشعاراتك مضبوطة على «في الملخص الأسبوعي».',
    combined: 'تتلقى هذا الملخص لأن بعض إشعاراتك مضبوطة على الملخص اليومي أو الأسبوعي.',
  },
  unsubscribe: {
    daily: 'أوقف الملخص اليومي',
    weekly: 'أوقف الملخص الأسبوعي',
    combined: 'أوقف الملخصين اليومي والأسبوعي',
  },
  themes: {
    integration: 'الإدماج',
    employment: 'التوظيف',
    education: 'التعليم',
    transportation: 'النقل',
    social_services: 'الخدمات الاجتماعية',
    health: 'الصحة',
    human_security: 'الأمن الإنساني',
    intercultural_dialogue: 'الحوار بين الثقافات',
    environmental_sustainability: 'الاستدامة البيئية',
  },
  otherKind: 'إشعار',
};

export const MAIL_DIGEST_TEXT: Record<MailLanguage, DigestText> = { en: EN, fr: FR, es: ES, ar: AR };
