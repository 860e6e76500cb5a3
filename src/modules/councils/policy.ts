import { eq, sql } from 'drizzle-orm';
import { definePolicy, defineSubject } from '../../server/auth/policy.js';
import { councils } from './schema.js';

export type CouncilRow = typeof councils.$inferSelect;

/** A council: it belongs to the communes it covers and is the scope of its members' `council_member` grants. */
export const councilSubject = defineSubject<CouncilRow>({
  name: 'council',
  load: async (db, id) => (await db.select().from(councils).where(eq(councils.id, id)))[0],
  ref: (c) => ({ communes: c.communes, scopes: { council: [c.code] } }),
  missing: 'Diesen Präventionsrat gibt es nicht oder Sie haben keinen Zugriff darauf.',
  columns: {
    communes: (ags) => sql`${councils.communes} && ARRAY[${sql.join(ags.map((a) => sql`${a}`), sql`, `)}]::text[]`,
    scopes: { council: councils.code },
  },
});

/**
 * Who reaches a council's internal records (draft minutes, non-public items and their files, members' contact
 * details): the LPR every council, the commune its own, council members their council, the police the councils
 * in their directorate. The commune (and the LPR) manage it; members update the decisions they own (`track`, the
 * use case checks ownership). Others get a 404: a council's internal side stays invisible. The public side is
 * served by the public routes, which never read non-public records.
 */
export const councilPolicy = definePolicy('councils.council', {
  read: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes', council_member: 'scope', police: 'communes' },
  manage: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes' },
  track: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes', council_member: 'scope' },
}, councilSubject, { denied: 'hide' });

/** Founding a council: the LPR for any commune, a coordinator for their own (checked against the AGS in the body). */
export const councilFoundingPolicy = definePolicy('councils.founding', {
  create: { lpr_admin: 'any', lpr_staff: 'any', commune: 'communes' },
});

export const councilsPolicies = [councilPolicy, councilFoundingPolicy] as const;
