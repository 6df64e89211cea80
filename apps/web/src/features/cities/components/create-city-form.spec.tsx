import type { CreateCityRequest } from '@twinning/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeCityDetail, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

describe('Admin: create a city', () => {
  it('sends every field, with themes chosen in a labelled fieldset', async () => {
    const admin = makeMe({ roles: ['admin'], displayName: 'Amira Haddad' });
    const { requests } = stubFetch(({ url, method, body }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(admin));
      if (url.pathname === '/api/admin/users') return jsonResponse({ items: [], nextCursor: null });
      if (url.pathname === '/api/cities' && method === 'POST') {
        const created = body as CreateCityRequest;
        return jsonResponse({ ...makeCityDetail(), ...created, id: 'city-dn', slug: 'da-nang' }, 201);
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/admin' });
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 2, name: 'Add a city' });
    await user.type(screen.getByLabelText('City name'), 'Da Nang');
    await user.type(screen.getByLabelText('Country code'), 'vn');
    expect(screen.getByLabelText('Country code')).toHaveAccessibleDescription(/Vietnam/);
    await user.selectOptions(screen.getByLabelText('Region'), 'south_east_asia');
    await user.selectOptions(screen.getByLabelText('Immigration profile'), 'emerging');
    await user.type(screen.getByLabelText('Population'), '1220190');
    await user.type(screen.getByLabelText('Languages'), 'vi, EN');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Asia/Ho_Chi_Minh');
    const themes = screen.getByRole('group', { name: 'Themes' });
    await user.click(within(themes).getByLabelText('Transportation'));
    await user.click(within(themes).getByLabelText('Employment'));
    await user.type(screen.getByLabelText('Description'), 'A coastal city.');
    await user.click(screen.getByRole('button', { name: 'Create city' }));

    expect(await screen.findByText('Da Nang was added to the directory.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View Da Nang' })).toHaveAttribute('href', '/cities/da-nang');
    const post = requests.find((r) => r.url.pathname === '/api/cities' && r.method === 'POST');
    expect(post?.body).toEqual({
      name: 'Da Nang',
      countryCode: 'VN',
      region: 'south_east_asia',
      immigrationProfile: 'emerging',
      population: 1220190,
      languages: ['vi', 'en'],
      timeZone: 'Asia/Ho_Chi_Minh',
      // In the order of THEMES, whatever the order of clicks.
      themes: ['employment', 'transportation'],
      description: 'A coastal city.',
    });
    // The form is emptied for the next city.
    expect(screen.getByLabelText('City name')).toHaveValue('');
  });

  it('validates before sending and shows API field errors next to the fields', async () => {
    const admin = makeMe({ roles: ['admin'] });
    const { requests } = stubFetch(({ url, method }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(admin));
      if (url.pathname === '/api/admin/users') return jsonResponse({ items: [], nextCursor: null });
      if (url.pathname === '/api/cities' && method === 'POST') {
        return apiError(400, 'VALIDATION_FAILED', 'Invalid', {
          fields: { 'languages.0': ['languages must be language tags such as en, fr or zh-Hant'] },
        });
      }
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/admin' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create city' }));

    expect(screen.getByLabelText('City name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('City name')).toHaveFocus();
    expect(screen.getByLabelText('Country code')).toHaveAccessibleDescription(/Enter a two-letter country code/);
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname === '/api/cities')).toBe(false);

    await user.type(screen.getByLabelText('City name'), 'Hue');
    await user.type(screen.getByLabelText('Country code'), 'VN');
    await user.selectOptions(screen.getByLabelText('Region'), 'south_east_asia');
    await user.selectOptions(screen.getByLabelText('Immigration profile'), 'emerging');
    await user.type(screen.getByLabelText('Population'), '650000');
    await user.type(screen.getByLabelText('Languages'), 'vi');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Asia/Ho_Chi_Minh');
    await user.click(screen.getByRole('button', { name: 'Create city' }));

    const languages = screen.getByLabelText('Languages');
    expect(await screen.findByText('languages must be language tags such as en, fr or zh-Hant')).toBeInTheDocument();
    expect(languages).toHaveAttribute('aria-invalid', 'true');
    expect(languages).toHaveFocus();
  });
});
