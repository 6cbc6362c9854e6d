// Reading a file of job postings, whatever its format, into checked PostingRecords with their
// line (CSV) or record number (JSON-LD), and a reason for every row that is not one. The format is
// told by the file itself: JSON is schema.org JobPosting JSON-LD (lib/jobs/json-ld.ts); a CSV's
// header says whether it is Roleboard's own format (lib/jobs/posting-csv.ts), the USAJOBS set's
// (lib/jobs/usajobs.ts) or the NYC Jobs set's (lib/jobs/nyc-jobs.ts). A gzipped file is read
// unzipped. Problems with the whole file (size, encoding, format, number of rows) leave no rows.
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { parse, CsvError } from 'csv-parse/sync';
import { jobPostingsIn, readJobPosting } from './json-ld';
import { readNycJobsRow, nycJobsColumns } from './nyc-jobs';
import { postingCsvColumns, readPostingCsvRow, requiredPostingCsvColumns } from './posting-csv';
import { postingRecordSchema, type CsvRow, type PostingProblem, type PostingRecord, type ReadPosting } from './posting-record';
import { readUsajobsRow, usajobsColumns } from './usajobs';
import { formatByteSize, formatCount } from '@/lib/domain/format';

/**
 * How big a file may be: an upload at /admin/jobs/import, and a file given to `npm run
 * jobs:import` or loaded on first start (the real sets are 4 and 16 MB unzipped). The size is the
 * unzipped size.
 */
export const POSTING_FILE_LIMITS = {
  upload: { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 },
  commandLine: { maxBytes: 20 * 1024 * 1024, maxRows: 200_000 },
} as const;
export type PostingFileLimits = { maxBytes: number; maxRows: number };

/** The file formats, and 'posting-form': an employer's posting from Roleboard's own form (db/employer-postings.ts). */
export const postingFormats = ['roleboard-csv', 'usajobs-csv', 'nyc-jobs-csv', 'json-ld', 'posting-form'] as const;
export type PostingFormat = (typeof postingFormats)[number];
export const postingFormatNames: Record<PostingFormat, string> = {
  'roleboard-csv': 'Roleboard job postings CSV',
  'usajobs-csv': 'USAJOBS postings CSV',
  'nyc-jobs-csv': 'NYC Jobs postings CSV',
  'json-ld': 'schema.org JobPosting JSON-LD',
  'posting-form': 'Roleboard posting form',
};

/** The source of postings employers make on Roleboard's form: no file may write over them. */
const FORM_SOURCE = 'roleboard';

export type ReadRow = { line?: number; record: number; posting: PostingRecord };
export type PostingFile = { format: PostingFormat | null; rows: ReadRow[]; problems: PostingProblem[]; rowCount: number };

const SAVE_AS = 'Save it as UTF-8 CSV, or as JSON-LD, and try again.';

function refused(message: string): PostingFile {
  return { format: null, rows: [], problems: [{ message }], rowCount: 0 };
}

const limitsInWords = (limits: PostingFileLimits) => `at most ${formatByteSize(limits.maxBytes)} and ${formatCount(limits.maxRows)} postings`;

/** The bytes as text, unzipped if gzipped, or why they cannot be read. */
function textOf(input: Uint8Array, limits: PostingFileLimits): { text: string } | { problem: string } {
  let bytes = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // One byte over the limit is enough to know it is too big, whatever the file unzips to.
      bytes = gunzipSync(bytes, { maxOutputLength: limits.maxBytes + 1 });
    } catch (error) {
      const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return { problem: tooBig ? `The file unzips to more than ${formatByteSize(limits.maxBytes)}; files may be ${limitsInWords(limits)}. Split it.` : 'The file is gzipped but broken.' };
    }
  }
  if (bytes.length === 0) return { problem: 'The file is empty.' };
  if (bytes.length > limits.maxBytes) return { problem: `The file is ${formatByteSize(bytes.length)}; files may be ${limitsInWords(limits)}. Split it into smaller files.` };
  if (bytes.includes(0)) return { problem: `The file holds binary data (a NUL byte), not text. ${SAVE_AS}` };
  if (!isUtf8(bytes)) return { problem: `The file is not UTF-8 text. ${SAVE_AS}` };
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '') };
}

