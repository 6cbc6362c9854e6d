// The public API's shapes, as zod schemas. The routes build their responses through these and
// the OpenAPI document (lib/api/openapi.ts) is generated from them, so the two cannot drift.
import { z } from 'zod';
import { EDITED_SOURCE, figureKeys, type FigureKey } from '@/lib/provenance';
import { educationLabels, educationLevels } from '@/lib/education';
import { byPercentile, payRangeLabels, type Outlook } from '@/lib/domain/role-fields';
import { jobOpeningsBases } from '@/lib/domain/enums';
import { categorySlugSchema, currencyCodeSchema, SOC_CODE_PATTERN, topCodedSchema, wholeCountSchema } from '@/lib/field-schemas';
import { roleSearchFields } from '@/lib/role-search';
import { slugSchema } from '@/lib/slug';
import { usStateParam } from '@/lib/us-states';

export const API_PAGE_SIZE = { default: 20, max: 100 } as const;

/** Five pay percentiles and which of them are the publisher's top code, in the units `amount` says. */
function payPercentilesSchema({ id, amount, units, topCode }: { id: string; amount: () => z.ZodNumber; units: string; topCode: string }) {
  return z
    .object({
      ...byPercentile(amount),
      topCoded: topCodedSchema().describe(`Percentiles whose value is the publisher's ${topCode}: the real wage is at least that.`),
    })
    .meta({
      id,
      description: `${units}. p25 to p75 is the ${payRangeLabels.middleHalf.toLowerCase()}; p10 to p90 the ${payRangeLabels.tenthToNinetieth}.`,
    });
}

export const percentilesSchema = payPercentilesSchema({
  id: 'SalaryPercentiles',
  amount: () => wholeCountSchema(),
  units: 'Annual salary percentiles, in whole currency units',
  topCode: 'top code (BLS: $239,200 in May 2024)',
});

// Dollars and cents as published (no multipleOf: JSON Schema validators disagree on it for decimals such as 44.4).
const hourlyWageSchema = () => z.number().min(0);

export const hourlyPercentilesSchema = payPercentilesSchema({
  id: 'HourlyPercentiles',
  amount: hourlyWageSchema,
  units: 'Hourly wage percentiles, in currency units with cents',
  topCode: 'hourly top code (BLS: $115.00 in May 2024)',
});

export const hourlyWagesSchema = z
  .object({
    mean: hourlyWageSchema().nullable().describe('Mean hourly wage; null where none is published.'),
    percentiles: hourlyPercentilesSchema.nullable().describe('Null where not published.'),
  })
  .meta({
    id: 'HourlyWages',
    description:
      'Hourly wages as published (BLS OEWS). For an occupation BLS publishes only hourly wages for (actors, dancers, …), averageSalary and percentiles are null and these are its wages; they are never converted into annual figures.',
  });

export const outlookSchema = z
  .object({
    startYear: z.number().int(),
    endYear: z.number().int(),
    startEmployment: wholeCountSchema(),
    endEmployment: wholeCountSchema(),
    changePercent: z.number().describe('As published, one decimal.'),
  })
  .meta({ id: 'EmploymentOutlook', description: 'Projected employment (BLS Employment Projections).' }) satisfies z.ZodType<Outlook>;

export const apiRoleStatsSchema = z
  .object({
    employment: wholeCountSchema().nullable().describe('People employed; null when not known.'),
    jobOpenings: wholeCountSchema(),
    jobOpeningsBasis: z
      .enum(jobOpeningsBases)
      .describe('`current`: openings now; `projected-per-year`: projected average openings a year over the outlook period.'),
    averageSalary: wholeCountSchema().nullable().describe('Whole currency units per year; null where none is published.'),
    currency: currencyCodeSchema().describe('ISO 4217 code.'),
    degreeRequirementPercent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .describe('Share of job openings that require a degree; null when not known (BLS publishes none: every U.S. occupation).'),
    percentiles: percentilesSchema.nullable().describe('Null when not known.'),
    hourlyWages: hourlyWagesSchema.nullable().describe('Null when not known.'),
    entryEducation: z
      .string()
      .nullable()
      .describe(`Typical education needed for entry, as BLS names it (${educationLabels.map((label) => `"${label}"`).join(', ')}); null when not known.`),
    outlook: outlookSchema.nullable(),
  })
  .meta({ id: 'RoleStats' });

