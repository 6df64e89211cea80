import type { UiLanguage } from './domain';

/** The interface languages mail is written in; Arabic mail is right to left. */
export type MailLanguage = UiLanguage;

export const mailDirection = (lang: MailLanguage): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');

/** Where a mail stands: captured for the Outbox (no SMTP), queued, sent (accepted), failed, suppressed. */
export type MailStatus = 'captured' | 'queued' | 'sent' | 'failed' | 'suppressed';

/** One mail as the development Outbox shows it. */
export interface OutboxMailDto {
  id: string;
  messageId: string;
  to: string;
  category: string;
  subject: string;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMailDetailDto extends OutboxMailDto {
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The iCalendar part of an invitation, with its METHOD. */
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/** `GET /api/health`: liveness, and whether this server offers the development Outbox (never in production). */
export interface HealthDto {
  status: 'ok';
  devOutbox: boolean;
}

/** The words every mail's frame shares, in each language. */
export const MAIL_FRAME_TEXT: Record<MailLanguage, { product: string; tagline: string; openLink: string }> = {
  en: { product: 'Twinning', tagline: 'City partnerships on migration', openLink: 'Open Twinning' },
  fr: { product: 'Twinning', tagline: 'Partenariats entre villes sur les migrations', openLink: 'Ouvrir Twinning' },
  es: { product: 'Twinning', tagline: 'Alianzas entre ciudades sobre migración', openLink: 'Abrir Twinning' },
  ar: { product: 'Twinning', tagline: 'شراكات بين المدن في مجال الهجرة', openLink: 'افتح Twinning' },
};
