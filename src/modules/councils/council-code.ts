import { like } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { fold } from '../../server/http/paging.js';
import { councils } from './schema.js';

/** "Kommunaler Präventionsrat" of "Chemnitz, Stadt" → kpr-chemnitz (kpr-chemnitz-2 when taken). */
export async function freeCouncilCode(db: Db, communeName: string): Promise<string> {
  const slug = fold(communeName.split(',')[0]!).normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'rat';
  const base = `kpr-${slug}`;
  const taken = new Set((await db.select({ code: councils.code }).from(councils).where(like(councils.code, `${base}%`))).map((r) => r.code));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
