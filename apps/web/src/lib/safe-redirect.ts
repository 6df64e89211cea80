/** Only same-site paths are followed after login, so `?next=` cannot send users to another site; by default, the home. */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  if (value.startsWith('/login') || value.startsWith('/register')) return fallback;
  return value;
}
