// Job alerts' email worker (issue 22.4), started by scripts/serve.ts on every instance beside the
// closing job: pg-boss hands each job to one worker, retries what fails, and runs the daily
// digest and the hourly clean-up on its cron (one run per tick across instances). Email goes out
// over SMTP (SMTP_URL) through nodemailer; a send counts only once the SMTP server accepted it.
//
// The digest lists the postings that match the alert's search and arrived since its last digest,
// read from the database with the job search's own rules (db/job-alerts.ts, sendDigestOnce).
import nodemailer from 'nodemailer';
import { PgBoss } from 'pg-boss';
import { createDatabase, type Database } from '@/db/connection';
import {
  deleteExpiredAlertRecords,
  digestDay,
  findUnconfirmedAlert,
  listAlertsDueForDigest,
  sendDigestOnce,
} from '@/db/job-alerts';
import type { JobAlert } from '@/db/schema';
import { confirmationEmail, digestEmail } from '@/lib/jobs/alert-emails';
import { confirmationToken, unsubscribeToken } from '@/lib/jobs/alert-tokens';
import { describeAlertSearch } from '@/lib/jobs/job-alerts';
import { CLEANUP_QUEUE, CLEANUP_SCHEDULE, CONFIRMATION_QUEUE, createAlertQueues, DIGEST_QUEUE, DIGEST_SCHEDULE, DIGESTS_QUEUE } from './job-alert-queues';

const STOP_TIMEOUT_MS = 8_000;
const START_RETRY_MS = 30_000;

export type AlertMailOptions = {
  databaseUrl: string;
  /** The public origin, for the links in the emails. */
  siteUrl: string;
  secret: string;
  smtpUrl: string;
  mailFrom: string;
  /** The first retry's delay (tests shorten it). */
  retryDelaySeconds?: number;
};

