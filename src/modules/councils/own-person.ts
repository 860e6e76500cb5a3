import type { Actor } from '../../server/auth/roles.js';
import type { PersonRow } from './council-records.js';

/** Whether a council person is the signed-in user (linked account, or the e-mail they are recorded with). */
export const ownsPerson = (actor: Actor, person: Pick<PersonRow, 'userId' | 'email'>) =>
  person.userId === actor.userId || (!!person.email && person.email.toLowerCase() === actor.email.toLowerCase());