/** The CSV format a header names, or null. */
function csvFormatOf(header: string[]): CsvFormat | null {
  const has = (columns: readonly string[]) => columns.every((column) => header.includes(column));
  if (has(usajobsColumns)) return 'usajobs-csv';
  if (has(nycJobsColumns)) return 'nyc-jobs-csv';
  if (has(requiredPostingCsvColumns)) return 'roleboard-csv';
  return null;
}

type CsvFormat = Exclude<PostingFormat, 'json-ld' | 'posting-form'>;
const csvReaders: Record<CsvFormat, (cells: CsvRow) => ReadPosting> = { 'roleboard-csv': readPostingCsvRow, 'usajobs-csv': readUsajobsRow, 'nyc-jobs-csv': readNycJobsRow };

type Candidate = { line?: number; record: number } & ReadPosting;

function readCsv(text: string, limits: PostingFileLimits): { format: CsvFormat; candidates: Candidate[] } | { problem: PostingProblem } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, relax_column_count: false, to: limits.maxRows + 2 }) as never;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return { problem: { ...(line ? { line } : {}), message: `The CSV cannot be read here: ${error.message.replace(/ (at|on) line \d+.*$/, '')}. Check its quotes and commas.` } };
  }
  const [first, ...data] = records;
  if (!first) return { problem: { message: 'The file has no header line.' } };
  const header = first.record.map((name) => name.trim());
  const format = csvFormatOf(header);
  if (!format) {
    return {
      problem: {
        line: 1,
        message: `The header names no format this import reads. Roleboard’s CSV needs the columns ${requiredPostingCsvColumns.join(', ')} (and may have ${postingCsvColumns.filter((column) => !requiredPostingCsvColumns.includes(column)).join(', ')}); the USAJOBS and NYC Jobs sets are read with their own columns.`,
      },
    };
  }
  if (format === 'roleboard-csv') {
    const unknown = header.filter((name) => !(postingCsvColumns as readonly string[]).includes(name));
    if (unknown.length > 0) return { problem: { line: 1, message: `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}: the columns are ${postingCsvColumns.join(', ')}.` } };
  }
  if (data.length > limits.maxRows) return { problem: { message: `The file has more than ${formatCount(limits.maxRows)} postings; files may be ${limitsInWords(limits)}. Split it.` } };
  const read = csvReaders[format];
  const candidates = data.flatMap(({ record: cells, info }, index) => {
    if (cells.every((cell) => cell.trim() === '')) return [];
    const row = Object.fromEntries(header.map((name, column) => [name, cells[column] ?? '']));
    const breaks = cells.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return [{ line: info.lines - breaks, record: index + 1, ...read(row) }];
  });
  return { format, candidates };
}

function readJson(text: string, limits: PostingFileLimits): { format: 'json-ld'; candidates: Candidate[] } | { problem: PostingProblem } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { problem: { message: `The file is not valid JSON (${(error as Error).message}).` } };
  }
  const found = jobPostingsIn(document);
  if ('problem' in found) return { problem: { message: found.problem } };
  if (found.postings.length > limits.maxRows) return { problem: { message: `The file has ${formatCount(found.postings.length)} postings; files may be ${limitsInWords(limits)}. Split it.` } };
  return { format: 'json-ld', candidates: found.postings.map((posting, index) => ({ record: index + 1, ...readJobPosting(posting) })) };
}

