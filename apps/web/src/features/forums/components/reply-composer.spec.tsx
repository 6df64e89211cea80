import type { PostDto } from '@twinning/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeAuth, makeAuthor, makeMe, makePost, makePostPage, makeThread } from '../../../test/fixtures';
import { apiError, jsonResponse, renderApp, stubFetch } from '../../../test/test-utils';

vi.mock('../../../lib/realtime', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/realtime')>()),
  useRealtimeEvent: () => undefined,
  useThreadSubscription: () => undefined,
  useForumSubscription: () => undefined,
  onRealtimeReconnect: () => () => undefined,
}));

const me = makeMe();
const abel = makeAuthor({ id: 'user-abel', displayName: 'Abel Bekele', handle: 'abel_b' });
const abby = makeAuthor({ id: 'user-abby', displayName: 'Abby Chen', handle: 'abby' });

function stubComposerApi() {
  const posts: PostDto[] = [makePost(1)];
  return stubFetch(({ url, method, body }) => {
    if (url.pathname === '/api/auth/refresh') return jsonResponse(makeAuth(me));
    if (url.pathname === '/api/threads/thread-1' && method === 'GET') {
      return jsonResponse(makeThread({ lastSeq: posts.length, postCount: posts.length }));
    }
    if (url.pathname === '/api/threads/thread-1/posts' && method === 'GET') {
      const after = Number(url.searchParams.get('afterSeq') ?? 0);
      return jsonResponse(makePostPage(posts.filter((post) => post.seq > after)));
    }
    if (url.pathname === '/api/threads/thread-1/posts' && method === 'POST') {
      const created = makePost(posts.length + 1, {
        author: makeAuthor({ id: me.id, displayName: me.displayName, handle: me.handle }),
        body: (body as { body: string }).body,
        bodyHtml: '<p>Thanks <a href="/u/abby">@abby</a></p>',
      });
      posts.push(created);
      return jsonResponse(created, 201);
    }
    if (url.pathname === '/api/threads/thread-1/mentionable') {
      const q = url.searchParams.get('q') ?? '';
      return jsonResponse([abel, abby].filter((person) => person.handle.startsWith(q)));
    }
    if (url.pathname === '/api/forums/preview' && method === 'POST') {
      return jsonResponse({
        html: '<p>Thanks <strong>all</strong> <a href="/u/abby">@abby</a></p>',
        mentions: ['abby'],
      });
    }
    if (url.pathname === '/api/threads/thread-1/read') return jsonResponse(undefined, 204);
    return apiError(404, 'NOT_FOUND');
  });
}

