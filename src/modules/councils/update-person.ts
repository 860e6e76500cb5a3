import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { councilPersons } from './schema.js';
import type { TPersonUpdate } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { accountOf, checkUniqueEmail, consentDay } from './person-fields.js';
import { berlinDay, personOf } from './council-records.js';

export async function updatePerson(db: Db, ctx: AuditContext, council: CouncilRow, personId: string, input: TPersonUpdate) {
  const person = await personOf(db, council.id, personId);
  await checkUniqueEmail(db, council.id, input.email, person.id);
  const { version, ...fields } = input;
  const userId = fields.email.toLowerCase() === person.email.toLowerCase() && person.userId ? person.userId : await accountOf(db, fields.email);
  const consentGivenOn = fields.publicConsent ? (person.publicConsent ? (fields.consentGivenOn ?? person.consentGivenOn) : consentDay(fields, berlinDay(new Date()))) : null;
  return db.transaction(async (tx) => {
    const row = await updateVersioned(tx, councilPersons, eq(councilPersons.id, person.id), version, { ...fields, consentGivenOn, userId, updatedAt: new Date() }, 'Die Person');
    await recordCouncilsAudit(tx, ctx, {
      action: 'council_person.updated', entityType: 'council_person', entityId: person.id,
      before: { familyName: person.familyName, givenName: person.givenName, organisation: person.organisation, position: person.position, email: person.email, phone: person.phone, publicConsent: person.publicConsent },
      after: { familyName: row.familyName, givenName: row.givenName, organisation: row.organisation, position: row.position, email: row.email, phone: row.phone, publicConsent: row.publicConsent },
    });
    return row;
  });
}
