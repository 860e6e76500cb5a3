import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { communeBaseName } from '../../communes/official-name.js';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { invalidField, unprocessable } from '../../../server/http/problem.js';
import { todayIso, formatDateDe } from '../../../lib/dates.js';
import { communeGroupMembers, communes, districts } from '../../communes/schema.js';
import { recordAllianceAudit, type AllianceAuditAction } from '../audit.js';
import { agreementCommunes, agreementRevisions, agreements } from '../schema.js';
import { getAgreement, getAgreementRow, KIND_LABELS, type AgreementKind } from './agreement.js';
import { checkDirectorate, resolveParties } from './parties.js';
import type { TAgreementRecord, TAgreementTransition } from './agreements.types.js';

type AgreementAction = TAgreementTransition['action'];
const FROM: Record<AgreementAction, string[]> = { agree: ['draft'], reopen: ['agreed'], sign: ['agreed'], end: ['signed', 'draft', 'agreed'] };
const ACTION_LABELS: Record<AgreementAction, string> = { agree: 'abstimmen', reopen: 'wieder öffnen', sign: 'unterzeichnen', end: 'beenden' };
const AUDIT_ACTIONS: Record<AgreementAction, AllianceAuditAction> = { agree: 'agreement.agreed', reopen: 'agreement.reopened', sign: 'agreement.signed', end: 'agreement.ended' };

/** Every party needs a signatory with name and office before signing. */
function missingSignatories(a: TAgreementRecord): string[] {
  return a.parties.filter((p) => !p.signatoryName.trim() || !p.signatoryOffice.trim()).map((p) => p.label);
}

/**
 * Another active agreement of the same kind covering one of the same communes in the same capacity:
 * two individual ones, or two group ones. A commune may have its own agreement and be party to a
 * group agreement (Schwarzenberg signed both on 17.12.2021).
 */
async function findOverlap(db: Db, a: typeof agreements.$inferSelect, from: string) {
  const rows = await db.select({ id: agreements.id, title: agreements.title, inForceSince: agreements.inForceSince, name: communes.name })
    .from(agreements).innerJoin(agreementCommunes, eq(agreementCommunes.agreementId, agreements.id)).innerJoin(communes, eq(communes.ags, agreementCommunes.ags))
    .where(and(
      ne(agreements.id, a.id), eq(agreements.kind, a.kind), isNotNull(agreements.inForceSince),
      or(isNull(agreements.endedOn), gt(agreements.endedOn, from)),
      a.subjectAgs ? isNotNull(agreements.subjectAgs) : isNotNull(agreements.groupId),
      inArray(agreementCommunes.ags, db.select({ ags: agreementCommunes.ags }).from(agreementCommunes).where(eq(agreementCommunes.agreementId, a.id))),
    ));
  return rows[0] ?? null;
}

/**
 * Serialises signings that touch the same communes, so two overlapping agreements cannot both pass
 * the overlap check. NO KEY UPDATE does not conflict with the key-share locks of foreign keys.
 */
async function lockCommunes(db: Db, a: typeof agreements.$inferSelect) {
  const covered = db.select({ ags: agreementCommunes.ags }).from(agreementCommunes).where(eq(agreementCommunes.agreementId, a.id));
  const members = db.select({ ags: communeGroupMembers.ags }).from(communeGroupMembers).where(eq(communeGroupMembers.groupId, a.groupId ?? '00000000-0000-0000-0000-000000000000'));
  await db.select({ ags: communes.ags }).from(communes)
    .where(or(inArray(communes.ags, covered), inArray(communes.ags, members)))
    .orderBy(asc(communes.ags)).for('no key update');
}

