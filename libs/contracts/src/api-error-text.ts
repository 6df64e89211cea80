import { UI_LANGUAGES, type UiLanguage } from './domain';
import type { ErrorCode } from './errors';

/**
 * The words of the API's error bodies in every interface language: one sentence per error code, and one per
 * field rule (the class-validator constraint names, plus a few named checks). The API picks the language from
 * `Accept-Language`; the web can reuse the same texts. A language or a rule missing here fails typecheck.
 */

/** A field rule: a class-validator constraint name, or a named check a DTO selects with `context.text`. */
export const FIELD_RULES = [
  'isString',
  'isEmail',
  'isLength',
  'minLength',
  'maxLength',
  'isIn',
  'isUuid',
  'isInt',
  'isNumber',
  'min',
  'max',
  'isUrl',
  'isTimeZone',
  'isBoolean',
  'isObject',
  'isArray',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'isDefined',
  'isNotEmpty',
  'isIso8601',
  'isISO31661Alpha2',
  'matches',
  'nestedValidation',
  'whitelistValidation',
  'partnershipIdForScope',
  // Named checks (a `matches` or other rule whose meaning the DTO states with `context: { text }`).
  'notBlank',
  'languageTag',
  'dateTimeWithOffset',
  'localDateTime',
  'yearMonth',
  // Anything else: the field was refused.
  'invalid',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export function isFieldRule(value: unknown): value is FieldRule {
  return typeof value === 'string' && (FIELD_RULES as readonly string[]).includes(value);
}

/** What a field message is filled with. `each`: the rule applies to every item of a list. */
export interface FieldRuleParams {
  field: string;
  each?: boolean;
  min?: number;
  max?: number;
  /** The accepted values of `isIn`. */
  values?: readonly string[];
}

export type FieldErrorTexts = { readonly [K in FieldRule]: (p: FieldRuleParams) => string };

export interface ApiErrorTexts {
  readonly codes: { readonly [K in ErrorCode]: string };
  /** The summary of a refused request body: names the refused fields. */
  readonly invalidFields: (fields: readonly string[]) => string;
  readonly fields: FieldErrorTexts;
}

const list = (values: readonly string[] | undefined) => (values ?? []).join(', ');

const en: ApiErrorTexts = {
  codes: {
    VALIDATION_FAILED: 'Some fields are invalid.',
    UNAUTHENTICATED: 'Sign in to continue.',
    TOKEN_EXPIRED: 'Your session has ended. Sign in again.',
    INVALID_CREDENTIALS: 'The email address or password is incorrect.',
    REFRESH_TOKEN_INVALID: 'Your session has ended. Sign in again.',
    REFRESH_TOKEN_REUSED: 'For your security, your session was ended. Sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This conflicts with a recent change.',
    EMAIL_NOT_VERIFIED: 'Confirm your email address first: follow the link we mailed you, or ask for a new one.',
    LINK_INVALID: 'This link is invalid, has expired or was already used.',
    ALREADY_MEMBER: 'You are already an official of this city.',
    REQUEST_PENDING: 'You already have a pending request for this city.',
    INVALID_STATE: 'This can no longer be done; it may already have been handled.',
    THREAD_LOCKED: 'This thread is locked: no new replies.',
    SILENCED: 'A moderator has silenced you in this forum for now.',
    MUTED: 'A facilitator has muted you in this workshop for now.',
    ROOM_LOCKED: 'A facilitator has locked the room: only facilitators can write for now.',
    SLOW_MODE: 'Slow mode is on: wait a moment before your next message.',
    WORKSHOP_FULL: 'This workshop is full: every place is taken.',
    REMOVED: 'A facilitator removed you from this workshop; you cannot rejoin it.',
    RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This type of content is not supported.',
    ORIGIN_NOT_ALLOWED: 'This request was refused because it did not come from Twinning.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable; try again shortly.',
    INTERNAL: 'Something went wrong on our side.',
  },
  invalidFields: (f) => (f.length === 1 ? `Invalid field: ${f[0]}.` : `Invalid fields: ${f.join(', ')}.`),
  fields: {
    isString: (p) => (p.each ? `${p.field} must each be text` : `${p.field} must be text`),
    isEmail: (p) => `${p.field} must be a valid email address`,
    isLength: (p) =>
      p.max === undefined
        ? `${p.field} must be at least ${p.min} characters long`
        : `${p.field} must be ${p.min} to ${p.max} characters`,
    minLength: (p) => (p.min === 1 ? `${p.field} is required` : `${p.field} must be at least ${p.min} characters long`),
    maxLength: (p) => `${p.field} must be at most ${p.max} characters`,
    isIn: (p) =>
      p.each ? `${p.field} must each be one of ${list(p.values)}` : `${p.field} must be one of ${list(p.values)}`,
    isUuid: (p) => (p.each ? `${p.field} must each be an id (UUID)` : `${p.field} must be an id (UUID)`),
    isInt: (p) => `${p.field} must be a whole number`,
    isNumber: (p) => `${p.field} must be a number`,
    min: (p) => `${p.field} must be at least ${p.min}`,
    max: (p) => `${p.field} must be at most ${p.max}`,
    isUrl: (p) => `${p.field} must be a web address starting with https://`,
    isTimeZone: (p) => `${p.field} must be an IANA time zone such as Europe/Amsterdam`,
    isBoolean: (p) => `${p.field} must be true or false`,
    isObject: (p) => `${p.field} must be an object`,
    isArray: (p) => `${p.field} must be a list`,
    arrayMinSize: (p) => `${p.field} must hold at least ${p.min} item${p.min === 1 ? '' : 's'}`,
    arrayMaxSize: (p) => `${p.field} may hold at most ${p.max} items`,
    arrayUnique: (p) => `${p.field} must not repeat a value`,
    isDefined: (p) => `${p.field} is required`,
    isNotEmpty: (p) => `${p.field} must not be empty`,
    isIso8601: (p) => `${p.field} must be an ISO 8601 date or date and time, such as 2027-03-01`,
    isISO31661Alpha2: (p) => `${p.field} must be an ISO 3166-1 alpha-2 country code such as CA or VN`,
    matches: (p) => `${p.field} is not in the expected format`,
    nestedValidation: (p) => `${p.field} must be an object or a list of objects`,
    whitelistValidation: (p) => `${p.field} is not an accepted field`,
    partnershipIdForScope: (p) => `${p.field} must be a partnership id when scope is partnership, and absent otherwise`,
    notBlank: (p) => `${p.field} must not be blank`,
    languageTag: (p) => `${p.field} must be language tags such as en, fr or zh-Hant`,
    dateTimeWithOffset: (p) => `${p.field} must be an ISO 8601 date and time with an offset, e.g. 2027-03-01T14:00:00Z`,
    localDateTime: (p) => `${p.field} must be a local time like 2027-03-14T09:00`,
    yearMonth: (p) => `${p.field} must look like 2027-03`,
    invalid: (p) => `${p.field} was not accepted`,
  },
};

const fr: ApiErrorTexts = {
  codes: {
    VALIDATION_FAILED: 'Certains champs ne sont pas valides.',
    UNAUTHENTICATED: 'Connectez-vous pour continuer.',
    TOKEN_EXPIRED: 'Votre session a pris fin. Reconnectez-vous.',
    INVALID_CREDENTIALS: 'L’adresse e-mail ou le mot de passe est incorrect.',
    REFRESH_TOKEN_INVALID: 'Votre session a pris fin. Reconnectez-vous.',
    REFRESH_TOKEN_REUSED: 'Par mesure de sécurité, votre session a été fermée. Reconnectez-vous.',
    FORBIDDEN: 'Vous n’êtes pas autorisé·e à effectuer cette action.',
    NOT_FOUND: 'Introuvable.',
    CONFLICT: 'Cette action entre en conflit avec une modification récente.',
    EMAIL_NOT_VERIFIED:
      'Confirmez d’abord votre adresse e-mail : suivez le lien que nous vous avons envoyé, ou demandez-en un nouveau.',
    LINK_INVALID: 'Ce lien n’est pas valide, a expiré ou a déjà servi.',
    ALREADY_MEMBER: 'Vous êtes déjà responsable de cette ville.',
    REQUEST_PENDING: 'Vous avez déjà une demande en attente pour cette ville.',
    INVALID_STATE: 'Cette action n’est plus possible ; elle a peut-être déjà été traitée.',
    THREAD_LOCKED: 'Ce fil est verrouillé : plus de nouvelles réponses.',
    SILENCED: 'Un modérateur vous a réduit·e au silence dans ce forum pour le moment.',
    MUTED: 'Un animateur vous a réduit·e au silence dans cet atelier pour le moment.',
    ROOM_LOCKED: 'Un animateur a verrouillé la salle : seule l’équipe d’animation peut écrire pour le moment.',
    SLOW_MODE: 'Le mode lent est actif : attendez un instant avant votre prochain message.',
    WORKSHOP_FULL: 'Cet atelier est complet : toutes les places sont prises.',
    REMOVED: 'Un animateur vous a retiré·e de cet atelier ; vous ne pouvez pas le rejoindre à nouveau.',
    RATE_LIMITED: 'Trop de tentatives. Patientez un instant, puis réessayez.',
    PAYLOAD_TOO_LARGE: 'Ce que vous avez envoyé est trop volumineux.',
    UNSUPPORTED_MEDIA_TYPE: 'Ce type de contenu n’est pas pris en charge.',
    ORIGIN_NOT_ALLOWED: 'Cette requête a été refusée car elle ne provenait pas de Twinning.',
    SERVICE_UNAVAILABLE: 'Le service est momentanément indisponible ; réessayez dans un instant.',
    INTERNAL: 'Une erreur s’est produite de notre côté.',
  },
  invalidFields: (f) => (f.length === 1 ? `Champ non valide : ${f[0]}.` : `Champs non valides : ${f.join(', ')}.`),
  fields: {
    isString: (p) => (p.each ? `chaque valeur de ${p.field} doit être du texte` : `${p.field} doit être du texte`),
    isEmail: (p) => `${p.field} doit être une adresse e-mail valide`,
    isLength: (p) =>
      p.max === undefined
        ? `${p.field} doit compter au moins ${p.min} caractères`
        : `${p.field} doit compter de ${p.min} à ${p.max} caractères`,
    minLength: (p) =>
      p.min === 1 ? `${p.field} est obligatoire` : `${p.field} doit compter au moins ${p.min} caractères`,
    maxLength: (p) => `${p.field} doit compter au plus ${p.max} caractères`,
    isIn: (p) =>
      p.each
        ? `chaque valeur de ${p.field} doit être l’une de : ${list(p.values)}`
        : `${p.field} doit être l’une des valeurs : ${list(p.values)}`,
    isUuid: (p) =>
      p.each
        ? `chaque valeur de ${p.field} doit être un identifiant (UUID)`
        : `${p.field} doit être un identifiant (UUID)`,
    isInt: (p) => `${p.field} doit être un nombre entier`,
    isNumber: (p) => `${p.field} doit être un nombre`,
    min: (p) => `${p.field} doit être au moins ${p.min}`,
    max: (p) => `${p.field} doit être au plus ${p.max}`,
    isUrl: (p) => `${p.field} doit être une adresse web commençant par https://`,
    isTimeZone: (p) => `${p.field} doit être un fuseau horaire IANA, par exemple Europe/Paris`,
    isBoolean: (p) => `${p.field} doit valoir true ou false`,
    isObject: (p) => `${p.field} doit être un objet`,
    isArray: (p) => `${p.field} doit être une liste`,
    arrayMinSize: (p) => `${p.field} doit contenir au moins ${p.min} élément${p.min === 1 ? '' : 's'}`,
    arrayMaxSize: (p) => `${p.field} peut contenir au plus ${p.max} éléments`,
    arrayUnique: (p) => `${p.field} ne doit pas contenir deux fois la même valeur`,
    isDefined: (p) => `${p.field} est obligatoire`,
    isNotEmpty: (p) => `${p.field} ne doit pas être vide`,
    isIso8601: (p) => `${p.field} doit être une date (ou date et heure) ISO 8601, par exemple 2027-03-01`,
    isISO31661Alpha2: (p) => `${p.field} doit être un code pays ISO 3166-1 alpha-2, par exemple CA ou VN`,
    matches: (p) => `${p.field} n’a pas le format attendu`,
    nestedValidation: (p) => `${p.field} doit être un objet ou une liste d’objets`,
    whitelistValidation: (p) => `${p.field} n’est pas un champ accepté`,
    partnershipIdForScope: (p) =>
      `${p.field} doit être l’identifiant d’un partenariat quand scope vaut partnership, et absent sinon`,
    notBlank: (p) => `${p.field} ne doit pas être vide`,
    languageTag: (p) => `${p.field} doit contenir des codes de langue comme en, fr ou zh-Hant`,
    dateTimeWithOffset: (p) =>
      `${p.field} doit être une date et une heure ISO 8601 avec un décalage, par exemple 2027-03-01T14:00:00Z`,
    localDateTime: (p) => `${p.field} doit être une heure locale comme 2027-03-14T09:00`,
    yearMonth: (p) => `${p.field} doit avoir la forme 2027-03`,
    invalid: (p) => `${p.field} n’a pas été accepté`,
  },
};

const es: ApiErrorTexts = {
  codes: {
    VALIDATION_FAILED: 'Algunos campos no son válidos.',
    UNAUTHENTICATED: 'Inicie sesión para continuar.',
    TOKEN_EXPIRED: 'Su sesión ha terminado. Vuelva a iniciar sesión.',
    INVALID_CREDENTIALS: 'El correo electrónico o la contraseña no son correctos.',
    REFRESH_TOKEN_INVALID: 'Su sesión ha terminado. Vuelva a iniciar sesión.',
    REFRESH_TOKEN_REUSED: 'Por su seguridad, se ha cerrado su sesión. Vuelva a iniciar sesión.',
    FORBIDDEN: 'No tiene permiso para hacer esto.',
    NOT_FOUND: 'No encontrado.',
    CONFLICT: 'Esto entra en conflicto con un cambio reciente.',
    EMAIL_NOT_VERIFIED: 'Primero confirme su dirección de correo: siga el enlace que le enviamos o pida uno nuevo.',
    LINK_INVALID: 'Este enlace no es válido, caducó o ya se usó.',
    ALREADY_MEMBER: 'Ya es funcionario de esta ciudad.',
    REQUEST_PENDING: 'Ya tiene una solicitud pendiente para esta ciudad.',
    INVALID_STATE: 'Esto ya no se puede hacer; es posible que ya se haya tramitado.',
    THREAD_LOCKED: 'Este hilo está cerrado: no admite nuevas respuestas.',
    SILENCED: 'Un moderador le ha silenciado en este foro por ahora.',
    MUTED: 'Un facilitador le ha silenciado en este taller por ahora.',
    ROOM_LOCKED: 'Un facilitador ha bloqueado la sala: por ahora solo pueden escribir los facilitadores.',
    SLOW_MODE: 'El modo lento está activo: espere un momento antes de enviar su próximo mensaje.',
    WORKSHOP_FULL: 'Este taller está completo: todas las plazas están ocupadas.',
    REMOVED: 'Un facilitador le ha retirado de este taller; no puede volver a unirse.',
    RATE_LIMITED: 'Demasiados intentos. Espere un momento e inténtelo de nuevo.',
    PAYLOAD_TOO_LARGE: 'Lo que ha enviado es demasiado grande.',
    UNSUPPORTED_MEDIA_TYPE: 'Este tipo de contenido no es compatible.',
    ORIGIN_NOT_ALLOWED: 'Se rechazó esta solicitud porque no procedía de Twinning.',
    SERVICE_UNAVAILABLE: 'El servicio no está disponible temporalmente; inténtelo de nuevo en un momento.',
    INTERNAL: 'Algo ha fallado por nuestra parte.',
  },
  invalidFields: (f) => (f.length === 1 ? `Campo no válido: ${f[0]}.` : `Campos no válidos: ${f.join(', ')}.`),
  fields: {
    isString: (p) => (p.each ? `cada valor de ${p.field} debe ser texto` : `${p.field} debe ser texto`),
    isEmail: (p) => `${p.field} debe ser una dirección de correo válida`,
    isLength: (p) =>
      p.max === undefined
        ? `${p.field} debe tener al menos ${p.min} caracteres`
        : `${p.field} debe tener entre ${p.min} y ${p.max} caracteres`,
    minLength: (p) =>
      p.min === 1 ? `${p.field} es obligatorio` : `${p.field} debe tener al menos ${p.min} caracteres`,
    maxLength: (p) => `${p.field} debe tener como máximo ${p.max} caracteres`,
    isIn: (p) =>
      p.each
        ? `cada valor de ${p.field} debe ser uno de: ${list(p.values)}`
        : `${p.field} debe ser uno de: ${list(p.values)}`,
    isUuid: (p) =>
      p.each
        ? `cada valor de ${p.field} debe ser un identificador (UUID)`
        : `${p.field} debe ser un identificador (UUID)`,
    isInt: (p) => `${p.field} debe ser un número entero`,
    isNumber: (p) => `${p.field} debe ser un número`,
    min: (p) => `${p.field} debe ser como mínimo ${p.min}`,
    max: (p) => `${p.field} debe ser como máximo ${p.max}`,
    isUrl: (p) => `${p.field} debe ser una dirección web que empiece por https://`,
    isTimeZone: (p) => `${p.field} debe ser una zona horaria IANA, como Europe/Madrid`,
    isBoolean: (p) => `${p.field} debe ser true o false`,
    isObject: (p) => `${p.field} debe ser un objeto`,
    isArray: (p) => `${p.field} debe ser una lista`,
    arrayMinSize: (p) => `${p.field} debe contener al menos ${p.min} elemento${p.min === 1 ? '' : 's'}`,
    arrayMaxSize: (p) => `${p.field} puede contener como máximo ${p.max} elementos`,
    arrayUnique: (p) => `${p.field} no debe repetir ningún valor`,
    isDefined: (p) => `${p.field} es obligatorio`,
    isNotEmpty: (p) => `${p.field} no debe estar vacío`,
    isIso8601: (p) => `${p.field} debe ser una fecha (o fecha y hora) ISO 8601, como 2027-03-01`,
    isISO31661Alpha2: (p) => `${p.field} debe ser un código de país ISO 3166-1 alfa-2, como CA o VN`,
    matches: (p) => `${p.field} no tiene el formato esperado`,
    nestedValidation: (p) => `${p.field} debe ser un objeto o una lista de objetos`,
    whitelistValidation: (p) => `${p.field} no es un campo aceptado`,
    partnershipIdForScope: (p) =>
      `${p.field} debe ser el identificador de una asociación cuando scope es partnership, y omitirse en otro caso`,
    notBlank: (p) => `${p.field} no debe estar en blanco`,
    languageTag: (p) => `${p.field} debe contener códigos de idioma como en, fr o zh-Hant`,
    dateTimeWithOffset: (p) =>
      `${p.field} debe ser una fecha y hora ISO 8601 con desfase, por ejemplo 2027-03-01T14:00:00Z`,
    localDateTime: (p) => `${p.field} debe ser una hora local como 2027-03-14T09:00`,
    yearMonth: (p) => `${p.field} debe tener la forma 2027-03`,
    invalid: (p) => `${p.field} no fue aceptado`,
  },
};

const ar: ApiErrorTexts = {
  codes: {
    VALIDATION_FAILED: 'بعض الحقول غير صالحة.',
    UNAUTHENTICATED: 'سجّل الدخول للمتابعة.',
    TOKEN_EXPIRED: 'انتهت جلستك. سجّل الدخول مرة أخرى.',
    INVALID_CREDENTIALS: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    REFRESH_TOKEN_INVALID: 'انتهت جلستك. سجّل الدخول مرة أخرى.',
    REFRESH_TOKEN_REUSED: 'أُنهيت جلستك حفاظًا على أمانك. سجّل الدخول مرة أخرى.',
    FORBIDDEN: 'غير مسموح لك بالقيام بهذا الإجراء.',
    NOT_FOUND: 'غير موجود.',
    CONFLICT: 'يتعارض هذا الإجراء مع تغيير حديث.',
    EMAIL_NOT_VERIFIED: 'أكّد عنوان بريدك أولًا: اتبع الرابط الذي أرسلناه إليك، أو اطلب رابطًا جديدًا.',
    LINK_INVALID: 'هذا الرابط غير صالح أو انتهت صلاحيته أو استُخدم من قبل.',
    ALREADY_MEMBER: 'أنت مسؤول في هذه المدينة بالفعل.',
    REQUEST_PENDING: 'لديك طلب قيد الانتظار لهذه المدينة بالفعل.',
    INVALID_STATE: 'لم يعد هذا الإجراء ممكنًا، فربما تمّت معالجته من قبل.',
    THREAD_LOCKED: 'هذا الموضوع مقفل: لا يقبل ردودًا جديدة.',
    SILENCED: 'قام أحد المشرفين بكتمك في هذا المنتدى مؤقتًا.',
    MUTED: 'كتمك أحد الميسّرين في ورشة العمل هذه مؤقتًا.',
    ROOM_LOCKED: 'أقفل أحد الميسّرين القاعة: الميسّرون وحدهم يمكنهم الكتابة حاليًا.',
    SLOW_MODE: 'الوضع البطيء مفعّل: انتظر قليلًا قبل رسالتك التالية.',
    WORKSHOP_FULL: 'ورشة العمل هذه مكتملة: حُجزت كل المقاعد.',
    REMOVED: 'أخرجك أحد الميسّرين من ورشة العمل هذه، ولا يمكنك الانضمام إليها مجددًا.',
    RATE_LIMITED: 'محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.',
    PAYLOAD_TOO_LARGE: 'ما أرسلته كبير جدًا.',
    UNSUPPORTED_MEDIA_TYPE: 'هذا النوع من المحتوى غير مدعوم.',
    ORIGIN_NOT_ALLOWED: 'رُفض هذا الطلب لأنه لم يصدر عن Twinning.',
    SERVICE_UNAVAILABLE: 'الخدمة غير متاحة مؤقتًا؛ حاول مرة أخرى بعد قليل.',
    INTERNAL: 'حدث خطأ من جهتنا.',
  },
  invalidFields: (f) => (f.length === 1 ? `حقل غير صالح: ${f[0]}.` : `حقول غير صالحة: ${f.join('، ')}.`),
  fields: {
    isString: (p) => (p.each ? `يجب أن تكون كل قيمة في ${p.field} نصًا` : `يجب أن يكون ${p.field} نصًا`),
    isEmail: (p) => `يجب أن يكون ${p.field} عنوان بريد إلكتروني صالحًا`,
    isLength: (p) =>
      p.max === undefined
        ? `يجب ألا يقل ${p.field} عن ${p.min} حرفًا`
        : `يجب أن يكون طول ${p.field} بين ${p.min} و${p.max} حرفًا`,
    minLength: (p) => (p.min === 1 ? `الحقل ${p.field} مطلوب` : `يجب ألا يقل ${p.field} عن ${p.min} حرفًا`),
    maxLength: (p) => `يجب ألا يزيد ${p.field} على ${p.max} حرفًا`,
    isIn: (p) =>
      p.each
        ? `يجب أن تكون كل قيمة في ${p.field} إحدى القيم: ${list(p.values)}`
        : `يجب أن يكون ${p.field} إحدى القيم: ${list(p.values)}`,
    isUuid: (p) => (p.each ? `يجب أن تكون كل قيمة في ${p.field} معرّفًا (UUID)` : `يجب أن يكون ${p.field} معرّفًا (UUID)`),
    isInt: (p) => `يجب أن يكون ${p.field} عددًا صحيحًا`,
    isNumber: (p) => `يجب أن يكون ${p.field} رقمًا`,
    min: (p) => `يجب ألا يقل ${p.field} عن ${p.min}`,
    max: (p) => `يجب ألا يزيد ${p.field} على ${p.max}`,
    isUrl: (p) => `يجب أن يكون ${p.field} عنوان ويب يبدأ بـ https://`,
    isTimeZone: (p) => `يجب أن يكون ${p.field} منطقة زمنية من IANA مثل Asia/Amman`,
    isBoolean: (p) => `يجب أن تكون قيمة ${p.field} هي true أو false`,
    isObject: (p) => `يجب أن يكون ${p.field} كائنًا`,
    isArray: (p) => `يجب أن يكون ${p.field} قائمة`,
    arrayMinSize: (p) => `يجب أن يحتوي ${p.field} على ${p.min} عنصر على الأقل`,
    arrayMaxSize: (p) => `لا يجوز أن يحتوي ${p.field} على أكثر من ${p.max} عنصر`,
    arrayUnique: (p) => `يجب ألا تتكرر أي قيمة في ${p.field}`,
    isDefined: (p) => `الحقل ${p.field} مطلوب`,
    isNotEmpty: (p) => `يجب ألا يكون ${p.field} فارغًا`,
    isIso8601: (p) => `يجب أن يكون ${p.field} تاريخًا (أو تاريخًا ووقتًا) بصيغة ISO 8601 مثل 2027-03-01`,
    isISO31661Alpha2: (p) => `يجب أن يكون ${p.field} رمز بلد ISO 3166-1 alpha-2 مثل CA أو VN`,
    matches: (p) => `صيغة ${p.field} غير صحيحة`,
    nestedValidation: (p) => `يجب أن يكون ${p.field} كائنًا أو قائمة كائنات`,
    whitelistValidation: (p) => `${p.field} ليس حقلًا مقبولًا`,
    partnershipIdForScope: (p) =>
      `يجب أن يكون ${p.field} معرّف شراكة عندما تكون قيمة scope هي partnership، وأن يُحذف في غير ذلك`,
    notBlank: (p) => `يجب ألا يكون ${p.field} فارغًا`,
    languageTag: (p) => `يجب أن يحتوي ${p.field} على رموز لغات مثل en أو fr أو zh-Hant`,
    dateTimeWithOffset: (p) =>
      `يجب أن يكون ${p.field} تاريخًا ووقتًا بصيغة ISO 8601 مع فارق التوقيت، مثل 2027-03-01T14:00:00Z`,
    localDateTime: (p) => `يجب أن يكون ${p.field} وقتًا محليًا مثل 2027-03-14T09:00`,
    yearMonth: (p) => `يجب أن يكون ${p.field} بالشكل 2027-03`,
    invalid: (p) => `لم يُقبل ${p.field}`,
  },
};

/** API error texts in every interface language: a language, a code or a rule missing here fails typecheck. */
export const API_ERROR_TEXT: Readonly<Record<UiLanguage, ApiErrorTexts>> = { en, fr, es, ar };

/**
 * The interface language an `Accept-Language` header asks for: ranges sorted by their q-value (ties keep
 * their order), the first whose primary subtag is one of ours wins (`fr-CA` → fr); `*` means the default.
 * Anything else, or nothing, gives English.
 */
export function negotiateUiLanguage(header: string | readonly string[] | null | undefined): UiLanguage {
  const value = Array.isArray(header) ? header.join(',') : (header as string | null | undefined);
  if (!value) return 'en';
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (match) q = Number(match[1]);
      }
      return { tag: tag.trim().toLowerCase(), q, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return 'en';
    const primary = tag.split('-')[0];
    const found = UI_LANGUAGES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}
