import { render, screen } from '@testing-library/react';
import type { MeDto } from '@twinning/contracts';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../lib/i18n';
import { makeMe } from '../../../test/fixtures';
import { TrainingSectionLinks } from './training-section-links';

function links(user: MeDto) {
  render(
    <I18nProvider initialLanguage="en">
      <MemoryRouter>
        <TrainingSectionLinks user={user} />
      </MemoryRouter>
    </I18nProvider>,
  );
  return screen.queryAllByRole('link').map((link) => link.getAttribute('href'));
}

describe('Training section links', () => {
  it('leads each role to its pages, and members to none', () => {
    expect(links(makeMe({ roles: ['facilitator', 'reviewer'] }))).toEqual([
      '/training/dashboard',
      '/courses/authored',
      '/courses/reviews',
    ]);
  });
  it('shows reviewers only the review queue', () => {
    expect(links(makeMe({ roles: ['reviewer'] }))).toEqual(['/courses/reviews']);
  });
  it('shows coordinators their dashboard', () => {
    const coordinator = makeMe({
      cities: [{ cityId: 'c', citySlug: 'toronto', cityName: 'Toronto', role: 'coordinator' }],
    });
    expect(links(coordinator)).toEqual(['/training/dashboard']);
  });
  it('shows nothing to members', () => {
    expect(links(makeMe())).toEqual([]);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
