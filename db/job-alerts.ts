// Job alerts' database work (issue 22.4): sign-ups within their limits, confirmation,
// unsubscribing, the daily digest claimed once per alert and day, and the clean-up of what
// anonymous visitors left. Takes its connection as an argument: the Server Actions pass the
// application's pool, the mail worker (lib/server/mail-worker.ts) its own.
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Transaction } from './audit-writes';
import type { Database } from './connection';
import { jobSearchConditions } from './job-search-conditions';
import { jobAlertDigests, jobAlerts, jobAlertSignups, jobPostings, jobPostingSearch, type JobAlert } from './schema';
import type { DigestPosting } from '@/lib/jobs/alert-emails';
import { confirmationToken, hashToken } from '@/lib/jobs/alert-tokens';
import {
  alertSearch,
  CONFIRMATION_HOURS,
  CONFIRMATION_RESEND_MINUTES,
  MAX_ALERTS_PER_ADDRESS,
  MAX_CONFIRMATION_EMAILS,
  MAX_POSTINGS_PER_DIGEST,
  MAX_SIGNUPS_PER_CLIENT_PER_HOUR,
  MAX_UNCONFIRMED_ALERTS_PER_ADDRESS,
} from '@/lib/jobs/job-alerts';

/** How long digest records are kept: only today's guards against a second send. */
const DIGEST_RECORD_DAYS = 7;

export type SignUpOutcome =
  /** Too many sign-ups from this client address in the last hour: nothing was recorded. */
  | { status: 'throttled' }
  /**
   * Taken. `confirmationFor` is the alert whose confirmation email was queued, if one was due: not
   * for an alert already confirmed, nor past an address's limits, nor a repeat too soon. The
   * visitor is told the same in every case, so the form never reveals what an address follows.
   */
  | { status: 'accepted'; confirmationFor: number | null };

/**
 * Records a sign-up of `email` for `searchQuery` (lib/jobs/job-alerts.ts, alertSearchQuery) from
 * `clientAddress`. The token the confirmation email carries is derived from the secret and stored
 * hashed here.
 */
export async function signUpForJobAlert(
  db: Database,
  {
    email,
    searchQuery,
    clientAddress,
    secret,
    queueConfirmation,
  }: {
    email: string;
    searchQuery: string;
    clientAddress: string;
    secret: string;
    /**
     * Queues the confirmation email, inside the transaction: when it cannot be queued nothing is
     * recorded (the visitor is asked to try again), and the job never names an alert that was not.
     */
    queueConfirmation: (alertId: number) => Promise<void>;
  },
): Promise<SignUpOutcome> {
  return db.transaction(async (tx) => {
    // One client's sign-ups are counted one at a time, so that parallel requests cannot all pass the limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`job-alert-client:${clientAddress}`}, 0))`);
    const [recent] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(jobAlertSignups)
      .where(and(eq(jobAlertSignups.clientAddress, clientAddress), gt(jobAlertSignups.signedUpAt, sql`now() - interval '1 hour'`)));
    if ((recent?.count ?? 0) >= MAX_SIGNUPS_PER_CLIENT_PER_HOUR) return { status: 'throttled' as const };
    await tx.insert(jobAlertSignups).values({ clientAddress });

    // And one address's alerts, for its limits.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`job-alert-email:${email}`}, 0))`);
    const existing = await tx.select().from(jobAlerts).where(eq(jobAlerts.email, email));
    const same = existing.find((alert) => alert.searchQuery === searchQuery);
    if (same) {
      const resend =
        same.confirmedAt === null &&
        same.confirmationEmails < MAX_CONFIRMATION_EMAILS &&
        (same.lastConfirmationAt === null || same.lastConfirmationAt.getTime() < Date.now() - CONFIRMATION_RESEND_MINUTES * 60_000);
      if (!resend) return { status: 'accepted' as const, confirmationFor: null };
      const emailNumber = same.confirmationEmails + 1;
      await tx
        .update(jobAlerts)
        .set({
          confirmationEmails: emailNumber,
          lastConfirmationAt: sql`now()`,
          confirmTokenHash: hashToken(confirmationToken({ secret, alertId: same.id, emailNumber })),
        })
        .where(eq(jobAlerts.id, same.id));
      await queueConfirmation(same.id);
      return { status: 'accepted' as const, confirmationFor: same.id };
    }
    const unconfirmed = existing.filter((alert) => alert.confirmedAt === null).length;
    if (existing.length >= MAX_ALERTS_PER_ADDRESS || unconfirmed >= MAX_UNCONFIRMED_ALERTS_PER_ADDRESS) {
      return { status: 'accepted' as const, confirmationFor: null };
    }
    // The hash needs the id, so the row is written with a placeholder first (unique, never a token's hash).
    const [created] = await tx
      .insert(jobAlerts)
      .values({ email, searchQuery, confirmTokenHash: sql`'pending-' || gen_random_uuid()`, confirmationEmails: 1, lastConfirmationAt: sql`now()` })
      .returning({ id: jobAlerts.id });
    await tx
      .update(jobAlerts)
      .set({ confirmTokenHash: hashToken(confirmationToken({ secret, alertId: created!.id, emailNumber: 1 })) })
      .where(eq(jobAlerts.id, created!.id));
    await queueConfirmation(created!.id);
    return { status: 'accepted' as const, confirmationFor: created!.id };
  });
}

