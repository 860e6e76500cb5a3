import type { Db } from '../../../server/db/client.js';
import { unprocessable } from '../../../server/http/problem.js';
import { todayIso } from '../../../lib/dates.js';
import { checkTopics, requireCommunes } from '../lookups.js';
import { listLprStaff } from '../admin/list-staff.js';

/** Shared checks of a consultation's inputs: a past date, real communes, LPR staff, known topics. */
export async function checkConsultationInput(db: Db, input: { heldOn: string; staffUserId: string; communes: string[]; topics: string[] }, keepTopics: string[] = []) {
  if (input.heldOn > todayIso()) throw unprocessable('date_in_future', 'Eine Beratung kann erst nach ihrem Stattfinden erfasst werden; das Datum liegt in der Zukunft.', 'heldOn');
  await requireCommunes(db, input.communes);
  const staff = await listLprStaff(db);
  if (!staff.some((s) => s.id === input.staffUserId)) throw unprocessable('not_lpr_staff', 'Die beratende Person muss zum Landespräventionsrat gehören.', 'staffUserId');
  await checkTopics(db, input.topics, 'topics', keepTopics);
}
