import type { UiLanguage } from './domain';
import type { NotificationKindMailText } from './mail-notifications';

type TrainingKind =
  | 'training.offer_accepted'
  | 'training.offer_declined'
  | 'training.scheduled'
  | 'training.evaluation_open'
  | 'course.completed';

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
    'training.scheduled': {
      label: 'Trainings you take part in, give or asked for scheduled',
      subject: 'Training scheduled: “{title}”',
      action: 'See the dates',
    },
    'training.evaluation_open': {
      label: 'Evaluations of trainings you took part in',
      subject: 'How was “{title}”?',
      action: 'Answer the evaluation',
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
    'training.scheduled': {
      label: 'Formations programmées auxquelles vous participez, que vous donnez ou avez demandées',
      subject: 'Formation programmée : « {title} »',
      action: 'Voir les dates',
    },
    'training.evaluation_open': {
      label: 'Évaluations des formations suivies',
      subject: 'Comment s’est passée « {title} » ?',
      action: 'Répondre à l’évaluation',
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
    'training.scheduled': {
      label: 'Formaciones programadas en las que participa, que imparte o que pidió',
      subject: 'Formación programada: «{title}»',
      action: 'Ver las fechas',
    },
    'training.evaluation_open': {
      label: 'Evaluaciones de las formaciones que siguió',
      subject: '¿Qué tal fue «{title}»?',
      action: 'Responder la evaluación',
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
    'training.scheduled': {
      label: 'جدولة التدريبات التي تشارك فيها أو تقدّمها أو طلبتها',
      subject: 'تمت جدولة التدريب: «{title}»',
      action: 'عرض المواعيد',
    },
    'training.evaluation_open': {
      label: 'تقييم التدريبات التي شاركت فيها',
      subject: 'ما رأيك في «{title}»؟',
      action: 'الإجابة عن التقييم',
    },
    'course.completed': {
      label: 'الدورات التي أكملتها (شهادتك)',
      subject: 'اكتملت الدورة: «{title}»',
      action: 'فتح الدورة وشهادتك',
    },
  },
};
