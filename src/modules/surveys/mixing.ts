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
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { JobDefinition, Jobs } from '../../server/jobs.js';
import { recordAudit, systemContext } from '../../server/audit/record.js';
import { todayIso } from '../../lib/dates.js';
import { vacuumTables } from '../../server/db/maintenance.js';

export const MIX_JOB = 'surveys.mix-pool';
const MIX_LOCK = 7_411_019;

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as Rows<T>).rows;

export interface MixResult { mixed: number; batch: number | null; folded: boolean; waiting: number; open: boolean; closed?: boolean; scrubbed?: boolean }

/** Mixes the survey's pool if it may: at least k waiting, or the field phase has closed. */
export async function mixPool(db: Db, projectId: string, today = todayIso()): Promise<MixResult> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIX_LOCK}, hashtext(${projectId}))`);
    const [state] = await rowsOf<{ k: number; open: boolean; last_batch: number }>(tx.execute(sql`
      select p.mix_threshold as k, (p.status = 'running' and coalesce(f.status, '') = 'in_progress') as open,
        (select coalesce(max(r.batch), 0) from survey_responses r where r.project_id = p.id)::int as last_batch
      from analysis_projects p left join analysis_phases f on f.project_id = p.id and f.key = 'field'
      where p.id = ${projectId}`));
    if (!state) return { mixed: 0, batch: null, folded: false, waiting: 0, open: false };
    const [{ n }] = await rowsOf<{ n: number }>(tx.execute(sql`select count(*)::int as n from survey_pool where project_id = ${projectId}`)) as [{ n: number }];
    if (state.open && n < state.k) return { mixed: 0, batch: null, folded: false, waiting: n, open: true };
    if (n === 0) {
      // Closed with nothing waiting: only the used codes still have to move to the code table.
      const closed = await closeCodes(tx, projectId);
      return { mixed: 0, batch: null, folded: false, waiting: 0, open: false, closed };
    }
    // After the field phase a remainder smaller than k is mixed again together with the last batch.
    const folded = !state.open && n < state.k && state.last_batch > 0;
    const batch = folded ? state.last_batch : state.last_batch + 1;
    const moved = await rowsOf<{ n: number }>(tx.execute(sql`
      with pooled as (
        delete from survey_pool where project_id = ${projectId}
        returning project_id, questionnaire_revision, mode, answers, stratum_key
      )${folded ? sql`, earlier as (
        delete from survey_responses where project_id = ${projectId} and batch = ${batch}
        returning project_id, questionnaire_revision, mode, answers, stratum_key
      )` : sql``}, moving as (
        select * from pooled${folded ? sql` union all select * from earlier` : sql``}
      ), ins as (
        insert into survey_responses (project_id, questionnaire_revision, mode, answers, stratum_key, submitted_on, batch)
        select project_id, questionnaire_revision, mode, answers, stratum_key, ${today}::date, ${batch} from moving order by random()
        returning 1
      )
      select count(*)::int as n from ins`));
    // Used codes and keyed sheets lose the time and order of their use: same xmin, random positions.
    await tx.execute(sql`with d as (delete from survey_used_codes where project_id = ${projectId} returning *) insert into survey_used_codes select * from d order by random()`);
    await tx.execute(sql`with d as (delete from paper_sheets where project_id = ${projectId} returning *) insert into paper_sheets select * from d order by random()`);
    // A draft saved while its code was being used would otherwise outlive its purpose.
    await tx.execute(sql`delete from survey_drafts d using survey_used_codes u where u.code_hash = d.code_hash and u.project_id = ${projectId}`);
    if (!state.open) await closeCodes(tx, projectId);
    await recordAudit(tx, systemContext('Mischung der Antworten'), {
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
    with upd as (update access_codes a set used = true from survey_used_codes u where u.project_id = ${projectId} and a.code_hash = u.code_hash returning 1)
    select count(*)::int as n from upd`));
  const used = await rowsOf<{ n: number }>(tx.execute(sql`with d as (delete from survey_used_codes where project_id = ${projectId} returning 1) select count(*)::int as n from d`));
  return marked[0]!.n + used[0]!.n > 0;
}

/** Tables holding answers, or row versions that tell when a code or sheet was used: new files after every mix. */
const REWRITTEN = ['survey_pool', 'survey_drafts', 'paper_entries', 'survey_used_codes', 'paper_sheets'];

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
    if (final) await vacuumTables(db, ['access_codes', 'survey_responses'], { full: false });
    return true;
  } catch {
    return false;
  }
}

/** Surveys with answers waiting in the pool (what the periodic sweep mixes). */
export async function surveysWithPool(db: Db): Promise<string[]> {
  return (await rowsOf<{ id: string }>(db.execute(sql`select distinct project_id::text as id from survey_pool`))).map((r) => r.id);
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
