import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SEARCH_RANK_LIMIT,
  type ForumKind,
  type PostLanguage,
  type SearchResultDto,
  type Theme,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { escapeHtml } from '../common/markdown';
import { runPrepared } from '../database/run-prepared';
import { personJson, toPerson, type PersonJson } from '../common/person-sql';
import { iso } from '../common/sql';

/**
 * Highlight markers for ts_headline: private-use characters, removed from the text first, so the
 * only markers in its output are ours. The output is text, never HTML: it is escaped, then the
 * markers become <mark>.
 */
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

export function highlightToHtml(text: string): string {
  let html = '';
  let open = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === STOP) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

interface SearchRow {
  post_id: string;
  seq: number;
  created_at: Date;
  language: PostLanguage;
  author: PersonJson;
  thread_id: string;
  title: string;
  themes: Theme[];
  forum_id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_title: string | null;
  course_title: string | null;
  rank: number;
  matches: string;
  headline: string;
  title_headline: string;
}

function toSearchResult(r: SearchRow): SearchResultDto {
  return {
    thread: { id: r.thread_id, title: r.title, forumId: r.forum_id, themes: r.themes },
    forum: {
      id: r.forum_id,
      kind: r.kind,
      theme: r.theme,
      partnershipTitle: r.partnership_title,
      courseTitle: r.course_title,
    },
    post: {
      id: r.post_id,
      seq: r.seq,
      author: toPerson(r.author),
      createdAt: iso(r.created_at),
      language: r.language,
    },
    titleHtml: highlightToHtml(r.title_headline),
    headlineHtml: highlightToHtml(r.headline),
    rank: Number(r.rank),
  };
}

export interface SearchFilter {
  q: string;
  forumId?: string;
  theme?: Theme;
  offset: number;
  /** Results to read (each is highlighted, so no more than the page shows). */
  take: number;
}

/** The query under the four stemming configurations, then under 'simple' (the words as written). */
const QUERIES_SQL = `
  SELECT ARRAY[websearch_to_tsquery('english', $1), websearch_to_tsquery('french', $1),
               websearch_to_tsquery('spanish', $1), websearch_to_tsquery('arabic', $1)]::text[] AS stemmed,
         websearch_to_tsquery('simple', $1)::text AS exact`;

/** Alternatives OR-ed, each once ("integration" is 'integr' twice and 'integration' three times). */
function anyOf(queries: readonly string[]): string {
  return [...new Set(queries.filter((q) => q !== ''))].map((q) => `( ${q} )`).join(' | ');
}

/** The query with its lexemes restricted to one weight ('supern':* becomes 'supern':*A). */
function weighted(query: string, weight: 'A' | 'B'): string {
  return query.replace(/'((?:[^']|'')*)'(?::(\*))?/g, (_, lexeme: string, prefix?: string) => {
    return `'${lexeme}':${prefix ?? ''}${weight}`;
  });
}

/**
 * What a search looks for, from what the reader typed. `match` is the query under the five
 * configurations a row may be indexed with, OR-ed, so a word matches its stemmed forms in English,
 * French, Spanish and Arabic and itself word for word; identical alternatives are dropped, as each
 * one is another walk through the GIN index. `rank` scores the words as written against the
 * weight-A part of a vector and the stemmed ones against the weight-B part, so an exact match ranks
 * above a stemmed one. Both are passed to the search as constants, so the planner estimates the
 * matches from the index statistics.
 */
export function searchQueries(stemmed: readonly string[], exact: string): { match: string; rank: string } | null {
  const match = anyOf([...stemmed, exact]);
  if (!match) return null;
  const rank = anyOf([exact ? weighted(exact, 'A') : '', ...stemmed.map((q) => (q ? weighted(q, 'B') : ''))]);
  return { match, rank };
}

/** In the search statement: the query to match ($1) and to rank with ($2). */
const QUERY = `$1::tsquery`;
const RANK_QUERY = `$2::tsquery`;

/**
 * A match's score: its body's, plus twice its thread title's for a first post, rounded so equal
 * scores tie exactly and the newer post comes first. ts_rank rather than ts_rank_cd, which costs
 * about three times as much per match: a common word's first pass scores a few thousand. The
 * weights still put the words as written (A, 1.0) above their stemmed forms (B, 0.4).
 */
const RANK = (body: string, seq: string, thread: string) => `round((ts_rank(${body}, ${RANK_QUERY})
  + 2 * coalesce(CASE WHEN ${seq} = 1 THEN ts_rank((SELECT t.search FROM threads t WHERE t.id = ${thread}), ${RANK_QUERY}) END, 0)
  )::numeric, 4)`;

/** The configuration a row's language is stemmed with (the migration's CASE, for ts_headline). */
const CONFIG = (language: string) => `CASE ${language}
  WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig
  WHEN 'es' THEN 'spanish'::regconfig WHEN 'ar' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END`;

