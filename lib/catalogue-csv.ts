// The catalogue's CSV format: what GET /api/v1/roles.csv exports and what every import reads (the
// default U.S. catalogue, `npm run data:import`, /admin/import). One row per role, these columns,
// in this order. Exporting and importing back changes nothing, so every field an import writes is
// here. Cell rules:
// - empty cell = not known (null); numbers are plain digits (no thousands separators, no "$");
// - list cells (alternative_titles, salary_top_coded, hourly_top_coded, responsibilities, how_to_become_steps) hold
//   JSON arrays;
// - text that a spreadsheet would run as a formula (starting with =, +, - or @) is exported with a
//   leading apostrophe, which an import removes; such a cell without the apostrophe is refused.
// - files are UTF-8 (a BOM is fine), records end in CRLF (LF is fine too), RFC 4180 quoting.
import { stringify } from 'csv-stringify/sync';
import type { PercentileKey } from '@/lib/domain/role-fields';
import type { RoleContentInput, RoleStatsInput, RoleValues } from './role-schemas';

/** The five salary percentiles' columns, lowest first: the catalogue and the state export both have them. */
export const salaryPercentileColumns = ['salary_p10', 'salary_p25', 'salary_median', 'salary_p75', 'salary_p90'] as const;

/** The hourly mean and percentiles, written together (one field, hourlyWages). */
const hourlyWageColumns = ['hourly_mean', 'hourly_p10', 'hourly_p25', 'hourly_median', 'hourly_p75', 'hourly_p90'] as const;

export const catalogueColumns = [
  'slug',
  'soc_code',
  'title',
  'alternative_titles',
  'category',
  'category_slug',
  'summary',
  'employment',
  'job_openings',
  'job_openings_basis',
  'average_salary',
  'currency',
  'degree_requirement_percent',
  ...salaryPercentileColumns,
  'salary_top_coded',
  ...hourlyWageColumns,
  'hourly_top_coded',
  'entry_education',
  'outlook_start_year',
  'outlook_end_year',
  'outlook_start_employment',
  'outlook_end_employment',
  'outlook_change_percent',
  'as_of',
  'source',
  'source_url',
  'salary_template',
  'responsibilities_intro',
  'responsibilities',
  'responsibilities_outro',
  'how_to_become_intro',
  'how_to_become_steps',
  'how_to_become_outro',
  'content_attribution',
  'url',
] as const;

export type CatalogueColumn = (typeof catalogueColumns)[number];

/**
 * Which role a row is: its slug, or its SOC code in a file without a slug column. A file may give
 * the key and any of the other columns (a partial file): each row then changes only those.
 */
export const catalogueKeyColumns = ['slug', 'soc_code'] as const satisfies readonly CatalogueColumn[];

/** Columns that say nothing to an import: the category's name (it goes by category_slug) and the page link. */
export const informationalColumns: readonly CatalogueColumn[] = ['category', 'url'];

/**
 * Columns that only mean something together: a file gives all of a group's `columns` or none of
 * them, and its `optional` ones only with them (a top code without the percentiles it marks).
 */
export const catalogueColumnGroups: { name: string; columns: readonly CatalogueColumn[]; optional: readonly CatalogueColumn[] }[] = [
  { name: 'The salary percentiles', columns: salaryPercentileColumns, optional: ['salary_top_coded'] },
  { name: 'The hourly wages', columns: hourlyWageColumns, optional: ['hourly_top_coded'] },
  {
    name: 'The outlook columns',
    columns: ['outlook_start_year', 'outlook_end_year', 'outlook_start_employment', 'outlook_end_employment', 'outlook_change_percent'],
    optional: [],
  },
];

