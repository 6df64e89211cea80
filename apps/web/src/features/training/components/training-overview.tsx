import type { TrainingRequestDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
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
        <Fact label={t(`training.facts.requester.${request.requester.kind}`)}>
          <Link to={requesterHref(request.requester)} dir="auto">
            {requesterName(request.requester)}
          </Link>
        </Fact>
        <Fact label={t('training.facts.skills')}>
          {format.list(request.skills.map((skill) => t(`training.skill.${skill}`)))}
        </Fact>
        <Fact label={t('training.facts.themes')}>
          {request.themes.length > 0 ? format.list(request.themes.map((theme) => t(`themes.${theme}`))) : none}
        </Fact>
        <Fact label={t('training.facts.audience')}>
          {t('training.headCount', { count: request.headCount })}
          {request.audienceRoles.length > 0 ? (
            <>
              {' · '}
              <bdi>{format.list(request.audienceRoles)}</bdi>
            </>
          ) : null}
        </Fact>
        <Fact label={t('training.facts.officials')}>
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
        </Fact>
        <Fact label={t('training.facts.languages')}>
          {format.list(request.languages.map((code) => format.languageName(code)))}
        </Fact>
        <Fact label={t('training.facts.format')}>{t(`training.format.${request.format}`)}</Fact>
        <Fact label={t('training.facts.period')}>
          <PreferredPeriod request={request} />
        </Fact>
        <div className="facts__row">
          <dt>{t('training.facts.notes')}</dt>
          <dd dir="auto" className="training-notes">
            {request.notes || none}
          </dd>
        </div>
        <Fact label={t('training.facts.postedBy')}>
          {request.createdBy ? (
            <PersonChip person={chipPerson(request.createdBy)} size={28} showMeta={false} />
          ) : (
            t('training.formerUser')
          )}{' '}
          <span className="muted">{format.dateTime(request.createdAt)}</span>
        </Fact>
      </dl>
    </section>
  );
}
