import type { CityDto } from '@twinning/contracts';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { ThemeTags } from './theme-tags';

/** The facts and description of a city, as sections under the page heading. */
export function CityProfile({ city }: { city: CityDto }) {
  const { t, format } = useI18n();
  const factsId = useId();
  const aboutId = useId();
  const paragraphs = city.description
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

  return (
    <>
      <section aria-labelledby={factsId} className="section">
        <h2 id={factsId}>{t('city.facts')}</h2>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('city.country')}</dt>
            <dd>{format.country(city.countryCode)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('cities.region')}</dt>
            <dd>{t(`regions.${city.region}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('cities.profile')}</dt>
            <dd>{t(`profiles.${city.immigrationProfile}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('cities.population')}</dt>
            <dd>{format.number(city.population)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('city.languages')}</dt>
            <dd>
              {city.languages.length > 0
                ? format.list(city.languages.map((code) => format.languageName(code)))
                : t('common.none')}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('city.timeZone')}</dt>
            <dd>{city.timeZone.replaceAll('_', ' ')}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('cities.themes')}</dt>
            <dd>{city.themes.length > 0 ? <ThemeTags themes={city.themes} /> : t('common.none')}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby={aboutId} className="section">
        <h2 id={aboutId}>{t('city.about', { name: city.name })}</h2>
        {paragraphs.length > 0 ? (
          // The description is written by the city in any language: let the browser pick its direction.
          paragraphs.map((paragraph, index) => (
            <p key={index} dir="auto">
              {paragraph}
            </p>
          ))
        ) : (
          <p>{t('city.noDescription')}</p>
        )}
      </section>
    </>
  );
}
