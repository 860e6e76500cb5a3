import { access } from '../../server/http/access.js';

export const authPolicy = {
  login: access.public,
  session: access.public,
  logout: access.authenticated,
  passwordReset: access.public,
  manageUsers: access.roles('lpr_admin'),
};
