import { API_ERROR_TEXT, FIELD_RULES, UI_LANGUAGES, type FieldRule } from '@twinning/contracts';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleOf } from './field-issues';

/** Every source file of the API that declares class-validator constraints (DTOs, inline query classes). */
function validatedSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return validatedSources(full);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return readFileSync(full, 'utf8').includes("from 'class-validator'") ? [full] : [];
  });
}

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** Constraint kinds that never produce a field error of their own. */
const SILENT = new Set<string>([ValidationTypes.CONDITIONAL_VALIDATION, ValidationTypes.WHITELIST]);

describe('field error texts', () => {
  const sources = validatedSources(path.resolve(__dirname, '..'));
  for (const file of sources) require(file);
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Metadata[]> };
  const metadatas = [...storage.validationMetadatas.values()].flat().filter((m) => !SILENT.has(m.type));

  it('finds the DTOs and their constraints', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(metadatas.length).toBeGreaterThan(100);
  });

  it('has a message in all four languages for every constraint a DTO uses', () => {
    const missing = new Set<string>();
    const untranslated = new Set<string>();
    for (const metadata of metadatas) {
      const rule = ruleOf(metadata);
      const where = `${(metadata.target as { name?: string }).name}.${metadata.propertyName}: ${rule}`;
      if (rule === 'invalid' || !(rule in API_ERROR_TEXT.en.fields)) {
        missing.add(where);
        continue;
      }
      const params = { field: metadata.propertyName, min: 1, max: 2, values: ['a', 'b'], each: metadata.each };
      const english = API_ERROR_TEXT.en.fields[rule as FieldRule](params);
      for (const lang of UI_LANGUAGES) {
        const text = API_ERROR_TEXT[lang].fields[rule as FieldRule](params);
        expect(text).toContain(metadata.propertyName);
        if (lang !== 'en' && text === english) untranslated.add(`${where} (${lang})`);
      }
    }
    expect([...missing]).toEqual([]);
    expect([...untranslated]).toEqual([]);
  });

  it('says the error codes and the field summary in every language', () => {
    for (const lang of UI_LANGUAGES) {
      for (const [code, text] of Object.entries(API_ERROR_TEXT[lang].codes)) {
        expect(text.length).toBeGreaterThan(3);
        if (lang !== 'en') expect([code, text]).not.toEqual([code, API_ERROR_TEXT.en.codes[code as 'INTERNAL']]);
      }
      expect(API_ERROR_TEXT[lang].invalidFields(['title', 'body'])).toMatch(/title.*body/);
    }
  });

  it('translates every rule, those services use included', () => {
    const params = { field: 'cityId', min: 3, max: 9, values: ['a'], value: 'x' };
    for (const rule of FIELD_RULES) {
      const english = API_ERROR_TEXT.en.fields[rule](params);
      for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
        expect([rule, API_ERROR_TEXT[lang].fields[rule](params)]).not.toEqual([rule, english]);
      }
    }
  });
});
