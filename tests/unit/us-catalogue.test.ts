// The default U.S. catalogue against its source files. The files are read here with the test's
// own few lines, not the derivation's helpers, so that a mistake there cannot hide behind the
// same mistake here; BLS's published figures are checked as literals too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { usCategories } from '@/db/catalogue/categories';
import { loadUsOccupationCatalogue } from '@/db/catalogue/us-occupations';
import { catalogueColumns, fromCatalogueRecord, type CatalogueColumn, type CatalogueRecord } from '@/lib/catalogue-csv';
import { roleContentSchema, roleStatsSchema } from '@/lib/role-schemas';
import { slugify } from '@/lib/slug';

type Row = Record<string, string>;

function readSource(fileName: string): Row[] {
  const gzipped = readFileSync(new URL(`../../db/data/us-occupations/${fileName}.gz`, import.meta.url));
  return parse(gunzipSync(gzipped), { columns: true, bom: true });
}

function indexBy(rows: Row[], column: string) {
  return new Map(rows.map((row) => [row[column]!, row]));
}

const oewsRows = {
  '2023-05-01': indexBy(readSource('oews_national_M2023.csv').filter((row) => row.O_GROUP === 'detailed'), 'OCC_CODE'),
  '2024-05-01': indexBy(readSource('oews_national_M2024.csv').filter((row) => row.O_GROUP === 'detailed'), 'OCC_CODE'),
};
const projectionRows = indexBy(
  readSource('ep_2024-34_table_1_2.csv').filter((row) => row['Occupation type'] === 'Line item'),
  '2024 National Employment Matrix code',
);
const socRows = indexBy(readSource('soc_2018_definitions.csv'), 'SOC Code');
const directMatchRows = readSource('soc_2018_direct_match_titles.csv');
const taskRows = readSource('onet_29_2_task_statements.csv');

const started = performance.now();
const releases = loadUsOccupationCatalogue();
const loadMilliseconds = performance.now() - started;
const [release2023, release2024] = releases as [(typeof releases)[number], (typeof releases)[number]];

function recordOf(release: { records: CatalogueRecord[] }, code: string) {
  const record = release.records.find((candidate) => candidate.soc_code === code);
  assert.ok(record, `no record for ${code}`);
  return record;
}

const onetAttribution =
  'This site includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.';

// ---- Expected values, from the source rows ------------------------------------------------------

/**
 * BLS's wage columns, annual (A_) and hourly (H_), and the cell its `#` (at or above the top code)
 * becomes: $239,200 a year, $115.00 an hour (PROVENANCE.md).
 */
const blsWages = {
  salary: { mean: 'A_MEAN', topCode: '239200', percentiles: { p10: 'A_PCT10', p25: 'A_PCT25', median: 'A_MEDIAN', p75: 'A_PCT75', p90: 'A_PCT90' } },
  hourly: { mean: 'H_MEAN', topCode: '115', percentiles: { p10: 'H_PCT10', p25: 'H_PCT25', median: 'H_MEDIAN', p75: 'H_PCT75', p90: 'H_PCT90' } },
};

/** A row's `salary_…` or `hourly_…` cells: BLS's `*` (no estimate) empty, its `#` the top code, the top-coded percentiles listed. */
function expectedWageCells(row: Row, wages: 'salary' | 'hourly', meanColumn: CatalogueColumn) {
  const { mean, topCode, percentiles } = blsWages[wages];
  const cell = (column: string) => (row[column] === '*' ? '' : row[column] === '#' ? topCode : row[column]);
  const percentileColumns = Object.entries(percentiles);
  return {
    [meanColumn]: cell(mean),
    ...Object.fromEntries(percentileColumns.map(([key, column]) => [`${wages}_${key}`, cell(column)])),
    [`${wages}_top_coded`]: JSON.stringify(percentileColumns.filter(([, column]) => row[column] === '#').map(([key]) => key)),
  };
}

