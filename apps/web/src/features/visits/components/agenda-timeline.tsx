import type { AgendaItemDto, VisitDto } from '@twinning/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Fact } from '../../../components/fact';
import { useI18n } from '../../../lib/i18n';
import { useDeleteAgendaItem } from '../api/delete-agenda-item';
import { formatLongDate, formatShortDay, formatTimeRange, zoneAbbreviation } from '../visit-time';
import { AgendaItemForm } from './agenda-item-form';
import type { Announce } from '../../../lib/announce';
import { ConfirmDialog } from './confirm-dialog';
import { zonedDate } from '@twinning/contracts';
import { useViewerTimeZone } from '../../../lib/zoned-time';

/** Agenda items by the host's calendar day, each day in time order. */
function byDay(items: readonly AgendaItemDto[]): [string, AgendaItemDto[]][] {
  const days = new Map<string, AgendaItemDto[]>();
  for (const item of [...items].sort((a, b) => a.startsLocal.localeCompare(b.startsLocal))) {
    const day = item.startsLocal.slice(0, 10);
    const list = days.get(day) ?? [];
    list.push(item);
    days.set(day, list);
  }
  return [...days.entries()];
}

/**
 * "9:00 – 10:30 AM Toronto (EDT) · 9:00 – 10:30 PM your time (GMT+8)": an item's time where it happens
 * and where the viewer lives; the viewer's day is named when it is not the host's.
 */
export function AgendaTimes({ visit, item }: { visit: VisitDto; item: AgendaItemDto }) {
  const { t, language } = useI18n();
  const viewerZone = useViewerTimeZone();
  const start = new Date(item.startsAt);
  const hostTime = formatTimeRange(language, visit.timeZone, item.startsAt, item.endsAt);
  const hostZone = zoneAbbreviation(language, visit.timeZone, start);
  const host = t('visits.agenda.hostTime', { time: hostTime, city: visit.hostCity.name, zone: hostZone });
  const viewerTime = formatTimeRange(language, viewerZone, item.startsAt, item.endsAt);
  const sameClock = viewerTime === hostTime && zoneAbbreviation(language, viewerZone, start) === hostZone;
  if (viewerZone === visit.timeZone || sameClock) {
    return (
      <p className="agenda-item__time">
        <time dateTime={item.startsAt}>{host}</time> <span className="muted">{t('visits.agenda.alsoYours')}</span>
      </p>
    );
  }
  const otherDay = zonedDate(start, viewerZone) !== item.startsLocal.slice(0, 10);
  const time = otherDay ? `${formatShortDay(language, viewerZone, item.startsAt)}, ${viewerTime}` : viewerTime;
  return (
    <p className="agenda-item__time">
      <time dateTime={item.startsAt}>{host}</time>
      <span aria-hidden="true"> · </span>
      <span className="agenda-item__yours">
        {t('visits.agenda.viewerTime', { time, zone: zoneAbbreviation(language, viewerZone, start) })}
      </span>
    </p>
  );
}

/**
 * The agenda as a timeline, day by day in the host's calendar, each item in host time and viewer time,
 * with overlap warnings; coordinators add, edit and delete items (times entered in host time).
 */
