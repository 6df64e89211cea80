import type { MailLanguage } from './mail';

/** The mails about the account itself; each is sent even to an address marked as bouncing only when noted. */
export type AccountMailKind =
  'verify_email' | 'address_in_use' | 'reset_password' | 'password_changed' | 'confirm_new_email' | 'email_changed';

/** What the texts are filled with; dates arrive formatted in the recipient's language and time zone. */
export interface AccountMailParams {
  name: string;
  /** When the link stops working. */
  expiresAt?: string;
  /** When the change happened. */
  at?: string;
  newEmail?: string;
  oldEmail?: string;
}

/** One account mail in one language; the API renders it with the mail frame (HTML and text). */
export interface AccountMailText {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** The button's label, for mails that carry a link. */
  action?: string;
  details?: [string, string][];
  /** Why the recipient got this mail. */
  footer: string;
}

export type AccountMailTexts = { readonly [K in AccountMailKind]: (p: AccountMailParams) => AccountMailText };

const en: AccountMailTexts = {
  verify_email: (p) => ({
    subject: 'Confirm your email address for Twinning',
    heading: `Welcome, ${p.name}`,
    paragraphs: [
      'Confirm this address to finish creating your Twinning account. The link signs you in.',
      'Until then you can read public pages, but you cannot post, join a city or register for visits and workshops.',
    ],
    action: 'Confirm my address',
    details: [['Link valid until', p.expiresAt ?? '']],
    footer:
      'You received this mail because someone registered a Twinning account with this address. If it was not you, ignore it: the account stays unconfirmed.',
  }),
  address_in_use: (p) => ({
    subject: 'Someone tried to use your address on Twinning',
    heading: `Hello ${p.name}`,
    paragraphs: [
      'Someone just tried to register a new Twinning account with this email address. Your address already has an account, so nothing was created.',
      'If it was you, sign in instead. If you forgot your password, you can choose a new one.',
    ],
    action: 'Choose a new password',
    footer:
      'You received this mail because your Twinning account uses this address. If it was not you, you can ignore it: your account did not change.',
  }),
  reset_password: (p) => ({
    subject: 'Reset your Twinning password',
    heading: `Hello ${p.name}`,
    paragraphs: [
      'Someone asked to reset the password of your Twinning account. Follow the link to choose a new one; it works once.',
      'Choosing a new password signs out every session of your account.',
    ],
    action: 'Choose a new password',
    details: [['Link valid until', p.expiresAt ?? '']],
    footer:
      'You received this mail because a password reset was requested for this address. If it was not you, ignore it: your password stays the same.',
  }),
  password_changed: (p) => ({
    subject: 'Your Twinning password was changed',
    heading: `Hello ${p.name}`,
    paragraphs: [
      'The password of your Twinning account was just changed, and your other sessions were signed out.',
      'If you did not do this, choose a new password at once and tell a platform administrator.',
    ],
    action: 'Choose a new password',
    details: [['Changed', p.at ?? '']],
    footer:
      'You received this mail because your Twinning account uses this address. We always tell you when the password changes.',
  }),
  confirm_new_email: (p) => ({
    subject: 'Confirm your new email address for Twinning',
    heading: `Hello ${p.name}`,
    paragraphs: [
      `You asked to use ${p.newEmail ?? 'this address'} for your Twinning account. Confirm it with the link; until then your account keeps its current address.`,
    ],
    action: 'Confirm my new address',
    details: [['Link valid until', p.expiresAt ?? '']],
    footer:
      'You received this mail because someone asked to move a Twinning account to this address. If it was not you, ignore it: nothing changes.',
  }),
  email_changed: (p) => ({
    subject: 'Your Twinning email address was changed',
    heading: `Hello ${p.name}`,
    paragraphs: [
      `The email address of your Twinning account was changed from ${p.oldEmail ?? ''} to ${p.newEmail ?? ''}. Mail about your account now goes to the new address.`,
      'If you did not do this, tell a platform administrator at once.',
    ],
    details: [['Changed', p.at ?? '']],
    footer: 'You received this mail because this was the address of your Twinning account until now.',
  }),
};

