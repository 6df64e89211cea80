import type {
  AuditEntryDto,
  CourseDto,
  CourseVersionDto,
  FlagDto,
  ForumDto,
  ForumSummaryDto,
  PostDto,
  SearchResultDto,
  ThreadDto,
} from '@twinning/contracts';
import { THREAD_RATE_LIMIT } from '../src/forums/forums.service';
import { POST_RATE_LIMIT } from '../src/forums/posts.service';
import { RateLimitService } from '../src/rate-limit/rate-limit.service';
import { courseBody, courseClient } from './support/courses';
import { addMember, createCity, createPartnershipForum, createUser, type TestUser } from './support/factories';
import { bootApp, resetDatabase, type TestApp } from './support/test-app';

describe('course forums: one per published course, public like theme forums', () => {
  let t: TestApp;
  let c: ReturnType<typeof courseClient>;
  let author: TestUser;
  let reviewers: TestUser[];
  let admin: TestUser;
  let coordinator: TestUser;
  let reader: TestUser;
  let other: TestUser;

  const http = () => c.http();

  async function publish(versionId: string): Promise<CourseVersionDto> {
    await c.action(author, versionId, 'submit').expect(200);
    await c.action(reviewers[0], versionId, 'approve').expect(200);
    const res = await c.action(reviewers[1], versionId, 'approve').expect(200);
    expect(res.body.state).toBe('published');
    return res.body;
  }

  async function thread(user: TestUser, forumId: string, title: string, body: string): Promise<ThreadDto> {
    await t.app.get(RateLimitService).reset(THREAD_RATE_LIMIT, user.id);
    return (await http().post(`/api/forums/${forumId}/threads`).set(user.auth).send({ title, body }).expect(201)).body;
  }

  async function reply(user: TestUser, threadId: string, body: string): Promise<PostDto> {
    await t.app.get(RateLimitService).reset(POST_RATE_LIMIT, user.id);
    return (await http().post(`/api/threads/${threadId}/posts`).set(user.auth).send({ body }).expect(201)).body;
  }

  beforeAll(async () => {
    t = await bootApp();
    await resetDatabase(t.dataSource);
    c = courseClient(t);
    author = await createUser(t, { roles: ['facilitator'], displayName: 'Alma Author' });
    reviewers = [await createUser(t, { roles: ['reviewer'] }), await createUser(t, { roles: ['reviewer'] })];
    admin = await createUser(t, { roles: ['admin'] });
    coordinator = await createUser(t, { displayName: 'Cora Coordinator' });
    reader = await createUser(t, { displayName: 'Rui Reader' });
    other = await createUser(t, { displayName: 'Olu Other' });
    // a partnership coordinator moderates their partnership's forum, not a course's
    const city = await createCity(t.dataSource);
    await addMember(t.dataSource, city.id, coordinator.id, 'coordinator');
    await createPartnershipForum(t.dataSource, [city.id]);
  });
  afterAll(() => t?.close());

  it('opens with the first publication, keeps one forum per course, follows the published title', async () => {
    const draft = await c.create(author, { title: 'Mediation for city officials' });
    const forumsNow = async (): Promise<ForumSummaryDto[]> =>
      (await http().get('/api/forums').set(reader.auth).expect(200)).body;
    expect((await forumsNow()).filter((f) => f.kind === 'course')).toEqual([]);
    await c.action(author, draft.id, 'submit').expect(200);
    await c.action(reviewers[0], draft.id, 'approve').expect(200);
    expect((await forumsNow()).filter((f) => f.kind === 'course')).toEqual([]);
    await c.action(reviewers[1], draft.id, 'approve').expect(200);

    const course: CourseDto = (await http().get(`/api/courses/${draft.courseId}`).expect(200)).body;
    expect(course.forum).toEqual({ id: expect.any(String) });
    const forumId = course.forum?.id ?? '';
    const listed = (await forumsNow()).find((f) => f.id === forumId);
    expect(listed).toMatchObject({
      kind: 'course',
      theme: null,
      partnership: null,
      course: { id: draft.courseId, title: 'Mediation for city officials' },
    });

    // version 2 published: the same forum, with the new title
    const v2 = await c
      .saveDraft(author, draft.courseId, courseBody({ title: 'Mediation, second edition' }))
      .expect(200);
    await publish(v2.body.id);
    const again: CourseDto = (await http().get(`/api/courses/${draft.courseId}`).expect(200)).body;
    expect(again.forum).toEqual({ id: forumId });
    const forum: ForumDto = (await http().get(`/api/forums/${forumId}`).set(reader.auth).expect(200)).body;
    expect(forum.course).toEqual({ id: draft.courseId, title: 'Mediation, second edition' });
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM forums WHERE course_id = $1`, [draft.courseId]),
    ).toEqual([{ n: 1 }]);
  });

  it('is read and written by anyone signed in, searchable, and moderated by admins as theme forums are', async () => {
    const v = await c.create(author, { title: 'Negotiation skills' });
    await publish(v.id);
    const forumId = ((await http().get(`/api/courses/${v.courseId}`).expect(200)).body as CourseDto).forum?.id ?? '';
    expect(forumId).not.toBe('');

    // anyone signed in reads and posts; nobody signed out
    await http().get(`/api/forums/${forumId}`).expect(401);
    const forum: ForumDto = (await http().get(`/api/forums/${forumId}`).set(other.auth).expect(200)).body;
    expect(forum.viewer).toEqual({ canPost: true, canModerate: false, silencedUntil: null });
    const th = await thread(reader, forumId, 'Question on module 2', 'How do quinoxaline mediators prepare?');
    const answer = await reply(other, th.id, 'They read the brief first.');
    expect((await http().get(`/api/threads/${th.id}`).set(other.auth).expect(200)).body.forum).toMatchObject({
      kind: 'course',
      course: { id: v.courseId, title: 'Negotiation skills' },
    });

    // search finds its posts for everyone, naming the course
    const found: SearchResultDto[] = (await http().get('/api/search?q=quinoxaline').set(other.auth).expect(200)).body
      .items;
    expect(found.map((r) => r.forum)).toEqual([
      { id: forumId, kind: 'course', theme: null, partnershipTitle: null, courseTitle: 'Negotiation skills' },
    ]);

    // moderation: admins, not partnership coordinators nor the course's author
    for (const user of [coordinator, author]) {
      expect((await http().get(`/api/forums/${forumId}`).set(user.auth).expect(200)).body.viewer.canModerate).toBe(
        false,
      );
      await http().post(`/api/posts/${answer.id}/hide`).set(user.auth).send({ reason: 'no' }).expect(403);
    }
    expect((await http().get(`/api/forums/${forumId}`).set(admin.auth).expect(200)).body.viewer.canModerate).toBe(true);
    await http().post(`/api/posts/${answer.id}/flags`).set(reader.auth).send({ reason: 'off_topic' }).expect(204);
    const flags: FlagDto[] = (await http().get('/api/moderation/flags').set(admin.auth).expect(200)).body.items;
    expect(flags.find((f) => f.post.id === answer.id)?.forum).toEqual({
      id: forumId,
      kind: 'course',
      theme: null,
      partnershipTitle: null,
      courseTitle: 'Negotiation skills',
    });
    await http().post(`/api/posts/${answer.id}/hide`).set(admin.auth).send({ reason: 'Off topic' }).expect(200);
    const audit: AuditEntryDto[] = (await http().get('/api/moderation/audit').set(admin.auth).expect(200)).body.items;
    expect(audit.find((a) => a.action === 'post.hide' && a.target.id === answer.id)?.forum).toMatchObject({
      kind: 'course',
      courseTitle: 'Negotiation skills',
    });
  });
});