export function AgendaTimeline({ visit, announce }: { visit: VisitDto; announce: Announce }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const viewerZone = useViewerTimeZone();
  const remove = useDeleteAgendaItem();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AgendaItemDto | null>(null);
  const focusAfter = useRef<string | null>(null);
  const coordinator = visit.viewer.coordinator && visit.status !== 'cancelled' && visit.status !== 'completed';
  const titles = new Map(visit.agenda.map((item) => [item.id, item.title]));
  const overlapping = new Set(visit.warnings.flatMap((warning) => warning.itemIds));

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  /** After a write: say so, and warn when the item now overlaps another. */
  function announceWrite(message: string, saved: VisitDto, itemId: string | undefined) {
    const overlaps = itemId && saved.warnings.some((warning) => warning.itemIds.includes(itemId));
    announce(overlaps ? `${message} ${t('visits.agenda.nowOverlaps')}` : message);
  }

  return (
    <section className="section agenda" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('visits.agenda.heading')}</h2>
      {visit.startDate ? (
        <p className="muted">
          {t('visits.agenda.zones', { city: visit.hostCity.name, hostZone: visit.timeZone, viewerZone })}
        </p>
      ) : (
        <p className="empty">{t('visits.agenda.noDates')}</p>
      )}
      {visit.warnings.length > 0 ? (
        <div className="notice agenda__warnings">
          <p>
            <strong>{t('visits.agenda.warningsHeading')}</strong>
          </p>
          <ul>
            {visit.warnings.map((warning) => (
              <li key={warning.itemIds.join('|')}>
                {t('visits.agenda.overlap', {
                  items: new Intl.ListFormat(language, { type: 'conjunction' }).format(
                    warning.itemIds.map((id) => `“${titles.get(id) ?? id}”`),
                  ),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {visit.startDate && visit.agenda.length === 0 ? <p className="empty">{t('visits.agenda.empty')}</p> : null}
      {byDay(visit.agenda).map(([day, items]) => (
        <section key={day} className="agenda__day" aria-labelledby={`${headingId}-${day}`}>
          <h3 id={`${headingId}-${day}`}>{formatLongDate(language, day)}</h3>
          <ol className="agenda__items">
            {items.map((item) =>
              editingId === item.id ? (
                <li key={item.id} className="agenda-item agenda-item--editing">
                  <AgendaItemForm
                    visit={visit}
                    item={item}
                    onSaved={(saved) => {
                      setEditingId(null);
                      focusAfter.current = `agenda-edit-${item.id}`;
                      announceWrite(t('visits.agenda.updated'), saved, item.id);
                    }}
                    onCancel={() => {
                      setEditingId(null);
                      focusAfter.current = `agenda-edit-${item.id}`;
                    }}
                  />
                </li>
              ) : (
                <li key={item.id} className="agenda-item">
                  <h4 className="agenda-item__title">
                    {item.title}
                    {overlapping.has(item.id) ? (
                      <span className="badge badge--warning">{t('visits.agenda.overlapBadge')}</span>
                    ) : null}
                  </h4>
                  <AgendaTimes visit={visit} item={item} />
                  {item.site || item.address || item.hostContact ? (
                    <dl className="facts facts--compact">
                      {item.site ? <Fact label={t('visits.agenda.site')}>{item.site}</Fact> : null}
                      {item.address ? (
                        <div className="facts__row">
                          <dt>{t('visits.agenda.address')}</dt>
                          <dd className="agenda-item__address">{item.address}</dd>
                        </div>
                      ) : null}
                      {item.hostContact ? <Fact label={t('visits.agenda.hostContact')}>{item.hostContact}</Fact> : null}
                    </dl>
                  ) : null}
                  {item.notesHtml ? (
                    <div className="post-markdown" dir="auto" dangerouslySetInnerHTML={{ __html: item.notesHtml }} />
                  ) : null}
                  {coordinator ? (
                    <div className="button-row">
                      <button
                        id={`agenda-edit-${item.id}`}
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('visits.agenda.editItem', { title: item.title })}
                        onClick={() => setEditingId(item.id)}
                      >
                        {t('visits.agenda.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        aria-label={t('visits.agenda.deleteItem', { title: item.title })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(item);
                        }}
                      >
                        {t('visits.agenda.delete')}
                      </button>
                    </div>
                  ) : null}
                </li>
              ),
            )}
          </ol>
        </section>
      ))}
      {coordinator && visit.startDate ? (
        adding ? (
          <AgendaItemForm
            visit={visit}
            onSaved={(saved) => {
              const before = new Set(visit.agenda.map((item) => item.id));
              const created = saved.agenda.find((item) => !before.has(item.id));
              setAdding(false);
              focusAfter.current = `${headingId}-add`;
              announceWrite(t('visits.agenda.added'), saved, created?.id);
            }}
            onCancel={() => {
              setAdding(false);
              focusAfter.current = `${headingId}-add`;
            }}
          />
        ) : (
          <button id={`${headingId}-add`} type="button" className="button" onClick={() => setAdding(true)}>
            {t('visits.agenda.add')}
          </button>
        )
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('visits.agenda.deleteTitle')}
          body={t('visits.agenda.deleteBody', { title: deleting.title })}
          confirmLabel={t('visits.agenda.delete')}
          danger
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(
              { visitId: visit.id, itemId: deleting.id },
              {
                onSuccess: () => {
                  setDeleting(null);
                  focusAfter.current = `${headingId}-add`;
                  announce(t('visits.agenda.deleted'));
                },
              },
            )
          }
        />
      ) : null}
    </section>
  );
}