function expectedOewsCells(row: Row) {
  return { employment: row.TOT_EMP, ...expectedWageCells(row, 'salary', 'average_salary'), ...expectedWageCells(row, 'hourly', 'hourly_mean') };
}

/** The cells that come from the OEWS release: its figures and what says which release they are. Every other cell must be the same in both releases. */
const oewsColumns = [...Object.keys(expectedOewsCells({})), 'as_of', 'source', 'source_url', 'salary_template'];

/** "115.2" thousand → "115200": the decimal point moved three places, as text. */
function peopleFromThousands(cell: string) {
  const [whole, fraction = ''] = cell.split('.');
  return String(Number(`${whole}${fraction.padEnd(3, '0')}`));
}

function directMatchTitles(socCodes: string[], title: string) {
  const seen = new Set([title.toLowerCase()]);
  const titles: string[] = [];
  for (const row of directMatchRows.filter((candidate) => socCodes.includes(candidate['2018 SOC Code']!))) {
    const alternative = row['2018 SOC Direct Match Title']!.replace(/\s+/g, ' ').trim();
    if (!seen.has(alternative.toLowerCase())) titles.push(alternative);
    seen.add(alternative.toLowerCase());
  }
  return titles;
}

/** Up to 8 Core tasks of these O*NET codes; fewer than 5 topped up with Supplemental, then unrated ones. */
function onetTasks(onetCodes: string[]) {
  const pool = taskRows.filter((row) => onetCodes.includes(row['O*NET-SOC Code']!));
  const ofType = (type: string) => pool.filter((row) => row['Task Type'] === type).map((row) => row.Task!);
  const core = ofType('Core');
  if (core.length >= 5) return core.slice(0, 8);
  return [...core, ...ofType('Supplemental'), ...ofType('')].slice(0, 5);
}

const educationWords: Record<string, string> = {
  "Bachelor's degree": "A bachelor's degree",
  'Doctoral or professional degree': 'A doctoral or professional degree',
  "Master's degree": "A master's degree",
  'High school diploma or equivalent': 'A high school diploma or equivalent',
  'Some college, no degree': 'Some college coursework, without a degree',
  'No formal educational credential': 'No formal educational credential',
};
const experienceWords: Record<string, string> = { None: 'No work experience', 'Less than 5 years': 'Less than 5 years', '5 years or more': '5 years or more' };
const trainingWords: Record<string, string> = {
  None: 'No on-the-job training',
  'Short-term on-the-job training': '1 month or less',
  'Moderate-term on-the-job training': 'more than 1 month and up to 12 months',
  'Long-term on-the-job training': 'more than 12 months',
  'Internship/residency': 'An internship or residency',
  Apprenticeship: 'An apprenticeship',
};

type Case = {
  code: string;
  why: string;
  /** The SOC 2018 occupations whose direct-match titles are the row's alternative titles; by default the code itself. */
  socCodes?: string[];
  /** Where the responsibilities come from: O*NET codes, or the SOC definition; by default the code's own O*NET occupation (`code`.00). */
  tasksFrom?: string[] | 'definition';
  /** Only where SOC has no definition for the code itself. */
  summaryNames?: string[];
};

