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

export async function seedDemoUsers(ctx: SeedContext) {
  for (const u of DEMO_USERS) await createUser(ctx.db, systemContext('demo-seed'), { ...u, password: DEMO_PASSWORD });
  ctx.log(`demo users: ${DEMO_USERS.length} (password for local use only, see README)`);
}
