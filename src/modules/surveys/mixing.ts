/**
 * The mixing pool between a submission and its stored response (docs/anonymity.md).
 *
 * The transaction that uses a code (online submit, paper entry) writes the answers only into survey_pool.
 * Once at least k answers of a survey wait, one transaction moves all of them into survey_responses in
 * random order, dated with the day of the move, and rewrites the survey's used codes (survey_used_codes)
 * and keyed paper sheets in random order, so every one of them carries that transaction's xmin and a
 * random position. Afterwards the pool, drafts and rewritten tables are rewritten into new files (VACUUM
 * FULL), so no deleted bytes stay in them. When the field phase has closed, whatever is left joins the last
 * batch (which is mixed again with it), so no batch is ever smaller than k unless the whole survey has
 * fewer answers; the used codes are then marked in access_codes, all in that one transaction.
 */
import { and, count, eq, getTableName, max, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { JobDefinition, Jobs } from '../../server/jobs.js';
import type { ModuleGauge } from '../../server/metrics.js';
import { systemContext } from '../../server/audit/record.js';
import { todayIso } from '../../lib/dates.js';
import { vacuumTables } from '../../server/db/maintenance.js';
import { recordSurveysAudit } from './audit.js';
import { accessCodes, analysisProjects, paperEntries, paperSheets, surveyDrafts, surveyPool, surveyResponses, surveyUsedCodes } from './schema.js';
import { takesAnswers } from './survey-state.js';
import { columnList } from './column-list.js';

export const MIX_JOB = 'surveys.mix-pool';
const MIX_LOCK = 7_411_019;

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as Rows<T>).rows;

/** What moves from the pool into the responses (the same columns in both tables). */
const MOVED = ['projectId', 'questionnaireRevision', 'mode', 'answers', 'stratumKey'] as const;
const returningMoved = (table: typeof surveyPool | typeof surveyResponses) => sql.join(MOVED.map((k) => sql`${table[k]} as ${sql.identifier(k)}`), sql`, `);
const movedNames = sql.join(MOVED.map((k) => sql.identifier(k)), sql`, `);

/** Rewrites a table's rows of the survey in random order, in this transaction: same xmin, random positions. */
const rewriteShuffled = (table: typeof surveyUsedCodes | typeof paperSheets, projectId: string) =>
  sql`with d as (delete from ${table} where ${eq(table.projectId, projectId)} returning *) insert into ${table} select * from d order by random()`;

export interface MixResult { mixed: number; batch: number | null; folded: boolean; waiting: number; open: boolean; closed?: boolean; scrubbed?: boolean }

