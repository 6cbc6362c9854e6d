// Reading a catalogue file (the format is lib/catalogue-csv.ts) into rows with their line numbers,
// for `npm run data:import` and /admin/import. What is not a catalogue file is refused with
// problems that say where and why: too big, not UTF-8 text, wrong header, too many rows, a row
// whose quotes or cell count are broken. A BOM and CRLF line endings are simply read.
// Parsing is csv-parse's; this module only decides what to accept and where each row starts.
import { isUtf8 } from 'node:buffer';
import { parse, CsvError } from 'csv-parse/sync';
import { catalogueColumnGroups, catalogueColumns, catalogueKeyColumns, type CatalogueColumn, type CatalogueRecord } from './catalogue-csv';
import { formatByteSize, formatCount } from '@/lib/domain/format';

export const CATALOGUE_FILE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 10_000 } as const;

/** A row of a catalogue: its cells, and where it sits in its file (rows that come from elsewhere have no line). */
export type CatalogueRow = { line?: number; record: CatalogueRecord };

/**
 * Something that keeps a file (or a row of it) from being imported. `line` is the file's line where
 * the row starts (as an editor numbers them); `record` counts data rows from 1, for rows without a
 * line; neither means the whole file.
 */
export type CatalogueProblem = { line?: number; record?: number; column?: string; message: string };

/** A file's rows, its problems, and the columns its header names (a partial file names only some). */
export type CatalogueFile = { rows: CatalogueRow[]; problems: CatalogueProblem[]; columns: CatalogueColumn[] };

/** The columns a new role needs: every one of the format's, except the export-only page link. */
export const newRoleColumns = catalogueColumns.filter((column) => column !== 'url');

/** Whether a file with these columns gives every column a role has (and so may create roles). */
export const isCompleteFile = (columns: readonly CatalogueColumn[]) => newRoleColumns.every((column) => columns.includes(column));
const knownColumns = new Set<string>(catalogueColumns);

const SAVE_AS_CSV = 'Save the spreadsheet as "CSV UTF-8 (comma delimited)" and try again.';

/** The 1-based line of each byte offset: line breaks are LF, CRLF or a lone CR. */
function lineIndex(bytes: Uint8Array) {
  const starts = [0];
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) starts.push(index + 1);
  }
  return (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

const lineBreaks = /\r\n|\r|\n/g;
const breaksIn = (cells: readonly string[]) => cells.reduce((count, cell) => count + (cell.match(lineBreaks)?.length ?? 0), 0);

/** Why a file of this size is refused (the upload form and the file's own problems say the same). */
export function tooLargeMessage(byteSize: number) {
  return `The file is ${formatByteSize(byteSize)}; files may be at most ${CATALOGUE_FILE_LIMITS.maxBytes / 1024 / 1024} MB. Split it into smaller files.`;
}

/** Why these bytes are not a text file we can read, or null when they are. */
function unreadable(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'The file is empty.';
  if (bytes.length > CATALOGUE_FILE_LIMITS.maxBytes) return tooLargeMessage(bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return `The file is UTF-16 text, not UTF-8. ${SAVE_AS_CSV}`;
  const lineOf = lineIndex(bytes);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return `The file is not a CSV text file: line ${lineOf(nul)} holds binary data (a NUL byte). ${SAVE_AS_CSV}`;
  if (!isUtf8(bytes)) {
    // Found line by line, so the message can say where.
    let start = 0;
    for (let end = bytes.indexOf(0x0a); start < bytes.length; end = bytes.indexOf(0x0a, start)) {
      const stop = end === -1 ? bytes.length : end;
      if (!isUtf8(bytes.subarray(start, stop))) break;
      start = stop + 1;
    }
    return `The file is not UTF-8 text (line ${lineOf(start)} is not). ${SAVE_AS_CSV}`;
  }
  return null;
}

/** The header's problems: unknown and repeated columns, no key column, a group given in part; each named. */
function headerProblems(header: string[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const position = index + 1;
    if (!knownColumns.has(name)) {
      problems.push({ line: 1, message: name === '' ? `Column ${position} has no name.` : `Unknown column "${name}" (column ${position}).` });
    } else if (seen.has(name)) {
      problems.push({ line: 1, column: name, message: `Column "${name}" appears twice (columns ${seen.get(name)} and ${position}).` });
    } else {
      seen.set(name, position);
    }
  });
  if (!catalogueKeyColumns.some((column) => seen.has(column))) {
    problems.push({
      line: 1,
      message: 'No slug column: a file needs the column slug (or soc_code) to say which role each row is, plus any of the other columns of /api/v1/roles.csv.',
    });
  }
  for (const group of catalogueColumnGroups) {
    const missing = group.columns.filter((column) => !seen.has(column));
    if (missing.length === group.columns.length) {
      const without = group.optional.filter((column) => seen.has(column));
      if (without.length > 0) problems.push({ line: 1, column: without[0], message: `Column "${without.join('", "')}" needs the columns ${group.columns.join(', ')} beside it.` });
    } else if (missing.length > 0) {
      problems.push({
        line: 1,
        message: `${group.name} go together: give all of ${group.columns.join(', ')} or none. Missing: ${missing.join(', ')}.`,
      });
    }
  }
  return problems;
}

/** What a csv-parse error means for the person fixing the file. */
function parseProblemMessage(error: CsvError, columnCount: number) {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `Has ${Array.isArray(error.record) ? error.record.length : 'a different number of'} cells where the header has ${columnCount} columns (a missing or extra comma, or an unquoted comma in a text?).`;
    case 'INVALID_OPENING_QUOTE':
      return 'Has a double quote inside a cell that does not start with one: put the whole cell in double quotes and write the quote twice ("").';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'Has text after a closing double quote: inside a quoted cell, write a double quote twice ("").';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A double quote opened in this row is never closed.';
    default:
      return error.message.replace(/ (at|on) line \d+.*$/, '.');
  }
}

