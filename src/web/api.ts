/** A problem+json answer from the server (RFC 9457), surfaced to the UI with its German detail and field. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly detail: string, readonly field?: string,
    readonly errors?: { field: string; label?: string; message: string; line?: number }[],
    /** Further members of the problem, e.g. `lockedUntil` of a locked account. */
    readonly extra: Record<string, unknown> = {}) { super(detail); }
}

let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => { csrfToken = t; };

export async function api<T>(path: string, init: { method?: string; body?: unknown; form?: FormData; blob?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && init.method && init.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api${path}`, {
    method: init.method ?? 'GET', headers, credentials: 'same-origin',
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  if (res.status === 204) return undefined as T;
  if (init.blob && res.ok) return (await res.blob()) as T;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'error', body.detail ?? `Fehler ${res.status}`, body.field, body.errors, body);
  return body as T;
}

export const formatNumber = (n: number, locale: string) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE');
/** A number with exactly `digits` decimals in the locale's style; '–' where there is none. */
export const formatFixed = (v: number | null | undefined, locale: string, digits = 0) =>
  v === null || v === undefined ? '–' : v.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const formatDate = (iso: string, locale: string) =>
  new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE');
export const formatDateTime = (iso: string, locale: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE');
