// The councils API's answers as the pages read them (the server's presenters are the source; these name the fields used).
import type { TAttendanceStatus, TBodyKind, TCouncilState, TDecisionTrackState, TMembershipRole, TMeetingState, TOrganisationType, TVoteMode } from '../../../modules/councils/councils.types.js';

export const COUNCIL_STATES = ['geplant', 'konstituiert', 'aktiv', 'ruhend', 'reaktiviert', 'aufgeloest'] as const satisfies readonly TCouncilState[];
/** Mirrors COUNCIL_TRANSITIONS of the server (the server refuses other moves). */
export const NEXT_STATES: Record<TCouncilState, readonly TCouncilState[]> = {
  geplant: ['konstituiert', 'aufgeloest'],
  konstituiert: ['aktiv', 'ruhend', 'aufgeloest'],
  aktiv: ['ruhend', 'aufgeloest'],
  ruhend: ['reaktiviert', 'aufgeloest'],
  reaktiviert: ['aktiv', 'ruhend', 'aufgeloest'],
  aufgeloest: [],
};
export const BODY_KINDS = ['lenkungsgruppe', 'arbeitsgruppe', 'fachkreis', 'begleitgremium'] as const satisfies readonly TBodyKind[];
export const ROLES = ['vorsitz', 'stellv_vorsitz', 'mitglied', 'beratend', 'gast'] as const satisfies readonly TMembershipRole[];
export const ORGANISATION_TYPES = ['stadtverwaltung', 'stadtrat', 'polizei', 'staatsanwaltschaft', 'justiz', 'schule', 'jugendhilfe', 'soziales', 'verein', 'kirche', 'wirtschaft', 'wissenschaft', 'buerger', 'sonstige'] as const satisfies readonly TOrganisationType[];
export const ATTENDANCE = ['anwesend', 'entschuldigt', 'gast'] as const satisfies readonly TAttendanceStatus[];
export const VOTE_MODES = ['einstimmig', 'abstimmung', 'ohne_abstimmung'] as const satisfies readonly TVoteMode[];
export const TRACK_STATES = ['offen', 'in_arbeit', 'erledigt', 'nicht_umgesetzt'] as const satisfies readonly TDecisionTrackState[];

export type Can = { read: boolean; manage: boolean; track: boolean };
export interface CouncilListItem { id: string; code: string; name: string; ags: string; communeName: string; state: TCouncilState; stateLabel: string; openDecisions: number; nextMeetingAt: string | null }
export interface Paged<T> { items: T[]; total: number }
export interface BodyRef { id: string; kind: TBodyKind; kindLabel: string; name: string; shortName: string; memberCount: number; nextMeetingAt: string | null }
export interface CouncilDetail {
  id: string; code: string; name: string; shortName: string; ags: string; communes: { ags: string; name: string }[];
  state: TCouncilState; stateLabel: string; stateHistory: { state: TCouncilState; stateLabel?: string; effectiveOn: string; note: string }[];
  previousNames: string[]; foundingResolutionOn: string | null; foundingResolutionNumber: string;
  themes: { key: string; label: string }[]; office: { place?: string; contactName?: string; email?: string; phone?: string; hours?: string };
  description: string; website: string; rules: { number: number; adoptedOn: string; text: string; note: string }[];
  bodies: BodyRef[]; version: number; can: Can;
}
export interface Person { id: string; formOfAddress?: string; title?: string; givenName: string; familyName: string; name: string; position?: string; organisation: string; organisationType?: TOrganisationType; email?: string; phone?: string; publicConsent?: boolean; version: number }
export interface Membership { id: string; person: { id: string; name: string; organisation: string }; role: TMembershipRole; roleLabel: string; votingRight: boolean; startedOn: string; endedOn: string | null; onBehalfOf: string; version: number }
export interface MeetingListItem { id: string; body: { id: string; name: string }; title: string; startsAt: string; endsAt: string | null; state: TMeetingState; stateLabel: string; location?: string | { description: string } | null }
export interface BodyDetail extends BodyRef { description: string; startedOn: string | null; endedOn: string | null; version: number; memberships: Membership[]; meetings: MeetingListItem[] }
export interface Decision {
  id: string; number: string; text: string; voteMode: TVoteMode; voteModeLabel?: string; votesYes: number | null; votesNo: number | null; votesAbstain: number | null;
  tracked: boolean; owner?: { id: string; name: string } | null; ownerPersonId?: string | null; dueOn: string | null; trackState: TDecisionTrackState | null; trackStateLabel?: string; version: number;
}
export interface AgendaItem { id: string; order: number; title: string; isPublic: boolean; description: string; paper: { id: string; name: string } | null; minutes: string; decisions: Decision[]; files: { id: string; name: string }[]; version: number }
export interface MeetingDetail {
  id: string; body: { id: string; name: string }; title: string; startsAt: string; endsAt: string | null;
  location: { description: string; streetAddress?: string; postalCode?: string; locality?: string; room?: string } | string | null; onlineUrl: string;
  state: TMeetingState; stateLabel: string; invitedAt: string | null; agenda: AgendaItem[];
  attendance: { personId: string; name: string; organisation: string; status: TAttendanceStatus; note: string }[];
  invitees: { personId: string; name: string; email: string; votingRight: boolean }[];
  minutesState: 'none' | 'entwurf' | 'genehmigt'; minutesGeneral: string; minutesVersion: number; minutesApprovedOn: string | null; version: number; can: Can;
}
export interface TrackedDecision {
  id: string; number: string; text: string; meeting: { id: string; startsAt: string; title?: string } | null; meetingDate?: string; meetingId?: string;
  owner: { id: string; name: string } | null; ownerName?: string | null; dueOn: string | null; overdue: boolean; trackState: TDecisionTrackState; trackStateLabel?: string;
  history: { state: TDecisionTrackState; note: string; at: string; by?: string }[]; version: number; canTrack?: boolean;
}
export interface ReportListItem { id: string; year: number; title: string; state: 'entwurf' | 'veroeffentlicht'; publishedAt: string | null; version: number }
export interface ReportDetail extends ReportListItem { content: { title: string; foreword: string; sections: { key: string; title: string; text: string }[]; figures: Record<string, unknown> } }
export interface PublicCouncil {
  id: string; name: string; shortName: string; communes: { ags: string; name: string }[]; stateLabel: string; description: string; website: string;
  office: CouncilDetail['office']; bodies: { id: string; name: string; kindLabel: string }[];
  members: { name: string; organisation: string; roleLabel?: string; body?: string }[];
  meetings: MeetingListItem[]; decisions: { id: string; number: string; text: string; meetingDate?: string; meeting?: { id: string; startsAt: string } }[];
  reports: { id: string; year: number; title: string }[];
}
export interface PublicMeeting {
  id: string; body: { id: string; name: string }; title: string; startsAt: string; endsAt: string | null; location: MeetingDetail['location']; stateLabel: string;
  agenda: { id: string; order: number; title: string; description: string; minutes?: string; decisions: { id: string; number: string; text: string }[] }[];
  minutesApprovedOn?: string | null;
}

/** The place of a meeting as one line. */
export const placeOf = (l: MeetingDetail['location'] | MeetingListItem['location'] | undefined): string =>
  !l ? '' : typeof l === 'string' ? l : [l.description, 'room' in l ? l.room : '', 'streetAddress' in l ? l.streetAddress : '', 'locality' in l ? [l.postalCode, l.locality].filter(Boolean).join(' ') : ''].filter(Boolean).join(', ');
