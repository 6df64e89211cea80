import type { MilestoneDto } from '@twinning/contracts';
import { randomUUID } from 'node:crypto';
import {
  MILESTONE_SELECT,
  MilestonesRepository,
  toMilestone,
  type MilestoneRow,
} from '../src/partnerships/milestones.repository';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

/** MilestonesRepository.findByIds: the batch read other features use instead of embedding MILESTONE_SELECT. */
describe('milestones repository', () => {
  let t: TestApp;
  let repository: MilestonesRepository;
  let owner: TestUser;
  let partnershipId: string;
  const ids: string[] = [];

  const insert = async (title: string, ownerId: string | null, dueDate: string | null, status = 'planned') => {
    const [row]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO partnership_milestones (partnership_id, title, owner_id, due_date, status) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [partnershipId, title, ownerId, dueDate, status],
    );
    return row.id;
  };

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    repository = t.app.get(MilestonesRepository);
    const a = await createCity(t.dataSource, { name: 'Alpha' });
    const b = await createCity(t.dataSource, { name: 'Beta' });
    owner = await createUser(t, { displayName: 'Olga Owner' });
    await addMember(t.dataSource, a.id, owner.id, 'coordinator');
    ({ partnershipId } = await createPartnershipForum(t.dataSource, [a.id, b.id]));
    ids.push(await insert('Owned and dated', owner.id, '2031-02-03', 'in_progress'));
    ids.push(await insert('Nobody’s, undated', null, null));
    ids.push(await insert('Third', owner.id, null, 'done'));
  });
  afterAll(() => t.close());

  it('loads a batch of milestones in one query, keyed by id, as the partnership page shows them', async () => {
    const { result, queries } = await t.queries.measure(() => repository.findByIds([ids[0], ids[1]]));
    expect(queries).toBe(1);
    expect([...result.keys()].sort()).toEqual([ids[0], ids[1]].sort());
    expect(result.get(ids[0])).toEqual<MilestoneDto>({
      id: ids[0],
      title: 'Owned and dated',
      owner: { id: owner.id, displayName: 'Olga Owner' },
      dueDate: '2031-02-03',
      status: 'in_progress',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(result.get(ids[1])).toMatchObject({ owner: null, dueDate: null, status: 'planned' });
    // the same DTO as the single read and as the embedded MILESTONE_SELECT + toMilestone it replaces
    expect(result.get(ids[0])).toEqual(await repository.findById(ids[0]));
    const embedded: MilestoneRow[] = await t.dataSource.query(`${MILESTONE_SELECT} WHERE ms.id = ANY($1::uuid[])`, [
      ids,
    ]);
    const all = await repository.findByIds(ids);
    for (const row of embedded) expect(all.get(row.id)).toEqual(toMilestone(row));
  });

  it('leaves unknown ids out, counts each id once and costs nothing for an empty batch', async () => {
    const missing = randomUUID();
    const result = await repository.findByIds([ids[2], missing, ids[2]]);
    expect([...result.keys()]).toEqual([ids[2]]);
    expect(result.has(missing)).toBe(false);

    const empty = await t.queries.measure(() => repository.findByIds([]));
    expect(empty.queries).toBe(0);
    expect(empty.result.size).toBe(0);
  });

  it('reads through the caller’s transaction when given its manager', async () => {
    const seen = await t.dataSource.transaction(async (manager) => {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO partnership_milestones (partnership_id, title) VALUES ($1, 'Uncommitted') RETURNING id`,
        [partnershipId],
      );
      const inside = await repository.findByIds([row.id], manager);
      const outside = await repository.findByIds([row.id]);
      return { id: row.id, inside, outside };
    });
    expect(seen.inside.get(seen.id)?.title).toBe('Uncommitted');
    expect(seen.outside.has(seen.id)).toBe(false);
  });
});
