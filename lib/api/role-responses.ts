// Turns the DAL's role objects into the API's documented shapes, and API query strings into
// searches (a bad parameter is a 400 naming it, unlike the forgiving HTML listing).
import { z } from 'zod';
import type { AreaFigures } from '@/db/areas';
import type { Stats } from '@/db/role-columns';
import type { RoleDetail, RoleListItem, RoleStatsHistoryEntry } from '@/db/role-reads';
import { env } from '@/lib/env';
import { figureKeys, provenanceOf } from '@/lib/provenance';
import { encodeCursor, mismatchedCursors, stateSorts, toQueryString, withPlaceFromText, type PlaceFromText, type RoleCursor, type RoleSearch } from '@/lib/role-search';
import type { UsState } from '@/lib/us-states';
import { parseApiParams, problemResponse, unknownParamsResponse, withProblemDetails, type InvalidParam } from './http';
import { API_PAGE_SIZE, apiListParams, type apiHistorySchema, type apiProvenanceSchema, type apiRoleAreasSchema, type apiRoleSchema, apiRoleStatsSchema, type apiRoleSummarySchema, roleSlugParam } from './schemas';

/** The 404 of every /api/v1/roles/{slug} endpoint and the role feeds. */
export function roleNotFoundResponse() {
  return problemResponse(404, 'No published role has this slug.');
}

/**
 * What an /api/v1/roles/{slug} endpoint reads for its path's slug, with the slug; null (its 404)
 * for a malformed slug or one `read` finds nothing for.
 */
async function readForRoleSlug<T>(params: Promise<{ slug: string }>, read: (slug: string) => Promise<T | null>) {
  const slug = roleSlugParam.safeParse((await params).slug);
  const found = slug.success ? await read(slug.data) : null;
  return slug.success && found !== null ? { slug: slug.data, found } : null;
}

/**
 * The GET of an /api/v1/roles/{slug} endpoint: it takes no query parameters (a 400 names any), a
 * slug `read` finds nothing for is the 404, and what it finds is `answer`ed.
 */
export function roleSlugGet<T>(read: (slug: string) => Promise<T | null>, answer: (request: Request, found: T, slug: string) => Promise<Response> | Response) {
  return withProblemDetails(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const unknown = unknownParamsResponse(request, []);
    if (unknown) return unknown;
    const role = await readForRoleSlug(params, read);
    if (!role) return roleNotFoundResponse();
    return answer(request, role.found, role.slug);
  });
}

export const rolePageUrl = (slug: string) => `${env.SITE_URL()}/roles/${slug}`;
export const roleStatePageUrl = (slug: string, state: UsState) => `${rolePageUrl(slug)}/states/${state.slug}`;
export const roleApiUrl = (slug: string) => `${env.SITE_URL()}/api/v1/roles/${slug}`;

/**
 * The stats as the API publishes them (lib/api/schemas.ts RoleStats): the schema's figures, taken
 * as they are; where they come from is published apart (apiProvenance).
 */
function apiStats(stats: Stats): z.infer<typeof apiRoleStatsSchema> {
  const keys = Object.keys(apiRoleStatsSchema.shape) as (keyof z.infer<typeof apiRoleStatsSchema>)[];
  return Object.fromEntries(keys.map((key) => [key, stats[key]])) as z.infer<typeof apiRoleStatsSchema>;
}

/** Each figure's origin: the stats' source, or the editors' edit (lib/api/schemas.ts StatsProvenance). */
function apiProvenance(stats: Stats): z.infer<typeof apiProvenanceSchema> {
  return Object.fromEntries(figureKeys.map((figure) => [figure, provenanceOf(stats, figure)])) as z.infer<typeof apiProvenanceSchema>;
}

