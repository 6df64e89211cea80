// The core SQL of each benchmarked route, run straight against PostgreSQL by tools/bench/run.mjs so
// the API's own cost (HTTP, auth, access checks, mapping, JSON) shows next to the database's.
// Copied from the API; keep them in step when these change:
//   FORUM_SELECT                              apps/api/src/forums/forums.repository.ts
//   THREAD_SELECT, thread list, thread        apps/api/src/forums/threads.repository.ts
//   POST_SELECT, posts page                   apps/api/src/forums/posts.repository.ts
//   search                                    apps/api/src/forums/search.repository.ts
//   readable forums condition                 apps/api/src/access/access.service.ts
// Left out on purpose: the access token's user lookup, the forum access check and the silence
// check, which every forum route makes before its data query.

export const PAGE_SIZE = 20;

const exactTime = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const THREAD_SELECT = `
  SELECT t.id, t.forum_id, t.title, t.themes, t.pinned, t.locked, t.last_seq, t.post_count,
         t.created_at, t.last_posted_at, ${exactTime('t.last_posted_at')} AS last_posted_key,
         a.id AS author_id, a.display_name AS author_name, a.handle AS author_handle,
         lp.id AS last_poster_id, lp.display_name AS last_poster_name,
         coalesce(r.last_read_seq, 0) AS last_read_seq, coalesce(r.level, 'normal') AS level
    FROM threads t
    JOIN users a ON a.id = t.author_id
    LEFT JOIN users lp ON lp.id = t.last_poster_id
    LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1`;

const FORUM_SELECT = `
  SELECT f.id, f.kind, f.theme, p.id AS partnership_id, p.title AS partnership_title,
         s.thread_count, s.last_posted_at, s.unread_threads
    FROM forums f
    LEFT JOIN partnerships p ON p.id = f.partnership_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS thread_count, max(t.last_posted_at) AS last_posted_at,
             (count(*) FILTER (WHERE t.last_seq > coalesce(r.last_read_seq, 0)
                                 AND coalesce(r.level, 'normal') <> 'muted'))::int AS unread_threads
        FROM threads t
        LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = $1
       WHERE t.forum_id = f.id) s ON TRUE`;

const POST_SELECT = `
  SELECT p.id, p.thread_id, p.seq, p.body, p.body_html, p.edit_count, p.edited_at, p.hidden_at,
         p.hidden_reason, p.deleted_at, p.created_at,
         a.id AS author_id, a.display_name AS author_name, a.handle AS author_handle,
         q.id AS q_id, q.seq AS q_seq,
         CASE WHEN q.hidden_at IS NULL AND q.deleted_at IS NULL THEN q.body END AS q_body,
         qa.id AS q_author_id, qa.display_name AS q_author_name,
         (SELECT count(*)::int FROM post_flags f WHERE f.post_id = p.id AND f.status = 'open') AS flag_count,
         EXISTS (SELECT 1 FROM post_flags f
                  WHERE f.post_id = p.id AND f.reporter_id = $1 AND f.status = 'open') AS flagged
    FROM posts p
    JOIN users a ON a.id = p.author_id
    LEFT JOIN posts q ON q.id = p.quote_post_id
    LEFT JOIN users qa ON qa.id = q.author_id`;

/** Forums a (non-admin) user may read, as in AccessService.readableForumsSql. */
export const readableForumsSql = (alias, userParam) => `(${alias}.kind = 'theme' OR ${alias}.partnership_id IN (
      SELECT pc.partnership_id FROM partnership_cities pc
        JOIN city_memberships m ON m.city_id = pc.city_id
       WHERE pc.status = 'member' AND m.user_id = ${userParam} AND m.status = 'approved'))`;

const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/** The query under the four stemming configurations, then under 'simple' (SearchRepository). */
const SEARCH_QUERIES = `
  SELECT ARRAY[websearch_to_tsquery('english', $1), websearch_to_tsquery('french', $1),
               websearch_to_tsquery('spanish', $1), websearch_to_tsquery('arabic', $1)]::text[] AS stemmed,
         websearch_to_tsquery('simple', $1)::text AS exact`;
const anyOf = (queries) => [...new Set(queries.filter((q) => q !== ''))].map((q) => `( ${q} )`).join(' | ');
const weighted = (query, weight) =>
  query.replace(/'((?:[^']|'')*)'(?::(\*))?/g, (_, lexeme, prefix) => `'${lexeme}':${prefix ?? ''}${weight}`);

/** Matches beyond which only the newest are ranked (SEARCH_RANK_LIMIT). */
const SEARCH_RANK_LIMIT = 2000;

