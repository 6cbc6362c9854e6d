// The OpenAPI 3.1 document, generated from the zod schemas the routes use (lib/api/schemas.ts).
// Nothing here restates a shape: component schemas and parameters come from z.toJSONSchema.
import { z } from 'zod';
import { badgeOptionsSchema } from './embed-options';
import { apiJobListSchema, apiJobParams, apiJobSchema, jobIdParam, JOB_CSV_MAX_ROWS } from './job-schemas';
import {
  apiAreaListSchema,
  apiHistorySchema,
  apiRoleAreasSchema,
  apiListParams,
  apiRoleListSchema,
  apiRoleSchema,
  oembedParamsSchema,
  oembedSchema,
  problemSchema,
  roleSlugParam,
  stateParam,
} from './schemas';

const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function parameterSchema(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: schemaRef('Problem') } },
});

const cachingHeaders = {
  ETag: { schema: { type: 'string' }, description: 'Send it back in If-None-Match for a 304.' },
  'Last-Modified': { schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
};

/**
 * Parameters from the schemas the route parses them with. A path's are required; a query's are
 * required when their schema refuses a missing value, unless the route parses each only when given.
 */
function parameters(
  location: 'path' | 'query',
  fields: Record<string, z.ZodType>,
  { descriptions = {}, parsedWhenGiven = false }: { descriptions?: Record<string, string>; parsedWhenGiven?: boolean } = {},
) {
  return Object.entries(fields).map(([name, schema]) => ({
    name,
    in: location,
    required: location === 'path' || (!parsedWhenGiven && !schema.safeParse(undefined).success),
    description: descriptions[name] ?? schema.description,
    schema: parameterSchema(schema),
  }));
}

const slugParameters = parameters('path', { slug: roleSlugParam });

/** The listing's query parameters, from the schemas GET /api/v1/roles parses them with (each only when given). */
function listParameters(leaveOut: string[] = []) {
  return parameters('query', Object.fromEntries(Object.entries(apiListParams).filter(([name]) => !leaveOut.includes(name))), { parsedWhenGiven: true });
}

/** The job search's query parameters, from the schemas GET /api/v1/jobs parses them with (each only when given). */
function jobParameters(leaveOut: string[] = []) {
  return parameters('query', Object.fromEntries(Object.entries(apiJobParams).filter(([name]) => !leaveOut.includes(name))), { parsedWhenGiven: true });
}

const badgeStateDescription =
  "A state (postal code or slug): the salary is the state's. Openings and the degree share are national and say so; a value naming no state gives the national badge.";

const ok = (description: string, contentType: string, schema: object) => ({
  description,
  headers: cachingHeaders,
  content: { [contentType]: { schema } },
});

const invalidParamsProblem = problem('An invalid parameter, or one it does not take; `invalidParams` names each one');
const unknownParamProblem = problem('A query parameter it does not take');
const noRoleProblem = problem('No published role has this slug');

/** A GET answered with validators: its 200, the 304 for a copy still current, and its problems by status. */
function cachedGet({
  operationId,
  summary,
  parameters,
  ok: okResponse,
  problems,
}: {
  operationId: string;
  summary: string;
  parameters?: object[];
  ok: ReturnType<typeof ok>;
  problems: Record<number, ReturnType<typeof problem>>;
}) {
  return { get: { operationId, summary, ...(parameters && { parameters }), responses: { 200: okResponse, 304: { description: 'Not modified' }, ...problems } } };
}

/**
 * A search's GET (a listing, a CSV export): the route parses every query parameter, so a bad or
 * unknown one is a 400 naming it; `notFound` where the path names something that may not exist.
 */
function searchGet({ notFound, ...get }: Omit<Parameters<typeof cachedGet>[0], 'problems'> & { notFound?: ReturnType<typeof problem> }) {
  return cachedGet({ ...get, problems: notFound ? { 400: invalidParamsProblem, 404: notFound } : { 400: invalidParamsProblem } });
}

/** A GET of one role's JSON, under /api/v1/roles/{slug}: it takes no query parameters, and a slug no published role has is a 404. */
function roleJsonGet({ operationId, summary, returns, schemaId }: { operationId: string; summary: string; returns: string; schemaId: string }) {
  return cachedGet({
    operationId,
    summary,
    parameters: slugParameters,
    ok: ok(returns, 'application/json', schemaRef(schemaId)),
    problems: { 400: unknownParamProblem, 404: noRoleProblem },
  });
}

export function buildOpenApiDocument(siteUrl: string) {
  // One pass over every response schema, so shared ones (RoleStats, Category…) become components
  // referenced by their meta id instead of being inlined again and again.
  const registry = z.toJSONSchema(z.object({
      apiRoleListSchema,
      apiRoleSchema,
      apiHistorySchema,
      apiRoleAreasSchema,
      apiAreaListSchema,
      apiJobListSchema,
      apiJobSchema,
      problemSchema,
      oembedSchema,
    }),);
  const schemas = JSON.parse(JSON.stringify(registry.$defs ?? {}).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;

  return {
    openapi: '3.1.0',
    info: {
      title: 'Roleboard API',
      version: '1.0.0',
      description:
        'Read-only statistics for job roles: average salary, job openings, degree requirement and salary percentiles; ' +
        'and government job postings (USAJOBS, New York City) placed on those roles, with their figures. ' +
        'No key needed; CORS is open; responses carry ETag and Last-Modified for conditional requests.',
    },
    servers: [{ url: siteUrl }],
    paths: {
      '/api/v1/roles': searchGet({
        operationId: 'listRoles',
        summary: 'Search, filter and sort published roles',
        parameters: listParameters(),
        ok: ok('One page of roles', 'application/json', schemaRef('RoleList')),
      }),
      '/api/v1/roles/{slug}': roleJsonGet({ operationId: 'getRole', summary: 'One role with its current stats', returns: 'The role', schemaId: 'Role' }),
      '/api/v1/roles/{slug}/jobs': searchGet({
        operationId: 'listRoleJobs',
        summary: "A role's job postings: /api/v1/jobs with `occupation` from the path",
        parameters: [...slugParameters, ...jobParameters(['occupation'])],
        ok: ok('One page of postings, newest first unless `sort` says otherwise', 'application/json', schemaRef('JobPostingList')),
        notFound: noRoleProblem,
      }),
      '/api/v1/jobs': searchGet({
        operationId: 'listJobs',
        summary: 'Search government job postings (open ones unless `status=all`), as /jobs does',
        parameters: jobParameters(),
        ok: ok('One page of postings, with a `Link: rel="next"` header when there is another', 'application/json', schemaRef('JobPostingList')),
      }),
      '/api/v1/jobs/{id}': cachedGet({
        operationId: 'getJob',
        summary: 'One posting, open or closed, with its occupation’s official pay',
        parameters: parameters('path', { id: jobIdParam }),
        ok: ok('The posting', 'application/json', schemaRef('JobPosting')),
        problems: { 400: unknownParamProblem, 404: problem('No posting has this id') },
      }),
      '/api/v1/jobs.csv': searchGet({
        operationId: 'exportJobsCsv',
        summary: `The postings a job search finds as CSV, in its order, at most ${JOB_CSV_MAX_ROWS.toLocaleString('en-US')} rows (narrow the search for the rest)`,
        parameters: jobParameters(['after', 'limit']),
        ok: ok('CSV with a header row', 'text/csv', { type: 'string' }),
      }),
      '/api/v1/roles/{slug}/history': roleJsonGet({
        operationId: 'getRoleStatsHistory',
        summary: "A role's stats over time",
        returns: 'Every change of the stats, oldest first',
        schemaId: 'RoleStatsHistory',
      }),
      '/api/v1/roles/{slug}/areas': roleJsonGet({
        operationId: 'getRoleAreas',
        summary: "A role's figures in every state (BLS May 2024 state estimates)",
        returns: 'Every state with an estimate, by name',
        schemaId: 'RoleAreas',
      }),
      '/api/v1/areas': cachedGet({
        operationId: 'listAreas',
        summary: 'The 50 states and DC',
        ok: ok('Every area, by name', 'application/json', schemaRef('AreaList')),
        problems: { 400: unknownParamProblem },
      }),
      '/api/v1/areas/{state}/roles': searchGet({
        operationId: 'listAreaRoles',
        summary: "A state's occupations: /api/v1/roles with `state` from the path, its pay sorted and filtered",
        parameters: [...parameters('path', { state: stateParam }), ...listParameters(['state'])],
        ok: ok('One page of roles, each with `inState`', 'application/json', schemaRef('RoleList')),
        notFound: problem('No state has this postal code or slug'),
      }),
      '/api/v1/roles/{slug}/badge.svg': cachedGet({
        operationId: 'getRoleBadge',
        summary: 'A shields-style SVG badge',
        parameters: [...slugParameters, ...parameters('query', { metric: badgeOptionsSchema.shape.metric, state: stateParam.optional() }, { descriptions: { state: badgeStateDescription } })],
        ok: ok('The badge', 'image/svg+xml', { type: 'string' }),
        problems: { 400: unknownParamProblem, 404: noRoleProblem },
      }),
      '/api/v1/roles.csv': cachedGet({
        operationId: 'exportRolesCsv',
        summary: "All published roles' current stats as CSV (the catalogue format the import reads); with `state`, every role's figures in that state",
        parameters: parameters('query', { state: stateParam.optional() }, { descriptions: { state: 'A state (postal code or slug): one row per role with an estimate there.' } }),
        ok: ok('CSV with a header row', 'text/csv', { type: 'string' }),
        problems: { 400: problem('An invalid state, or a parameter it does not take') },
      }),
      '/api/oembed': {
        get: {
          operationId: 'getOEmbed',
          summary: 'oEmbed 1.0 for role pages',
          parameters: parameters('query', oembedParamsSchema.shape, {
            descriptions: { state: "The state's card (postal code or slug), passed on to the widget; a role's state page (/roles/{slug}/states/{state}) as `url` does the same." },
          }),
          responses: {
            200: {
              description: 'The embed, as JSON or (format=xml) as oEmbed XML with the same fields',
              headers: cachingHeaders,
              content: { 'application/json': { schema: schemaRef('OEmbed') }, 'text/xml': { schema: { type: 'string' } } },
            },
            400: problem('A missing or invalid parameter, or one it does not take'),
            404: problem('The URL is not a Roleboard role page'),
          },
        },
      },
    },
    components: { schemas },
  };
}
