import {
  type MatchSuggestionDto,
  type MatchSuggestionsDto,
  type MyCityMembership,
  type Region,
  type Theme,
} from '@twinning/contracts';
import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/fact';
import { SelectField } from '../../../components/form-field';
import { LoadError } from '../../../components/load-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useI18n } from '../../../lib/i18n';
import { useSuggestions } from '../api/get-suggestions';
import type { SuggestionFilters } from '../api/partnerships.keys';
import { reasonSentences } from '../partnership-text';
import { RegionSelect, ThemeSelect } from '../../../components/choice-select';
import '../partnerships.css';

export interface SuggestionParams extends SuggestionFilters {
  /** The viewer's city the suggestions are for. */
  cityId?: string;
}

export interface MatchSuggestionsProps {
  myCities: readonly MyCityMembership[];
  /** From the address; unknown or missing city falls back to the viewer's first city. */
  params: SuggestionParams;
  onParamsChange: (params: SuggestionParams) => void;
}

/** Ranked partner suggestions for one of the viewer's cities, with the score explained. */
export function MatchSuggestions({ myCities, params, onParamsChange }: MatchSuggestionsProps) {
  const t = useI18n().t;
  const city = myCities.find((entry) => entry.cityId === params.cityId) ?? myCities[0];

  if (!city) {
    return (
      <div className="empty">
        <p>{t('suggestions.noCity')}</p>
        <p>
          <Link to="/cities">{t('proposal.findYourCity')}</Link>
        </p>
      </div>
    );
  }

  const filters: SuggestionFilters = { region: params.region, theme: params.theme };
  return (
    <div className="stack">
      <SuggestionFilterForm myCities={myCities} cityId={city.cityId} filters={filters} onApply={onParamsChange} />
      <SuggestionResults cityId={city.cityId} cityName={city.cityName} filters={filters} />
    </div>
  );
}

function SuggestionFilterForm({
  myCities,
  cityId,
  filters,
  onApply,
}: {
  myCities: readonly MyCityMembership[];
  cityId: string;
  filters: SuggestionFilters;
  onApply: (params: SuggestionParams) => void;
}) {
  const t = useI18n().t;
  // The filters apply as they change: no Apply button.
  const apply = (change: { cityId?: string; region?: Region | ''; theme?: Theme | '' }) => {
    const region = 'region' in change ? change.region : filters.region;
    const theme = 'theme' in change ? change.theme : filters.theme;
    onApply({ cityId: change.cityId ?? cityId, region: region || undefined, theme: theme || undefined });
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
  }

  return (
    <form role="search" aria-label={t('suggestions.filtersLabel')} className="filters" onSubmit={handleSubmit}>
      {myCities.length > 1 ? (
        <SelectField
          name="city"
          label={t('suggestions.forCity')}
          value={cityId}
          onChange={(event) => apply({ cityId: event.target.value })}
        >
          {myCities.map((entry) => (
            <option key={entry.cityId} value={entry.cityId}>
              {entry.cityName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <RegionSelect
        name="region"
        label={t('cities.region')}
        anyLabel={t('cities.allRegions')}
        value={filters.region ?? ''}
        onChange={(region) => apply({ region })}
      />
      <ThemeSelect
        name="theme"
        label={t('cities.theme')}
        anyLabel={t('cities.allThemes')}
        value={filters.theme ?? ''}
        onChange={(theme) => apply({ theme })}
      />
      {filters.region || filters.theme ? (
        <div className="filters__actions">
          <button type="button" className="button button--secondary" onClick={() => onApply({ cityId })}>
            {t('cities.clearFilters')}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function SuggestionResults({
  cityId,
  cityName,
  filters,
}: {
  cityId: string;
  cityName: string;
  filters: SuggestionFilters;
}) {
  const t = useI18n().t;
  const suggestions = useSuggestions(cityId, filters);
  const items = suggestions.data?.items ?? [];

  let status = '';
  if (suggestions.isPending) status = t('suggestions.loading');
  else if (suggestions.isSuccess) status = t('suggestions.shown', { count: items.length, city: cityName });

  return (
    <div className="stack">
      <StatusMessage className="directory__status">{status}</StatusMessage>
      {suggestions.isPending ? (
        <Loading label={t('suggestions.loading')} />
      ) : suggestions.isError ? (
        <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('suggestions.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('suggestions.scoreExplained')}</p>
          <ol className="suggestion-list" aria-label={t('suggestions.listLabel', { city: cityName })}>
            {items.map((suggestion) => (
              <SuggestionCard key={suggestion.city.id} data={suggestions.data} suggestion={suggestion} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function SuggestionCard({ data, suggestion }: { data: MatchSuggestionsDto; suggestion: MatchSuggestionDto }) {
  const { t, format, language } = useI18n();
  const headingId = useId();
  const { weights } = data;
  const target = suggestion.city;
  const themesMax = weights.sharedTheme * weights.sharedThemesMax;
  const total = weights.complementaryProfile + themesMax + weights.differentRegion;
  const reasons = reasonSentences(t, language, data.city, suggestion);
  /** Completes the action links' names, so that each card's differ ("Propose a partnership with Penang"). */
  const withCity = t('suggestions.withCity', { city: target.name });
  const proposeHref = `/partnerships/new?${new URLSearchParams({ from: data.city.id, to: target.id }).toString()}`;

  return (
    <li className="suggestion-card">
      <div className="suggestion-card__head">
        <h2 id={headingId} className="suggestion-card__name">
          <Link to={`/cities/${target.slug}`}>{target.name}</Link>
        </h2>
        <p className="suggestion-card__score">{t('suggestions.score', { score: suggestion.score, max: total })}</p>
      </div>
      <div className="score-bar" aria-hidden="true">
        <span
          className="score-bar__fill"
          style={{ inlineSize: `${Math.min(100, (suggestion.score / total) * 100)}%` }}
        />
      </div>
      <p className="muted">
        {format.country(target.countryCode)} · {t(`regions.${target.region}`)} ·{' '}
        {t(`profiles.${target.immigrationProfile}`)}
      </p>
      <dl className="facts facts--compact suggestion-card__breakdown">
        <Fact label={t('suggestions.breakdownProfile')}>
          {t('suggestions.points', { points: suggestion.breakdown.profile, max: weights.complementaryProfile })}
        </Fact>
        <Fact label={t('suggestions.breakdownThemes')}>
          {t('suggestions.points', { points: suggestion.breakdown.themes, max: themesMax })}
        </Fact>
        <Fact label={t('suggestions.breakdownRegion')}>
          {t('suggestions.points', { points: suggestion.breakdown.region, max: weights.differentRegion })}
        </Fact>
      </dl>
      <h3 className="visually-hidden">{t('suggestions.reasonsHeading', { city: target.name })}</h3>
      <ul className="suggestion-card__reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {suggestion.pendingProposalId ? (
        <p className="suggestion-card__action">
          <span className="badge badge--awaiting">{t('suggestions.pending')}</span>{' '}
          <Link
            to={`/partnerships/${suggestion.pendingProposalId}`}
            aria-label={`${t('suggestions.viewProposal')} ${withCity}`}
          >
            {t('suggestions.viewProposal')}
          </Link>
        </p>
      ) : (
        <p className="suggestion-card__action">
          <Link to={proposeHref} className="button button--link" aria-label={`${t('suggestions.propose')} ${withCity}`}>
            {t('suggestions.propose')}
          </Link>
        </p>
      )}
    </li>
  );
}
