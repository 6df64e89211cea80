import type { FlagReason, UiLanguage } from './domain';
import type { AuditPostRef } from './forums';

/**
 * The moderation audit log's words in every interface language, for what the API writes itself (the CSV
 * export): the column headers, a post or a flag as a target, and the reason Twinning records when a flag is
 * upheld. The web's audit page says the same (its `modAudit.*` and `flagPost.reasons.*` keys).
 */
export interface AuditTexts {
  readonly columns: readonly string[];
  readonly flagReasons: { readonly [K in FlagReason]: string };
  readonly postRef: (post: AuditPostRef) => string;
  readonly flagRef: (reason: string, post: string) => string;
  readonly reasonFlagged: (reason: string) => string;
}

export const AUDIT_TEXT: { readonly [L in UiLanguage]: AuditTexts } = {
  en: {
    columns: [
      'Time (UTC)',
      'Actor ID',
      'Actor',
      'Action',
      'Target type',
      'Target ID',
      'Target',
      'Forum ID',
      'Forum',
      'Reason',
    ],
    flagReasons: {
      spam: 'Spam',
      abusive: 'Abusive or disrespectful',
      off_topic: 'Off topic',
      private_information: 'Private information',
      other: 'Something else',
    },
    postRef: (p) => `#${p.seq} in “${p.threadTitle}”${p.authorName ? ` by ${p.authorName}` : ''}`,
    flagRef: (reason, post) => `“${reason}” on post ${post}`,
    reasonFlagged: (reason) => `Hidden after a flag: ${reason}`,
  },
  fr: {
    columns: [
      'Heure (UTC)',
      'ID du modérateur',
      'Modérateur',
      'Action',
      'Type de cible',
      'ID de la cible',
      'Cible',
      'ID du forum',
      'Forum',
      'Motif',
    ],
    flagReasons: {
      spam: 'Spam',
      abusive: 'Injurieux ou irrespectueux',
      off_topic: 'Hors sujet',
      private_information: 'Informations privées',
      other: 'Autre chose',
    },
    postRef: (p) => `n° ${p.seq} dans « ${p.threadTitle} »${p.authorName ? `, de ${p.authorName}` : ''}`,
    flagRef: (reason, post) => `« ${reason} » sur le message ${post}`,
    reasonFlagged: (reason) => `Masqué après un signalement : ${reason}`,
  },
  es: {
    columns: [
      'Hora (UTC)',
      'ID del moderador',
      'Moderador',
      'Acción',
      'Tipo de objetivo',
      'ID del objetivo',
      'Objetivo',
      'ID del foro',
      'Foro',
      'Motivo',
    ],
    flagReasons: {
      spam: 'Spam',
      abusive: 'Ofensivo o irrespetuoso',
      off_topic: 'Fuera de tema',
      private_information: 'Información privada',
      other: 'Otro motivo',
    },
    postRef: (p) => `n.º ${p.seq} en «${p.threadTitle}»${p.authorName ? `, de ${p.authorName}` : ''}`,
    flagRef: (reason, post) => `«${reason}» sobre el mensaje ${post}`,
    reasonFlagged: (reason) => `Ocultado tras una denuncia: ${reason}`,
  },
  ar: {
    columns: [
      'الوقت (UTC)',
      'معرّف المشرف',
      'المشرف',
      'الإجراء',
      'نوع الهدف',
      'معرّف الهدف',
      'الهدف',
      'معرّف المنتدى',
      'المنتدى',
      'السبب',
    ],
    flagReasons: {
      spam: 'رسائل مزعجة',
      abusive: 'مسيئة أو غير محترمة',
      off_topic: 'خارج الموضوع',
      private_information: 'معلومات خاصة',
      other: 'سبب آخر',
    },
    postRef: (p) => `رقم ${p.seq} في «${p.threadTitle}»${p.authorName ? ` بقلم ${p.authorName}` : ''}`,
    flagRef: (reason, post) => `«${reason}» على المشاركة ${post}`,
    reasonFlagged: (reason) => `أُخفيت بعد بلاغ: ${reason}`,
  },
};
