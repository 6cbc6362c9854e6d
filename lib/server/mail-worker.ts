// The email worker, started by scripts/serve.ts on every instance beside the closing job: job
// alerts' confirmations and digests (lib/server/job-alert-mail.ts) and employer members' sign-up
// links (lib/server/employer-invite-mail.ts). pg-boss hands each job to one worker, retries what
// fails (lib/server/mail-queues.ts says how), and runs the daily digest and the hourly clean-up on
// its cron (one run per tick across instances).
import { PgBoss } from 'pg-boss';
import { createDatabase, POOL_END_TIMEOUT_SECONDS } from '@/db/connection';
import { deleteExpiredAlertRecords } from '@/db/job-alerts';
import { employerInviteWork } from './employer-invite-mail';
import { jobAlertWork } from './job-alert-mail';
import { CLEANUP_QUEUE, CLEANUP_SCHEDULE, CONFIRMATION_QUEUE, createMailQueues, DIGEST_QUEUE, DIGEST_SCHEDULE, DIGESTS_QUEUE, EMPLOYER_INVITE_QUEUE } from './mail-queues';
import type { MailOptions } from './mail-transport';

const STOP_TIMEOUT_MS = 8_000;

export type MailWorkerOptions = MailOptions & {
  databaseUrl: string;
  /** The first retry's delay (tests shorten it). */
  retryDelaySeconds?: number;
};

/** Starts this instance's mail worker; returns its stop function. */
export async function startMailWorker(options: MailWorkerOptions) {
  const { db: database, sql } = createDatabase(options.databaseUrl, { max: 4 });
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 3 });
  boss.on('error', (error) => console.error(`Email (pg-boss): ${error.message}`));
  const alerts = jobAlertWork({ ...options, database });
  const invites = employerInviteWork({ ...options, database });
  async function stop() {
    await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
    alerts.close();
    invites.close();
    await sql.end({ timeout: POOL_END_TIMEOUT_SECONDS });
  }
  try {
    await boss.start();
    await createMailQueues(boss, { retryDelaySeconds: options.retryDelaySeconds });
    await boss.schedule(DIGESTS_QUEUE, DIGEST_SCHEDULE);
    await boss.schedule(CLEANUP_QUEUE, CLEANUP_SCHEDULE);
    // A job that throws (SMTP refused or away, the database unreachable) is retried by pg-boss.
    await boss.work<{ alertId: number }>(CONFIRMATION_QUEUE, async ([job]) => {
      await alerts.sendConfirmation(job!.data);
    });
    await boss.work<{ alertId: number; day: string }>(DIGEST_QUEUE, async ([job]) => {
      const outcome = await alerts.sendDigest(job!.data);
      if (outcome === 'sent') console.log(`Job alerts: digest of alert ${job!.data.alertId} sent for ${job!.data.day}.`);
    });
    await boss.work(DIGESTS_QUEUE, async () => {
      const queued = await alerts.queueDueDigests(boss);
      console.log(`Job alerts: ${queued} digest(s) queued.`);
    });
    await boss.work(CLEANUP_QUEUE, async () => {
      const { unconfirmedAlertsDeleted } = await deleteExpiredAlertRecords(database);
      if (unconfirmedAlertsDeleted) console.log(`Job alerts: ${unconfirmedAlertsDeleted} unconfirmed alert(s) expired and deleted.`);
    });
    await boss.work<{ inviteId: number }>(EMPLOYER_INVITE_QUEUE, async ([job]) => {
      const outcome = await invites.sendInvite(job!.data);
      if (outcome === 'no-invite') console.log(`Employers: invitation ${job!.data.inviteId} was used, expired or withdrawn before its email went out.`);
    });
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return stop;
}
