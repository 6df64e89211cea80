/**
 * The one-click unsubscribe of a mail (RFC 2369 and RFC 8058), shared by notification mail and the
 * digests: `List-Unsubscribe` points at the API (a mail client POSTs `List-Unsubscribe=One-Click`
 * there), the footer's link at the web page, which says what it turns off and asks first.
 */
export function unsubscribeLinks(
  publicUrl: string,
  token: string,
): { headers: Record<string, string>; pageUrl: string } {
  const query = `token=${encodeURIComponent(token)}`;
  return {
    headers: {
      'List-Unsubscribe': `<${publicUrl}/api/unsubscribe?${query}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    pageUrl: `${publicUrl}/unsubscribe?${query}`,
  };
}
