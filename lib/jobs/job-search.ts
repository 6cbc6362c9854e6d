// The job search's parameters (/jobs, /roles/{slug}/jobs, /api/v1/jobs and the feeds): one schema
// for every door. Each parameter is checked on its own so that one bad value never hides the others.
import { z } from 'zod';
import { slugFormatSchema } from '../slug';
import { parseQueryFields, type RawSearchParams } from '../query-params';
import { hasControlCharacter } from '../text-rules';
import { usStateParam } from '../us-states';
import { encodePageCursor, pageCursorSchema } from '../page-cursor';

/** What a posting asks for, from least to most; `not-stated` postings never match an education filter. */
export const educationAskedLevels = [
  { slug: 'none', label: 'No formal education asked' },
  { slug: 'high-school', label: 'High school diploma or equivalent' },
  { slug: 'associate', label: "Associate's degree" },
  { slug: 'bachelor', label: "Bachelor's degree" },
  { slug: 'master', label: "Master's degree" },
  { slug: 'doctoral', label: 'Doctoral or professional degree' },
] as const;
export type EducationAskedSlug = (typeof educationAskedLevels)[number]['slug'] | 'not-stated';
export const educationAskedSlugs = educationAskedLevels.map((level) => level.slug) as [EducationAskedSlug, ...EducationAskedSlug[]];

export function educationAskedLabel(slug: EducationAskedSlug) {
  return educationAskedLevels.find((level) => level.slug === slug)?.label ?? 'Not stated';
}

/** "Asks at most this": the levels at or below it. */
export function educationAskedUpTo(slug: EducationAskedSlug): EducationAskedSlug[] {
  const index = educationAskedSlugs.indexOf(slug);
  return index < 0 ? [] : educationAskedSlugs.slice(0, index + 1);
}

/** Bachelor's or more: what the "ask for a degree" share counts (of postings that say). */
export const DEGREE_ASKED: readonly EducationAskedSlug[] = ['bachelor', 'master', 'doctoral'];

/** How long a closed posting stays readable (for those who applied) before its address is gone (410, proxy.ts). */
export const KEPT_AFTER_CLOSING_DAYS = 90;

export const jobSorts = ['newest', 'pay'] as const;
export type JobSort = (typeof jobSorts)[number];

export const postedWithinDays = [1, 7, 30, 90, 365] as const;

export const JOB_PAGE_SIZE = 20;
export const MAX_JOB_QUERY_LENGTH = 200;
const MAX_INT4 = 2_147_483_647;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .refine((value) => !hasControlCharacter(value), `${label} cannot contain control characters`);

/**
 * A page cursor: the sort key of the last posting shown (its posting date as days since 1970, or
 * its annual pay midpoint, -1 for none) and its id, as base64url JSON.
 */
const jobCursorSchema = pageCursorSchema(200, z.tuple([z.number().int().min(-1).max(MAX_INT4), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)])).transform(
  ([key, id]) => ({ key, id }),
);
export type JobCursor = z.output<typeof jobCursorSchema>;

export function encodeJobCursor(cursor: JobCursor) {
  return encodePageCursor(cursor.key, cursor.id);
}

export const jobSearchFields = {
  q: text(MAX_JOB_QUERY_LENGTH, 'Search text'),
  /** A role's slug: its postings only. */
  occupation: slugFormatSchema,
  state: usStateParam,
  city: text(100, 'City'),
  remote: z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
  minPay: z.coerce.number().int('Whole numbers only').min(0).max(100_000_000),
  /** Asks at most this education; postings that do not say are left out. */
  maxEducation: z.enum(educationAskedSlugs as [string, ...string[]], { error: `Give one of ${educationAskedSlugs.join(', ')}` }).transform((slug) => slug as EducationAskedSlug),
  postedWithin: z.coerce
    .number()
    .int()
    .refine((days) => (postedWithinDays as readonly number[]).includes(days), `Give one of ${postedWithinDays.join(', ')} (days)`),
  /** Closed postings too (role pages' "recent postings"); search shows open ones only by default. */
  status: z.enum(['open', 'all']),
  sort: z.enum(jobSorts),
  after: jobCursorSchema,
};

export type JobSearchKey = keyof typeof jobSearchFields;
export type JobSearch = { [K in JobSearchKey]?: z.output<(typeof jobSearchFields)[K]> };

export const jobSearchLabels = {
  q: 'search text',
  occupation: 'occupation',
  state: 'state',
  city: 'city',
  remote: 'remote',
  minPay: 'minimum pay',
  maxEducation: 'education asked',
  postedWithin: 'posted within',
  status: 'status',
  sort: 'sort',
  after: 'page',
} satisfies Record<JobSearchKey, string>;

/** What a /jobs URL says: the valid parameters and the names of the invalid ones (shown, never an error page). */
export function parseJobSearch(raw: RawSearchParams): { search: JobSearch; invalid: JobSearchKey[] } {
  const { values, ignored } = parseQueryFields(raw, jobSearchFields);
  return { search: values as JobSearch, invalid: ignored };
}

/**
 * A search as a query string ("?state=CA&sort=pay", or "" for none), in the parameters' order;
 * `overrides` set or (undefined) drop single parameters, e.g. a page cursor.
 */
export function toJobQueryString(search: JobSearch, overrides: Partial<Record<JobSearchKey, string | undefined>> = {}) {
  const values: Partial<Record<JobSearchKey, string>> = {
    q: search.q,
    occupation: search.occupation,
    state: search.state?.postalCode,
    city: search.city,
    remote: search.remote === undefined ? undefined : String(search.remote),
    minPay: search.minPay === undefined ? undefined : String(search.minPay),
    maxEducation: search.maxEducation,
    postedWithin: search.postedWithin === undefined ? undefined : String(search.postedWithin),
    status: search.status,
    sort: search.sort,
    after: search.after ? encodeJobCursor(search.after) : undefined,
  };
  const params = new URLSearchParams();
  for (const key of Object.keys(jobSearchFields) as JobSearchKey[]) {
    const value = key in overrides ? overrides[key] : values[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
