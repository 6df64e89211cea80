import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { UiLanguage } from '@twinning/contracts';
import type { ReactNode } from 'react';
import { I18nProvider } from '../lib/i18n';
import { RealtimeSession } from './realtime-session';
import { SessionPreferences } from './session-preferences';

export interface AppProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  initialLanguage?: UiLanguage;
}

export function AppProviders({ queryClient, children, initialLanguage }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLanguage={initialLanguage}>
        <SessionPreferences />
        <RealtimeSession />
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
