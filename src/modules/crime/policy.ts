import { inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { definePolicy, type Rule } from '../../server/auth/policy.js';
import { isLpr, scopesOf, type Actor, type Role } from '../../server/auth/roles.js';
import { visibleCommunes } from '../../server/auth/scopes.js';
import { forbidden } from '../../server/http/problem.js';
import { communeSubject } from '../communes/subject.js';
import { communes } from '../communes/schema.js';
import type { crimeImports } from './schema.js';

/**
 * Police crime statistics. Kreis and Land figures are published statistics (every signed-in role); a commune's
 * figures are read by the LPR, its police directorate, the commune and the analysts of an analysis of it;
 * the directorates import their own communes' tables.
 */
export const crimeFiguresPolicy = definePolicy('crime.figures', {
  import: { lpr_admin: 'any', lpr_staff: 'any', police: 'communes' },
  listImports: { lpr_admin: 'any', lpr_staff: 'any', police: 'communes' },
  readKreise: 'authenticated',
  readCommune: { lpr_admin: 'any', lpr_staff: 'any', police: 'communes', commune: 'communes', analyst: 'communes' },
}, communeSubject, { denied: 'forbid', detail: 'Sie haben keinen Zugriff auf die Kriminalstatistik dieser Kommune.' });

export const crimePolicies = [crimeFiguresPolicy] as const;

const rolesOf = (rule: Rule): Role[] => (typeof rule === 'string' ? [] : (Object.keys(rule) as Role[]));

/** Whose figures an actor may import: every area (LPR), or the Kreise of the communes their police directorates cover. */
export type Importer = { all: true } | { all: false; kreise: string[]; directorates: string[] };

/**
 * The import rule: the LPR imports any area; a police user only the communes of their Polizeidirektion and
 * the Kreise these lie in (the `import` rule's reach, through the kernel's scope service).
 */
export async function importableAreas(db: Db, actor: Actor | null): Promise<Importer> {
  const reach = await visibleCommunes(db, actor, rolesOf(crimeFiguresPolicy.rules.import));
  if (reach.all) return { all: true };
  if (!reach.ags.size) throw forbidden('Nur das LPR und die Polizei dürfen Kriminalstatistiken einspielen.');
  const kreise = await db.selectDistinct({ ags: communes.districtAgs }).from(communes).where(inArray(communes.ags, [...reach.ags]));
  return { all: false, kreise: kreise.map((k) => k.ags), directorates: scopesOf(actor, 'police') };
}

/** Which imports the list shows: all to the LPR; to the police the BKA tables and their own directorate's files. */
export function importVisibleTo(actor: Actor | null): (row: Pick<typeof crimeImports.$inferSelect, 'format' | 'policeDirectorateId'>) => boolean {
  if (isLpr(actor)) return () => true;
  const own = scopesOf(actor, 'police');
  return (row) => row.format === 'bka_kreise' || (row.policeDirectorateId ?? '').split(',').some((d) => own.includes(d));
}
