import { ErrorCode, IMMIGRATION_PROFILES, isApiError, REGIONS, RTL_LANGUAGES, THEMES, UI_LANGUAGES } from './index';

describe('contracts', () => {
  it('keeps every fixed list free of duplicates', () => {
    for (const list of [THEMES, REGIONS, IMMIGRATION_PROFILES, UI_LANGUAGES]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('has the nine themes of the programme, the three regions and the four UI languages', () => {
    expect(THEMES).toHaveLength(9);
    expect(REGIONS).toEqual(['south_east_asia', 'north_america', 'western_europe']);
    expect(UI_LANGUAGES).toEqual(['en', 'fr', 'es', 'ar']);
    expect(RTL_LANGUAGES).toEqual(['ar']);
  });

  it('names each error code after itself', () => {
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key);
  });

  it('recognises the error body shape', () => {
    expect(isApiError({ code: 'NOT_FOUND', message: 'City not found.' })).toBe(true);
    expect(isApiError({ message: 'no code' })).toBe(false);
    expect(isApiError(null)).toBe(false);
    expect(isApiError('NOT_FOUND')).toBe(false);
  });
});
