import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { communes, districts } from '../../communes/schema.js';
import { getProcessRow } from './coaching.js';
import { listCoaches } from './coaches.js';
import { fieldLabels } from '../lookups.js';
import type { TCoachCandidate } from './coaching.types.js';

/**
 * Active coaches ranked for a process: working in the commune's Kreis (or statewide), competencies
 * matching the requested topics, and free capacity. Fully booked coaches come last, marked as such.
 */
export async function coachCandidates(db: Db, processId: string): Promise<TCoachCandidate[]> {
  const p = await getProcessRow(db, processId);
  const [c] = await db.select({ districtAgs: communes.districtAgs, districtName: districts.name }).from(communes)
    .innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(eq(communes.ags, p.ags));
  const labels = await fieldLabels(db);
  const ranked = (await listCoaches(db)).filter((coach) => coach.active).map((coach) => {
    const reasons: string[] = [];
    let score = 0;
    if (coach.regions.includes(c!.districtAgs)) { score += 3; reasons.push(`arbeitet im Kreis ${c!.districtName}`); }
    else if (!coach.regions.length) { score += 1; reasons.push('landesweit tätig'); }
    const shared = coach.competencies.filter((k) => p.topics.includes(k));
    score += 2 * shared.length;
    if (shared.length) reasons.push(`Kompetenz: ${shared.map((k) => labels.get(k) ?? k).join(', ')}`);
    const free = coach.capacity - coach.load;
    if (free > 0) { score += Math.min(free, 3) * 0.5; reasons.push(`${free} ${free === 1 ? 'Platz' : 'Plätze'} frei`); }
    else { score -= 100; reasons.push('ausgelastet'); }
    return { ...coach, score, reasons };
  });
  return ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'de'));
}
