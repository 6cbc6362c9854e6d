// GET /api/v1/roles.csv: every published role, in the catalogue CSV format (lib/catalogue-csv.ts),
// which `npm run data:import` and /admin/import read back; with `state`, every role's figures in
// that state instead (lib/server/state-csv.ts). Built in batches (so 100,000 roles never sit in memory as
// text at once) into a gzipped file kept until the catalogue changes (lib/api/built-exports.ts).
// The ETag comes from a cheap fingerprint of the catalogue (and of the state's figures).
import { listPublishedRolesInAreaBatch } from '@/db/areas';
import { listPublishedRoleStatsBatch } from '@/db/role-reads';
import { acceptsGzip, exportBody, getBuiltExport } from '@/lib/api/built-exports';
import { etagOf, isNotModified, problemResponse, publicHeaders, readOnlyMethods, unknownParamsResponse, withProblemDetails } from '@/lib/api/http';
import { rolePageUrl, roleStatePageUrl } from '@/lib/api/role-responses';
import { catalogueCsvHeader, catalogueCsvRecords, toCatalogueRecord } from '@/lib/catalogue-csv';
import { getAreaFingerprint, getCatalogueFingerprint } from '@/lib/server/cached-public-reads';
import { stateCsvHeader, stateCsvRows } from '@/lib/server/state-csv';
import { stateParam } from '@/lib/api/schemas';
import type { UsState } from '@/lib/us-states';

const BATCH_SIZE = 2000;

/** The file's lines: its header, then batch after batch until one comes back empty. */
async function* csvLines(header: string, nextBatch: () => Promise<string | null>) {
  yield header;
  for (let lines = await nextBatch(); lines !== null; lines = await nextBatch()) yield lines;
}

function catalogueLines() {
  let afterId = 0;
  return async () => {
    const rows = await listPublishedRoleStatsBatch({ afterId, limit: BATCH_SIZE });
    if (rows.length === 0) return null;
    afterId = rows.at(-1)!.id;
    return catalogueCsvRecords(rows.map(({ values, categoryName }) => toCatalogueRecord(values, { categoryName, url: rolePageUrl(values.content.slug) })));
  };
}

function stateLines(state: UsState) {
  let afterId = 0;
  return async () => {
    const rows = await listPublishedRolesInAreaBatch({ area: state, afterId, limit: BATCH_SIZE });
    if (rows.length === 0) return null;
    afterId = rows.at(-1)!.id;
    return stateCsvRows(rows, (row) => roleStatePageUrl(row.slug, state));
  };
}

export const GET = withProblemDetails(async (request: Request) => {
  const unknown = unknownParamsResponse(request, ['state']);
  if (unknown) return unknown;
  const given = new URL(request.url).searchParams.getAll('state').filter((value) => value.trim() !== '');
  if (given.length > 1) return problemResponse(400, 'Invalid query parameters: state.', { invalidParams: [{ name: 'state', reason: 'Give this parameter once' }] });
  const parsedState = given.length ? stateParam.safeParse(given[0]) : null;
  if (parsedState && !parsedState.success) {
    return problemResponse(400, 'Invalid query parameters: state.', { invalidParams: [{ name: 'state', reason: parsedState.error.issues[0]!.message }] });
  }
  const state = parsedState?.data ?? null;

  const fingerprint = await getCatalogueFingerprint();
  const etag = etagOf(JSON.stringify(state ? [fingerprint, state.fips, await getAreaFingerprint(state.fips)] : fingerprint));
  const headers = publicHeaders({ etag, lastModified: fingerprint.lastChange ? new Date(fingerprint.lastChange) : undefined });
  if (isNotModified(request, headers)) return new Response(null, { status: 304, headers });

  const file = await getBuiltExport(state ? `state:${state.fips}` : 'catalogue', etag, () =>
    state ? csvLines(stateCsvHeader(), stateLines(state)) : csvLines(catalogueCsvHeader(), catalogueLines()),
  );
  const { body, headers: encoding } = exportBody(file, acceptsGzip(request.headers.get('accept-encoding')));
  const responseHeaders = {
    ...headers,
    ...encoding,
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `inline; filename="roleboard-roles${state ? `-${state.slug}` : ''}.csv"`,
  };
  return new Response(request.method === 'HEAD' ? null : body, { headers: responseHeaders });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
