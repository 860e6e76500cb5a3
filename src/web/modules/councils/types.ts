// The councils API's answers: the server's view types (councils.views.ts, public-views.ts), plus the vocabularies the forms offer.
import type { TAttendanceStatus, TBodyKind, TDecisionTrackState, TMembershipRole, TOrganisationType, TVoteMode } from '../../../modules/councils/councils.types.js';
import type { TCouncilDetail, TCouncilSummary, TDecisionView, TLocationView, TMeetingDetail, TMeetingSummary, TPersonView } from '../../../modules/councils/councils.views.js';

export type { TAgendaItemView as AgendaItem, TBodySummary as BodyRef, TMembershipView as Membership } from '../../../modules/councils/councils.views.js';
export type { TPublicCouncil as PublicCouncil, TPublicMeeting as PublicMeeting } from '../../../modules/councils/public-views.js';
export type CouncilDetail = TCouncilDetail;
export type CouncilListItem = TCouncilSummary;
export type Person = TPersonView;
export type MeetingListItem = TMeetingSummary;
export type MeetingDetail = TMeetingDetail;
export type Decision = TDecisionView;
export type BodyDetail = TCouncilDetail['bodies'][number] & { councilId: string; memberships: import('../../../modules/councils/councils.views.js').TMembershipView[]; meetings: TMeetingSummary[]; can: TCouncilDetail['can'] };
export interface Paged<T> { items: T[]; total: number; limit: number; offset: number }

export const BODY_KINDS = ['lenkungsgruppe', 'arbeitsgruppe', 'fachkreis', 'begleitgremium'] as const satisfies readonly TBodyKind[];
export const ROLES = ['vorsitz', 'stellv_vorsitz', 'mitglied', 'beratend', 'gast'] as const satisfies readonly TMembershipRole[];
export const ORGANISATION_TYPES = ['stadtverwaltung', 'stadtrat', 'polizei', 'staatsanwaltschaft', 'justiz', 'schule', 'jugendhilfe', 'soziales', 'verein', 'kirche', 'wirtschaft', 'wissenschaft', 'buerger', 'sonstige'] as const satisfies readonly TOrganisationType[];
export const ATTENDANCE = ['anwesend', 'entschuldigt', 'gast'] as const satisfies readonly TAttendanceStatus[];
export const VOTE_MODES = ['einstimmig', 'abstimmung', 'ohne_abstimmung'] as const satisfies readonly TVoteMode[];
export const TRACK_STATES = ['offen', 'in_arbeit', 'erledigt', 'nicht_umgesetzt'] as const satisfies readonly TDecisionTrackState[];
/** Which progress may follow which (the server refuses other moves and says why). */
export const NEXT_TRACK: Record<TDecisionTrackState, readonly TDecisionTrackState[]> = {
  offen: ['in_arbeit', 'erledigt', 'nicht_umgesetzt'], in_arbeit: ['erledigt', 'nicht_umgesetzt', 'offen'], erledigt: ['in_arbeit'], nicht_umgesetzt: ['in_arbeit'],
};

/** The place of a meeting as one line. */
export const placeOf = (l: TLocationView | null | undefined): string =>
  !l ? '' : [l.description, l.room, l.streetAddress, [l.postalCode, l.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
