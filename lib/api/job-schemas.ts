// The public API's job posting shapes and parameters, as zod schemas: GET /api/v1/jobs,
// /api/v1/jobs/{id}, /api/v1/roles/{slug}/jobs and /api/v1/jobs.csv parse with them and build their
// answers through them, and the OpenAPI document (lib/api/openapi.ts) is generated from them.
import { z } from 'zod';
import { employmentTypes, payPeriods, postingPlacements } from '@/lib/domain/enums';
import { educationAskedLevels, educationAskedSlugs, jobSearchFields, postedWithinDays } from '@/lib/jobs/job-search';
import { areaSchema, percentilesSchema } from './schemas';
import { wholeCountSchema } from '@/lib/field-schemas';

export const JOB_API_PAGE_SIZE = { default: 20, max: 100 } as const;
/** The CSV export's bound: past it the file says so in its last line rather than growing without end. */
export const JOB_CSV_MAX_ROWS = 10_000;


const postingRoleSchema = z
  .object({ slug: z.string(), title: z.string(), url: z.url(), apiUrl: z.url() })
  .nullable()
  .describe('The occupation the posting was placed on; null when it is not placed (or its role is not published).');

export const apiJobSummarySchema = z
  .object({
    id: z.number().int().positive(),
    url: z.url().describe('The posting on Roleboard.'),
    apiUrl: z.url(),
    source: z.string().describe('Who published it: `usajobs`, `nyc-jobs`, or the source of an imported file (`synthetic` only in test databases).'),
    title: z.string(),
    employer: z.string(),
    locations: z.array(z.object({ city: z.string().nullable(), stateCode: z.string().regex(/^[A-Z]{2}$/).nullable() })).describe('Empty for a remote posting with no place.'),
    remote: z.boolean(),
    postedOn: z.iso.date(),
    closesAt: z.iso.datetime().nullable().describe('The last moment applications are taken; null when the publisher gave none (then open for 30 days after posting).'),
    open: z.boolean().describe('Open now, by the rule of `closesAt`.'),
    pay: z
      .object({
        min: z.number().min(0).nullable(),
        max: z.number().min(0).nullable(),
        period: z.enum(payPeriods),
        annualMin: wholeCountSchema().nullable(),
        annualMax: wholeCountSchema().nullable(),
        annualMid: wholeCountSchema().describe('The midpoint of the range, as a year’s pay.'),
        currency: z.literal('USD'),
      })
      .nullable()
      .describe('As advertised, with its yearly equivalents; null when the posting states no pay.'),
    employmentType: z.enum(employmentTypes),
    educationAsked: z.enum([...educationAskedSlugs, 'not-stated'] as [string, ...string[]]).describe(
      `The education the posting asks for: ${educationAskedLevels.map((level) => `\`${level.slug}\` (${level.label})`).join(', ')}, or \`not-stated\`.`,
    ),
    role: postingRoleSchema,
  })
  .meta({ id: 'JobPostingSummary' });

const officialPaySchema = z.object({ averageSalary: wholeCountSchema().nullable(), percentiles: percentilesSchema.nullable(), asOf: z.iso.date(), source: z.string() });

export const apiJobSchema = apiJobSummarySchema
  .extend({
    sourceId: z.string().describe("The publisher's own id."),
    description: z.string().describe('Plain text.'),
    qualifications: z.string().nullable().describe('Plain text; null where the publisher states none apart from the description.'),
    applyUrl: z.url().nullable(),
    placement: z
      .object({
        method: z.enum(postingPlacements),
        score: z.number().min(0).max(1).nullable().describe("The classifier's confidence."),
        evidence: z.string().nullable().describe('What decided the placement.'),
      })
      .describe('How the posting was placed on its occupation.'),
    officialPay: z
      .object({
        national: officialPaySchema.nullable(),
        state: officialPaySchema.extend({ area: areaSchema }).nullable().describe("In the posting's first state."),
      })
      .describe("The occupation's official annual pay (BLS OEWS), to set the advertised pay beside."),
    importedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'JobPosting' });

export const apiJobListSchema = z
  .object({
    items: z.array(apiJobSummarySchema),
    total: wholeCountSchema().describe('Postings matching, across all pages: exact up to 1,000, else 1,000 with totalIsLowerBound.'),
    totalIsLowerBound: z.boolean(),
    next: z.url().nullable().describe('The next page, or null on the last one.'),
  })
  .meta({ id: 'JobPostingList' });

/** Query parameters of GET /api/v1/jobs: the /jobs search's (lib/jobs/job-search.ts), plus a page size. */
export const apiJobParams = {
  q: jobSearchFields.q.describe('Words in the title, employer or description (web-search syntax: "quoted phrases", -excluded, or).'),
  occupation: jobSearchFields.occupation.describe("A role's slug: the postings placed on it."),
  state: jobSearchFields.state.describe('A state, by postal code (`CA`) or slug (`california`).'),
  city: jobSearchFields.city.describe('A city named in a location, any case.'),
  remote: jobSearchFields.remote.describe('`true` or `false` (also `1`, `0`).'),
  minPay: jobSearchFields.minPay.describe('Pays at least this a year: the top of the advertised range reaches it (USD).'),
  maxEducation: jobSearchFields.maxEducation.describe('Asks at most this education; postings that do not say are left out.'),
  postedWithin: jobSearchFields.postedWithin.describe(`Posted in the last this many days: ${postedWithinDays.join(', ')}.`),
  status: jobSearchFields.status.describe('`open` (default) or `all`, closed postings too.'),
  sort: jobSearchFields.sort.describe('`newest` (default) or `pay`: the best-paid first by annualised range midpoint, postings without pay last.'),
  after: jobSearchFields.after.describe('Cursor from `next`.'),
  limit: z.coerce.number().int().min(1).max(JOB_API_PAGE_SIZE.max).describe(`Page size, 1 to ${JOB_API_PAGE_SIZE.max} (default ${JOB_API_PAGE_SIZE.default}).`),
};
export type ApiJobParam = keyof typeof apiJobParams;

/** {id} in a posting's path. */
export const jobIdParam = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'A posting id is a whole number')
  .transform(Number)
  .meta({ examples: ['1'] });
