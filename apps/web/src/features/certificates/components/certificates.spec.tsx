import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CertificateDto, CertificateVerificationDto, MeDto } from '@twinning/contracts';
import { describe, expect, it } from 'vitest';
import { makeAuth, makeMe } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

const facts = {
  learnerName: 'فاطمة الزهراء',
  title: 'Mediation in practice',
  sourceKind: 'workshop' as const,
  hours: 2,
  issuedAt: '2026-12-01T10:00:00.000Z',
  issuerName: 'Twinning',
  verificationCode: 'abcdefghijklmnop2345',
};

const verification = (over: Partial<CertificateVerificationDto> = {}): CertificateVerificationDto => ({
  ...facts,
  status: 'valid',
  revoked: null,
  credentialJwt: 'eyJhbGciOiJSUzI1NiJ9.e30.sig',
  ...over,
});

function serve(answer: () => Response) {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/auth/refresh') return apiError(401, 'REFRESH_TOKEN_INVALID');
    if (url.pathname.startsWith('/api/verify/')) return answer();
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Certificate verification page', () => {
  it('shows a valid certificate to a visitor: only what the certificate shows, the code grouped', async () => {
    const { requests } = serve(() => jsonResponse(verification()));
    renderApp({ path: '/verify/abcdefghijklmnop2345' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Verify a certificate' })).toBeInTheDocument();
    expect(await screen.findByText('This certificate is valid.')).toBeInTheDocument();
    expect(screen.getByText('فاطمة الزهراء').tagName).toBe('BDI');
    expect(screen.getByText('Mediation in practice')).toBeInTheDocument();
    expect(screen.getByText('Live workshop attended')).toBeInTheDocument();
    expect(screen.getByText('ABCD-EFGH-IJKL-MNOP-2345')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Signed credential (VC-JWT)' })).toHaveValue(
      'eyJhbGciOiJSUzI1NiJ9.e30.sig',
    );
    expect(requests.some((r) => r.url.pathname === '/api/verify/abcdefghijklmnop2345')).toBe(true);
  });

  it('shows a revocation with its date and reason, right to left in Arabic', async () => {
    serve(() =>
      jsonResponse(
        verification({ status: 'revoked', revoked: { at: '2026-12-05T09:00:00.000Z', reason: 'خطأ في الإصدار' } }),
      ),
    );
    renderApp({ path: '/verify/abcdefghijklmnop2345', initialLanguage: 'ar' });

    const verdict = await screen.findByText(/^أُلغيت هذه الشهادة في/);
    expect(verdict.closest('.certificate-verdict')).toHaveClass('certificate-verdict--revoked');
    expect(screen.getByText('السبب: خطأ في الإصدار')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
  });

  it('says so when no certificate has the code', async () => {
    serve(() => apiError(404, 'NOT_FOUND'));
    renderApp({ path: '/verify/zzzzzzzzzzzzzzzzzzzz' });
    expect(await screen.findByRole('alert')).toHaveTextContent('No certificate has this verification code.');
  });
});

describe('My certificates (profile)', () => {
  it('lists the learner’s certificates with download, share link and the verification page', async () => {
    const me: MeDto = makeMe({ displayName: 'Ana Souza' });
    const certificate: CertificateDto = {
      ...facts,
      id: '0b7e0d1c-7c1a-4f57-9f0e-2d7c8f1f4a11',
      sourceId: '1b7e0d1c-7c1a-4f57-9f0e-2d7c8f1f4a11',
      verificationUrl: 'http://localhost:3000/verify/abcdefghijklmnop2345',
      revoked: null,
    };
    stubFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
      if (url.pathname === '/api/me') return jsonResponse(me);
      if (url.pathname === '/api/certificates') return jsonResponse([certificate]);
      if (url.pathname === '/api/me/join-requests') return jsonResponse([]);
      if (url.pathname === '/api/me/notification-settings') return jsonResponse([]);
      return jsonResponse({ items: [], nextCursor: null });
    });
    renderApp({ path: '/profile' });
    const user = userEvent.setup();

    const section = (await screen.findByRole('heading', { level: 2, name: 'My certificates' })).closest('section');
    const item = await within(section as HTMLElement).findByRole('listitem');
    expect(within(item).getByRole('heading', { level: 3 })).toHaveTextContent('Mediation in practice');
    expect(within(item).getByRole('button', { name: 'Download PDF' })).toBeEnabled();
    expect(within(item).getByRole('link', { name: 'Open verification page' })).toHaveAttribute(
      'href',
      '/verify/abcdefghijklmnop2345',
    );
    await user.click(within(item).getByRole('button', { name: 'Copy verification link' }));
    expect(await screen.findByText('Verification link copied.')).toBeInTheDocument();
  });
});
