// A handful of realistic job postings for tests, written straight into job_postings (as the import
// would leave them: placed by the classifier, pay made yearly, a content hash) and the posting
// figures of their roles recomputed. Each call's postings carry its own label in their source ids
// and titles, so that tests can find exactly theirs.
import { inArray, sql } from 'drizzle-orm';
import { createDatabase } from '@/db/connection';
import { jobPostings, roles } from '@/db/schema';
import { annualisePay } from '@/lib/jobs/pay';
import { signRevalidation, REVALIDATION_PATH, REVALIDATION_SIGNATURE_HEADER } from '@/lib/revalidation-request';

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);
const dateFromNow = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

export type PostingFixtures = Awaited<ReturnType<typeof insertPostingFixtures>>;

type PostingRow = typeof jobPostings.$inferInsert;

/**
 * One fixture posting as the import would leave it: placed by the classifier, found by `label` in
 * its source id and title, in one place (or none, for a remote one), its pay made yearly.
 */
function fixturePosting(
  label: string,
  {
    sourceNumber,
    title,
    location,
    postedDaysAgo,
    closesInDays,
    pay,
    ...fields
  }: {
    sourceNumber: string;
    title: string;
    location?: { city: string; stateCode: string };
    postedDaysAgo: number;
    closesInDays: number;
    pay?: { payMin: number; payMax: number; payPeriod: 'year' | 'hour' };
  } & Omit<PostingRow, 'sourceId' | 'title' | 'locations' | 'stateCodes' | 'postedOn' | 'closesAt' | 'contentHash' | 'payMin' | 'payMax' | 'payPeriod'>,
) {
  return {
    contentHash: `fixture-${label}`,
    placement: 'classifier' as const,
    placementScore: 0.92,
    sourceId: `${label}-${sourceNumber}`,
    title: `${title} ${label}`,
    locations: location ? [location] : [],
    stateCodes: location ? [location.stateCode] : [],
    postedOn: dateFromNow(-postedDaysAgo),
    closesAt: daysFromNow(closesInDays),
    ...(pay && { ...pay, ...annualisePay(pay) }),
    ...fields,
  };
}

/** The postings by name: open and closed ones of two roles, one gone for good, one placed nowhere. */
function postingFixtureRows(label: string, { analysts, developers }: { analysts: number; developers: number }) {
  return {
    openAnalyst: fixturePosting(label, {
      source: 'usajobs',
      sourceNumber: '801234',
      title: 'Management Analyst',
      employer: 'Department of Veterans Affairs',
      location: { city: 'Denver', stateCode: 'CO' },
      postedDaysAgo: 3,
      closesInDays: 20,
      pay: { payMin: 69923, payMax: 185234, payPeriod: 'year' },
      employmentType: 'full-time',
      description: `Conducts studies of how the agency works.\n\n• Reviews programs\n• Writes reports\n\n<script>alert("${label}")</script> is not code here.`,
      applyUrl: `https://www.usajobs.gov/job/${label}-801234`,
      roleId: analysts,
      placementEvidence: "known title 'Management and Program Analyst'",
    }),
    openDeveloperHourly: fixturePosting(label, {
      source: 'nyc-jobs',
      sourceNumber: '55012',
      title: 'Computer Programmer Analyst',
      employer: 'Department of Education',
      location: { city: 'New York', stateCode: 'NY' },
      postedDaysAgo: 10,
      closesInDays: 30,
      pay: { payMin: 25, payMax: 31.5, payPeriod: 'hour' },
      employmentType: 'part-time',
      educationAsked: 'bachelor',
      description: 'Builds and maintains school systems.',
      qualifications: '1. A baccalaureate degree from an accredited college\n2. Two years of programming experience',
      roleId: developers,
      placementEvidence: "known title 'Computer Programmer Analyst'",
    }),
    openRemoteDeveloper: fixturePosting(label, {
      source: 'usajobs',
      sourceNumber: '802000',
      title: 'IT Specialist (Application Software)',
      employer: 'Department of the Treasury',
      remote: true,
      postedDaysAgo: 1,
      closesInDays: 14,
      pay: { payMin: 120000, payMax: 160000, payPeriod: 'year' },
      employmentType: 'full-time',
      educationAsked: 'high-school',
      description: 'Develops software for tax systems, from anywhere in the U.S.',
      roleId: developers,
      placementEvidence: "known title 'Information Technology Specialist'",
    }),
    closedDeveloper: fixturePosting(label, {
      source: 'nyc-jobs',
      sourceNumber: '40001',
      title: 'Senior Software Developer',
      employer: 'Department of Finance',
      location: { city: 'New York', stateCode: 'NY' },
      postedDaysAgo: 60,
      closesInDays: -20,
      pay: { payMin: 95000, payMax: 130000, payPeriod: 'year' },
      educationAsked: 'master',
      description: 'Maintains the property tax system.',
      roleId: developers,
      placementEvidence: "known title 'Senior Software Developer'",
    }),
    closedAnalyst: fixturePosting(label, {
      source: 'usajobs',
      sourceNumber: '700001',
      title: 'Program Analyst',
      employer: 'Department of Labor',
      location: { city: 'Washington', stateCode: 'DC' },
      postedDaysAgo: 90,
      closesInDays: -60,
      pay: { payMin: 86962, payMax: 113047, payPeriod: 'year' },
      description: 'Analyses labor programs.',
      roleId: analysts,
      placementEvidence: "known title 'Program Analyst'",
    }),
    // Closed 120 days ago: its address is gone (410).
    removedAnalyst: fixturePosting(label, {
      source: 'usajobs',
      sourceNumber: '600001',
      title: 'Budget Analyst',
      employer: 'Department of Energy',
      location: { city: 'Germantown', stateCode: 'MD' },
      postedDaysAgo: 150,
      closesInDays: -120,
      description: 'Prepared budgets.',
      roleId: analysts,
      placementEvidence: "known title 'Budget Analyst'",
    }),
    unplaced: fixturePosting(label, {
      source: 'nyc-jobs',
      sourceNumber: '90001',
      title: 'Community Associate',
      employer: 'Department of Parks and Recreation',
      location: { city: 'New York', stateCode: 'NY' },
      postedDaysAgo: 2,
      closesInDays: 25,
      description: 'Helps run community programs.',
      placement: 'unplaced',
      placementScore: null,
    }),
  };
}

