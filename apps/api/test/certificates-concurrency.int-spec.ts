import { randomUUID } from 'node:crypto';
import { CertificatesService } from '../src/certificates/certificates.service';
import { createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/**
 * Issuing publishes the signing key's public half with every certificate. That must not make concurrent
 * issuers wait for one another: a transaction that has issued a certificate and not committed yet (a course
 * completion finishing its other writes, say) must not block a second issuer.
 */
describe('certificates: concurrent issuing', () => {
  let t: TestApp;
  let learners: TestUser[];

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    learners = [
      await createUser(t, { displayName: 'Trần Thị Lan' }),
      await createUser(t, { displayName: 'ليلى حداد' }),
    ];
  });

  afterAll(() => t?.close());

  it('a second issuer does not wait for the first one’s transaction to end', async () => {
    const service = t.app.get(CertificatesService);
    const input = (user: TestUser) => ({
      userId: user.id,
      sourceKind: 'course' as const,
      sourceId: randomUUID(),
      title: 'Welcoming newcomers',
      hours: 4,
    });
    // issue once so the key row exists (as it does after the first certificate in production)
    await t.dataSource.transaction((m) => service.issue(m, input(learners[0])));

    const first = t.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    try {
      await service.issue(first.manager, input(learners[0]));
      // the first transaction is still open: the second one must go through at once
      const second = await t.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL lock_timeout = '2s'`);
        return service.issue(m, input(learners[1]));
      });
      expect(second.learner_name).toBe('ليلى حداد');
      expect(second.credential_jwt.split('.')).toHaveLength(3);
      await first.commitTransaction();
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      await first.release();
    }
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM certificates`);
    expect(count).toBe(3);
    const keys = await t.dataSource.query(`SELECT kid FROM credential_keys WHERE retired_at IS NULL`);
    expect(keys).toHaveLength(1);
  });
});
