import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One change counter per table that public answers are computed from. Triggers (drizzle/0013, installed per
 * table by `installDataVersionTriggers`) bump it in the same transaction as the write, at commit, so that every
 * app process sees the new version exactly when it sees the new data. Not data: never exported.
 */
export const dataVersions = pgTable('data_versions', {
  source: text('source').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
