import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { accessCodes, surveyDrafts, surveyPool, surveyUsedCodes } from './schema.js';
import { latestFrozenRevision, takesAnswers, usedInFieldPhase } from './survey-state.js';
import type { ResponseMode } from './states.js';
import { columnList } from './column-list.js';

const ONLINE: ResponseMode = 'online';

/** A submission checked against its frozen questionnaire; `keyHash` is the hash of the browser's submission id. */
export interface PendingSubmission { codeHash: string; projectId: string; revision: number; answers: string; keyHash: string }

type Entry = { item: PendingSubmission; resolve: (stored: boolean) => void; reject: (e: unknown) => void };

/**
 * Write coalescing for survey submissions (group commit in the application): submissions that arrive
 * while a write is in flight are stored together in one statement, one transaction. Every caller still
 * waits for the commit of its own batch before it is answered, so an acknowledged submission is durable.
 * Nothing is kept beyond the requests in flight, so any number of app processes can run side by side.
 *
 * Per submission the statement marks the code used with the submission's receipt (in survey_used_codes,
 * whose primary key lets only one use through; the common case, a code used before, is filtered first, so
 * the insert needs no ON CONFLICT) only if it belongs to the survey, is unused, the revision
 * is the frozen one and the field phase runs; only then it puts the answers into the mixing pool (never
 * into survey_responses: see mixing.ts) and drops the draft. It writes nothing to access_codes. A code or
 * submission id appearing twice in a batch waits for the next batch (and is then found used).
 *
 * Submissions are fully validated before they join a batch. Should a batch still fail, its members are
 * written one by one, so only a bad one fails and every good one is stored.
 */
export class SubmitBatcher {
  private queue: Entry[] = [];
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
      const batch: Entry[] = [];
      const seen = new Set<string>();
      const rest: Entry[] = [];
      for (const entry of this.queue) {
        const { codeHash, keyHash } = entry.item;
        if (batch.length < this.maxBatch && !seen.has(codeHash) && !seen.has(keyHash)) { batch.push(entry); seen.add(codeHash); seen.add(keyHash); } else rest.push(entry);
      }
      this.queue = rest;
      this.inFlight += 1;
      this.writeBatch(batch).finally(() => { this.inFlight -= 1; this.pump(); });
    }
  }

  private async writeBatch(batch: Entry[]) {
    try {
      const stored = await this.write(batch.map((b) => b.item));
      for (const b of batch) b.resolve(stored.has(b.item.keyHash));
    } catch {
      // One bad member must not fail the others: each is written on its own.
      for (const b of batch) {
        try { b.resolve(await this.writeOne(b.item)); } catch (e) { b.reject(e); }
      }
    }
  }

  /**
   * A code used by a concurrent batch (of another process) fails the plain insert of its used-code row with
   * a unique violation: that submission is not stored, as if the code had been found used.
   */
  private async writeOne(item: PendingSubmission): Promise<boolean> {
    try {
      return (await this.write([item])).has(item.keyHash);
    } catch (error) {
      if (sqlState(error) === '23505') return false;
      throw asProblem(error);
    }
  }

  private async write(items: PendingSubmission[]): Promise<Set<string>> {
    const col = <K extends keyof PendingSubmission>(k: K) => items.map((i) => i[k]);
    const result = await this.db.execute(sql`
      with input as (
        select * from unnest(${sql.param(col('codeHash'))}::text[], ${sql.param(col('projectId'))}::uuid[], ${sql.param(col('revision'))}::int[], ${sql.param(col('answers'))}::jsonb[], ${sql.param(col('keyHash'))}::text[])
          as t(code_hash, project_id, revision, answers, key_hash)
      ), open as (
        select input.*, ${accessCodes.stratumKey} as stratum_key from input
        join ${accessCodes} on ${accessCodes.codeHash} = input.code_hash and ${accessCodes.projectId} = input.project_id and not ${accessCodes.used}
        where ${takesAnswers(accessCodes.projectId)} and input.revision = ${latestFrozenRevision(accessCodes.projectId)}
      ), used as (
        insert into ${surveyUsedCodes} (${columnList(surveyUsedCodes.codeHash, surveyUsedCodes.projectId, surveyUsedCodes.receipt)})
        select code_hash, project_id, key_hash from open
        where not ${usedInFieldPhase(sql`open.code_hash`)}
        returning ${surveyUsedCodes.codeHash} as code_hash, ${surveyUsedCodes.receipt} as receipt
      ), ins as (
        insert into ${surveyPool} (${columnList(surveyPool.projectId, surveyPool.questionnaireRevision, surveyPool.mode, surveyPool.answers, surveyPool.stratumKey)})
        select open.project_id, open.revision, ${ONLINE}, open.answers, open.stratum_key from open join used on used.code_hash = open.code_hash
        returning 1
      ), del as (
        delete from ${surveyDrafts} using used where ${surveyDrafts.codeHash} = used.code_hash returning 1
      )
      select receipt as key from used`) as unknown as { rows: { key: string }[] };
    return new Set(result.rows.map((r) => r.key));
  }
}

const sqlState = (error: unknown) => {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' ? code : null;
};

/** A value PostgreSQL refused (SQLSTATE class 22, data exception) is the submitter's problem, not a 500. */
function asProblem(error: unknown) {
  if (sqlState(error)?.startsWith('22')) {
    return new Problem(422, 'answers_invalid', 'Die Antworten enthalten Zeichen oder Werte, die nicht gespeichert werden können. Bitte prüfen Sie Ihre Texteingaben.', { field: 'answers' });
  }
  return error;
}

const batchers = new WeakMap<Db, SubmitBatcher>();
export function batcherFor(db: Db) {
  let b = batchers.get(db);
  if (!b) { b = new SubmitBatcher(db); batchers.set(db, b); }
  return b;
}
