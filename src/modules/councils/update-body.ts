import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { invalidField } from '../../server/http/problem.js';
import { councilBodies } from './schema.js';
import type { TBodyUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { bodyOf } from './council-records.js';
import { checkBodyDates, checkTheme } from './body-rules.js';

export async function updateBody(db: Db, ctx: AuditContext, council: CouncilRow, bodyId: string, input: TBodyUpdate) {
  const body = await bodyOf(db, council.id, bodyId);
  checkBodyDates(input);
  checkTheme(council, input.theme);
  if (body.kind === 'plenum' && input.name !== body.name) throw invalidField('name', 'Das Plenum trägt den Namen des Rates; ändern Sie den Namen beim Rat.', 'Name des Gremiums');
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilBodies, eq(councilBodies.id, body.id), version, { ...fields, updatedAt: new Date() }, 'Das Gremium');
    await recordCouncilsAudit(tx, ctx, { action: 'council_body.updated', entityType: 'council_body', entityId: body.id, before: { name: body.name, description: body.description, theme: body.theme, startedOn: body.startedOn, endedOn: body.endedOn }, after: { ...fields } });
    return row;
  });
}
