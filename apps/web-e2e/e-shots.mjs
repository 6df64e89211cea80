import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3915';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function session(email, lang, width, height) {
  const ctx = await browser.newContext({ viewport: { width, height }, baseURL: base });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('twinning-demo-2026');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  await page.waitForTimeout(500);
  const picker = page.locator('select#language-picker');
  if ((await picker.inputValue()) !== lang) {
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH');
    await picker.selectOption(lang);
    await saved;
  }
  await page.waitForTimeout(300);
  return page;
}
const [, , what, email, lang, w, h, path] = process.argv;
const page = await session(email, lang, Number(w), Number(h));
await page.goto(path);
await page.waitForTimeout(2500);
if (what === 'card') {
  await page.locator('main .person-chip__button').first().click();
  await page.waitForTimeout(1200);
}
if (what === 'room') {
  const box = page.getByRole('textbox').first();
  await box.fill(process.argv[10]);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
}
if (what === 'to') {
  await page.locator(process.argv[10]).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(500);
}
if (what === 'scroll') {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
}
await page.screenshot({ path: `/tmp/e-shots/${process.argv[9] ?? what}.png` });
await browser.close();
