// The default U.S. catalogue: one row per detailed OEWS occupation (831), in the catalogue CSV's
// shape, derived at run time from the public source files in db/data/us-occupations/. Their
// PROVENANCE.md says where each file comes from and, at its end, the rules this module applies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { getCategoryOfSocCode } from './categories';
import {
  contentAttribution,
  definitionDuties,
  groupSummary,
  howToBecomeIntro,
  howToBecomeSteps,
  responsibilitiesIntro,
  salaryTemplate,
  type TaskOrigin,
} from './us-occupation-texts';
import type { CatalogueRecord } from '@/lib/catalogue-csv';
import { slugify } from '@/lib/slug';
import { percentileKeys, type PercentileKey } from '@/lib/domain/role-fields';

const dataDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), '../data/us-occupations');

/** The OEWS national releases, oldest first. Each is one release of the catalogue. */
const oewsReleases = [
  // BLS's top codes (`#` means at or above it) were $239,200 a year and $115.00 an hour in both
  // years; no May 2023 percentile exceeds either.
  { fileName: 'oews_national_M2023.csv.gz', asOf: '2023-05-01', name: 'May 2023', pagePath: '2023/may', annualWageTopCode: 239_200, hourlyWageTopCode: '115' },
  { fileName: 'oews_national_M2024.csv.gz', asOf: '2024-05-01', name: 'May 2024', pagePath: '2024/may', annualWageTopCode: 239_200, hourlyWageTopCode: '115' },
] as const;

type OewsRelease = (typeof oewsReleases)[number];

export type CatalogueRelease = { asOf: string; records: CatalogueRecord[] };

/** The cells that come from an OEWS release; every other cell is the same in each release. */
type OewsCells = Pick<
  CatalogueRecord,
  | 'employment'
  | 'average_salary'
  | 'salary_p10'
  | 'salary_p25'
  | 'salary_median'
  | 'salary_p75'
  | 'salary_p90'
  | 'salary_top_coded'
  | 'hourly_mean'
  | 'hourly_p10'
  | 'hourly_p25'
  | 'hourly_median'
  | 'hourly_p75'
  | 'hourly_p90'
  | 'hourly_top_coded'
  | 'as_of'
  | 'source'
  | 'source_url'
  | 'salary_template'
>;

type CsvRow = Record<string, string>;

