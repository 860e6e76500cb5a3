import { z } from 'zod';
import { labelled, ZAgs, ZDate, ZId, ZRequiredText, ZText, ZVersion } from '../../server/http/zod.js';

// Vocabularies (German values as stored; labels live in the web catalogs and in LABELS below for documents).

export const COUNCIL_STATES = ['geplant', 'konstituiert', 'aktiv', 'ruhend', 'reaktiviert', 'aufgeloest'] as const;
export const ZCouncilState = z.enum(COUNCIL_STATES, { error: 'Bitte einen Stand des Rates wählen.' });
export type TCouncilState = z.infer<typeof ZCouncilState>;
/** Which state may follow which (the dated history only moves along these edges). */
export const COUNCIL_TRANSITIONS: Record<TCouncilState, readonly TCouncilState[]> = {
  geplant: ['konstituiert', 'aufgeloest'],
  konstituiert: ['aktiv', 'ruhend', 'aufgeloest'],
  aktiv: ['ruhend', 'aufgeloest'],
  ruhend: ['reaktiviert', 'aufgeloest'],
  reaktiviert: ['aktiv', 'ruhend', 'aufgeloest'],
  aufgeloest: [],
};

export const BODY_KINDS = ['plenum', 'lenkungsgruppe', 'arbeitsgruppe', 'fachkreis', 'begleitgremium'] as const;
export const ZBodyKind = z.enum(BODY_KINDS, { error: 'Bitte eine Art des Gremiums wählen.' });
export type TBodyKind = z.infer<typeof ZBodyKind>;

export const ORGANISATION_TYPES = ['stadtverwaltung', 'stadtrat', 'polizei', 'staatsanwaltschaft', 'justiz', 'schule', 'jugendhilfe', 'soziales', 'verein', 'kirche', 'wirtschaft', 'wissenschaft', 'buerger', 'sonstige'] as const;
export const ZOrganisationType = z.enum(ORGANISATION_TYPES, { error: 'Bitte eine Art der Organisation wählen.' });
export type TOrganisationType = z.infer<typeof ZOrganisationType>;

export const MEMBERSHIP_ROLES = ['vorsitz', 'stellv_vorsitz', 'mitglied', 'beratend', 'gast'] as const;
export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES, { error: 'Bitte eine Rolle wählen.' });
export type TMembershipRole = z.infer<typeof ZMembershipRole>;

export const MEETING_STATES = ['geplant', 'eingeladen', 'durchgefuehrt', 'abgesagt'] as const;
export const ZMeetingState = z.enum(MEETING_STATES);
export type TMeetingState = z.infer<typeof ZMeetingState>;

export const MINUTES_STATES = ['none', 'entwurf', 'genehmigt'] as const;
export type TAgendaMinutesState = (typeof MINUTES_STATES)[number];

export const ATTENDANCE_STATUSES = ['anwesend', 'entschuldigt', 'gast'] as const;
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES, { error: 'Bitte anwesend, entschuldigt oder Gast wählen.' });
export type TAttendanceStatus = z.infer<typeof ZAttendanceStatus>;

export const PAPER_TYPES = ['Beschlussvorlage', 'Informationsvorlage', 'Antrag', 'Bericht', 'Stellungnahme'] as const;
export const ZPaperType = z.enum(PAPER_TYPES);
export type TPaperType = z.infer<typeof ZPaperType>;

export const VOTE_MODES = ['einstimmig', 'abstimmung', 'ohne_abstimmung'] as const;
export const ZVoteMode = z.enum(VOTE_MODES, { error: 'Bitte wählen: einstimmig, mit Abstimmung oder ohne Abstimmung.' });
export type TVoteMode = z.infer<typeof ZVoteMode>;

export const DECISION_TRACK_STATES = ['offen', 'in_arbeit', 'erledigt', 'nicht_umgesetzt'] as const;
export const ZDecisionTrackState = z.enum(DECISION_TRACK_STATES, { error: 'Bitte einen Stand wählen: offen, in Arbeit, erledigt oder nicht umgesetzt.' });
export type TDecisionTrackState = z.infer<typeof ZDecisionTrackState>;
/** States in which a decision is still work to do (shown on start pages). */
export const OPEN_TRACK_STATES: readonly TDecisionTrackState[] = ['offen', 'in_arbeit'];

export const REPORT_STATES = ['entwurf', 'veroeffentlicht'] as const;
export type TReportState = (typeof REPORT_STATES)[number];

// Council records

export const ZCouncilTheme = z.object({
  /** Stable key: a field of action's id, or a slug of the council's own theme. */
  key: z.string().min(1).max(80),
  label: ZRequiredText(200, 'Themenbereich'),
  /** Set when the theme is one of the alliance's Handlungsfelder. */
  fieldOfAction: z.string().max(80).optional(),
});
export type TCouncilTheme = z.infer<typeof ZCouncilTheme>;

