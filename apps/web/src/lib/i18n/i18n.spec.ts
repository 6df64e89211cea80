import { UI_LANGUAGES } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { ar } from '../../locales/ar/translation';
import { en } from '../../locales/en/translation';
import { es } from '../../locales/es/translation';
import { fr } from '../../locales/fr/translation';
import { createTranslator, directionOf, isolateLtr, loadDictionary, type Message } from './i18n';

const dictionaries = { en, fr, es, ar };

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])))]
    .filter((name): name is string => !!name)
    .sort();
};

describe('createTranslator', () => {
  it('returns the message of the language', () => {
    expect(createTranslator('en')('nav.cities')).toBe('Cities');
    expect(createTranslator('fr')('nav.cities')).toBe('Villes');
    expect(createTranslator('es')('nav.cities')).toBe('Ciudades');
    expect(createTranslator('ar')('nav.cities')).toBe('المدن');
  });

  it('interpolates {name} placeholders and leaves unknown ones untouched', () => {
    const t = createTranslator('en');
    expect(t('review.approveUser', { name: 'Ana Souza' })).toBe('Approve Ana Souza');
    expect(t('review.approved', { name: 'Ana Souza', city: 'Toronto' })).toBe(
      'Ana Souza is now an official of Toronto.',
    );
    expect(t('review.approveUser')).toBe('Approve {name}');
  });

  it('formats numeric variables for the language', () => {
    expect(createTranslator('en')('cities.shown', { count: 1200 })).toBe('1,200 cities shown');
    expect(createTranslator('fr')('cities.shown', { count: 1200 })).toBe(
      `${new Intl.NumberFormat('fr').format(1200)} villes affichées`,
    );
  });

  it('chooses the plural form with Intl.PluralRules', () => {
    const t = createTranslator('en');
    expect(t('cities.shown', { count: 1 })).toBe('1 city shown');
    expect(t('cities.shown', { count: 12 })).toBe('12 cities shown');
    expect(t('cities.shown', { count: 0 })).toBe('0 cities shown');
    // French treats 0 as singular.
    expect(createTranslator('fr')('cities.shown', { count: 0 })).toBe('0 ville affichée');
    expect(createTranslator('es')('errors.rateLimitedRetry', { count: 1 })).toContain('1 segundo.');
  });

  it('uses the Arabic dual, few and many forms', () => {
    const t = createTranslator('ar');
    const n = new Intl.NumberFormat('ar');
    expect(t('cities.shown', { count: 1 })).toBe('مدينة واحدة معروضة');
    expect(t('cities.shown', { count: 2 })).toBe('مدينتان معروضتان');
    expect(t('cities.shown', { count: 5 })).toBe(`${n.format(5)} مدن معروضة`);
    expect(t('cities.shown', { count: 11 })).toBe(`${n.format(11)} مدينة معروضة`);
  });

  it('tells the text direction', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('fr')).toBe('ltr');
  });
});

describe('loadDictionary', () => {
  it.each(UI_LANGUAGES)(
    'cuts the %s dictionary into a main and an extra part that hold every key once',
    async (language) => {
      const main = (await import(`virtual:dictionary/${language}/main`)).default as Record<string, Message>;
      const extra = (await import(`virtual:dictionary/${language}/extra`)).default as Record<string, Message>;
      expect(main['nav.cities']).toBe(dictionaries[language]['nav.cities']);
      expect(main['workshops.nav']).toBe(dictionaries[language]['workshops.nav']);
      expect(extra['room.heading' as never] ?? Object.keys(extra).length).toBeTruthy();
      expect(main['training.nav']).toBe(dictionaries[language]['training.nav']);
      expect(main['courses.nav']).toBe(dictionaries[language]['courses.nav']);
      expect(extra['courses.facts.hours']).toBe(dictionaries[language]['courses.facts.hours']);
      const extraPrefix =
        /^(visits|workshops|room|training|courses|courseAuthoring|courseReview|trainerDashboard|certificates)\./;
      expect(Object.keys(extra).every((key) => extraPrefix.test(key))).toBe(true);
      expect([...Object.keys(main), ...Object.keys(extra)].sort()).toEqual(Object.keys(dictionaries[language]).sort());
      await expect(loadDictionary(language)).resolves.toBeUndefined();
    },
  );
});

describe('dictionaries', () => {
  const englishKeys = Object.keys(en).sort();

  it.each(UI_LANGUAGES)('%s has exactly the English keys', (language) => {
    expect(Object.keys(dictionaries[language]).sort()).toEqual(englishKeys);
  });

  it.each(UI_LANGUAGES)('%s has no empty message and every plural has "other"', (language) => {
    for (const [key, message] of Object.entries(dictionaries[language] as Record<string, Message>)) {
      if (typeof message === 'string') {
        expect(message.trim(), key).not.toBe('');
      } else {
        expect(message.other, key).toBeTruthy();
        expect(typeof (en as Record<string, Message>)[key], key).toBe('object');
      }
    }
  });

  it.each(UI_LANGUAGES.filter((language) => language !== 'en'))(
    '%s uses the same placeholders as English',
    (language) => {
      const dictionary = dictionaries[language] as Record<string, Message>;
      for (const [key, message] of Object.entries(en as Record<string, Message>)) {
        const translated = dictionary[key];
        expect(translated, key).toBeDefined();
        // Plural forms may spell out the number ("ثانيتين") instead of using {count}.
        const expected = placeholders(message).filter((name) => typeof message === 'string' || name !== 'count');
        const actual = placeholders(translated as Message);
        for (const name of expected) expect(actual, `${language} ${key}`).toContain(name);
        for (const name of actual) expect(placeholders(message), `${language} ${key}`).toContain(name);
      }
    },
  );
});

describe('isolateLtr', () => {
  it('wraps a left-to-right value in Unicode isolates inside right-to-left languages only', () => {
    expect(isolateLtr('ana@example.org', 'ar')).toBe('\u2066ana@example.org\u2069');
    expect(isolateLtr('ana@example.org', 'en')).toBe('ana@example.org');
    expect(isolateLtr('ana@example.org', 'fr')).toBe('ana@example.org');
  });
});
