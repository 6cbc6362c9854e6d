// Reading catalogue files: what is read (a BOM, CRLF, quoted line breaks, the export's own
// guarded cells), what is refused for the whole file (size, encoding, binary junk, header, too
// many rows) and what is refused row by row, always with the line and the column.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedRoles } from '@/db/seed/seed';
import { catalogueColumns, catalogueCsvHeader, catalogueCsvRecords, fieldsGivenBy, toCatalogueRecord, type CatalogueRecord } from '@/lib/catalogue-csv';
import { CATALOGUE_FILE_LIMITS, describeProblem, isCompleteFile, readCatalogueFile } from '@/lib/catalogue-file';
import { keyCatalogueRows, validateCatalogueRows } from '@/lib/catalogue-rows';
import { roleContentSchema, roleStatsSchema, type RoleValues } from '@/lib/role-schemas';
import { sampleRole } from '../support/sample-role';

const valuesOf = ({ stats, ...content }: typeof sampleRole): RoleValues => ({ content: roleContentSchema.parse(content), stats: roleStatsSchema.parse(stats) });

function recordOf(values: RoleValues): CatalogueRecord {
  return toCatalogueRecord(values, { categoryName: 'Whatever', url: `https://roleboard.example/roles/${values.content.slug}` });
}

/** A file as the export writes it: header, then one CRLF-ended record per role. */
function exportOf(records: CatalogueRecord[]) {
  return catalogueCsvHeader() + catalogueCsvRecords(records);
}

/** The problems of a file, each as "line N: column: message". */
function problemsOf(text: string | Uint8Array) {
  const file = readCatalogueFile(text);
  const rows = validateCatalogueRows(file.rows);
  return [...file.problems, ...rows.problems].map(describeProblem);
}

// Made-up roles with every cell on one line, so each record is one line of the file.
const [first, second, third] = [
  ['data-scientist', 'Data Scientist'],
  ['statistician', 'Statistician'],
  ['actuary', 'Actuary'],
].map(([slug, title]) => valuesOf({ ...sampleRole, slug: slug!, title: title! })) as [RoleValues, RoleValues, RoleValues];
// The seed role, whose prose spans lines, and those three.
const seeded = [...seedRoles.map(valuesOf), first, second, third];