export const ZCouncilOffice = z.object({
  /** Where it sits, e.g. "Dezernat 3, Bürgermeisteramt". */
  place: ZText(300).optional(),
  contactName: ZText(200).optional(),
  email: ZText(200).optional(),
  phone: ZText(100).optional(),
  hours: ZText(300).optional(),
  funded: z.boolean().optional(),
  fundingNote: ZText(500).optional(),
});
export type TCouncilOffice = z.infer<typeof ZCouncilOffice>;

export const ZCouncilInput = z.object({
  ags: labelled(ZAgs, 'Kommune'),
  /** Readable key (kpr-<commune>); derived from the commune's name when empty. */
  code: labelled(z.string().regex(/^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/, { error: 'Die Kennung besteht aus Kleinbuchstaben, Ziffern und Bindestrichen (3–60 Zeichen).' }).or(z.literal('')), 'Kennung').default(''),
  /** Further communes of a group council. */
  otherCommunes: z.array(ZAgs).max(50).default([]),
  name: labelled(ZRequiredText(200, 'Name des Rates'), 'Name des Rates'),
  shortName: labelled(ZText(40), 'Kurzname').default(''),
  foundingResolutionOn: labelled(ZDate.nullable(), 'Datum des Gründungsbeschlusses').default(null),
  foundingResolutionNumber: labelled(ZText(80), 'Nummer des Gründungsbeschlusses').default(''),
  themes: z.array(ZCouncilTheme).max(40).default([]),
  office: ZCouncilOffice.default({}),
  description: labelled(ZText(5000), 'Beschreibung').default(''),
  website: labelled(ZText(300), 'Internetseite').default(''),
});
export type TCouncilInput = z.infer<typeof ZCouncilInput>;
export const ZCouncilUpdate = ZCouncilInput.omit({ ags: true, code: true }).extend({ version: ZVersion });
export type TCouncilUpdate = z.infer<typeof ZCouncilUpdate>;

export const ZStateChangeInput = z.object({
  state: labelled(ZCouncilState, 'Stand'),
  effectiveOn: labelled(ZDate, 'Datum'),
  note: labelled(ZText(1000), 'Anmerkung').default(''),
  version: ZVersion,
});
export type TStateChangeInput = z.infer<typeof ZStateChangeInput>;

export const ZRulesInput = z.object({
  adoptedOn: labelled(ZDate, 'Beschlossen am'),
  text: labelled(ZText(100_000), 'Text der Geschäftsordnung').default(''),
  note: labelled(ZText(1000), 'Anmerkung').default(''),
});
export type TRulesInput = z.infer<typeof ZRulesInput>;

export const ZBodyInput = z.object({
  kind: labelled(ZBodyKind.exclude(['plenum']), 'Art des Gremiums'),
  name: labelled(ZRequiredText(200, 'Name des Gremiums'), 'Name des Gremiums'),
  shortName: labelled(ZText(40), 'Kurzname').default(''),
  description: labelled(ZText(5000), 'Beschreibung').default(''),
  theme: z.string().max(80).nullable().default(null),
  startedOn: labelled(ZDate.nullable(), 'Eingerichtet am').default(null),
  endedOn: labelled(ZDate.nullable(), 'Aufgelöst am').default(null),
});
export type TBodyInput = z.infer<typeof ZBodyInput>;
export const ZBodyUpdate = ZBodyInput.omit({ kind: true }).extend({ version: ZVersion });
export type TBodyUpdate = z.infer<typeof ZBodyUpdate>;

