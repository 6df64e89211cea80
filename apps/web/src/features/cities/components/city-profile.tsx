import type { CityDto } from '@twinning/contracts';
import { useId } from 'react';
import { Fact } from '../../../components/fact';
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
          <Fact label={t('city.country')}>{format.country(city.countryCode)}</Fact>
          <Fact label={t('cities.region')}>{t(`regions.${city.region}`)}</Fact>
          <Fact label={t('cities.profile')}>{t(`profiles.${city.immigrationProfile}`)}</Fact>
          <Fact label={t('cities.population')}>{format.number(city.population)}</Fact>
          <Fact label={t('city.languages')}>
            {city.languages.length > 0
              ? format.list(city.languages.map((code) => format.languageName(code)))
              : t('common.none')}
          </Fact>
          <Fact label={t('city.timeZone')}>{city.timeZone.replaceAll('_', ' ')}</Fact>
          <Fact label={t('cities.themes')}>
            {city.themes.length > 0 ? <ThemeTags themes={city.themes} /> : t('common.none')}
          </Fact>
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
