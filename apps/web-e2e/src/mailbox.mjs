// @ts-check
/**
 * Reads the mail the app captured (outside production without SMTP_URL, every mail is a row of
 * `mail_messages`), as a person would read their inbox: the newest mail to an address, and the link of
 * its button. Through the development Outbox's API (`GET /api/dev/outbox`) when the server has one;
 * otherwise straight from the database named by E2E_DATABASE_URL (run.mjs sets it for the embedded
 * PostgreSQL it starts).
 */
import assert from 'node:assert/strict';
import { baseUrl, eventually } from './support.mjs';

/**
 * @typedef {object} CapturedMail
 * @property {string} category
 * @property {string} subject
 * @property {string} text
 */

/** @param {string} to @returns {Promise<CapturedMail[] | null>} null: this server has no Outbox API */
async function fromOutbox(to) {
  const list = await fetch(`${baseUrl()}/api/dev/outbox?to=${encodeURIComponent(to)}`);
  if (list.status === 404) return null;
  assert.equal(list.status, 200, `GET /api/dev/outbox answered ${list.status}`);
  const { items } = /** @type {{ items: { id: string }[] }} */ (await list.json());
  const mails = [];
  for (const item of items) {
    const detail = await fetch(`${baseUrl()}/api/dev/outbox/${item.id}`);
    assert.equal(detail.status, 200);
    mails.push(/** @type {CapturedMail} */ (await detail.json()));
  }
  return mails;
}

/** @param {string} to @returns {Promise<CapturedMail[]>} */
async function fromDatabase(to) {
  const url = process.env['E2E_DATABASE_URL'];
  if (!url) {
    throw new Error('This server has no Outbox API and E2E_DATABASE_URL is not set: cannot read its mail.');
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT category, subject, text FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC, id DESC`,
      [to.toLowerCase()],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * The newest mail of `category` to `to` (waiting for it to arrive), with the path and query of its link.
 * @param {string} to
 * @param {string} category e.g. `account.verify_email`
 * @returns {Promise<{ mail: CapturedMail, link: string | null }>}
 */
export async function newestMail(to, category) {
  return eventually(
    async () => {
      const mails = (await fromOutbox(to)) ?? (await fromDatabase(to));
      const mail = mails.find((m) => m.category === category);
      assert.ok(mail, `a ${category} mail to ${to} (found: ${mails.map((m) => m.category).join(', ') || 'none'})`);
      const match = /https?:\/\/\S+/.exec(mail.text.split('\n-- \n')[0] ?? '');
      const link = match ? `${new URL(match[0]).pathname}${new URL(match[0]).search}` : null;
      return { mail, link };
    },
    { timeout: 15_000, interval: 250 },
  );
}
