import { ErrorCode, isApiError } from '@twinning/contracts';
import { ApiRequestError, getAccessToken, refreshSession, type QueryValue } from './api-client';
import { withQuery } from './search-params';

/**
 * Files the API only gives to signed-in users (CSV exports): fetched with the bearer token in the
 * `Authorization` header — never in the address, where it would end up in logs and history — and handed to
 * the browser as a download from a Blob object URL.
 */

/** The interface language (the document's `lang`, which the i18n provider keeps current). */
function language(): string | null {
  return typeof document !== 'undefined' && document.documentElement.lang ? document.documentElement.lang : null;
}

async function send(url: string, token: string | null): Promise<Response> {
  const lang = language();
  try {
    return await fetch(url, {
      headers: {
        Accept: '*/*',
        // Exports word their values in the interface language, as the pages do.
        ...(lang ? { 'Accept-Language': lang } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      credentials: 'include',
    });
  } catch (error) {
    throw new ApiRequestError(0, {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: error instanceof Error ? error.message : 'Network error',
    });
  }
}

/** The body of a protected file; renews an expired session once. Throws ApiRequestError on failure. */
export async function fetchAuthorizedBlob(path: string, query?: Readonly<Record<string, QueryValue>>): Promise<Blob> {
  const url = withQuery(path, query);
  let response = await send(url, getAccessToken());
  if (response.status === 401) {
    const renewed = await refreshSession().catch(() => null);
    if (renewed) response = await send(url, renewed.accessToken);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiRequestError(
      response.status,
      isApiError(body) ? body : { code: ErrorCode.INTERNAL, message: response.statusText || 'Download failed' },
    );
  }
  return response.blob();
}

/** Saves a Blob under a file name, through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: release it a little later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
