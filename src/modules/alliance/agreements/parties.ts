import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { invalidField, unprocessable } from '../../../server/http/problem.js';
import { communes, communeGroupMembers, districts, policeDirectorates } from '../../communes/schema.js';
import type { Signatory } from '../schema.js';

/** The communes an agreement's subject stands for: the one commune, or the group's current members. */
async function subjectCommunes(db: Db, subject: { subjectAgs: string | null; groupId: string | null }) {
  const cols = { ags: communes.ags, name: communes.name, type: communes.type, districtAgs: communes.districtAgs, status: communes.status, directorate: districts.policeDirectorateId };
  const base = db.select(cols).from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs));
  if (subject.subjectAgs) return base.where(eq(communes.ags, subject.subjectAgs));
  return base.innerJoin(communeGroupMembers, eq(communeGroupMembers.ags, communes.ags))
    .where(eq(communeGroupMembers.groupId, subject.groupId!)).orderBy(asc(communes.name));
}

/** Every covered commune must lie in the police party's directorate. */
export function checkDirectorate(list: { name: string; directorate: string }[], directorateId: string, directorateName: string) {
  const outside = list.filter((c) => c.directorate !== directorateId);
  if (outside.length) {
    throw unprocessable('commune_outside_directorate',
      `${outside.map((c) => c.name).join(', ')} ${outside.length > 1 ? 'liegen' : 'liegt'} nicht im Bereich der ${directorateName}. Bitte die zuständige Polizeidirektion als Partei wählen.`, 'policeDirectorateId');
  }
}

/** The covered communes and the police party, checked: active communes, all within the directorate. */
export async function resolveParties(db: Db, subject: { subjectAgs: string | null; groupId: string | null }, directorateId: string | null) {
  const list = await subjectCommunes(db, subject);
  if (!list.length) throw unprocessable('no_communes', subject.groupId ? 'Die gewählte Gruppe gibt es nicht oder sie hat keine Mitglieder.' : 'Die gewählte Kommune gibt es nicht.', subject.groupId ? 'groupId' : 'subjectAgs');
  const merged = list.filter((c) => c.status !== 'active');
  if (merged.length) throw unprocessable('commune_merged', `${merged.map((m) => m.name).join(', ')} besteht nicht mehr als eigene Gemeinde.`, 'subjectAgs');
  const id = directorateId ?? list[0]!.directorate;
  const [directorate] = await db.select().from(policeDirectorates).where(eq(policeDirectorates.id, id));
  if (!directorate) throw invalidField('policeDirectorateId', 'Unbekannte Polizeidirektion.', 'Polizeidirektion');
  checkDirectorate(list, directorate.id, directorate.name);
  return { list, directorate };
}

/** One signatory per commune, one for the police and one for the LPR; keeps what was entered. */
export function normaliseSignatories(given: Signatory[], communeList: { ags: string }[]): Signatory[] {
  const find = (party: Signatory['party'], ags?: string) => given.find((s) => s.party === party && (party !== 'commune' || s.ags === ags));
  return [
    ...communeList.map((c) => find('commune', c.ags) ?? { party: 'commune' as const, ags: c.ags, name: '', office: '' }),
    find('police') ?? { party: 'police', name: '', office: '' },
    find('lpr') ?? { party: 'lpr', name: '', office: '' },
  ].map((s) => ({ party: s.party, ...(s.ags ? { ags: s.ags } : {}), name: s.name.trim(), office: s.office.trim() }));
}
