// The closing job (issue 21.7): every minute, postings past their closing date leave the open
// figures, and every page, feed and API answer that showed them is invalidated on every instance
// and at the edge, with no save. pg-boss (in our PostgreSQL, schema `pgboss`) schedules it: each
// instance starts a worker, and pg-boss hands each minute's job to one of them only. The tags go
// to this instance's POST /api/internal/revalidate, signed like a command-line import's, so they
// take the way every other invalidation from outside a request takes: the shared cache (Redis) for
// the other instances, then the edge purge (lib/server/cache-handler.mjs). They go as a job of
// their own, after the figures are committed: pg-boss retries it until the server takes them, as
// the next minute's run would not find the same postings again.
import { PgBoss } from 'pg-boss';
import { createDatabase, POOL_END_TIMEOUT_SECONDS } from '@/db/connection';
import { closePastPostings } from '@/db/job-closing';
import { REVALIDATION_PATH, sendRevalidation } from '@/lib/revalidation-request';

export const CLOSING_QUEUE = 'close-past-postings';
export const REVALIDATION_QUEUE = 'revalidate-closed-postings';
/** pg-boss's cron runs on whole minutes: a posting is gone from every answer within one, plus the edge's purge. */
const EVERY_MINUTE = '* * * * *';
/** A run that takes longer than this is given up (and retried by the next minute's). */
const RUN_TIMEOUT_SECONDS = 50;
const STOP_TIMEOUT_MS = 8_000;

/**
 * Starts this instance's worker for the closing job and makes sure the schedule exists (creating
 * pgboss's tables on first start). `origin` is this instance's own address. Returns the stop
 * function, which lets a run in progress finish (up to its timeout) and closes pg-boss's pool.
 */
export async function startClosingJob({ databaseUrl, origin, secret }: { databaseUrl: string; origin: string; secret: string }) {
  const database = createDatabase(databaseUrl, { max: 1 });
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2 });
  // pg-boss reports lost connections and failed maintenance here; it retries by itself.
  boss.on('error', (error) => console.error(`Closing job (pg-boss): ${error.message}`));
  async function stopClosingJob() {
    // Within the stop's deadline in scripts/serve.ts; a run cut short is done again by the next minute's.
    await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
    await database.sql.end({ timeout: POOL_END_TIMEOUT_SECONDS });
  }
  try {
    await boss.start();
    await boss.createQueue(CLOSING_QUEUE, { expireInSeconds: RUN_TIMEOUT_SECONDS, retryLimit: 0, deleteAfterSeconds: 3600 });
    // Retried for about an hour (10 s, 20 s, 40 s … apart), then given up: by then the pages' own
    // next change has long refreshed them.
    await boss.createQueue(REVALIDATION_QUEUE, { expireInSeconds: RUN_TIMEOUT_SECONDS, retryLimit: 9, retryDelay: 10, retryBackoff: true, deleteAfterSeconds: 3600 });
    await boss.schedule(CLOSING_QUEUE, EVERY_MINUTE);
    await boss.work(CLOSING_QUEUE, async () => {
      const run = await closePastPostings(database.db);
      if (run.tags.length === 0) return;
      await boss.send(REVALIDATION_QUEUE, { tags: run.tags });
      console.log(`Closing job: ${run.closedPostingIds.length} posting(s) closed, figures of ${run.roleIds.length} role(s) recomputed.`);
    });
    await boss.work<{ tags: string[] }>(REVALIDATION_QUEUE, async ([job]) => {
      const refused = await sendRevalidation({ origin, tags: job!.data.tags, secret });
      if (refused) throw new Error(`${REVALIDATION_PATH} answered ${refused.status}`);
    });
  } catch (error) {
    await stopClosingJob().catch(() => {});
    throw error;
  }
  return stopClosingJob;
}
