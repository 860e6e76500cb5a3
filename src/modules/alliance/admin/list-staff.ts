import type { Db } from '../../../server/db/client.js';
import { usersWithRole } from '../lookups.js';
import type { TPerson } from './admin.types.js';

/** The LPR's staff, for „beraten durch“ and the check that a consultation was held by the LPR. */
export const listLprStaff = (db: Db): Promise<TPerson[]> => usersWithRole(db, ['lpr_admin', 'lpr_staff']);
