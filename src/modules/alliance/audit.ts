import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { auditRecorder } from '../../server/audit/record.js';
import { isUuid, namesFrom, type AuditEntityType, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { communes } from '../communes/schema.js';
import {
  agreements, agreementTemplates, coaches, coachingProcesses, communeMilestones, consultationCommunes, consultations, consultationTasks, fieldsOfAction,
} from './schema.js';

/** Every action the alliance module writes to the audit log. */
export const ALLIANCE_AUDIT_ACTIONS = [
  'consultation.logged', 'consultation.updated', 'consultation.deleted', 'consultation_task.done', 'consultation_task.reopened',
  'agreement.drafted', 'agreement.updated', 'agreement.amendment_started', 'agreement.agreed', 'agreement.reopened', 'agreement.signed', 'agreement.ended',
  'agreement.scan_uploaded', 'agreement.deleted',
  'coach.created', 'coach.updated',
  'coaching.requested', 'coaching.matched', 'coaching.started', 'coaching.completed', 'coaching.cancelled', 'coaching.session_logged', 'coaching.feedback_submitted',
  'field_of_action.created', 'field_of_action.updated', 'agreement_template.updated',
  'commune_milestone.recorded', 'commune_stage.corrected', 'commune_milestone.deleted',
] as const;
export type AllianceAuditAction = (typeof ALLIANCE_AUDIT_ACTIONS)[number];

export const ALLIANCE_AUDIT_ENTITIES = [
  'consultation', 'consultation_task', 'agreement', 'coach', 'coaching_process', 'field_of_action', 'agreement_template', 'commune_milestone',
] as const;
export type AllianceAuditEntity = (typeof ALLIANCE_AUDIT_ENTITIES)[number];

export const recordAllianceAudit = auditRecorder<AllianceAuditAction, AllianceAuditEntity>();

/** Readable labels of the alliance's audit actions and entity types, and the names of its records. */
export const allianceAudit = {
  actions: {
    'consultation.logged': { de: 'Beratung erfasst', en: 'Consultation logged' },
    'consultation.updated': { de: 'Beratung geändert', en: 'Consultation changed' },
    'consultation.deleted': { de: 'Beratung gelöscht', en: 'Consultation deleted' },
    'consultation_task.done': { de: 'Folgeaufgabe erledigt', en: 'Follow-up task done' },
    'consultation_task.reopened': { de: 'Folgeaufgabe wieder geöffnet', en: 'Follow-up task reopened' },
    'agreement.drafted': { de: 'Vereinbarung entworfen', en: 'Agreement drafted' },
    'agreement.updated': { de: 'Vereinbarung geändert', en: 'Agreement changed' },
    'agreement.deleted': { de: 'Vereinbarungsentwurf gelöscht', en: 'Agreement draft deleted' },
    'agreement.amendment_started': { de: 'Änderung der Vereinbarung begonnen', en: 'Agreement amendment started' },
    'agreement.agreed': { de: 'Vereinbarung abgestimmt', en: 'Agreement agreed' },
    'agreement.reopened': { de: 'Vereinbarung wieder geöffnet', en: 'Agreement reopened' },
    'agreement.signed': { de: 'Vereinbarung unterzeichnet', en: 'Agreement signed' },
    'agreement.ended': { de: 'Vereinbarung beendet', en: 'Agreement ended' },
    'agreement.scan_uploaded': { de: 'Unterschriebene Vereinbarung hochgeladen', en: 'Signed agreement uploaded' },
    'coach.created': { de: 'Coach angelegt', en: 'Coach created' },
    'coach.updated': { de: 'Coach geändert', en: 'Coach changed' },
    'coaching.requested': { de: 'Coaching angefragt', en: 'Coaching requested' },
    'coaching.matched': { de: 'Coach zugeordnet', en: 'Coach matched' },
    'coaching.started': { de: 'Coaching begonnen', en: 'Coaching started' },
    'coaching.completed': { de: 'Coaching abgeschlossen', en: 'Coaching completed' },
    'coaching.cancelled': { de: 'Coaching abgebrochen', en: 'Coaching cancelled' },
    'coaching.session_logged': { de: 'Coaching-Termin erfasst', en: 'Coaching session logged' },
    'coaching.feedback_submitted': { de: 'Rückmeldung zum Coaching abgegeben', en: 'Coaching feedback submitted' },
    'field_of_action.created': { de: 'Handlungsfeld angelegt', en: 'Field of action created' },
    'field_of_action.updated': { de: 'Handlungsfeld geändert', en: 'Field of action changed' },
    'agreement_template.updated': { de: 'Vorlage der Vereinbarung geändert', en: 'Agreement template changed' },
    'commune_milestone.recorded': { de: 'Meilenstein erfasst', en: 'Milestone recorded' },
    'commune_stage.corrected': { de: 'Stufe der Kommune korrigiert', en: 'Commune stage corrected' },
    'commune_milestone.deleted': { de: 'Meilenstein gelöscht', en: 'Milestone deleted' },
    'demo.seeded': { de: 'Demodaten geladen', en: 'Demo data loaded' },
  } satisfies Record<AllianceAuditAction | 'demo.seeded', AuditLabel>,
  entities: {
    consultation: { label: { de: 'Beratung', en: 'Consultation' }, names: consultationNames },
    consultation_task: { label: { de: 'Folgeaufgabe', en: 'Follow-up task' }, names: namesFrom(consultationTasks, consultationTasks.id, consultationTasks.title, 'uuid') },
    agreement: { label: { de: 'Vereinbarung', en: 'Agreement' }, names: namesFrom(agreements, agreements.id, agreements.title, 'uuid') },
    coach: { label: { de: 'Coach', en: 'Coach' }, names: namesFrom(coaches, coaches.id, coaches.name, 'uuid') },
    coaching_process: { label: { de: 'Coaching', en: 'Coaching' }, names: coachingNames },
    field_of_action: { label: { de: 'Handlungsfeld', en: 'Field of action' }, names: namesFrom(fieldsOfAction, fieldsOfAction.id, fieldsOfAction.label) },
    agreement_template: { label: { de: 'Vorlage der Vereinbarung', en: 'Agreement template' }, names: namesFrom(agreementTemplates, agreementTemplates.id, agreementTemplates.name) },
    commune_milestone: { label: { de: 'Meilenstein', en: 'Milestone' }, names: milestoneNames },
    alliance: { label: { de: 'Allianz', en: 'Alliance' } },
  } satisfies Record<AllianceAuditEntity | 'alliance', AuditEntityType>,
} satisfies AuditVocabulary;

/** „Beratung am 2025-03-12 – Zschopau, Zschorlau“ */
async function consultationNames(db: Db, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Map<string, string>();
  const rows = await db.select({ id: consultations.id, heldOn: consultations.heldOn, name: communes.name }).from(consultations)
    .leftJoin(consultationCommunes, eq(consultationCommunes.consultationId, consultations.id)).leftJoin(communes, eq(communes.ags, consultationCommunes.ags))
    .where(inArray(consultations.id, valid)).orderBy(asc(communes.name));
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.id, out.has(r.id) ? `${out.get(r.id)}, ${r.name}` : `${r.heldOn} – ${r.name ?? ''}`);
  return out;
}

/** A coaching by its commune and coach. */
async function coachingNames(db: Db, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Map<string, string>();
  const rows = await db.select({ id: coachingProcesses.id, commune: communes.name, coach: coaches.name }).from(coachingProcesses)
    .innerJoin(communes, eq(communes.ags, coachingProcesses.ags)).leftJoin(coaches, eq(coaches.id, coachingProcesses.coachId))
    .where(inArray(coachingProcesses.id, valid));
  return new Map(rows.map((r) => [r.id, r.coach ? `${r.commune} (${r.coach})` : r.commune]));
}

/** A milestone by its commune and kind. */
async function milestoneNames(db: Db, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Map<string, string>();
  const rows = await db.select({ id: communeMilestones.id, commune: communes.name, on: communeMilestones.occurredOn }).from(communeMilestones)
    .innerJoin(communes, eq(communes.ags, communeMilestones.ags)).where(inArray(communeMilestones.id, valid));
  return new Map(rows.map((r) => [r.id, `${r.commune}, ${r.on}`]));
}
