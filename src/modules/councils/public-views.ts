import { z } from 'zod';
import { ZPage } from '../../server/http/paging.js';
import { ZCouncilOffice, ZCouncilTheme } from './councils.types.js';
import { ZDecisionView, ZFileRef, ZLocationView, ZMeetingSummary } from './councils.views.js';

/** What the public council pages answer: only public parts (see public-visibility.ts). */

export const ZPublicCouncilSummary = z.object({ id: z.string(), name: z.string(), ags: z.string(), communeName: z.string(), state: z.string(), stateLabel: z.string(), since: z.string().nullable() });
export const ZPublicCouncilList = ZPage(ZPublicCouncilSummary);

export const ZPublicMember = z.object({ name: z.string(), position: z.string(), organisation: z.string(), role: z.string(), roleLabel: z.string() });

export const ZPublicCouncil = z.object({
  id: z.string(), name: z.string(), ags: z.string(), communeName: z.string(), communes: z.array(z.object({ ags: z.string(), name: z.string() })),
  state: z.string(), stateLabel: z.string(), stateHistory: z.array(z.object({ state: z.string(), stateLabel: z.string(), effectiveOn: z.string() })),
  previousNames: z.array(z.object({ name: z.string(), until: z.string() })),
  foundingResolutionOn: z.string().nullable(), foundingResolutionNumber: z.string(), foundingResolutionFile: ZFileRef.nullable(),
  themes: z.array(ZCouncilTheme), office: ZCouncilOffice, description: z.string(), website: z.string(),
  rules: z.array(z.object({ number: z.number().int(), adoptedOn: z.string(), file: ZFileRef.nullable() })),
  bodies: z.array(z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), name: z.string(), description: z.string(), members: z.array(ZPublicMember), hiddenMembers: z.number().int() })),
  /** Upcoming and recent meetings, newest first (the page splits them by the time it is shown). */
  meetings: z.array(ZMeetingSummary),
  decisions: z.array(ZDecisionView),
  reports: z.array(z.object({ id: z.string(), year: z.number().int(), title: z.string(), publishedAt: z.string() })),
  calendarUrl: z.string(),
});
export type TPublicCouncil = z.infer<typeof ZPublicCouncil>;

export const ZPublicMeeting = ZMeetingSummary.extend({
  councilId: z.string(), councilName: z.string(), location: ZLocationView.nullable(), cancelReason: z.string(),
  minutesApproved: z.boolean(), minutesApprovedOn: z.string().nullable(),
  agenda: z.array(z.object({
    id: z.string(), order: z.number().int(), title: z.string(), description: z.string(), minutes: z.string().nullable(),
    paper: z.object({ id: z.string(), reference: z.string(), name: z.string(), paperType: z.string(), files: z.array(ZFileRef) }).nullable(),
    decisions: z.array(ZDecisionView), files: z.array(ZFileRef),
  })),
  nonPublicItems: z.number().int(),
});
export type TPublicMeeting = z.infer<typeof ZPublicMeeting>;
