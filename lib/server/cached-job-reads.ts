// Cached public reads of job postings, on the rules of lib/server/cached-public-reads.ts: each cached
// function checks its exact arguments, keeps nothing for what does not exist, and caches only
// views a visitor cannot vary without limit (no free text, no city, no cursor, no pay figure).
// Everything here is tagged `jobs` (and `role:<slug>` / `job:<id>`): an import, a placement and
// the closing job (a posting past its closing date, every minute) invalidate those tags.
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { getEmployerPage } from '@/db/employer-postings';
import { findPublishedRoleId } from '@/db/role-reads';
import { getJobPosting, getRolePostingFigures, listOpenPostingCountsInState, searchJobPostings, type JobPage } from '@/db/job-reads';
import { cacheTags } from '@/lib/cache-tags';
import { expectArguments, keepNot, mayLookUp } from './cached-public-reads';
import { educationAskedSlugs, JOB_PAGE_SIZE, jobSorts, postedWithinDays, type JobSearch } from '@/lib/jobs/job-search';
import { slugSchema } from '@/lib/slug';
import { findUsState, usStates, type UsState } from '@/lib/us-states';

/**
 * Kept until a tag is invalidated, as the role reads are. A short life (refreshing in the
 * background every few minutes) gave role pages background renders that could finish after an
 * editor's save and store the page as it was before it; the closing job invalidates these tags
 * on time instead.
 */
function keepUntilChanged(...tags: string[]) {
  cacheLife('max');
  cacheTag(cacheTags.jobs, ...tags);
}

const stateCode = z.enum(usStates.map((state) => state.postalCode) as [string, ...string[]]);

/** The views of /jobs kept in the cache: any mix of the fixed choices, first page only. */
const commonJobView = z
  .object({
    occupation: slugSchema.optional(),
    state: stateCode.optional(),
    remote: z.boolean().optional(),
    maxEducation: z.enum(educationAskedSlugs as [string, ...string[]]).optional(),
    postedWithin: z.union(postedWithinDays.map((days) => z.literal(days)) as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>]).optional(),
    status: z.enum(['open', 'all']).optional(),
    sort: z.enum(jobSorts).optional(),
    pageSize: z.number().int().min(1).max(100),
  })
  .strict();
type CommonJobView = z.output<typeof commonJobView>;

function commonViewOf(search: JobSearch, pageSize: number): CommonJobView | null {
  if (search.q || search.city || search.after || search.minPay !== undefined) return null;
  const view: CommonJobView = { pageSize };
  if (search.occupation) view.occupation = search.occupation;
  if (search.state) view.state = search.state.postalCode;
  if (search.remote !== undefined) view.remote = search.remote;
  if (search.maxEducation) view.maxEducation = search.maxEducation;
  if (search.postedWithin) view.postedWithin = search.postedWithin;
  if (search.status) view.status = search.status;
  if (search.sort) view.sort = search.sort;
  return view;
}

async function getCommonJobPage(...given: [view: CommonJobView]): Promise<JobPage | null> {
  'use cache';
  const [view] = expectArguments('getCommonJobPage', z.tuple([commonJobView]), given);
  if (view.occupation && !(await mayLookUp(view.occupation))) {
    keepNot();
    return null;
  }
  keepUntilChanged(...(view.occupation ? [cacheTags.role(view.occupation)] : []));
  const { pageSize, state, maxEducation, ...rest } = view;
  return searchJobPostings(
    { ...rest, state: state ? (findUsState(state) ?? undefined) : undefined, maxEducation: maxEducation as JobSearch['maxEducation'] },
    pageSize,
  );
}

/**
 * A page of the job search. Common views come from the cache; searches with text, a city, a pay
 * figure or a cursor are read each time (a visitor could vary them without limit). An occupation
 * that is not a published role finds nothing.
 */
export async function getJobPage(search: JobSearch, pageSize = JOB_PAGE_SIZE): Promise<JobPage> {
  const view = commonViewOf(search, pageSize);
  const empty: JobPage = { postings: [], total: 0, totalIsLowerBound: false, nextCursor: null };
  if (view) return (await getCommonJobPage(view)) ?? empty;
  if (search.occupation && !(await mayLookUp(search.occupation))) return empty;
  return searchJobPostings(search, pageSize);
}

const postingId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One posting (open or closed); null, and nothing kept, for an id that is no posting. */
export async function getPosting(...given: [id: number]) {
  'use cache';
  const [id] = expectArguments('getPosting', z.tuple([postingId]), given);
  const posting = await getJobPosting({ id });
  if (!posting) {
    keepNot();
    return null;
  }
  keepUntilChanged(cacheTags.job(id), ...(posting.role ? [cacheTags.role(posting.role.slug)] : []));
  return posting;
}

/** A role's posting figures, in the U.S. or in one state (by its postal code); null where it has none. */
async function getCachedRolePostingFigures(...given: [slug: string, stateCode: string | null]) {
  'use cache';
  const [slug, code] = expectArguments('getCachedRolePostingFigures', z.tuple([slugSchema, stateCode.nullable()]), given);
  if (!(await mayLookUp(slug))) {
    keepNot();
    return null;
  }
  keepUntilChanged(cacheTags.role(slug));
  const roleId = await findPublishedRoleId({ slug });
  if (roleId === null) {
    keepNot();
    return null;
  }
  return getRolePostingFigures({ roleId, state: code ? (findUsState(code) ?? undefined) : undefined });
}

export const getPostingFigures = async (slug: string, state?: UsState) =>
  (await mayLookUp(slug)) ? getCachedRolePostingFigures(slug, state?.postalCode ?? null) : null;

/** How many postings are open in a state, by occupation (the state page's openings). */
export async function getOpenPostingCountsInState(...given: [stateCode: string]) {
  'use cache';
  const [code] = expectArguments('getOpenPostingCountsInState', z.tuple([stateCode]), given);
  keepUntilChanged(cacheTags.areas);
  return listOpenPostingCountsInState({ state: findUsState(code)!, limit: 10 });
}

/** An employer's public page (db/employer-postings.ts); null, and nothing kept, for an unknown or disabled employer. */
export async function getCachedEmployerPage(...given: [slug: string]) {
  'use cache';
  const [slug] = expectArguments('getCachedEmployerPage', z.tuple([slugSchema]), given);
  const page = await getEmployerPage(slug);
  if (!page) {
    keepNot();
    return null;
  }
  keepUntilChanged();
  return page;
}
