// @ts-check
/**
 * Workshop meetings in the browser. The demo facilitator schedules three public workshops with a meeting
 * link (over the API): one starting in 10 minutes, one in 2 hours, one 15 minutes and 20 seconds from
 * now; George Town's coordinator registers for all three. She sees "Join the call" (a new-tab link) on the
 * first, only when the link will come on the second, and on the third the button appears by itself when
 * the 15-minute window opens, without a reload. The facilitator sees the link on the 2-hour one. Then the
 * embed: with MEETING_EMBED_ORIGINS set on the server (run.mjs and .ci/run set it), the content security
 * policy lists exactly those origins in frame-src, and a meeting on one of them opens in the room in a
 * frame allowed camera, microphone, screen sharing and full screen, with no CSP violation; a frame on any
 * other origin is refused by the browser. Without it, no frame-src is sent and the meeting opens in a tab.
 */
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  apiAs,
  baseUrl,
  eventually,
  expectSameDocument,
  markDocument,
  newContext,
  scenario,
  uniqueSuffix,
} from './support.mjs';
import { logIn, restoringLanguage } from './support-header.mjs';

/** @typedef {import('playwright-core').Page} Page */

const MINUTE = 60_000;
const FACILITATOR = ACCOUNTS.facilitator;
const PARTICIPANT = ACCOUNTS.coordinatorPenang;

/**
 * @param {(method: string, path: string, body?: unknown) => Promise<any>} api
 * @param {string} title
 * @param {number} startsInMs
 * @param {string} meetingUrl
 * @returns {Promise<{ id: string, title: string }>}
 */
function createWorkshop(api, title, startsInMs, meetingUrl) {
  const startsAt = new Date(Date.now() + startsInMs);
  return api('POST', '/api/workshops', {
    title,
    description: 'A workshop with an online meeting (browser test).',
    theme: 'integration',
    language: 'en',
    scope: 'public',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 60 * MINUTE).toISOString(),
    meetingUrl,
  });
}

/** @param {Page} page */
const actions = (page) => page.getByRole('main').getByRole('region', { name: /Take part|Run this workshop/ });

/** The server's Content-Security-Policy directives, by name. */
async function cspDirectives() {
  const res = await fetch(`${baseUrl()}/`);
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

scenario(
  'the meeting button shows 15 minutes before the start, to registered participants and facilitators',
  async ({ newPage }) => {
    const facilitatorApi = await apiAs(FACILITATOR.email);
    const participantApi = await apiAs(PARTICIPANT.email);
    const suffix = uniqueSuffix();
    const soonUrl = `https://meet.jit.si/twinning-e2e-soon-${suffix}`;
    const laterUrl = `https://zoom.us/j/9${Date.now() % 1_000_000_000}`;
    const soon = await createWorkshop(facilitatorApi, `Meeting in 10 minutes ${suffix}`, 10 * MINUTE, soonUrl);
    const later = await createWorkshop(facilitatorApi, `Meeting in 2 hours ${suffix}`, 120 * MINUTE, laterUrl);
    for (const w of [soon, later]) await participantApi('PUT', `/api/workshops/${w.id}/registration`);

    const page = await newPage();
    await logIn(page, PARTICIPANT.email);

    // 10 minutes before the start: the button, opening the call in a new tab
    await page.goto(`/workshops/${soon.id}`);
    const join = actions(page).getByRole('link', { name: /Join the call/ });
    await join.waitFor();
    assert.equal(await join.getAttribute('href'), soonUrl);
    assert.equal(await join.getAttribute('target'), '_blank');
    assert.match((await join.getAttribute('rel')) ?? '', /\bnoopener\b/);
    await actions(page).getByText('Video call on Jitsi Meet').waitFor();

    // 2 hours before: when the link will come, and no link anywhere on the page
    await page.goto(`/workshops/${later.id}`);
    await actions(page)
      .getByText(/The link to the Zoom call appears here 15 minutes before the start/)
      .waitFor();
    assert.equal(await page.getByRole('link', { name: /Join the call/ }).count(), 0);
    assert.ok(!(await page.content()).includes('zoom.us/j/'), 'the meeting link is nowhere in the page');

    // the window opens while she is on the page (20 s after it is scheduled): the button comes without a reload
    const opening = await createWorkshop(
      facilitatorApi,
      `Meeting opening now ${suffix}`,
      15 * MINUTE + 20_000,
      `https://meet.jit.si/twinning-e2e-opening-${suffix}`,
    );
    await participantApi('PUT', `/api/workshops/${opening.id}/registration`);
    await page.goto(`/workshops/${opening.id}`);
    await actions(page)
      .getByText(/appears here 15 minutes before the start/)
      .waitFor();
    const mark = await markDocument(page);
    await actions(page)
      .getByRole('link', { name: /Join the call/ })
      .waitFor({ timeout: 45_000 });
    await expectSameDocument(page, mark);

    // the facilitator sees the link at any time
    const facilitatorPage = await newPage();
    await logIn(facilitatorPage, FACILITATOR.email);
    await restoringLanguage(facilitatorPage, 'es', async () => {
      await facilitatorPage.goto(`/workshops/${later.id}`);
      const link = actions(facilitatorPage).getByRole('link', { name: /Join the call/ });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), laterUrl);
      await actions(facilitatorPage).getByText('Video call on Zoom').waitFor();
    });
  },
);

