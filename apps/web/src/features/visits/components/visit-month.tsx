import type { VisitSummaryDto } from '@twinning/contracts';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useVisitMonth } from '../api/get-visit-month';
import {
  addDays,
  addMonths,
  dayOfMonth,
  firstDayOfWeek,
  formatLongDate,
  formatMonth,
  monthWeeks,
  weekdayNames,
} from '../visit-time';
import { zonedDate } from '@twinning/contracts';
import { useViewerTimeZone } from '../../../lib/zoned-time';

export interface VisitMonthProps {
  /** `YYYY-MM`; the viewer's current month when absent. */
  month: string | undefined;
  partnershipId: string | undefined;
  onMonthChange: (month: string) => void;
}

const monthOf = (day: string) => day.slice(0, 7);

/** The visits on a day (host calendar): those whose first day is on or before it and last day on or after. */
function visitsOn(visits: readonly VisitSummaryDto[], day: string): VisitSummaryDto[] {
  return visits.filter((visit) => visit.startDate && visit.endDate && visit.startDate <= day && day <= visit.endDate);
}

/**
 * A month calendar of visits. It is an ARIA grid: one day is in the tab order; arrow keys move by day and
 * week (mirrored right to left), Home/End to the week's ends, Page Up/Down by month; the links of the
 * focused day follow it in the tab order. A visit appears on every day it spans, in its host's calendar.
 */
export function VisitMonth({ month: monthProp, partnershipId, onMonthChange }: VisitMonthProps) {
  const { t, language, dir } = useI18n();
  const viewerZone = useViewerTimeZone();
  const today = zonedDate(new Date(), viewerZone);
  const month = monthProp ?? monthOf(today);
  const headingId = useId();
  const visits = useVisitMonth(month, partnershipId);
  const firstDay = firstDayOfWeek(language);
  const weeks = useMemo(() => monthWeeks(month, firstDay), [month, firstDay]);
  const names = useMemo(() => weekdayNames(language, firstDay), [language, firstDay]);
  const [active, setActive] = useState(() => (monthOf(today) === month ? today : `${month}-01`));
  const focusDay = monthOf(active) === month ? active : `${month}-01`;
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  /** Set by keyboard moves, so that focus follows them (and only them). */
  const moveFocus = useRef(false);

  useEffect(() => {
    // A move into another month waits for that month's grid.
    if (!moveFocus.current || monthOf(active) !== month) return;
    moveFocus.current = false;
    cells.current.get(active)?.focus();
  }, [active, month]);

  const items = visits.data ?? [];
  const monthName = formatMonth(language, month);

  function goTo(day: string, focus: boolean) {
    moveFocus.current = focus;
    setActive(day);
    if (monthOf(day) !== month) onMonthChange(monthOf(day));
  }

  function goToMonth(delta: number) {
    const next = addMonths(month, delta);
    setActive(`${next}-01`);
    onMonthChange(next);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (!(event.target instanceof HTMLTableCellElement)) return;
    const forward = dir === 'rtl' ? -1 : 1;
    const weekIndex = weeks.findIndex((week) => week.includes(focusDay));
    const week = weeks[weekIndex] ?? [];
    let next: string | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = addDays(focusDay, forward);
        break;
      case 'ArrowLeft':
        next = addDays(focusDay, -forward);
        break;
      case 'ArrowDown':
        next = addDays(focusDay, 7);
        break;
      case 'ArrowUp':
        next = addDays(focusDay, -7);
        break;
      case 'Home':
        next = week[0] ?? focusDay;
        break;
      case 'End':
        next = week[6] ?? focusDay;
        break;
      case 'PageDown':
      case 'PageUp': {
        const target = addMonths(month, (event.key === 'PageDown' ? 1 : -1) * (event.shiftKey ? 12 : 1));
        // The same day of the month, or the month's last day when it is shorter.
        const lastDay = addDays(`${addMonths(target, 1)}-01`, -1);
        const sameDay = `${target}-${focusDay.slice(8)}`;
        next = sameDay <= lastDay ? sameDay : lastDay;
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    goTo(next, true);
  }

  let status = '';
  if (visits.isPending) status = t('visits.loading');
  else if (visits.isSuccess) status = t('visits.month.shown', { month: monthName, count: items.length });

  return (
    <section aria-labelledby={headingId} className="visit-month">
      <div className="visit-month__bar">
        <h2 id={headingId} className="visit-month__title">
          {monthName}
        </h2>
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" onClick={() => goToMonth(-1)}>
            <span aria-hidden="true">{dir === 'rtl' ? '→' : '←'}</span> {t('visits.month.previous')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => goTo(today, false)}>
            {t('visits.month.today')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => goToMonth(1)}>
            {t('visits.month.next')} <span aria-hidden="true">{dir === 'rtl' ? '←' : '→'}</span>
          </button>
        </div>
      </div>
      <StatusMessage>{status}</StatusMessage>
      {visits.isError ? <FormError error={visits.error} /> : null}
      <p className="field__hint" id={`${headingId}-hint`}>
        {t('visits.month.keyboardHint')}
      </p>
      <table
        role="grid"
        className="visit-month__grid"
        aria-labelledby={headingId}
        aria-describedby={`${headingId}-hint`}
        aria-busy={visits.isFetching || undefined}
        onKeyDown={handleKeyDown}
      >
        <thead>
          <tr>
            {names.map((name) => (
              <th key={name.long} scope="col" abbr={name.long}>
                {name.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = monthOf(day) === month;
                const dayVisits = inMonth ? visitsOn(items, day) : [];
                const focused = day === focusDay;
                return (
                  <td
                    key={day}
                    ref={(cell) => {
                      if (cell) cells.current.set(day, cell);
                      else cells.current.delete(day);
                    }}
                    role="gridcell"
                    tabIndex={focused ? 0 : -1}
                    aria-current={day === today ? 'date' : undefined}
                    className={[
                      'visit-month__day',
                      inMonth ? '' : 'visit-month__day--outside',
                      day === today ? 'visit-month__day--today' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    onFocus={() => {
                      if (inMonth && !focused) setActive(day);
                    }}
                  >
                    <span className="visually-hidden">
                      {formatLongDate(language, day)}
                      {dayVisits.length > 0 ? `, ${t('visits.month.visitCount', { count: dayVisits.length })}` : ''}
                    </span>
                    <span className="visit-month__number" aria-hidden="true">
                      {dayOfMonth(language, day)}
                    </span>
                    {dayVisits.length > 0 ? (
                      <ul className="visit-month__events">
                        {dayVisits.map((visit) => (
                          <li
                            key={visit.id}
                            className={[
                              'visit-month__event',
                              `visit-month__event--${visit.status}`,
                              visit.startDate === day ? 'visit-month__event--first' : '',
                              visit.endDate === day ? 'visit-month__event--last' : '',
                            ]
                              .filter(Boolean)
                              .join(' ')}
                          >
                            <Link to={`/visits/${visit.id}`} tabIndex={focused ? 0 : -1}>
                              {visit.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
