import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { communes } from './schema.js';
import type { TAgeStructure, TAgeStructureRecord } from './communes.types.js';
import { ageStructurePolicy } from './policy.js';
import { ageStructureRecord } from './age-structure.js';

type Commune = typeof communes.$inferSelect;

/** The margins as `actor` sees them, with whether they may correct them. */
export async function ageStructureForViewer(db: Db, actor: Actor | null, commune: Commune, record: TAgeStructureRecord): Promise<TAgeStructure> {
  return { ...record, can: { edit: await ageStructurePolicy.allows(db, actor, 'edit', commune) } };
}

/** A commune's age × sex margins (the pre-handler has authorized reading them), or null when none are recorded. */
export async function getAgeStructure(db: Db, actor: Actor | null, commune: Commune): Promise<TAgeStructure | null> {
  const record = await ageStructureRecord(db, commune.ags);
  return record && ageStructureForViewer(db, actor, commune, record);
}
