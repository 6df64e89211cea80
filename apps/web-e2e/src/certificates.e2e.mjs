// @ts-check
/**
 * Certificates in the browser. On the ended demo workshop's page, the demo facilitator sees each registered
 * participant's attendance: the demo member left after 35 of the 86 live minutes, short of the 75 % an
 * attendance certificate needs; the facilitator corrects her attendance and issues the certificates, with the
 * keyboard alone, axe clean in English and in Arabic at 390 px. (When another scenario ran first, the same
 * correction and issue are made over the API, as the facilitator would.) A visitor, not signed in, opens the
 * verification page at 390 px in English and in Arabic (right to left, nothing overflowing sideways): valid,
 * with what the certificate shows; axe clean. The participant finds it under Profile → My certificates.
 */
import assert from 'node:assert/strict';
import { ACCOUNTS, apiAs, axe, documentLanguage, eventually, saveScreenshot, scenario } from './support.mjs';
import { chooseLanguage, logIn, restoringLanguage } from './support-header.mjs';

const ENDED_WORKSHOP = 'Médiation interculturelle de quartier : conflits de voisinage et malentendus';

/** The ended demo workshop, as its facilitator lists it. */
async function endedWorkshop() {
  const facilitator = await apiAs(ACCOUNTS.facilitator.email);
  const past = await facilitator('GET', '/api/workshops?when=past&limit=50');
  const workshop = past.items.find((/** @type {{ title: string }} */ w) => w.title === ENDED_WORKSHOP);
  assert.ok(workshop, 'the ended demo workshop is listed');
  return { facilitator, workshop: /** @type {{ id: string }} */ (workshop) };
}

/**
 * Issues (or finds again: issuing twice gives the same one) the demo member's certificate. She was present for
 * less than 75 % of the live time, so the facilitator first marks her present, as on the workshop's page.
 */
async function memberCertificate() {
  const { facilitator, workshop } = await endedWorkshop();
  const member = await apiAs(ACCOUNTS.member.email);
  const me = await member('GET', '/api/me');
  const attendance = await facilitator('GET', `/api/workshops/${workshop.id}/attendance`);
  const row = attendance.participants.find((/** @type {{ user: { id: string } }} */ p) => p.user.id === me.id);
  assert.ok(row, 'the demo member is a registered participant');
  if (!row.eligible) {
    assert.ok(row.measuredPercent < 75, `she was measured at ${row.measuredPercent} %`);
    await facilitator('PUT', `/api/workshops/${workshop.id}/attendance/${me.id}`, { present: true });
  }
  const [certificate] = await facilitator('POST', `/api/workshops/${workshop.id}/certificates`, { userIds: [me.id] });
  assert.equal(certificate.learnerName, ACCOUNTS.member.displayName);
  return certificate;
}

scenario(
  'the facilitator corrects attendance and issues certificates by keyboard; axe clean, Arabic at 390 px',
  async ({ newPage }) => {
    const { workshop } = await endedWorkshop();
    const page = await newPage({ axe: true, viewport: { width: 1280, height: 900 } });
    await logIn(page, ACCOUNTS.facilitator.email);
    await page.goto(`/workshops/${workshop.id}`);
    const section = page.getByRole('region', { name: 'Attendance and certificates' });
    await section.getByRole('table', { name: 'Registered participants' }).waitFor();
    const memberRow = section.locator('tr', { hasText: ACCOUNTS.member.displayName });
    await memberRow.waitFor();
    await axe(page, { name: 'workshop-attendance' });

    if ((await memberRow.getByText('Not eligible').count()) > 0) {
      // measured from presence: 35 of 86 live minutes
      await memberRow.getByText('35 min (40.6 %)').waitFor();
      await section.getByRole('button', { name: `Correct the attendance of ${ACCOUNTS.member.displayName}` }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Attendance of ${ACCOUNTS.member.displayName}` });
      await dialog.waitFor();
      await axe(page, { name: 'workshop-attendance-dialog' });
      await dialog.getByRole('radio', { name: 'Present: may receive a certificate' }).focus();
      await page.keyboard.press('Space');
      await dialog.getByRole('button', { name: 'Save' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText(`Attendance of ${ACCOUNTS.member.displayName} corrected.`).waitFor();
      await memberRow.getByText('Eligible', { exact: true }).waitFor();
      await memberRow.getByText(/Corrected by Lucía Fernández/).waitFor();
    }
    const issueAll = section.getByRole('button', { name: /^Issue (the certificate|certificates) to / });
    if ((await issueAll.count()) > 0) {
      await issueAll.focus();
      await page.keyboard.press('Enter');
      await page.getByText(/certificates? issued\.$/).waitFor();
    }
    await eventually(async () => assert.equal(await issueAll.count(), 0, 'every eligible participant has one'));
    await memberRow.getByText(/^Issued on /).waitFor();
    await axe(page, { name: 'workshop-attendance-issued' });

    await restoringLanguage(page, 'en', async () => {
      await chooseLanguage(page, 'ar');
      await page.getByRole('region', { name: 'الحضور والشهادات' }).waitFor();
      assert.deepEqual(await documentLanguage(page), { lang: 'ar', dir: 'rtl' });
      await page.setViewportSize({ width: 390, height: 844 });
      await eventually(async () => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the workshop page fits 390 px in Arabic (overflows by ${overflow} px)`);
      });
      await axe(page, { name: 'workshop-attendance-ar-390' });
      await page.getByRole('region', { name: 'الحضور والشهادات' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'workshop-attendance-ar-390');
    });
  },
);

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
