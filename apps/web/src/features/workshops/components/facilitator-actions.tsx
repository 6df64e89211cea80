import type { WorkshopDto } from '@twinning/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useEndWorkshop } from '../api/end-workshop';
import { useOpenWorkshop } from '../api/open-workshop';
import { ConfirmDialog } from './confirm-dialog';
import { roomPath, workshopPath } from './workshop-card';

export interface FacilitatorActionsProps {
  workshop: WorkshopDto;
  /** Where focus goes when the button that opened a dialog is gone (the page's status message). */
  fallbackFocus: () => HTMLElement | null;
}

/** Opening the room, going into it, ending the workshop (each confirmed first) and editing it. */
export function FacilitatorActions({ workshop, fallbackFocus }: FacilitatorActionsProps) {
  const { t, format } = useI18n();
  const open = useOpenWorkshop();
  const end = useEndWorkshop();
  const [dialog, setDialog] = useState<'open' | 'end' | null>(null);
  const editLink = (
    <Link to={`${workshopPath(workshop.id)}/edit`} className="button button--link button--secondary">
      {t('workshops.edit')}
    </Link>
  );

  if (workshop.status === 'ended') {
    return (
      <p>
        {workshop.endedAt
          ? t('workshops.endedAt', { time: format.dateTime(workshop.endedAt) })
          : t('workshops.endedNotice')}
      </p>
    );
  }

  return (
    <>
      {workshop.status === 'scheduled' ? (
        <>
          <p>{t('workshops.facilitatorScheduled')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                open.reset();
                setDialog('open');
              }}
            >
              {t('workshops.openRoom')}
            </button>
            {editLink}
          </div>
        </>
      ) : (
        <>
          <p>{t('workshops.facilitatorLive')}</p>
          <div className="button-row">
            <Link to={roomPath(workshop.id)} className="button button--link workshop-join">
              {t('workshops.goToRoom')}
            </Link>
            {editLink}
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                end.reset();
                setDialog('end');
              }}
            >
              {t('workshops.endWorkshop')}
            </button>
          </div>
        </>
      )}
      {dialog === 'open' ? (
        <ConfirmDialog
          title={t('workshops.openConfirmTitle')}
          body={t('workshops.openConfirmBody')}
          confirmLabel={t('workshops.openRoom')}
          pendingLabel={t('workshops.opening')}
          pending={open.isPending}
          error={open.error}
          fallbackFocus={fallbackFocus}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            open.mutate(workshop.id, {
              // The page announces the new state itself (for every viewer, not only this one).
              onSuccess: () => setDialog(null),
            })
          }
        />
      ) : null}
      {dialog === 'end' ? (
        <ConfirmDialog
          title={t('workshops.endConfirmTitle')}
          body={t('workshops.endConfirmBody')}
          confirmLabel={t('workshops.endWorkshop')}
          pendingLabel={t('workshops.ending')}
          danger
          pending={end.isPending}
          error={end.error}
          fallbackFocus={fallbackFocus}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            end.mutate(workshop.id, {
              onSuccess: () => setDialog(null),
            })
          }
        />
      ) : null}
    </>
  );
}
