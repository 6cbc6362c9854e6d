// Provenance follows the figure: which of a role's figures an editor set by hand (the stats'
// `editedFigures`), how a save decides that, and how a figure's origin is said on the page, the
// widget and the API. A figure nobody edited comes from the stats' `source`. Client-safe, no zod.
import { formatDate } from '@/lib/domain/format';
import { roleFieldLabels } from '@/lib/domain/role-fields';
import type { EditedFigures, RoleStatsInput } from './role-schemas';

/** Who the page and the API credit for an edited figure. */
export const EDITED_SOURCE = 'Roleboard editors';

/**
 * The figures provenance is kept for, each with the stats fields it is made of: changing a field
 * changes the figure (a new currency changes what the salaries mean; a new basis what the openings count).
 */
export const figureFields = {
  averageSalary: ['averageSalary', 'currency'],
  percentiles: ['percentiles', 'currency'],
  hourlyWages: ['hourlyWages'],
  jobOpenings: ['jobOpenings', 'jobOpeningsBasis'],
  employment: ['employment'],
  degreeRequirementPercent: ['degreeRequirementPercent'],
  entryEducation: ['entryEducation'],
  outlook: ['outlook'],
} as const satisfies Record<string, readonly (keyof RoleStatsInput)[]>;

export type FigureKey = keyof typeof figureFields;
export const figureKeys = Object.keys(figureFields) as FigureKey[];

/** Compared as stored (JSON), so equal values written in another key order are equal. */
function sameValue(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The figures whose values differ between two versions of a role's stats. */
export function changedFigures(before: RoleStatsInput, after: RoleStatsInput): FigureKey[] {
  return figureKeys.filter((figure) => figureFields[figure].some((field) => !sameValue(before[field], after[field])));
}

/**
 * The edited figures after a save: each figure that changed is stamped with the save's time and
 * the editor's note; the others keep the entry they had (or none).
 */
export function stampEditedFigures({
  before,
  after,
  note,
  editedAt,
}: {
  before: RoleStatsInput;
  after: RoleStatsInput;
  note: string;
  editedAt: string;
}): EditedFigures {
  const stamped: EditedFigures = { ...before.editedFigures };
  for (const figure of changedFigures(before, after)) stamped[figure] = { editedAt, note };
  return stamped;
}

export type FigureEdit = EditedFigures[string];

/** The edit behind a figure, or null when the figure is the source's. */
export function editOf(stats: Pick<RoleStatsInput, 'editedFigures'>, figure: FigureKey): FigureEdit | null {
  return stats.editedFigures[figure] ?? null;
}

/**
 * "Edited by Roleboard on December 6, 2026: Union pay scale 2026", or with the figure named where
 * several share a place ("Average salary edited by Roleboard on …"). The note is plain text: pages
 * render it as text, never as markup.
 */
export function describeEdit(edit: FigureEdit, { figure }: { figure?: FigureKey } = {}) {
  const when = `${figure ? roleFieldLabels[figure] + ' edited' : 'Edited'} by Roleboard on ${formatDate(edit.editedAt)}`;
  return edit.note ? `${when}: ${edit.note}` : when;
}

/** Where one figure comes from, as the API publishes it (lib/api/schemas.ts FigureProvenance). */
export type FigureProvenance = { source: string; url: string | null; asOf: string; editedAt: string | null; note: string | null };

export function provenanceOf(stats: Pick<RoleStatsInput, 'editedFigures' | 'source' | 'sourceUrl' | 'asOf'>, figure: FigureKey): FigureProvenance {
  const edit = editOf(stats, figure);
  return edit
    ? { source: EDITED_SOURCE, url: null, asOf: edit.editedAt.slice(0, 10), editedAt: edit.editedAt, note: edit.note || null }
    : { source: stats.source, url: stats.sourceUrl, asOf: stats.asOf, editedAt: null, note: null };
}

/** The figures a state's page, card or comparison shows as BLS's state estimates instead of the national ones. */
export const stateFigureKeys = ['averageSalary', 'percentiles', 'employment'] as const satisfies readonly FigureKey[];

/** The edits that still apply where the state figures replace the national ones: a national edit says nothing of a state's figure. */
export function editsOutsideStateFigures(editedFigures: EditedFigures): EditedFigures {
  return Object.fromEntries(Object.entries(editedFigures).filter(([figure]) => !(stateFigureKeys as readonly string[]).includes(figure)));
}

/** Whether any figure on a role was edited (the source line then says "except where marked"). */
export function hasEditedFigures(stats: Pick<RoleStatsInput, 'editedFigures'>) {
  return figureKeys.some((figure) => stats.editedFigures[figure] !== undefined);
}
