import { screen, within } from '@testing-library/react';
import { NOTIFICATION_MAIL_TEXT } from '@twinning/contracts';
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

  it('a digest’s link lists the kinds it turns off, changes nothing until asked, then confirms', async () => {
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/unsubscribe' && url.searchParams.get('token') === 'digest.sig') {
        return method === 'POST'
          ? jsonResponse({ digest: 'daily', kinds: ['forum.reply', 'visit.opened'], delivery: 'off' })
          : jsonResponse({ digest: 'daily', kinds: ['forum.reply', 'visit.opened'] });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/unsubscribe?token=digest.sig' });
    const user = userEvent.setup();

    expect(
      await screen.findByText(/^This link turns off the daily digest for the account it was sent to\./),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: /^This link turns off the daily digest/ });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      NOTIFICATION_MAIL_TEXT.en.kinds['forum.reply'].label,
      NOTIFICATION_MAIL_TEXT.en.kinds['visit.opened'].label,
    ]);
    expect(requests.filter((r) => r.url.pathname === '/api/unsubscribe').map((r) => r.method)).toEqual(['GET']);

    await user.click(screen.getByRole('button', { name: 'Turn off these mails' }));
    expect(await screen.findByText('Done: you will no longer get the daily digest.')).toBeInTheDocument();
    expect(requests.filter((r) => r.url.pathname === '/api/unsubscribe').map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(screen.queryByRole('button', { name: 'Turn off these mails' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose your email notifications in your profile' })).toHaveAttribute(
      'href',
      '/profile#email-notifications',
    );
  });

  it.each([
    ['fr', 'Ce lien désactive les résumés quotidien et hebdomadaire pour le compte auquel il a été envoyé.'],
    ['es', 'Este enlace desactiva los resúmenes diario y semanal para la cuenta a la que se envió.'],
    ['ar', 'يوقف هذا الرابط الملخصين اليومي والأسبوعي للحساب الذي أُرسل إليه.'],
  ] as const)('words the combined digest’s link in %s', async (lang, opening) => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/unsubscribe') return jsonResponse({ digest: 'combined', kinds: ['forum.reply'] });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/unsubscribe?token=digest.sig', initialLanguage: lang });
    expect(await screen.findByText((text) => text.startsWith(opening))).toBeInTheDocument();
    const list = screen.getByRole('list', { name: (name) => name.startsWith(opening) });
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      NOTIFICATION_MAIL_TEXT[lang].kinds['forum.reply'].label,
    );
  });

  it('says when a digest carries nothing any more', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/unsubscribe') return jsonResponse({ digest: 'weekly', kinds: [] });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/unsubscribe?token=digest.sig' });
    expect(
      await screen.findByText(
        'No notification reaches you in the weekly digest any more: there is nothing to turn off.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Turn off these mails' })).not.toBeInTheDocument();
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