const fr: AccountMailTexts = {
  verify_email: (p) => ({
    subject: 'Confirmez votre adresse e-mail pour Twinning',
    heading: `Bienvenue, ${p.name}`,
    paragraphs: [
      'Confirmez cette adresse pour terminer la création de votre compte Twinning. Le lien vous connecte.',
      'D’ici là, vous pouvez lire les pages publiques, mais pas publier, rejoindre une ville ni vous inscrire aux visites et ateliers.',
    ],
    action: 'Confirmer mon adresse',
    details: [['Lien valable jusqu’au', p.expiresAt ?? '']],
    footer:
      'Vous recevez ce message parce que quelqu’un a créé un compte Twinning avec cette adresse. Si ce n’était pas vous, ignorez-le : le compte reste non confirmé.',
  }),
  address_in_use: (p) => ({
    subject: 'Quelqu’un a essayé d’utiliser votre adresse sur Twinning',
    heading: `Bonjour ${p.name}`,
    paragraphs: [
      'Quelqu’un vient d’essayer de créer un compte Twinning avec cette adresse e-mail. Votre adresse a déjà un compte : rien n’a été créé.',
      'Si c’était vous, connectez-vous plutôt. Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau.',
    ],
    action: 'Choisir un nouveau mot de passe',
    footer:
      'Vous recevez ce message parce que votre compte Twinning utilise cette adresse. Si ce n’était pas vous, ignorez-le : votre compte n’a pas changé.',
  }),
  reset_password: (p) => ({
    subject: 'Réinitialisez votre mot de passe Twinning',
    heading: `Bonjour ${p.name}`,
    paragraphs: [
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Twinning. Suivez le lien pour en choisir un nouveau ; il ne fonctionne qu’une fois.',
      'Choisir un nouveau mot de passe déconnecte toutes les sessions de votre compte.',
    ],
    action: 'Choisir un nouveau mot de passe',
    details: [['Lien valable jusqu’au', p.expiresAt ?? '']],
    footer:
      'Vous recevez ce message parce qu’une réinitialisation du mot de passe a été demandée pour cette adresse. Si ce n’était pas vous, ignorez-le : votre mot de passe reste le même.',
  }),
  password_changed: (p) => ({
    subject: 'Votre mot de passe Twinning a été modifié',
    heading: `Bonjour ${p.name}`,
    paragraphs: [
      'Le mot de passe de votre compte Twinning vient d’être modifié, et vos autres sessions ont été déconnectées.',
      'Si ce n’était pas vous, choisissez tout de suite un nouveau mot de passe et prévenez un administrateur de la plateforme.',
    ],
    action: 'Choisir un nouveau mot de passe',
    details: [['Modifié le', p.at ?? '']],
    footer:
      'Vous recevez ce message parce que votre compte Twinning utilise cette adresse. Nous vous prévenons toujours quand le mot de passe change.',
  }),
  confirm_new_email: (p) => ({
    subject: 'Confirmez votre nouvelle adresse e-mail pour Twinning',
    heading: `Bonjour ${p.name}`,
    paragraphs: [
      `Vous avez demandé à utiliser ${p.newEmail ?? 'cette adresse'} pour votre compte Twinning. Confirmez-la avec le lien ; d’ici là, votre compte garde son adresse actuelle.`,
    ],
    action: 'Confirmer ma nouvelle adresse',
    details: [['Lien valable jusqu’au', p.expiresAt ?? '']],
    footer:
      'Vous recevez ce message parce que quelqu’un a demandé à déplacer un compte Twinning vers cette adresse. Si ce n’était pas vous, ignorez-le : rien ne change.',
  }),
  email_changed: (p) => ({
    subject: 'Votre adresse e-mail Twinning a été modifiée',
    heading: `Bonjour ${p.name}`,
    paragraphs: [
      `L’adresse e-mail de votre compte Twinning est passée de ${p.oldEmail ?? ''} à ${p.newEmail ?? ''}. Les messages concernant votre compte vont désormais à la nouvelle adresse.`,
      'Si ce n’était pas vous, prévenez immédiatement un administrateur de la plateforme.',
    ],
    details: [['Modifiée le', p.at ?? '']],
    footer: 'Vous recevez ce message parce que c’était jusqu’ici l’adresse de votre compte Twinning.',
  }),
};