/** Inserts the postings, recomputes their roles' figures, and returns their ids by name. */
export async function insertPostingFixtures(databaseUrl: string, label: string) {
  const { db, sql: client } = createDatabase(databaseUrl, { max: 1 });
  try {
    const found = await db.select({ id: roles.id, socCode: roles.socCode }).from(roles).where(inArray(roles.socCode, ['13-1111', '15-1252']));
    const roleOf = (socCode: string) => found.find((role) => role.socCode === socCode)!.id;
    const analysts = roleOf('13-1111');
    const developers = roleOf('15-1252');
    const rows = postingFixtureRows(label, { analysts, developers });
    const ids = {} as Record<keyof typeof rows, number>;
    for (const [name, row] of Object.entries(rows) as [keyof typeof rows, (typeof rows)[keyof typeof rows]][]) {
      const [inserted] = await db.insert(jobPostings).values(row).returning({ id: jobPostings.id });
      ids[name] = inserted!.id;
    }
    await db.execute(sql`select roleboard_refresh_posting_figures(array[${analysts}, ${developers}]::int[])`);
    return { ids, titles: Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, row.title])) as Record<keyof typeof rows, string> };
  } finally {
    await client.end();
  }
}

/** Asks the running server to drop what it cached about postings and these roles' pages. */
export async function showPostingFixtures(baseURL: string, roleSlugs: string[]) {
  const { body, signature } = signRevalidation({ tags: ['jobs', 'areas', ...roleSlugs.map((slug) => `role:${slug}`)], secret: process.env.AUTH_SECRET! });
  const response = await fetch(`${baseURL}${REVALIDATION_PATH}`, { method: 'POST', body, headers: { 'content-type': 'application/json', [REVALIDATION_SIGNATURE_HEADER]: signature } });
  if (!response.ok) throw new Error(`Revalidation refused: ${response.status} ${await response.text()}`);
}

/** A role's posting figures in the U.S., as role_posting_figures has them now. */
export async function readPostingFigures(databaseUrl: string, roleSlug: string) {
  const { sql: client } = createDatabase(databaseUrl, { max: 1 });
  try {
    const [row] = await client<{ open_count: number; education_stated_count: number; degree_asked_count: number }[]>`
      select f.open_count, f.education_stated_count, f.degree_asked_count from role_posting_figures f join roles r on r.id = f.role_id
      where r.slug = ${roleSlug} and f.area_fips = '00'`;
    if (!row) throw new Error(`${roleSlug} has no posting figures`);
    return { openCount: row.open_count, educationStatedCount: row.education_stated_count, degreeAskedCount: row.degree_asked_count };
  } finally {
    await client.end();
  }
}
