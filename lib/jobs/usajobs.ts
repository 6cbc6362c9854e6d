// The USAJOBS set's own columns (db/data/job-postings/PROVENANCE.md): federal postings with
// yearly pay (the collector's hourly rows already × 2,087, so kept as 'year'), the state by full
// name, and no education text (so 'not-stated', never 'none').
import { amountCell } from './posting-csv';
import { stateCodeOf, type CsvRow, type PostingInput, type ReadPosting } from './posting-record';

export const USAJOBS_SOURCE = 'usajobs';
export const usajobsColumns = ['control_number', 'position_title', 'organization_name', 'salary_min', 'salary_max', 'salary_interval', 'city', 'state', 'country', 'position_url', 'open_date', 'close_date'] as const;

/** "2026-05-18T23:59:59.9970": the file names no time zone, so it is read as UTC (a few hours early at most). */
function instantOf(cell: string) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,3})?/.exec(cell.trim());
  return match ? `${match[1]}T${match[2]}${match[3] ?? ''}Z` : cell.trim() || null;
}

export function readUsajobsRow(cells: CsvRow): ReadPosting {
  const state = (cells.state ?? '').trim();
  const inUs = (cells.country ?? '').trim() === 'United States';
  // "Washington, District of Columbia": the city column repeats the state.
  const city = (cells.city ?? '').replace(new RegExp(`,\\s*${state.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '').trim();
  const unpaid = (cells.salary_interval ?? '').trim() === 'Without Compensation';
  const payMin = unpaid ? null : amountCell(cells.salary_min ?? '');
  const payMax = unpaid ? null : amountCell(cells.salary_max ?? '');
  const input = {
    source: USAJOBS_SOURCE,
    sourceId: (cells.control_number ?? '').trim(),
    title: cells.position_title ?? '',
    employer: (cells.organization_name ?? '').trim() || (cells.department_name ?? ''),
    locations: city ? [{ city, stateCode: inUs ? stateCodeOf(state) : null }] : [],
    remote: /remote|anywhere in the u\.?s/i.test(cells.location_name ?? ''),
    postedOn: (cells.open_date ?? '').slice(0, 10),
    closesAt: instantOf(cells.close_date ?? ''),
    // "Per Hour" rows hold yearly amounts (the collector converted them): every paid row is per year.
    payMin: payMin === 0 ? null : payMin,
    payMax: payMax === 0 ? null : payMax,
    payPeriod: payMin || payMax ? 'year' : null,
    employmentType: 'not-stated',
    educationAsked: 'not-stated',
    description: '',
    qualifications: null,
    applyUrl: (cells.position_url ?? '').trim() || null,
    socCode: null,
  } as PostingInput;
  return { input, problems: [] };
}
