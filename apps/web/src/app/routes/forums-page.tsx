import { useNavigate } from 'react-router';
import { ForumDirectory, SearchForm } from '../../features/forums';
import { useT } from '../../lib/i18n';
import { Page } from '../layout/page';

export function ForumsPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('forums.title')} lead={t('forums.lead')}>
      <SearchForm
        compact
        filters={{ q: '' }}
        onSearch={(filters) => {
          if (filters.q) navigate(`/search?${new URLSearchParams({ q: filters.q }).toString()}`);
        }}
      />
      <ForumDirectory />
    </Page>
  );
}