const cases: Case[] = [
  { code: '15-1252', why: 'Software Developers: no Core tasks, only unrated ones' },
  { code: '15-1251', why: 'Computer Programmers' },
  { code: '29-1141', why: 'Registered Nurses' },
  { code: '13-2011', why: 'Accountants and Auditors' },
  { code: '11-1011', why: 'Chief Executives: p75 and p90 top-coded' },
  { code: '29-1211', why: 'Anesthesiologists: median top-coded' },
  { code: '29-1223', why: 'Psychiatrists: SOC lists two direct-match titles twice' },
  { code: '29-1243', why: 'Pediatric Surgeons: p25 top-coded, mean above the top code' },
  { code: '27-2011', why: 'Actors: hourly wages only' },
  { code: '27-2031', why: 'Dancers: hourly wages only' },
  { code: '27-2042', why: 'Musicians and Singers: hourly wages only' },
  { code: '27-2091', why: 'Disc Jockeys: hourly wages only, no Core tasks' },
  { code: '27-2099', why: 'Entertainers, All Other: hourly wages only, no O*NET tasks', tasksFrom: 'definition' },
  { code: '39-3012', why: 'Sports Book Writers: 4 Core tasks, one Supplemental added' },
  { code: '11-9199', why: 'Managers, All Other: tasks of O*NET sub-codes', tasksFrom: ['11-9199.01', '11-9199.02', '11-9199.08', '11-9199.09', '11-9199.10', '11-9199.11'] },
  { code: '21-1019', why: 'Counselors, All Other: no O*NET tasks at all', tasksFrom: 'definition' },
  { code: '29-1249', why: 'Surgeons, All Other: definition with an Excludes note', tasksFrom: 'definition' },
  {
    code: '21-1018',
    why: 'an OEWS-only code without SOC definition or O*NET entry',
    socCodes: ['21-1011', '21-1014'],
    tasksFrom: ['21-1011.00', '21-1014.00'],
    summaryNames: ['“Substance Abuse and Behavioral Disorder Counselors” (21-1011)', '“Mental Health Counselors” (21-1014)'],
  },
  {
    code: '13-1020',
    why: 'a SOC broad group published as one OEWS occupation',
    socCodes: ['13-1021', '13-1022', '13-1023'],
    tasksFrom: ['13-1021.00', '13-1022.00', '13-1023.00'],
    summaryNames: ['(13-1021)', '(13-1022)', '(13-1023)'],
  },
];

