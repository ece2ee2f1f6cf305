// Where to go after login. Only paths of this app are followed, so that a
// crafted link (`/login?redirect=https://evil`) cannot send a user off-site.

/** The redirect target if it is a path of this app (not /login itself), else null. */
export function safeRedirect(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return null
  if (raw.startsWith('//') || raw.startsWith('/\\')) return null
  if (/^\/login(?:[?#/]|$)/.test(raw)) return null
  return raw
}