/** What each column holds, for people: the developers page documents the format with these. */
export const catalogueColumnDescriptions: Record<CatalogueColumn, string> = {
  slug: 'The role page\'s address, /roles/{slug}: lowercase letters, digits and single hyphens. The row\'s identity: an import matches roles by it.',
  soc_code: 'SOC 2018 code, e.g. 15-1252; empty for roles that are not a U.S. occupation. Unique. In a file without a slug column, the row\'s identity instead.',
  title: 'The role\'s name.',
  alternative_titles: 'JSON array of other names the role goes by (SOC direct-match titles): searched, and shown as "Also called".',
  category: 'The category\'s name (informational; an import goes by category_slug).',
  category_slug: 'One of the categories, e.g. computer-and-mathematical.',
  summary: 'What the role is, in a paragraph.',
  employment: 'People employed (BLS OEWS TOT_EMP); empty where not known.',
  job_openings: 'Job openings: now, or projected a year (see job_openings_basis).',
  job_openings_basis: 'current (openings now, e.g. the seed page\'s "1 job opening") or projected-per-year (BLS EP annual average openings).',
  average_salary: 'Annual mean wage; empty where none is published.',
  currency: 'ISO 4217, e.g. USD.',
  degree_requirement_percent: 'Share of openings that require a degree, 0–100; empty where not known.',
  salary_p10: '10th percentile annual wage; the five percentiles are all given or all empty, and a file has all five columns or none.',
  salary_p25: '25th percentile annual wage.',
  salary_median: 'Median annual wage.',
  salary_p75: '75th percentile annual wage.',
  salary_p90: '90th percentile annual wage.',
  salary_top_coded: 'JSON array of the percentiles that are BLS\'s top code (#): their cell holds the top code (239200 in May 2024) and the real wage is at least that, e.g. ["p75","p90"]. [] when none. Only in a file with the five percentile columns; without this column, none is top-coded.',
  hourly_mean: 'Mean hourly wage in dollars and cents, e.g. 44.40; empty where none is published. The only wage BLS publishes for occupations paid by the hour (actors, dancers, …).',
  hourly_p10: '10th percentile hourly wage; the five hourly percentiles are all given or all empty.',
  hourly_p25: '25th percentile hourly wage.',
  hourly_median: 'Median hourly wage.',
  hourly_p75: '75th percentile hourly wage.',
  hourly_p90: '90th percentile hourly wage.',
  hourly_top_coded: 'JSON array of the hourly percentiles that are BLS\'s hourly top code (#): their cell holds the top code (115 in May 2024) and the real wage is at least that. [] when none.',
  entry_education: 'Typical education needed for entry (BLS EP), e.g. "Bachelor\'s degree".',
  outlook_start_year: 'Employment projection: its first year. The five outlook cells are all given or all empty, and a file has all five columns or none.',
  outlook_end_year: 'Employment projection: its last year.',
  outlook_start_employment: 'Employment in the first year (people, not thousands).',
  outlook_end_employment: 'Projected employment in the last year (people).',
  outlook_change_percent: 'BLS\'s published % change over the projection.',
  as_of: 'The date the figures describe, YYYY-MM-DD (the first of the month for BLS\'s "May 2024").',
  source: 'Where the figures come from, in words.',
  source_url: 'A link to the publication (http or https).',
  salary_template: 'The salary write-up, with placeholders such as {averageSalary} filled from the figures.',
  responsibilities_intro: 'The sentence before the responsibilities.',
  responsibilities: 'JSON array of strings.',
  responsibilities_outro: 'The text after the responsibilities; may be empty.',
  how_to_become_intro: 'The sentence before the steps.',
  how_to_become_steps: 'JSON array of {"heading": …, "body": …}.',
  how_to_become_outro: 'The text after the steps; may be empty.',
  content_attribution: 'Credit the text\'s source requires, e.g. O*NET\'s CC BY 4.0 attribution; empty when none.',
  url: 'The role page on this site (export only; an import ignores it).',
};

/**
 * One row as its cells, exactly as a file holds them (formula-looking text guarded): the shape a
 * CSV parser with `columns: true` returns, and what toCatalogueRecord makes.
 */
export type CatalogueRecord = Record<CatalogueColumn, string>;

// ---- Between roles and records -----------------------------------------------------------------

