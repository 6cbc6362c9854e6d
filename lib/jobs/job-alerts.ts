// Job alerts (issue 22.4) as the form, the pages and the emails see them: the sign-up form's
// schema and state, the search an alert follows, the limits on what anonymous visitors may
// create, and the links' tokens. Client-safe but for the tokens, which need node:crypto and are
// used on the server only.
import { z } from 'zod';
import { formatSalary } from '@/lib/domain/format';
import { educationAskedLabel, parseJobSearch, toJobQueryString, type JobSearch } from './job-search';

/** Alerts one address may have, confirmed or not. */
export const MAX_ALERTS_PER_ADDRESS = 10;
/** Unconfirmed alerts one address may have: a stranger can make an address receive at most this many confirmation emails at a time. */
export const MAX_UNCONFIRMED_ALERTS_PER_ADDRESS = 3;
/** Confirmation emails one alert gets when its sign-up is repeated, and how far apart at least. */
export const MAX_CONFIRMATION_EMAILS = 3;
export const CONFIRMATION_RESEND_MINUTES = 10;
/** Sign-ups one client address (lib/client-address.ts) may make in an hour. */
export const MAX_SIGNUPS_PER_CLIENT_PER_HOUR = 10;
/** An alert not confirmed within this is deleted, and its link no longer works. */
export const CONFIRMATION_HOURS = 48;
/** Postings one digest lists; the email links to the search for the rest. */
export const MAX_POSTINGS_PER_DIGEST = 20;

export const jobAlertFormSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Use at most 254 characters')
    .pipe(z.email('Enter an email address like name@example.com'))
    .transform((email) => email.toLowerCase()),
  /** The /jobs query string the form was shown with; what it cannot read is left out, as /jobs does. */
  search: z.string().max(2000).default(''),
});

export type JobAlertFormState = {
  status: 'idle' | 'sent' | 'error';
  message?: string;
  fieldErrors?: { email?: string[] };
  /** What was typed, kept after an error. */
  email?: string;
};

/**
 * The search an alert follows, as /jobs writes it (`?q=nurse&state=CA`), without what does not
 * change which postings match: the page, the order and the open/closed choice (alerts list open
 * postings, newest first). One search, one spelling: an address follows it once.
 */
export function alertSearchQuery(query: string) {
  const { search } = parseJobSearch(Object.fromEntries(new URLSearchParams(query)));
  return toJobQueryString(search, { after: undefined, sort: undefined, status: undefined });
}

/** The search an alert's query names, as searchJobPostings takes it. */
export function alertSearch(searchQuery: string): JobSearch {
  return { ...parseJobSearch(Object.fromEntries(new URLSearchParams(searchQuery))).search, sort: 'newest', status: 'open' };
}

/** The search in words, for the emails and pages: "“nurse” · California · remote". */
export function describeAlertSearch(searchQuery: string) {
  const search = alertSearch(searchQuery);
  const parts = [
    search.q && `“${search.q}”`,
    search.occupation && `occupation: ${search.occupation.replace(/-/g, ' ')}`,
    search.city && search.city,
    search.state && search.state.name,
    search.remote === true && 'remote',
    search.remote === false && 'not remote',
    search.minPay !== undefined && `pays at least ${formatSalary(search.minPay)} a year`,
    search.maxEducation && `asks at most: ${educationAskedLabel(search.maxEducation)}`,
    search.postedWithin && `posted within ${search.postedWithin} ${search.postedWithin === 1 ? 'day' : 'days'}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(' · ') : 'all job postings';
}
