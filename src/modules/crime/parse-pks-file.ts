import { runTask, TaskLimitError } from '../../server/workers.js';
import { unprocessable } from '../../server/http/problem.js';
import { parseBkaKreisTable, parseMunicipalTable, type ParsedPks } from './pks-files.js';
import type { TCrimeFileFormat } from './crime.types.js';

/** What the parsers need to know about the uploader's area, as plain data (so it can go to a worker thread). */
export interface PksScope {
  format: TCrimeFileFormat;
  year?: number;
  /** The Kreise whose figures the uploader may deliver. */
  ownKreise: string[];
  /** Commune AGS → Kreis AGS of the registry (municipal tables). */
  kreisOf: [string, string][];
  /** The uploader's directorates by name, for the message. */
  own: string;
  currentYear: number;
}

/** Parses a PKS file of either format for an uploader's scope (pure). */
export function parsePksFile(data: Buffer, scope: PksScope): ParsedPks {
  const own = new Set(scope.ownKreise);
  if (scope.format === 'bka_kreise') return parseBkaKreisTable(data, scope.year!, (ags) => own.has(ags));
  const kreisOf = new Map(scope.kreisOf);
  return parseMunicipalTable(data, {
    communeExists: (ags) => kreisOf.has(ags),
    refuse: (ags) => (own.has(kreisOf.get(ags)!) ? null : `Die Gemeinde ${ags} gehört nicht zur ${scope.own}; Sie können nur Zahlen Ihrer Direktion einspielen.`),
    currentYear: scope.currentYear,
  });
}

/** Files up to this size are parsed on the request loop; larger ones (20 MB take about 2 s) in a worker thread. */
export const PKS_INLINE_BYTES = 1024 * 1024;

export async function parsePksFileOffLoop(data: Buffer, scope: PksScope): Promise<ParsedPks> {
  if (data.length <= PKS_INLINE_BYTES) return parsePksFile(data, scope);
  try {
    return await runTask<ParsedPks>(new URL('./parse-pks-file.ts', import.meta.url), 'parsePksFile', [data, scope], { maxHeapMb: 1024, timeoutMs: 120_000 });
  } catch (err) {
    if (err instanceof TaskLimitError) throw unprocessable('pks_too_complex', 'Die Datei ist zu groß, um sie zu lesen.', 'file');
    throw err;
  }
}
