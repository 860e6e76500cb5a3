import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';

export interface PendingSubmission { codeHash: string; projectId: string; revision: number; submittedOn: string; answers: string; submissionKey: string }

/**
 * Write coalescing for survey submissions (group commit in the application): submissions that arrive
 * while a write is in flight are stored together in one statement, one transaction. Every caller still
 * waits for the commit of its own batch before it is answered, so an acknowledged submission is durable.
 * Nothing is kept beyond the requests in flight, so any number of app processes can run side by side.
 *
 * Per submission the statement marks the code used only if it belongs to the survey, is unused, the
 * revision is the frozen one and the field phase runs; only then it inserts the answers and drops the
 * draft. A code appearing twice in a batch waits for the next batch (and is then found used).
 */
export class SubmitBatcher {
  private queue: { item: PendingSubmission; resolve: (stored: boolean) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(private readonly db: Db, private readonly maxBatch = 200, private readonly maxConcurrent = 4) {}

  submit(item: PendingSubmission): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.maxConcurrent && this.queue.length) {
      const batch: typeof this.queue = [];
      const codes = new Set<string>();
      const rest: typeof this.queue = [];
      for (const entry of this.queue) {
        if (batch.length < this.maxBatch && !codes.has(entry.item.codeHash)) { batch.push(entry); codes.add(entry.item.codeHash); } else rest.push(entry);
      }
      this.queue = rest;
      this.inFlight += 1;
      this.write(batch.map((b) => b.item)).then(
        (stored) => { for (const b of batch) b.resolve(stored.has(b.item.submissionKey)); },
        (error: unknown) => { for (const b of batch) b.reject(error); },
      ).finally(() => { this.inFlight -= 1; this.pump(); });
    }
  }

  private async write(items: PendingSubmission[]): Promise<Set<string>> {
    const col = <K extends keyof PendingSubmission>(k: K) => items.map((i) => i[k]);
    const result = await this.db.execute(sql`
      with input as (
        select * from unnest(${sql.param(col('codeHash'))}::text[], ${sql.param(col('projectId'))}::uuid[], ${sql.param(col('revision'))}::int[], ${sql.param(col('submittedOn'))}::date[], ${sql.param(col('answers'))}::jsonb[], ${sql.param(col('submissionKey'))}::uuid[])
          as t(code_hash, project_id, revision, submitted_on, answers, submission_key)
      ), open as (
        select i.* from input i
        join analysis_projects p on p.id = i.project_id and p.status = 'running'
        join analysis_phases f on f.project_id = i.project_id and f.key = 'field' and f.status = 'in_progress'
        where i.revision = (select max(q.revision) from questionnaires q where q.project_id = i.project_id and q.status = 'frozen')
          and not exists (select 1 from survey_responses r where r.submission_key = i.submission_key)
      ), upd as (
        update access_codes a set used = true from open o
        where a.code_hash = o.code_hash and a.project_id = o.project_id and not a.used
        returning a.code_hash, a.stratum_key
      ), ins as (
        insert into survey_responses (project_id, questionnaire_revision, mode, submitted_on, answers, submission_key, stratum_key)
        select o.project_id, o.revision, 'online', o.submitted_on, o.answers, o.submission_key, upd.stratum_key from open o join upd on upd.code_hash = o.code_hash
        on conflict (submission_key) do nothing
        returning submission_key
      ), del as (
        delete from survey_drafts d using upd where d.code_hash = upd.code_hash returning 1
      )
      select submission_key::text as key from ins`) as unknown as { rows: { key: string }[] };
    return new Set(result.rows.map((r) => r.key));
  }
}

const batchers = new WeakMap<Db, SubmitBatcher>();
export function batcherFor(db: Db) {
  let b = batchers.get(db);
  if (!b) { b = new SubmitBatcher(db); batchers.set(db, b); }
  return b;
}
