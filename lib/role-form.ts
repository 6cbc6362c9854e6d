// The admin role form: its values exactly as typed (strings, so a failed save loses nothing), how
// FormData becomes them, how they become the shared schemas' numbers (without rounding or
// guessing), which button sent the form, and the list edits that work without JavaScript.
// (Which input shows a field's error is in lib/domain/role-fields.ts, which client code may import.)
import { z } from 'zod';
import { byPercentile, CONTENT_LIMITS, outlookKeys, percentileKeys, type OutlookKey, type PercentileKey } from '@/lib/domain/role-fields';
import { editNoteSchema, roleContentKeys, roleContentSchema, roleStatsKeys, roleStatsSchema, type RoleValues } from './role-schemas';
import { slugFormatSchema } from './slug';

/** Everything the role form holds, exactly as typed (strings), so a failed save loses nothing. */
export type RoleFormValues = {
  version: string;
  /**
   * The saved values the form was loaded with, as JSON (`formBase`): after a conflict they tell
   * which fields this editor changed. Empty for a new role.
   */
  base: string;
  /** Where changed figures come from (editNote): required when a save changes a figure. */
  editNote: string;
  content: {
    title: string;
    slug: string;
    socCode: string;
    /** One per line. */
    alternativeTitles: string;
    categorySlug: string;
    summary: string;
    salaryTemplate: string;
    responsibilitiesIntro: string;
    responsibilities: string[];
    responsibilitiesOutro: string;
    howToBecomeIntro: string;
    howToBecomeSteps: { heading: string; body: string }[];
    howToBecomeOutro: string;
    contentAttribution: string;
  };
  stats: {
    employment: string;
    jobOpenings: string;
    jobOpeningsBasis: string;
    averageSalary: string;
    currency: string;
    degreeRequirementPercent: string;
    percentiles: Record<PercentileKey, string>;
    /** The percentile keys ticked as top-coded. */
    topCoded: string[];
    entryEducation: string;
    outlook: Record<OutlookKey, string>;
    asOf: string;
    source: string;
    sourceUrl: string;
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

/** The role form's FormData as values: repeated `responsibilities` and `stepHeading`/`stepBody` become lists. */
export function formDataToRoleFormValues(formData: FormData): RoleFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const texts = (name: string) => formData.getAll(name).map((value) => (typeof value === 'string' ? value : ''));
  const headings = texts('stepHeading');
  const bodies = texts('stepBody');
  return {
    version: text('version'),
    base: text('base'),
    editNote: text('editNote'),
    content: {
      title: text('title'),
      slug: text('slug'),
      socCode: text('socCode'),
      alternativeTitles: text('alternativeTitles'),
      categorySlug: text('categorySlug'),
      summary: text('summary'),
      salaryTemplate: text('salaryTemplate'),
      responsibilitiesIntro: text('responsibilitiesIntro'),
      responsibilities: texts('responsibilities'),
      responsibilitiesOutro: text('responsibilitiesOutro'),
      howToBecomeIntro: text('howToBecomeIntro'),
      howToBecomeSteps: Array.from({ length: Math.max(headings.length, bodies.length) }, (_, index) => ({
        heading: headings[index] ?? '',
        body: bodies[index] ?? '',
      })),
      howToBecomeOutro: text('howToBecomeOutro'),
      contentAttribution: text('contentAttribution'),
    },
    stats: {
      employment: text('employment'),
      jobOpenings: text('jobOpenings'),
      jobOpeningsBasis: text('jobOpeningsBasis'),
      averageSalary: text('averageSalary'),
      currency: text('currency'),
      degreeRequirementPercent: text('degreeRequirementPercent'),
      percentiles: byPercentile(text),
      topCoded: texts('topCoded'),
      entryEducation: text('entryEducation'),
      outlook: Object.fromEntries(outlookKeys.map((key) => [key, text(`outlook-${key}`)])) as Record<OutlookKey, string>,
      asOf: text('asOf'),
      source: text('source'),
      sourceUrl: text('sourceUrl'),
    },
  };
}

/**
 * A typed number as a number: '' is "not given", '1.5' stays 1.5 (so the schema says "whole
 * number" instead of rounding), and anything that is not plainly a number stays text.
 */
function numberFromForm(value: unknown) {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A group of typed numbers (the percentiles, the outlook): null when all are empty, else each as a number or text. */
function numbersFromForm(value: unknown, keys: readonly string[]) {
  const group = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (keys.every((key) => numberFromForm(group[key]) === undefined)) return null;
  return Object.fromEntries(keys.map((key) => [key, numberFromForm(group[key])]));
}

function statsFromForm(value: unknown) {
  if (typeof value !== 'object' || value === null) return value;
  const stats = value as Record<string, unknown>;
  const percentiles = numbersFromForm(stats.percentiles, percentileKeys);
  const emptyAsNull = (text: unknown) => (typeof text === 'string' && text.trim() === '' ? null : text);
  return {
    ...stats,
    employment: numberFromForm(stats.employment),
    jobOpenings: numberFromForm(stats.jobOpenings),
    averageSalary: numberFromForm(stats.averageSalary),
    currency: typeof stats.currency === 'string' && stats.currency.trim() === '' ? undefined : stats.currency,
    degreeRequirementPercent: numberFromForm(stats.degreeRequirementPercent),
    percentiles: percentiles && { ...percentiles, topCoded: stats.topCoded },
    entryEducation: emptyAsNull(stats.entryEducation),
    outlook: numbersFromForm(stats.outlook, outlookKeys),
    sourceUrl: emptyAsNull(stats.sourceUrl),
  };
}

function contentFromForm(value: unknown) {
  if (typeof value !== 'object' || value === null) return value;
  const content = value as Record<string, unknown>;
  const lines = typeof content.alternativeTitles === 'string' ? content.alternativeTitles.split(/\r?\n|\r/).map((line) => line.trim()) : [];
  return {
    ...content,
    socCode: typeof content.socCode === 'string' && content.socCode.trim() === '' ? null : content.socCode,
    alternativeTitles: lines.filter(Boolean),
  };
}

/** The role form: content, stats, and the version it was loaded with (optimistic concurrency). */
export const roleFormSchema = z.object({
  version: z.preprocess(numberFromForm, z.number({ error: 'Reload the page and try again' }).int().positive()),
  content: z.preprocess(contentFromForm, roleContentSchema),
  stats: z.preprocess(statsFromForm, roleStatsSchema),
});

export const newRoleFormSchema = roleFormSchema.omit({ version: true });

/**
 * Twice the longest role the schemas allow (about 55,000 characters), since JSON escaping at
 * most doubles the characters stored text may hold; with room to spare.
 */
const ROLE_BASE_MAX_LENGTH = 200_000;

const reloadMessage = 'Reload the page and try again';

/**
 * A form's base, read back from the browser. Each field's value is only ever compared with
 * (a tampered base can only misdescribe the sender's own changes), so any JSON value will do;
 * it is never validated deeper, which would recurse through whatever nesting was sent.
 */
export const roleBaseSchema = z
  .string({ error: reloadMessage })
  .max(ROLE_BASE_MAX_LENGTH, reloadMessage)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: reloadMessage });
      return z.NEVER;
    }
  })
  .pipe(
    z.object(
      {
        content: z.record(z.enum(roleContentKeys, { error: reloadMessage }), z.unknown(), { error: reloadMessage }),
        stats: z.record(z.enum(roleStatsKeys, { error: reloadMessage }), z.unknown(), { error: reloadMessage }),
      },
      { error: reloadMessage },
    ),
  );

