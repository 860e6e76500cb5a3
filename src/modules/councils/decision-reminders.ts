import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { JobContext, JobDefinition } from '../../server/jobs.js';
import type { Db } from '../../server/db/client.js';
import type { Config } from '../../server/config.js';
import type { Mailer } from '../../server/mail/mailer.js';
import { councilDecisions, councilPersons, councils } from './schema.js';
import { OPEN_TRACK_STATES, LABELS } from './councils.types.js';
import { berlinDay, personName } from './council-records.js';
import { councilPaths } from './paths.js';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const german = (day: string) => day.split('-').reverse().join('.');

/**
 * Beschlusskontrolle by e-mail: the owner of an open decision hears of it a week before it is due, on the due
 * day, and every week while it is overdue. Each decision is reminded at most once a day, however many app
 * processes run the job (the update that marks it is the claim).
 */
export async function sendDecisionReminders(db: Db, mailer: Mailer, config: Config, today = berlinDay(new Date())): Promise<number> {
  const due = await db.select({ d: councilDecisions, p: councilPersons, councilName: councils.name }).from(councilDecisions)
    .innerJoin(councilPersons, eq(councilPersons.id, councilDecisions.ownerPersonId))
    .innerJoin(councils, eq(councils.id, councilDecisions.councilId))
    .where(and(isNull(councilDecisions.deletedAt), isNull(councils.deletedAt), isNull(councilPersons.deletedAt), inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES]), isNotNull(councilDecisions.dueOn),
      sql`${councilPersons.email} <> ''`,
      or(eq(councilDecisions.dueOn, addDays(today, 7)), eq(councilDecisions.dueOn, today),
        and(sql`${councilDecisions.dueOn} < ${today}`, sql`(${councilDecisions.remindedOn} is null or ${councilDecisions.remindedOn} <= ${addDays(today, -7)})`)),
      sql`${councilDecisions.remindedOn} is distinct from ${today}`));
  let sent = 0;
  for (const { d, p, councilName } of due) {
    const [claimed] = await db.update(councilDecisions).set({ remindedOn: today })
      .where(and(eq(councilDecisions.id, d.id), sql`${councilDecisions.remindedOn} is distinct from ${today}`)).returning({ id: councilDecisions.id });
    if (!claimed) continue;
    const overdue = d.dueOn! < today;
    const when = overdue ? `war am ${german(d.dueOn!)} fällig` : d.dueOn === today ? 'ist heute fällig' : `ist am ${german(d.dueOn!)} fällig`;
    await mailer.send({
      to: p.email,
      subject: `${overdue ? 'Überfällig' : 'Erinnerung'}: Beschluss ${d.number} (${councilName})`,
      text: [
        `Guten Tag ${personName(p)},`,
        '',
        `der Beschluss ${d.number} des ${councilName}, für dessen Umsetzung Sie verantwortlich sind, ${when}.`,
        '',
        d.text,
        '',
        `Stand: ${LABELS.trackState[d.trackState!]}${d.trackNote ? ` – ${d.trackNote}` : ''}`,
        '',
        `Bitte tragen Sie den Stand der Umsetzung ein: ${config.publicUrl}${councilPaths.decisions(d.councilId)}`,
        '',
        'Mit freundlichen Grüßen',
        councilName,
      ].join('\n'),
    });
    sent++;
  }
  return sent;
}

/** Every morning (06:00 UTC) by whichever instance's clock fires first. */
export const decisionRemindersJob: JobDefinition<Record<string, never>> = {
  name: 'councils-decision-reminders',
  cron: '0 6 * * *',
  async run(ctx: JobContext) {
    const sent = await sendDecisionReminders(ctx.db, ctx.mailer, ctx.config);
    if (sent) ctx.log('decision reminders sent', { sent });
  },
};
