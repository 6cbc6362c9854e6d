// Where a confirmation email's link leads. Opening it changes nothing (mail scanners open links):
// the alert starts only with the button, a Server Action.
import type { Metadata } from 'next';
import { database } from '@/db/client';
import { findAlertToConfirm } from '@/db/job-alerts';
import { describeAlertSearch } from '@/lib/jobs/job-alerts';
import { firstValue, type RawSearchParams } from '@/lib/query-params';
import { confirmJobAlertAction } from '../actions';
import { JobAlertOutcome } from '@/components/jobs/job-alert-outcome';
import styles from '@/components/jobs/job-alert-form.module.css';

export const metadata: Metadata = { title: 'Confirm your job alert', robots: { index: false } };

type Props = { searchParams: Promise<RawSearchParams> };

export default async function ConfirmJobAlertPage({ searchParams }: Props) {
  const params = await searchParams;
  if (firstValue(params.done)) {
    return <JobAlertOutcome heading="Your job alert has started" lede="You will get at most one email a day, when new postings match your search. Every email has a link to stop them." linkLabel="Back to job postings" />;
  }
  const token = String(firstValue(params.token) ?? '').slice(0, 200);
  const alert = token ? await findAlertToConfirm(database(), { token }) : null;
  if (!alert) {
    return <JobAlertOutcome heading="This link no longer works" lede="It was already used, or it is more than 48 hours old. Ask for the alert again from the search on the job postings page." />;
  }
  return (
    <>
      <h1>Confirm your job alert</h1>
      <div className={styles.box}>
        <p>
          Email <strong>{alert.email}</strong> new postings for <strong>{describeAlertSearch(alert.searchQuery)}</strong>, at most once a day.
        </p>
        <form action={confirmJobAlertAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">Start the alert</button>
        </form>
        <p className={styles.small}>Did not ask for this? Close this page: nothing will be sent.</p>
      </div>
    </>
  );
}
