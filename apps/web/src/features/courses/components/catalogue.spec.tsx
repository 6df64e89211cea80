import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeCourseSummary } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';
import { descriptionExcerpt } from './catalogue-card';

const filters = () => within(screen.getByRole('form', { name: 'Filter courses' }));

function serveSignedOut(pages: Record<string, { items: unknown[]; nextCursor: string | null }> = {}) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
    if (url.pathname === '/api/courses') {
      if (url.searchParams.get('language') === 'ar') return jsonResponse({ items: [], nextCursor: null });
      const cursor = url.searchParams.get('cursor') ?? '';
      return jsonResponse(pages[cursor] ?? { items: [makeCourseSummary()], nextCursor: null });
    }
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Course catalogue', () => {
  it('lists published courses to a visitor with their facts, and keeps the filters in the address', async () => {
    const { requests } = serveSignedOut();
    const { router } = renderApp({ path: '/courses' });
    const user = userEvent.setup();

    const link = await screen.findByRole('link', { name: 'Mediation for city officials' }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', '/courses/course-1');
    const card = link.closest('article') as HTMLElement;
    expect(card).toHaveTextContent('LanguageEnglish');
    expect(card).toHaveTextContent('ThemesIntegration and Social services');
    expect(card).toHaveTextContent('Estimated time3.5 hours');
    expect(card).toHaveTextContent('3 lessons and 1 quiz');
    expect(card).toHaveTextContent('Practise mediation between services and newcomers, with role plays.');
    expect(screen.getByText('1 course shown.')).toBeInTheDocument();
    // public: the header offers the section to visitors too
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Courses' }),
    ).toHaveAttribute('href', '/courses');

    await user.selectOptions(filters().getByLabelText('Language'), 'Arabic');
    await waitFor(() => expect(router.state.location.search).toBe('?language=ar'));
    expect(await screen.findByText('No published course matches these filters.')).toBeInTheDocument();
    await user.selectOptions(filters().getByLabelText('Theme'), 'Health');
    await waitFor(() => expect(router.state.location.search).toBe('?language=ar&theme=health'));
    const last = requests.filter((r) => r.url.pathname === '/api/courses').at(-1);
    expect([last?.url.searchParams.get('language'), last?.url.searchParams.get('theme')]).toEqual(['ar', 'health']);

    await user.selectOptions(filters().getByLabelText('Language'), 'All languages');
    await user.selectOptions(filters().getByLabelText('Theme'), 'All themes');
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('reads the filters from the address, ignores unknown values, and pages with the cursor', async () => {
    const { requests } = serveSignedOut({
      '': { items: [makeCourseSummary()], nextCursor: 'page-2' },
      'page-2': { items: [makeCourseSummary({ id: 'course-2', title: 'Negotiation basics' })], nextCursor: null },
    });
    renderApp({ path: '/courses?language=fr&theme=nonsense' });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Mediation for city officials' }, { timeout: 5000 });
    expect(filters().getByLabelText('Language')).toHaveValue('fr');
    expect(filters().getByLabelText('Theme')).toHaveValue('');
    const first = requests.find((r) => r.url.pathname === '/api/courses');
    expect([first?.url.searchParams.get('language'), first?.url.searchParams.has('theme')]).toEqual(['fr', false]);

    await user.click(screen.getByRole('button', { name: 'Show more courses' }));
    expect(await screen.findByRole('link', { name: 'Negotiation basics' })).toBeInTheDocument();
    expect(requests.some((r) => r.url.searchParams.get('cursor') === 'page-2')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Show more courses' })).not.toBeInTheDocument();
  });

  it('says so when nothing is published yet', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
      if (url.pathname === '/api/courses') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/courses' });
    expect(await screen.findByText('No course is published yet.', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('cuts the description at a word, without Markdown marks', () => {
    expect(descriptionExcerpt('**Bold** and [a link](https://x.org) here', 100)).toBe('Bold and a link here');
    expect(descriptionExcerpt('one two three four five six', 14)).toBe('one two three…');
  });
});
