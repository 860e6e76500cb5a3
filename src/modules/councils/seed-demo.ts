import { and, eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import { createUser } from '../auth/create-user.js';
import { DEMO_PASSWORD, DEMO_USERS, namesCouncil } from '../auth/seed-demo-users.js';
import { councilDecisionUpdates, councilDecisions, councilPersons, councils } from './schema.js';
import { berlinDay } from './council-records.js';
import { generateCouncilReport } from './generate-council-report.js';
import { publishCouncilReport } from './publish-council-report.js';
import { seedChemnitz, seedDippoldiswalde } from './seed-demo-chemnitz.js';
import { seedSchwarzenberg } from './seed-demo-schwarzenberg.js';
import { adoptCouncilMilestones } from './adopt-council-milestones.js';

/**
 * The councils' demo data (runs after the alliance, crime and evaluation demos): the three councils of the seed
 * documents with their records, each in a transaction of its own, then the demo users whose grants name a
 * council (the auth demo leaves them to this module: a grant's council must exist), Schwarzenberg's reports, then
 * the take-over of the
 * alliance's generated council milestones, which gives the other communes counted in the press releases their
 * councils (26 on 01.11.2021, 28 on 22.07.2022) and drops the generated milestones of Chemnitz and
 * Schwarzenberg, whose councils exist by then.
 */
export async function seedCouncilsDemo(ctx: SeedContext) {
  const { db } = ctx;
  const sys = systemContext('demo-seed');
  await seedChemnitz(db, sys);
  await seedDippoldiswalde(db, sys);
  const schwarzenberg = await seedSchwarzenberg(db, sys);
  for (const u of DEMO_USERS.filter(namesCouncil)) {
    const user = await createUser(db, sys, { ...u, password: DEMO_PASSWORD });
    // The council's persons with the account's e-mail are that account (their start page lists what they own).
    await db.transaction(async (tx) => {
      const persons = await tx.update(councilPersons).set({ userId: user.id }).where(eq(councilPersons.email, user.email)).returning({ id: councilPersons.id, name: councilPersons.givenName, family: councilPersons.familyName });
      for (const p of persons) {
        await tx.update(councilDecisionUpdates).set({ byUserId: user.id }).where(and(eq(councilDecisionUpdates.byName, `${p.name} ${p.family}`.trim()),
          inArray(councilDecisionUpdates.decisionId, tx.select({ id: councilDecisions.id }).from(councilDecisions).where(eq(councilDecisions.councilId, schwarzenberg.councilId)))));
      }
    });
  }
  // Reports as the coordinator makes them: the year before last published, last year's a generated draft (the
  // upcoming meeting is to adopt it).
  const [council] = await db.select().from(councils).where(eq(councils.id, schwarzenberg.councilId));
  const lastYear = Number(berlinDay(new Date()).slice(0, 4)) - 1;
  const { report: published } = await generateCouncilReport(db, sys, council!, { year: lastYear - 1, keepTexts: false });
  await publishCouncilReport(db, ctx.files, sys, council!, published.id, published.version);
  await generateCouncilReport(db, sys, council!, { year: lastYear, keepTexts: false });
  const { adopted, superseded } = await adoptCouncilMilestones(db, sys);
  ctx.log(`demo councils: Chemnitz, Dippoldiswalde, Schwarzenberg; ${adopted} taken over from milestones (${superseded} superseded)`);
}