/** Cells a spreadsheet would run as a formula. Plain numbers (-3.2) are data, not formulas. */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Cells an import reads with one apostrophe less: a guarded formula ('=x), and text that itself
 * starts with apostrophes before a formula character (''=x is the guarded form of '=x). Without
 * the second kind, a text starting with '= would lose its apostrophe on the way back.
 */
const GUARDED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** How a cell is written to a file: a formula-looking text (or one that would read as guarded) gets a leading apostrophe. */
export function guardCell(cell: string) {
  return (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) || GUARDED.test(cell) ? `'${cell}` : cell;
}

/** A cell as read from a file: the apostrophe an export added comes off; an unguarded formula is refused. */
export function unguardCell(cell: string): { value: string } | { error: string } {
  if (GUARDED.test(cell)) return { value: cell.slice(1) };
  if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) {
    return { error: 'looks like a spreadsheet formula; start it with an apostrophe if it is text' };
  }
  return { value: cell };
}

/**
 * Rows of cells as CSV text (RFC 4180, CRLF). The cells are written as given: records come guarded.
 * A cell with a line break is always quoted: csv-stringify quotes only the record delimiter (CRLF),
 * and a bare LF left unquoted breaks the row in spreadsheets, and in any tool that turns CRLF into LF.
 */
export function catalogueCsvLines(rows: string[][]) {
  return stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** The header line every catalogue file starts with. */
export function catalogueCsvHeader() {
  return catalogueCsvLines([[...catalogueColumns]]);
}

/** Records as CSV lines, their cells in the catalogue's column order. */
export function catalogueCsvRecords(records: CatalogueRecord[]) {
  return catalogueCsvLines(records.map((record) => catalogueColumns.map((column) => record[column])));
}

const text = (value: string | null) => value ?? '';
const number = (value: number | null) => (value === null ? '' : String(value));

/** A role as one CSV row, its cells guarded as a file holds them, so fromCatalogueRecord reads it back as it was. */
export function toCatalogueRecord({ content, stats }: RoleValues, { categoryName, url }: { categoryName: string; url: string }): CatalogueRecord {
  const percentile = (key: PercentileKey) => number(stats.percentiles?.[key] ?? null);
  const hourlyPercentile = (key: PercentileKey) => number(stats.hourlyWages?.percentiles?.[key] ?? null);
  const cells: CatalogueRecord = {
    slug: content.slug,
    soc_code: text(content.socCode),
    title: content.title,
    alternative_titles: JSON.stringify(content.alternativeTitles),
    category: categoryName,
    category_slug: content.categorySlug,
    summary: content.summary,
    employment: number(stats.employment),
    job_openings: number(stats.jobOpenings),
    job_openings_basis: stats.jobOpeningsBasis,
    average_salary: number(stats.averageSalary),
    currency: stats.currency,
    degree_requirement_percent: number(stats.degreeRequirementPercent),
    salary_p10: percentile('p10'),
    salary_p25: percentile('p25'),
    salary_median: percentile('median'),
    salary_p75: percentile('p75'),
    salary_p90: percentile('p90'),
    salary_top_coded: JSON.stringify(stats.percentiles?.topCoded ?? []),
    hourly_mean: number(stats.hourlyWages?.mean ?? null),
    hourly_p10: hourlyPercentile('p10'),
    hourly_p25: hourlyPercentile('p25'),
    hourly_median: hourlyPercentile('median'),
    hourly_p75: hourlyPercentile('p75'),
    hourly_p90: hourlyPercentile('p90'),
    hourly_top_coded: JSON.stringify(stats.hourlyWages?.percentiles?.topCoded ?? []),
    entry_education: text(stats.entryEducation),
    outlook_start_year: number(stats.outlook?.startYear ?? null),
    outlook_end_year: number(stats.outlook?.endYear ?? null),
    outlook_start_employment: number(stats.outlook?.startEmployment ?? null),
    outlook_end_employment: number(stats.outlook?.endEmployment ?? null),
    outlook_change_percent: number(stats.outlook?.changePercent ?? null),
    as_of: stats.asOf,
    source: stats.source,
    source_url: text(stats.sourceUrl),
    salary_template: content.salaryTemplate,
    responsibilities_intro: content.responsibilitiesIntro,
    responsibilities: JSON.stringify(content.responsibilities),
    responsibilities_outro: text(content.responsibilitiesOutro),
    how_to_become_intro: content.howToBecomeIntro,
    how_to_become_steps: JSON.stringify(content.howToBecomeSteps),
    how_to_become_outro: text(content.howToBecomeOutro),
    content_attribution: text(content.contentAttribution),
    url,
  };
  return Object.fromEntries(catalogueColumns.map((column) => [column, guardCell(cells[column])])) as CatalogueRecord;
}

export type CellError = { column: CatalogueColumn; message: string };

/**
 * A row's cells as the input the role schemas validate (lib/role-schemas.ts), or the cells that
 * could not even be read (a formula, a list that is not JSON). Numbers stay text unless they are
 * plainly numbers, so the schemas can say "Enter a number" about them.
 */
export function fromCatalogueRecord(record: CatalogueRecord): { input: { content: unknown; stats: unknown } } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (column: CatalogueColumn) => {
    const read = unguardCell(record[column] ?? '');
    if ('error' in read) {
      errors.push({ column, message: read.error });
      return '';
    }
    return read.value;
  };
  const optional = (column: CatalogueColumn) => cell(column) || null;
  const numeric = (column: CatalogueColumn) => {
    const value = cell(column).trim();
    return value === '' ? null : PLAIN_NUMBER.test(value) ? Number(value) : value;
  };
  const list = (column: CatalogueColumn) => {
    const value = cell(column).trim();
    if (value === '') return [];
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Reported below.
    }
    errors.push({ column, message: 'must be a JSON array, e.g. ["one","two"]' });
    return [];
  };
  // A top code says something about percentiles; without them it would silently be dropped.
  const noTopCodeWithoutPercentiles = (column: 'salary_top_coded' | 'hourly_top_coded') => {
    if (list(column).length > 0) errors.push({ column, message: 'must be [] when the five percentiles are empty' });
    return null;
  };
  /** The five percentile cells of a group (salary_ or hourly_) and its top codes, or null when all five are empty. */
  const percentilesOf = (prefix: 'salary' | 'hourly') => {
    const cells = [numeric(`${prefix}_p10`), numeric(`${prefix}_p25`), numeric(`${prefix}_median`), numeric(`${prefix}_p75`), numeric(`${prefix}_p90`)];
    if (cells.every((value) => value === null)) return noTopCodeWithoutPercentiles(`${prefix}_top_coded`);
    const [p10, p25, median, p75, p90] = cells.map((value) => value ?? undefined);
    return { p10, p25, median, p75, p90, topCoded: list(`${prefix}_top_coded`) };
  };
  const outlookCells = [
    numeric('outlook_start_year'),
    numeric('outlook_end_year'),
    numeric('outlook_start_employment'),
    numeric('outlook_end_employment'),
    numeric('outlook_change_percent'),
  ];
  const input = {
    content: {
      title: cell('title'),
      slug: cell('slug'),
      socCode: optional('soc_code'),
      alternativeTitles: list('alternative_titles'),
      categorySlug: cell('category_slug'),
      summary: cell('summary'),
      salaryTemplate: cell('salary_template'),
      responsibilitiesIntro: cell('responsibilities_intro'),
      responsibilities: list('responsibilities'),
      responsibilitiesOutro: optional('responsibilities_outro'),
      howToBecomeIntro: cell('how_to_become_intro'),
      howToBecomeSteps: list('how_to_become_steps'),
      howToBecomeOutro: optional('how_to_become_outro'),
      contentAttribution: optional('content_attribution'),
    },
    stats: {
      employment: numeric('employment'),
      jobOpenings: numeric('job_openings') ?? undefined,
      jobOpeningsBasis: cell('job_openings_basis') || undefined,
      averageSalary: numeric('average_salary'),
      currency: cell('currency') || undefined,
      degreeRequirementPercent: numeric('degree_requirement_percent'),
      percentiles: percentilesOf('salary'),
      hourlyWages: { mean: numeric('hourly_mean'), percentiles: percentilesOf('hourly') },
      entryEducation: optional('entry_education'),
      outlook: outlookCells.every((value) => value === null)
        ? null
        : {
            startYear: outlookCells[0] ?? undefined,
            endYear: outlookCells[1] ?? undefined,
            startEmployment: outlookCells[2] ?? undefined,
            endEmployment: outlookCells[3] ?? undefined,
            changePercent: outlookCells[4] ?? undefined,
          },
      asOf: cell('as_of'),
      source: cell('source'),
      sourceUrl: optional('source_url'),
    },
  };
  return errors.length > 0 ? { errors } : { input };
}

