import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField } from '../../server/http/problem.js';
import { communes } from '../communes/schema.js';
import { inArray } from 'drizzle-orm';
import { councilBodies, councils } from './schema.js';
import type { TCouncilUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { berlinDay } from './council-records.js';

/** The council's profile: name (a new name keeps the old one in its history), resolution, themes, office. */
export async function updateCouncil(db: Db, ctx: AuditContext, council: CouncilRow, input: TCouncilUpdate): Promise<CouncilRow> {
  const { version, otherCommunes, ...fields } = input;
  const covered = [council.ags, ...otherCommunes.filter((a) => a !== council.ags)];
  const found = await db.select({ ags: communes.ags }).from(communes).where(inArray(communes.ags, covered));
  const unknown = covered.find((a) => !found.some((c) => c.ags === a));
  if (unknown) throw invalidField('otherCommunes', `Die Kommune mit dem Schlüssel ${unknown} gibt es nicht.`, 'Weitere Kommunen');
  const keys = new Set<string>();
  for (const [i, t] of fields.themes.entries()) {
    if (keys.has(t.key)) throw invalidField(`themes.${i}.key`, `Der Themenbereich „${t.label}“ steht zweimal in der Liste.`, 'Themenbereiche');
    keys.add(t.key);
  }
  return db.transaction(async (tx) => {
    const previousNames = fields.name !== council.name ? [...council.previousNames, { name: council.name, until: berlinDay(new Date()) }] : council.previousNames;
    const row = await updateVersioned(tx, councils, eq(councils.id, council.id), version, { ...fields, communes: covered, previousNames, updatedAt: new Date() }, 'Der Präventionsrat');
    if (fields.name !== council.name) await tx.update(councilBodies).set({ name: fields.name, updatedAt: new Date() }).where(and(eq(councilBodies.councilId, council.id), eq(councilBodies.kind, 'plenum')));
    const { version: _v, createdAt: _c, updatedAt: _u, ...before } = council;
    const { version: _v2, createdAt: _c2, updatedAt: _u2, ...after } = row;
    await recordCouncilsAudit(tx, ctx, { action: 'council.updated', entityType: 'council', entityId: council.id, before: JSON.parse(JSON.stringify(before)), after: JSON.parse(JSON.stringify(after)) });
    return row;
  });
}
