import { z } from 'zod';
import { ZPage } from '../../server/http/paging.js';
import { ZCouncilOffice, ZCouncilTheme } from './councils.types.js';

/** What the councils API answers (the web shares these types). */

const ZStamp = z.string();
export const ZFileRef = z.object({ id: z.string(), name: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), createdAt: ZStamp });
export type TFileRef = z.infer<typeof ZFileRef>;

export const ZCouncilCan = z.object({ read: z.boolean(), manage: z.boolean(), track: z.boolean() });

export const ZCouncilSummary = z.object({
  id: z.string(), code: z.string(), name: z.string(), ags: z.string(), communeName: z.string(), state: z.string(), stateLabel: z.string(),
  openDecisions: z.number().int(), overdueDecisions: z.number().int(), nextMeetingAt: z.string().nullable(),
});
export type TCouncilSummary = z.infer<typeof ZCouncilSummary>;
export const ZCouncilList = ZPage(ZCouncilSummary).extend({ canCreate: z.boolean() });

export const ZBodySummary = z.object({
  id: z.string(), kind: z.string(), kindLabel: z.string(), name: z.string(), shortName: z.string(), description: z.string(), theme: z.string().nullable(),
  startedOn: z.string().nullable(), endedOn: z.string().nullable(), memberCount: z.number().int(), nextMeetingAt: z.string().nullable(), version: z.number().int(),
});
export type TBodySummary = z.infer<typeof ZBodySummary>;

export const ZCouncilDetail = z.object({
  id: z.string(), code: z.string(), name: z.string(), shortName: z.string(), ags: z.string(), communeName: z.string(),
  communes: z.array(z.object({ ags: z.string(), name: z.string() })),
  state: z.string(), stateLabel: z.string(),
  stateHistory: z.array(z.object({ state: z.string(), stateLabel: z.string(), effectiveOn: z.string(), note: z.string() })),
  nextStates: z.array(z.object({ state: z.string(), stateLabel: z.string() })),
  previousNames: z.array(z.object({ name: z.string(), until: z.string() })),
  foundingResolutionOn: z.string().nullable(), foundingResolutionNumber: z.string(), foundingResolutionFile: ZFileRef.nullable(),
  themes: z.array(ZCouncilTheme), office: ZCouncilOffice, description: z.string(), website: z.string(),
  rules: z.array(z.object({ id: z.string(), number: z.number().int(), adoptedOn: z.string(), text: z.string(), note: z.string(), file: ZFileRef.nullable() })),
  bodies: z.array(ZBodySummary),
  openDecisions: z.number().int(), overdueDecisions: z.number().int(),
  version: z.number().int(), can: ZCouncilCan,
});
export type TCouncilDetail = z.infer<typeof ZCouncilDetail>;

export const ZMembershipView = z.object({
  id: z.string(), bodyId: z.string(), bodyName: z.string(), person: z.object({ id: z.string(), name: z.string(), organisation: z.string() }),
  role: z.string(), roleLabel: z.string(), votingRight: z.boolean(), startedOn: z.string(), endedOn: z.string().nullable(), onBehalfOf: z.string(),
  current: z.boolean(), version: z.number().int(),
});
export type TMembershipView = z.infer<typeof ZMembershipView>;

export const ZMeetingSummary = z.object({
  id: z.string(), bodyId: z.string(), bodyName: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string().nullable(),
  state: z.string(), stateLabel: z.string(), locationName: z.string().nullable(), onlineUrl: z.string(), minutesState: z.string(),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;
export const ZMeetingList = z.object({ items: z.array(ZMeetingSummary) });

export const ZBodyDetail = ZBodySummary.extend({ councilId: z.string(), memberships: z.array(ZMembershipView), meetings: z.array(ZMeetingSummary), can: ZCouncilCan });

export const ZPersonView = z.object({
  id: z.string(), name: z.string(), formOfAddress: z.string(), title: z.string(), givenName: z.string(), familyName: z.string(), position: z.string(),
  organisation: z.string(), organisationType: z.string(), organisationTypeLabel: z.string(), email: z.string(), phone: z.string(),
  publicConsent: z.boolean(), consentGivenOn: z.string().nullable(), hasAccount: z.boolean(), hasCalendar: z.boolean(),
  memberships: z.array(ZMembershipView), version: z.number().int(),
});
export type TPersonView = z.infer<typeof ZPersonView>;
export const ZPersonList = ZPage(ZPersonView);

export const ZLocationView = z.object({ id: z.string(), description: z.string(), streetAddress: z.string(), postalCode: z.string(), locality: z.string(), room: z.string() });
export type TLocationView = z.infer<typeof ZLocationView>;

export const ZPaperView = z.object({ id: z.string(), reference: z.string(), name: z.string(), paperType: z.string(), date: z.string().nullable(), isPublic: z.boolean(), files: z.array(ZFileRef), version: z.number().int() });
export type TPaperView = z.infer<typeof ZPaperView>;

export const ZDecisionView = z.object({
  id: z.string(), number: z.string(), text: z.string(), voteMode: z.string(), voteModeLabel: z.string(),
  votesYes: z.number().int().nullable(), votesNo: z.number().int().nullable(), votesAbstain: z.number().int().nullable(), adopted: z.boolean(), resultLabel: z.string(),
  recommendation: z.object({ id: z.string(), title: z.string() }).nullable(),
  tracked: z.boolean(), trackState: z.string().nullable(), trackStateLabel: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(), dueOn: z.string().nullable(), overdue: z.boolean(), trackNote: z.string(), doneOn: z.string().nullable(),
  council: z.object({ id: z.string(), name: z.string() }),
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), bodyName: z.string() }),
  agendaItem: z.object({ id: z.string(), order: z.number().int(), title: z.string(), isPublic: z.boolean() }),
  history: z.array(z.object({ state: z.string(), stateLabel: z.string(), note: z.string(), byName: z.string(), at: z.string() })),
  version: z.number().int(), canTrack: z.boolean(),
});
export type TDecisionView = z.infer<typeof ZDecisionView>;
export const ZDecisionList = ZPage(ZDecisionView).extend({ counts: z.record(z.string(), z.number().int()) });

export const ZAgendaItemView = z.object({
  id: z.string(), order: z.number().int(), title: z.string(), isPublic: z.boolean(), description: z.string(), paper: ZPaperView.nullable(), minutes: z.string(),
  decisions: z.array(ZDecisionView), files: z.array(ZFileRef), version: z.number().int(),
});
export type TAgendaItemView = z.infer<typeof ZAgendaItemView>;

export const ZMeetingDetail = ZMeetingSummary.extend({
  councilId: z.string(), councilName: z.string(), location: ZLocationView.nullable(), cancelReason: z.string(), invitedAt: z.string().nullable(), sequence: z.number().int(),
  agenda: z.array(ZAgendaItemView),
  attendance: z.array(z.object({ personId: z.string(), name: z.string(), organisation: z.string(), status: z.string(), statusLabel: z.string(), note: z.string() })),
  invitees: z.array(z.object({ personId: z.string(), name: z.string(), organisation: z.string(), email: z.string(), role: z.string(), roleLabel: z.string(), votingRight: z.boolean() })),
  votingMembers: z.number().int(),
  minutesGeneral: z.string(), minutesVersion: z.number().int(), minutesApprovedOn: z.string().nullable(),
  minutesApprovedInMeeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
  /** Earlier meetings of the body whose draft minutes this meeting may approve (only once it has been held). */
  approvableMinutes: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string() })),
  files: z.array(ZFileRef), locations: z.array(ZLocationView),
  version: z.number().int(), can: ZCouncilCan,
});
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;
