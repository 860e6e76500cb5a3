/** An RFC 9457 problem that a handler throws; the error handler renders it as application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: { field?: string; errors?: { field: string; label?: string; message: string }[]; [k: string]: unknown } = {},
  ) {
    super(detail);
  }
}

export const TITLES: Record<number, string> = {
  400: 'Ungültige Anfrage', 401: 'Nicht angemeldet', 403: 'Keine Berechtigung', 404: 'Nicht gefunden',
  405: 'Methode nicht erlaubt', 408: 'Zeitüberschreitung', 409: 'Konflikt', 413: 'Datei zu groß', 414: 'Adresse zu lang', 415: 'Nicht unterstütztes Format',
  422: 'Nicht verarbeitbar', 429: 'Zu viele Anfragen', 431: 'Kopfzeilen zu groß', 500: 'Interner Fehler', 503: 'Nicht verfügbar',
};

export const notFound = (detail = 'Der angeforderte Datensatz existiert nicht.') => new Problem(404, 'not_found', detail);
export const forbidden = (detail = 'Sie haben keine Berechtigung für diese Aktion.') => new Problem(403, 'forbidden', detail);
export const unauthenticated = () => new Problem(401, 'unauthenticated', 'Bitte melden Sie sich an.');
/** A 400 for the field `field` (its internal path, for the form), named in the detail by its German `label`. */
export const invalidField = (field: string, message: string, label?: string) =>
  new Problem(400, 'validation_failed', label ? `${label}: ${message}` : message, { field, errors: [{ field, ...(label ? { label } : {}), message }] });
export const unprocessable = (code: string, detail: string, field?: string) => new Problem(422, code, detail, field ? { field } : {});
export const staleVersion = (entity: string) =>
  new Problem(409, 'version_conflict', `${entity} wurde zwischenzeitlich von jemand anderem geändert. Bitte laden Sie die Seite neu und wiederholen Sie Ihre Änderung.`);
