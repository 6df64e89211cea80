// The base sheet first: every other sheet (the header's bell, then each route's feature sheets) comes after it.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { meQueryOptions } from './features/account';
import { detectInitialLanguage, loadDictionary } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

const queryClient = createQueryClient();
// Restore the session from the refresh cookie before anything else asks the API: calls made meanwhile
// wait for it (see lib/api-client), so the first answers are already those of the signed-in user.
void queryClient.prefetchQuery(meQueryOptions());

const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

// Only the visitor's language is downloaded (its own chunks, fetched beside the session request); the
// first render waits for it so that no untranslated key flashes. The home, sign-in and the other
// account pages need only its main part (the rest follows at once); deeper pages wait for all of it.
// Offline, the provider copes.
const LIGHT_PAGES = new Set(['/', '/login', '/register', '/forgot-password', '/reset-password', '/verify-email']);
const initialLanguage = detectInitialLanguage();
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} initialLanguage={initialLanguage}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
loadDictionary(initialLanguage, LIGHT_PAGES.has(window.location.pathname) ? 'main' : 'all').then(render, render);