// ---- Where a role's fields are in a row ---------------------------------------------------------

const contentColumns: Record<keyof RoleContentInput, CatalogueColumn> = {
  title: 'title',
  slug: 'slug',
  socCode: 'soc_code',
  alternativeTitles: 'alternative_titles',
  categorySlug: 'category_slug',
  summary: 'summary',
  salaryTemplate: 'salary_template',
  responsibilitiesIntro: 'responsibilities_intro',
  responsibilities: 'responsibilities',
  responsibilitiesOutro: 'responsibilities_outro',
  howToBecomeIntro: 'how_to_become_intro',
  howToBecomeSteps: 'how_to_become_steps',
  howToBecomeOutro: 'how_to_become_outro',
  contentAttribution: 'content_attribution',
};

const statsColumns: Record<Exclude<keyof RoleStatsInput, 'percentiles' | 'outlook' | 'hourlyWages' | 'editedFigures'>, CatalogueColumn> = {
  employment: 'employment',
  jobOpenings: 'job_openings',
  jobOpeningsBasis: 'job_openings_basis',
  averageSalary: 'average_salary',
  currency: 'currency',
  degreeRequirementPercent: 'degree_requirement_percent',
  entryEducation: 'entry_education',
  asOf: 'as_of',
  source: 'source',
  sourceUrl: 'source_url',
};