function checkCase({ code, socCodes = [code], tasksFrom = [`${code}.00`], summaryNames }: Case, release: { asOf: string; records: CatalogueRecord[] }) {
  const record = recordOf(release, code);
  const oews = oewsRows[release.asOf as keyof typeof oewsRows].get(code)!;
  const title = oewsRows['2024-05-01'].get(code)!.OCC_TITLE!;
  const projection = projectionRows.get(code)!;
  const year = release.asOf.slice(0, 4);
  const majorGroup = usCategories.find((category) => category.socCode.slice(0, 2) === code.slice(0, 2))!;

  assert.equal(record.slug, slugify(title));
  assert.equal(record.title, title);
  assert.deepEqual(JSON.parse(record.alternative_titles), directMatchTitles(socCodes, title));
  assert.equal(record.category, majorGroup.name);
  assert.equal(record.category_slug, majorGroup.slug);
  if (summaryNames) {
    assert.ok(!socRows.get(code)?.['SOC Definition']);
    for (const name of summaryNames) assert.ok(record.summary.includes(name), `${code} summary names ${name}`);
  } else {
    assert.equal(record.summary, socRows.get(code)!['SOC Definition']);
  }

  assert.deepEqual(
    Object.fromEntries(Object.keys(expectedOewsCells(oews)).map((column) => [column, record[column as CatalogueColumn]])),
    expectedOewsCells(oews),
  );
  assert.equal(record.as_of, release.asOf);
  assert.equal(record.source, `U.S. Bureau of Labor Statistics: Occupational Employment and Wage Statistics, May ${year}; Employment Projections 2024–34`);
  assert.equal(record.source_url, `https://www.bls.gov/oes/${year}/may/oes${code.replace('-', '')}.htm`);

  assert.equal(record.job_openings, peopleFromThousands(projection['Occupational openings, 2024–34 annual average']!));
  assert.equal(record.job_openings_basis, 'projected-per-year');
  assert.equal(record.currency, 'USD');
  assert.equal(record.degree_requirement_percent, '');
  assert.equal(record.entry_education, projection['Typical education needed for entry']);
  assert.equal(record.outlook_start_year, '2024');
  assert.equal(record.outlook_end_year, '2034');
  assert.equal(record.outlook_start_employment, peopleFromThousands(projection['Employment, 2024']!));
  assert.equal(record.outlook_end_employment, peopleFromThousands(projection['Employment, 2034']!));
  assert.equal(record.outlook_change_percent, projection['Employment change, percent, 2024–34']);

  if (oews.A_MEAN === '*') {
    assert.equal(
      record.salary_template,
      'BLS publishes only hourly wages for {title}, no annual ones: the average (mean) hourly wage was {hourlyMean} as of {asOf}; the median hourly wage (half earned more, half less) was {hourlyMedian}.',
    );
  } else {
    for (const placeholder of ['{title}', '{averageSalary}', '{medianSalary}', '{asOf}']) assert.ok(record.salary_template.includes(placeholder));
  }

  const responsibilities = JSON.parse(record.responsibilities) as string[];
  if (tasksFrom === 'definition') {
    const sentences = socRows.get(code)!['SOC Definition']!.split(/(?<=\.) /);
    assert.deepEqual(responsibilities, sentences.filter((sentence) => !sentence.startsWith('Excludes')));
    assert.equal(record.content_attribution, '');
    assert.ok(record.responsibilities_intro.includes('SOC 2018 definition'));
  } else {
    assert.deepEqual(responsibilities, onetTasks(tasksFrom));
    assert.ok(record.content_attribution.startsWith(onetAttribution));
    assert.ok(record.content_attribution.includes('wording is unchanged'));
    assert.ok(record.responsibilities_intro.includes('O*NET'));
  }
  assert.ok(record.responsibilities_intro.includes(title));
  assert.equal(record.responsibilities_outro, '');

  const steps = JSON.parse(record.how_to_become_steps) as { heading: string; body: string }[];
  assert.deepEqual(
    steps.map((step) => step.heading),
    ['Education', 'Work experience', 'On-the-job training'],
  );
  assert.ok(steps[0]!.body.startsWith(educationWords[projection['Typical education needed for entry']!]!));
  assert.ok(steps[1]!.body.startsWith(experienceWords[projection['Work experience in a related occupation']!]!));
  assert.ok(steps[2]!.body.includes(trainingWords[projection['Typical on-the-job training needed to attain competency in the occupation']!]!));
  assert.equal(record.how_to_become_outro, '');
  assert.equal(record.url, '');
}