describe('reading a catalogue file', () => {
  test("the export's own file reads back as the roles it was made from", () => {
    const file = readCatalogueFile(exportOf(seeded.map(recordOf)));
    assert.deepEqual(file.problems, []);
    const { roles, problems } = validateCatalogueRows(file.rows);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      roles.map((role) => role.values),
      seeded,
    );
    assert.equal(roles[0]!.line, 2);
  });

  test('a BOM, LF or CRLF line endings and quoted line breaks are simply read, with the line each row starts on', () => {
    const multiline = { ...first, content: { ...first.content, summary: 'First line.\nSecond line.\nThird line.' } };
    const crlf = exportOf([recordOf(multiline), recordOf(second)]);
    // Quoted, so that the row holds together in spreadsheets and once the file's CRLFs become LFs.
    assert.ok(crlf.includes(',"First line.\nSecond line.\nThird line.",'));
    for (const text of [`\uFEFF${crlf}`, crlf.replace(/\r\n/g, '\n'), `\uFEFF${crlf}\r\n\r\n`]) {
      const file = readCatalogueFile(text);
      assert.deepEqual(file.problems, []);
      assert.deepEqual(
        file.rows.map((row) => [row.line, row.record.slug]),
        [
          [2, first.content.slug],
          [5, second.content.slug],
        ],
      );
      const { roles } = validateCatalogueRows(file.rows);
      assert.equal(roles[0]!.values.content.summary, 'First line.\nSecond line.\nThird line.', 'CRLF inside a cell is stored as LF');
    }
  });

  test('columns may come in any order, the url column may be left out, and blank spreadsheet rows are skipped', () => {
    const columns = [...catalogueColumns].filter((column) => column !== 'url').reverse();
    const record = recordOf(first);
    const line = (cells: string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',');
    const text = [line(columns), line(columns.map((column) => record[column])), ','.repeat(columns.length - 1), ''].join('\r\n');
    const file = readCatalogueFile(text);
    assert.deepEqual(file.problems, []);
    assert.equal(file.rows.length, 1);
    assert.deepEqual(validateCatalogueRows(file.rows).roles[0]!.values, first);
  });

  test('a wrong header is refused, naming the unknown and repeated columns, a missing key and a group given in part', () => {
    const header = catalogueColumns.filter((column) => column !== 'salary_p25' && column !== 'outlook_end_year');
    const text = `${[...header, 'salary', 'slug'].join(',')}\r\n${header.map(() => '').join(',')},x,y\r\n`;
    assert.deepEqual(problemsOf(text), [
      `line 1: Unknown column "salary" (column ${header.length + 1}).`,
      `line 1: slug: Column "slug" appears twice (columns 1 and ${header.length + 2}).`,
      'line 1: The salary percentiles go together: give all of salary_p10, salary_p25, salary_median, salary_p75, salary_p90 or none. Missing: salary_p25.',
      'line 1: The outlook columns go together: give all of outlook_start_year, outlook_end_year, outlook_start_employment, outlook_end_employment, outlook_change_percent or none. Missing: outlook_end_year.',
    ]);
    assert.deepEqual(problemsOf('title,average_salary\r\nX,1\r\n'), [
      'line 1: No slug column: a file needs the column slug (or soc_code) to say which role each row is, plus any of the other columns of /api/v1/roles.csv.',
    ]);
    assert.deepEqual(problemsOf('slug,salary_top_coded\r\nx,[]\r\n'), ['line 1: salary_top_coded: Column "salary_top_coded" needs the columns salary_p10, salary_p25, salary_median, salary_p75, salary_p90 beside it.']);
    assert.deepEqual(problemsOf(''), ['the file: The file is empty.']);
    assert.deepEqual(problemsOf('\r\n\r\n'), ['the file: The file has no header line.']);
  });

  test('a partial file (a key and some columns) is read with its columns; its rows are keyed, not yet checked as roles', () => {
    const file = readCatalogueFile('slug,average_salary\r\nastronomers,150000\r\n,12\r\nastronomers,1\r\n');
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.columns, ['slug', 'average_salary']);
    assert.deepEqual(
      file.rows.map((row) => [row.line, row.record.slug, row.record.average_salary, row.record.title]),
      [
        [2, 'astronomers', '150000', ''],
        [3, '', '12', ''],
        [4, 'astronomers', '1', ''],
      ],
    );
    assert.equal(isCompleteFile(file.columns), false);
    const { keyed, problems } = keyCatalogueRows(file.rows, 'slug');
    assert.deepEqual(keyed, []);
    assert.deepEqual(problems.map(describeProblem), [
      'line 2: slug: The slug astronomers is also on line 4; each role may be in the file once.',
      "line 3: slug: Give the role's slug: it says which role the row changes.",
      'line 4: slug: The slug astronomers is also on line 2; each role may be in the file once.',
    ]);
    // Without a slug column, the SOC code is the key; the groups may be given whole.
    const bySoc = readCatalogueFile('soc_code,salary_p10,salary_p25,salary_median,salary_p75,salary_p90,category\r\n19-2011,1,2,3,4,5,Science\r\n');
    assert.deepEqual(bySoc.problems, []);
    assert.deepEqual(keyCatalogueRows(bySoc.rows, 'soc_code').keyed.map((row) => row.key), ['19-2011']);
    assert.deepEqual([...fieldsGivenBy(bySoc.columns)].sort(), ['percentiles', 'socCode']);
    assert.equal(isCompleteFile(readCatalogueFile(exportOf([recordOf(first)])).columns), true);
  });

  test('a formula-looking cell without the apostrophe is refused; one with it is text', () => {
    const guarded = { ...first, content: { ...first.content, summary: '=1+1 is how it starts', responsibilitiesIntro: "'=quoted already" } };
    const record = recordOf(guarded);
    assert.equal(record.summary, "'=1+1 is how it starts");
    assert.equal(record.responsibilities_intro, "''=quoted already");
    const read = validateCatalogueRows(readCatalogueFile(exportOf([record])).rows);
    assert.deepEqual(read.problems, []);
    assert.equal(read.roles[0]!.values.content.summary, '=1+1 is how it starts');
    assert.equal(read.roles[0]!.values.content.responsibilitiesIntro, "'=quoted already");

    // A negative number is data, not a formula: the role schemas say what is wrong with it.
    const dangerous = { ...recordOf(first), title: '=HYPERLINK("https://evil.example","Click")', source: '@SUM(A1:A9)' };
    assert.deepEqual(problemsOf(exportOf([recordOf(second), dangerous, { ...recordOf(third), average_salary: '-5' }])), [
      'line 3: title: looks like a spreadsheet formula; start it with an apostrophe if it is text',
      'line 3: source: looks like a spreadsheet formula; start it with an apostrophe if it is text',
      'line 4: average_salary: Must be at least 0',
    ]);
  });

  test('bad numbers are refused with the column that holds them', () => {
    const record = { ...recordOf(first), job_openings: '1,200', average_salary: '$95000', degree_requirement_percent: '50%', employment: '1.5' };
    assert.deepEqual(problemsOf(exportOf([record])), [
      'line 2: employment: Enter a whole number',
      'line 2: job_openings: Enter a number, digits only',
      'line 2: average_salary: Enter a number, digits only',
      'line 2: degree_requirement_percent: Enter a number, digits only',
    ]);
  });

  test("an education that is not one of BLS's levels is refused with the levels to use; an empty one is not known", () => {
    const typed = { ...recordOf(first), entry_education: 'A PhD' };
    const problems = problemsOf(exportOf([typed]));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^line 2: entry_education: Use one of BLS's education levels \(No formal educational credential; High school diploma or equivalent; .*Doctoral or professional degree\), or leave it empty when not known$/);
    assert.deepEqual(problemsOf(exportOf([{ ...recordOf(first), entry_education: '' }, { ...recordOf(second), entry_education: 'Postsecondary nondegree award' }])), []);
  });

  test('list cells must be JSON arrays of the right things', () => {
    const record = {
      ...recordOf(first),
      alternative_titles: 'Dev, Coder',
      responsibilities: '{"not":"a list"}',
      how_to_become_steps: '[{"heading":"Only a heading"}]',
    };
    assert.deepEqual(problemsOf(exportOf([record])), [
      'line 2: alternative_titles: must be a JSON array, e.g. ["one","two"]',
      'line 2: responsibilities: must be a JSON array, e.g. ["one","two"]',
    ]);
    const steps = { ...recordOf(first), how_to_become_steps: '[{"heading":"Only a heading"}]', alternative_titles: '["Dev", 42]' };
    assert.deepEqual(problemsOf(exportOf([steps])), [
      'line 2: alternative_titles: item 2: Enter the other name, or remove it',
      'line 2: how_to_become_steps: step 1 body: Enter what this step involves',
    ]);
  });

  test('duplicate slugs and SOC codes are refused on every line that has them', () => {
    const withSoc = (values: RoleValues, socCode: string) => recordOf({ ...values, content: { ...values.content, socCode } });
    const records = [withSoc(first, '15-1252'), withSoc(second, '15-1252'), recordOf(third), recordOf(first)];
    assert.deepEqual(problemsOf(exportOf(records)), [
      `line 2: slug: The slug ${first.content.slug} is also on line 5; each role may be in the file once.`,
      'line 2: soc_code: The SOC code 15-1252 is also on line 3; each role may be in the file once.',
      'line 3: soc_code: The SOC code 15-1252 is also on line 2; each role may be in the file once.',
      `line 5: slug: The slug ${first.content.slug} is also on line 2; each role may be in the file once.`,
    ]);
    assert.deepEqual(
      validateCatalogueRows(readCatalogueFile(exportOf(records)).rows).roles.map((role) => role.values.content.slug),
      [third.content.slug],
    );
  });

  test('a value on many rows names a few of the others on each and counts the rest', () => {
    // Naming every other line on every line would make 10,000 such rows 10,000 × 10,000 line numbers.
    const records = Array.from({ length: 9 }, (_, index) => recordOf({ ...first, content: { ...first.content, slug: `role-${index}`, socCode: '15-1252' } }));
    const problems = problemsOf(exportOf(records));
    assert.equal(problems.length, 9);
    assert.equal(problems[0], 'line 2: soc_code: The SOC code 15-1252 is also on line 3, line 4, line 5, line 6, line 7, and 3 more; each role may be in the file once.');
    assert.equal(problems[8], 'line 10: soc_code: The SOC code 15-1252 is also on line 2, line 3, line 4, line 5, line 6, and 3 more; each role may be in the file once.');
  });

  test('broken quotes and rows with too few or too many cells are refused with their line', () => {
    const good = catalogueCsvRecords([recordOf(first)]);
    const text = `${catalogueCsvHeader()}${good}a,b,c\r\nx,"unfinished ""quote"" here"y,z\r\n${catalogueCsvRecords([recordOf(second)])}`;
    const file = readCatalogueFile(text);
    assert.deepEqual(file.problems.map(describeProblem), [
      `line 3: Has 3 cells where the header has ${catalogueColumns.length} columns (a missing or extra comma, or an unquoted comma in a text?).`,
      'line 4: Has text after a closing double quote: inside a quoted cell, write a double quote twice ("").',
    ]);
    assert.deepEqual(
      problemsOf(`${catalogueCsvHeader()}${good}"never closed,\r\n`),
      ['line 3: A double quote opened in this row is never closed.'],
    );
  });

  test('binary junk, UTF-16 and other encodings are refused as not being CSV text', () => {
    // A PNG's signature has two line breaks before its first NUL.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    assert.match(problemsOf(png)[0]!, /^the file: The file is not a CSV text file: line 3 holds binary data \(a NUL byte\)/);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    assert.match(problemsOf(zip)[0]!, /not a CSV text file/);
    const utf16 = Buffer.from(`\uFEFF${catalogueCsvHeader()}`, 'utf16le');
    assert.match(problemsOf(utf16)[0]!, /UTF-16 text, not UTF-8/);
    const latin1 = Buffer.concat([Buffer.from(catalogueCsvHeader()), Buffer.from('caf\xe9,x\r\n', 'latin1')]);
    assert.deepEqual(problemsOf(latin1), [
      'the file: The file is not UTF-8 text (line 2 is not). Save the spreadsheet as "CSV UTF-8 (comma delimited)" and try again.',
    ]);
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 251);
    assert.equal(readCatalogueFile(random).rows.length, 0);
    assert.equal(problemsOf(random).length, 1);
  });

  test(`more than ${CATALOGUE_FILE_LIMITS.maxRows.toLocaleString('en-US')} rows or ${CATALOGUE_FILE_LIMITS.maxBytes / 1024 / 1024} MB is refused before any row is read`, () => {
    // Rows as small as the format allows, so that the row limit, not the size limit, is what refuses them.
    const tiny = (index: number) => catalogueColumns.map((column) => (column === 'slug' ? `r${index}` : '')).join(',');
    const file = (rows: number) => [catalogueColumns.join(','), ...Array.from({ length: rows }, (_, index) => tiny(index))].join('\r\n');
    assert.equal(readCatalogueFile(file(CATALOGUE_FILE_LIMITS.maxRows)).rows.length, CATALOGUE_FILE_LIMITS.maxRows);
    assert.deepEqual(problemsOf(file(CATALOGUE_FILE_LIMITS.maxRows + 1)), [
      'the file: The file has more than 10,000 rows; split it into files of at most 10,000 roles.',
    ]);
    const fiftyThousand = file(50_000);
    const refused = readCatalogueFile(fiftyThousand);
    assert.deepEqual(refused.rows, []);
    assert.match(refused.problems[0]!.message, Buffer.byteLength(fiftyThousand) > CATALOGUE_FILE_LIMITS.maxBytes ? /at most 5 MB/ : /more than 10,000 rows/);

    const big = `${catalogueCsvHeader()}${'x'.repeat(CATALOGUE_FILE_LIMITS.maxBytes)}`;
    assert.deepEqual(problemsOf(big), ['the file: The file is 5.0 MB; files may be at most 5 MB. Split it into smaller files.']);
  });
});