export type RoleBase = z.output<typeof roleBaseSchema>;

// ---- Editing the lists without JavaScript ------------------------------------------------------

/**
 * The submit buttons that edit the form's lists: `add-responsibility`, `remove-step-2`,
 * `move-responsibility-3-up`… (numbers count from 1, as the labels do).
 */
export const listEditSchema = z
  .string()
  .regex(/^(add-(responsibility|step)|remove-(responsibility|step)-\d{1,2}|move-(responsibility|step)-\d{1,2}-(up|down))$/)
  .transform((intent) => {
    const [verb, list, position, direction] = intent.split('-') as [string, 'responsibility' | 'step', string?, string?];
    return {
      verb: verb as 'add' | 'remove' | 'move',
      list,
      index: position === undefined ? -1 : Number(position) - 1,
      direction: direction === 'up' ? -1 : 1,
    };
  });

export type ListEdit = z.output<typeof listEditSchema>;

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

// ---- The submission ---------------------------------------------------------------------------

const positiveId = z.coerce.number().int().positive();

/**
 * A submitted role form: which button sent it (`kind` says whether it saves or edits a list), its
 * hidden fields, and everything typed. The action's wrapper parses it with the schemas below, so
 * a save arrives as the shared schemas' values or comes back with field errors, and a list edit
 * arrives as the edit to make (null for a button nobody knows).
 */
export function toRoleSubmission(formData: FormData) {
  const text = (name: string) => (typeof formData.get(name) === 'string' ? String(formData.get(name)) : undefined);
  // Enter in a text field submits without a button name: that is a save.
  const intent = text('intent') || 'save';
  return { kind: intent === 'save' ? 'save' : 'list-edit', intent, roleId: text('roleId'), loadedSlug: text('loadedSlug'), ...formDataToRoleFormValues(formData) };
}

export type RoleSubmissionInput = ReturnType<typeof toRoleSubmission>;

/** What the form shows again: the submission's typed values, without which button sent it. */
export function typedValuesOf({ kind, intent, roleId, loadedSlug, ...values }: RoleSubmissionInput): RoleFormValues {
  return values;
}

const listEditSubmission = z.object({ kind: z.literal('list-edit'), intent: listEditSchema.nullable().catch(null) });

/** A new role's form. */
export const newRoleSubmissionSchema = z.discriminatedUnion('kind', [newRoleFormSchema.extend({ kind: z.literal('save') }), listEditSubmission]);

/**
 * An edited role's form. A hidden field that does not parse falls back instead of failing the
 * form (the action then asks for a reload); the base is read by roleBaseSchema only when needed.
 */
export const roleUpdateSubmissionSchema = z.discriminatedUnion('kind', [
  roleFormSchema.extend({
    kind: z.literal('save'),
    roleId: positiveId.optional().catch(undefined),
    // The address the form was loaded from, which may be a slug reserved since (the save then asks for another).
    loadedSlug: slugFormatSchema.optional().catch(undefined),
    base: z.string().catch(''),
    // Whether it is required depends on the stored figures, which the DAL compares (updateRole).
    editNote: editNoteSchema,
  }),
  listEditSubmission,
]);
