// Job alerts' pg-boss queues, named and configured once: the worker (lib/server/job-alert-mail.ts)
// works them, the sign-up action queues confirmation emails into one of them.
import { PgBoss } from 'pg-boss';

/** One confirmation email: `{ alertId }`. */
export const CONFIRMATION_QUEUE = 'job-alert-confirmation';
/** Once a day (cron): queues a digest job for every confirmed alert that has had none today. */
export const DIGESTS_QUEUE = 'job-alert-digests';
/** One alert's digest of the day: `{ alertId, day }`. */
export const DIGEST_QUEUE = 'job-alert-digest';
/** Every hour (cron): deletes expired unconfirmed alerts and old records. */
export const CLEANUP_QUEUE = 'job-alert-cleanup';

/** When the digests go out: 13:00 UTC, morning in every U.S. time zone. */
export const DIGEST_SCHEDULE = '0 13 * * *';
export const CLEANUP_SCHEDULE = '17 * * * *';

/**
 * How a failed send is retried: `retryDelaySeconds`, then twice as long each time (with jitter),
 * at most an hour apart, 12 times (3 to 6 hours in all with the default 30 s, pg-boss adding jitter). A digest given up is
 * not lost: its alert has no record for the day, so tomorrow's run lists its postings again.
 */
export async function createAlertQueues(boss: PgBoss, { retryDelaySeconds = 30 } = {}) {
  const sending = { retryLimit: 12, retryDelay: retryDelaySeconds, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 120, deleteAfterSeconds: 86_400 };
  await boss.createQueue(CONFIRMATION_QUEUE, sending);
  await boss.createQueue(DIGEST_QUEUE, sending);
  await boss.createQueue(DIGESTS_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 300, deleteAfterSeconds: 86_400 });
  await boss.createQueue(CLEANUP_QUEUE, { retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 86_400 });
}

/**
 * A confirmation job waits this long before a worker may take it: it is queued inside the sign-up's
 * transaction, and a worker must not look for the alert before that transaction has committed.
 */
const CONFIRMATION_DELAY_SECONDS = 3;

const globalForQueue = globalThis as unknown as { roleboardAlertQueue?: Promise<PgBoss> };

/** This process's pg-boss for queueing only (no workers, no schedules, no maintenance). */
function queueingBoss(databaseUrl: string) {
  globalForQueue.roleboardAlertQueue ??= (async () => {
    const boss = new PgBoss({ connectionString: databaseUrl, max: 1, supervise: false, schedule: false });
    boss.on('error', (error) => console.error(`Job alert queue (pg-boss): ${error.message}`));
    await boss.start();
    await createAlertQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForQueue.roleboardAlertQueue = undefined;
    throw error;
  });
  return globalForQueue.roleboardAlertQueue;
}

export async function queueConfirmationEmail({ databaseUrl, alertId }: { databaseUrl: string; alertId: number }) {
  const boss = await queueingBoss(databaseUrl);
  await boss.send(CONFIRMATION_QUEUE, { alertId }, { startAfter: CONFIRMATION_DELAY_SECONDS });
}
