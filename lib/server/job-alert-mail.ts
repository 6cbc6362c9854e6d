// Job alerts' email worker (issue 22.4), started by scripts/serve.ts on every instance beside the
// closing job: pg-boss hands each job to one worker, retries what fails, and runs the daily
// digest and the hourly clean-up on its cron (one run per tick across instances). Email goes out
// over SMTP (SMTP_URL) through nodemailer; a send counts only once the SMTP server accepted it.
//
// The digest reads which postings match an alert from this instance's own /api/v1/jobs (the one
// search every door shares; db/job-reads.ts is `server-only`, for Next.js's bundle, and this
// worker runs beside it), then keeps those that arrived since the alert's last digest (db/job-alerts.ts).
import nodemailer from 'nodemailer';
import { PgBoss } from 'pg-boss';
import { z } from 'zod';
import { createDatabase, type Database } from '@/db/connection';
import {
  deleteExpiredAlertRecords,
  digestDay,
  findUnconfirmedAlert,
  listAlertsDueForDigest,
  sendDigestOnce,
} from '@/db/job-alerts';
import type { JobAlert } from '@/db/schema';
import { confirmationEmail, digestEmail, type DigestPosting } from '@/lib/jobs/alert-emails';
import { confirmationToken, unsubscribeToken } from '@/lib/jobs/alert-tokens';
import { describeAlertSearch, MAX_POSTINGS_PER_DIGEST } from '@/lib/jobs/job-alerts';
import { CLEANUP_QUEUE, CLEANUP_SCHEDULE, CONFIRMATION_QUEUE, createAlertQueues, DIGEST_QUEUE, DIGEST_SCHEDULE, DIGESTS_QUEUE } from './job-alert-queues';

const STOP_TIMEOUT_MS = 8_000;
const START_RETRY_MS = 30_000;
/** Matching postings read per alert, newest first: 3 pages of the API's 100. */
const MAX_MATCH_PAGES = 3;

export type AlertMailOptions = {
  databaseUrl: string;
  /** This instance's own address, for /api/v1/jobs. */
  origin: string;
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

const apiPostingSchema = z.object({
  id: z.number(),
  title: z.string(),
  employer: z.string(),
  locations: z.array(z.object({ city: z.string().nullable(), stateCode: z.string().nullable() }).loose()),
  remote: z.boolean(),
  postedOn: z.string(),
  pay: z.object({ min: z.number().nullable(), max: z.number().nullable(), period: z.enum(['year', 'month', 'week', 'day', 'hour']), annualMid: z.number() }).loose().nullable(),
});
const apiPageSchema = z.object({ items: z.array(apiPostingSchema.loose()), next: z.string().nullable() });

/** The alert's search through this instance's /api/v1/jobs: open postings, newest first, a few pages. */
async function fetchMatchingPostings(origin: string, searchQuery: string): Promise<DigestPosting[]> {
  const found: DigestPosting[] = [];
  const first = new URLSearchParams(searchQuery);
  first.set('sort', 'newest');
  first.set('status', 'open');
  first.set('limit', '100');
  let path: string | null = `/api/v1/jobs?${first}`;
  for (let page = 0; page < MAX_MATCH_PAGES && path; page++) {
    const response = await fetch(new URL(path, origin), { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`/api/v1/jobs answered ${response.status}`);
    const body = apiPageSchema.parse(await response.json());
    found.push(...body.items);
    // `next` is on the public origin; this instance answers it as well.
    path = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
  }
  return found;
}

function alertLinks(siteUrl: string, alert: JobAlert, secret: string) {
  return {
    searchUrl: `${siteUrl}/jobs${alert.searchQuery}`,
    unsubscribeUrl: `${siteUrl}/jobs/alerts/unsubscribe?token=${unsubscribeToken({ secret, alertId: alert.id })}`,
    oneClickUrl: `${siteUrl}/jobs/alerts/unsubscribe/one-click?token=${unsubscribeToken({ secret, alertId: alert.id })}`,
  };
}

/** The work of each queue, apart from pg-boss so that tests can run it directly. */
export function jobAlertWork({ database, origin, siteUrl, secret, smtpUrl, mailFrom }: Omit<AlertMailOptions, 'databaseUrl'> & { database: Database }) {
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
        findMatchingPostings: (alert) => fetchMatchingPostings(origin, alert.searchQuery),
        send: async (alert, postings) => {
          const links = alertLinks(siteUrl, alert, secret);
          const email = digestEmail({
            search: describeAlertSearch(alert.searchQuery),
            searchUrl: links.searchUrl,
            postings: postings.slice(0, MAX_POSTINGS_PER_DIGEST),
            newCount: postings.length,
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
    // A job that throws (SMTP refused or away, the API or database unreachable) is retried by pg-boss.
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
