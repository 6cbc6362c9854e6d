// What a role is allowed to be: one zod schema for its stats and one for its content, shared by
// the admin form's field errors, the Server Actions and the DAL. The admin form sends strings, so
// `toRoleFormValues` reads FormData and `roleFormSchema` turns them into the numbers the shared
// schemas expect, without rounding or guessing. (The API's response shapes, lib/api/schemas.ts,
// describe what is published rather than what may be written.)
import { z } from 'zod';
import { CONTENT_LIMITS, percentileKeys, percentileLabels, type PercentileKey } from './role-fields';
import { templatePlaceholders, unknownPlaceholders } from './salary-template';
import { slugPattern, slugSchema } from './slug';
import { multilineText, nameText, plainText } from './text-rules';

export const STATS_LIMITS = {
  maxJobOpenings: 10_000_000,
  maxSalary: 100_000_000,
  maxEmployment: 500_000_000,
} as const;

export const jobOpeningsBases = ['current', 'projected-per-year'] as const;
export type JobOpeningsBasis = (typeof jobOpeningsBases)[number];

function wholeNumber(what: string, { min, max }: { min: number; max: number }) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? `Enter ${what}` : 'Enter a number, digits only') })
    .int('Enter a whole number')
    .min(min, `Must be at least ${min.toLocaleString('en-US')}`)
    .max(max, `Must be at most ${max.toLocaleString('en-US')}`);
}

/** A figure that may not be known: missing or null is stored as null, never guessed. */
function optionalFigure<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? null);
}

const salaryAmount = (what: string) => wholeNumber(what, { min: 0, max: STATS_LIMITS.maxSalary });

