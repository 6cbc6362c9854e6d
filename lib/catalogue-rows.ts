// A catalogue's rows as roles: each row's cells through fromCatalogueRecord and the role schemas
// (the same rules as the admin form), and what the rows say twice. Rows come from a file
// (lib/catalogue-file.ts, with line numbers) or already as records (the default catalogue).
// Problems name the row and the column as the file does; checks against the database (categories,
// SOC codes of other roles) are db/catalogue-import.ts's.
import { catalogueColumnOf, catalogueColumns, fromCatalogueRecord, type CatalogueRecord } from './catalogue-csv';
import type { CatalogueProblem, CatalogueRow } from './catalogue-file';
import { formatCount, formatList } from '@/lib/domain/format';
import { roleContentSchema, roleStatsSchema, type RoleValues } from './role-schemas';

/** A row that is a valid role: where it came from, and its values in the role schemas' shape. */
export type CatalogueRole = { line?: number; record: number; values: RoleValues };

export type Place = { line?: number; record: number };

/** A row of a partial file: its key (slug or SOC code) and cells, before the role it names is read. */
export type KeyedRow = Place & { key: string; cells: CatalogueRecord };

const columnOrder = (column: string | undefined) => (column === undefined ? -1 : catalogueColumns.indexOf(column as never));

/** By row, then by column in the file's order. */
export function byPlace(first: CatalogueProblem, second: CatalogueProblem) {
  const position = (problem: CatalogueProblem) => problem.line ?? problem.record ?? 0;
  return position(first) - position(second) || columnOrder(first.column) - columnOrder(second.column);
}

/** How many of the other rows with the same value a problem names; the rest are counted. */
const OTHERS_NAMED = 5;

/**
 * Rows that share a value: a problem on each, naming the others (the first few, and how many
 * more: naming all of them on every row would make a file of one repeated value a plan of
 * 10,000 × 10,000 line numbers).
 */
function duplicates(rows: (Place & { value: string })[], column: 'slug' | 'soc_code', what: string): CatalogueProblem[] {
  const byValue = new Map<string, Place[]>();
  for (const row of rows) {
    if (row.value === '') continue;
    const places = byValue.get(row.value);
    if (places) places.push(row);
    else byValue.set(row.value, [row]);
  }
  const placeName = (place: Place) => (place.line !== undefined ? `line ${place.line}` : `record ${place.record}`);
  const problems: CatalogueProblem[] = [];
  for (const [value, places] of byValue) {
    if (places.length < 2) continue;
    for (const place of places) {
      const named = places
        .slice(0, OTHERS_NAMED + 1)
        .filter((other) => other !== place)
        .slice(0, OTHERS_NAMED)
        .map(placeName);
      const more = places.length - 1 - named.length;
      const others = more > 0 ? [...named, `${formatCount(more)} more`] : named;
      problems.push({ ...place, column, message: `${what} ${value} is also on ${formatList(others)}; each role may be in the file once.` });
    }
  }
  return problems;
}

/**
 * The rows that are valid roles, and a problem for everything else: cells that cannot be read,
 * values the role schemas refuse, and slugs or SOC codes given to more than one row (on each of
 * those rows, which are then left out).
 */
export function validateCatalogueRows(rows: CatalogueRow[]): { roles: CatalogueRole[]; problems: CatalogueProblem[] } {
  const places = placesOf(rows);
  const problems: CatalogueProblem[] = [
    ...duplicates(rows.map((row, index) => ({ ...places[index]!, value: row.record.slug.trim() })), 'slug', 'The slug'),
    ...duplicates(rows.map((row, index) => ({ ...places[index]!, value: row.record.soc_code.trim() })), 'soc_code', 'The SOC code'),
  ];
  const duplicated = new Set(problems.map((problem) => problem.record));
  const roles: CatalogueRole[] = [];
  rows.forEach((row, index) => {
    const place = places[index]!;
    const read = validateCatalogueRecord(row.record, place);
    if ('problems' in read) problems.push(...read.problems);
    else if (!duplicated.has(place.record)) roles.push({ ...place, values: read.values });
  });
  return { roles, problems: problems.sort(byPlace) };
}

const placesOf = (rows: CatalogueRow[]): Place[] => rows.map((row, index) => ({ ...(row.line !== undefined ? { line: row.line } : {}), record: index + 1 }));

/** One row's cells as a role, or its problems (cells that cannot be read, values the role schemas refuse). */
export function validateCatalogueRecord(record: CatalogueRecord, place: Place): { values: RoleValues } | { problems: CatalogueProblem[] } {
  const read = fromCatalogueRecord(record);
  if ('errors' in read) return { problems: read.errors.map(({ column, message }) => ({ ...place, column, message })) };
  const content = roleContentSchema.safeParse(read.input.content);
  const stats = roleStatsSchema.safeParse(read.input.stats);
  if (content.success && stats.success) return { values: { content: content.data, stats: stats.data } };
  const issues = [
    ...(content.error?.issues.map((issue) => ({ ...issue, path: ['content', ...issue.path] })) ?? []),
    ...(stats.error?.issues.map((issue) => ({ ...issue, path: ['stats', ...issue.path] })) ?? []),
  ];
  return {
    problems: issues.map((issue) => {
      const where = catalogueColumnOf(issue.path);
      return { ...place, column: where?.column, message: where?.detail ? `${where.detail}: ${issue.message}` : issue.message };
    }),
  };
}

/**
 * The rows of a partial file by their key (slug, or SOC code in a file without slugs): a problem
 * for a row without one and for keys given twice. Their cells are checked once the role they
 * name is read, together with what it holds (db/catalogue-import.ts).
 */
export function keyCatalogueRows(rows: CatalogueRow[], keyColumn: 'slug' | 'soc_code'): { keyed: KeyedRow[]; problems: CatalogueProblem[] } {
  const places = placesOf(rows);
  const what = keyColumn === 'slug' ? 'The slug' : 'The SOC code';
  const problems = duplicates(rows.map((row, index) => ({ ...places[index]!, value: row.record[keyColumn].trim() })), keyColumn, what);
  const duplicated = new Set(problems.map((problem) => problem.record));
  const keyed: KeyedRow[] = [];
  rows.forEach((row, index) => {
    const place = places[index]!;
    const key = row.record[keyColumn].trim();
    if (key === '') problems.push({ ...place, column: keyColumn, message: `Give the role's ${keyColumn === 'slug' ? 'slug' : 'SOC code'}: it says which role the row changes.` });
    else if (!duplicated.has(place.record)) keyed.push({ ...place, key, cells: row.record });
  });
  return { keyed, problems: problems.sort(byPlace) };
}
