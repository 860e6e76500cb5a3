import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { forbidden, notFound, staleVersion, unprocessable } from '../../server/http/problem.js';
import { isLpr, scopesOf, type Actor } from '../../server/auth/roles.js';
import { communeAgeStructure, communes } from './schema.js';

/** The age groups of the survey's age question (SD01) and of the register sample. */
export const AGE_GROUP_KEYS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export type AgeGroupKey = (typeof AGE_GROUP_KEYS)[number];
export interface AgeStructureCell { ageGroup: string; sex: 'm' | 'w'; count: number }

function present(row: typeof communeAgeStructure.$inferSelect) {
  const total = row.cells.reduce((s, c) => s + c.count, 0);
  return { ags: row.ags, referenceDate: row.referenceDate, source: row.source, cells: row.cells, total, updatedAt: row.updatedAt.toISOString(), version: row.version };
}

export async function getAgeStructure(db: Db, ags: string) {
  if (!(await db.select({ ags: communes.ags }).from(communes).where(eq(communes.ags, ags))).length) throw notFound('Diese Gemeinde ist nicht bekannt.');
  const [row] = await db.select().from(communeAgeStructure).where(eq(communeAgeStructure.ags, ags));
  return row ? present(row) : null;
}

/**
 * LPR staff edit any commune's margins; an analyst those of the communes they analyse (read by SQL: the
 * surveys module's table depends on this module's, not the other way round). Reading is the same rule,
 * and the commune itself may also read its own.
 */
export async function assertMayAccessAgeStructure(db: Db, actor: Actor | null, ags: string, mode: 'read' | 'edit') {
  if (isLpr(actor)) return;
  if (mode === 'read' && scopesOf(actor, 'commune').includes(ags)) return;
  const codes = scopesOf(actor, 'analyst');
  const rows = codes.length
    ? (await db.execute(sql`select 1 from analysis_projects where ags = ${ags} and code = any(${sql.param(codes)}::text[])`) as unknown as { rows: unknown[] }).rows
    : [];
  if (!rows.length) throw forbidden(mode === 'edit' ? 'Sie können die Altersstruktur nur für Gemeinden Ihrer Analysen pflegen.' : 'Sie können die Altersstruktur nur für Ihre Gemeinde oder die Gemeinden Ihrer Analysen einsehen.');
}
export const assertMayEditAgeStructure = (db: Db, actor: Actor | null, ags: string) => assertMayAccessAgeStructure(db, actor, ags, 'edit');

/** Saves all 14 cells (7 age groups × m/w) with their source; `version` 0 creates, otherwise optimistic locking. */
export async function saveAgeStructure(db: Db, ctx: AuditContext, ags: string, input: { referenceDate: string; source: string; cells: AgeStructureCell[]; version: number }) {
  const missing = AGE_GROUP_KEYS.flatMap((a) => (['m', 'w'] as const).filter((s) => !input.cells.some((c) => c.ageGroup === a && c.sex === s)).map((s) => `${a} ${s}`));
  if (missing.length) throw unprocessable('cells_incomplete', `Es fehlen Zellen: ${missing.join(', ')}.`, 'cells');
  const unknown = input.cells.filter((c) => !(AGE_GROUP_KEYS as readonly string[]).includes(c.ageGroup));
  if (unknown.length) throw unprocessable('age_group_unknown', `Unbekannte Altersgruppe: ${unknown[0]!.ageGroup}.`, 'cells');
  if (input.cells.length !== AGE_GROUP_KEYS.length * 2) throw unprocessable('cells_duplicate', 'Jede Zelle (Altersgruppe × Geschlecht) darf nur einmal vorkommen.', 'cells');
  return db.transaction(async (tx) => {
    const before = await getAgeStructure(tx, ags);
    const values = { referenceDate: input.referenceDate, source: input.source, cells: input.cells, updatedBy: ctx.actorId, updatedAt: new Date() };
    if (input.version === 0) {
      if (before) throw staleVersion('Die Altersstruktur');
      await tx.insert(communeAgeStructure).values({ ags, ...values });
    } else {
      await updateVersioned(tx, communeAgeStructure, eq(communeAgeStructure.ags, ags), input.version, values, 'Die Altersstruktur');
    }
    const after = await getAgeStructure(tx, ags);
    await recordAudit(tx, ctx, { action: 'commune_age_structure.saved', entityType: 'commune', entityId: ags, before, after });
    return after!;
  });
}
