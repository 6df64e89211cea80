/** A mail to write: the caller renders both parts (see `renderMail`); the mail module stores and sends it. */
export interface OutgoingMail {
  to: string;
  /** The recipient's account, when there is one (bounce handling, the Outbox, erasure). */
  userId: string | null;
  /** What the mail is, e.g. `account.verify`, `notification.forum.reply`, `digest.daily`, `calendar.visit`. */
  category: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers: List-Unsubscribe, List-Unsubscribe-Post, Auto-Submitted, References … */
  headers?: Record<string, string>;
  replyTo?: string;
  /** An iCalendar invitation or cancellation, sent as a text/calendar part with this METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /**
   * Account mail about the address itself (verification of a new address, "your address changed")
   * goes out even when the address is marked as bouncing; nothing else does.
   */
  evenIfBouncing?: boolean;
}

/** What `enqueue` did with a mail: its row and Message-ID, or why nothing was written. */
export type EnqueuedMail =
  | { id: string; messageId: string; status: 'captured' | 'queued' | 'suppressed' }
  | { id: null; messageId: null; status: 'disabled' };
