// Public reads of job postings: the job search (/jobs, the API, the feeds), one posting with its
// occupation's official pay beside it, and a role's posting figures (computed ahead into
// role_posting_figures by roleboard_refresh_posting_figures, never aggregated per request).
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { database } from './client';
import { jobSearchConditions } from './job-search-conditions';
import { percentilesFromColumns, type Percentiles } from './role-columns';
import { areas, jobPostingSearch, jobPostings, roleAreaStats, roles, rolePostingFigures, roleStats, type PostingFigureSource, type PostingLocation } from './schema';
import { JOB_PAGE_SIZE, KEPT_AFTER_CLOSING_DAYS, type EducationAskedSlug, type JobCursor, type JobSearch } from '@/lib/jobs/job-search';
import { usStateByFips, type UsState } from '@/lib/us-states';

/**
 * Until when a posting is open: its closing moment or, without one, midnight UTC of the 30th day
 * after it was posted (roleboard_posting_open_until, migration 0019: the one rule, which the
 * search's stored open_until, the figures and the closing job use too).
 */
const postingOpenUntil = sql`roleboard_posting_open_until(${jobPostings.closesAt}, ${jobPostings.postedOn})`;

export const isOpenPosting = sql`(${postingOpenUntil} > now())`;

export type PostingPay = {
  min: number | null;
  max: number | null;
  period: 'year' | 'month' | 'week' | 'day' | 'hour';
  /** The yearly equivalents (lib/jobs/pay.ts states the rule). */
  annualMin: number | null;
  annualMax: number | null;
  annualMid: number;
};

export type JobPostingSummary = {
  id: number;
  source: string;
  title: string;
  employer: string;
  locations: PostingLocation[];
  remote: boolean;
  postedOn: string;
  closesAt: string | null;
  open: boolean;
  pay: PostingPay | null;
  employmentType: string;
  educationAsked: EducationAskedSlug;
  role: { slug: string; title: string } | null;
};

export type JobPostingDetail = JobPostingSummary & {
  sourceId: string;
  description: string;
  qualifications: string | null;
  applyUrl: string | null;
  placement: 'classifier' | 'editor' | 'unplaced';
  placementScore: number | null;
  placementEvidence: string | null;
  importedAt: string;
  updatedAt: string;
  /** The occupation's official (BLS OEWS) annual pay, in the U.S. and in the posting's first state. */
  officialPay: {
    national: { averageSalary: number | null; percentiles: Percentiles | null; asOf: string; source: string } | null;
    state: { state: UsState; averageSalary: number | null; percentiles: Percentiles | null; asOf: string; source: string } | null;
  };
};

export type JobPage = {
  postings: JobPostingSummary[];
  /** How many match, counted up to COUNT_LIMIT (then "more than"). */
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: JobCursor | null;
};

/**
 * Counting every match of a broad search at a million postings costs more than a page: past this,
 * "more than". Counting 10,000 took up to 150 ms where a filter has no index (remote, pay); 1,000
 * is as telling to a reader and a tenth of the work.
 */
const COUNT_LIMIT = 1_000;

const summaryColumns = {
  id: jobPostings.id,
  source: jobPostings.source,
  title: jobPostings.title,
  employer: jobPostings.employer,
  locations: jobPostings.locations,
  remote: jobPostings.remote,
  postedOn: jobPostings.postedOn,
  closesAt: jobPostings.closesAt,
  open: sql<boolean>`${isOpenPosting}`,
  payMin: jobPostings.payMin,
  payMax: jobPostings.payMax,
  payPeriod: jobPostings.payPeriod,
  annualPayMin: jobPostings.annualPayMin,
  annualPayMax: jobPostings.annualPayMax,
  annualPayMid: jobPostings.annualPayMid,
  employmentType: jobPostings.employmentType,
  educationAsked: jobPostings.educationAsked,
  roleSlug: roles.slug,
  roleTitle: roles.title,
};

/** A summary as the query reads it: the pay and the role in columns, the closing time a Date. */
type SummaryRow = Omit<JobPostingSummary, 'closesAt' | 'pay' | 'role'> & {
  closesAt: Date | null;
  payMin: number | null;
  payMax: number | null;
  payPeriod: PostingPay['period'] | null;
  annualPayMin: number | null;
  annualPayMax: number | null;
  annualPayMid: number | null;
  roleSlug: string | null;
  roleTitle: string | null;
};

function toSummary(row: SummaryRow): JobPostingSummary {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    employer: row.employer,
    locations: row.locations,
    remote: row.remote,
    postedOn: row.postedOn,
    closesAt: row.closesAt ? row.closesAt.toISOString() : null,
    open: row.open,
    pay:
      row.payPeriod && row.annualPayMid !== null
        ? { min: row.payMin, max: row.payMax, period: row.payPeriod, annualMin: row.annualPayMin, annualMax: row.annualPayMax, annualMid: row.annualPayMid }
        : null,
    employmentType: row.employmentType,
    educationAsked: row.educationAsked,
    // Postings of an archived role show no occupation rather than a dead link.
    role: row.roleSlug && row.roleTitle ? { slug: row.roleSlug, title: row.roleTitle } : null,
  };
}

