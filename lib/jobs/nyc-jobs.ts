// The City of New York set's own columns (NYC Open Data "Jobs NYC Postings",
// db/data/job-postings/PROVENANCE.md): every posting is in New York, NY; a salary of 0 means
// "not stated", never $0; the education asked is read from the minimum qualifications in words
// (lib/jobs/education.ts); there is no closing date and no apply link.
import { detectEducationAsked } from './education';
import { amountCell } from './posting-csv';
import type { CsvRow, PostingInput, ReadPosting } from './posting-record';

export const NYC_JOBS_SOURCE = 'nyc-jobs';
export const nycJobsColumns = ['Job ID', 'Business Title', 'Agency', 'Salary Range From', 'Salary Range To', 'Salary Frequency', 'Minimum Qual Requirements', 'posting_date_iso'] as const;

/**
 * The copy found went through a spreadsheet that left stray U+0002 characters in a few texts
 * (db/data/job-postings/PROVENANCE.md): they are damage, not text, and come off here; any other
 * control character is still refused by the checks.
 */
const repaired = (text: string | undefined) => (text ?? '').replace(/\u0002/g, '');

const periods: Record<string, string> = { annual: 'year', hourly: 'hour', daily: 'day' };
const employment: Record<string, string> = { f: 'full-time', p: 'part-time', '': 'not-stated' };

export function readNycJobsRow(cells: CsvRow): ReadPosting {
  const amount = (cell: string | undefined) => {
    const value = amountCell(cell ?? '');
    return value === 0 ? null : value;
  };
  const payMin = amount(cells['Salary Range From']);
  const payMax = amount(cells['Salary Range To']);
  const frequency = (cells['Salary Frequency'] ?? '').trim().toLowerCase();
  const qualifications = repaired(cells['Minimum Qual Requirements']).trim();
  const input = {
    source: NYC_JOBS_SOURCE,
    sourceId: (cells['Job ID'] ?? '').trim(),
    title: cells['Business Title'] ?? '',
    // As the City publishes it ("HRA/DEPT OF SOCIAL SERVICES"): recasing would garble its abbreviations.
    employer: cells.Agency ?? '',
    locations: [{ city: 'New York', stateCode: 'NY' }],
    remote: false,
    postedOn: (cells.posting_date_iso ?? '').trim().slice(0, 10),
    closesAt: null,
    payMin,
    payMax,
    payPeriod: payMin !== null || payMax !== null ? (periods[frequency] ?? frequency) : null,
    employmentType: employment[(cells['Full-Time/Part-Time indicator'] ?? '').trim().toLowerCase()] ?? 'other',
    educationAsked: detectEducationAsked(qualifications),
    description: repaired(cells['Job Description']),
    qualifications: qualifications || null,
    applyUrl: null,
    socCode: null,
  } as PostingInput;
  return { input, problems: [] };
}
