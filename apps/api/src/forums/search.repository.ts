import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ForumKind, SearchResultDto, Theme } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { escapeHtml } from '../common/markdown';
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
  author_id: string;
  author_name: string;
  thread_id: string;
  title: string;
  themes: Theme[];
  forum_id: string;
  kind: ForumKind;
  theme: Theme | null;
  partnership_title: string | null;
  rank: number;
  headline: string;
  title_headline: string;
}

function toSearchResult(r: SearchRow): SearchResultDto {
  return {
    thread: { id: r.thread_id, title: r.title, forumId: r.forum_id, themes: r.themes },
    forum: { id: r.forum_id, kind: r.kind, theme: r.theme, partnershipTitle: r.partnership_title },
    post: {
      id: r.post_id,
      seq: r.seq,
      author: { id: r.author_id, displayName: r.author_name },
      createdAt: iso(r.created_at),
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
  /** Results to read. */
  take: number;
}

/** Full-text search over posts and thread titles. */
@Injectable()
export class SearchRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Visible posts (and thread titles, which count for a thread's first post) in the forums the
   * reader may read, ranked by ts_rank_cd, highlighted. One statement.
   */
  async search(reader: { id: string; isAdmin: boolean }, filter: SearchFilter): Promise<SearchResultDto[]> {
    const params: unknown[] = [filter.q];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      `p.deleted_at IS NULL`,
      `p.hidden_at IS NULL`,
      // private forums' content only for their members: the condition the access rules define
      this.access.readableForumsSql('f', reader.isAdmin ? '' : `${p(reader.id)}::uuid`, reader.isAdmin),
    ];
    if (filter.forumId) where.push(`f.id = ${p(filter.forumId)}`);
    if (filter.theme) {
      const theme = p(filter.theme);
      where.push(`(t.themes @> ARRAY[${theme}]::text[] OR f.theme = ${theme})`);
    }
    const markers = p(START + STOP);
    const rows: SearchRow[] = await this.dataSource.query(
      `WITH wq AS (SELECT websearch_to_tsquery('simple', $1) AS query),
       -- two disjoint branches, one per GIN index (an OR across two tables would scan every post):
       -- posts whose body matches, and first posts whose thread title matches but body does not;
       -- each carries what ranking needs, so no matched post is fetched twice
       matched AS (
         SELECT p.id, p.created_at, ts_rank_cd(p.search, wq.query)
                  + CASE WHEN p.seq = 1 THEN 2 * ts_rank_cd(t.search, wq.query) ELSE 0 END AS rank
           FROM wq, posts p
           JOIN threads t ON t.id = p.thread_id
           JOIN forums f ON f.id = t.forum_id
          WHERE p.search @@ wq.query AND ${where.join(' AND ')}
         UNION ALL
         SELECT p.id, p.created_at, 2 * ts_rank_cd(t.search, wq.query) AS rank
           FROM wq, threads t
           JOIN posts p ON p.thread_id = t.id AND p.seq = 1
           JOIN forums f ON f.id = t.forum_id
          WHERE t.search @@ wq.query AND NOT (p.search @@ wq.query) AND ${where.join(' AND ')}
       ),
       hits AS (
         SELECT id, rank FROM matched
          ORDER BY rank DESC, created_at DESC, id DESC
          OFFSET ${p(filter.offset)} LIMIT ${p(filter.take)})
       SELECT p.id AS post_id, p.seq, p.created_at, a.id AS author_id, a.display_name AS author_name,
              t.id AS thread_id, t.title, t.themes, f.id AS forum_id, f.kind, f.theme,
              pt.title AS partnership_title, hits.rank,
              ts_headline('simple', translate(p.body, ${markers}::text, ''), wq.query, ${p(HEADLINE_OPTIONS)}) AS headline,
              ts_headline('simple', translate(t.title, ${markers}::text, ''), wq.query, ${p(TITLE_OPTIONS)}) AS title_headline
         FROM hits, wq, posts p
         JOIN threads t ON t.id = p.thread_id
         JOIN forums f ON f.id = t.forum_id
         JOIN users a ON a.id = p.author_id
         LEFT JOIN partnerships pt ON pt.id = f.partnership_id
        WHERE p.id = hits.id
        ORDER BY hits.rank DESC, p.created_at DESC, p.id DESC`,
      params,
    );
    return rows.map(toSearchResult);
  }
}
