import { eq } from 'drizzle-orm';
import { defineSubject } from '../../server/auth/policy.js';
import { communes } from './schema.js';

/** A commune as the subject of other modules' rules (its internal alliance records, crime figures, age structure). */
export const communeSubject = defineSubject<typeof communes.$inferSelect>({
  name: 'commune',
  load: async (db, ags) => (await db.select().from(communes).where(eq(communes.ags, ags)))[0],
  ref: (c) => ({ communes: [c.ags] }),
  missing: 'Diese Gemeinde ist nicht bekannt.',
  columns: { communes: communes.ags },
});
