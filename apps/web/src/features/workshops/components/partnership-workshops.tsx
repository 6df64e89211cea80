import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { useT } from '../../../lib/i18n';
import { useWorkshops } from '../api/get-workshops';
import { WorkshopCard } from './workshop-card';
import '../workshops.css';

/** How many upcoming workshops the partnership's page lists. */
const SHOWN = 3;

/** On a partnership's page: its upcoming workshops (those reserved to it), and a link to all workshops. */
export function PartnershipWorkshops({ partnershipId, canCreate }: { partnershipId: string; canCreate: boolean }) {
  const t = useT();
  const workshops = useWorkshops({ when: 'upcoming', partnershipId });
  const items = workshops.data?.pages.flatMap((page) => page.items).slice(0, SHOWN) ?? [];
  return (
    <section className="section" aria-labelledby="partnership-workshops">
      <h2 id="partnership-workshops">{t('workshops.partnership.heading')}</h2>
      {workshops.isPending ? (
        <Loading label={t('workshops.loading')} />
      ) : items.length === 0 ? (
        <p className="muted">{t('workshops.partnership.none')}</p>
      ) : (
        <ul className="workshop-list">
          {items.map((workshop) => (
            <WorkshopCard key={workshop.id} workshop={workshop} />
          ))}
        </ul>
      )}
      <div className="button-row section">
        <Link to="/workshops">{t('workshops.partnership.all')}</Link>
        {canCreate ? (
          <Link to="/workshops/new" className="button button--link button--secondary">
            {t('workshops.new')}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
