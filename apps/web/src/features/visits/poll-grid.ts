import type { PollAnswer, VisitDateOptionDto } from '@twinning/contracts';
import { dateOf } from './visit-time';

/**
 * The date poll as a grid (people × options, as in Rallly or Doodle): rows, totals per option and the
 * best option, computed from the API's voters and the viewer's unsaved answers. Pure, so tested alone.
 */

export type PollDraft = Readonly<Record<string, PollAnswer>>;

export interface PollRow {
  id: string;
  name: string;
  /** The answer per option id; missing when the person did not answer that option. */
  answers: Record<string, PollAnswer>;
}

export type PollTally = Record<PollAnswer, number>;

/** Everyone but the viewer who answered at least one option, by name, each with their answers. */
export function otherRows(options: readonly VisitDateOptionDto[], viewerId: string | undefined): PollRow[] {
  const rows = new Map<string, PollRow>();
  for (const option of options) {
    for (const voter of option.voters) {
      if (voter.user.id === viewerId) continue;
      let row = rows.get(voter.user.id);
      if (!row) {
        row = { id: voter.user.id, name: voter.user.displayName, answers: {} };
        rows.set(voter.user.id, row);
      }
      row.answers[option.id] = voter.answer;
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Totals per option id: the others' saved answers plus the viewer's current (possibly unsaved) ones, so
 * the totals move as the viewer fills in their row.
 */
export function pollTotals(
  options: readonly VisitDateOptionDto[],
  others: readonly PollRow[],
  mine: PollDraft,
): Record<string, PollTally> {
  const totals: Record<string, PollTally> = {};
  for (const option of options) {
    const tally: PollTally = { yes: 0, if_need_be: 0, no: 0 };
    for (const row of others) {
      const answer = row.answers[option.id];
      if (answer) tally[answer] += 1;
    }
    const own = mine[option.id];
    if (own) tally[own] += 1;
    totals[option.id] = tally;
  }
  return totals;
}

/**
 * The best options: most "yes", then most "if need be" (several when they tie). None while no option has
 * a single yes or if need be: an empty poll has no best option.
 */
export function bestOptionIds(totals: Readonly<Record<string, PollTally>>): Set<string> {
  let best: [number, number] = [0, 0];
  let ids: string[] = [];
  for (const [id, tally] of Object.entries(totals)) {
    const score: [number, number] = [tally.yes, tally.if_need_be];
    if (score[0] === 0 && score[1] === 0) continue;
    const cmp = score[0] - best[0] || score[1] - best[1];
    if (cmp > 0) {
      best = score;
      ids = [id];
    } else if (cmp === 0) ids.push(id);
  }
  return new Set(ids);
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Sun, Mar 7 – Tue, Mar 9": an all-day option as the host's calendar days, in the viewer's language
 * (`formatRange`), never turned into instants; the year is left to `optionYear`. Calendar dates carry no
 * zone, so they are formatted as UTC and never shift a day.
 */
export function formatPollRange(language: string, startDate: string, endDate: string): string {
  const start = dateOf(startDate);
  const end = dateOf(endDate);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startDate} – ${endDate}`;
  let formatter = rangeFormats.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    });
    rangeFormats.set(language, formatter);
  }
  return startDate === endDate ? formatter.format(start) : formatter.formatRange(start, end);
}

/** The option's year(s) in the viewer's numbering ("2027", "2026 – 2027"), or '' when it is `currentYear`. */
export function optionYear(language: string, startDate: string, endDate: string, currentYear: number): string {
  const first = dateOf(startDate).getUTCFullYear();
  const last = dateOf(endDate).getUTCFullYear();
  if (Number.isNaN(first) || Number.isNaN(last) || (first === currentYear && last === currentYear)) return '';
  const year = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric' });
  return first === last ? year.format(dateOf(startDate)) : year.formatRange(dateOf(startDate), dateOf(endDate));
}

/** How many calendar days the option spans (both ends included). */
export function optionDays(startDate: string, endDate: string): number {
  return Math.round((dateOf(endDate).getTime() - dateOf(startDate).getTime()) / 86_400_000) + 1;
}