const percentilesSchema = z
  .object({
    ...(Object.fromEntries(
      percentileKeys.map((key) => [key, salaryAmount(`the ${percentileLabels[key].toLowerCase()} too, or leave all five empty`)]),
    ) as Record<PercentileKey, ReturnType<typeof salaryAmount>>),
    /** The percentiles that are the publisher's top code: the real wage is at least the value given. */
    topCoded: z.array(z.enum(percentileKeys)).max(percentileKeys.length).default([]),
  })
  .superRefine((percentiles, ctx) => {
    // The error goes on the first value that breaks the order, the one the editor has to look at.
    percentileKeys.slice(1).forEach((key, index) => {
      const previous = percentileKeys[index]!;
      if (percentiles[key] < percentiles[previous]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Must be at least the ${percentileLabels[previous].toLowerCase()} (${percentiles[previous].toLocaleString('en-US')})`,
        });
      }
    });
    // A top code caps every percentile above the first one it applies to, all at the same amount.
    const first = percentileKeys.findIndex((key) => percentiles.topCoded.includes(key));
    if (first === -1) return;
    for (const key of percentileKeys.slice(first)) {
      if (!percentiles.topCoded.includes(key) || percentiles[key] !== percentiles[percentileKeys[first]!]) {
        ctx.addIssue({ code: 'custom', path: ['topCoded'], message: 'A top code applies to every higher percentile too, all at the same amount' });
        return;
      }
    }
  })
  // One order, whatever order the keys came in, so equal values compare equal.
  .transform((percentiles) => ({ ...percentiles, topCoded: percentileKeys.filter((key) => percentiles.topCoded.includes(key)) }));

export type Percentiles = z.output<typeof percentilesSchema>;

const yearSchema = wholeNumber('the year', { min: 1900, max: 2200 });
const employmentSchema = (what: string) => wholeNumber(what, { min: 0, max: STATS_LIMITS.maxEmployment });

/** An employment projection: from one year to another, with the publisher's own percentage. */
const outlookSchema = z
  .object({
    startYear: yearSchema,
    endYear: yearSchema,
    startEmployment: employmentSchema('the employment at the start'),
    endEmployment: employmentSchema('the employment at the end'),
    changePercent: z
      .number({ error: 'Enter the change in percent, e.g. 15.8' })
      .min(-100, 'Must be at least -100')
      .max(100_000, 'Must be at most 100,000')
      .refine((value) => Number.isInteger(value * 10) || Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, 'Use at most one decimal'),
  })
  .refine((outlook) => outlook.startYear < outlook.endYear, { path: ['endYear'], message: 'Must be after the start year' });

export type Outlook = z.output<typeof outlookSchema>;

/**
 * The latest calendar date anywhere on Earth (UTC+14), so an editor's "today" is never
 * rejected as the future, whatever their time zone.
 */
export function latestToday(now = Date.now()) {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export const roleStatsSchema = z.object({
  employment: optionalFigure(employmentSchema('the number of people employed')),
  jobOpenings: wholeNumber('the number of job openings', { min: 0, max: STATS_LIMITS.maxJobOpenings }),
  jobOpeningsBasis: z.enum(jobOpeningsBases, { error: 'Choose what the openings count' }).default('current'),
  averageSalary: optionalFigure(salaryAmount('the average salary')),
  currency: plainText({ max: 3 })
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code in capitals, e.g. USD')
    .default('USD'),
  degreeRequirementPercent: optionalFigure(wholeNumber('the share of openings that require a degree', { min: 0, max: 100 })),
  /** All five or none (null). */
  percentiles: percentilesSchema.nullable().default(null),
  entryEducation: plainText({ max: 200 })
    .nullish()
    .transform((text) => text || null),
  /** All or nothing (null). */
  outlook: outlookSchema.nullable().default(null),
  asOf: z
    .iso.date({ error: (issue) => (issue.input === undefined || issue.input === '' ? 'Enter the date of these figures' : 'Enter a date as YYYY-MM-DD') })
    .refine((date) => date <= latestToday(), 'The date cannot be in the future'),
  source: plainText({ max: 500, required: 'where these figures come from' }),
  sourceUrl: plainText({ max: 500 })
    .refine((url) => url === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url), 'Enter a web address starting with http:// or https://')
    .nullish()
    .transform((url) => url || null),
});

export type RoleStatsInput = z.output<typeof roleStatsSchema>;

/** Optional prose: empty or missing is stored as null. */
function optionalProse(max: number) {
  return multilineText({ max })
    .nullish()
    .transform((text) => text || null);
}


export const roleContentSchema = z.object({
  title: nameText({ max: 120, required: 'a title' }),
  slug: slugSchema,
  socCode: plainText({ max: 7 })
    .refine((code) => code === '' || /^\d{2}-\d{4}$/.test(code), 'Use a SOC code such as 15-1252')
    .nullish()
    .transform((code) => code || null),
  alternativeTitles: z
    .array(nameText({ max: 120, required: 'the other name, or remove it' }))
    .max(CONTENT_LIMITS.alternativeTitles, `Use at most ${CONTENT_LIMITS.alternativeTitles} other names`)
    .default([]),
  categorySlug: z.string({ error: 'Choose a category' }).regex(slugPattern, 'Choose a category').max(100, 'Choose a category'),
  summary: multilineText({ max: 1000, required: 'a summary' }),
  salaryTemplate: multilineText({ max: 2000, required: 'the salary write-up' }).refine((template) => unknownPlaceholders(template).length === 0, {
    error: (issue) =>
      `Unknown placeholder ${unknownPlaceholders(String(issue.input))
        .map((name) => `{${name}}`)
        .join(', ')}; use ${templatePlaceholders.map((name) => `{${name}}`).join(', ')}`,
  }),
  responsibilitiesIntro: multilineText({ max: 2000, required: 'an introduction to the responsibilities' }),
  responsibilities: z
    .array(plainText({ max: 500, required: 'the responsibility, or remove the row' }))
    .min(1, 'Add at least one responsibility')
    .max(CONTENT_LIMITS.responsibilities, `Use at most ${CONTENT_LIMITS.responsibilities} responsibilities`),
  responsibilitiesOutro: optionalProse(2000),
  howToBecomeIntro: multilineText({ max: 2000, required: 'an introduction to the steps' }),
  howToBecomeSteps: z
    .array(
      z.object({
        heading: plainText({ max: 200, required: 'a heading, or remove the step' }),
        body: multilineText({ max: 2000, required: 'what this step involves' }),
      }),
    )
    .min(1, 'Add at least one step')
    .max(CONTENT_LIMITS.howToBecomeSteps, `Use at most ${CONTENT_LIMITS.howToBecomeSteps} steps`),
  howToBecomeOutro: optionalProse(2000),
  contentAttribution: optionalProse(1000),
});

export type RoleContentInput = z.output<typeof roleContentSchema>;

/** A role's editable values: what the form saves and what a conflict compares. */
export type RoleValues = { content: RoleContentInput; stats: RoleStatsInput };

export const roleContentKeys = Object.keys(roleContentSchema.shape) as (keyof RoleContentInput)[];
export const roleStatsKeys = Object.keys(roleStatsSchema.shape) as (keyof RoleStatsInput)[];

// ---- The admin form -------------------------------------------------------------------------

/** Everything the role form holds, exactly as typed (strings), so a failed save loses nothing. */
export type RoleFormValues = {
  version: string;
  /**
   * The saved values the form was loaded with, as JSON (`formBase`): after a conflict they tell
   * which fields this editor changed. Empty for a new role.
   */
  base: string;
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

export const outlookKeys = ['startYear', 'endYear', 'startEmployment', 'endEmployment', 'changePercent'] as const;
export type OutlookKey = (typeof outlookKeys)[number];
const emptyOutlook = { startYear: '', endYear: '', startEmployment: '', endEmployment: '', changePercent: '' };

export const emptyRoleFormValues: RoleFormValues = {
  version: '',
  base: '',
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
export function toFormValues(role: RoleValues & { version: number }): RoleFormValues {
  const { content, stats } = role;
  return {
    version: String(role.version),
    base: formBase(role),
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
      percentiles: Object.fromEntries(percentileKeys.map((key) => [key, formText(stats.percentiles?.[key] ?? null)])) as Record<PercentileKey, string>,
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
export function toRoleFormValues(formData: FormData): RoleFormValues {
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
      percentiles: Object.fromEntries(percentileKeys.map((key) => [key, text(key)])) as Record<PercentileKey, string>,
      topCoded: texts('topCoded'),
      entryEducation: text('entryEducation'),
      outlook: Object.fromEntries(outlookKeys.map((key) => [key, text(`outlook-${key}`)])) as Record<OutlookKey, string>,
      asOf: text('asOf'),
      source: text('source'),
      sourceUrl: text('sourceUrl'),
    },
  };
}

const positiveId = z.coerce.number().int().positive();

/**
 * Which button sent the role form, its hidden fields, and everything typed (validated later, in
 * the action). A hidden field that does not parse falls back instead of failing: a failure here
 * would send back this submission instead of the form's values, and the form could not render.
 */
export const roleSubmissionSchema = z.object({
  intent: z.string().max(40).catch('unknown'),
  roleId: positiveId.optional().catch(undefined),
  loadedSlug: slugSchema.optional().catch(undefined),
  values: z.custom<RoleFormValues>((value) => typeof value === 'object' && value !== null),
});

export function toRoleSubmission(formData: FormData) {
  const text = (name: string) => (typeof formData.get(name) === 'string' ? String(formData.get(name)) : undefined);
  return {
    // Enter in a text field submits without a button name: that is a save.
    intent: text('intent') || 'save',
    roleId: text('roleId'),
    loadedSlug: text('loadedSlug'),
    values: toRoleFormValues(formData),
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
