import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../features/account';
import { MatchSuggestions, parseSuggestionParams, suggestionParamsToSearch } from '../../features/partnerships';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

/** `/partnerships/suggestions?city=&region=&theme=`: partner suggestions for one of the viewer's cities. */
export function PartnershipSuggestionsPage() {
  const t = useT();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => parseSuggestionParams(new URLSearchParams(search)), [search]);

  return (
    <Page title={t('suggestions.title')} lead={t('suggestions.lead')}>
      <MatchSuggestions
        myCities={user?.cities ?? []}
        params={params}
        onParamsChange={(next) => setSearchParams(suggestionParamsToSearch(next))}
      />
    </Page>
  );
}
