import type { Db } from '../../server/db/client.js';
import { invalidField } from '../../server/http/problem.js';
import { councilLocations } from './schema.js';
import type { TLocationInput } from './councils.types.js';
import { locationOf } from './council-records.js';

export function checkMeetingTimes(startsAt: string, endsAt: string | null) {
  if (endsAt && new Date(endsAt) <= new Date(startsAt)) throw invalidField('endsAt', 'Das Ende der Sitzung muss nach ihrem Beginn liegen.', 'Ende');
  if (endsAt && new Date(endsAt).getTime() - new Date(startsAt).getTime() > 24 * 3600_000) throw invalidField('endsAt', 'Eine Sitzung dauert höchstens 24 Stunden.', 'Ende');
}

/** The meeting's place: an existing place of the council, a new one (stored for reuse), or none (online only). */
export async function resolveLocation(tx: Db, councilId: string, input: { locationId: string | null; location: TLocationInput | null; onlineUrl: string }): Promise<string | null> {
  if (input.locationId) {
    await locationOf(tx, councilId, input.locationId).catch(() => { throw invalidField('locationId', 'Diesen Ort gibt es in diesem Rat nicht.', 'Ort'); });
    return input.locationId;
  }
  if (input.location) return (await tx.insert(councilLocations).values({ councilId, ...input.location }).returning())[0]!.id;
  if (!input.onlineUrl) throw invalidField('location', 'Bitte einen Ort oder einen Link zur Online-Sitzung angeben.', 'Ort');
  return null;
}