/** Nodemailer's SMTP transport, with timeouts short enough for a job (its defaults wait minutes). */
export function createMailTransport(smtpUrl: string) {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

function alertLinks(siteUrl: string, alert: JobAlert, secret: string) {
  return {
    searchUrl: `${siteUrl}/jobs${alert.searchQuery}`,
    unsubscribeUrl: `${siteUrl}/jobs/alerts/unsubscribe?token=${unsubscribeToken({ secret, alertId: alert.id })}`,
    oneClickUrl: `${siteUrl}/jobs/alerts/unsubscribe/one-click?token=${unsubscribeToken({ secret, alertId: alert.id })}`,
  };
}

/** The work of each queue, apart from pg-boss so that tests can run it directly. */
export function jobAlertWork({ database, siteUrl, secret, smtpUrl, mailFrom }: Omit<AlertMailOptions, 'databaseUrl'> & { database: Database }) {
  const transport = createMailTransport(smtpUrl);
  const mailDomain = new URL(siteUrl).hostname;

  return {
    /** Sends one confirmation email, unless the alert was confirmed, deleted or expired meanwhile. */
    async sendConfirmation({ alertId }: { alertId: number }) {
      const alert = await findUnconfirmedAlert(database, { alertId });
      if (!alert) return 'no-alert' as const;
      const token = confirmationToken({ secret, alertId, emailNumber: alert.confirmationEmails });
      const email = confirmationEmail({
        search: describeAlertSearch(alert.searchQuery),
        searchUrl: alertLinks(siteUrl, alert, secret).searchUrl,
        confirmUrl: `${siteUrl}/jobs/alerts/confirm?token=${token}`,
      });
      await transport.sendMail({
        from: mailFrom,
        to: alert.email,
        ...email,
        messageId: `<job-alert-${alertId}-confirm-${alert.confirmationEmails}@${mailDomain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return 'sent' as const;
    },

    /** Sends one alert's digest of `day`, at most once (db/job-alerts.ts, sendDigestOnce). */
    sendDigest({ alertId, day }: { alertId: number; day: string }) {
      return sendDigestOnce(database, {
        alertId,
        day,
        send: async (alert, { postings, newCount }) => {
          const links = alertLinks(siteUrl, alert, secret);
          const email = digestEmail({
            search: describeAlertSearch(alert.searchQuery),
            searchUrl: links.searchUrl,
            postings,
            newCount,
            postingUrl: (id) => `${siteUrl}/jobs/${id}`,
            unsubscribeUrl: links.unsubscribeUrl,
          });
          await transport.sendMail({
            from: mailFrom,
            to: alert.email,
            ...email,
            // The same Message-ID for the same alert and day: were it ever sent twice (a crash
            // between SMTP's acceptance and our commit), mail systems can see it is one message.
            messageId: `<job-alert-${alert.id}-${day}@${mailDomain}>`,
            list: { unsubscribe: links.oneClickUrl },
            // RFC 8058: the List-Unsubscribe address unsubscribes with one POST, no page to visit.
            headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
          });
        },
      });
    },

    /** Today's due alerts, one digest job each. */
    async queueDueDigests(boss: PgBoss, day = digestDay()) {
      const alertIds = await listAlertsDueForDigest(database, { day });
      if (alertIds.length) await boss.insert(DIGEST_QUEUE, alertIds.map((alertId) => ({ data: { alertId, day } })));
      return alertIds.length;
    },

    close: () => transport.close(),
  };
}

/** Starts this instance's alert worker; returns its stop function. */
export async function startJobAlertMail(options: AlertMailOptions) {
  const { db: database, sql } = createDatabase(options.databaseUrl, { max: 4 });
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 3 });
  boss.on('error', (error) => console.error(`Job alerts (pg-boss): ${error.message}`));
  const work = jobAlertWork({ ...options, database });
  async function stop() {
    await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
    work.close();
    await sql.end();
  }
  try {
    await boss.start();
    await createAlertQueues(boss, { retryDelaySeconds: options.retryDelaySeconds });
    await boss.schedule(DIGESTS_QUEUE, DIGEST_SCHEDULE);
    await boss.schedule(CLEANUP_QUEUE, CLEANUP_SCHEDULE);
    // A job that throws (SMTP refused or away, the database unreachable) is retried by pg-boss.
    await boss.work<{ alertId: number }>(CONFIRMATION_QUEUE, async ([job]) => {
      await work.sendConfirmation(job!.data);
    });
    await boss.work<{ alertId: number; day: string }>(DIGEST_QUEUE, async ([job]) => {
      const outcome = await work.sendDigest(job!.data);
      if (outcome === 'sent') console.log(`Job alerts: digest of alert ${job!.data.alertId} sent for ${job!.data.day}.`);
    });
    await boss.work(DIGESTS_QUEUE, async () => {
      const queued = await work.queueDueDigests(boss);
      console.log(`Job alerts: ${queued} digest(s) queued.`);
    });
    await boss.work(CLEANUP_QUEUE, async () => {
      const { unconfirmedAlertsDeleted } = await deleteExpiredAlertRecords(database);
      if (unconfirmedAlertsDeleted) console.log(`Job alerts: ${unconfirmedAlertsDeleted} unconfirmed alert(s) expired and deleted.`);
    });
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return stop;
}

/** Keeps the worker running: while it cannot start (the database away), tries again every 30 s. Returns the stop function. */
export function keepJobAlertMail(options: AlertMailOptions) {
  let stopping = false;
  let retry: NodeJS.Timeout | undefined;
  let started: Promise<(() => Promise<void>) | null>;
  const attempt = () => {
    started = startJobAlertMail(options).catch((error: Error) => {
      if (stopping) return null;
      console.error(`Job alerts did not start (trying again in ${START_RETRY_MS / 1000} s): ${error.message}`);
      retry = setTimeout(attempt, START_RETRY_MS);
      return null;
    });
  };
  attempt();
  return async function stopKeepingJobAlertMail() {
    stopping = true;
    clearTimeout(retry);
    await (await started)?.();
  };
}