/** Mixes the survey's pool if it may: at least k waiting, or the field phase has closed. */
export async function mixPool(db: Db, projectId: string, today = todayIso()): Promise<MixResult> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIX_LOCK}, hashtext(${projectId}))`);
    const [state] = await tx.select({
      k: analysisProjects.mixThreshold,
      open: takesAnswers(projectId),
      lastBatch: sql<number>`(select coalesce(${max(surveyResponses.batch)}, 0) from ${surveyResponses} where ${eq(surveyResponses.projectId, projectId)})::int`,
    }).from(analysisProjects).where(eq(analysisProjects.id, projectId));
    if (!state) return { mixed: 0, batch: null, folded: false, waiting: 0, open: false };
    const [{ n }] = await tx.select({ n: count() }).from(surveyPool).where(eq(surveyPool.projectId, projectId)) as [{ n: number }];
    if (state.open && n < state.k) return { mixed: 0, batch: null, folded: false, waiting: n, open: true };
    if (n === 0) {
      // Closed with nothing waiting: only the used codes still have to move to the code table.
      const closed = await closeCodes(tx, projectId);
      return { mixed: 0, batch: null, folded: false, waiting: 0, open: false, closed };
    }
    // After the field phase a remainder smaller than k is mixed again together with the last batch.
    const folded = !state.open && n < state.k && state.lastBatch > 0;
    const batch = folded ? state.lastBatch : state.lastBatch + 1;
    const moved = await rowsOf<{ n: number }>(tx.execute(sql`
      with pooled as (
        delete from ${surveyPool} where ${eq(surveyPool.projectId, projectId)}
        returning ${returningMoved(surveyPool)}
      )${folded ? sql`, earlier as (
        delete from ${surveyResponses} where ${and(eq(surveyResponses.projectId, projectId), eq(surveyResponses.batch, batch))}
        returning ${returningMoved(surveyResponses)}
      )` : sql``}, moving as (
        select * from pooled${folded ? sql` union all select * from earlier` : sql``}
      ), ins as (
        insert into ${surveyResponses} (${columnList(...MOVED.map((k) => surveyResponses[k]), surveyResponses.submittedOn, surveyResponses.batch)})
        select ${movedNames}, ${today}::date, ${batch} from moving order by random()
        returning 1
      )
      select count(*)::int as n from ins`));
    // Used codes and keyed sheets lose the time and order of their use: same xmin, random positions.
    await tx.execute(rewriteShuffled(surveyUsedCodes, projectId));
    await tx.execute(rewriteShuffled(paperSheets, projectId));
    // A draft saved while its code was being used would otherwise outlive its purpose.
    await tx.execute(sql`delete from ${surveyDrafts} using ${surveyUsedCodes} where ${surveyUsedCodes.codeHash} = ${surveyDrafts.codeHash} and ${eq(surveyUsedCodes.projectId, projectId)}`);
    if (!state.open) await closeCodes(tx, projectId);
    await recordSurveysAudit(tx, systemContext('Mischung der Antworten'), {
      action: folded ? 'survey_responses.folded' : 'survey_responses.mixed', entityType: 'analysis_project', entityId: projectId,
      after: { batch, responses: moved[0]!.n },
    });
    return { mixed: moved[0]!.n, batch, folded, waiting: 0, open: state.open, closed: !state.open };
  });
  const scrubbed = result.mixed || result.closed ? await scrub(db, !result.open) : true;
  return { ...result, scrubbed };
}

/**
 * The field phase is over: the survey's used codes go to the code table at once, in this one transaction
 * (their old row versions carry only the time the sample was drawn); retries are refused anyway, so the
 * receipts go with survey_used_codes. False if there was nothing left to do.
 */
async function closeCodes(tx: Db, projectId: string): Promise<boolean> {
  const marked = await rowsOf<{ n: number }>(tx.execute(sql`
    with upd as (
      update ${accessCodes} set ${columnList(accessCodes.used)} = true from ${surveyUsedCodes}
      where ${eq(surveyUsedCodes.projectId, projectId)} and ${accessCodes.codeHash} = ${surveyUsedCodes.codeHash} returning 1
    )
    select count(*)::int as n from upd`));
  const used = await rowsOf<{ n: number }>(tx.execute(sql`with d as (delete from ${surveyUsedCodes} where ${eq(surveyUsedCodes.projectId, projectId)} returning 1) select count(*)::int as n from d`));
  return marked[0]!.n + used[0]!.n > 0;
}

/** Tables holding answers, or row versions that tell when a code or sheet was used: new files after every mix. */
const REWRITTEN = [surveyPool, surveyDrafts, paperEntries, surveyUsedCodes, paperSheets].map(getTableName);

/**
 * Frees what the move left behind: dead pool rows, submitted drafts, the old versions of codes and sheets.
 * VACUUM cannot run in a transaction; it removes only rows no running transaction can still see (what
 * remains is said in docs/anonymity.md). The code table is written
 * to only at field close, and its old row versions carry the time the sample was drawn; a folded batch's
 * old versions hold answers stored again anyway. A failure here does not undo the mix: the next one
 * scrubs again.
 */
async function scrub(db: Db, final: boolean): Promise<boolean> {
  try {
    await vacuumTables(db, REWRITTEN, { full: true, lockTimeoutMs: 1000 });
    if (final) await vacuumTables(db, [accessCodes, surveyResponses].map(getTableName), { full: false });
    return true;
  } catch {
    return false;
  }
}

/** Surveys with answers waiting in the pool (what the periodic sweep mixes). */
async function surveysWithPool(db: Db): Promise<string[]> {
  return (await db.selectDistinct({ id: surveyPool.projectId }).from(surveyPool)).map((r) => r.id);
}

/**
 * Mixes one survey (sent after submissions and when the field phase closes) or, without a project, every
 * survey with waiting answers (the sweep every minute, which also catches a nudge lost with a process).
 */
export const mixJob: JobDefinition<{ projectId?: string }> = {
  name: MIX_JOB,
  cron: '* * * * *',
  retryLimit: 5,
  async run(ctx, data) {
    for (const id of data.projectId ? [data.projectId] : await surveysWithPool(ctx.db)) {
      const result = await mixPool(ctx.db, id);
      if (result.scrubbed === false) ctx.log('survey pool mixed, but its tables could not be vacuumed; the next mix tries again', { projectId: id });
    }
  },
};

/**
 * For /metrics: answers waiting in the pool, all surveys together (a pool that only grows means the mix job is not
 * running). Not per survey: a survey's own series would show when each of its answers arrived, which the mixing
 * exists to blur.
 */
export const surveyPoolGauge: ModuleGauge = {
  name: 'asskomm_survey_pool_answers',
  help: 'Survey answers waiting in the anonymity mixing pool (all surveys)',
  async collect(db) {
    const [row] = await db.select({ n: count() }).from(surveyPool);
    return [{ value: row?.n ?? 0 }];
  },
};

const NUDGE_INTERVAL_MS = 1000;
const lastNudge = new Map<string, number>();

/**
 * Asks for a mix of the survey after a submission, `intervalSeconds` later. pg-boss lets one job per
 * survey and interval through (across all processes; a later nudge books the next interval), so a busy
 * survey is mixed every `intervalSeconds` with all that waits by then. This process sends at most one nudge per survey and
 * second. Losing a nudge loses nothing: the pool is durable and the sweep comes by every minute.
 */
export function nudgeMix(jobs: Jobs, projectId: string, intervalSeconds: number, log: (msg: string, extra?: object) => void) {
  const now = Date.now();
  if (now - (lastNudge.get(projectId) ?? 0) < NUDGE_INTERVAL_MS) return;
  if (lastNudge.size > 1000) lastNudge.clear();
  lastNudge.set(projectId, now);
  jobs.send(MIX_JOB, { projectId }, { singletonKey: projectId, singletonSeconds: intervalSeconds, singletonNextSlot: true, startAfter: intervalSeconds })
    .catch((error: unknown) => log('mix job not queued', { error: String(error) }));
}
