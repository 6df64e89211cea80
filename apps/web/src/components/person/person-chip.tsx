import type { PersonSummary } from '@twinning/contracts';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../lib/i18n';
import { Avatar } from './avatar';
import { PersonCard } from './person-card';
import { personMeta } from './person-label';
import './person.css';

/** A person as the list knows them: cities and role when the payload carries them. */
export type ChipPerson = Pick<PersonSummary, 'id' | 'displayName' | 'handle'> &
  Partial<Pick<PersonSummary, 'cities' | 'role'>>;

export interface PersonChipProps {
  person: ChipPerson;
  /** Avatar size in pixels. */
  size?: number;
  /** Show "City · Role" under the name (default), or beside it in dense rows. */
  layout?: 'stacked' | 'inline';
  /** Without the "City · Role" line, where the row shows them in its own columns. */
  showMeta?: boolean;
  /** Id for the name alone (for `aria-labelledby` of the row it heads). */
  nameId?: string;
  /** Rendered after the name inside the name line (e.g. the @handle). */
  children?: ReactNode;
}

/**
 * A person as lists show them: avatar, name and "City · Role". The avatar and name are one button
 * (click, Enter or Space) that opens their card.
 */
export function PersonChip({
  person,
  size = 32,
  layout = 'stacked',
  showMeta = true,
  nameId,
  children,
}: PersonChipProps) {
  const style = { '--avatar-size': `${size}px` } as CSSProperties;
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const meta = personMeta(t, { cities: person.cities ?? [], role: person.role ?? null });
  return (
    <span className={`person-chip person-chip--${layout}`} style={style}>
      <button
        type="button"
        className="person-chip__button"
        aria-haspopup="dialog"
        title={t('person.open', { name: person.displayName })}
        onClick={() => setOpen(true)}
      >
        <Avatar userId={person.id} name={person.displayName} size={size} />
        <span id={nameId} className="person-chip__name" dir="auto">
          {person.displayName}
        </span>
      </button>
      {children}
      {meta && showMeta ? (
        <span className="person-chip__meta" dir="auto">
          {meta}
        </span>
      ) : null}
      {/* In a portal: the chip sits in headings and table cells, whose styles and names the card must not take. */}
      {open
        ? createPortal(
            <PersonCard
              person={{ ...person, cities: person.cities ?? [], role: person.role ?? null }}
              onClose={() => setOpen(false)}
            />,
            document.body,
          )
        : null}
    </span>
  );
}
