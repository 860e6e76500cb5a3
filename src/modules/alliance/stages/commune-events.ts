import { asc, inArray } from 'drizzle-orm';
import type { CommuneEvent, CommuneEventSource } from '../../../server/figures.js';
import { communeMilestones } from '../schema.js';
import { ALLIANCE_EVENT_KINDS } from './stages.js';

/** The milestones the LPR records that other modules count too (analyses, funding), as commune events. */
export const allianceCommuneEvents: CommuneEventSource = async (db) =>
  (await db.select({ ags: communeMilestones.ags, kind: communeMilestones.kind, occurredOn: communeMilestones.occurredOn, note: communeMilestones.note })
    .from(communeMilestones).where(inArray(communeMilestones.kind, [...ALLIANCE_EVENT_KINDS])).orderBy(asc(communeMilestones.occurredOn)))
    .map((m): CommuneEvent => ({ ...m, module: 'alliance' }));