export const areaSchema = z
  .object({
    fips: z.string().regex(/^[0-9]{2}$/).describe('Two-digit state FIPS code.'),
    postalCode: z.string().regex(/^[A-Z]{2}$/),
    name: z.string(),
    slug: z.string(),
  })
  .meta({ id: 'Area', description: 'One of the 50 states or the District of Columbia.' });

export const apiAreaFiguresSchema = z
  .object({
    area: areaSchema,
    employment: wholeCountSchema().nullable().describe('People employed; null where BLS publishes none (its `**`).'),
    jobsPer1000: z.number().min(0).nullable().describe("Of the state's jobs, per 1,000; null with employment."),
    locationQuotient: z.number().min(0).nullable().describe("The occupation's share of the state's jobs against its national share; null with employment."),
    averageSalary: wholeCountSchema().nullable().describe('Annual mean wage in USD; null where BLS publishes none (its `*`).'),
    percentiles: percentilesSchema.nullable().describe('Null where BLS publishes none (its `*`).'),
    hourlyMean: z.number().min(0).nullable().describe("Mean hourly wage in USD; null where BLS publishes none (its `*`). The only wage published for BLS's hourly-only occupations."),
    hourlyMedian: z.number().min(0).nullable().describe('Median hourly wage in USD; null where BLS publishes none (its `*`).'),
    hourlyMedianTopCoded: z.boolean().describe("The hourly median is BLS's hourly top code ($115.00): the real one is at least that (its `#`)."),
  })
  .meta({ id: 'AreaFigures', description: "A role's figures in one state." });

/** A role's figures in the state a listing is of. */
export const apiRoleStateFiguresSchema = apiAreaFiguresSchema
  .pick({ area: true, employment: true, jobsPer1000: true, locationQuotient: true, averageSalary: true, percentiles: true, hourlyMean: true })
  .extend({ url: z.url().describe("The role's page for the state on Roleboard.") })
  .meta({ id: 'RoleStateFigures', description: "A role's figures in the state a listing is of (BLS state estimates, USD)." });

const categorySchema = z.object({ slug: categorySlugSchema(), name: z.string() }).meta({ id: 'Category' });

export const apiRoleSummarySchema = z
  .object({
    slug: z.string(),
    socCode: z.string().regex(SOC_CODE_PATTERN).nullable().describe('SOC 2018 code of a U.S. occupation.'),
    title: z.string(),
    category: categorySchema,
    summary: z.string(),
    url: z.url().describe('The role page on Roleboard.'),
    apiUrl: z.url(),
    stats: apiRoleStatsSchema
      .pick({ employment: true, jobOpenings: true, jobOpeningsBasis: true, averageSalary: true, currency: true, degreeRequirementPercent: true, entryEducation: true })
      .extend({ hourlyMean: hourlyWageSchema().nullable().describe('Mean hourly wage; null where none is published.') }),
    inState: apiRoleStateFiguresSchema
      .optional()
      .describe("Only in a listing of a state (`state`, or /api/v1/areas/{state}/roles): the role's figures there."),
    openPostings: wholeCountSchema()
      .optional()
      .describe("Open job postings placed in the role (government postings: USAJOBS, NYC Jobs), in the U.S. or in the listing's state; /api/v1/roles/{slug}/jobs lists them."),
  })
  .meta({ id: 'RoleSummary' });

const provenance = {
  asOf: z.iso.date().describe('The date the stats describe (the first of the month for a monthly release).'),
  source: z.string(),
  sourceUrl: z.url().nullable().describe('The publication the stats come from.'),
};

export const figureProvenanceSchema = z
  .object({
    source: z.string().describe(`Who the figure comes from: the stats' \`source\`, or "${EDITED_SOURCE}" for a figure an editor set by hand.`),
    url: z.url().nullable().describe("The source's publication; null for an edited figure, whose note says where it comes from."),
    asOf: z.iso.date().describe("The date the figure describes: the source's, or the day an editor set it."),
    editedAt: z.iso.datetime().nullable().describe('When an editor set the figure; null for a figure as its source published it.'),
    note: z.string().nullable().describe("The editor's note on where the edited figure comes from (plain text); null for a figure as its source published it."),
  })
  .meta({ id: 'FigureProvenance', description: 'Where one figure comes from.' });