export async function transitionAgreement(db: Db, ctx: AuditContext, id: string, input: TAgreementTransition): Promise<TAgreementRecord> {
  return db.transaction(async (tx) => {
    const row = await getAgreementRow(tx, id);
    const before = await getAgreement(tx, id);
    const allowed = FROM[input.action].includes(row.state) && !(input.action === 'end' && row.inForceSince === null);
    if (!allowed) throw unprocessable('invalid_transition', `Eine Vereinbarung im Zustand „${before.stateLabel}“ kann man nicht ${ACTION_LABELS[input.action]}.`);
    const today = todayIso();
    let changes: Record<string, unknown> = {};
    if (input.action === 'agree') {
      // Abgestimmt means the text and who signs it are settled: every party needs its signatory.
      const missing = missingSignatories(before);
      if (missing.length) throw unprocessable('signatory_missing', `Zum Abstimmen fehlt die unterzeichnende Person (Name und Funktion) für: ${missing.join(', ')}. Bitte im Formular „Inhalt bearbeiten“ ergänzen und speichern.`, 'signatories');
      changes = { state: 'agreed' };
    }
    if (input.action === 'reopen') changes = { state: 'draft' };
    if (input.action === 'sign') {
      const signedOn = input.signedOn;
      if (!signedOn) throw invalidField('signedOn', 'Bitte das Datum der Unterzeichnung angeben.', 'Datum der Unterzeichnung');
      if (signedOn > today) throw unprocessable('signed_on_in_future', `Das Unterzeichnungsdatum ${formatDateDe(signedOn)} liegt in der Zukunft.`, 'signedOn');
      if (row.inForceSince && signedOn < row.inForceSince) throw unprocessable('signed_on_before_original', `Eine Änderung kann nicht vor der ersten Unterzeichnung (${formatDateDe(row.inForceSince)}) unterzeichnet werden.`, 'signedOn');
      await lockCommunes(tx, row);
      if (row.inForceSince === null) {
        // First signing: the parties are the group's members today, all within the police party's directorate.
        const { list } = await resolveParties(tx, { subjectAgs: row.subjectAgs, groupId: row.groupId }, row.policeDirectorateId);
        await tx.delete(agreementCommunes).where(eq(agreementCommunes.agreementId, id));
        await tx.insert(agreementCommunes).values(list.map((c) => ({ agreementId: id, ags: c.ags })));
      } else {
        const covered = await tx.select({ name: communes.name, directorate: districts.policeDirectorateId }).from(agreementCommunes)
          .innerJoin(communes, eq(communes.ags, agreementCommunes.ags)).innerJoin(districts, eq(districts.ags, communes.districtAgs))
          .where(eq(agreementCommunes.agreementId, id));
        checkDirectorate(covered, row.policeDirectorateId, before.policeDirectorate.name);
      }
      const missing = missingSignatories(await getAgreement(tx, id));
      if (missing.length) throw unprocessable('signatory_missing', `Es fehlt die unterzeichnende Person (Name und Funktion) für: ${missing.join(', ')}.`, 'signatories');
      const overlap = await findOverlap(tx, row, row.inForceSince ?? signedOn);
      if (overlap) {
        throw unprocessable('overlapping_agreement',
          `Für ${communeBaseName(overlap.name)} gilt bereits die ${KIND_LABELS[row.kind as AgreementKind]} „${overlap.title}“ (seit ${formatDateDe(overlap.inForceSince!)}). Bitte diese zuerst beenden.`);
      }
      changes = { state: 'signed', signedOn, inForceSince: row.inForceSince ?? signedOn };
    }
    if (input.action === 'end') {
      const endedOn = input.endedOn;
      if (!endedOn) throw invalidField('endedOn', 'Bitte das Datum angeben, zu dem die Vereinbarung endet.', 'Beendet zum');
      if (endedOn > today) throw unprocessable('ended_on_in_future', `Das Enddatum ${formatDateDe(endedOn)} liegt in der Zukunft; bitte am Tag des Endes erfassen.`, 'endedOn');
      if (endedOn < row.inForceSince!) throw unprocessable('ended_before_signed', 'Das Enddatum liegt vor der Unterzeichnung.', 'endedOn');
      changes = { state: 'ended', endedOn, endReason: input.endReason ?? '' };
    }
    await updateVersioned(tx, agreements, eq(agreements.id, id), input.version, { ...changes, updatedAt: new Date() }, 'Die Vereinbarung');
    const after = await getAgreement(tx, id);
    if (input.action === 'sign') {
      await tx.insert(agreementRevisions).values({ agreementId: id, revision: row.revision, signedOn: input.signedOn!, snapshot: after as unknown as Record<string, unknown>, recordedBy: ctx.actorId });
    }
    const final = input.action === 'sign' ? await getAgreement(tx, id) : after;
    await recordAllianceAudit(tx, ctx, { action: AUDIT_ACTIONS[input.action], entityType: 'agreement', entityId: id, before, after: final });
    return final;
  });
}
