import { councilAgendaItems, councilBodies, councilDecisions, councilFiles, councilLocations, councilMeetings, councilMemberships, councilPapers, councilPersons, councilReports, councils, councilStateChanges, councilRules, councilAttendance, councilDecisionUpdates } from './schema.js';

/** The tables public council answers are computed from (public pages, OParl): writes to them invalidate cached answers. */
export const COUNCIL_TABLES = [councils, councilStateChanges, councilRules, councilBodies, councilPersons, councilMemberships, councilLocations, councilMeetings, councilPapers, councilAgendaItems, councilFiles, councilAttendance, councilDecisions, councilDecisionUpdates, councilReports];