const unexpired = sql`${jobAlerts.createdAt} > now() - make_interval(hours => ${CONFIRMATION_HOURS})`;

/** The unconfirmed alert a confirmation link names, or null (unknown, used, or expired). */
export async function findAlertToConfirm(db: Database, { token }: { token: string }): Promise<JobAlert | null> {
  const [alert] = await db
    .select()
    .from(jobAlerts)
    .where(and(eq(jobAlerts.confirmTokenHash, hashToken(token)), isNull(jobAlerts.confirmedAt), unexpired));
  return alert ?? null;
}

/** Confirms the alert a link names. Postings that arrive from now on are new to it. */
export async function confirmJobAlert(db: Database, { token }: { token: string }): Promise<JobAlert | null> {
  const [alert] = await db
    .update(jobAlerts)
    .set({ confirmedAt: sql`now()`, newSince: sql`now()`, confirmTokenHash: null })
    .where(and(eq(jobAlerts.confirmTokenHash, hashToken(token)), isNull(jobAlerts.confirmedAt), unexpired))
    .returning();
  return alert ?? null;
}

/** An alert waiting for its confirmation email: null once confirmed, deleted or expired. */
export async function findUnconfirmedAlert(db: Database, { alertId }: { alertId: number }): Promise<JobAlert | null> {
  const [alert] = await db
    .select()
    .from(jobAlerts)
    .where(and(eq(jobAlerts.id, alertId), isNull(jobAlerts.confirmedAt), unexpired));
  return alert ?? null;
}

export async function findConfirmedAlert(db: Database, { alertId }: { alertId: number }): Promise<JobAlert | null> {
  const [alert] = await db
    .select()
    .from(jobAlerts)
    .where(and(eq(jobAlerts.id, alertId), isNotNull(jobAlerts.confirmedAt)));
  return alert ?? null;
}

/** Unsubscribes: the alert and its records are deleted (nothing about it is kept). True when there was one. */
export async function deleteJobAlert(db: Database, { alertId }: { alertId: number }) {
  const deleted = await db.delete(jobAlerts).where(eq(jobAlerts.id, alertId)).returning({ id: jobAlerts.id });
  return deleted.length > 0;
}

/** The UTC day a digest counts for. */
export function digestDay(at = new Date()) {
  return at.toISOString().slice(0, 10);
}

/** Confirmed alerts that have had no digest on `day`. */
export async function listAlertsDueForDigest(db: Database, { day }: { day: string }) {
  const rows = await db
    .select({ id: jobAlerts.id })
    .from(jobAlerts)
    .where(
      and(
        isNotNull(jobAlerts.confirmedAt),
        sql`not exists (select 1 from ${jobAlertDigests} where ${jobAlertDigests.alertId} = ${jobAlerts.id} and ${jobAlertDigests.sentOn} = ${day})`,
      ),
    )
    .orderBy(jobAlerts.id);
  return rows.map((row) => row.id);
}

export type DigestOutcome = 'sent' | 'already-sent' | 'nothing-new' | 'no-alert';

/** What a digest lists of the new postings: the first MAX_POSTINGS_PER_DIGEST, and how many there are in all. */
export type NewPostings = { postings: DigestPosting[]; newCount: number };

/**
 * The open postings `alert`'s search finds (the search's own rules, db/job-search-conditions.ts)
 * that arrived (imported_at) since its last digest and before the transaction `db` began,
 * newest arrivals first. Arrivals, not posting dates: an import may bring postings dated weeks ago.
 */
