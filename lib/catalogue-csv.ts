// The catalogue's CSV format: what GET /api/v1/roles.csv exports and what every import reads (the
// default U.S. catalogue, `npm run data:import`, /admin/import). One row per role, these columns,
// in this order. Exporting and importing back changes nothing, so every field an import writes is
// here. Cell rules:
// - empty cell = not known (null); numbers are plain digits (no thousands separators, no "$");
// - list cells (alternative_titles, salary_top_coded, responsibilities, how_to_become_steps) hold
//   JSON arrays;
// - text that a spreadsheet would run as a formula (starting with =, +, - or @) is exported with a
//   leading apostrophe, which an import removes; such a cell without the apostrophe is refused.

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
