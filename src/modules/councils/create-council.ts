import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { AuditContext } from '../../server/audit/record.js';
import { visibleCommunes, canSee } from '../../server/auth/scopes.js';
import { forbidden, invalidField, Problem } from '../../server/http/problem.js';
import { communes } from '../communes/schema.js';
import { councilBodies, councils, councilStateChanges } from './schema.js';
import type { TCouncilInput } from './councils.types.js';
import { recordCouncilsAudit } from './audit.js';
import { freeCouncilCode } from './council-code.js';
import { berlinDay } from './council-records.js';

/**
 * Founds a council (state geplant as of today, or konstituiert later through its state history) with its plenary
 * body. The LPR founds one for any commune, a coordinator for their own; one live council per commune.
 */
export async function createCouncil(db: Db, ctx: AuditContext, actor: Actor, input: TCouncilInput): Promise<typeof councils.$inferSelect> {
  const covered = [input.ags, ...input.otherCommunes.filter((a) => a !== input.ags)];
  const found = await db.select({ ags: communes.ags, name: communes.name }).from(communes).where(inArray(communes.ags, covered));
  if (!found.some((c) => c.ags === input.ags)) throw invalidField('ags', 'Diese Kommune gibt es im Gemeindeverzeichnis nicht.', 'Kommune');
  const unknown = covered.find((a) => !found.some((c) => c.ags === a));
  if (unknown) throw invalidField('otherCommunes', `Die Kommune mit dem Schlüssel ${unknown} gibt es nicht.`, 'Weitere Kommunen');
  const visible = await visibleCommunes(db, actor, ['lpr_admin', 'lpr_staff', 'commune']);
  if (!canSee(visible, input.ags)) throw forbidden('Sie können einen Präventionsrat nur für Ihre eigene Kommune gründen.');
  const existing = await db.select({ name: councils.name }).from(councils)
    .where(and(sql`${councils.communes} && ARRAY[${sql.join(covered.map((a) => sql`${a}`), sql`, `)}]::text[]`, isNull(councils.deletedAt), ne(councils.state, 'aufgeloest')));
  if (existing[0]) throw new Problem(409, 'council_exists', `Für diese Kommune besteht bereits der Rat „${existing[0].name}“. Ein aufgelöster Rat kann neu gegründet werden.`, { field: 'ags' });
  const communeName = found.find((c) => c.ags === input.ags)!.name;
  if (input.code && (await db.select({ id: councils.id }).from(councils).where(eq(councils.code, input.code))).length) {
    throw invalidField('code', 'Diese Kennung ist schon vergeben.', 'Kennung');
  }
  return db.transaction(async (tx) => {
    const code = input.code || await freeCouncilCode(tx, communeName);
    const { otherCommunes: _others, ags, ...fields } = input;
    const [row] = await tx.insert(councils).values({ ...fields, code, ags, communes: covered, state: 'geplant', createdBy: actor.userId }).returning();
    // A council is planned from its founding resolution on (so its constitution can be dated after it), else from today.
    const plannedOn = input.foundingResolutionOn && input.foundingResolutionOn <= berlinDay(new Date()) ? input.foundingResolutionOn : berlinDay(new Date());
    await tx.insert(councilStateChanges).values({ councilId: row!.id, state: 'geplant', effectiveOn: plannedOn, note: input.foundingResolutionNumber ? `Gründungsbeschluss ${input.foundingResolutionNumber}` : 'Angelegt', createdBy: actor.userId });
    await tx.insert(councilBodies).values({ councilId: row!.id, kind: 'plenum', name: row!.name, shortName: row!.shortName });
    await recordCouncilsAudit(tx, ctx, { action: 'council.created', entityType: 'council', entityId: row!.id, after: { code, name: row!.name, ags, communes: covered } });
    return row!;
  });
}