async function findNewPostingsForAlert(db: Transaction, { alert }: { alert: JobAlert }): Promise<NewPostings> {
  const rows = await db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      employer: jobPostings.employer,
      locations: jobPostings.locations,
      remote: jobPostings.remote,
      postedOn: jobPostings.postedOn,
      payMin: jobPostings.payMin,
      payMax: jobPostings.payMax,
      payPeriod: jobPostings.payPeriod,
      annualPayMid: jobPostings.annualPayMid,
      newCount: sql<number>`(count(*) over ())::int`,
    })
    .from(jobPostings)
    .innerJoin(jobPostingSearch, eq(jobPostingSearch.postingId, jobPostings.id))
    .where(and(...jobSearchConditions(alertSearch(alert.searchQuery)), gt(jobPostings.importedAt, alert.newSince!), sql`${jobPostings.importedAt} <= now()`))
    .orderBy(sql`${jobPostings.importedAt} desc`, sql`${jobPostings.id} desc`)
    .limit(MAX_POSTINGS_PER_DIGEST);
  return {
    postings: rows.map(({ payMin, payMax, payPeriod, annualPayMid, newCount: _, ...posting }) => ({
      ...posting,
      pay: payPeriod && annualPayMid !== null ? { min: payMin, max: payMax, period: payPeriod, annualMid: annualPayMid } : null,
    })),
    newCount: rows[0]?.newCount ?? 0,
  };
}

/**
 * Sends `alert`'s digest for `day` at most once, whatever the number of instances and retries.
 * Why a row lock and a row per alert and day rather than pg-boss's singleton keys: the guarantee
 * has to hold for the send itself, not for the queueing, and has to survive a job that pg-boss
 * expires and hands to a second worker while the first is still talking to SMTP. So the alert's
 * row is locked (a second worker waits here), the day's row is looked for, the new postings are
 * read, the email is sent (`send` throws when the SMTP server does not accept it), and only then
 * is the day's row written and `new_since` moved on to this transaction's start, in the same
 * transaction, so that no arrival falls between two digests. An SMTP failure rolls everything
 * back: nothing is recorded, pg-boss retries, and the next try lists the same postings (and any
 * newer). The one window left is a crash between SMTP's acceptance and the commit, which a retry
 * would send again: at least once, as email can only be.
 */
export async function sendDigestOnce(
  db: Database,
  {
    alertId,
    day,
    send,
  }: {
    alertId: number;
    day: string;
    /** Sends the email of these new postings; throws when the SMTP server does not take it. */
    send: (alert: JobAlert, newPostings: NewPostings) => Promise<void>;
  },
): Promise<DigestOutcome> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(jobAlerts)
      .where(and(eq(jobAlerts.id, alertId), isNotNull(jobAlerts.confirmedAt)))
      .for('update');
    if (!alert) return 'no-alert';
    const [sent] = await tx
      .select({ sentOn: jobAlertDigests.sentOn })
      .from(jobAlertDigests)
      .where(and(eq(jobAlertDigests.alertId, alertId), eq(jobAlertDigests.sentOn, day)));
    if (sent) return 'already-sent';
    const newPostings = await findNewPostingsForAlert(tx, { alert });
    if (newPostings.newCount === 0) return 'nothing-new';
    await send(alert, newPostings);
    await tx.insert(jobAlertDigests).values({ alertId, sentOn: day, postingCount: newPostings.newCount });
    await tx.update(jobAlerts).set({ newSince: sql`now()` }).where(eq(jobAlerts.id, alertId));
    return 'sent';
  });
}

/** Deletes what visitors left behind: unconfirmed alerts past their link's life, sign-up counts older than an hour, old digest records. */
export async function deleteExpiredAlertRecords(db: Database) {
  const alerts = await db
    .delete(jobAlerts)
    .where(and(isNull(jobAlerts.confirmedAt), lt(jobAlerts.createdAt, sql`now() - make_interval(hours => ${CONFIRMATION_HOURS})`)))
    .returning({ id: jobAlerts.id });
  await db.delete(jobAlertSignups).where(lt(jobAlertSignups.signedUpAt, sql`now() - interval '1 hour'`));
  await db.delete(jobAlertDigests).where(lt(jobAlertDigests.sentAt, sql`now() - make_interval(days => ${DIGEST_RECORD_DAYS})`));
  return { unconfirmedAlertsDeleted: alerts.length };
}
