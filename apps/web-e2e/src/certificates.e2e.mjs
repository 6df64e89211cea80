// @ts-check
/**
 * Certificates in the browser. The demo facilitator issues an attendance certificate for the ended demo
 * workshop to a registered participant (over the API). A visitor, not signed in, opens its verification
 * page at 390 px in English and in Arabic (right to left, nothing overflowing sideways): valid, with what the
 * certificate shows; axe clean. The participant finds it under Profile → My certificates (axe clean).
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, axe, baseUrl, DEMO_PASSWORD, documentLanguage, scenario } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

const ENDED_WORKSHOP = 'Médiation interculturelle de quartier : conflits de voisinage et malentendus';

/**
 * Calls the API as a demo user.
 * @param {string} email
 */
async function apiAs(email) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200, `logging in ${email} over the API`);
  const { accessToken } = /** @type {{ accessToken: string }} */ (await login.json());
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Issues (or finds again: issuing twice gives the same one) the demo member's certificate. */
async function memberCertificate() {
  const facilitator = await apiAs(ACCOUNTS.facilitator.email);
  const member = await apiAs(ACCOUNTS.member.email);
  const me = await member('GET', '/api/me');
  const past = await facilitator('GET', '/api/workshops?when=past&limit=50');
  const workshop = past.items.find((/** @type {{ title: string }} */ w) => w.title === ENDED_WORKSHOP);
  assert.ok(workshop, 'the ended demo workshop is listed');
  const [certificate] = await facilitator('POST', `/api/workshops/${workshop.id}/certificates`, { userIds: [me.id] });
  assert.equal(certificate.learnerName, ACCOUNTS.member.displayName);
  return certificate;
}

scenario('a visitor verifies a certificate at 390 px in English and Arabic; axe clean', async ({ newPage }) => {
  const certificate = await memberCertificate();
  const page = await newPage({ axe: true, viewport: { width: 390, height: 844 } });
  await page.goto(`/verify/${certificate.verificationCode}`);
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Verify a certificate' }).waitFor();
  await main.getByText('This certificate is valid.').waitFor();
  await main.getByText(ACCOUNTS.member.displayName).waitFor();
  await main.getByText(ENDED_WORKSHOP).waitFor();
  await axe(page, { name: 'verify-certificate' });

  await restoringLanguage(page, 'en', async () => {
    await chooseLanguage(page, 'ar');
    await main.getByRole('heading', { level: 1, name: 'التحقق من شهادة' }).waitFor();
    await main.getByText('هذه الشهادة صالحة.').waitFor();
    assert.deepEqual(await documentLanguage(page), { lang: 'ar', dir: 'rtl' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the verification page fits 390 px (overflows by ${overflow} px)`);
    await axe(page, { name: 'verify-certificate' });
  });
});

scenario('the participant finds the certificate in the profile; axe clean', async ({ newPage }) => {
  const certificate = await memberCertificate();
  const page = await newPage({ axe: true });
  await logIn(page, ACCOUNTS.member.email);
  await page.goto('/profile#certificates');
  const section = page.getByRole('region', { name: 'My certificates' });
  await section.getByRole('heading', { level: 3, name: ENDED_WORKSHOP }).waitFor();
  const open = section.getByRole('link', { name: 'Open verification page' }).first();
  assert.equal(await open.getAttribute('href'), `/verify/${certificate.verificationCode}`);
  await axe(page, { name: 'profile-certificates' });
});