const percentileColumns: Record<PercentileKey | 'topCoded', CatalogueColumn> = {
  p10: 'salary_p10',
  p25: 'salary_p25',
  median: 'salary_median',
  p75: 'salary_p75',
  p90: 'salary_p90',
  topCoded: 'salary_top_coded',
};

const hourlyColumns: Record<PercentileKey | 'topCoded' | 'mean', CatalogueColumn> = {
  mean: 'hourly_mean',
  p10: 'hourly_p10',
  p25: 'hourly_p25',
  median: 'hourly_median',
  p75: 'hourly_p75',
  p90: 'hourly_p90',
  topCoded: 'hourly_top_coded',
};

const outlookColumns: Record<string, CatalogueColumn> = {
  startYear: 'outlook_start_year',
  endYear: 'outlook_end_year',
  startEmployment: 'outlook_start_employment',
  endEmployment: 'outlook_end_employment',
  changePercent: 'outlook_change_percent',
};

/**
 * The column a schema issue is about, so an error names what the file calls it: `content.title`
 * is `title`, `stats.percentiles.p75` is `salary_p75`, `content.howToBecomeSteps.2.heading` is
 * `how_to_become_steps` with "step 3 heading". Null for a path the format does not know.
 */
export function catalogueColumnOf(path: readonly PropertyKey[]): { column: CatalogueColumn; detail?: string } | null {
  const [part, field, next, leaf] = path;
  if (part === 'content' && typeof field === 'string' && field in contentColumns) {
    const column = contentColumns[field as keyof RoleContentInput];
    if (typeof next !== 'number') return { column };
    const item = field === 'howToBecomeSteps' ? 'step' : 'item';
    return { column, detail: `${item} ${next + 1}${typeof leaf === 'string' ? ` ${leaf}` : ''}` };
  }
  if (part !== 'stats' || typeof field !== 'string') return null;
  if (field in statsColumns) return { column: statsColumns[field as keyof typeof statsColumns] };
  if (field === 'percentiles') return { column: percentileColumns[(typeof next === 'string' && next in percentileColumns ? next : 'p10') as PercentileKey] };
  if (field === 'hourlyWages') {
    // stats.hourlyWages.mean, or stats.hourlyWages.percentiles.p25 (a percentiles-wide issue: the first one).
    const key = next === 'percentiles' ? (typeof leaf === 'string' && leaf in hourlyColumns ? leaf : 'p10') : 'mean';
    return { column: hourlyColumns[key as keyof typeof hourlyColumns] };
  }
  if (field === 'outlook') return { column: outlookColumns[typeof next === 'string' && next in outlookColumns ? next : 'startYear']! };
  return null;
}

/**
 * The role fields (content and stats, lib/role-schemas.ts's names) that these columns fill: what a
 * row of a file with these columns changes. A group's columns fill one field (`percentiles`,
 * `outlook`); fields no column fills (editedFigures, …) an import never gives.
 */
export function fieldsGivenBy(columns: readonly CatalogueColumn[]): Set<string> {
  const given = new Set(columns);
  const fields = new Set<string>();
  for (const [field, column] of [...Object.entries(contentColumns), ...Object.entries(statsColumns)]) if (given.has(column)) fields.add(field);
  if (Object.values(percentileColumns).some((column) => given.has(column))) fields.add('percentiles');
  if (Object.values(outlookColumns).some((column) => given.has(column))) fields.add('outlook');
  if (Object.values(hourlyColumns).some((column) => given.has(column))) fields.add('hourlyWages');
  return fields;
}
