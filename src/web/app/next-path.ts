/** The query parameter of the login page that names where to return after signing in. */
export const NEXT_PARAM = 'weiter';

/**
 * Where to go after login: the `weiter` path if it is a path on this site (`/analysen/…`), else the start page.
 * Refused are other origins (`https://evil.example`), protocol-relative (`//evil.example`) and backslash
 * forms (`/\evil.example`, which browsers read as `//`), and control characters.
 */
export function safeNextPath(raw: string | null, origin = window.location.origin): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return '/';
  try {
    const target = new URL(raw, origin);
    if (target.origin !== origin) return '/';
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return '/';
  }
}

/** The login page's address that returns to `path` afterwards. */
export const loginPathFor = (path: string) => (path === '/' ? '/anmelden' : `/anmelden?${NEXT_PARAM}=${encodeURIComponent(path)}`);