const es: AccountMailTexts = {
  verify_email: (p) => ({
    subject: 'Confirme su dirección de correo para Twinning',
    heading: `Le damos la bienvenida, ${p.name}`,
    paragraphs: [
      'Confirme esta dirección para terminar de crear su cuenta de Twinning. El enlace inicia su sesión.',
      'Hasta entonces puede leer las páginas públicas, pero no publicar, unirse a una ciudad ni inscribirse en visitas y talleres.',
    ],
    action: 'Confirmar mi dirección',
    details: [['Enlace válido hasta', p.expiresAt ?? '']],
    footer:
      'Recibe este correo porque alguien registró una cuenta de Twinning con esta dirección. Si no fue usted, ignórelo: la cuenta queda sin confirmar.',
  }),
  address_in_use: (p) => ({
    subject: 'Alguien intentó usar su dirección en Twinning',
    heading: `Hola, ${p.name}`,
    paragraphs: [
      'Alguien acaba de intentar registrar una cuenta de Twinning con esta dirección de correo. Su dirección ya tiene una cuenta, así que no se creó nada.',
      'Si fue usted, inicie sesión. Si olvidó su contraseña, puede elegir una nueva.',
    ],
    action: 'Elegir una nueva contraseña',
    footer:
      'Recibe este correo porque su cuenta de Twinning usa esta dirección. Si no fue usted, puede ignorarlo: su cuenta no cambió.',
  }),
  reset_password: (p) => ({
    subject: 'Restablezca su contraseña de Twinning',
    heading: `Hola, ${p.name}`,
    paragraphs: [
      'Alguien pidió restablecer la contraseña de su cuenta de Twinning. Siga el enlace para elegir una nueva; funciona una sola vez.',
      'Elegir una nueva contraseña cierra todas las sesiones de su cuenta.',
    ],
    action: 'Elegir una nueva contraseña',
    details: [['Enlace válido hasta', p.expiresAt ?? '']],
    footer:
      'Recibe este correo porque se pidió restablecer la contraseña de esta dirección. Si no fue usted, ignórelo: su contraseña sigue igual.',
  }),
  password_changed: (p) => ({
    subject: 'Se cambió su contraseña de Twinning',
    heading: `Hola, ${p.name}`,
    paragraphs: [
      'La contraseña de su cuenta de Twinning acaba de cambiar y sus otras sesiones se cerraron.',
      'Si no fue usted, elija una nueva contraseña enseguida y avise a un administrador de la plataforma.',
    ],
    action: 'Elegir una nueva contraseña',
    details: [['Cambiada', p.at ?? '']],
    footer:
      'Recibe este correo porque su cuenta de Twinning usa esta dirección. Siempre le avisamos cuando cambia la contraseña.',
  }),
  confirm_new_email: (p) => ({
    subject: 'Confirme su nueva dirección de correo para Twinning',
    heading: `Hola, ${p.name}`,
    paragraphs: [
      `Pidió usar ${p.newEmail ?? 'esta dirección'} para su cuenta de Twinning. Confírmela con el enlace; hasta entonces su cuenta conserva su dirección actual.`,
    ],
    action: 'Confirmar mi nueva dirección',
    details: [['Enlace válido hasta', p.expiresAt ?? '']],
    footer:
      'Recibe este correo porque alguien pidió mover una cuenta de Twinning a esta dirección. Si no fue usted, ignórelo: nada cambia.',
  }),
  email_changed: (p) => ({
    subject: 'Se cambió su dirección de correo de Twinning',
    heading: `Hola, ${p.name}`,
    paragraphs: [
      `La dirección de correo de su cuenta de Twinning cambió de ${p.oldEmail ?? ''} a ${p.newEmail ?? ''}. Los correos sobre su cuenta van ahora a la nueva dirección.`,
      'Si no fue usted, avise de inmediato a un administrador de la plataforma.',
    ],
    details: [['Cambiada', p.at ?? '']],
    footer: 'Recibe este correo porque esta era hasta ahora la dirección de su cuenta de Twinning.',
  }),
};

