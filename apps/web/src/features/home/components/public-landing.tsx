import { Link } from 'react-router';
import { useFormat, useT } from '../../../lib/i18n';
import { usePublicOverview } from '../api/get-public-overview';
import { HomeItem } from './home-item';
import '../home.css';

const enc = encodeURIComponent;

/** The cities taking part, by region (names link to their page); nothing while loading or on error. */
function CitiesTakingPart() {
  const t = useT();
  const format = useFormat();
  const overview = usePublicOverview();
  if (!overview.data) {
    return overview.isPending ? <p role="status">{t('common.loading')}</p> : null;
  }
  const { cityCount, regions, upcomingWorkshops } = overview.data;
  return (
    <>
      <section className="section landing__cities" aria-labelledby="landing-cities">
        <h2 id="landing-cities">{t('landing.citiesHeading')}</h2>
        {cityCount === 0 ? (
          <p className="empty">{t('landing.noCities')}</p>
        ) : (
          <>
            <p>{t('landing.cityCount', { count: cityCount, regions: regions.length })}</p>
            <div className="landing__regions">
              {regions.map((region) => (
                <section key={region.region} className="landing__region" aria-labelledby={`landing-${region.region}`}>
                  <h3 id={`landing-${region.region}`}>
                    {t(`regions.${region.region}`)} <span className="muted">({format.number(region.cityCount)})</span>
                  </h3>
                  <ul className="landing__city-list">
                    {region.cities.map((city) => (
                      <li key={city.slug}>
                        <Link to={`/cities/${enc(city.slug)}`} dir="auto">
                          {city.name}
                        </Link>
                      </li>
                    ))}
                    {region.cityCount > region.cities.length ? (
                      <li>
                        <Link to={`/cities?region=${region.region}`}>
                          {t('landing.moreCities', { count: region.cityCount - region.cities.length })}
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </section>
              ))}
            </div>
          </>
        )}
      </section>
      {upcomingWorkshops.length > 0 ? (
        <section className="section" aria-labelledby="landing-workshops">
          <h2 id="landing-workshops">{t('landing.workshopsHeading')}</h2>
          <ul className="home-block__list">
            {upcomingWorkshops.map((workshop) => (
              <HomeItem
                key={workshop.id}
                to={`/workshops/${enc(workshop.id)}`}
                title={workshop.title}
                titleDir="auto"
                meta={<time dateTime={workshop.startsAt}>{format.dateTime(workshop.startsAt)}</time>}
              />
            ))}
          </ul>
          <p className="muted">{t('landing.workshopsSignIn')}</p>
        </section>
      ) : null}
    </>
  );
}

/**
 * The page anonymous visitors land on: what Twinning is, the cities taking part (from the public
 * overview), the next public workshops, and the way in (sign in or register).
 */
export function PublicLanding() {
  const t = useT();
  return (
    <>
      <div className="home__intro">
        <p>{t('home.intro1')}</p>
        <p>{t('home.intro2')}</p>
      </div>
      <p className="cta">
        <Link to="/login" className="button button--link">
          {t('nav.logIn')}
        </Link>
        <Link to="/register" className="button button--link button--secondary">
          {t('home.register')}
        </Link>
        <Link to="/cities" className="landing__browse">
          {t('home.browseCities')}
        </Link>
      </p>
      <CitiesTakingPart />
      <section className="section" aria-labelledby="how-it-works">
        <h2 id="how-it-works">{t('home.howHeading')}</h2>
        <ol className="steps">
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </section>
    </>
  );
}
