import { z } from 'zod';

export const ZHealth = z.object({ status: z.literal('ok') });
export const ZReady = z.object({
  status: z.literal('ready'),
  database: z.literal('ok'),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
});

/** An attribution file shipped beside the reference data (`dir/name`, the required attribution, the licence text). */
/** A shipped data set: its title and licence for people, the file it is read from, the attribution and the full origin note. */
export const ZDataSource = z.object({ file: z.string(), title: z.string(), publisher: z.string(), licence: z.string(), attribution: z.string(), text: z.string() });
export type TDataSource = z.infer<typeof ZDataSource>;
export const ZDataSourceList = z.object({ items: z.array(ZDataSource) });
export type TDataSourceList = z.infer<typeof ZDataSourceList>;
