// The email queues (pg-boss), named and configured once: the mail worker (lib/server/mail-worker.ts)
// works them; the job alert sign-up queues confirmation emails, an admin's invitation the employer
// member's sign-up link.
import { PgBoss } from 'pg-boss';

/** One job alert's confirmation email: `{ alertId }`. */
export const CONFIRMATION_QUEUE = 'job-alert-confirmation';
/** Once a day (cron): queues a digest job for every confirmed alert that has had none today. */
export const DIGESTS_QUEUE = 'job-alert-digests';
/** One alert's digest of the day: `{ alertId, day }`. */
export const DIGEST_QUEUE = 'job-alert-digest';
/** Every hour (cron): deletes expired unconfirmed alerts and old records. */
export const CLEANUP_QUEUE = 'job-alert-cleanup';
/** One employer member's sign-up link: `{ inviteId }`. */
export const EMPLOYER_INVITE_QUEUE = 'employer-invite-email';

/** When the digests go out: 13:00 UTC, morning in every U.S. time zone. */
export const DIGEST_SCHEDULE = '0 13 * * *';
export const CLEANUP_SCHEDULE = '17 * * * *';

/**
 * How a failed send is retried: `retryDelaySeconds`, then twice as long each time (with jitter),
 * at most an hour apart, 12 times (3 to 6 hours in all with the default 30 s, pg-boss adding jitter). A digest given up is
 * not lost: its alert has no record for the day, so tomorrow's run lists its postings again. An
 * invitation given up is not lost either: its link works for its 7 days, and the admin was shown it.
 */
export async function createMailQueues(boss: PgBoss, { retryDelaySeconds = 30 } = {}) {
  const sending = { retryLimit: 12, retryDelay: retryDelaySeconds, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 120, deleteAfterSeconds: 86_400 };
  await boss.createQueue(CONFIRMATION_QUEUE, sending);
  await boss.createQueue(DIGEST_QUEUE, sending);
  await boss.createQueue(EMPLOYER_INVITE_QUEUE, sending);
  await boss.createQueue(DIGESTS_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 300, deleteAfterSeconds: 86_400 });
  await boss.createQueue(CLEANUP_QUEUE, { retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 86_400 });
}

/**
 * A queued email waits this long before a worker may take it: it is queued inside the transaction
 * that records what it is about (the alert, the invitation), and a worker must not look for that
 * before the transaction has committed.
 */
export const QUEUED_EMAIL_DELAY_SECONDS = 3;

const globalForQueue = globalThis as unknown as { roleboardMailQueue?: Promise<PgBoss> };

/** This process's pg-boss for queueing only (no workers, no schedules, no maintenance). */
function queueingBoss(databaseUrl: string) {
  globalForQueue.roleboardMailQueue ??= (async () => {
    const boss = new PgBoss({ connectionString: databaseUrl, max: 1, supervise: false, schedule: false });
    boss.on('error', (error) => console.error(`Email queue (pg-boss): ${error.message}`));
    await boss.start();
    await createMailQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForQueue.roleboardMailQueue = undefined;
    throw error;
  });
  return globalForQueue.roleboardMailQueue;
}

export async function queueConfirmationEmail({ databaseUrl, alertId }: { databaseUrl: string; alertId: number }) {
  const boss = await queueingBoss(databaseUrl);
  await boss.send(CONFIRMATION_QUEUE, { alertId }, { startAfter: QUEUED_EMAIL_DELAY_SECONDS });
}

export async function queueEmployerInviteEmail({ databaseUrl, inviteId }: { databaseUrl: string; inviteId: number }) {
  const boss = await queueingBoss(databaseUrl);
  await boss.send(EMPLOYER_INVITE_QUEUE, { inviteId }, { startAfter: QUEUED_EMAIL_DELAY_SECONDS });
}
