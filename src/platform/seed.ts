import { count } from 'drizzle-orm';
import type { Config } from '../server/config.js';
import type { Db } from '../server/db/client.js';
import type { PlatformModule } from '../server/modules.js';
import { platformModules } from './modules.js';
import { users } from '../modules/auth/schema.js';
import { fileStorageFor, type FileStorage } from '../server/files/storage.js';

/**
 * Loads every module's reference data (idempotent), then, on a database without users and outside
 * production, every module's demo data.
 */
export async function seedDatabase(db: Db, config: Config, log: (msg: string) => void, modules: PlatformModule[] = platformModules, files: FileStorage = fileStorageFor(config)) {
  if (config.production && config.demoDataRequested) throw new Error('Demo data is refused when NODE_ENV=production.');
  const ctx = { db, config, log, files };
  for (const m of modules) await m.seedReference?.(ctx);
  if (!config.demoData) return;
  const [u] = await db.select({ n: count() }).from(users);
  if ((u?.n ?? 0) > 0) return;
  for (const m of modules) await m.seedDemo?.(ctx);
}
