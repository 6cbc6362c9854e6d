// Job alerts' emails (issue 22.4): what the mail worker (lib/server/mail-worker.ts) does with a
// confirmation, a digest and the daily run's queueing. A send counts only once the SMTP server
// accepted it. The digest lists the postings that match the alert's search and arrived since its
// last digest, read with the job search's own rules (db/job-alerts.ts, sendDigestOnce).
import type { PgBoss } from 'pg-boss';
import type { Database } from '@/db/connection';
import { digestDay, findUnconfirmedAlert, listAlertsDueForDigest, sendDigestOnce } from '@/db/job-alerts';
import type { JobAlert } from '@/db/schema';
import { confirmationEmail, digestEmail } from '@/lib/jobs/alert-emails';
import { confirmationToken, unsubscribeToken } from '@/lib/jobs/alert-tokens';
import { describeAlertSearch } from '@/lib/jobs/job-alerts';
import { DIGEST_QUEUE } from './mail-queues';
import { createMailTransport, type MailOptions } from './mail-transport';

function alertLinks(siteUrl: string, alert: JobAlert, secret: string) {
  return {
    searchUrl: `${siteUrl}/jobs${alert.searchQuery}`,
    unsubscribeUrl: `${siteUrl}/jobs/alerts/unsubscribe?token=${unsubscribeToken({ secret, alertId: alert.id })}`,
    oneClickUrl: `${siteUrl}/jobs/alerts/unsubscribe/one-click?token=${unsubscribeToken({ secret, alertId: alert.id })}`,
  };
}

/** The work of each queue, apart from pg-boss so that tests can run it directly. */
export function jobAlertWork({ database, siteUrl, secret, smtpUrl, mailFrom }: MailOptions & { database: Database }) {
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