describe('Reply composer', () => {
  it('suggests people after @ and inserts the one chosen with the keyboard', async () => {
    const { requests } = stubComposerApi();
    renderApp({ path: '/threads/thread-1' });
    const user = userEvent.setup();
    const textarea = await screen.findByRole('textbox', { name: 'Reply' });

    await user.click(textarea);
    await user.keyboard('Hello @ab');
    const listbox = await screen.findByRole('listbox', { name: 'People to mention' });
    const options = within(listbox).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Abel Bekele @abel_b', 'Abby Chen @abby']);
    expect(requests.some((r) => r.url.pathname.endsWith('/mentionable') && r.url.searchParams.get('q') === 'ab')).toBe(
      true,
    );
    expect(textarea).toHaveAttribute('aria-controls', listbox.id);
    expect(textarea).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(/2 people found/)).toBeInTheDocument();

    await user.keyboard('{ArrowDown}');
    expect(textarea).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{ArrowDown}');
    expect(textarea).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{ArrowUp}');
    expect(textarea).toHaveAttribute('aria-activedescendant', options[1]?.id);

    await user.keyboard('{Enter}');
    expect(textarea).toHaveValue('Hello @abby ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(textarea).toHaveFocus();

    // Escape closes the suggestions and leaves the text alone; they stay closed for that mention.
    await user.keyboard('and @ab');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(textarea).toHaveValue('Hello @abby and @ab');
    expect(textarea).toHaveFocus();

    // Tab inserts too.
    await user.keyboard(' @abe');
    expect(await screen.findByRole('option', { name: 'Abel Bekele @abel_b' })).toBeInTheDocument();
    await user.keyboard('{Tab}');
    expect(textarea).toHaveValue('Hello @abby and @ab @abel_b ');
    expect(textarea).toHaveFocus();
  });

  it('previews the reply as the server renders it, then posts it', async () => {
    const { requests } = stubComposerApi();
    renderApp({ path: '/threads/thread-1' });
    const user = userEvent.setup();
    const textarea = await screen.findByRole('textbox', { name: 'Reply' });
    await user.type(textarea, 'Thanks **all** @abby');

    const composer = screen.getByRole('region', { name: 'Your reply' });
    const writeTab = within(composer).getByRole('tab', { name: 'Write' });
    expect(writeTab).toHaveAttribute('aria-selected', 'true');
    await user.click(writeTab);
    await user.keyboard('{ArrowRight}');
    const previewTab = within(composer).getByRole('tab', { name: 'Preview' });
    expect(previewTab).toHaveAttribute('aria-selected', 'true');
    expect(previewTab).toHaveFocus();

    const panel = within(composer).getByRole('tabpanel', { name: 'Preview' });
    expect(await within(panel).findByText('all')).toHaveProperty('tagName', 'STRONG');
    expect(within(panel).getByText('Mentions: @abby')).toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname === '/api/forums/preview')?.body).toEqual({
      body: 'Thanks **all** @abby',
    });

    await user.click(within(composer).getByRole('tab', { name: 'Write' }));
    await user.click(within(composer).getByRole('button', { name: 'Post reply' }));
    await waitFor(() => expect(textarea).toHaveValue(''));
    expect(requests.find((r) => r.url.pathname === '/api/threads/thread-1/posts' && r.method === 'POST')?.body).toEqual(
      { body: 'Thanks **all** @abby', language: 'en' },
    );
    expect(await screen.findByRole('article', { name: /Ana Souza @ana_souza, post 2/ })).toBeInTheDocument();
    expect(screen.getByText('Your reply was posted.')).toBeInTheDocument();
  });

  it('replies with a quote of the chosen post', async () => {
    const { requests } = stubComposerApi();
    renderApp({ path: '/threads/thread-1' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reply to post 1 by Li Wei, quoting it' }));

    const textarea = screen.getByRole('textbox', { name: 'Reply' });
    expect(textarea).toHaveFocus();
    expect(screen.getByText('Quoting post 1 by Li Wei')).toBeInTheDocument();
    await user.keyboard('Agreed.');
    await user.click(screen.getByRole('button', { name: 'Post reply' }));
    await waitFor(() =>
      expect(
        requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/threads/thread-1/posts')?.body,
      ).toEqual({ body: 'Agreed.', quotePostId: 'post-1', language: 'en' }),
    );
    await waitFor(() => expect(screen.queryByText('Quoting post 1 by Li Wei')).not.toBeInTheDocument());
  });

  it('posts in the interface language unless the writer chooses another', async () => {
    const { requests } = stubComposerApi();
    renderApp({ path: '/threads/thread-1' });
    const user = userEvent.setup();
    const textarea = await screen.findByRole('textbox', { name: 'Reply' });
    const select = screen.getByRole('combobox', { name: 'Written in' });
    expect(select).toHaveValue('en');
    const options = within(select).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toContain('Spanish');
    expect(options.at(-1)).toHaveTextContent('Another language');
    await user.type(textarea, 'Los trabajadores llegaron.');
    await user.selectOptions(select, 'Spanish');
    await user.click(screen.getByRole('button', { name: 'Post reply' }));
    await waitFor(() =>
      expect(
        requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/threads/thread-1/posts')?.body,
      ).toEqual({ body: 'Los trabajadores llegaron.', language: 'es' }),
    );
  });

  it('asks for text before posting', async () => {
    const { requests } = stubComposerApi();
    renderApp({ path: '/threads/thread-1' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Post reply' }));
    const textarea = screen.getByRole('textbox', { name: 'Reply' });
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAccessibleDescription(expect.stringContaining('This field is required.'));
    await waitFor(() => expect(textarea).toHaveFocus());
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname.endsWith('/posts'))).toBe(false);
  });
});
