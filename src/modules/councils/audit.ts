import { sql } from 'drizzle-orm';
import { auditRecorder } from '../../server/audit/record.js';
import { namesFrom, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { councilDecisions, councilMeetings, councilPersons, councils, councilBodies, councilReports } from './schema.js';

/** What the councils module writes to the audit log. */
export const COUNCILS_AUDIT_ACTIONS = [
  'council.created', 'council.updated', 'council.state_changed', 'council.rules_added', 'council.adopted_milestone',
  'council_body.created', 'council_body.updated', 'council_body.deleted',
  'council_person.created', 'council_person.updated', 'council_person.deleted', 'council_person.calendar_token',
  'council_membership.created', 'council_membership.updated', 'council_membership.deleted',
  'council_meeting.created', 'council_meeting.updated', 'council_meeting.invited', 'council_meeting.cancelled', 'council_meeting.held', 'council_meeting.deleted',
  'council_agenda_item.created', 'council_agenda_item.updated', 'council_agenda_item.deleted',
  'council_paper.created', 'council_paper.updated', 'council_file.uploaded', 'council_file.deleted',
  'council_meeting.attendance', 'council_meeting.minutes_saved', 'council_meeting.minutes_approved',
  'council_decision.created', 'council_decision.updated', 'council_decision.deleted', 'council_decision.tracked',
  'council_report.generated', 'council_report.updated', 'council_report.published',
] as const;
export type CouncilsAuditAction = (typeof COUNCILS_AUDIT_ACTIONS)[number];
export type CouncilsEntity = 'council' | 'council_body' | 'council_person' | 'council_membership' | 'council_meeting' | 'council_agenda_item' | 'council_paper' | 'council_file' | 'council_decision' | 'council_report';

export const recordCouncilsAudit = auditRecorder<CouncilsAuditAction, CouncilsEntity>();

const L = (de: string, en: string): AuditLabel => ({ de, en });

export const councilsAudit = {
  actions: {
    'council.created': L('Präventionsrat angelegt', 'Council created'),
    'council.updated': L('Präventionsrat geändert', 'Council changed'),
    'council.state_changed': L('Stand des Präventionsrats fortgeschrieben', 'Council state changed'),
    'council.rules_added': L('Geschäftsordnung (neue Fassung) erfasst', 'Rules of procedure version added'),
    'council.adopted_milestone': L('Präventionsrat aus erfasstem Ereignis übernommen', 'Council taken over from a recorded milestone'),
    'council_body.created': L('Gremium angelegt', 'Body created'),
    'council_body.updated': L('Gremium geändert', 'Body changed'),
    'council_body.deleted': L('Gremium gelöscht', 'Body deleted'),
    'council_person.created': L('Person aufgenommen', 'Person added'),
    'council_person.updated': L('Person geändert', 'Person changed'),
    'council_person.deleted': L('Person entfernt', 'Person removed'),
    'council_person.calendar_token': L('Persönlicher Kalender-Link erzeugt', 'Personal calendar link created'),
    'council_membership.created': L('Mitgliedschaft eingetragen', 'Membership added'),
    'council_membership.updated': L('Mitgliedschaft geändert', 'Membership changed'),
    'council_membership.deleted': L('Mitgliedschaft gelöscht', 'Membership deleted'),
    'council_meeting.created': L('Sitzung geplant', 'Meeting scheduled'),
    'council_meeting.updated': L('Sitzung geändert', 'Meeting changed'),
    'council_meeting.invited': L('Einladung versandt', 'Invitation sent'),
    'council_meeting.cancelled': L('Sitzung abgesagt', 'Meeting cancelled'),
    'council_meeting.held': L('Sitzung als durchgeführt vermerkt', 'Meeting marked as held'),
    'council_meeting.deleted': L('Sitzung gelöscht', 'Meeting deleted'),
    'council_agenda_item.created': L('Tagesordnungspunkt angelegt', 'Agenda item added'),
    'council_agenda_item.updated': L('Tagesordnungspunkt geändert', 'Agenda item changed'),
    'council_agenda_item.deleted': L('Tagesordnungspunkt gelöscht', 'Agenda item deleted'),
    'council_paper.created': L('Vorlage angelegt', 'Paper created'),
    'council_paper.updated': L('Vorlage geändert', 'Paper changed'),
    'council_file.uploaded': L('Datei hochgeladen', 'File uploaded'),
    'council_file.deleted': L('Datei gelöscht', 'File deleted'),
    'council_meeting.attendance': L('Anwesenheit erfasst', 'Attendance recorded'),
    'council_meeting.minutes_saved': L('Protokoll gespeichert', 'Minutes saved'),
    'council_meeting.minutes_approved': L('Protokoll genehmigt', 'Minutes approved'),
    'council_decision.created': L('Beschluss erfasst', 'Decision recorded'),
    'council_decision.updated': L('Beschluss geändert', 'Decision changed'),
    'council_decision.deleted': L('Beschluss gelöscht', 'Decision deleted'),
    'council_decision.tracked': L('Umsetzung des Beschlusses fortgeschrieben', 'Decision progress updated'),
    'council_report.generated': L('Präventionsbericht erzeugt', 'Prevention report generated'),
    'council_report.updated': L('Präventionsbericht bearbeitet', 'Prevention report edited'),
    'council_report.published': L('Präventionsbericht veröffentlicht', 'Prevention report published'),
  } satisfies Record<CouncilsAuditAction, AuditLabel>,
  entities: {
    council: { label: L('Präventionsrat', 'Prevention council'), names: namesFrom(councils, councils.id, councils.name, 'uuid') },
    council_body: { label: L('Gremium', 'Body'), names: namesFrom(councilBodies, councilBodies.id, councilBodies.name, 'uuid') },
    council_person: { label: L('Person im Rat', 'Council person'), names: namesFrom(councilPersons, councilPersons.id, sql`trim(${councilPersons.givenName} || ' ' || ${councilPersons.familyName})`, 'uuid') },
    council_membership: { label: L('Mitgliedschaft', 'Membership') },
    council_meeting: { label: L('Sitzung', 'Meeting'), names: namesFrom(councilMeetings, councilMeetings.id, sql`coalesce(nullif(${councilMeetings.title}, ''), 'Sitzung vom ' || to_char(${councilMeetings.startsAt} AT TIME ZONE 'Europe/Berlin', 'DD.MM.YYYY'))`, 'uuid') },
    council_agenda_item: { label: L('Tagesordnungspunkt', 'Agenda item') },
    council_paper: { label: L('Vorlage', 'Paper') },
    council_file: { label: L('Datei', 'File') },
    council_decision: { label: L('Beschluss', 'Decision'), names: namesFrom(councilDecisions, councilDecisions.id, councilDecisions.number, 'uuid') },
    council_report: { label: L('Präventionsbericht', 'Prevention report'), names: namesFrom(councilReports, councilReports.id, sql`'Präventionsbericht ' || ${councilReports.year}::text`, 'uuid') },
  },
} satisfies AuditVocabulary;
