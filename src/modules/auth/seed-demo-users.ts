import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import type { TGrant } from './auth.types.js';
import { createUser } from './create-user.js';

/** For local use only (README); demo data is refused in production. */
export const DEMO_PASSWORD = 'asskomm-demo-2026';

export const DEMO_USERS: { email: string; displayName: string; grants: TGrant[] }[] = [
  { email: 'admin@lpr.demo', displayName: 'Anna Admin (LPR)', grants: [{ role: 'lpr_admin', scopeType: null, scopeId: null }] },
  { email: 'referentin@lpr.demo', displayName: 'Lena Referentin (LPR)', grants: [{ role: 'lpr_staff', scopeType: null, scopeId: null }] },
  { email: 'koordination@schwarzenberg.demo', displayName: 'Klaus Koordinator (Schwarzenberg)', grants: [{ role: 'commune', scopeType: 'commune', scopeId: '14521550' }] },
  { email: 'praevention@pd-chemnitz.demo', displayName: 'Paula Polizei (PD Chemnitz)', grants: [{ role: 'police', scopeType: 'police_directorate', scopeId: 'chemnitz' }] },
  { email: 'coach@institut-b3.demo', displayName: 'Conrad Coach (Institut B3)', grants: [{ role: 'coach', scopeType: null, scopeId: null }] },
  { email: 'kpr@schwarzenberg.demo', displayName: 'Karla Ratsmitglied (KPR Schwarzenberg)', grants: [{ role: 'council_member', scopeType: 'council', scopeId: 'kpr-schwarzenberg' }] },
  { email: 'analyse@institut.demo', displayName: 'Arno Analyst (Forschungsinstitut)', grants: [{ role: 'analyst', scopeType: 'analysis', scopeId: 'sa-schwarzenberg-2026' }, { role: 'analyst', scopeType: 'analysis', scopeId: 'sa-schwarzenberg-2022' }] },
];

/**
 * Whether a demo user's grants name a council: such users are created by the councils module's demo seed,
 * which runs later and creates the council first (a grant's scope must exist).
 */
export const namesCouncil = (u: { grants: TGrant[] }) => u.grants.some((g) => g.scopeType === 'council');

export async function seedDemoUsers(ctx: SeedContext) {
  const now = DEMO_USERS.filter((u) => !namesCouncil(u));
  for (const u of now) await createUser(ctx.db, systemContext('demo-seed'), { ...u, password: DEMO_PASSWORD });
  ctx.log(`demo users: ${now.length} (password for local use only, see README; council members follow with the councils' demo data)`);
}
