export { MailModule } from './mail.module';
export { MailService } from './mail.service';
export { renderMail, type MailContent } from './mail-layout';
export type { EnqueuedMail, OutgoingMail } from './mail.types';
export { unsubscribeLinks } from './unsubscribe-headers';
