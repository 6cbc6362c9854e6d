// The rows of an import preview (/admin/import/[id]): every row of the file once, in file order,
// as new, changed, edited (changed, but an editor changed the role since its last import),
// unchanged or invalid, with its problems. Pure, so the page only renders.
import { fieldChangesOf, isHeldBack, type ImportCounts, type ImportPlan, type PlannedRole } from './catalogue-import';
import type { CatalogueUploadOutcome } from './schema';
import { formatCount } from '@/lib/domain/format';
import type { CatalogueProblem } from '@/lib/catalogue-file';

export const previewFilters = ['all', 'new', 'changed', 'edited', 'unchanged', 'invalid'] as const;
export type PreviewFilter = (typeof previewFilters)[number];

export const PREVIEW_PAGE_SIZE = 100;

export type PreviewRow =
  | { kind: 'role'; place: number; role: PlannedRole; status: Exclude<PreviewFilter, 'all' | 'invalid'> }
  | { kind: 'invalid'; place: number; label: RowLabel | null; problems: CatalogueProblem[] };

/** What an invalid row says it is, as far as its cells tell. */
export type RowLabel = { slug: string; title: string };

/** Where a row is: its line in the file, or its record number for rows without lines. */
export const placeOf = (item: { line?: number; record?: number }) => item.line ?? item.record ?? 0;

/** A problem of the file as a whole: its size, encoding or header (line 1), not of one row. */
export const isFileProblem = (problem: CatalogueProblem) => (problem.line === undefined && problem.record === undefined) || problem.line === 1;

function statusOf(role: PlannedRole, overwriteEdited: boolean): Exclude<PreviewFilter, 'all' | 'invalid'> {
  if (role.kind !== 'changed') return role.kind;
  return isHeldBack(role) && !overwriteEdited ? 'edited' : 'changed';
}

/**
 * Whether applying would write nothing (not when the file has problems, which the page explains
 * instead). The server refuses such an apply (db/catalogue-uploads.ts).
 */
export function appliesNothing(plan: ImportPlan, overwriteEdited: boolean) {
  const { counts } = plan;
  return plan.problems.length === 0 && counts.new + counts.changed === 0 && !(overwriteEdited && counts.edited > 0);
}

/** Why applying a plan would change nothing (appliesNothing): only edited roles, or nothing new. */
export function nothingToApplyReason(counts: ImportCounts): string {
  if (counts.edited > 0) {
    const rows = counts.edited + counts.unchanged;
    const which =
      rows === 1
        ? 'the only row is a role editors have changed'
        : counts.unchanged === 0
          ? `every row is a role editors have changed`
          : `the ${formatCount(counts.edited)} ${counts.edited === 1 ? 'row that would change is a role' : 'rows that would change are roles'} editors have changed (the other ${formatCount(counts.unchanged)} match what is already published)`;
    return `Nothing to apply: ${which}. Tick “Overwrite edited roles” to replace ${counts.edited === 1 ? 'it' : 'them'}.`;
  }
  return counts.unchanged === 0 ? 'Nothing to apply: the file has no rows.' : 'Nothing to apply: every row matches what is already published.';
}

/**
 * What the rows that would be written change, field by field, with how many roles each: the
 * preview's "3 roles: average salary" (new roles are counted apart: every field of theirs is new).
 */
export function changedFieldCounts(plan: ImportPlan): { field: string; roles: number }[] {
  const counts = new Map<string, number>();
  for (const role of plan.roles) {
    if (role.kind !== 'changed' || (isHeldBack(role) && !plan.overwriteEdited)) continue;
    for (const field of Object.keys(fieldChangesOf(role).after)) if (field !== 'editedFigures') counts.set(field, (counts.get(field) ?? 0) + 1);
  }
  return [...counts].map(([field, roles]) => ({ field, roles }));
}

/** The file's rows in order; problems of the whole file are left to the page's summary. */
export function previewRows(plan: ImportPlan, labels: Map<number, RowLabel>): PreviewRow[] {
  const problemsByPlace = new Map<number, CatalogueProblem[]>();
  for (const problem of plan.problems) {
    if (isFileProblem(problem)) continue;
    const place = placeOf(problem);
    problemsByPlace.set(place, [...(problemsByPlace.get(place) ?? []), problem]);
  }
  const rows: PreviewRow[] = plan.roles.map((role) => ({ kind: 'role', place: placeOf(role), role, status: statusOf(role, plan.overwriteEdited) }));
  for (const [place, problems] of problemsByPlace) rows.push({ kind: 'invalid', place, label: labels.get(place) ?? null, problems });
  return rows.sort((first, second) => first.place - second.place);
}

export function rowFilter(row: PreviewRow): Exclude<PreviewFilter, 'all'> {
  return row.kind === 'invalid' ? 'invalid' : row.status;
}

/** One page of the rows that pass the filter, and how many pages there are. */
export function pageOfRows(rows: PreviewRow[], filter: PreviewFilter, page: number) {
  const matching = filter === 'all' ? rows : rows.filter((row) => rowFilter(row) === filter);
  const pageCount = Math.max(1, Math.ceil(matching.length / PREVIEW_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: matching.slice((current - 1) * PREVIEW_PAGE_SIZE, current * PREVIEW_PAGE_SIZE), page: current, pageCount, total: matching.length };
}

/** What an applied import did, in a few words: "1 new, 3 updated, 2 edited roles left alone". */
export function describeOutcome({ created, updated, leftAlone }: CatalogueUploadOutcome) {
  const parts = [
    created > 0 ? `${formatCount(created)} new` : null,
    updated > 0 ? `${formatCount(updated)} updated` : null,
    leftAlone > 0 ? `${formatCount(leftAlone)} edited ${leftAlone === 1 ? 'role' : 'roles'} left alone` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing changed';
}