/** Each record field as the formats name it, so that a problem names the column or property to fix. */
const fieldNames: Record<PostingFormat, Record<string, string>> = {
  // The form's fields are the record's own.
  'posting-form': {},
  'roleboard-csv': {
    sourceId: 'source_id',
    locations: 'city',
    'locations.0.city': 'city',
    'locations.0.stateCode': 'state',
    postedOn: 'posted_on',
    closesAt: 'closes_at',
    payMin: 'pay_min',
    payMax: 'pay_max',
    payPeriod: 'pay_period',
    employmentType: 'employment_type',
    educationAsked: 'education_asked',
    applyUrl: 'apply_url',
    socCode: 'soc_code',
  },
  'json-ld': {
    source: 'identifier',
    sourceId: 'identifier',
    employer: 'hiringOrganization',
    postedOn: 'datePosted',
    closesAt: 'validThrough',
    payMin: 'baseSalary',
    payMax: 'baseSalary',
    payPeriod: 'baseSalary',
    employmentType: 'employmentType',
    educationAsked: 'educationRequirements',
    applyUrl: 'url',
    socCode: 'occupationalCategory',
  },
  'usajobs-csv': { sourceId: 'control_number', title: 'position_title', employer: 'organization_name', postedOn: 'open_date', closesAt: 'close_date', applyUrl: 'position_url' },
  'nyc-jobs-csv': { sourceId: 'Job ID', title: 'Business Title', employer: 'Agency', postedOn: 'posting_date_iso', description: 'Job Description', qualifications: 'Minimum Qual Requirements' },
};

/** The field of a schema issue as the file names it, for messages. */
function fieldOf(path: readonly PropertyKey[], format: PostingFormat) {
  if (path.length === 0) return undefined;
  const field = path.map(String).join('.');
  const locationField = field.replace(/^locations\.\d+\./, 'locations.0.');
  return fieldNames[format][field] ?? fieldNames[format][locationField] ?? field;
}

/** A file of postings, checked row by row (see the top of this file). */
export function readPostingFile(input: Uint8Array | string, limits: PostingFileLimits): PostingFile {
  const decoded = textOf(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, limits);
  if ('problem' in decoded) return refused(decoded.problem);
  const isJson = /^\s*[[{]/.test(decoded.text);
  const read: { format: PostingFormat; candidates: Candidate[] } | { problem: PostingProblem } = isJson ? readJson(decoded.text, limits) : readCsv(decoded.text, limits);
  if ('problem' in read) return { format: null, rows: [], problems: [read.problem], rowCount: 0 };
  const { format } = read;

  const rows: ReadRow[] = [];
  const problems: PostingProblem[] = [];
  const firstPlaceOf = new Map<string, string>();
  for (const candidate of read.candidates) {
    const place = { ...(candidate.line !== undefined ? { line: candidate.line } : {}), record: candidate.record };
    const rowProblems: PostingProblem[] = candidate.problems.map((problem) => ({ ...place, ...problem }));
    const parsed = candidate.input ? postingRecordSchema.safeParse(candidate.input) : null;
    if (parsed && !parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path, format);
        rowProblems.push({ ...place, ...(field ? { field } : {}), message: issue.message });
      }
    }
    if (parsed?.success && parsed.data.source === FORM_SOURCE) {
      rowProblems.push({ ...place, field: fieldOf(['source'], format), message: `The source “${FORM_SOURCE}” is for postings employers make on Roleboard: give your own.` });
    }
    if (parsed?.success && rowProblems.length === 0) {
      const key = `${parsed.data.source}\u0000${parsed.data.sourceId}`;
      const first = firstPlaceOf.get(key);
      if (first) {
        rowProblems.push({ ...place, field: fieldOf(['sourceId'], format), message: `The posting ${parsed.data.source} ${parsed.data.sourceId} is also at ${first}: each posting once.` });
      } else {
        firstPlaceOf.set(key, candidate.line !== undefined ? `line ${candidate.line}` : `record ${candidate.record}`);
        rows.push({ ...place, posting: parsed.data });
      }
    }
    problems.push(...rowProblems);
  }
  return { format, rows, problems, rowCount: read.candidates.length };
}

/** Where a problem is, for people: "line 5", "record 5", or "the file". */
export function postingProblemPlace({ line, record }: PostingProblem) {
  return line !== undefined ? `line ${line}` : record !== undefined ? `record ${record}` : 'the file';
}

/** "line 5: payMax: The top of the range must be at least its bottom" */
export function describePostingProblem(problem: PostingProblem) {
  return `${postingProblemPlace(problem)}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}
