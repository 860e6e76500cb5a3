import { z } from 'zod';

/** Shapes every alliance sub-domain shares; each sub-domain keeps its own in its `*.types.ts`. */
export const ZIdParams = z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) });
/** A commune named in a record (AGS and name). */
export const ZCommuneRef = z.object({ ags: z.string(), name: z.string() });
