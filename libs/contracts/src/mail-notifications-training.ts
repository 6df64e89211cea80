import type { UiLanguage } from './domain';
import type { NotificationKindMailText } from './mail-notifications';

type TrainingKind = 'training.offer_accepted' | 'training.offer_declined' | 'course.completed';

/** The notification mail texts of the training kinds, in every language (spread into NOTIFICATION_MAIL_TEXT). */
export const TRAINING_MAIL_KINDS: Readonly<
  Record<UiLanguage, Readonly<Record<TrainingKind, NotificationKindMailText>>>
> = {
  en: {
    'training.offer_accepted': {
      label: 'Your training offers accepted',
      subject: 'Offer accepted: “{title}”',
      action: 'Open the training request',
    },
    'training.offer_declined': {
      label: 'Your training offers declined',
      subject: 'Offer declined: “{title}”',
      action: 'Open the training request',
    },
    'course.completed': {
      label: 'Courses you completed (your certificate)',
      subject: 'Course completed: “{title}”',
      action: 'Open the course and your certificate',
    },
  },
  fr: {
    'training.offer_accepted': {
      label: 'Vos offres de formation acceptées',
      subject: 'Offre acceptée : « {title} »',
      action: 'Ouvrir la demande de formation',
    },
    'training.offer_declined': {
      label: 'Vos offres de formation déclinées',
      subject: 'Offre déclinée : « {title} »',
      action: 'Ouvrir la demande de formation',
    },
    'course.completed': {
      label: 'Cours que vous avez terminés (votre certificat)',
      subject: 'Cours terminé : « {title} »',
      action: 'Ouvrir le cours et votre certificat',
    },
  },
  es: {
    'training.offer_accepted': {
      label: 'Sus ofertas de formación aceptadas',
      subject: 'Oferta aceptada: «{title}»',
      action: 'Abrir la solicitud de formación',
    },
    'training.offer_declined': {
      label: 'Sus ofertas de formación rechazadas',
      subject: 'Oferta rechazada: «{title}»',
      action: 'Abrir la solicitud de formación',
    },
    'course.completed': {
      label: 'Cursos que ha completado (su certificado)',
      subject: 'Curso completado: «{title}»',
      action: 'Abrir el curso y su certificado',
    },
  },
  ar: {
    'training.offer_accepted': {
      label: 'قبول عروضك التدريبية',
      subject: 'تم قبول العرض: «{title}»',
      action: 'فتح طلب التدريب',
    },
    'training.offer_declined': {
      label: 'رفض عروضك التدريبية',
      subject: 'تم رفض العرض: «{title}»',
      action: 'فتح طلب التدريب',
    },
    'course.completed': {
      label: 'الدورات التي أكملتها (شهادتك)',
      subject: 'اكتملت الدورة: «{title}»',
      action: 'فتح الدورة وشهادتك',
    },
  },
};