/** One entry per figure, whether or not the figure is known, so a client never has to guess which apply. */
export const apiProvenanceSchema = z
  .object(Object.fromEntries(figureKeys.map((figure) => [figure, figureProvenanceSchema])) as Record<FigureKey, typeof figureProvenanceSchema>)
  .meta({
    id: 'StatsProvenance',
    description:
      'Where each figure comes from (`averageSalary`, `percentiles`, `hourlyWages`, `jobOpenings`, `employment`, `degreeRequirementPercent`, `entryEducation`, `outlook`): ' +
      `the stats' source, or "${EDITED_SOURCE}" with the date and the editor's note where an editor changed the figure.`,
  });

/** Counts and percentiles over a role's job postings (role_posting_figures; migration 0016 states the rules). */
export const apiPostingFiguresSchema = z
  .object({
    openCount: wholeCountSchema().describe('Postings open now: valid through a moment still to come; without a closing date, for 30 days after posting.'),
    recentCount: wholeCountSchema().describe("Postings in the last 12 months of each source's own data (up to its latest posting date)."),
    pay: z
      .object({
        count: wholeCountSchema().describe('Recent postings that state pay.'),
        p25: wholeCountSchema().nullable(),
        median: wholeCountSchema().nullable(),
        p75: wholeCountSchema().nullable(),
        currency: z.literal('USD'),
        basis: z.literal('annualised range midpoints').describe("Percentiles of the midpoints of the advertised pay ranges, hourly and monthly pay turned into a year's."),
      })
      .describe('Null percentiles when no recent posting states pay.'),
    education: z.object({
      statedCount: wholeCountSchema().describe('Recent postings that say what education they ask.'),
      degreeAskedCount: wholeCountSchema().describe("Of those, the ones asking for a bachelor's degree or more."),
      degreeAskedPercent: z.number().int().min(0).max(100).nullable().describe('degreeAskedCount of statedCount, rounded; null when none says. "Not stated" is never counted as "no degree".'),
    }),
    sources: z
      .array(
        z.object({
          source: z.string().describe('Who published the postings (`usajobs`, `nyc-jobs`, …; `synthetic` only in test databases).'),
          from: z.iso.date().nullable().describe('The first recent posting date; null when only older postings are open.'),
          to: z.iso.date().nullable(),
          recentCount: wholeCountSchema(),
          openCount: wholeCountSchema(),
        }),
      )
      .describe('Per source, by name.'),
    note: z.string().describe('What these postings are and are not.'),
    computedAt: z.iso.datetime().describe('When the figures were last computed (after every import, placement and closing).'),
  })
  .meta({ id: 'PostingFigures', description: "A role's job postings in numbers: government postings (USAJOBS, New York City), not every job in the country." });

export const POSTING_FIGURES_NOTE =
  'Government job postings (USAJOBS and New York City open data): a sample of public-sector hiring, not every job in the country. Counts are of postings, not of people hired.';

export const apiRoleSchema = apiRoleSummarySchema
  .omit({ inState: true })
  .extend({
    alternativeTitles: z.array(z.string()).describe('Other names the role goes by.'),
    stats: apiRoleStatsSchema,
    ...provenance,
    provenance: apiProvenanceSchema,
    attribution: z.string().nullable().describe("Credit the role's text requires (O*NET's CC BY 4.0 attribution); show it with the text."),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1).describe('Increases with every change to the role.'),
    postings: apiPostingFiguresSchema.nullable().describe('The role\'s job postings in the U.S.; null when it has none. Its postings: /api/v1/roles/{slug}/jobs.'),
  })
  .meta({ id: 'Role' });

export const apiRoleListSchema = z
  .object({
    items: z.array(apiRoleSummarySchema),
    total: z.number().int().min(0).describe('Roles matching the filters, across all pages: exact up to 10,000, else 10,000 with totalIsLowerBound.'),
    totalIsLowerBound: z.boolean().describe('True when more than 10,000 roles match: total is then a lower bound ("10,000+").'),
    next: z.url().nullable().describe('The next page, or null on the last one.'),
    previous: z.url().nullable(),
    searchedAs: z
      .object({ q: z.string().nullable().describe('The other words searched, or null when `q` was only the place.'), area: areaSchema })
      .nullable()
      .describe('When `q` names a state ("nurse texas", "plumber TX", "electrician in Ohio") and no `state` is given: the search made instead, the other words in that state, as with `state`. Else null.'),
    correctedQ: z
      .string()
      .nullable()
      .describe('When no role has the words of `q`: the words searched instead, each corrected to the closest words of roles\' names ("regsitered nurses" → "registered nurses"). Else null.'),
  })
  .meta({ id: 'RoleList' });

