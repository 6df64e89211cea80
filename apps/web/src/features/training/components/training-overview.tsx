import type { TrainingRequestDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { PersonChip } from '../../../components/person/person-chip';
import { useI18n } from '../../../lib/i18n';
import { chipPerson, requesterHref, requesterName } from '../training-text';
import { PreferredPeriod } from './training-request-card';

/** What is asked: requester, topic, audience and named officials, languages, format, period, notes. */
export function TrainingOverview({ request }: { request: TrainingRequestDto }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const none = t('common.none');
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('training.sections.overview')}</h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t(`training.facts.requester.${request.requester.kind}`)}</dt>
          <dd>
            <Link to={requesterHref(request.requester)} dir="auto">
              {requesterName(request.requester)}
            </Link>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.skills')}</dt>
          <dd>{format.list(request.skills.map((skill) => t(`training.skill.${skill}`)))}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.themes')}</dt>
          <dd>{request.themes.length > 0 ? format.list(request.themes.map((theme) => t(`themes.${theme}`))) : none}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.audience')}</dt>
          <dd>
            {t('training.headCount', { count: request.headCount })}
            {request.audienceRoles.length > 0 ? (
              <>
                {' · '}
                <bdi>{format.list(request.audienceRoles)}</bdi>
              </>
            ) : null}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.officials')}</dt>
          <dd>
            {request.officials.length === 0 ? (
              none
            ) : (
              <ul className="training-people">
                {request.officials.map((person) => (
                  <li key={person.id}>
                    <PersonChip person={chipPerson(person)} size={28} showMeta={false} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.languages')}</dt>
          <dd>{format.list(request.languages.map((code) => format.languageName(code)))}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.format')}</dt>
          <dd>{t(`training.format.${request.format}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.period')}</dt>
          <dd>
            <PreferredPeriod request={request} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.notes')}</dt>
          <dd dir="auto" className="training-notes">
            {request.notes || none}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('training.facts.postedBy')}</dt>
          <dd>
            {request.createdBy ? (
              <PersonChip person={chipPerson(request.createdBy)} size={28} showMeta={false} />
            ) : (
              t('training.formerUser')
            )}{' '}
            <span className="muted">{format.dateTime(request.createdAt)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