/** Joins only published roles: a posting keeps its place, but an archived role is not shown. */
const publishedRole = and(eq(roles.id, jobPostings.roleId), eq(roles.status, 'published'));

/** The sort key a cursor carries: the posting date in days since 1970, or the pay midpoint (-1 for none). */
const sortKeys = {
  newest: jobPostingSearch.postedDay,
  pay: jobPostingSearch.payKey,
};

/**
 * A page of the postings a search finds, newest first (or best-paid first), with a cursor to the
 * next, in two steps. First up to COUNT_LIMIT + 1 matches are found in whatever order is quickest:
 * they are the count, and when that is all of them, the page is their top. Otherwise their top
 * still bounds the page: the page's last posting sorts no lower than the one at the same place
 * among any of the matches. With that bound the sort's index is read over a known range, not
 * walked until enough matches turn up: a word with about a thousand matches, walked, read 33,000
 * rows to find twenty (100 ms at a million postings).
 */
export async function searchJobPostings(search: JobSearch, pageSize = JOB_PAGE_SIZE): Promise<JobPage> {
  const db = database();
  const key = sortKeys[search.sort ?? 'newest'];
  const conditions = jobSearchConditions(search);
  const afterCursor = search.after ? sql`(${key}, ${jobPostingSearch.postingId}) < (${search.after.key}, ${search.after.id})` : undefined;
  const [first] = await db.execute<{ total: number; top: [number, number][] | null }>(sql`
    with matches (posting_id, sort_key) as materialized (
      select ${jobPostingSearch.postingId}, ${key} from ${jobPostingSearch} ${conditions.length ? sql`where ${and(...conditions)}` : sql``} limit ${COUNT_LIMIT + 1}
    ), top as (
      select posting_id, sort_key from matches
      ${search.after ? sql`where (sort_key, posting_id) < (${search.after.key}, ${search.after.id})` : sql``}
      order by sort_key desc, posting_id desc limit ${pageSize + 1}
    )
    select (select count(*)::int from matches) as total,
      (select json_agg(json_build_array(sort_key, posting_id) order by sort_key desc, posting_id desc) from top) as top`);
  const total = first?.total ?? 0;
  const top = first?.top ?? [];
  const bound = top.length > pageSize ? top[pageSize]! : null;
  const pageWhere =
    total <= COUNT_LIMIT
      ? // Every match was found: the page is the top already chosen.
        sql`${jobPostingSearch.postingId} = any(${sql.param(top.map(([, id]) => id))}::bigint[])`
      : // More: the search again, over the range of the sort's index down to the bound.
        and(...conditions, afterCursor, bound ? sql`(${key}, ${jobPostingSearch.postingId}) >= (${bound[0]}, ${bound[1]})` : undefined);
  const rows = top.length === 0 && total <= COUNT_LIMIT ? [] : await selectPage(pageWhere, key, pageSize);
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return {
    postings: shown.map(toSummary),
    total: Math.min(total, COUNT_LIMIT),
    totalIsLowerBound: total > COUNT_LIMIT,
    nextCursor: rows.length > pageSize && last ? { key: Number(last.sortKey), id: last.id } : null,
  };
}

/** The first pageSize + 1 postings of job_posting_search where `where` holds, in the sort's order, read in full. */
function selectPage(where: SQL | undefined, key: (typeof sortKeys)[keyof typeof sortKeys], pageSize: number) {
  const db = database();
  // Chosen from the narrow rows first (its LIMIT keeps it a subquery of its own); only its postings are read in full.
  const page = db.$with('page').as(
    db
      .select({ postingId: jobPostingSearch.postingId, sortKey: sql<number>`${key}`.as('sort_key') })
      .from(jobPostingSearch)
      .where(where)
      .orderBy(sql`${key} desc`, sql`${jobPostingSearch.postingId} desc`)
      .limit(pageSize + 1),
  );
  return db
    .with(page)
    .select({ ...summaryColumns, sortKey: page.sortKey })
    .from(page)
    .innerJoin(jobPostings, eq(jobPostings.id, page.postingId))
    .leftJoin(roles, publishedRole)
    .orderBy(sql`${page.sortKey} desc`, sql`${page.postingId} desc`);
}

/** The detail's own columns that reach the reader as they are stored (not its times, not the official pay). */
const detailColumns = {
  sourceId: jobPostings.sourceId,
  description: jobPostings.description,
  qualifications: jobPostings.qualifications,
  applyUrl: jobPostings.applyUrl,
  placement: jobPostings.placement,
  placementScore: jobPostings.placementScore,
  placementEvidence: jobPostings.placementEvidence,
};