export const ZPersonInput = z.object({
  formOfAddress: labelled(ZText(40), 'Anrede').default(''),
  title: labelled(ZText(60), 'Titel').default(''),
  givenName: labelled(ZText(100), 'Vorname').default(''),
  familyName: labelled(ZRequiredText(100, 'Nachname'), 'Nachname'),
  position: labelled(ZText(300), 'Funktion').default(''),
  organisation: labelled(ZText(300), 'Organisation').default(''),
  organisationType: labelled(ZOrganisationType, 'Art der Organisation').default('sonstige'),
  email: labelled(z.union([z.literal(''), z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben.' }).max(200)]), 'E-Mail').default(''),
  phone: labelled(ZText(100), 'Telefon').default(''),
  publicConsent: labelled(z.boolean(), 'Einverständnis zur Veröffentlichung des Namens').default(false),
  consentGivenOn: labelled(ZDate.nullable(), 'Einverständnis erteilt am').default(null),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;
export const ZPersonUpdate = ZPersonInput.extend({ version: ZVersion });
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZMembershipInput = z.object({
  personId: labelled(ZId, 'Person'),
  role: labelled(ZMembershipRole, 'Rolle').default('mitglied'),
  votingRight: labelled(z.boolean(), 'Stimmrecht').default(true),
  startedOn: labelled(ZDate, 'Mitglied seit'),
  endedOn: labelled(ZDate.nullable(), 'Mitglied bis').default(null),
  onBehalfOf: labelled(ZText(300), 'Vertritt').default(''),
});
export type TMembershipInput = z.infer<typeof ZMembershipInput>;
export const ZMembershipUpdate = ZMembershipInput.omit({ personId: true }).extend({ version: ZVersion });
export type TMembershipUpdate = z.infer<typeof ZMembershipUpdate>;

export const ZLocationInput = z.object({
  description: labelled(ZRequiredText(200, 'Ort'), 'Ort'),
  streetAddress: labelled(ZText(200), 'Straße und Hausnummer').default(''),
  postalCode: labelled(ZText(10), 'Postleitzahl').default(''),
  locality: labelled(ZText(100), 'Ort (Gemeinde)').default(''),
  room: labelled(ZText(100), 'Raum').default(''),
});
export type TLocationInput = z.infer<typeof ZLocationInput>;

/** Date-time with offset, e.g. 2026-12-10T17:00:00+01:00. */
export const ZDateTime = z.iso.datetime({ offset: true, error: 'Bitte Datum und Uhrzeit angeben (z. B. 2026-12-10T17:00:00+01:00).' });

export const ZMeetingInput = z.object({
  bodyId: labelled(ZId, 'Gremium'),
  title: labelled(ZText(200), 'Titel der Sitzung').default(''),
  startsAt: labelled(ZDateTime, 'Beginn'),
  endsAt: labelled(ZDateTime.nullable(), 'Ende').default(null),
  /** An existing place of the council, or a new one. */
  locationId: labelled(ZId.nullable(), 'Ort').default(null),
  location: ZLocationInput.nullable().default(null),
  onlineUrl: labelled(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Bitte einen Link mit https:// angeben.' }).max(500)]), 'Link zur Online-Sitzung').default(''),
});
export type TMeetingInput = z.infer<typeof ZMeetingInput>;
export const ZMeetingUpdate = ZMeetingInput.omit({ bodyId: true }).extend({ version: ZVersion });
export type TMeetingUpdate = z.infer<typeof ZMeetingUpdate>;

export const ZAgendaItemInput = z.object({
  order: labelled(z.number().int().min(1, { error: 'Die Nummer des Tagesordnungspunktes beginnt bei 1.' }).max(999), 'Nummer des Tagesordnungspunktes'),
  title: labelled(ZRequiredText(300, 'Titel des Tagesordnungspunktes'), 'Titel des Tagesordnungspunktes'),
  isPublic: labelled(z.boolean(), 'Öffentlich').default(true),
  description: labelled(ZText(10_000), 'Erläuterung').default(''),
  paperId: labelled(ZId.nullable(), 'Vorlage').default(null),
});
export type TAgendaItemInput = z.infer<typeof ZAgendaItemInput>;
export const ZAgendaItemUpdate = ZAgendaItemInput.extend({ version: ZVersion });
export type TAgendaItemUpdate = z.infer<typeof ZAgendaItemUpdate>;

export const ZPaperInput = z.object({
  reference: labelled(ZText(80), 'Vorlagennummer').default(''),
  name: labelled(ZRequiredText(300, 'Titel der Vorlage'), 'Titel der Vorlage'),
  paperType: labelled(ZPaperType, 'Art der Vorlage').default('Beschlussvorlage'),
  date: labelled(ZDate.nullable(), 'Datum der Vorlage').default(null),
  isPublic: labelled(z.boolean(), 'Öffentlich').default(true),
});
export type TPaperInput = z.infer<typeof ZPaperInput>;

export const ZAttendanceInput = z.object({
  entries: z.array(z.object({ personId: ZId, status: labelled(ZAttendanceStatus, 'Anwesenheit'), note: ZText(300).default('') })).max(500),
  version: ZVersion,
});
export type TAttendanceInput = z.infer<typeof ZAttendanceInput>;

export const ZMinutesInput = z.object({
  general: labelled(ZText(20_000), 'Allgemeines zum Protokoll').default(''),
  items: z.array(z.object({ agendaItemId: ZId, minutes: labelled(ZText(50_000), 'Protokoll zum Tagesordnungspunkt') })).max(200),
  /** The meeting's minutesVersion as read. */
  minutesVersion: ZVersion,
});
export type TMinutesInput = z.infer<typeof ZMinutesInput>;

export const ZApproveMinutesInput = z.object({
  /** The later meeting at which the minutes were approved. */
  approvedInMeetingId: labelled(ZId, 'Genehmigt in der Sitzung'),
  minutesVersion: ZVersion,
});
export type TApproveMinutesInput = z.infer<typeof ZApproveMinutesInput>;

export const ZDecisionInput = z.object({
  agendaItemId: labelled(ZId, 'Tagesordnungspunkt'),
  number: labelled(ZText(60), 'Beschlussnummer').default(''),
  text: labelled(ZRequiredText(20_000, 'Beschlusstext'), 'Beschlusstext'),
  voteMode: labelled(ZVoteMode, 'Abstimmung'),
  votesYes: labelled(z.number().int().min(0).max(999).nullable(), 'Ja-Stimmen').default(null),
  votesNo: labelled(z.number().int().min(0).max(999).nullable(), 'Nein-Stimmen').default(null),
  votesAbstain: labelled(z.number().int().min(0).max(999).nullable(), 'Enthaltungen').default(null),
  recommendationId: labelled(ZId.nullable(), 'Handlungsempfehlung').default(null),
  /** Beschlusskontrolle: set an owner and due date to track it (state starts at offen). */
  tracked: z.boolean().default(false),
  ownerPersonId: labelled(ZId.nullable(), 'Verantwortlich').default(null),
  dueOn: labelled(ZDate.nullable(), 'Zu erledigen bis').default(null),
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;
export const ZDecisionUpdate = ZDecisionInput.omit({ agendaItemId: true }).extend({ version: ZVersion });
export type TDecisionUpdate = z.infer<typeof ZDecisionUpdate>;

export const ZTrackInput = z.object({
  state: labelled(ZDecisionTrackState, 'Stand der Umsetzung'),
  note: labelled(ZText(2000), 'Vermerk').default(''),
  version: ZVersion,
});
export type TTrackInput = z.infer<typeof ZTrackInput>;

// The annual report's editable content (generated, then edited; figures are kept as generated).

export const ZReportSection = z.object({
  key: z.string().max(60),
  title: ZRequiredText(200, 'Überschrift'),
  text: ZText(50_000),
});
export const ZReportContent = z.object({
  title: ZRequiredText(300, 'Titel'),
  foreword: ZText(20_000),
  sections: z.array(ZReportSection).max(30),
  /** Figures computed at generation, shown as tables and charts (not editable). */
  figures: z.record(z.string(), z.unknown()),
});
export type TReportContent = z.infer<typeof ZReportContent>;

export const ZCouncilParams = z.object({ id: ZId });
export const ZCouncilChildParams = z.object({ id: ZId, childId: ZId });

/** German labels of the vocabularies for documents, e-mails and the API's `…Label` fields. */
export const LABELS = {
  councilState: { geplant: 'geplant', konstituiert: 'konstituiert', aktiv: 'aktiv', ruhend: 'ruhend', reaktiviert: 'reaktiviert', aufgeloest: 'aufgelöst' } satisfies Record<TCouncilState, string>,
  bodyKind: { plenum: 'Plenum', lenkungsgruppe: 'Lenkungsgruppe', arbeitsgruppe: 'Arbeitsgruppe', fachkreis: 'Fachkreis', begleitgremium: 'Begleitgremium' } satisfies Record<TBodyKind, string>,
  role: { vorsitz: 'Vorsitz', stellv_vorsitz: 'Stellvertretender Vorsitz', mitglied: 'Mitglied', beratend: 'Beratendes Mitglied', gast: 'Gast' } satisfies Record<TMembershipRole, string>,
  meetingState: { geplant: 'geplant', eingeladen: 'eingeladen', durchgefuehrt: 'durchgeführt', abgesagt: 'abgesagt' } satisfies Record<TMeetingState, string>,
  attendance: { anwesend: 'anwesend', entschuldigt: 'entschuldigt', gast: 'Gast' } satisfies Record<TAttendanceStatus, string>,
  voteMode: { einstimmig: 'einstimmig', abstimmung: 'mit Abstimmung', ohne_abstimmung: 'ohne Abstimmung' } satisfies Record<TVoteMode, string>,
  trackState: { offen: 'offen', in_arbeit: 'in Arbeit', erledigt: 'erledigt', nicht_umgesetzt: 'nicht umgesetzt' } satisfies Record<TDecisionTrackState, string>,
  organisationType: {
    stadtverwaltung: 'Stadt-/Gemeindeverwaltung', stadtrat: 'Stadt-/Gemeinderat', polizei: 'Polizei', staatsanwaltschaft: 'Staatsanwaltschaft', justiz: 'Justiz',
    schule: 'Schule', jugendhilfe: 'Jugendhilfe', soziales: 'Soziale Träger', verein: 'Verein', kirche: 'Kirche', wirtschaft: 'Wirtschaft',
    wissenschaft: 'Wissenschaft', buerger: 'Bürgerschaft', sonstige: 'Sonstige',
  } satisfies Record<TOrganisationType, string>,
} as const;

export { ZAgs };