type ParsedRecord = { record: string[]; info: { bytes: number } };

/**
 * A catalogue file (its bytes, or text) as rows with their line numbers, or the problems that keep
 * it from being read. Problems with the file as a whole (its size, encoding, header, number of
 * rows) leave no rows at all; a row whose quotes or cells are broken is a problem of that row only.
 */
export function readCatalogueFile(input: Uint8Array | string): CatalogueFile {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const refused = unreadable(bytes);
  if (refused) return { rows: [], problems: [{ message: refused }], columns: [] };

  const lineOf = lineIndex(bytes);
  /** The first line of the row that starts after `offset`, past blank lines. */
  const lineAfter = (offset: number) => {
    let index = offset;
    while (bytes[index] === 0x0a || bytes[index] === 0x0d) index++;
    return lineOf(index);
  };

  const problems: CatalogueProblem[] = [];
  const linesWithProblems = new Set<number>();
  let columnCount = 0;
  let lastEnd = 0;
  let skipped = 0;
  let records: ParsedRecord[];
  try {
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // The header, the rows allowed, and one more to tell that there are too many.
      to: CATALOGUE_FILE_LIMITS.maxRows + 2,
      on_skip: (error) => {
        if (!error) return undefined;
        skipped++;
        const problem = { line: lineAfter(lastEnd), message: parseProblemMessage(error, columnCount) };
        // After a broken quote csv-parse may stumble over the same row again (its cell count): the first word is the one that helps.
        if (!linesWithProblems.has(problem.line)) {
          linesWithProblems.add(problem.line);
          problems.push(problem);
        }
        // The row was read to its end: the next one starts there.
        if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && typeof error.bytes === 'number') lastEnd = error.bytes;
        return undefined;
      },
      on_record: (record, context) => {
        // With `info`, csv-parse hands over each record already wrapped as { record, info }.
        columnCount ||= (record as unknown as ParsedRecord).record.length;
        lastEnd = context.bytes;
        return record;
      },
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { rows: [], problems: [{ line: lineAfter(lastEnd), message: parseProblemMessage(error, columnCount) }], columns: [] };
  }

  const [first, ...data] = records;
  if (!first) return { rows: [], problems: [{ message: 'The file has no header line.' }], columns: [] };
  const columns = first.record.map((name) => name.trim()) as CatalogueColumn[];
  const wrongHeader = headerProblems(columns);
  if (wrongHeader.length > 0) return { rows: [], problems: wrongHeader, columns: [] };
  if (data.length + skipped > CATALOGUE_FILE_LIMITS.maxRows) {
    const message = `The file has more than ${formatCount(CATALOGUE_FILE_LIMITS.maxRows)} rows; split it into files of at most ${formatCount(CATALOGUE_FILE_LIMITS.maxRows)} roles.`;
    return { rows: [], problems: [{ message }], columns: [] };
  }

  const rows: CatalogueRow[] = [];
  for (const { record: cells, info } of data) {
    // Spreadsheets save rows they think are in use as ",,,,": nothing to import, nothing wrong.
    if (cells.every((cell) => cell.trim() === '')) continue;
    const record = Object.fromEntries(catalogueColumns.map((column) => [column, ''])) as CatalogueRecord;
    columns.forEach((column, index) => (record[column as CatalogueColumn] = cells[index] ?? ''));
    // Where the row ends, less the line breaks inside its cells: where it starts.
    rows.push({ line: lineOf(Math.max(info.bytes - 1, 0)) - breaksIn(cells), record });
  }
  return { rows, problems: problems.sort((first, second) => (first.line ?? 0) - (second.line ?? 0)), columns };
}

/** Where a problem is, for people: "line 5", "record 5", or "the file". */
export function problemPlace({ line, record }: CatalogueProblem) {
  return line !== undefined ? `line ${line}` : record !== undefined ? `record ${record}` : 'the file';
}

/** A problem on one line: "line 5: salary_p75: Must be at least the median (120,000)". */
export function describeProblem(problem: CatalogueProblem) {
  return `${problemPlace(problem)}: ${problem.column ? `${problem.column}: ` : ''}${problem.message}`;
}