export function readGzippedCsv(fileName: string): CsvRow[] {
  return parse<CsvRow>(gunzipSync(readFileSync(path.join(dataDirectory, fileName))), { columns: true, bom: true });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Missing ${what}`);
  return value;
}

// ---- BLS figures ----------------------------------------------------------------------------

/** A BLS estimate as a cell: digits as published; `*` or `**` (no estimate) empty. Anything else is refused, never guessed at. */
function blsEstimate(cell: string) {
  if (/^\d+$/.test(cell)) return cell;
  if (cell === '*' || cell === '**') return '';
  throw new Error(`Unexpected BLS estimate "${cell}"`);
}

/** An hourly wage as published, dollars and cents ("44.4", "16.06"); `*` (no estimate) empty. */
function blsHourlyWage(cell: string) {
  if (/^\d+(\.\d{1,2})?$/.test(cell)) return cell;
  if (cell === '*') return '';
  throw new Error(`Unexpected BLS hourly wage "${cell}"`);
}

/** EP publishes people in thousands with one decimal (115.2); the catalogue counts whole people. */
function thousandsToPeople(cell: string) {
  if (!/^\d+(\.\d+)?$/.test(cell)) throw new Error(`Unexpected EP figure "${cell}"`);
  return String(Math.round(Number(cell) * 1000));
}

/**
 * EP's percent change as published: one decimal, or none where it is zero ("5" for 5.0), which is
 * also how the catalogue export writes a number, so the row survives an export unchanged.
 */
function publishedPercent(cell: string) {
  if (!/^-?\d+(\.\d)?$/.test(cell)) throw new Error(`Unexpected EP percent "${cell}"`);
  return cell;
}

const annualWageColumns: Record<PercentileKey, string> = { p10: 'A_PCT10', p25: 'A_PCT25', median: 'A_MEDIAN', p75: 'A_PCT75', p90: 'A_PCT90' };
const hourlyWageColumns: Record<PercentileKey, string> = { p10: 'H_PCT10', p25: 'H_PCT25', median: 'H_MEDIAN', p75: 'H_PCT75', p90: 'H_PCT90' };

/** The five percentiles of one kind as cells, `#` as the top code with its keys listed; all five or none, as a distribution with a gap would be misread. */
function percentileCells(cellOf: (column: string) => string, columns: Record<PercentileKey, string>, topCode: string, estimate: (cell: string) => string) {
  const topCoded = percentileKeys.filter((key) => cellOf(columns[key]) === '#');
  const wages = percentileKeys.map((key) => (topCoded.includes(key) ? topCode : estimate(cellOf(columns[key]))));
  const complete = wages.every(Boolean);
  return { wages: complete ? wages : wages.map(() => ''), topCoded: JSON.stringify(complete ? topCoded : []) };
}

function oewsCells(row: CsvRow, release: OewsRelease): OewsCells {
  const cellOf = (column: string) => required(row[column], `${column} of ${row.OCC_CODE}`);
  const { wages: percentiles, topCoded } = percentileCells(cellOf, annualWageColumns, String(release.annualWageTopCode), blsEstimate);
  const hourly = percentileCells(cellOf, hourlyWageColumns, release.hourlyWageTopCode, blsHourlyWage);
  const averageSalary = blsEstimate(cellOf('A_MEAN'));
  const code = cellOf('OCC_CODE');
  return {
    employment: blsEstimate(cellOf('TOT_EMP')),
    average_salary: averageSalary,
    salary_p10: percentiles[0]!,
    salary_p25: percentiles[1]!,
    salary_median: percentiles[2]!,
    salary_p75: percentiles[3]!,
    salary_p90: percentiles[4]!,
    salary_top_coded: topCoded,
    hourly_mean: blsHourlyWage(cellOf('H_MEAN')),
    hourly_p10: hourly.wages[0]!,
    hourly_p25: hourly.wages[1]!,
    hourly_median: hourly.wages[2]!,
    hourly_p75: hourly.wages[3]!,
    hourly_p90: hourly.wages[4]!,
    hourly_top_coded: hourly.topCoded,
    as_of: release.asOf,
    source: `U.S. Bureau of Labor Statistics: Occupational Employment and Wage Statistics, ${release.name}; Employment Projections 2024–34`,
    source_url: `https://www.bls.gov/oes/${release.pagePath}/oes${code.replace('-', '')}.htm`,
    // HOURLY = TRUE: BLS releases only hourly wages for the occupation (actors, dancers, …).
    salary_template: salaryTemplate({ hasMean: averageSalary !== '', hasMedian: percentiles[2] !== '', hourlyOnly: row.HOURLY === 'TRUE' }),
  };
}

// ---- The sources, joined ----------------------------------------------------------------------

type OnetTask = { onetCode: string; onetTitle: string; task: string; type: string };

function readSources() {
  const socRows = readGzippedCsv('soc_2018_definitions.csv.gz').filter((row) => row['SOC Group'] === 'Detailed');
  const tasks: OnetTask[] = readGzippedCsv('onet_29_2_task_statements.csv.gz').map((row) => ({
    onetCode: required(row['O*NET-SOC Code'], 'O*NET-SOC Code'),
    onetTitle: required(row.Title, 'O*NET title'),
    task: required(row.Task, 'task statement'),
    type: required(row['Task Type'], 'task type'),
  }));
  const onetOccupations = readGzippedCsv('onet_29_2_occupation_data.csv.gz');
  return {
    socTitles: new Map(socRows.map((row) => [row['SOC Code']!, row['SOC Title']!])),
    socDefinitions: new Map(socRows.map((row) => [row['SOC Code']!, row['SOC Definition']!])),
    directMatchTitles: groupBy(readGzippedCsv('soc_2018_direct_match_titles.csv.gz'), (row) => row['2018 SOC Code']!),
    onetDescriptions: new Map(onetOccupations.map((row) => [row['O*NET-SOC Code']!, row.Description!])),
    tasksByOnetCode: groupBy(tasks, (task) => task.onetCode),
    /** In code order, so that {code}.00 comes first and its sub-codes follow as numbered. */
    onetCodes: onetOccupations.map((row) => row['O*NET-SOC Code']!).sort(),
    projections: new Map(
      readGzippedCsv('ep_2024-34_table_1_2.csv.gz')
        .filter((row) => row['Occupation type'] === 'Line item')
        .map((row) => [row['2024 National Employment Matrix code']!, row]),
    ),
  };
}

type Sources = ReturnType<typeof readSources>;

/**
 * The SOC 2018 detailed occupations an OEWS code stands for: itself, or, for the few OEWS codes
 * that are not SOC detailed occupations (a SOC broad group such as 13-1020, or BLS's own
 * combinations such as 21-1018), the detailed occupations of its broad group that OEWS does not
 * publish apart.
 */
function socOccupationsOf(code: string, sources: Sources, oewsCodes: Set<string>) {
  if (sources.socTitles.has(code)) return [code];
  const broadGroup = code.slice(0, 6);
  const groupsInBroadGroup = [...oewsCodes].filter((oewsCode) => oewsCode.startsWith(broadGroup) && !sources.socTitles.has(oewsCode));
  const components = [...sources.socTitles.keys()].filter((socCode) => socCode.startsWith(broadGroup) && !oewsCodes.has(socCode));
  // Two such codes in one broad group would leave it unclear which occupations each covers.
  if (groupsInBroadGroup.length !== 1 || components.length === 0) throw new Error(`Cannot tell which SOC 2018 occupations ${code} covers`);
  return components;
}

/** Core tasks first, at most 8; fewer than 5 are topped up with Supplemental, then unrated tasks (O*NET rates some occupations' tasks not at all). */
function selectTasks(pool: OnetTask[]) {
  const core = pool.filter((task) => task.type === 'Core').slice(0, 8);
  if (core.length >= 5) return { tasks: core, onlyCore: true };
  const others = [...pool.filter((task) => task.type === 'Supplemental'), ...pool.filter((task) => task.type === '')];
  return { tasks: [...core, ...others.slice(0, 5 - core.length)], onlyCore: false };
}

/** The row's responsibilities and where they come from: O*NET's {code}.00, then its sub-codes or grouped occupations, then the SOC definition. */
function responsibilitiesOf(code: string, socOccupations: string[], sources: Sources): { responsibilities: string[]; origin: TaskOrigin } {
  const ownTasks = sources.tasksByOnetCode.get(`${code}.00`);
  if (ownTasks) {
    const { tasks, onlyCore } = selectTasks(ownTasks);
    return { responsibilities: tasks.map((task) => task.task), origin: { kind: 'occupation', onlyCore } };
  }
  const relatedTasks = sources.onetCodes
    .filter((onetCode) => socOccupations.includes(onetCode.slice(0, 7)))
    .flatMap((onetCode) => sources.tasksByOnetCode.get(onetCode) ?? []);
  if (relatedTasks.length > 0) {
    const { tasks, onlyCore } = selectTasks(relatedTasks);
    const onetTitles = [...new Set(tasks.map((task) => task.onetTitle))];
    return { responsibilities: tasks.map((task) => task.task), origin: { kind: 'related', onlyCore, onetTitles } };
  }
  const definition = required(sources.socDefinitions.get(code) || undefined, `tasks or a SOC definition for ${code}`);
  return { responsibilities: definitionDuties(definition), origin: { kind: 'definition' } };
}

/** SOC's definition; else O*NET's description of {code}.00 or its first sub-code; else what BLS groups under the title. */
function summaryOf(code: string, socOccupations: string[], sources: Sources) {
  const definition = sources.socDefinitions.get(code);
  if (definition) return { summary: definition, summaryFromOnet: false };
  const onetCode = sources.onetCodes.find((onetCode) => onetCode.startsWith(`${code}.`));
  const onetDescription = onetCode && sources.onetDescriptions.get(onetCode);
  if (onetDescription) return { summary: onetDescription, summaryFromOnet: true };
  const components = socOccupations.map((socCode) => ({ socCode, title: sources.socTitles.get(socCode)! }));
  return { summary: groupSummary(components), summaryFromOnet: false };
}

/** Other names people use: SOC's direct-match titles, once each, without the title itself. */
function alternativeTitlesOf(title: string, socOccupations: string[], sources: Sources) {
  const seen = new Set([title.toLowerCase()]);
  const titles: string[] = [];
  for (const row of socOccupations.flatMap((socCode) => sources.directMatchTitles.get(socCode) ?? [])) {
    // One of SOC's titles ends in a no-break space and a few hold double spaces.
    const alternative = required(row['2018 SOC Direct Match Title'], 'direct-match title').replace(/\s+/g, ' ').trim();
    if (seen.has(alternative.toLowerCase())) continue;
    seen.add(alternative.toLowerCase());
    titles.push(alternative);
  }
  return titles;
}

/** Everything in a row that does not depend on the OEWS release. */
function describeOccupation(code: string, title: string, sources: Sources, oewsCodes: Set<string>): Omit<CatalogueRecord, keyof OewsCells> {
  const socOccupations = socOccupationsOf(code, sources, oewsCodes);
  const category = getCategoryOfSocCode(code);
  const projection = required(sources.projections.get(code), `EP line item for ${code}`);
  const projected = (column: string) => required(projection[column], `EP "${column}" of ${code}`);
  const { summary, summaryFromOnet } = summaryOf(code, socOccupations, sources);
  // BLS's "—" (its summary lines have no typical level) is not known, never a level of its own.
  const education = projected('Typical education needed for entry');
  const { responsibilities, origin } = responsibilitiesOf(code, socOccupations, sources);
  return {
    slug: slugify(title),
    soc_code: code,
    title,
    alternative_titles: JSON.stringify(alternativeTitlesOf(title, socOccupations, sources)),
    category: category.name,
    category_slug: category.slug,
    summary,
    job_openings: thousandsToPeople(projected('Occupational openings, 2024–34 annual average')),
    job_openings_basis: 'projected-per-year',
    currency: 'USD',
    degree_requirement_percent: '',
    entry_education: education === '—' ? '' : education,
    outlook_start_year: '2024',
    outlook_end_year: '2034',
    outlook_start_employment: thousandsToPeople(projected('Employment, 2024')),
    outlook_end_employment: thousandsToPeople(projected('Employment, 2034')),
    outlook_change_percent: publishedPercent(projected('Employment change, percent, 2024–34')),
    responsibilities_intro: responsibilitiesIntro(title, origin),
    responsibilities: JSON.stringify(responsibilities),
    responsibilities_outro: '',
    how_to_become_intro: howToBecomeIntro,
    how_to_become_steps: JSON.stringify(
      howToBecomeSteps({
        education: projected('Typical education needed for entry'),
        experience: projected('Work experience in a related occupation'),
        training: projected('Typical on-the-job training needed to attain competency in the occupation'),
      }),
    ),
    how_to_become_outro: '',
    content_attribution: contentAttribution({ taskOrigin: origin, summaryFromOnet }),
    url: '',
  };
}

/** The catalogue as one release per OEWS year, oldest first; rows in SOC code order. */
export function loadUsOccupationCatalogue(): CatalogueRelease[] {
  const sources = readSources();
  const oewsRows = oewsReleases.map((release) => {
    const detailed = readGzippedCsv(release.fileName).filter((row) => row.O_GROUP === 'detailed');
    return new Map(detailed.map((row) => [row.OCC_CODE!, row]));
  });
  // Titles from the latest release, so a renamed occupation keeps one name and one slug.
  const latest = oewsRows.at(-1)!;
  const codes = [...latest.keys()].sort();
  const oewsCodes = new Set(codes);
  const descriptions = new Map(codes.map((code) => [code, describeOccupation(code, latest.get(code)!.OCC_TITLE!, sources, oewsCodes)]));
  return oewsReleases.map((release, index) => ({
    asOf: release.asOf,
    records: codes.map((code) => ({
      ...descriptions.get(code)!,
      ...oewsCells(required(oewsRows[index]!.get(code), `${code} in OEWS ${release.name}`), release),
    })),
  }));
}