const ar: AccountMailTexts = {
  verify_email: (p) => ({
    subject: 'أكّد عنوان بريدك الإلكتروني في Twinning',
    heading: `أهلًا بك، ${p.name}`,
    paragraphs: [
      'أكّد هذا العنوان لإكمال إنشاء حسابك في Twinning. الرابط يسجّل دخولك أيضًا.',
      'حتى ذلك الحين يمكنك قراءة الصفحات العامة، لكن لا يمكنك النشر أو الانضمام إلى مدينة أو التسجيل في الزيارات وورش العمل.',
    ],
    action: 'تأكيد عنواني',
    details: [['الرابط صالح حتى', p.expiresAt ?? '']],
    footer:
      'وصلتك هذه الرسالة لأن شخصًا ما أنشأ حسابًا في Twinning بهذا العنوان. إن لم تكن أنت، فتجاهلها: يبقى الحساب غير مؤكَّد.',
  }),
  address_in_use: (p) => ({
    subject: 'حاول شخص ما استخدام عنوانك في Twinning',
    heading: `مرحبًا ${p.name}`,
    paragraphs: [
      'حاول شخص ما للتو إنشاء حساب جديد في Twinning بعنوان البريد هذا. لعنوانك حساب بالفعل، لذلك لم يُنشأ أي شيء.',
      'إن كنت أنت، فسجّل الدخول بدلًا من ذلك. وإن نسيت كلمة المرور، يمكنك اختيار كلمة جديدة.',
    ],
    action: 'اختيار كلمة مرور جديدة',
    footer:
      'وصلتك هذه الرسالة لأن حسابك في Twinning يستخدم هذا العنوان. إن لم تكن أنت، فيمكنك تجاهلها: لم يتغيّر حسابك.',
  }),
  reset_password: (p) => ({
    subject: 'أعد تعيين كلمة مرورك في Twinning',
    heading: `مرحبًا ${p.name}`,
    paragraphs: [
      'طلب شخص ما إعادة تعيين كلمة مرور حسابك في Twinning. اتبع الرابط لاختيار كلمة جديدة؛ يعمل مرة واحدة فقط.',
      'اختيار كلمة مرور جديدة يُنهي كل جلسات حسابك.',
    ],
    action: 'اختيار كلمة مرور جديدة',
    details: [['الرابط صالح حتى', p.expiresAt ?? '']],
    footer:
      'وصلتك هذه الرسالة لأن إعادة تعيين كلمة المرور طُلبت لهذا العنوان. إن لم تكن أنت، فتجاهلها: تبقى كلمة مرورك كما هي.',
  }),
  password_changed: (p) => ({
    subject: 'تم تغيير كلمة مرورك في Twinning',
    heading: `مرحبًا ${p.name}`,
    paragraphs: [
      'تم للتو تغيير كلمة مرور حسابك في Twinning، وأُنهيت جلساتك الأخرى.',
      'إن لم تفعل ذلك، فاختر كلمة مرور جديدة فورًا وأبلغ أحد مسؤولي المنصة.',
    ],
    action: 'اختيار كلمة مرور جديدة',
    details: [['وقت التغيير', p.at ?? '']],
    footer: 'وصلتك هذه الرسالة لأن حسابك في Twinning يستخدم هذا العنوان. نُعلمك دائمًا عندما تتغيّر كلمة المرور.',
  }),
  confirm_new_email: (p) => ({
    subject: 'أكّد عنوان بريدك الجديد في Twinning',
    heading: `مرحبًا ${p.name}`,
    paragraphs: [
      `طلبت استخدام ${p.newEmail ?? 'هذا العنوان'} لحسابك في Twinning. أكّده عبر الرابط؛ وحتى ذلك الحين يحتفظ حسابك بعنوانه الحالي.`,
    ],
    action: 'تأكيد عنواني الجديد',
    details: [['الرابط صالح حتى', p.expiresAt ?? '']],
    footer:
      'وصلتك هذه الرسالة لأن شخصًا ما طلب نقل حساب في Twinning إلى هذا العنوان. إن لم تكن أنت، فتجاهلها: لن يتغيّر شيء.',
  }),
  email_changed: (p) => ({
    subject: 'تم تغيير عنوان بريدك في Twinning',
    heading: `مرحبًا ${p.name}`,
    paragraphs: [
      `تم تغيير عنوان البريد لحسابك في Twinning من ${p.oldEmail ?? ''} إلى ${p.newEmail ?? ''}. الرسائل المتعلقة بحسابك تذهب الآن إلى العنوان الجديد.`,
      'إن لم تفعل ذلك، فأبلغ أحد مسؤولي المنصة فورًا.',
    ],
    details: [['وقت التغيير', p.at ?? '']],
    footer: 'وصلتك هذه الرسالة لأن هذا كان عنوان حسابك في Twinning حتى الآن.',
  }),
};

/** Account mail in every interface language: a language or a kind missing here fails typecheck. */
export const ACCOUNT_MAIL_TEXT: Readonly<Record<MailLanguage, AccountMailTexts>> = { en, fr, es, ar };
