import type { AttendeeCertificateDto, CertificateDto, WorkshopAttendanceReportDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../../../test/dialog-polyfill';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';
import { makeWorkshop } from '../../../test/workshop-fixtures';

const facilitator = makeMe({ id: 'user-li', displayName: 'Li Wei', roles: ['facilitator'] });

function attendee(id: string, name: string, overrides: Partial<AttendeeCertificateDto> = {}): AttendeeCertificateDto {
  return {
    user: { id, displayName: name },
    measuredMinutes: 86,
    measuredPercent: 100,
    minutes: 86,
    percent: 100,
    eligible: true,
    override: null,
    certificate: null,
    ...overrides,
  };
}

function report(participants: AttendeeCertificateDto[]): WorkshopAttendanceReportDto {
  return {
    workshopId: 'workshop-1',
    status: 'ended',
    openedAt: '2026-03-10T13:02:00.000Z',
    endedAt: '2026-03-10T14:28:00.000Z',
    liveMinutes: 86,
    thresholdPercent: 75,
    participants,
  };
}

function certificate(userId: string): CertificateDto {
  return {
    id: `cert-${userId}`,
    sourceId: 'workshop-1',
    learnerName: userId,
    title: 'Mediation skills for city officials',
    sourceKind: 'workshop',
    hours: 1.5,
    issuedAt: '2026-03-11T09:00:00.000Z',
    issuerName: 'Twinning',
    verificationCode: 'abcdefghijklmnopqrst',
    verificationUrl: 'http://localhost/verify/abcdefghijklmnopqrst',
    revoked: null,
  };
}

beforeAll(() => installDialogPolyfill());

describe('Workshop page: attendance and certificates', () => {
  it('lists attendance, corrects an absent participant by keyboard, then issues to every eligible one', async () => {
    let state = report([
      attendee('user-ana', 'Ana Costa'),
      attendee('user-minh', 'Minh Tran', {
        measuredMinutes: 35,
        measuredPercent: 40.6,
        minutes: 35,
        percent: 40.6,
        eligible: false,
      }),
    ]);
    const { requests } = stubFetch(({ url, method, body }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(facilitator));
      if (url.pathname === '/api/workshops/workshop-1' && method === 'GET') {
        return jsonResponse(
          makeWorkshop({
            status: 'ended',
            openedAt: state.openedAt,
            endedAt: state.endedAt,
            viewer: { registered: false, facilitator: true, removed: false },
          }),
        );
      }
      if (url.pathname === '/api/workshops/workshop-1/attendance') return jsonResponse(state);
      if (url.pathname === '/api/workshops/workshop-1/attendance/user-minh' && method === 'PUT') {
        const { present, minutes } = body as { present: boolean; minutes: number | null };
        const minh = attendee('user-minh', 'Minh Tran', {
          measuredMinutes: 35,
          measuredPercent: 40.6,
          minutes: minutes ?? 35,
          percent: 40.6,
          eligible: present,
          override: { present, minutes, by: { id: 'user-li', displayName: 'Li Wei' }, at: '2026-03-11T08:00:00.000Z' },
        });
        state = { ...state, participants: [state.participants[0], minh] };
        return jsonResponse(minh);
      }
      if (url.pathname === '/api/workshops/workshop-1/certificates/eligible' && method === 'POST') {
        const issued = state.participants.filter((p) => p.eligible && !p.certificate);
        state = {
          ...state,
          participants: state.participants.map((p) =>
            p.eligible
              ? {
                  ...p,
                  certificate: {
                    id: `cert-${p.user.id}`,
                    verificationCode: 'x',
                    issuedAt: '2026-03-11T09:00:00.000Z',
                    revoked: false,
                  },
                }
              : p,
          ),
        };
        return jsonResponse(
          issued.map((p) => certificate(p.user.id)),
          201,
        );
      }
      if (url.pathname === '/api/workshops/workshop-1/audit') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/workshops/workshop-1' });
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Attendance and certificates' });
    const table = await within(section).findByRole('table', { name: 'Registered participants' });
    const minhRow = within(table).getByText('Minh Tran').closest('tr') as HTMLElement;
    expect(within(minhRow).getByText('35 min (40.6 %)')).toBeInTheDocument();
    expect(within(minhRow).getByText('Not eligible')).toBeInTheDocument();
    expect(within(minhRow).queryByRole('button', { name: 'Issue certificate to Minh Tran' })).not.toBeInTheDocument();
    expect(within(section).getByText(/at least 75 %/)).toBeInTheDocument();
    expect(
      within(section).getByRole('button', { name: 'Issue the certificate to the eligible participant' }),
    ).toBeEnabled();

    // correct Minh's attendance: the dialog, by keyboard
    within(minhRow).getByRole('button', { name: 'Correct the attendance of Minh Tran' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Attendance of Minh Tran' });
    expect(within(dialog).getByText(/35 min \(40.6 % of the live time\)/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Absent: no certificate' })).toBeChecked();
    // minutes beyond the live time are refused before anything is sent
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Minutes attended (optional)' }), '120');
    await user.click(within(dialog).getByRole('radio', { name: 'Present: may receive a certificate' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter whole minutes from 0 to 86.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Minutes attended (optional)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Attendance of Minh Tran corrected.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ present: true, minutes: null }]);

    await waitFor(() => expect(within(section).getByText(/Corrected by Li Wei/)).toBeInTheDocument());
    await user.click(
      within(section).getByRole('button', { name: 'Issue certificates to all 2 eligible participants' }),
    );
    expect(await screen.findByText('2 certificates issued.')).toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByText(/^Issued on /)).toHaveLength(2));
    expect(within(section).queryByRole('button', { name: /^Issue certificates to all/ })).not.toBeInTheDocument();
  });

  it('is not shown to participants, nor before the workshop ends', async () => {
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(facilitator));
      if (url.pathname === '/api/workshops/workshop-1') {
        return jsonResponse(
          makeWorkshop({ status: 'live', viewer: { registered: false, facilitator: true, removed: false } }),
        );
      }
      if (url.pathname === '/api/workshops/workshop-1/audit') return jsonResponse({ items: [], nextCursor: null });
      return apiError(404, 'NOT_FOUND');
    });
    renderApp({ path: '/workshops/workshop-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mediation skills for city officials' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Attendance and certificates' })).not.toBeInTheDocument();
  });
});
