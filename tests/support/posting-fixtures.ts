// A handful of realistic job postings for tests, written straight into job_postings (as the import
// would leave them: placed by the classifier, pay made yearly, a content hash) and the posting
// figures of their roles recomputed. Each call's postings carry its own label in their source ids
// and titles, so that tests can find exactly theirs.
import { inArray, sql } from 'drizzle-orm';
import { createDatabase } from '@/db/connection';
import { jobPostings, roles } from '@/db/schema';
import { signRevalidation, REVALIDATION_PATH, REVALIDATION_SIGNATURE_HEADER } from '@/lib/revalidation-request';

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);
const dateFromNow = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

export type PostingFixtures = Awaited<ReturnType<typeof insertPostingFixtures>>;

/** Inserts the postings, recomputes their roles' figures, and returns their ids by name. */
export async function insertPostingFixtures(databaseUrl: string, label: string) {
  const { db, sql: client } = createDatabase(databaseUrl, { max: 1 });
  try {
    const found = await db.select({ id: roles.id, socCode: roles.socCode }).from(roles).where(inArray(roles.socCode, ['13-1111', '15-1252']));
    const roleOf = (socCode: string) => found.find((role) => role.socCode === socCode)!.id;
    const analysts = roleOf('13-1111');
    const developers = roleOf('15-1252');
    const base = { contentHash: `fixture-${label}`, placement: 'classifier' as const, placementScore: 0.92 };
    const rows = {
      openAnalyst: {
        ...base,
        source: 'usajobs',
        sourceId: `${label}-801234`,
        title: `Management Analyst ${label}`,
        employer: 'Department of Veterans Affairs',
        locations: [{ city: 'Denver', stateCode: 'CO' }],
        stateCodes: ['CO'],
        postedOn: dateFromNow(-3),
        closesAt: daysFromNow(20),
        payMin: 69923,
        payMax: 185234,
        payPeriod: 'year' as const,
        annualPayMin: 69923,
        annualPayMax: 185234,
        annualPayMid: 127579,
        employmentType: 'full-time' as const,
        description: `Conducts studies of how the agency works.\n\n• Reviews programs\n• Writes reports\n\n<script>alert("${label}")</script> is not code here.`,
        applyUrl: `https://www.usajobs.gov/job/${label}-801234`,
        roleId: analysts,
        placementEvidence: "known title 'Management and Program Analyst'",
      },
      openDeveloperHourly: {
        ...base,
        source: 'nyc-jobs',
        sourceId: `${label}-55012`,
        title: `Computer Programmer Analyst ${label}`,
        employer: 'Department of Education',
        locations: [{ city: 'New York', stateCode: 'NY' }],
        stateCodes: ['NY'],
        postedOn: dateFromNow(-10),
        closesAt: daysFromNow(30),
        payMin: 25,
        payMax: 31.5,
        payPeriod: 'hour' as const,
        annualPayMin: 52000,
        annualPayMax: 65520,
        annualPayMid: 58760,
        employmentType: 'part-time' as const,
        educationAsked: 'bachelor' as const,
        description: 'Builds and maintains school systems.',
        qualifications: "1. A baccalaureate degree from an accredited college\n2. Two years of programming experience",
        roleId: developers,
        placementEvidence: "known title 'Computer Programmer Analyst'",
      },
      openRemoteDeveloper: {
        ...base,
        source: 'usajobs',
        sourceId: `${label}-802000`,
        title: `IT Specialist (Application Software) ${label}`,
        employer: 'Department of the Treasury',
        locations: [],
        stateCodes: [],
        remote: true,
        postedOn: dateFromNow(-1),
        closesAt: daysFromNow(14),
        payMin: 120000,
        payMax: 160000,
        payPeriod: 'year' as const,
        annualPayMin: 120000,
        annualPayMax: 160000,
        annualPayMid: 140000,
        employmentType: 'full-time' as const,
        educationAsked: 'high-school' as const,
        description: 'Develops software for tax systems, from anywhere in the U.S.',
        roleId: developers,
        placementEvidence: "known title 'Information Technology Specialist'",
      },
      closedDeveloper: {
        ...base,
        source: 'nyc-jobs',
        sourceId: `${label}-40001`,
        title: `Senior Software Developer ${label}`,
        employer: 'Department of Finance',
        locations: [{ city: 'New York', stateCode: 'NY' }],
        stateCodes: ['NY'],
        postedOn: dateFromNow(-60),
        closesAt: daysFromNow(-20),
        payMin: 95000,
        payMax: 130000,
        payPeriod: 'year' as const,
        annualPayMin: 95000,
        annualPayMax: 130000,
        annualPayMid: 112500,
        educationAsked: 'master' as const,
        description: 'Maintains the property tax system.',
        roleId: developers,
        placementEvidence: "known title 'Senior Software Developer'",
      },
      closedAnalyst: {
        ...base,
        source: 'usajobs',
        sourceId: `${label}-700001`,
        title: `Program Analyst ${label}`,
        employer: 'Department of Labor',
        locations: [{ city: 'Washington', stateCode: 'DC' }],
        stateCodes: ['DC'],
        postedOn: dateFromNow(-90),
        closesAt: daysFromNow(-60),
        payMin: 86962,
        payMax: 113047,
        payPeriod: 'year' as const,
        annualPayMin: 86962,
        annualPayMax: 113047,
        annualPayMid: 100005,
        description: 'Analyses labor programs.',
        roleId: analysts,
        placementEvidence: "known title 'Program Analyst'",
      },
      // Closed 120 days ago: its address is gone (410).
      removedAnalyst: {
        ...base,
        source: 'usajobs',
        sourceId: `${label}-600001`,
        title: `Budget Analyst ${label}`,
        employer: 'Department of Energy',
        locations: [{ city: 'Germantown', stateCode: 'MD' }],
        stateCodes: ['MD'],
        postedOn: dateFromNow(-150),
        closesAt: daysFromNow(-120),
        description: 'Prepared budgets.',
        roleId: analysts,
        placementEvidence: "known title 'Budget Analyst'",
      },
      unplaced: {
        ...base,
        source: 'nyc-jobs',
        sourceId: `${label}-90001`,
        title: `Community Associate ${label}`,
        employer: 'Department of Parks and Recreation',
        locations: [{ city: 'New York', stateCode: 'NY' }],
        stateCodes: ['NY'],
        postedOn: dateFromNow(-2),
        closesAt: daysFromNow(25),
        description: 'Helps run community programs.',
        placement: 'unplaced' as const,
        placementScore: null,
      },
    };
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
