import { defineSubject } from '../../server/auth/policy.js';
import { users } from './schema.js';
import type { TUserRecord } from './auth.types.js';
import { userRecord } from './users.js';

/** An account as the subject of the administration's rules. */
export const userSubject = defineSubject<TUserRecord>({
  name: 'user',
  load: userRecord,
  ref: (u) => ({ users: [u.id] }),
  missing: 'Dieses Benutzerkonto existiert nicht.',
  columns: { users: users.id },
});
