import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first pass of search reads a small copy of the newest posts instead of the whole table.
 *
 * A very common word matches tens of thousands of posts, and only the newest SEARCH_RANK_LIMIT are
 * ranked. Found through `posts`' GIN index, every match of all time is read from the index before
 * the newest are picked: on 200,000 posts that alone took longer than the rest of the search.
 * `search_recent_posts` holds the visible posts created since `search_window.since` (about the
 * newest 20,000), with their forum, so its GIN index and rows stay a tenth of the size and the
 * readable-forum check needs no join. When the first pass finds more than the limit there, those
 * are the newest matches of all; otherwise the search reads `posts` as before.
 *
 * Triggers keep it exact: a post is copied when it is written, edited, hidden, shown, deleted or
 * moved in time, and only while it is inside the window. `search_window_move(n)` sets the window's
 * start to the n-th newest post, in either direction, copying or dropping rows; a queued job runs
 * it every few minutes. A transaction-level advisory lock, shared by the triggers and exclusive for
 * the move, keeps a post written during a move from being missed. With no `search_window` row (an
 * emptied database) the window starts at -infinity and the copy holds every visible post.
 */
const LOCK = 7_240_531; // pg_advisory_xact_lock key: the search window

/** Copies posts (`source`, an alias in `from`) into the first pass's table, with their forum. */
const COPY = (source: string, from: string) => `
  INSERT INTO search_recent_posts (post_id, forum_id, thread_id, seq, created_at, search)
  SELECT ${source}.id, t.forum_id, ${source}.thread_id, ${source}.seq, ${source}.created_at, ${source}.search
    FROM ${from}`;

export class SearchRecentPosts1765700000000 implements MigrationInterface {
  name = 'SearchRecentPosts1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_recent_posts (
        post_id uuid PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
        forum_id uuid NOT NULL,
        thread_id uuid NOT NULL,
        seq integer NOT NULL,
        created_at timestamptz NOT NULL,
        search tsvector NOT NULL
      )`);
    await q.query(`ALTER TABLE search_recent_posts ALTER COLUMN search SET STORAGE MAIN`);
    await q.query(`CREATE INDEX search_recent_posts_search_idx ON search_recent_posts USING gin (search)`);
    await q.query(`CREATE INDEX search_recent_posts_created_idx ON search_recent_posts (created_at)`);
    await q.query(`
      CREATE TABLE search_window (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        since timestamptz NOT NULL
      )`);
    // empty until the first move below: nothing is copied while the window starts at +infinity
    await q.query(`INSERT INTO search_window (since) VALUES ('infinity')`);

    await q.query(`
      CREATE FUNCTION search_recent_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        since timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(${LOCK});
        SELECT w.since INTO since FROM search_window w;
        IF NEW.deleted_at IS NULL AND NEW.hidden_at IS NULL AND NEW.created_at >= coalesce(since, '-infinity') THEN
          ${COPY('NEW', 'threads t WHERE t.id = NEW.thread_id')}
          ON CONFLICT (post_id) DO UPDATE
            SET created_at = EXCLUDED.created_at, search = EXCLUDED.search, seq = EXCLUDED.seq;
        ELSIF TG_OP = 'UPDATE' THEN
          DELETE FROM search_recent_posts WHERE post_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER posts_search_recent_insert AFTER INSERT ON posts
        FOR EACH ROW EXECUTE FUNCTION search_recent_sync()`);
    await q.query(`
      CREATE TRIGGER posts_search_recent_update AFTER UPDATE ON posts
        FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search
                        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
                        OR OLD.hidden_at IS DISTINCT FROM NEW.hidden_at
                        OR OLD.created_at IS DISTINCT FROM NEW.created_at)
        EXECUTE FUNCTION search_recent_sync()`);

    await q.query(`
      CREATE FUNCTION search_window_move(keep integer) RETURNS timestamptz LANGUAGE plpgsql AS $$
      DECLARE
        previous timestamptz;
        start timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock(${LOCK});
        SELECT coalesce(max(w.since), '-infinity') INTO previous FROM search_window w;
        SELECT p.created_at INTO start FROM posts p ORDER BY p.created_at DESC OFFSET greatest(keep - 1, 0) LIMIT 1;
        start := coalesce(start, '-infinity');
        IF start < previous THEN
          ${COPY('p', 'posts p JOIN threads t ON t.id = p.thread_id')}
           WHERE p.created_at >= start AND p.created_at < previous
             AND p.deleted_at IS NULL AND p.hidden_at IS NULL
          ON CONFLICT (post_id) DO NOTHING;
        END IF;
        -- rows a trigger copied while reading an older start, or left by a start moved back
        DELETE FROM search_recent_posts WHERE created_at < start;
        INSERT INTO search_window (id, since) VALUES (true, start)
          ON CONFLICT (id) DO UPDATE SET since = EXCLUDED.since;
        RETURN start;
      END $$`);
    await q.query(`SELECT search_window_move(20000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION search_window_move(integer)`);
    await q.query(`DROP TRIGGER posts_search_recent_update ON posts`);
    await q.query(`DROP TRIGGER posts_search_recent_insert ON posts`);
    await q.query(`DROP FUNCTION search_recent_sync()`);
    await q.query(`DROP TABLE search_window`);
    await q.query(`DROP TABLE search_recent_posts`);
  }
}
