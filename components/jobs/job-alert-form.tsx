'use client';
// "Email me new postings like these" on /jobs: a Server Action form, so it works without
// JavaScript too (the page comes back with the outcome). `search` is the search being shown;
// `action` is app/(public)/jobs/alerts/actions.ts's signUpForJobAlertAction, passed in as the admin forms' are.
import { useActionState } from 'react';
import type { JobAlertFormState } from '@/lib/jobs/job-alerts';
import styles from './job-alert-form.module.css';

const idle: JobAlertFormState = { status: 'idle' };

export function JobAlertForm({
  search,
  description,
  action,
}: {
  search: string;
  description: string;
  action: (previous: JobAlertFormState, formData: FormData) => Promise<JobAlertFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const emailError = state.fieldErrors?.email?.[0];
  return (
    <section className={styles.box} aria-labelledby="job-alert-heading">
      <h2 id="job-alert-heading">Email me new postings like these</h2>
      {state.status === 'sent' ? (
        <p className={styles.sent} role="status">
          Check your inbox: we sent a link to {state.email} to start the alert. Nothing more is sent until you open it.
        </p>
      ) : (
        <form action={formAction} noValidate>
          <p>
            At most one email a day with the new postings for <strong>{description}</strong>. No account needed; every email has a one-click unsubscribe link.
          </p>
          <input type="hidden" name="search" value={search} />
          <label htmlFor="job-alert-email">Your email address</label>
          <div className={styles.row}>
            <input
              id="job-alert-email"
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={state.email}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? 'job-alert-email-error' : undefined}
            />
            <button type="submit" disabled={pending}>
              {pending ? 'Sending…' : 'Email me'}
            </button>
          </div>
          <div aria-live="polite">
            {emailError && (
              <p className={styles.error} id="job-alert-email-error">
                {emailError}
              </p>
            )}
            {state.message && <p className={styles.error}>{state.message}</p>}
          </div>
        </form>
      )}
    </section>
  );
}
