import type { MailLanguage } from './mail';

/**
 * Why a reply by email posted nothing. The token's owner gets one mail saying so (at most one per
 * reply address and hour); automatic mail and unknown addresses get no answer at all.
 */
export const REPLY_REFUSAL_REASONS = [
  'sender_mismatch',
  'no_access',
  'read_only',
  'locked',
  'silenced',
  'empty',
  'too_long',
  'rate_limited',
  'not_verified',
] as const;
export type ReplyRefusalReason = (typeof REPLY_REFUSAL_REASONS)[number];

export interface ReplyRefusalText {
  subject: string;
  /** The subject when the mail may name the discussion (the owner can still open it): `{thread}`. */
  threadSubject: string;
  heading: string;
  /** Why, one paragraph per reason. */
  reasons: Record<ReplyRefusalReason, string>;
  /** Label of the thread's title in the details table. */
  threadLabel: string;
  /** The link to the thread, when the owner can still open it. */
  openThread: string;
  footer: string;
}

/** "Your reply was not posted", in each interface language. */
export const REPLY_REFUSAL_TEXT: Record<MailLanguage, ReplyRefusalText> = {
  en: {
    subject: 'Your reply by email was not posted',
    threadSubject: 'Your reply to “{thread}” was not posted',
    heading: 'Your reply was not posted',
    reasons: {
      sender_mismatch:
        'A message reached your personal reply address from an address that is not the one on your Twinning account. To keep anyone else from posting in your name, it was not posted. If you sent it, reply from the address on your account, or post on the website.',
      no_access: 'You can no longer open this discussion, so your reply was not posted.',
      read_only: 'You can read this forum but not write in it, so your reply was not posted.',
      locked: 'This discussion is locked: only moderators can reply, so your reply was not posted.',
      silenced: 'A moderator has silenced you in this forum for now, so your reply was not posted.',
      empty:
        'Once the quoted message and signature were removed, your reply was empty. Write your answer above the quoted text.',
      too_long: 'Your reply is longer than a post may be. Shorten it, or post it on the website in several parts.',
      rate_limited: 'You posted many replies in a short time. Wait a minute and send your reply again.',
      not_verified:
        'Your email address is not verified yet. Open the verification link we sent you, then send your reply again.',
    },
    threadLabel: 'Discussion',
    openThread: 'Open the discussion',
    footer: 'You received this because a reply was sent to your personal reply address on Twinning.',
  },
  fr: {
    subject: 'Votre réponse par e-mail n’a pas été publiée',
    threadSubject: 'Votre réponse à « {thread} » n’a pas été publiée',
    heading: 'Votre réponse n’a pas été publiée',
    reasons: {
      sender_mismatch:
        'Un message est arrivé à votre adresse de réponse personnelle depuis une adresse qui n’est pas celle de votre compte Twinning. Pour que personne ne publie en votre nom, il n’a pas été publié. Si vous l’avez envoyé, répondez depuis l’adresse de votre compte, ou publiez sur le site.',
      no_access: 'Vous n’avez plus accès à cette discussion ; votre réponse n’a donc pas été publiée.',
      read_only: 'Vous pouvez lire ce forum mais pas y écrire ; votre réponse n’a donc pas été publiée.',
      locked:
        'Cette discussion est verrouillée : seuls les modérateurs peuvent y répondre. Votre réponse n’a pas été publiée.',
      silenced:
        'Un modérateur vous a réduit au silence dans ce forum pour le moment ; votre réponse n’a pas été publiée.',
      empty:
        'Une fois le message cité et la signature retirés, votre réponse était vide. Écrivez votre réponse au-dessus du texte cité.',
      too_long:
        'Votre réponse dépasse la longueur permise pour un message. Raccourcissez-la ou publiez-la sur le site en plusieurs parties.',
      rate_limited:
        'Vous avez publié beaucoup de réponses en peu de temps. Attendez une minute et renvoyez votre réponse.',
      not_verified:
        'Votre adresse e-mail n’est pas encore vérifiée. Ouvrez le lien de vérification que nous vous avons envoyé, puis renvoyez votre réponse.',
    },
    threadLabel: 'Discussion',
    openThread: 'Ouvrir la discussion',
    footer:
      'Vous recevez ce message parce qu’une réponse a été envoyée à votre adresse de réponse personnelle sur Twinning.',
  },
  es: {
    subject: 'Su respuesta por correo no se publicó',
    threadSubject: 'Su respuesta a «{thread}» no se publicó',
    heading: 'Su respuesta no se publicó',
    reasons: {
      sender_mismatch:
        'Llegó un mensaje a su dirección personal de respuesta desde una dirección que no es la de su cuenta de Twinning. Para que nadie publique en su nombre, no se publicó. Si usted lo envió, responda desde la dirección de su cuenta o publique en el sitio web.',
      no_access: 'Ya no tiene acceso a esta conversación, así que su respuesta no se publicó.',
      read_only: 'Puede leer este foro pero no escribir en él, así que su respuesta no se publicó.',
      locked: 'Esta conversación está bloqueada: solo los moderadores pueden responder. Su respuesta no se publicó.',
      silenced: 'Un moderador le ha silenciado en este foro por ahora, así que su respuesta no se publicó.',
      empty:
        'Después de quitar el mensaje citado y la firma, su respuesta quedó vacía. Escriba su respuesta encima del texto citado.',
      too_long:
        'Su respuesta supera la longitud permitida para un mensaje. Acórtela o publíquela en el sitio web en varias partes.',
      rate_limited: 'Ha publicado muchas respuestas en poco tiempo. Espere un minuto y vuelva a enviar su respuesta.',
      not_verified:
        'Su dirección de correo aún no está verificada. Abra el enlace de verificación que le enviamos y vuelva a enviar su respuesta.',
    },
    threadLabel: 'Conversación',
    openThread: 'Abrir la conversación',
    footer: 'Recibe este mensaje porque se envió una respuesta a su dirección personal de respuesta en Twinning.',
  },
  ar: {
    subject: 'لم يُنشر ردّك عبر البريد الإلكتروني',
    threadSubject: 'لم يُنشر ردّك على «{thread}»',
    heading: 'لم يُنشر ردّك',
    reasons: {
      sender_mismatch:
        'وصلت رسالة إلى عنوان الرد الخاص بك من عنوان ليس عنوان حسابك في Twinning. حتى لا ينشر أحد باسمك، لم تُنشر. إذا كنت أنت من أرسلها، فأرسل ردّك من عنوان حسابك أو انشره على الموقع.',
      no_access: 'لم يعد بإمكانك فتح هذا النقاش، لذلك لم يُنشر ردّك.',
      read_only: 'يمكنك قراءة هذا المنتدى لكن لا يمكنك الكتابة فيه، لذلك لم يُنشر ردّك.',
      locked: 'هذا النقاش مقفل: لا يرد فيه إلا المشرفون، لذلك لم يُنشر ردّك.',
      silenced: 'أوقفك أحد المشرفين عن الكتابة في هذا المنتدى مؤقتًا، لذلك لم يُنشر ردّك.',
      empty: 'بعد حذف الرسالة المقتبسة والتوقيع أصبح ردّك فارغًا. اكتب ردّك فوق النص المقتبس.',
      too_long: 'ردّك أطول مما تسمح به المشاركة الواحدة. اختصره أو انشره على الموقع على عدة أجزاء.',
      rate_limited: 'نشرت ردودًا كثيرة في وقت قصير. انتظر دقيقة ثم أرسل ردّك مرة أخرى.',
      not_verified:
        'لم يتم التحقق من عنوان بريدك الإلكتروني بعد. افتح رابط التحقق الذي أرسلناه إليك، ثم أرسل ردّك مرة أخرى.',
    },
    threadLabel: 'النقاش',
    openThread: 'افتح النقاش',
    footer: 'تلقيت هذه الرسالة لأن ردًّا أُرسل إلى عنوان الرد الخاص بك في Twinning.',
  },
};