/**
 * Plain text of a rendered post: tags dropped, the entities the renderer writes decoded, so the
 * excerpt never shows Markdown syntax or HTML (it is escaped again after ts_headline).
 */
const PLAIN = (html: string) => `replace(replace(replace(replace(replace(replace(
  regexp_replace(regexp_replace(${html}, '<[^>]*>', ' ', 'g'), '\\s+', ' ', 'g'),
  '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&#x27;', ''''), '&amp;', '&')`;

export interface SearchHits {
  results: SearchResultDto[];
  /** More than SEARCH_RANK_LIMIT matches: only the newest were ranked. */
  capped: boolean;
  /** Results there are to page through: the matches ranked, at most SEARCH_RANK_LIMIT. */
  ranked: number;
}

/**
 * Posts the first pass looks at, at least: `search_window_move` keeps this many newest posts in
 * `search_recent_posts` (see its migration), and the window job moves it every few minutes.
 */
export const SEARCH_WINDOW_POSTS = 20_000;

type Pass = 'recent' | 'all';

/** Built queries kept per instance (a few hundred bytes each). */
const BUILT_QUERIES_KEPT = 1000;

/** Full-text search over posts and thread titles. */
@Injectable()
export class SearchRepository {
  private readonly built = new Map<string, { match: string; rank: string } | null>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Visible posts (and thread titles, which count for a thread's first post) in the forums the
   * reader may read, ranked among the newest SEARCH_RANK_LIMIT matches, highlighted. The first
   * pass reads the newest posts only: a very common word finds more than SEARCH_RANK_LIMIT there,
   * and those are the newest matches of all. Otherwise, unless the window holds every post, a
   * second pass reads them all.
   */
  async search(reader: { id: string; isAdmin: boolean }, filter: SearchFilter): Promise<SearchHits> {
    const queries = await this.queriesFor(filter.q);
    // only operators, or only stop words under every configuration: nothing to look for
    if (!queries) return { results: [], capped: false, ranked: 0 };
    const recent = await this.searchPass('recent', reader, filter, queries);
    if (recent.capped || recent.complete) return recent;
    return this.searchPass('all', reader, filter, queries);
  }

  /**
   * The match and rank queries for what the reader typed. They depend on the text and PostgreSQL's
   * dictionaries only, so the last BUILT_QUERIES_KEPT are kept, saving a round trip per search.
   */
  private async queriesFor(q: string): Promise<{ match: string; rank: string } | null> {
    const kept = this.built.get(q);
    if (kept !== undefined) {
      // most recently used last, so the oldest is the first to go
      this.built.delete(q);
      this.built.set(q, kept);
      return kept;
    }
    const [typed]: { stemmed: string[]; exact: string }[] = await this.dataSource.query(QUERIES_SQL, [q]);
    const queries = searchQueries(typed.stemmed, typed.exact);
    this.built.set(q, queries);
    if (this.built.size > BUILT_QUERIES_KEPT) this.built.delete(this.built.keys().next().value as string);
    return queries;
  }

  /** Moves the first pass's window to start at the `posts`-th newest post; returns that start. */
  async moveWindow(posts: number = SEARCH_WINDOW_POSTS): Promise<Date> {
    const [row]: { since: Date }[] = await this.dataSource.query(`SELECT search_window_move($1) AS since`, [posts]);
    return row.since;
  }

  /**
   * One statement: the matches (in the window, or all), the newest of them ranked, a page.
   * `complete`: the window holds every post, so the first pass was the whole search.
   *
   * The first pass ranks each match as it reads it (the window bounds them to a few thousand), so
   * the sort that picks the newest carries only ids, dates and scores; carrying the vectors through
   * it instead spilled it to disk. The second pass may find tens of thousands of old matches, so it
   * picks the newest first and reads the vectors of those only.
   */
  private async searchPass(
    pass: Pass,
    reader: { id: string; isAdmin: boolean },
    filter: SearchFilter,
    queries: { match: string; rank: string },
  ): Promise<SearchHits & { complete: boolean }> {
    const params: unknown[] = [queries.match, queries.rank];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // private forums' content only for their members: the condition the access rules define
    const where = [this.access.readableForumsSql('f', reader.isAdmin ? '' : `${p(reader.id)}::uuid`, reader.isAdmin)];
    if (filter.forumId) where.push(`f.id = ${p(filter.forumId)}`);
    if (filter.theme) {
      const theme = p(filter.theme);
      where.push(`(t.themes @> ARRAY[${theme}]::text[] OR f.theme = ${theme})`);
    }
    const readable = where.join(' AND ');
    // first posts whose thread title matches but body does not (the body branch has the others)
    const titles = (columns: string) => `
      SELECT ${columns}
        FROM threads t
        JOIN posts p ON p.thread_id = t.id AND p.seq = 1
        JOIN forums f ON f.id = t.forum_id
       WHERE t.search @@ ${QUERY} AND NOT (p.search @@ ${QUERY}) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
         ${pass === 'recent' ? 'AND p.created_at >= (SELECT since FROM win)' : ''} AND ${readable}`;
    // two disjoint branches, one per GIN index (an OR across two tables would scan every post)
    const ranking =
      pass === 'recent'
        ? `matched AS (
             SELECT h.post_id AS id, h.created_at, ${RANK('h.search', 'h.seq', 'h.thread_id')} AS rank
               FROM search_recent_posts h
               JOIN forums f ON f.id = h.forum_id
               ${filter.theme ? 'JOIN threads t ON t.id = h.thread_id' : ''}
              WHERE h.search @@ ${QUERY} AND h.created_at >= (SELECT since FROM win) AND ${readable}
             UNION ALL
             ${titles(`p.id, p.created_at, round((2 * ts_rank(t.search, ${RANK_QUERY}))::numeric, 4)`)}
           ),
           newest AS (SELECT id, created_at, rank FROM matched ORDER BY created_at DESC, id DESC LIMIT ${SEARCH_RANK_LIMIT + 1}),
           ranked AS (SELECT id, created_at, rank, count(*) OVER () AS matches FROM newest)`
        : `matched AS (
             SELECT p.id, p.created_at
               FROM posts p
               JOIN threads t ON t.id = p.thread_id
               JOIN forums f ON f.id = t.forum_id
              WHERE p.search @@ ${QUERY} AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND ${readable}
             UNION ALL
             ${titles('p.id, p.created_at')}
           ),
           newest AS (SELECT id, created_at FROM matched ORDER BY created_at DESC, id DESC LIMIT ${SEARCH_RANK_LIMIT + 1}),
           ranked AS (
             SELECT n.id, n.created_at, count(*) OVER () AS matches, r.rank
               FROM newest n,
               LATERAL (SELECT ${RANK('v.search', 'v.seq', 'v.thread_id')} AS rank FROM posts v WHERE v.id = n.id OFFSET 0) r
           )`;
    const markers = p(START + STOP);
    const text = `WITH
       win AS (SELECT coalesce((SELECT since FROM search_window), '-infinity'::timestamptz) AS since),
       -- for a very common word only the newest matches are ranked; one more tells there are more
       ${ranking},
       hits AS (
         SELECT id, rank, matches FROM ranked
          ORDER BY rank DESC, created_at DESC, id DESC
          OFFSET ${p(filter.offset)} LIMIT ${p(filter.take)})
       SELECT p.id AS post_id, p.seq, p.created_at, p.language, ${personJson('a', 'f.partnership_id')} AS author,
              t.id AS thread_id, t.title, t.themes, f.id AS forum_id, f.kind, f.theme,
              pt.title AS partnership_title, f.course_title, hits.rank, hits.matches,
              (SELECT since FROM win) = '-infinity' AS complete,
              ts_headline(${CONFIG('p.language')}, translate(${PLAIN('p.body_html')}, ${markers}::text, ''),
                          ${QUERY}, ${p(HEADLINE_OPTIONS)}) AS headline,
              ts_headline(${CONFIG('t.language')}, translate(t.title, ${markers}::text, ''),
                          ${QUERY}, ${p(TITLE_OPTIONS)}) AS title_headline
         FROM hits
         JOIN posts p ON p.id = hits.id
         JOIN threads t ON t.id = p.thread_id
         JOIN forums f ON f.id = t.forum_id
         JOIN users a ON a.id = p.author_id
         LEFT JOIN partnerships pt ON pt.id = f.partnership_id
        ORDER BY hits.rank DESC, p.created_at DESC, p.id DESC`;
    // The first pass's plan is the same for every word (the window's GIN index, then the forums),
    // so it is prepared once per connection and its planning (a tenth of the search) is saved. The
    // second pass is planned for each word: how many posts match decides its plan.
    const rows =
      pass === 'recent'
        ? await runPrepared<SearchRow & { complete: boolean }>(
            this.dataSource,
            this.dataSource.manager,
            'search',
            text,
            params,
          )
        : ((await this.dataSource.query(text, params)) as (SearchRow & { complete: boolean })[]);
    return {
      results: rows.map(toSearchResult),
      capped: rows.length > 0 && Number(rows[0].matches) > SEARCH_RANK_LIMIT,
      ranked: rows.length > 0 ? Math.min(Number(rows[0].matches), SEARCH_RANK_LIMIT) : 0,
      complete: rows.length > 0 && rows[0].complete,
    };
  }
}
