import type { UiLanguage } from './domain';
import type { NotificationKindMailText } from './mail-notifications';

type TrainingKind = 'training.offer_accepted' | 'training.offer_declined';

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
  },
};
