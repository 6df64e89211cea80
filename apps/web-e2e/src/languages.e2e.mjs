// @ts-check
/**
 * The interface speaks English, French, Spanish and Arabic (right to left); the choice is remembered on
 * the device.
 */
import assert from 'node:assert/strict';
import { documentLanguage, eventually, expectDocumentLanguage, scenario } from './support.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** The header's link to the city directory in each language (apps/web/src/locales). */
const CITIES_LINK = { en: 'Cities', fr: 'Villes', es: 'Ciudades', ar: 'المدن' };

/**
 * The visible text of the main navigation's links.
 * @param {Page} page
 */
async function navLinks(page) {
  return (await page.getByRole('navigation').first().getByRole('link').allInnerTexts()).map((text) => text.trim());
}

scenario('the language picker switches the interface, sets lang and dir, and persists', async ({ newPage }) => {
  const page = await newPage();
  await page.goto('/');
  const picker = page.locator('select#language-picker');
  await picker.waitFor();
  assert.deepEqual(await documentLanguage(page), { lang: 'en', dir: 'ltr' });
  assert.equal(await picker.inputValue(), 'en');
  assert.deepEqual(
    await picker.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value'))),
    ['en', 'fr', 'es', 'ar'],
  );
  // Once the (anonymous) session is known, the navigation offers the public pages, to log in and register.
  const english = await eventually(async () => {
    const links = await navLinks(page);
    assert.deepEqual(links, ['Cities', 'Courses', 'Log in', 'Register']);
    return links;
  });
  assert.equal(await page.getByLabel('Language', { exact: true }).getAttribute('id'), 'language-picker');

  // Arabic: right to left, and the navigation is no longer in English.
  await picker.selectOption('ar');
  await expectDocumentLanguage(page, 'ar');
  await eventually(async () => {
    const arabic = await navLinks(page);
    assert.equal(arabic.length, english.length);
    for (const [index, text] of arabic.entries()) assert.notEqual(text, english[index], `"${text}" is translated`);
    assert.ok(arabic.includes(CITIES_LINK.ar), `${arabic.join(', ')} includes ${CITIES_LINK.ar}`);
  });
  assert.equal(await page.getByRole('link', { name: CITIES_LINK.en, exact: true }).count(), 0);
  assert.equal(await page.getByLabel('اللغة', { exact: true }).getAttribute('id'), 'language-picker');
  assert.equal(
    await page.locator('main h1').evaluate((h1) => getComputedStyle(h1).direction),
    'rtl',
    'the layout follows the direction',
  );

  // The choice survives a reload.
  await page.reload();
  await expectDocumentLanguage(page, 'ar');
  assert.equal(await picker.inputValue(), 'ar');

  // French and Spanish.
  for (const language of /** @type {const} */ (['fr', 'es'])) {
    await picker.selectOption(language);
    await expectDocumentLanguage(page, language);
    await page.getByRole('link', { name: CITIES_LINK[language], exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: CITIES_LINK.en, exact: true }).count(), 0);
    assert.notEqual(await page.getByRole('link', { name: CITIES_LINK[language], exact: true }).innerText(), 'Cities');
  }

  // Reload: still Spanish, read back from localStorage.
  await page.reload();
  await expectDocumentLanguage(page, 'es');
  assert.equal(await picker.inputValue(), 'es');
  assert.equal(await page.evaluate(() => localStorage.getItem('twinning.language')), 'es');
  await page.getByRole('link', { name: CITIES_LINK.es, exact: true }).waitFor();
  // the page's own code loads on demand: wait for its heading, then check there is only one
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);

  // Another page of the app, reached by navigation, is in Spanish too.
  await page.getByRole('link', { name: CITIES_LINK.es, exact: true }).click();
  await page.waitForURL('**/cities');
  await page.getByRole('heading', { level: 1, name: 'Directorio de ciudades' }).waitFor();

  // Back to English, left to right.
  await picker.selectOption('en');
  await expectDocumentLanguage(page, 'en');
  await page.getByRole('link', { name: CITIES_LINK.en, exact: true }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'City directory' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('twinning.language')), 'en');
});
