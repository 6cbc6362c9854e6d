// Roleboard's own CSV format for job postings, documented on /developers: one posting a row,
// columns by name in any order. source, source_id, title, employer and posted_on are required;
// every other column may be left out or empty.
import { educationAskedOf } from './education';
import { stateCodeOf, type CsvRow, type PostingInput, type ReadPosting } from './posting-record';

export const postingCsvColumns = [
  'source',
  'source_id',
  'title',
  'employer',
  'city',
  'state',
  'remote',
  'posted_on',
  'closes_at',
  'pay_min',
  'pay_max',
  'pay_period',
  'employment_type',
  'education_asked',
  'description',
  'qualifications',
  'apply_url',
  'soc_code',
] as const;
export type PostingCsvColumn = (typeof postingCsvColumns)[number];

export const requiredPostingCsvColumns: readonly PostingCsvColumn[] = ['source', 'source_id', 'title', 'employer', 'posted_on'];

export const postingCsvColumnDescriptions: Record<PostingCsvColumn, string> = {
  source: 'Who published the posting, as lowercase words joined by hyphens (acme-careers). With source_id, what identifies the posting: importing it again updates it.',
  source_id: 'The posting’s id at its source (up to 200 characters).',
  title: 'The job title as advertised (up to 200 characters).',
  employer: 'The hiring organisation (up to 200 characters).',
  city: 'Where the work is; empty for a remote posting.',
  state: 'The U.S. state: postal code (NY) or name (New York); empty outside the U.S.',
  remote: 'true when the work can be done remotely; false or empty otherwise.',
  posted_on: 'The date it was posted, YYYY-MM-DD.',
  closes_at: 'When applications close: YYYY-MM-DD (the end of that day, UTC) or an ISO date and time; empty when not stated.',
  pay_min: 'The bottom of the pay range in U.S. dollars, e.g. 52000 or 24.50; empty when not stated.',
  pay_max: 'The top of the pay range; empty when the posting gives one figure (put it in pay_min) or none.',
  pay_period: 'What the pay is per: year, month, week, day or hour. Required when pay is given.',
  employment_type: 'full-time, part-time, contract, temporary, internship, other, or empty (not stated).',
  education_asked: 'The lowest education the posting asks for: none, high-school, associate, bachelor, master, doctoral, or empty (not stated).',
  description: 'The posting’s text. Plain text; HTML is turned into text (paragraphs and list items kept as lines).',
  qualifications: 'The qualifications asked, as text; empty when not stated.',
  apply_url: 'Where to apply: an http:// or https:// address.',
  soc_code: 'The publisher’s own SOC occupation code (15-1252), if it has one: the posting is placed in that occupation.',
};

const trueWords = new Set(['true', 'yes', 'y', '1']);
const falseWords = new Set(['false', 'no', 'n', '0', '']);

/** A yes/no cell; anything else is left as text for the schema to refuse. */
export function booleanCell(cell: string): boolean | string {
  const word = cell.trim().toLowerCase();
  return trueWords.has(word) ? true : falseWords.has(word) ? false : cell;
}

/** An amount cell ("52,000", "$24.50"): a number, null when empty, the text itself when it is no number. */
export function amountCell(cell: string): number | null | string {
  const trimmed = cell.trim().replace(/^\$/, '').replace(/,/g, '');
  if (trimmed === '') return null;
  const amount = Number(trimmed);
  return Number.isFinite(amount) && /^[0-9.]+$/.test(trimmed) ? amount : cell;
}

/** A closing date: a bare date is the end of that day (UTC), a date and time is kept as written. */
export function closingCell(cell: string): string | null {
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T23:59:59Z` : trimmed;
}

const emptyAsNull = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? null : cell.trim());

export function readPostingCsvRow(cells: CsvRow): ReadPosting {
  const cell = (column: PostingCsvColumn) => cells[column] ?? '';
  const city = cell('city').trim();
  const state = cell('state').trim();
  const stateCode = stateCodeOf(state);
  const education = educationAskedOf(cell('education_asked'));
  const input = {
    source: cell('source'),
    sourceId: cell('source_id').trim(),
    title: cell('title'),
    employer: cell('employer'),
    locations: city || state ? [{ city: city || state, stateCode }] : [],
    remote: booleanCell(cell('remote')),
    postedOn: cell('posted_on').trim(),
    closesAt: closingCell(cell('closes_at')),
    payMin: amountCell(cell('pay_min')),
    payMax: amountCell(cell('pay_max')),
    payPeriod: emptyAsNull(cell('pay_period'))?.toLowerCase() ?? null,
    employmentType: emptyAsNull(cell('employment_type'))?.toLowerCase() ?? 'not-stated',
    educationAsked: education ?? cell('education_asked'),
    description: cell('description'),
    qualifications: emptyAsNull(cell('qualifications')),
    applyUrl: emptyAsNull(cell('apply_url')),
    socCode: emptyAsNull(cell('soc_code')),
  } as PostingInput;
  const problems = state && !stateCode ? [{ field: 'state', message: `"${state}" is not a U.S. state: give a postal code (NY) or a name (New York), or leave it empty` }] : [];
  return { input, problems };
}
