// A catalogue's rows as roles: each row's cells through fromCatalogueRecord and the role schemas
// (the same rules as the admin form), and what the rows say twice. Rows come from a file
// (lib/catalogue-file.ts, with line numbers) or already as records (the default catalogue).
// Problems name the row and the column as the file does; checks against the database (categories,
// SOC codes of other roles) are db/catalogue-import.ts's.
import { catalogueColumnOf, catalogueColumns, fromCatalogueRecord } from './catalogue-csv';
import type { CatalogueProblem, CatalogueRow } from './catalogue-file';
import { formatCount, formatList } from './format';
import { roleContentSchema, roleStatsSchema, type RoleValues } from './role-schemas';

/** A row that is a valid role: where it came from, and its values in the role schemas' shape. */
export type CatalogueRole = { line?: number; record: number; values: RoleValues };

type Place = { line?: number; record: number };

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
  const places: Place[] = rows.map((row, index) => ({ ...(row.line !== undefined ? { line: row.line } : {}), record: index + 1 }));
  const problems: CatalogueProblem[] = [
    ...duplicates(rows.map((row, index) => ({ ...places[index]!, value: row.record.slug.trim() })), 'slug', 'The slug'),
    ...duplicates(rows.map((row, index) => ({ ...places[index]!, value: row.record.soc_code.trim() })), 'soc_code', 'The SOC code'),
  ];
  const duplicated = new Set(problems.map((problem) => problem.record));
  const roles: CatalogueRole[] = [];
  rows.forEach((row, index) => {
    const place = places[index]!;
    const read = fromCatalogueRecord(row.record);
    if ('errors' in read) {
      problems.push(...read.errors.map(({ column, message }) => ({ ...place, column, message })));
      return;
    }
    const content = roleContentSchema.safeParse(read.input.content);
    const stats = roleStatsSchema.safeParse(read.input.stats);
    const issues = [
      ...(content.error?.issues.map((issue) => ({ ...issue, path: ['content', ...issue.path] })) ?? []),
      ...(stats.error?.issues.map((issue) => ({ ...issue, path: ['stats', ...issue.path] })) ?? []),
    ];
    for (const issue of issues) {
      const where = catalogueColumnOf(issue.path);
      problems.push({ ...place, column: where?.column, message: where?.detail ? `${where.detail}: ${issue.message}` : issue.message });
    }
    if (content.success && stats.success && !duplicated.has(place.record)) roles.push({ ...place, values: { content: content.data, stats: stats.data } });
  });
  return { roles, problems: problems.sort(byPlace) };
}
