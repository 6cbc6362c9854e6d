// The job search as CSV (GET /api/v1/jobs.csv): one row per posting, spreadsheet formulas in
// strangers' text guarded as in the catalogue export (lib/catalogue-csv.ts guardCell).
import type { JobPostingSummary } from '@/db/job-reads';
import { catalogueCsvLines, guardCell } from '@/lib/catalogue-csv';
import { jobPageUrl } from './job-responses';

export const jobCsvColumns = [
  'id',
  'title',
  'employer',
  'locations',
  'remote',
  'posted_on',
  'closes_at',
  'open',
  'pay_min',
  'pay_max',
  'pay_period',
  'annual_pay_mid_usd',
  'employment_type',
  'education_asked',
  'role_slug',
  'source',
  'url',
] as const;

const cell = (value: string | number | boolean | null) => (value === null ? '' : guardCell(String(value)));

function placeOf(posting: JobPostingSummary) {
  return posting.locations.map((location) => [location.city, location.stateCode].filter(Boolean).join(', ')).join('; ');
}

export function jobCsvHeader() {
  return catalogueCsvLines([[...jobCsvColumns]]);
}

export function jobCsvRows(postings: JobPostingSummary[]) {
  return catalogueCsvLines(
    postings.map((posting) =>
      [
        posting.id,
        posting.title,
        posting.employer,
        placeOf(posting),
        posting.remote,
        posting.postedOn,
        posting.closesAt,
        posting.open,
        posting.pay?.min ?? null,
        posting.pay?.max ?? null,
        posting.pay?.period ?? null,
        posting.pay?.annualMid ?? null,
        posting.employmentType,
        posting.educationAsked,
        posting.role?.slug ?? null,
        posting.source,
        jobPageUrl(posting.id),
      ].map(cell),
    ),
  );
}
