import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { councilPersons } from './schema.js';
import type { TPersonInput } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { accountOf, checkUniqueEmail, consentDay } from './person-fields.js';
import { berlinDay } from './council-records.js';

/** A person in the council (member of one or more bodies, or an owner of decisions). */
export async function createPerson(db: Db, ctx: AuditContext, council: CouncilRow, input: TPersonInput) {
  await checkUniqueEmail(db, council.id, input.email);
  const userId = await accountOf(db, input.email);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(councilPersons).values({ councilId: council.id, ...input, consentGivenOn: consentDay(input, berlinDay(new Date())), userId }).returning();
    await recordCouncilsAudit(tx, ctx, { action: 'council_person.created', entityType: 'council_person', entityId: row!.id, after: { name: `${input.givenName} ${input.familyName}`.trim(), organisation: input.organisation, publicConsent: input.publicConsent } });
    return row!;
  });
}
