import { waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeDto } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('ProfileForm', () => {
  it('follows a language chosen in the header, so saving the form does not undo it', async () => {
    let me: MeDto = makeMe({ displayName: 'Ana Souza', preferredLanguage: 'en' });
    const { requests } = stubFetch(({ url, method, body }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/me' && method === 'PATCH') {
        me = { ...me, ...(body as Partial<MeDto>) };
        return jsonResponse(me);
      }
      if (url.pathname === '/api/me') return jsonResponse(me);
      if (url.pathname === '/api/me/join-requests') return jsonResponse([]);
      if (url.pathname === '/api/certificates') return jsonResponse([]);
      if (url.pathname === '/api/me/notification-settings') return jsonResponse([]);
      return jsonResponse({ items: [], nextCursor: null });
    });
    const user = userEvent.setup();
    const { container } = renderApp({ path: '/profile' });

    const languageField = await waitFor(() => {
      const field = container.querySelector<HTMLSelectElement>('select[name="preferredLanguage"]');
      expect(field).not.toBeNull();
      return field as HTMLSelectElement;
    });
    expect(languageField.value).toBe('en');

    await user.selectOptions(container.querySelector('#language-picker') as HTMLSelectElement, 'fr');
    await waitFor(() => expect(languageField.value).toBe('fr'));

    const name = container.querySelector<HTMLInputElement>('input[name="displayName"]') as HTMLInputElement;
    await user.clear(name);
    await user.type(name, 'Ana S.');
    await user.click(name.form?.querySelector('button[type="submit"]') as HTMLButtonElement);

    await waitFor(() => {
      const saves = requests.filter((r) => r.method === 'PATCH' && (r.body as { displayName?: string }).displayName);
      expect(saves).toHaveLength(1);
      expect(saves[0].body).toMatchObject({ displayName: 'Ana S.', preferredLanguage: 'fr' });
    });
    expect(document.documentElement.lang).toBe('fr');
  });
});
