// The admin role form's values: exactly as typed (strings, so a failed save loses nothing), the
// empty form, a saved role as the form shows it, and the list edits (add, remove, move a row) made
// without JavaScript. How a submitted form is read is lib/role-form-submission.ts; which input
// shows a field's error is lib/domain/role-fields.ts, which client code may import.
import { CONTENT_LIMITS, byPercentile, outlookKeys, type OutlookKey, type PercentileKey } from '@/lib/domain/role-fields';
import type { RoleContentInput, RoleStatsInput, RoleValues, statsKeptOnSave } from './role-schemas';

/**
 * A schema's values as typed into the form: every figure, date and choice as text, lists of text
 * as lists, a list's rows field by field.
 */
type AsTyped<Values> = {
  [Key in keyof Values]-?: NonNullable<Values[Key]> extends readonly (infer Item)[] ? (Item extends object ? AsTyped<Item>[] : string[]) : string;
};

/**
 * Everything the role form holds, exactly as typed (strings), so a failed save loses nothing: the
 * shared schemas' content and stats (lib/role-schemas.ts) as typed, but for the fields the form
 * holds in its own way.
 */
export type RoleFormValues = {
  version: string;
  /**
   * The saved values the form was loaded with, as JSON (`formBase`): after a conflict they tell
   * which fields this editor changed. Empty for a new role.
   */
  base: string;
  /** Where changed figures come from (editNote): required when a save changes a figure. */
  editNote: string;
  content: Omit<AsTyped<RoleContentInput>, 'alternativeTitles'> & {
    /** One per line. */
    alternativeTitles: string;
  };
  stats: Omit<AsTyped<RoleStatsInput>, (typeof statsKeptOnSave)[number] | 'percentiles' | 'outlook'> & {
    percentiles: Record<PercentileKey, string>;
    /** The percentile keys ticked as top-coded. */
    topCoded: string[];
    outlook: Record<OutlookKey, string>;
  };
};

const emptyOutlook = { startYear: '', endYear: '', startEmployment: '', endEmployment: '', changePercent: '' };

export const emptyRoleFormValues: RoleFormValues = {
  version: '',
  base: '',
  editNote: '',
  content: {
    title: '',
    slug: '',
    socCode: '',
    alternativeTitles: '',
    categorySlug: '',
    summary: '',
    salaryTemplate: 'The average salary for a {title} is {averageSalary} per year.',
    responsibilitiesIntro: '',
    responsibilities: [''],
    responsibilitiesOutro: '',
    howToBecomeIntro: '',
    howToBecomeSteps: [{ heading: '', body: '' }],
    howToBecomeOutro: '',
    contentAttribution: '',
  },
  stats: {
    employment: '',
    jobOpenings: '',
    jobOpeningsBasis: 'current',
    averageSalary: '',
    currency: 'USD',
    degreeRequirementPercent: '',
    percentiles: { p10: '', p25: '', median: '', p75: '', p90: '' },
    topCoded: [],
    entryEducation: '',
    outlook: emptyOutlook,
    asOf: '',
    source: '',
    sourceUrl: '',
  },
};

/** Saved values as a form's base (RoleFormValues.base). */
export function formBase({ content, stats }: RoleValues) {
  return JSON.stringify({ content, stats });
}

/** A figure as a form shows it: '' when not known. */
function formText(value: number | null) {
  return value === null ? '' : String(value);
}

/** A role's saved values as the form shows them, with those values as its base. */
export function roleToFormValues(role: RoleValues & { version: number }): RoleFormValues {
  const { content, stats } = role;
  return {
    version: String(role.version),
    base: formBase(role),
    // A note belongs to one save: the next change says where its own figures come from.
    editNote: '',
    content: {
      ...content,
      socCode: content.socCode ?? '',
      alternativeTitles: content.alternativeTitles.join('\n'),
      responsibilities: [...content.responsibilities],
      howToBecomeSteps: content.howToBecomeSteps.map((step) => ({ ...step })),
      responsibilitiesOutro: content.responsibilitiesOutro ?? '',
      howToBecomeOutro: content.howToBecomeOutro ?? '',
      contentAttribution: content.contentAttribution ?? '',
    },
    stats: {
      employment: formText(stats.employment),
      jobOpenings: String(stats.jobOpenings),
      jobOpeningsBasis: stats.jobOpeningsBasis,
      averageSalary: formText(stats.averageSalary),
      currency: stats.currency,
      degreeRequirementPercent: formText(stats.degreeRequirementPercent),
      percentiles: byPercentile((key) => formText(stats.percentiles?.[key] ?? null)),
      topCoded: [...(stats.percentiles?.topCoded ?? [])],
      entryEducation: stats.entryEducation ?? '',
      outlook: stats.outlook ? (Object.fromEntries(outlookKeys.map((key) => [key, String(stats.outlook![key])])) as Record<OutlookKey, string>) : emptyOutlook,
      asOf: stats.asOf,
      source: stats.source,
      sourceUrl: stats.sourceUrl ?? '',
    },
  };
}

/** One add/remove/move of a row of the responsibilities or the steps (index counts from 0). */
export type ListEdit = { verb: 'add' | 'remove' | 'move'; list: 'responsibility' | 'step'; index: number; direction: -1 | 1 };

function editList<T>(items: T[], edit: ListEdit, empty: T, limit: number): T[] {
  const next = [...items];
  if (edit.verb === 'add') {
    if (next.length < limit) next.push(empty);
  } else if (edit.index >= 0 && edit.index < next.length) {
    if (edit.verb === 'remove') next.splice(edit.index, 1);
    else {
      const target = edit.index + edit.direction;
      if (target >= 0 && target < next.length) [next[edit.index], next[target]] = [next[target]!, next[edit.index]!];
    }
  }
  return next;
}

/** The form's values after one add/remove/move; everything else stays exactly as typed. */
export function applyListEdit(values: RoleFormValues, edit: ListEdit): RoleFormValues {
  const { content } = values;
  return {
    ...values,
    content:
      edit.list === 'responsibility'
        ? { ...content, responsibilities: editList(content.responsibilities, edit, '', CONTENT_LIMITS.responsibilities) }
        : { ...content, howToBecomeSteps: editList(content.howToBecomeSteps, edit, { heading: '', body: '' }, CONTENT_LIMITS.howToBecomeSteps) },
  };
}
