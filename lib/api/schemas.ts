// The public API's shapes, as zod schemas. The routes build their responses through these and
// the OpenAPI document (lib/api/openapi.ts) is generated from them, so the two cannot drift.
import { z } from 'zod';
import { roleSearchFields } from '@/lib/role-search';

export const API_PAGE_SIZE = { default: 20, max: 100 } as const;

export const percentilesSchema = z
  .object({
    p10: z.number().int().min(0),
    p25: z.number().int().min(0),
    median: z.number().int().min(0),
    p75: z.number().int().min(0),
    p90: z.number().int().min(0),
  })
  .meta({ id: 'SalaryPercentiles', description: 'Annual salary percentiles, in whole currency units.' });

export const apiRoleStatsSchema = z
  .object({
    jobOpenings: z.number().int().min(0),
    averageSalary: z.number().int().min(0).describe('Whole currency units per year.'),
    currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code.'),
    degreeRequirementPercent: z.number().int().min(0).max(100),
    percentiles: percentilesSchema.nullable().describe('Null when not known.'),
  })
  .meta({ id: 'RoleStats' });

const categorySchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'Category' });

export const apiRoleSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    category: categorySchema,
    summary: z.string(),
    url: z.url().describe('The role page on Roleboard.'),
    apiUrl: z.url(),
    stats: apiRoleStatsSchema.omit({ percentiles: true }),
  })
  .meta({ id: 'RoleSummary' });

export const apiRoleSchema = apiRoleSummarySchema
  .extend({
    stats: apiRoleStatsSchema,
    asOf: z.iso.date().describe('The date the stats describe.'),
    source: z.string(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1).describe('Increases with every change to the role.'),
  })
  .meta({ id: 'Role' });

export const apiRoleListSchema = z
  .object({
    items: z.array(apiRoleSummarySchema),
    total: z.number().int().min(0).describe('Roles matching the filters, across all pages.'),
    next: z.url().nullable().describe('The next page, or null on the last one.'),
    previous: z.url().nullable(),
  })
  .meta({ id: 'RoleList' });

export const apiHistoryEntrySchema = apiRoleStatsSchema
  .extend({
    roleVersion: z.number().int().min(1),
    asOf: z.iso.date(),
    source: z.string(),
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'RoleStatsChange' });

export const apiHistorySchema = z
  .object({ slug: z.string(), url: z.url(), items: z.array(apiHistoryEntrySchema).describe('Oldest first.') })
  .meta({ id: 'RoleStatsHistory' });

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
  q: roleSearchFields.q.describe('Words in the title or summary.'),
  category: roleSearchFields.category.describe('A category slug.'),
  minSalary: roleSearchFields.minSalary.describe('Lowest average salary.'),
  maxDegree: roleSearchFields.maxDegree.describe('Highest degree requirement, in percent.'),
  sort: roleSearchFields.sort.describe('Default: title.'),
  order: roleSearchFields.order.describe('Default: asc for title, desc otherwise.'),
  after: roleSearchFields.after.describe('Cursor from `next`.'),
  before: roleSearchFields.before.describe('Cursor from `previous`.'),
  limit: z.coerce.number().int().min(1).max(API_PAGE_SIZE.max).describe(`Page size, 1 to ${API_PAGE_SIZE.max} (default ${API_PAGE_SIZE.default}).`),
};
export type ApiListParam = keyof typeof apiListParams;
