'use server';
// Job alerts' Server Actions (issue 22.4): signing up from /jobs, confirming, unsubscribing. No
// account: each is bounded by the limits in db/job-alerts.ts, and each says the same whatever an
// address already follows.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { database } from '@/db/client';
import { confirmJobAlert, deleteJobAlert, signUpForJobAlert } from '@/db/job-alerts';
import { clientAddressFrom } from '@/lib/client-address';
import { env } from '@/lib/env';
import { UNREADABLE_FORM_MESSAGE } from '@/lib/domain/errors';
import { alertIdOfUnsubscribeToken } from '@/lib/jobs/alert-tokens';
import { alertSearchQuery, jobAlertFormSchema, type JobAlertFormState } from '@/lib/jobs/job-alerts';
import { queueConfirmationEmail } from '@/lib/server/mail-queues';

const tokenSchema = z.object({ token: z.string().min(1).max(200) });

/** The token a confirm or unsubscribe form posted, or null for anything else (the endpoint takes any arguments). */
function postedToken(formData: unknown) {
  if (!(formData instanceof FormData)) return null;
  const parsed = tokenSchema.safeParse({ token: formData.get('token') });
  return parsed.success ? parsed.data.token : null;
}

export async function signUpForJobAlertAction(_previous: JobAlertFormState, formData: FormData): Promise<JobAlertFormState> {
  // The action endpoint takes whatever arguments a client encodes: only a form is read.
  if (!(formData instanceof FormData)) return { status: 'error', message: UNREADABLE_FORM_MESSAGE };
  const typedEmail = typeof formData.get('email') === 'string' ? String(formData.get('email')).slice(0, 320) : '';
  const parsed = jobAlertFormSchema.safeParse({ email: formData.get('email') ?? '', search: formData.get('search') ?? '' });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { status: 'error', fieldErrors: { email: fieldErrors.email ?? ['Enter your email address'] }, email: typedEmail };
  }
  if (!env.SMTP_URL()) return { status: 'error', message: 'Email alerts are not available on this server. The feeds above are another way to follow this search.', email: typedEmail };
  const databaseUrl = env.DATABASE_URL();
  let outcome;
  try {
    outcome = await signUpForJobAlert(database(), {
      email: parsed.data.email,
      searchQuery: alertSearchQuery(parsed.data.search),
      clientAddress: clientAddressFrom(await headers()),
      secret: env.AUTH_SECRET(),
      queueConfirmation: (alertId) => queueConfirmationEmail({ databaseUrl, alertId }),
    });
  } catch (error) {
    console.error(`Job alert sign-up failed: ${(error as Error).message}`);
    return { status: 'error', message: 'Your alert could not be saved just now. Please try again in a minute.', email: typedEmail };
  }
  if (outcome.status === 'throttled') {
    return { status: 'error', message: 'Too many alerts were asked for from your network in the last hour. Please try again later.', email: typedEmail };
  }
  // The same answer whether or not an email was due: the form never says what an address follows.
  return { status: 'sent', email: parsed.data.email };
}

export async function confirmJobAlertAction(formData: FormData) {
  const token = postedToken(formData);
  const alert = token ? await confirmJobAlert(database(), { token }) : null;
  redirect(alert ? '/jobs/alerts/confirm?done=1' : '/jobs/alerts/confirm?expired=1');
}

export async function unsubscribeJobAlertAction(formData: FormData) {
  const token = postedToken(formData);
  const alertId = token ? alertIdOfUnsubscribeToken({ secret: env.AUTH_SECRET(), token }) : null;
  if (alertId !== null) await deleteJobAlert(database(), { alertId });
  // Unsubscribed, or there was nothing to unsubscribe from: either way no more email comes.
  redirect(alertId !== null ? '/jobs/alerts/unsubscribe?done=1' : '/jobs/alerts/unsubscribe?invalid=1');
}