export function toApiRoleSummary(role: RoleListItem): z.infer<typeof apiRoleSummarySchema> {
  return {
    slug: role.slug,
    socCode: role.socCode,
    title: role.title,
    category: { slug: role.categorySlug, name: role.categoryName },
    summary: role.summary,
    url: rolePageUrl(role.slug),
    apiUrl: roleApiUrl(role.slug),
    stats: {
      employment: role.employment,
      jobOpenings: role.jobOpenings,
      jobOpeningsBasis: role.jobOpeningsBasis,
      averageSalary: role.averageSalary,
      currency: role.currency,
      degreeRequirementPercent: role.degreeRequirementPercent,
      entryEducation: role.entryEducation,
      hourlyMean: role.hourlyMean,
    },
    ...(role.inState && {
      inState: {
        area: role.inState.state,
        employment: role.inState.employment,
        jobsPer1000: role.inState.jobsPer1000,
        locationQuotient: role.inState.locationQuotient,
        averageSalary: role.inState.averageSalary,
        percentiles: role.inState.percentiles,
        hourlyMean: role.inState.hourlyMean,
        url: roleStatePageUrl(role.slug, role.inState.state),
      },
    }),
    ...(role.openPostings !== undefined && { openPostings: role.openPostings }),
  };
}

export function toApiRole(role: RoleDetail): Omit<z.infer<typeof apiRoleSchema>, 'postings'> {
  const { stats } = role;
  return {
    slug: role.slug,
    socCode: role.socCode,
    title: role.title,
    alternativeTitles: role.alternativeTitles,
    category: role.category,
    summary: role.summary,
    url: rolePageUrl(role.slug),
    apiUrl: roleApiUrl(role.slug),
    stats: apiStats(stats),
    asOf: stats.asOf,
    source: stats.source,
    sourceUrl: stats.sourceUrl,
    provenance: apiProvenance(stats),
    attribution: role.contentAttribution,
    updatedAt: role.updatedAt > stats.updatedAt ? role.updatedAt : stats.updatedAt,
    version: role.version,
  };
}

export function toApiHistory(slug: string, entries: RoleStatsHistoryEntry[]): z.infer<typeof apiHistorySchema> {
  return {
    slug,
    url: rolePageUrl(slug),
    items: entries.map((entry) => ({
      roleVersion: entry.roleVersion,
      ...apiStats(entry),
      asOf: entry.asOf,
      source: entry.source,
      sourceUrl: entry.sourceUrl,
      provenance: apiProvenance(entry),
      changedAt: entry.changedAt,
    })),
  };
}

export function toApiRoleAreas(slug: string, figures: AreaFigures[]): z.infer<typeof apiRoleAreasSchema> {
  const first = figures[0];
  return {
    slug,
    url: rolePageUrl(slug),
    asOf: first?.asOf ?? null,
    source: first?.source ?? null,
    sourceUrl: first?.sourceUrl ?? null,
    items: figures.map(({ asOf, source, sourceUrl, ...item }) => item),
  };
}

/** Parses GET /api/v1/roles's query (and a state's listing's): the search and page size, or every invalid parameter. */
export function parseApiListParams(searchParams: URLSearchParams):
  | { ok: true; search: RoleSearch; limit: number; placeFromText?: PlaceFromText }
  | { ok: false; invalidParams: InvalidParam[] } {
  const { values, invalidParams } = parseApiParams(searchParams, apiListParams);
  if (values.after !== undefined && values.before !== undefined) invalidParams.push({ name: 'before', reason: 'Use either after or before' });
  if (stateSorts.includes(values.sort as never) && values.state === undefined) invalidParams.push({ name: 'sort', reason: `Sorting by ${values.sort} needs a state` });
  for (const name of mismatchedCursors(values as RoleSearch)) invalidParams.push({ name, reason: 'This cursor belongs to another sort order' });
  if (invalidParams.length) return { ok: false, invalidParams };
  const { limit, ...typed } = values as RoleSearch & { limit?: number };
  const { search, placeFromText } = withPlaceFromText(typed);
  return { ok: true, search, limit: limit ?? API_PAGE_SIZE.default, ...(placeFromText && { placeFromText }) };
}

/** The URL of another page of the same search, at /api/v1/roles or a state's /api/v1/areas/{state}/roles. */
export function listPageUrl(search: RoleSearch, limit: number, cursor: { after?: RoleCursor; before?: RoleCursor }, path = '/api/v1/roles') {
  const query = toQueryString(path === '/api/v1/roles' ? search : { ...search, state: undefined }, {
    limit: limit === API_PAGE_SIZE.default ? undefined : String(limit),
    after: cursor.after && encodeCursor(cursor.after),
    before: cursor.before && encodeCursor(cursor.before),
  });
  return `${env.SITE_URL()}${path}${query}`;
}
