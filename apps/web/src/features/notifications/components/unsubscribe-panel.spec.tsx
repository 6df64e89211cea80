import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('Unsubscribe page', () => {
  it('says what the link turns off, changes nothing until asked, then confirms with a link to the settings', async () => {
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/unsubscribe' && url.searchParams.get('token') === 'tok.sig') {
        return method === 'POST'
          ? jsonResponse({ kind: 'forum.mention', delivery: 'off' })
          : jsonResponse({ kind: 'forum.mention', delivery: 'immediately' });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/unsubscribe?token=tok.sig' });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Turn off notification mail' })).toBeInTheDocument();
    expect(
      await screen.findByText(
        'This link turns off mail about “Mentions” for the account it was sent to. Right now these mails reach you: Immediately.',
      ),
    ).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname === '/api/unsubscribe').map((r) => r.method)).toEqual(['GET']);

    await user.click(screen.getByRole('button', { name: 'Turn off these mails' }));
    expect(await screen.findByText('Done: you will no longer get mail about “Mentions”.')).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname === '/api/unsubscribe').map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(screen.queryByRole('button', { name: 'Turn off these mails' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose your email notifications in your profile' })).toHaveAttribute(
      'href',
      '/profile#email-notifications',
    );
  });

  it('explains a link that is not valid', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/unsubscribe') return apiError(400, 'VALIDATION_FAILED');
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/unsubscribe?token=forged', initialLanguage: 'fr' });
    expect(
      await screen.findByText(
        'Ce lien de désinscription n’est pas valide. Connectez-vous et choisissez vos notifications par courriel dans votre profil.',
      ),
    ).toBeInTheDocument();
  });
});