scenario(
  'the content security policy frames exactly MEETING_EMBED_ORIGINS, and the room embeds those meetings',
  async ({ newPage }) => {
    const directives = await cspDirectives();
    const frameSrc = directives.get('frame-src');
    const facilitatorApi = await apiAs(FACILITATOR.email);
    const suffix = uniqueSuffix();

    if (!frameSrc) {
      // Not configured: frames fall back to default-src 'self', and meetings open in a new tab.
      assert.deepEqual(directives.get('default-src'), ["'self'"]);
      const w = await createWorkshop(facilitatorApi, `Tab meeting ${suffix}`, 5 * MINUTE, 'https://meet.jit.si/x');
      const page = await newPage();
      await logIn(page, FACILITATOR.email);
      await restoringLanguage(page, 'es', async () => {
        await page.goto(`/workshops/${w.id}/room`);
        const link = page.getByRole('main').getByRole('link', { name: /Join the call/ });
        await link.waitFor();
        assert.equal(await link.getAttribute('target'), '_blank');
        assert.equal(await page.locator('iframe').count(), 0);
      });
      return;
    }

    // Only https origins, nothing else ('self', wildcards, schemes) slipped in.
    assert.ok(frameSrc.length > 0);
    for (const origin of frameSrc) assert.match(origin, /^https:\/\/[a-z0-9.-]+(:\d+)?$/, `frame-src ${origin}`);
    const origin = frameSrc[0];
    const meetingUrl = `${origin}/twinning-e2e-${suffix}`;
    const w = await createWorkshop(facilitatorApi, `Embedded meeting ${suffix}`, 5 * MINUTE, meetingUrl);

    const page = await newPage();
    await logIn(page, FACILITATOR.email);
    await restoringLanguage(page, 'es', async () => {
      await page.goto(`/workshops/${w.id}/room`);
      await page.evaluate(() => {
        /** @type {any} */ (window).__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          /** @type {any} */ (window).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      const toggle = page.getByRole('main').getByRole('button', { name: 'Join the call' });
      await toggle.click();
      const frame = page.getByRole('main').getByRole('region', { name: 'The Jitsi Meet call' }).locator('iframe');
      await frame.waitFor();
      assert.equal(await frame.getAttribute('src'), meetingUrl);
      const allow = ((await frame.getAttribute('allow')) ?? '').split(/;\s*/);
      for (const feature of ['camera', 'microphone', 'display-capture', 'fullscreen']) {
        assert.ok(allow.includes(feature), `allow="${allow.join('; ')}" includes ${feature}`);
      }
      // The frame's navigation was not refused by the policy (the origin itself may not resolve here).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__cspViolations), []);
      await page.getByRole('main').getByRole('button', { name: 'Close the call' }).click();
      await eventually(async () => assert.equal(await page.locator('iframe').count(), 0));
    });

    // Any other origin is refused by the browser: checked on a page outside the scenario's CSP watch.
    const context = await newContext();
    try {
      const probe = await context.newPage();
      await probe.goto('/');
      const refused = await probe.evaluate(
        () =>
          new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective));
            const frame = document.createElement('iframe');
            frame.src = 'https://frame-not-allowed.example/';
            document.body.append(frame);
            setTimeout(() => resolve(null), 3_000);
          }),
      );
      assert.equal(refused, 'frame-src');
    } finally {
      await context.close();
    }
  },
);
