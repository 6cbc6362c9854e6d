// The catalogue's CSV format: what GET /api/v1/roles.csv exports and what every import reads (the
// default U.S. catalogue, `npm run data:import`, /admin/import). One row per role, these columns,
// in this order. Exporting and importing back changes nothing, so every field an import writes is
// here. Cell rules:
// - empty cell = not known (null); numbers are plain digits (no thousands separators, no "$");
// - list cells (alternative_titles, salary_top_coded, responsibilities, how_to_become_steps) hold
//   JSON arrays;
// - text that a spreadsheet would run as a formula (starting with =, +, - or @) is exported with a
//   leading apostrophe, which an import removes; such a cell without the apostrophe is refused.
import type { PercentileKey } from './role-fields';
import type { RoleValues } from './role-schemas';

export const catalogueColumns = [
  /** The page address, /roles/{slug}: lowercase letters, digits and single hyphens. The row's identity. */
  'slug',
  /** SOC 2018 code, e.g. 15-1252; empty for roles that are not a U.S. occupation. Unique. */
  'soc_code',
  'title',
  /** JSON array of other names the role goes by (SOC direct-match titles): searched, and shown as "Also called". */
  'alternative_titles',
  /** The category's name (informational; an import goes by category_slug). */
  'category',
  'category_slug',
  'summary',
  /** People employed (BLS OEWS TOT_EMP). */
  'employment',
  'job_openings',
  /** `current` (openings now, e.g. the seed page's "1 job opening") or `projected-per-year` (BLS EP annual average openings). */
  'job_openings_basis',
  /** Annual mean wage; empty where none is published. */
  'average_salary',
  /** ISO 4217, e.g. USD. */
  'currency',
  /** Share of openings that require a degree, 0–100; empty where not known. */
  'degree_requirement_percent',
  'salary_p10',
  'salary_p25',
  'salary_median',
  'salary_p75',
  'salary_p90',
  /**
   * JSON array of the percentiles that are BLS's top code (`#`): their cell holds the top code
   * (239200 in May 2024) and the real wage is at least that, e.g. ["p75","p90"]. [] when none.
   */
  'salary_top_coded',
  /** Typical education needed for entry (BLS EP), e.g. "Bachelor's degree". */
  'entry_education',
  /** Employment projection: years, employment at each end (people, not thousands), and BLS's published % change. All or none. */
  'outlook_start_year',
  'outlook_end_year',
  'outlook_start_employment',
  'outlook_end_employment',
  'outlook_change_percent',
  /** The date the figures describe, YYYY-MM-DD (the first of the month for BLS's "May 2024"). */
  'as_of',
  /** Where the figures come from, in words. */
  'source',
  /** A link to the publication (http or https). */
  'source_url',
  /** The salary write-up, with placeholders such as {averageSalary} filled from the figures. */
  'salary_template',
  'responsibilities_intro',
  /** JSON array of strings. */
  'responsibilities',
  'responsibilities_outro',
  'how_to_become_intro',
  /** JSON array of {"heading": …, "body": …}. */
  'how_to_become_steps',
  'how_to_become_outro',
  /** Credit the text's source requires, e.g. O*NET's CC BY 4.0 attribution; empty when none. */
  'content_attribution',
  /** The role page on this site (export only; an import ignores it). */
  'url',
] as const;

export type CatalogueColumn = (typeof catalogueColumns)[number];

/** One row as its cells: the shape a CSV parser with `columns: true` returns. */
export type CatalogueRecord = Record<CatalogueColumn, string>;

// ---- Between roles and records -----------------------------------------------------------------

/** Cells a spreadsheet would run as a formula. Plain numbers (-3.2) are data, not formulas. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** How a cell is written to a file: a formula-looking text gets a leading apostrophe. */
export function guardCell(cell: string) {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** A cell as read from a file: the apostrophe an export added comes off; an unguarded formula is refused. */
export function unguardCell(cell: string): { value: string } | { error: string } {
  if (cell.startsWith("'") && FORMULA_START.test(cell.slice(1))) return { value: cell.slice(1) };
  if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) {
    return { error: 'looks like a spreadsheet formula; start it with an apostrophe if it is text' };
  }
  return { value: cell };
}

const text = (value: string | null) => value ?? '';
const number = (value: number | null) => (value === null ? '' : String(value));

/** A role as one CSV row. */
export function toCatalogueRecord({ content, stats }: RoleValues, { categoryName, url }: { categoryName: string; url: string }): CatalogueRecord {
  const percentile = (key: PercentileKey) => number(stats.percentiles?.[key] ?? null);
  return {
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
  const percentileCells = [numeric('salary_p10'), numeric('salary_p25'), numeric('salary_median'), numeric('salary_p75'), numeric('salary_p90')];
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
      percentiles: percentileCells.every((value) => value === null)
        ? null
        : {
            p10: percentileCells[0] ?? undefined,
            p25: percentileCells[1] ?? undefined,
            median: percentileCells[2] ?? undefined,
            p75: percentileCells[3] ?? undefined,
            p90: percentileCells[4] ?? undefined,
            topCoded: list('salary_top_coded'),
          },
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
