import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import polygonClipping, { type Geom } from 'polygon-clipping';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem, unprocessable } from '../../server/http/problem.js';
import { associations, communeGroupMembers, communePopulation, communes, registryImports } from './schema.js';
import type { GvFile } from './parse-gv-isys.js';
import type { TApplyImport, TRegistryPreview } from './communes.types.js';
import { computeChanges } from './registry-changes.js';
import { presentImport } from './registry-imports.js';
import { recordCommunesAudit } from './audit.js';

type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
function unionGeometries(parts: Geometry[]): Geometry | null {
  if (parts.length === 0) return null;
  const geoms = parts.map((g) => g.coordinates as Geom);
  const u = polygonClipping.union(geoms[0]!, ...geoms.slice(1));
  return u.length === 1 ? { type: 'Polygon', coordinates: u[0] } : { type: 'MultiPolygon', coordinates: u };
}

/**
 * Applies a previewed registry update in one transaction: new communes, renames, attributes and population
 * (kept as history), merged communes marked with their successor. Merged communes stay in the registry,
 * so nothing that referenced them is lost; their group memberships pass to the successor.
 */
export async function applyRegistryImport(db: Db, ctx: AuditContext, id: string, input: TApplyImport): Promise<TRegistryPreview> {
  return db.transaction(async (tx) => {
    const [imp] = await tx.select().from(registryImports).where(eq(registryImports.id, id));
    if (!imp) throw new Problem(404, 'not_found', 'Dieser Import existiert nicht.');
    if (imp.status !== 'previewed') throw unprocessable('import_already_applied', 'Dieser Import wurde bereits übernommen.');
    const [newer] = await tx.select({ id: registryImports.id }).from(registryImports)
      .where(and(eq(registryImports.status, 'applied'), gt(registryImports.appliedAt, imp.createdAt)));
    if (newer) throw new Problem(409, 'preview_outdated', 'Seit dieser Vorschau wurde das Verzeichnis geändert. Bitte laden Sie die Datei erneut hoch.');
    const file = imp.parsed as GvFile;
    // Recompute against the registry as it is now, inside the transaction.
    const current = await tx.select().from(communes).for('update');
    const changes = computeChanges(current, file);
    const inFile = new Map(file.communes.map((c) => [c.ags, c]));
    const applied = await updateVersioned(tx, registryImports, eq(registryImports.id, id), input.version,
      { status: 'applied', appliedAt: new Date(), appliedBy: ctx.actorId, preview: { ...(imp.preview as object), changes } }, 'Der Import');

    const knownAssoc = new Set((await tx.select({ ars: associations.ars }).from(associations)).map((a) => a.ars));
    for (const a of file.associations) {
      if (knownAssoc.has(a.ars)) await tx.update(associations).set({ name: a.name, type: a.type, dissolvedOn: null }).where(eq(associations.ars, a.ars));
      else await tx.insert(associations).values({ ars: a.ars, name: a.name, type: a.type, districtAgs: a.districtAgs });
    }
    for (const c of file.communes) {
      if (!knownAssoc.has(c.associationArs) && !file.associations.some((a) => a.ars === c.associationArs)) {
        await tx.insert(associations).values({ ars: c.associationArs, name: c.name, type: 'verbandsfreie Gemeinde', districtAgs: c.districtAgs }).onConflictDoNothing();
      }
    }
    const merged = changes.filter((c) => c.kind === 'merged');
    const successorOf = new Map(merged.map((m) => [m.ags, input.successors[m.ags] ?? m.successorAgs ?? null]));
    for (const [gone, successor] of successorOf) {
      if (!successor || !inFile.has(successor)) {
        throw unprocessable('successor_required', `Für ${gone} ist eine Nachfolgegemeinde aus der Datei anzugeben.`, `successors.${gone}`);
      }
    }
    const oldRows = new Map(current.map((c) => [c.ags, c]));
    for (const c of file.communes) {
      const values = {
        ars: c.ars, name: c.name, type: c.type, textCode: c.textCode, districtAgs: c.districtAgs, associationArs: c.associationArs,
        population: c.population, populationMale: c.populationMale, populationFemale: c.populationFemale, areaKm2: c.areaKm2,
        postalCode: c.postalCode, lon: c.lon, lat: c.lat, referenceDate: file.referenceDate, status: 'active', successorAgs: null, validUntil: null,
      };
      const old = oldRows.get(c.ags);
      if (!old) {
        const predecessors = [...successorOf].filter(([, s]) => s === c.ags).map(([g]) => oldRows.get(g)?.geometry as Geometry | null).filter((g): g is Geometry => !!g);
        await tx.insert(communes).values({ ags: c.ags, ...values, geometry: unionGeometries(predecessors) });
        await recordCommunesAudit(tx, ctx, { action: 'commune.created', entityType: 'commune', entityId: c.ags, after: values });
      } else {
        const before = Object.fromEntries(Object.keys(values).map((k) => [k, old[k as keyof typeof old]]));
        if (JSON.stringify(before) !== JSON.stringify(values)) {
          await tx.update(communes).set({ ...values, version: sql`${communes.version} + 1`, updatedAt: new Date() }).where(eq(communes.ags, c.ags));
          await recordCommunesAudit(tx, ctx, { action: 'commune.updated', entityType: 'commune', entityId: c.ags, before, after: values });
        }
      }
      await tx.insert(communePopulation).values({ ags: c.ags, referenceDate: file.referenceDate, population: c.population,
        populationMale: c.populationMale, populationFemale: c.populationFemale }).onConflictDoUpdate({
        target: [communePopulation.ags, communePopulation.referenceDate],
        set: { population: c.population, populationMale: c.populationMale, populationFemale: c.populationFemale },
      });
    }
    for (const [gone, successor] of successorOf) {
      await tx.update(communes).set({ status: 'merged', successorAgs: successor, validUntil: file.referenceDate, version: sql`${communes.version} + 1`, updatedAt: new Date() })
        .where(eq(communes.ags, gone));
      const groups = await tx.select({ groupId: communeGroupMembers.groupId }).from(communeGroupMembers).where(eq(communeGroupMembers.ags, gone));
      if (groups.length) await tx.insert(communeGroupMembers).values(groups.map((g) => ({ groupId: g.groupId, ags: successor! }))).onConflictDoNothing();
      await recordCommunesAudit(tx, ctx, { action: 'commune.merged', entityType: 'commune', entityId: gone,
        before: { status: 'active', successorAgs: null }, after: { status: 'merged', successorAgs: successor, validUntil: file.referenceDate } });
    }
    const stillUsed = new Set((await tx.select({ ars: communes.associationArs }).from(communes).where(eq(communes.status, 'active'))).map((r) => r.ars));
    const orphaned = [...knownAssoc].filter((a) => !stillUsed.has(a));
    if (orphaned.length) await tx.update(associations).set({ dissolvedOn: file.referenceDate }).where(inArray(associations.ars, orphaned));
    await recordCommunesAudit(tx, ctx, { action: 'registry_import.applied', entityType: 'registry_import', entityId: id,
      before: { status: 'previewed' }, after: { status: 'applied', referenceDate: file.referenceDate, successors: Object.fromEntries(successorOf) } });
    return presentImport(applied);
  });
}
