// Where an alert email's "Unsubscribe" link leads. Opening it changes nothing (mail scanners open
// links): the button unsubscribes. Mail programs use the one-click address (./one-click) instead.
import type { Metadata } from 'next';
import { database } from '@/db/client';
import { findConfirmedAlert } from '@/db/job-alerts';
import { env } from '@/lib/env';
import { alertIdOfUnsubscribeToken } from '@/lib/jobs/alert-tokens';
import { describeAlertSearch } from '@/lib/jobs/job-alerts';
import { firstValue, type RawSearchParams } from '@/lib/query-params';
import { unsubscribeJobAlertAction } from '../actions';
import { JobAlertOutcome } from '@/components/jobs/job-alert-outcome';
import styles from '@/components/jobs/job-alert-form.module.css';

export const metadata: Metadata = { title: 'Unsubscribe from a job alert', robots: { index: false } };

type Props = { searchParams: Promise<RawSearchParams> };

export default async function UnsubscribeJobAlertPage({ searchParams }: Props) {
  const params = await searchParams;
  if (firstValue(params.done)) {
    return <JobAlertOutcome heading="You are unsubscribed" lede="No more emails will be sent for this alert. Your address and the search have been deleted." />;
  }
  const token = String(firstValue(params.token) ?? '').slice(0, 200);
  const alertId = token ? alertIdOfUnsubscribeToken({ secret: env.AUTH_SECRET(), token }) : null;
  const alert = alertId !== null ? await findConfirmedAlert(database(), { alertId }) : null;
  if (!alert) {
    return <JobAlertOutcome heading="There is nothing to unsubscribe from" lede="This alert was already stopped, or the link is incomplete. No emails are sent for it." />;
  }
  return (
    <>
      <h1>Unsubscribe from this job alert?</h1>
      <div className={styles.box}>
        <p>
          <strong>{alert.email}</strong> gets new postings for <strong>{describeAlertSearch(alert.searchQuery)}</strong>.
        </p>
        <form action={unsubscribeJobAlertAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">Unsubscribe</button>
        </form>
      </div>
    </>
  );
}
