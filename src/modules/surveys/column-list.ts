import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** The column list of an INSERT or a SET, from the table's columns (bare names, as PostgreSQL wants them there). */
export const columnList = (...columns: AnyPgColumn[]) => sql.join(columns.map((c) => sql.identifier(c.name)), sql`, `);
