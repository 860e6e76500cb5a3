import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { checkZipLimits, XLSX_LIMITS, ZIP_UNREADABLE } from '../../server/files/zip-limits.js';
import { runTask, TaskLimitError } from '../../server/workers.js';
import { communes, districts, registryImports } from './schema.js';
import { unreadableGvFile, type GvCommune, type GvFile } from './parse-gv-isys.js';
import type { TRegistryPreview } from './communes.types.js';

type Change = TRegistryPreview['changes'][number];
type CommuneRow = typeof communes.$inferSelect;

const distance = (a: { lon: number | null; lat: number | null }, b: { lon: number | null; lat: number | null }) =>
  a.lon === null || a.lat === null || b.lon === null || b.lat === null ? Infinity : Math.hypot(a.lon - b.lon, (a.lat - b.lat) * 1.5);

/** A merged commune's likely successor: the nearest new commune of the same Kreis, else the nearest grown one. */
function proposeSuccessor(gone: CommuneRow, added: GvCommune[], grown: GvCommune[]): string | null {
  const pick = (list: GvCommune[]) => list.filter((c) => c.districtAgs === gone.districtAgs).sort((a, b) => distance(gone, a) - distance(gone, b))[0];
  return (pick(added) ?? pick(grown))?.ags ?? null;
}

export function computeChanges(current: CommuneRow[], file: GvFile): Change[] {
  const byAgs = new Map(current.map((c) => [c.ags, c]));
  const inFile = new Set(file.communes.map((c) => c.ags));
  const added = file.communes.filter((c) => !byAgs.has(c.ags));
  const grown = file.communes.filter((c) => { const o = byAgs.get(c.ags); return o && c.areaKm2 > o.areaKm2 + 0.5; });
  const changes: Change[] = added.map((c) => ({ kind: 'new', ags: c.ags, name: c.name, before: null, after: { ...c, line: undefined } }));
  for (const old of current.filter((c) => c.status === 'active' && !inFile.has(c.ags))) {
    changes.push({ kind: 'merged', ags: old.ags, name: old.name, before: { name: old.name, population: old.population, areaKm2: old.areaKm2 }, after: null,
      successorAgs: proposeSuccessor(old, added, grown) });
  }
  for (const c of file.communes) {
    const old = byAgs.get(c.ags);
    if (!old) continue;
    if (old.name !== c.name) changes.push({ kind: 'renamed', ags: c.ags, name: c.name, before: { name: old.name }, after: { name: c.name } });
    if (old.population !== c.population || old.populationMale !== c.populationMale || old.populationFemale !== c.populationFemale) {
      changes.push({ kind: 'population', ags: c.ags, name: c.name,
        before: { population: old.population, populationMale: old.populationMale, populationFemale: old.populationFemale },
        after: { population: c.population, populationMale: c.populationMale, populationFemale: c.populationFemale } });
    }
    const attrs = (['type', 'textCode', 'districtAgs', 'associationArs', 'areaKm2', 'postalCode'] as const).filter((k) => old[k] !== c[k]);
    if (attrs.length) {
      changes.push({ kind: 'attributes', ags: c.ags, name: c.name,
        before: Object.fromEntries(attrs.map((k) => [k, old[k]])), after: Object.fromEntries(attrs.map((k) => [k, c[k]])) });
    }
  }
  const order = { new: 0, merged: 1, renamed: 2, attributes: 3, population: 4 };
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.ags.localeCompare(b.ags));
}

export function summarise(file: GvFile, changes: Change[]) {
  const n = (k: Change['kind']) => changes.filter((c) => c.kind === k).length;
  const touched = new Set(changes.filter((c) => c.kind !== 'new' && c.kind !== 'merged').map((c) => c.ags));
  const added = n('new');
  return { communesInFile: file.communes.length, new: added, merged: n('merged'), renamed: n('renamed'), population: n('population'),
    attributes: n('attributes'), unchanged: file.communes.length - added - touched.size };
}

export function presentImport(row: typeof registryImports.$inferSelect): TRegistryPreview {
  const preview = row.preview as { summary: TRegistryPreview['summary']; changes: Change[] };
  return { id: row.id, fileName: row.fileName, referenceDate: row.referenceDate, status: row.status, version: row.version, ...preview };
}

/** The largest GV-ISys upload (the file for all of Germany is about 2 MB). */
export const MAX_REGISTRY_FILE_BYTES = 20 * 1024 * 1024;
/** Heap of the worker that parses the workbook (the Destatis file needs about 250 MB). */
export const REGISTRY_PARSE_HEAP_MB = 1024;

/**
 * Parses a GV-ISys workbook off the request loop: the archive's sizes are checked first (zip bombs), then
 * exceljs reads it in a worker thread with capped memory, so the server keeps answering meanwhile.
 */
export async function parseGvIsysOffLoop(data: Buffer): Promise<GvFile> {
  await checkZipLimits(data, XLSX_LIMITS).catch((err: unknown) => {
    throw err instanceof Problem && err.code === ZIP_UNREADABLE ? unreadableGvFile() : err;
  });
  try {
    return await runTask<GvFile>(new URL('./parse-gv-isys.ts', import.meta.url), 'parseGvIsys', [data], { maxHeapMb: REGISTRY_PARSE_HEAP_MB, timeoutMs: 120_000 });
  } catch (err) {
    if (err instanceof TaskLimitError) {
      throw new Problem(422, 'registry_file_too_complex', err.limit === 'memory'
        ? 'Die Datei ist zu groß oder zu komplex, um sie zu lesen. Bitte laden Sie den unveränderten Auszug des Destatis-Gemeindeverzeichnisses hoch.'
        : 'Das Lesen der Datei hat zu lange gedauert. Bitte laden Sie den unveränderten Auszug des Destatis-Gemeindeverzeichnisses hoch.', { field: 'file' });
    }
    throw err;
  }
}

/** Parses an uploaded GV-ISys file and stores what applying it would change; changes nothing in the registry. */
export async function previewRegistryImport(db: Db, ctx: AuditContext, input: { fileName: string; data: Buffer }) {
  const file = await parseGvIsysOffLoop(input.data);
  const known = new Set((await db.select({ ags: districts.ags }).from(districts)).map((d) => d.ags));
  const unknown = file.communes.filter((c) => !known.has(c.districtAgs));
  if (unknown.length) {
    throw new Problem(422, 'registry_unknown_district', `Kreis ${unknown[0]!.districtAgs} (Zeile ${unknown[0]!.line}) ist nicht bekannt. Eine Kreisreform muss zuerst mit der Zuordnung zur Polizeidirektion erfasst werden.`,
      { errors: unknown.slice(0, 50).map((c) => ({ field: `Zeile ${c.line}`, message: `Kreis ${c.districtAgs} unbekannt`, line: c.line })) });
  }
  const current = await db.select().from(communes);
  const changes = computeChanges(current, file);
  const [row] = await db.insert(registryImports).values({
    fileName: input.fileName, referenceDate: file.referenceDate, parsed: file, createdBy: ctx.actorId,
    preview: { summary: summarise(file, changes), changes },
  }).returning();
  await recordAudit(db, ctx, { action: 'registry_import.previewed', entityType: 'registry_import', entityId: row!.id,
    after: { fileName: input.fileName, referenceDate: file.referenceDate, summary: (row!.preview as { summary: unknown }).summary } });
  return presentImport(row!);
}

export async function getRegistryImport(db: Db, id: string) {
  const [row] = await db.select().from(registryImports).where(eq(registryImports.id, id));
  if (!row) throw new Problem(404, 'not_found', 'Dieser Import existiert nicht.');
  return presentImport(row);
}