describe('the default U.S. catalogue', () => {
  test('is two releases, May 2023 then May 2024, of the 831 detailed OEWS occupations in SOC code order', () => {
    assert.deepEqual(
      releases.map((release) => release.asOf),
      ['2023-05-01', '2024-05-01'],
    );
    const codes = [...oewsRows['2024-05-01'].keys()].sort();
    assert.equal(codes.length, 831);
    for (const release of releases) {
      assert.deepEqual(
        release.records.map((record) => record.soc_code),
        codes,
      );
      assert.equal(new Set(release.records.map((record) => record.slug)).size, 831);
      for (const record of release.records) assert.deepEqual(Object.keys(record).sort(), [...catalogueColumns].sort());
    }
  });

  test('loads fast enough for a first start', () => {
    assert.ok(loadMilliseconds < 10_000, `took ${Math.round(loadMilliseconds)} ms`);
  });

  for (const testCase of cases) {
    test(`${testCase.code} (${testCase.why}): every cell from the source files, both releases`, () => {
      checkCase(testCase, release2023);
      checkCase(testCase, release2024);
    });
  }

  test("BLS's published figures (PROVENANCE.md's spot checks)", () => {
    const developers = recordOf(release2024, '15-1252');
    assert.deepEqual(
      [developers.employment, developers.average_salary, developers.salary_median, developers.salary_p10, developers.salary_p90, developers.job_openings],
      ['1654440', '144570', '133080', '79850', '211450', '115200'],
    );
    assert.equal(developers.entry_education, "Bachelor's degree");
    assert.equal(recordOf(release2023, '15-1252').as_of, '2023-05-01');
    assert.equal(recordOf(release2023, '29-1141').salary_median, '86070');
    const accountants2023 = recordOf(release2023, '13-2011');
    assert.deepEqual([accountants2023.employment, accountants2023.average_salary], ['1435770', '90780']);
    assert.ok(JSON.parse(recordOf(release2024, '15-1251').alternative_titles).includes('Computer Programmer'));
  });

  test('responsibilities: Core tasks first, topped up to 5 where fewer', () => {
    const developerTasks = JSON.parse(recordOf(release2024, '15-1252').responsibilities);
    assert.equal(developerTasks.length, 5);
    assert.equal(developerTasks[0], 'Analyze information to determine, recommend, and plan installation of a new system or modification of an existing system.');
    const bookWriterTasks = JSON.parse(recordOf(release2024, '39-3012').responsibilities) as string[];
    const typeOf = (task: string) => taskRows.find((row) => row['O*NET-SOC Code'] === '39-3012.00' && row.Task === task)?.['Task Type'];
    assert.deepEqual(bookWriterTasks.map(typeOf), ['Core', 'Core', 'Core', 'Core', 'Supplemental']);
    assert.equal(JSON.parse(recordOf(release2024, '15-1251').responsibilities).length, 8);
  });

  test('top-coded and missing wages: the top code with its keys listed; nothing for hourly-only occupations', () => {
    const executives = recordOf(release2024, '11-1011');
    assert.deepEqual([executives.salary_p75, executives.salary_p90, executives.salary_top_coded], ['239200', '239200', '["p75","p90"]']);
    assert.equal(recordOf(release2024, '29-1211').salary_top_coded, '["median","p75","p90"]');
    const hourlyOnly = release2024.records.filter((record) => record.average_salary === '');
    assert.deepEqual(
      hourlyOnly.map((record) => record.soc_code),
      ['27-2011', '27-2031', '27-2042', '27-2091', '27-2099'],
    );
    for (const record of hourlyOnly) {
      assert.deepEqual([record.salary_p10, record.salary_p25, record.salary_median, record.salary_p75, record.salary_p90, record.salary_top_coded], ['', '', '', '', '', '[]']);
      // …but every one has BLS's hourly wages.
      assert.notEqual(record.hourly_mean, '');
      assert.notEqual(record.hourly_median, '');
    }
    const actors = recordOf(release2024, '27-2011');
    assert.deepEqual(
      [actors.hourly_mean, actors.hourly_p10, actors.hourly_p25, actors.hourly_median, actors.hourly_p75, actors.hourly_p90, actors.hourly_top_coded],
      ['44.4', '14', '16.94', '23.33', '41.09', '97.19', '[]'],
    );
    const anesthesiologists = recordOf(release2024, '29-1211');
    assert.deepEqual([anesthesiologists.hourly_mean, anesthesiologists.hourly_p90, anesthesiologists.hourly_top_coded], ['161.85', '115', '["median","p75","p90"]']);
  });

  test("May 2023's wages stay below the top code PROVENANCE.md gives for May 2024, so the same $239,200 applies", () => {
    for (const row of oewsRows['2023-05-01'].values()) {
      for (const column of Object.values(blsWages.salary.percentiles)) if (/^\d+$/.test(row[column]!)) assert.ok(Number(row[column]) < 239_200, `${row.OCC_CODE} ${column}`);
    }
  });

  test('the two releases differ only in the OEWS cells', () => {
    release2023.records.forEach((record2023, index) => {
      const record2024 = release2024.records[index]!;
      for (const column of catalogueColumns) {
        if (!oewsColumns.includes(column)) assert.equal(record2023[column], record2024[column], `${record2023.soc_code} ${column}`);
      }
      // The write-up has placeholders only, so it does not change with the figures either.
      assert.equal(record2023.salary_template, record2024.salary_template);
    });
  });

  test('every row is a valid role: lengths, counts, categories, JSON cells, numbers', () => {
    const categorySlugs = new Set(usCategories.map((category) => category.slug));
    for (const record of releases.flatMap((release) => release.records)) {
      const content = {
        title: record.title,
        slug: record.slug,
        categorySlug: record.category_slug,
        summary: record.summary,
        salaryTemplate: record.salary_template,
        responsibilitiesIntro: record.responsibilities_intro,
        responsibilities: JSON.parse(record.responsibilities),
        responsibilitiesOutro: record.responsibilities_outro,
        howToBecomeIntro: record.how_to_become_intro,
        howToBecomeSteps: JSON.parse(record.how_to_become_steps),
        howToBecomeOutro: record.how_to_become_outro,
      };
      // Read back as every import reads a row: through the catalogue format and the role schemas.
      const read = fromCatalogueRecord(record);
      assert.ok('input' in read, `${record.soc_code}: ${JSON.stringify(read)}`);
      const stats = roleStatsSchema.safeParse(read.input.stats);
      assert.ok(stats.success, `${record.soc_code}: ${stats.error?.message}`);
      const parsed = roleContentSchema.safeParse(read.input.content);
      assert.ok(parsed.success, `${record.soc_code}: ${parsed.error?.message}`);
      // The schema trims; what it returns must be what the row holds (empty outros are stored as null).
      const stored = { ...content, responsibilitiesOutro: null, howToBecomeOutro: null };
      for (const key of Object.keys(stored) as (keyof typeof stored)[]) assert.deepEqual(parsed.data[key], stored[key], `${record.soc_code} ${key}`);
      assert.ok(content.responsibilities.length >= 1 && content.responsibilities.length <= 8);

      assert.ok(categorySlugs.has(record.category_slug));
      const alternativeTitles = JSON.parse(record.alternative_titles) as string[];
      assert.ok(alternativeTitles.every((alternative) => typeof alternative === 'string' && alternative !== '' && alternative === alternative.trim()));
      const lowerCaseNames = [record.title, ...alternativeTitles].map((name) => name.toLowerCase());
      assert.equal(new Set(lowerCaseNames).size, lowerCaseNames.length, `${record.soc_code} names a title twice`);
      const topCoded = JSON.parse(record.salary_top_coded) as string[];
      for (const key of topCoded) assert.equal(record[`salary_${key}` as CatalogueColumn], '239200');

      const numberColumns: CatalogueColumn[] = ['employment', 'job_openings', 'average_salary', 'salary_p10', 'salary_p25', 'salary_median', 'salary_p75', 'salary_p90', 'outlook_start_employment', 'outlook_end_employment'];
      for (const column of numberColumns) assert.match(record[column], /^(\d+)?$/, `${record.soc_code} ${column}`);
      const percentiles = [record.salary_p10, record.salary_p25, record.salary_median, record.salary_p75, record.salary_p90];
      assert.ok(percentiles.every((cell) => cell === '') || percentiles.every((cell, index) => cell !== '' && (index === 0 || Number(cell) >= Number(percentiles[index - 1]))));
      assert.match(record.as_of, /^\d{4}-05-01$/);
    }
  });

  test('no cell would run as a spreadsheet formula, except negative employment changes, which are numbers', () => {
    for (const record of releases.flatMap((release) => release.records)) {
      for (const column of catalogueColumns) {
        const cell = record[column];
        if (column === 'outlook_change_percent') assert.match(cell, /^-?\d+(\.\d)?$/);
        else assert.ok(!/^[=+\-@]/.test(cell), `${record.soc_code} ${column}: ${cell}`);
      }
      for (const text of [...JSON.parse(record.responsibilities), ...JSON.parse(record.alternative_titles)] as string[]) assert.ok(!/^[=+\-@]/.test(text));
    }
  });
});
