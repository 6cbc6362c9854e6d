// GET /api/v1/roles.csv: every published role, in the catalogue CSV format (lib/catalogue-csv.ts),
// which `npm run data:import` and /admin/import read back. Streamed in batches so 100,000 roles
// never sit in memory at once. The ETag comes from a cheap fingerprint of the catalogue.
import { listPublishedRoleStatsBatch } from '@/db/roles';
import { etagOf, isNotModified, publicHeaders, readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { rolePageUrl } from '@/lib/api/roles';
import { catalogueCsvHeader, catalogueCsvRecords, toCatalogueRecord } from '@/lib/catalogue-csv';
import { getCatalogueFingerprint } from '@/lib/public-roles';

const BATCH_SIZE = 2000;

export const GET = withProblemDetails(async (request: Request) => {
  const fingerprint = await getCatalogueFingerprint();
  const headers = publicHeaders({
    etag: etagOf(JSON.stringify(fingerprint)),
    lastModified: fingerprint.lastChange ? new Date(fingerprint.lastChange) : undefined,
  });
  if (isNotModified(request, headers)) return new Response(null, { status: 304, headers });

  const responseHeaders = {
    ...headers,
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': 'inline; filename="roleboard-roles.csv"',
  };
  if (request.method === 'HEAD') return new Response(null, { headers: responseHeaders });

  const encoder = new TextEncoder();
  let afterId = 0;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(catalogueCsvHeader()));
        return;
      }
      const rows = await listPublishedRoleStatsBatch({ afterId, limit: BATCH_SIZE });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      afterId = rows.at(-1)!.id;
      const records = rows.map(({ values, categoryName }) => toCatalogueRecord(values, { categoryName, url: rolePageUrl(values.content.slug) }));
      controller.enqueue(encoder.encode(catalogueCsvRecords(records)));
    },
  });
  return new Response(stream, { headers: responseHeaders });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
