// A submitted role form, read: FormData as the form's typed values, those values as the shared
// schemas' numbers (without rounding or guessing), the base the form was loaded with, and which
// button sent it (a save, or a list edit made without JavaScript).
import { z } from 'zod';
import { byPercentile, outlookKeys, percentileKeys, type OutlookKey } from '@/lib/domain/role-fields';
import type { ListEdit, RoleFormValues } from './role-form';
import { editNoteSchema, roleContentKeys, roleContentSchema, roleStatsKeys, roleStatsSchema } from './role-schemas';
import { slugFormatSchema } from './slug';

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

/**
 * The submit buttons that edit the form's lists: `add-responsibility`, `remove-step-2`,
 * `move-responsibility-3-up`… (numbers count from 1, as the labels do).
 */
export const listEditSchema = z
  .string()
  .regex(/^(add-(responsibility|step)|remove-(responsibility|step)-\d{1,2}|move-(responsibility|step)-\d{1,2}-(up|down))$/)
  .transform((intent): ListEdit => {
    const [verb, list, position, direction] = intent.split('-') as [string, 'responsibility' | 'step', string?, string?];
    return {
      verb: verb as 'add' | 'remove' | 'move',
      list,
      index: position === undefined ? -1 : Number(position) - 1,
      direction: direction === 'up' ? -1 : 1,
    };
  });

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
