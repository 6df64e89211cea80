import { formatCalendarDay, formatCalendarDayRange } from './calendar-days';
import { negotiateUiLanguage } from './accept-language';
import { notificationContent } from './notification-text';

/** Intl puts thin and narrow no-break spaces around the range dash; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('calendar days', () => {
  it('writes a range of host days in each language, never shifted by a time zone', () => {
    expect(plain(formatCalendarDayRange('2027-03-07', '2027-03-09', 'en'))).toBe('Sun, March 7 – Tue, March 9, 2027');
    expect(plain(formatCalendarDayRange('2027-03-07', '2027-03-09', 'fr'))).toBe('dim. 7 – mar. 9 mars 2027');
    expect(plain(formatCalendarDayRange('2027-03-29', '2027-04-02', 'es'))).toBe(
      'lun, 29 de marzo – vie, 2 de abril de 2027',
    );
    expect(plain(formatCalendarDayRange('2027-03-07', '2027-03-09', 'ar'))).toMatch(
      /^الأحد، 7 – الثلاثاء، 9 مارس، 2027$/,
    );
    expect(plain(formatCalendarDay('2027-03-07', 'en'))).toBe('Sun, March 7, 2027');
    expect(plain(formatCalendarDay('soon', 'en'))).toBe('soon');
  });

  it('puts the chosen dates of a visit into the notification sentence', () => {
    const n = {
      kind: 'visit.date_chosen' as const,
      payload: {
        actor: { id: 'u', displayName: 'Li Wei' },
        visit: { id: 'v', title: 'Newcomer services' },
        startDate: '2027-03-07',
        endDate: '2027-03-09',
      },
    };
    expect(plain(notificationContent('en', n as never).text)).toBe(
      'Li Wei chose the dates of “Newcomer services”: Sun, March 7 – Tue, March 9, 2027',
    );
  });
});

describe('negotiateUiLanguage', () => {
  it('follows q-values, primary subtags and falls back to English', () => {
    expect(negotiateUiLanguage(undefined)).toBe('en');
    expect(negotiateUiLanguage('fr-CA,fr;q=0.9')).toBe('fr');
    expect(negotiateUiLanguage('de;q=1, ar;q=0.5, es;q=0.8')).toBe('es');
    expect(negotiateUiLanguage('AR')).toBe('ar');
    expect(negotiateUiLanguage('es;q=0, de')).toBe('en');
    expect(negotiateUiLanguage('*;q=0.5, fr;q=0.1')).toBe('en');
    expect(negotiateUiLanguage(['de', 'es;q=0.3'])).toBe('es');
  });
});
