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
      '/api/v1/roles': {
        get: {
          operationId: 'listRoles',
          summary: 'Search, filter and sort published roles',
          parameters: listParameters(),
          responses: {
            200: ok('One page of roles', 'application/json', schemaRef('RoleList')),
            304: { description: 'Not modified' },
            400: problem('An invalid parameter, or one it does not take; `invalidParams` names each one'),
          },
        },
      },
      '/api/v1/roles/{slug}': {
        get: {
          operationId: 'getRole',
          summary: 'One role with its current stats',
          parameters: slugParameters,
          responses: {
            200: ok('The role', 'application/json', schemaRef('Role')),
            304: { description: 'Not modified' },
            400: problem('A query parameter it does not take'),
            404: problem('No published role has this slug'),
          },
        },
      },
      '/api/v1/roles/{slug}/jobs': {
        get: {
          operationId: 'listRoleJobs',
          summary: "A role's job postings: /api/v1/jobs with `occupation` from the path",
          parameters: [...slugParameters, ...jobParameters(['occupation'])],
          responses: {
            200: ok('One page of postings, newest first unless `sort` says otherwise', 'application/json', schemaRef('JobPostingList')),
            304: { description: 'Not modified' },
            400: problem('An invalid parameter, or one it does not take; `invalidParams` names each one'),
            404: problem('No published role has this slug'),
          },
        },
      },
      '/api/v1/jobs': {
        get: {
          operationId: 'listJobs',
          summary: 'Search government job postings (open ones unless `status=all`), as /jobs does',
          parameters: jobParameters(),
          responses: {
            200: ok('One page of postings, with a `Link: rel="next"` header when there is another', 'application/json', schemaRef('JobPostingList')),
            304: { description: 'Not modified' },
            400: problem('An invalid parameter, or one it does not take; `invalidParams` names each one'),
          },
        },
      },
      '/api/v1/jobs/{id}': {
        get: {
          operationId: 'getJob',
          summary: 'One posting, open or closed, with its occupation’s official pay',
          parameters: parameters('path', { id: jobIdParam }),
          responses: {
            200: ok('The posting', 'application/json', schemaRef('JobPosting')),
            304: { description: 'Not modified' },
            400: problem('A query parameter it does not take'),
            404: problem('No posting has this id'),
          },
        },
      },
      '/api/v1/jobs.csv': {
        get: {
          operationId: 'exportJobsCsv',
          summary: `The postings a job search finds as CSV, in its order, at most ${JOB_CSV_MAX_ROWS.toLocaleString('en-US')} rows (narrow the search for the rest)`,
          parameters: jobParameters(['after', 'limit']),
          responses: {
            200: ok('CSV with a header row', 'text/csv', { type: 'string' }),
            304: { description: 'Not modified' },
            400: problem('An invalid parameter, or one it does not take; `invalidParams` names each one'),
          },
        },
      },
      '/api/v1/roles/{slug}/history': {
        get: {
          operationId: 'getRoleStatsHistory',
          summary: "A role's stats over time",
          parameters: slugParameters,
          responses: {
            200: ok('Every change of the stats, oldest first', 'application/json', schemaRef('RoleStatsHistory')),
            304: { description: 'Not modified' },
            400: problem('A query parameter it does not take'),
            404: problem('No published role has this slug'),
          },
        },
      },
      '/api/v1/roles/{slug}/areas': {
        get: {
          operationId: 'getRoleAreas',
          summary: "A role's figures in every state (BLS May 2024 state estimates)",
          parameters: slugParameters,
          responses: {
            200: ok('Every state with an estimate, by name', 'application/json', schemaRef('RoleAreas')),
            304: { description: 'Not modified' },
            400: problem('A query parameter it does not take'),
            404: problem('No published role has this slug'),
          },
        },
      },
      '/api/v1/areas': {
        get: {
          operationId: 'listAreas',
          summary: 'The 50 states and DC',
          responses: {
            200: ok('Every area, by name', 'application/json', schemaRef('AreaList')),
            304: { description: 'Not modified' },
            400: problem('A query parameter it does not take'),
          },
        },
      },
      '/api/v1/areas/{state}/roles': {
        get: {
          operationId: 'listAreaRoles',
          summary: "A state's occupations: /api/v1/roles with `state` from the path, its pay sorted and filtered",
          parameters: [...parameters('path', { state: stateParam }), ...listParameters(['state'])],
          responses: {
            200: ok('One page of roles, each with `inState`', 'application/json', schemaRef('RoleList')),
            304: { description: 'Not modified' },
            400: problem('An invalid parameter, or one it does not take; `invalidParams` names each one'),
            404: problem('No state has this postal code or slug'),
          },
        },
      },
      '/api/v1/roles/{slug}/badge.svg': {
        get: {
          operationId: 'getRoleBadge',
          summary: 'A shields-style SVG badge',
          parameters: [...slugParameters, ...parameters('query', { metric: badgeOptionsSchema.shape.metric, state: stateParam.optional() }, { descriptions: { state: badgeStateDescription } })],
          responses: {
            200: ok('The badge', 'image/svg+xml', { type: 'string' }),
            304: { description: 'Not modified' },
            400: problem('A query parameter it does not take'),
            404: problem('No published role has this slug'),
          },
        },
      },
      '/api/v1/roles.csv': {
        get: {
          operationId: 'exportRolesCsv',
          summary: "All published roles' current stats as CSV (the catalogue format the import reads); with `state`, every role's figures in that state",
          parameters: parameters('query', { state: stateParam.optional() }, { descriptions: { state: 'A state (postal code or slug): one row per role with an estimate there.' } }),
          responses: {
            200: ok('CSV with a header row', 'text/csv', { type: 'string' }),
            304: { description: 'Not modified' },
            400: problem('An invalid state, or a parameter it does not take'),
          },
        },
      },
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
