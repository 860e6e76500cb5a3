const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today's date in Saxony (Europe/Berlin) as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return berlinDay.format(now);
}

const DAY_MS = 86_400_000;
/** The calendar day `n` days after `iso` (before, if negative), as YYYY-MM-DD. */
export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** 01.11.2021 from 2021-11-01. */
export const formatDateDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The last day of each month from `from` to `to` (both YYYY-MM-DD), plus `to` itself. */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (end >= to) break;
    if (end >= from) out.push(end);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  out.push(to);
  return out;
}
