import type { PollAnswer } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { makeDateOption } from '../../test/fixtures';
import { bestOptionIds, formatPollRange, optionDays, optionYear, otherRows, pollTotals } from './poll-grid';

const voter = (id: string, displayName: string, answer: PollAnswer) => ({ user: { id, displayName }, answer });

const options = [
  makeDateOption({
    id: 'a',
    voters: [voter('u-lis', 'Lisbon Office', 'yes'), voter('u-me', 'Me', 'no'), voter('u-ana', 'Ana', 'if_need_be')],
  }),
  makeDateOption({
    id: 'b',
    startDate: '2026-03-22',
    endDate: '2026-03-24',
    voters: [voter('u-lis', 'Lisbon Office', 'yes'), voter('u-ana', 'Ana', 'yes')],
  }),
  makeDateOption({ id: 'c', startDate: '2026-04-05', endDate: '2026-04-05', voters: [voter('u-ana', 'Ana', 'no')] }),
];

describe('date poll grid', () => {
  it('makes one row per other person, sorted by name, with their answer per option', () => {
    const rows = otherRows(options, 'u-me');
    expect(rows.map((r) => r.name)).toEqual(['Ana', 'Lisbon Office']);
    expect(rows[0].answers).toEqual({ a: 'if_need_be', b: 'yes', c: 'no' });
    expect(rows[1].answers).toEqual({ a: 'yes', b: 'yes' });
    // without a viewer (a closed poll), the viewer is a row like anyone else
    expect(otherRows(options, undefined).map((r) => r.name)).toEqual(['Ana', 'Lisbon Office', 'Me']);
  });

  it('totals the others’ answers with the viewer’s unsaved ones', () => {
    const others = otherRows(options, 'u-me');
    expect(pollTotals(options, others, {})).toEqual({
      a: { yes: 1, if_need_be: 1, no: 0 },
      b: { yes: 2, if_need_be: 0, no: 0 },
      c: { yes: 0, if_need_be: 0, no: 1 },
    });
    expect(pollTotals(options, others, { a: 'yes', c: 'if_need_be' })).toEqual({
      a: { yes: 2, if_need_be: 1, no: 0 },
      b: { yes: 2, if_need_be: 0, no: 0 },
      c: { yes: 0, if_need_be: 1, no: 1 },
    });
  });

  it('picks the best option by yes, then if need be; ties share it; an empty poll has none', () => {
    const t = (yes: number, ifNeedBe: number, no = 0) => ({ yes, if_need_be: ifNeedBe, no });
    expect([...bestOptionIds({ a: t(2, 1), b: t(2, 0), c: t(1, 5) })]).toEqual(['a']);
    expect([...bestOptionIds({ a: t(2, 1), b: t(2, 1), c: t(0, 0, 4) })]).toEqual(['a', 'b']);
    expect([...bestOptionIds({ a: t(0, 2), b: t(0, 1) })]).toEqual(['a']);
    expect(bestOptionIds({ a: t(0, 0, 3), b: t(0, 0) }).size).toBe(0);
  });

  it('writes an all-day option as the host’s calendar days in each language, never shifted', () => {
    expect(formatPollRange('en', '2027-03-07', '2027-03-09')).toBe('Sun, Mar 7\u2009–\u2009Tue, Mar 9');
    expect(formatPollRange('fr', '2027-03-07', '2027-03-09')).toBe('dim. 7\u2009–\u2009mar. 9 mars');
    expect(formatPollRange('es', '2027-03-07', '2027-03-09')).toBe('dom, 7 mar\u2009–\u2009mar, 9 mar');
    const arabic = formatPollRange('ar', '2027-03-07', '2027-03-09');
    expect(arabic).toContain('الأحد');
    expect(arabic).toContain('الثلاثاء');
    expect(arabic).toContain('مارس');
    expect(arabic).not.toMatch(/\d{1,2}:\d{2}/); // days only: no time of day
    // across a month end, one day, and the last day of a month stays that day whatever the runtime's zone
    expect(formatPollRange('en', '2026-03-30', '2026-04-01')).toBe('Mon, Mar 30\u2009–\u2009Wed, Apr 1');
    expect(formatPollRange('en', '2026-02-28', '2026-02-28')).toBe('Sat, Feb 28');
    expect(optionDays('2026-03-30', '2026-04-01')).toBe(3);
    expect(optionDays('2026-04-05', '2026-04-05')).toBe(1);
  });

  it('names the year only when it is not the current one', () => {
    expect(optionYear('en', '2027-03-07', '2027-03-09', 2027)).toBe('');
    expect(optionYear('en', '2027-03-07', '2027-03-09', 2026)).toBe('2027');
    expect(optionYear('ar', '2027-03-07', '2027-03-09', 2026)).toMatch(/^(2027|٢٠٢٧)$/);
    expect(optionYear('en', '2026-12-30', '2027-01-02', 2026)).toBe('2026\u2009–\u20092027');
  });
});
