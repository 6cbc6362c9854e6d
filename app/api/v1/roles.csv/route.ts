// GET /api/v1/roles.csv: every published role's current stats, streamed in batches so 100,000
// roles never sit in memory at once. The ETag comes from a cheap fingerprint of the catalogue.
import { listPublishedRoleStatsBatch } from '@/db/roles';
import { etagOf, isNotModified, publicHeaders, readOnlyMethods, withProblemDetails } from '@/lib/api/http';
import { rolePageUrl } from '@/lib/api/roles';
import { getCatalogueFingerprint } from '@/lib/public-roles';

const columns = [
  'slug', 'title', 'category', 'job_openings', 'average_salary', 'currency', 'degree_requirement_percent',
  'salary_p10', 'salary_p25', 'salary_median', 'salary_p75', 'salary_p90', 'as_of', 'source', 'url',
];
const BATCH_SIZE = 5000;

/** RFC 4180 field; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
function csvField(value: string | number | null) {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
        controller.enqueue(encoder.encode(`${columns.join(',')}\r\n`));
        return;
      }
      const rows = await listPublishedRoleStatsBatch({ afterId, limit: BATCH_SIZE });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      afterId = rows.at(-1)!.id;
      const lines = rows.map((row) =>
        [
          row.slug, row.title, row.categoryName, row.jobOpenings, row.averageSalary, row.currency, row.degreeRequirementPercent,
          row.salaryP10, row.salaryP25, row.salaryMedian, row.salaryP75, row.salaryP90, row.asOf, row.source, rolePageUrl(row.slug),
        ]
          .map(csvField)
          .join(','),
      );
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
  });
  return new Response(stream, { headers: responseHeaders });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnlyMethods;
