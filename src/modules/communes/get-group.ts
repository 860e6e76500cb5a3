import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { TGroup } from './communes.types.js';
import { groupForViewer, groupRecord } from './groups.js';

export async function getGroup(db: Db, actor: Actor | null, id: string): Promise<TGroup> {
  return groupForViewer(await groupRecord(db, id), actor);
}