/** One posting, open or closed, with its occupation's official pay; null for an id that is not a posting. */
export async function getJobPosting({ id }: { id: number }): Promise<JobPostingDetail | null> {
  const db = database();
  const [row] = await db
    .select({
      ...summaryColumns,
      detail: detailColumns,
      roleId: roles.id,
      importedAt: jobPostings.importedAt,
      updatedAt: jobPostings.updatedAt,
      stateCodes: jobPostings.stateCodes,
    })
    .from(jobPostings)
    .leftJoin(roles, publishedRole)
    .where(eq(jobPostings.id, id));
  if (!row) return null;
  return {
    ...toSummary(row),
    ...row.detail,
    importedAt: row.importedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    officialPay: row.roleId ? await officialPayOf(row.roleId, row.stateCodes[0] ?? null) : { national: null, state: null },
  };
}

async function officialPayOf(roleId: number, stateCode: string | null): Promise<JobPostingDetail['officialPay']> {
  const db = database();
  const [[national], [inState]] = await Promise.all([
    db.select().from(roleStats).where(eq(roleStats.roleId, roleId)),
    stateCode
      ? db
          .select({ stats: roleAreaStats })
          .from(roleAreaStats)
          .innerJoin(areas, eq(areas.fips, roleAreaStats.areaFips))
          .where(and(eq(roleAreaStats.roleId, roleId), eq(areas.postalCode, stateCode)))
      : Promise.resolve([]),
  ]);
  const state = inState ? usStateByFips(inState.stats.areaFips) : null;
  return {
    national: national ? { averageSalary: national.averageSalary, percentiles: percentilesFromColumns(national), asOf: national.asOf, source: national.source } : null,
    state:
      inState && state
        ? { state, averageSalary: inState.stats.averageSalary, percentiles: percentilesFromColumns(inState.stats), asOf: inState.stats.asOf, source: inState.stats.source }
        : null,
  };
}

export type PostingFigures = {
  openCount: number;
  recentCount: number;
  pay: { count: number; p25: number | null; median: number | null; p75: number | null };
  education: { statedCount: number; degreeAskedCount: number; degreeAskedPercent: number | null };
  sources: PostingFigureSource[];
  nextCloseAt: string | null;
  computedAt: string;
};

const NATIONAL = '00';

function toFigures(row: typeof rolePostingFigures.$inferSelect): PostingFigures {
  return {
    openCount: row.openCount,
    recentCount: row.recentCount,
    pay: { count: row.payCount, p25: row.payP25, median: row.payMedian, p75: row.payP75 },
    education: {
      statedCount: row.educationStatedCount,
      degreeAskedCount: row.degreeAskedCount,
      degreeAskedPercent: row.educationStatedCount > 0 ? Math.round((100 * row.degreeAskedCount) / row.educationStatedCount) : null,
    },
    sources: row.sources,
    nextCloseAt: row.nextCloseAt ? row.nextCloseAt.toISOString() : null,
    computedAt: row.computedAt.toISOString(),
  };
}

/** A role's posting figures in the U.S., or in one state; null where it has no postings there. */
export async function getRolePostingFigures({ roleId, state }: { roleId: number; state?: UsState }): Promise<PostingFigures | null> {
  const [row] = await database()
    .select()
    .from(rolePostingFigures)
    .where(and(eq(rolePostingFigures.roleId, roleId), eq(rolePostingFigures.areaFips, state?.fips ?? NATIONAL)));
  return row ? toFigures(row) : null;
}

/** Open postings in a state, by occupation, most first (the state page's openings). */
export async function listOpenPostingCountsInState({ state, limit }: { state: UsState; limit: number }) {
  return database()
    .select({ slug: roles.slug, title: roles.title, openCount: rolePostingFigures.openCount })
    .from(rolePostingFigures)
    .innerJoin(roles, and(eq(roles.id, rolePostingFigures.roleId), eq(roles.status, 'published')))
    .where(and(eq(rolePostingFigures.areaFips, state.fips), sql`${rolePostingFigures.openCount} > 0`))
    .orderBy(sql`${rolePostingFigures.openCount} desc`, roles.title)
    .limit(limit);
}

/**
 * What a posting's address is: `kept` (open, or closed for less than KEPT_AFTER_CLOSING_DAYS),
 * `removed` (closed longer ago, by isOpenPosting's closing rule) or `unknown` (no such posting).
 */
export async function getPostingAddressState({ id }: { id: number }): Promise<'kept' | 'removed' | 'unknown'> {
  const [row] = await database()
    .select({ removed: sql<boolean>`${postingOpenUntil} < now() - make_interval(days => ${KEPT_AFTER_CLOSING_DAYS})` })
    .from(jobPostings)
    .where(eq(jobPostings.id, id));
  return row ? (row.removed ? 'removed' : 'kept') : 'unknown';
}