/** What the API computes before its search statement: the query to match and to rank with (searchQueries). */
export async function prepareSearch(pool, words) {
  const [{ stemmed, exact }] = (await pool.query(SEARCH_QUERIES, [words])).rows;
  const match = anyOf([...stemmed, exact]);
  const rank = anyOf([exact ? weighted(exact, 'A') : '', ...stemmed.map((q) => (q ? weighted(q, 'B') : ''))]);
  return { words, match, rank };
}

const PLAIN = (html) => `replace(replace(replace(replace(replace(replace(
  regexp_replace(regexp_replace(${html}, '<[^>]*>', ' ', 'g'), '\\s+', ' ', 'g'),
  '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&#x27;', ''''), '&amp;', '&')`;
const CONFIG = (language) => `CASE ${language}
  WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig
  WHEN 'es' THEN 'spanish'::regconfig WHEN 'ar' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END`;

/** The first pass, over the window's copy of the newest posts (the one that answers a common word). */
const SEARCH = `
  WITH
  win AS (SELECT coalesce((SELECT since FROM search_window), '-infinity'::timestamptz) AS since),
  matched AS (
    SELECT h.post_id AS id, h.created_at,
           round((ts_rank(h.search, $2::tsquery) + 2 * coalesce(CASE WHEN h.seq = 1 THEN
             ts_rank((SELECT t.search FROM threads t WHERE t.id = h.thread_id), $2::tsquery) END, 0))::numeric, 4) AS rank
      FROM search_recent_posts h
      JOIN forums f ON f.id = h.forum_id
     WHERE h.search @@ $1::tsquery AND h.created_at >= (SELECT since FROM win) AND ${readableForumsSql('f', '$3')}
    UNION ALL
    SELECT p.id, p.created_at, round((2 * ts_rank(t.search, $2::tsquery))::numeric, 4)
      FROM threads t
      JOIN posts p ON p.thread_id = t.id AND p.seq = 1
      JOIN forums f ON f.id = t.forum_id
     WHERE t.search @@ $1::tsquery AND NOT (p.search @@ $1::tsquery) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
       AND p.created_at >= (SELECT since FROM win) AND ${readableForumsSql('f', '$3')}
  ),
  newest AS (SELECT id, created_at, rank FROM matched ORDER BY created_at DESC, id DESC LIMIT ${SEARCH_RANK_LIMIT + 1}),
  ranked AS (SELECT id, created_at, rank, count(*) OVER () AS matches FROM newest),
  hits AS (
    SELECT id, rank, matches FROM ranked
     ORDER BY rank DESC, created_at DESC, id DESC
     OFFSET $5 LIMIT $6)
  SELECT p.id AS post_id, p.seq, p.created_at, p.language, a.id AS author_id, a.display_name AS author_name,
         t.id AS thread_id, t.title, t.themes, f.id AS forum_id, f.kind, f.theme,
         pt.title AS partnership_title, hits.rank, hits.matches,
         (SELECT since FROM win) = '-infinity' AS complete,
         ts_headline(${CONFIG('p.language')}, translate(${PLAIN('p.body_html')}, $4::text, ''), $1::tsquery, $7) AS headline,
         ts_headline(${CONFIG('t.language')}, translate(t.title, $4::text, ''), $1::tsquery, $8) AS title_headline
    FROM hits
    JOIN posts p ON p.id = hits.id
    JOIN threads t ON t.id = p.thread_id
    JOIN forums f ON f.id = t.forum_id
    JOIN users a ON a.id = p.author_id
    LEFT JOIN partnerships pt ON pt.id = f.partnership_id
   ORDER BY hits.rank DESC, p.created_at DESC, p.id DESC`;

/**
 * Per scenario: the statements one page view runs, as [sql, params] for a viewer and a target
 * (forum id, thread id or search words). They run one after the other on one connection.
 */
export const CORE_SQL = {
  threadList: (userId, forumId) => [
    [
      `${THREAD_SELECT} WHERE t.forum_id = $2 ORDER BY t.pinned DESC, t.last_posted_at DESC, t.id DESC LIMIT $3`,
      [userId, forumId, PAGE_SIZE + 1],
    ],
  ],
  thread: (userId, threadId, forumId) => [
    [`${THREAD_SELECT} WHERE t.id = $2`, [userId, threadId]],
    [`${FORUM_SELECT} WHERE f.id = $2`, [userId, forumId]],
  ],
  posts: (userId, threadId) => [
    [`${POST_SELECT} WHERE p.thread_id = $2 ORDER BY p.seq ASC LIMIT $3`, [userId, threadId, PAGE_SIZE]],
  ],
  // the statement that builds the queries, then the first pass (a common word is answered there)
  search: (userId, prepared) => [
    [SEARCH_QUERIES, [prepared.words]],
    [SEARCH, [prepared.match, prepared.rank, userId, START + STOP, 0, PAGE_SIZE, HEADLINE_OPTIONS, TITLE_OPTIONS]],
  ],
};
