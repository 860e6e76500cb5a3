import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { communes, districts } from '../../communes/schema.js';
import { getProcessRow } from './coaching.js';
import { listCoaches } from './coaches.js';
import { fieldLabels } from '../lookups.js';
import type { TCoachCandidate } from './coaching.types.js';

/** "Erzgebirgskreis", "Landkreis Leipzig", "Stadt Leipzig": a Kreis as people name it. */
const districtLabel = (name: string, type: string) => {
  const base = name.split(',')[0]!.trim();
  if (type === 'Kreisfreie Stadt') return `Stadt ${base}`;
  return /kreis$/i.test(base) ? base : `Landkreis ${base}`;
};

/**
 * Active coaches ranked for a process: first by how many of the requested topics they are competent in,
 * then by region (working in the commune's Kreis, then statewide, then elsewhere), then by load (fewer
 * running processes first). Fully booked coaches come last. Each candidate says why, in that order:
 * "Kompetenz: Kinder- und Jugendschutz, Drogen/Sucht", "Region: Erzgebirgskreis", "2 laufende Prozesse (1 Platz frei)".
 */
export async function coachCandidates(db: Db, processId: string): Promise<TCoachCandidate[]> {
  const p = await getProcessRow(db, processId);
  const [c] = await db.select({ districtAgs: communes.districtAgs, districtName: districts.name, districtType: districts.type }).from(communes)
    .innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(eq(communes.ags, p.ags));
  const labels = await fieldLabels(db);
  const districtNames = new Map((await db.select({ ags: districts.ags, name: districts.name, type: districts.type }).from(districts)).map((d) => [d.ags, districtLabel(d.name, d.type)]));
  const ranked = (await listCoaches(db)).filter((coach) => coach.active).map((coach) => {
    const shared = coach.competencies.filter((k) => p.topics.includes(k));
    const inDistrict = coach.regions.includes(c!.districtAgs);
    const regionRank = inDistrict ? 2 : coach.regions.length ? 0 : 1;
    const free = coach.capacity - coach.load;
    const competence = shared.length
      ? `Kompetenz: ${shared.map((k) => labels.get(k) ?? k).join(', ')}`
      : p.topics.length ? 'Kompetenz: keines der angefragten Handlungsfelder' : 'Kompetenz: keine Handlungsfelder angefragt';
    const region = inDistrict ? `Region: ${districtLabel(c!.districtName, c!.districtType)}` : coach.regions.length
      ? `Region: ${coach.regions.map((r) => districtNames.get(r) ?? r).join(', ')} (${coach.regions.length === 1 ? 'anderer Kreis' : 'andere Kreise'})` : 'Region: landesweit tätig';
    const load = `${coach.load} ${coach.load === 1 ? 'laufender Prozess' : 'laufende Prozesse'} (${free > 0 ? `${free} ${free === 1 ? 'Platz' : 'Plätze'} frei` : 'ausgelastet'})`;
    // Lexicographic: free capacity, competence, region, load (each term outweighs all that follow).
    const score = (free > 0 ? 10_000 : 0) + Math.min(shared.length, 99) * 100 + regionRank * 10 + Math.max(0, 9 - coach.load);
    return { ...coach, score, reasons: [competence, region, load] };
  });
  return ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'de'));
}