export const apiHistoryEntrySchema = apiRoleStatsSchema
  .extend({
    roleVersion: z.number().int().min(1),
    ...provenance,
    provenance: apiProvenanceSchema,
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'RoleStatsChange' });

export const apiHistorySchema = z
  .object({ slug: z.string(), url: z.url(), items: z.array(apiHistoryEntrySchema).describe('Oldest first.') })
  .meta({ id: 'RoleStatsHistory' });

export const apiAreaListSchema = z.object({ items: z.array(areaSchema).describe('By name.') }).meta({ id: 'AreaList' });

export const apiRoleAreasSchema = z
  .object({
    slug: z.string(),
    url: z.url(),
    asOf: provenance.asOf.nullable().describe('The date the figures describe; null when there are none.'),
    source: provenance.source.nullable(),
    sourceUrl: provenance.sourceUrl,
    items: z.array(apiAreaFiguresSchema).describe('Every state with an estimate for the role, by name; empty for a role that is not a U.S. occupation.'),
  })
  .meta({ id: 'RoleAreas' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

export const oembedSchema = z
  .object({
    type: z.literal('rich'),
    version: z.literal('1.0'),
    title: z.string(),
    provider_name: z.string(),
    provider_url: z.url(),
    cache_age: z.number().int(),
    html: z.string(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'OEmbed' });

/** Query parameters of GET /api/v1/roles: the public listing's, plus a page size. */
export const apiListParams = {
  q: roleSearchFields.q.describe(
    'Words in the title, other names (e.g. "programmer") or summary; a role the text names ("data scientist", "RN") comes first. A state named in it ("nurse texas", "plumber TX") is read as `state` when none is given (see `searchedAs`).',
  ),
  state: roleSearchFields.state.describe(
    "A state, by postal code (`CA`) or slug (`california`): only roles with an estimate there, each with `inState`; `minSalary` and `sort=salary` then use the state's pay.",
  ),
  category: roleSearchFields.category.describe('A category slug.'),
  minSalary: roleSearchFields.minSalary.describe("Lowest average salary (the state's, with `state`)."),
  maxDegree: roleSearchFields.maxDegree.describe(
    'Highest share of openings requiring a degree, in percent. Matches only roles whose share is known: BLS publishes none, so no U.S. occupation matches (use `maxEducation`).',
  ),
  maxEducation: roleSearchFields.maxEducation.describe(
    `Typical education needed for entry, at most this level, in BLS's order: ${educationLevels.map((level) => `\`${level.slug}\` (${level.label})`).join(', ')}. Roles whose level is not known are left out.`,
  ),
  sort: roleSearchFields.sort.describe(
    'Default: relevance (best match first) with `q`, else title. `education`: by typical education for entry, the best-paid first within a level, roles whose level is not known last. `employment` and `concentration` (location quotient) need `state`.',
  ),
  order: roleSearchFields.order.describe('Default: asc for title and education, desc otherwise.'),
  after: roleSearchFields.after.describe('Cursor from `next`.'),
  before: roleSearchFields.before.describe('Cursor from `previous`.'),
  limit: z.coerce.number().int().min(1).max(API_PAGE_SIZE.max).describe(`Page size, 1 to ${API_PAGE_SIZE.max} (default ${API_PAGE_SIZE.default}).`),
};
export type ApiListParam = keyof typeof apiListParams;

// ---- Requests: the path and query parameters the routes parse, as the OpenAPI document lists them.

/** {slug} in a role's paths. */
export const roleSlugParam = slugSchema.meta({ examples: ['backend-software-engineer'] });

/** {state} in a state's paths, and `state` where a query takes one. */
export const stateParam = usStateParam.describe('A postal code (any case) or slug.');

/** GET /api/oembed's query. */
export const oembedParamsSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Give the full URL of a role page' }).max(2000).describe('A role page, or a role\'s page for a state.'),
  format: z.enum(['json', 'xml']).default('json'),
  maxwidth: z.coerce.number().int().min(1).max(10_000).optional(),
  maxheight: z.coerce.number().int().min(1).max(10_000).optional(),
  state: stateParam.optional(),
});

