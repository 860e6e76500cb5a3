import { and, eq, exists, isNull, or, sql, type SQL } from 'drizzle-orm';
import { councilAgendaItems, councilFiles, councilPapers } from './schema.js';

/**
 * What the public may see of a council, in one place (public pages, iCal feeds, OParl):
 * - meetings (not deleted) with their date, body and place; of their agenda only public items;
 * - minutes once approved, and then only for public items; decisions of public items;
 * - persons who consented to be named, and their memberships;
 * - files of public papers, of public agenda items (of live meetings) and of the council itself
 *   (founding resolution) and of the Geschäftsordnung's versions. Files of meetings as such (drafts, attendance lists) stay internal.
 */
export const publicFileCondition: SQL = and(isNull(councilFiles.deletedAt), or(
  eq(councilFiles.ownerType, 'council'),
  eq(councilFiles.ownerType, 'rules'),
  and(eq(councilFiles.ownerType, 'paper'), exists(sql`(select 1 from ${councilPapers} where ${councilPapers.id} = ${councilFiles.ownerId} and ${councilPapers.isPublic} and ${councilPapers.deletedAt} is null)`)),
  and(eq(councilFiles.ownerType, 'agenda_item'), exists(sql`(select 1 from ${councilAgendaItems} where ${councilAgendaItems.id} = ${councilFiles.ownerId} and ${councilAgendaItems.isPublic} and ${councilAgendaItems.deletedAt} is null)`)),
))!;
