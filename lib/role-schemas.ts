// What a role is allowed to be: one zod schema for its stats and one for its content, shared by
// the admin form (lib/role-form-submission.ts reads its strings into these), the Server Actions, the DAL and
// the catalogue import. (The API's response shapes, lib/api/schemas.ts, describe what is
// published rather than what may be written.)
import { z } from 'zod';
import { educationLabels, educationLevelOfLabel } from './education';
import { jobOpeningsBases } from '@/lib/domain/enums';
import { categorySlugSchema, currencyCodeSchema, SOC_CODE_PATTERN, topCodedSchema } from './field-schemas';
import { byPercentile, CONTENT_LIMITS, inPercentileOrder, percentileKeys, percentileLabels, type HourlyWages, type Outlook, type Percentiles } from '@/lib/domain/role-fields';
import { templatePlaceholders, unknownPlaceholders } from './salary-template';
import { slugSchema } from './slug';
import { multilineText, nameText, plainText } from './text-rules';

export const STATS_LIMITS = {
  maxJobOpenings: 10_000_000,
  maxSalary: 100_000_000,
  maxEmployment: 500_000_000,
} as const;

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
    ...byPercentile((key) => salaryAmount(`the ${percentileLabels[key].toLowerCase()} too, or leave all five empty`)),
    /** The percentiles that are the publisher's top code: the real wage is at least the value given. */
    topCoded: topCodedSchema().max(percentileKeys.length).default([]),
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
  .transform((percentiles) => ({ ...percentiles, topCoded: inPercentileOrder(percentiles.topCoded) })) satisfies z.ZodType<Percentiles>; // the domain's shape, for code that must not load zod

/** An hourly wage in dollars and cents, as BLS publishes it. */
const hourlyAmount = z
  .number({ error: 'Enter an hourly wage, e.g. 16.06' })
  .min(0, 'Must be at least 0')
  .max(10_000, 'Must be at most 10,000')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'Use at most two decimals');

/**
 * Hourly wages as published: the mean and the five percentiles (all or none). BLS publishes them for
 * every occupation, and only them for a few paid by the hour (actors, dancers, …).
 */
const hourlyWagesSchema = z
  .object({
    mean: hourlyAmount.nullable().default(null),
    percentiles: z
      .object({
        ...byPercentile(() => hourlyAmount),
        topCoded: topCodedSchema().max(percentileKeys.length).default([]),
      })
      .refine((percentiles) => percentileKeys.slice(1).every((key, index) => percentiles[key] >= percentiles[percentileKeys[index]!]), 'Percentiles must not decrease')
      .transform((percentiles) => ({ ...percentiles, topCoded: inPercentileOrder(percentiles.topCoded) }))
      .nullable()
      .default(null),
  })
  .transform((hourly) => (hourly.mean === null && hourly.percentiles === null ? null : hourly)) satisfies z.ZodType<HourlyWages | null>;

/**
 * Which figures an editor set by hand (provenance follows the figure): the stats field's name →
 * when, and the editor's note or source. A figure not named here comes from the stats' `source`.
 */
export const editedFiguresSchema = z.record(
  z.string().max(40),
  z.object({ editedAt: z.iso.datetime({ offset: true }), note: plainText({ max: 500 }) }),
);

export type EditedFigures = z.output<typeof editedFiguresSchema>;

const yearSchema = wholeNumber('the year', { min: 1900, max: 2200 });
const employmentSchema = (what: string) => wholeNumber(what, { min: 0, max: STATS_LIMITS.maxEmployment });

/** An employment projection (lib/domain/role-fields.ts Outlook), as an editor may write it. */
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
  .refine((outlook) => outlook.startYear < outlook.endYear, { path: ['endYear'], message: 'Must be after the start year' }) satisfies z.ZodType<Outlook>;

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
    .pipe(currencyCodeSchema('Use a three-letter currency code in capitals, e.g. USD'))
    .default('USD'),
  degreeRequirementPercent: optionalFigure(wholeNumber('the share of openings that require a degree', { min: 0, max: 100 })),
  /** All five or none (null). */
  percentiles: percentilesSchema.nullable().default(null),
  hourlyWages: hourlyWagesSchema.nullable().default(null),
  /** One of BLS's levels as BLS names it (lib/education.ts), so that it can be filtered and sorted; null when not known. */
  entryEducation: plainText({ max: 200 })
    .nullish()
    .transform((text) => text || null)
    .refine((text) => text === null || educationLevelOfLabel(text) !== undefined, {
      message: `Use one of BLS's education levels (${educationLabels.join('; ')}), or leave it empty when not known`,
    }),
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
  editedFigures: editedFiguresSchema.default({}),
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
    .refine((code) => code === '' || SOC_CODE_PATTERN.test(code), 'Use a SOC code such as 15-1252')
    .nullish()
    .transform((code) => code || null),
  alternativeTitles: z
    .array(nameText({ max: 120, required: 'the other name, or remove it' }))
    .max(CONTENT_LIMITS.alternativeTitles, `Use at most ${CONTENT_LIMITS.alternativeTitles} other names`)
    .default([]),
  categorySlug: categorySlugSchema('Choose a category'),
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

/**
 * Stats the role form does not hold: a save keeps the stored hourly wages (they come from BLS) and
 * the server works out the edited figures (lib/provenance.ts), so neither is taken from a form.
 */
export const statsKeptOnSave = ['hourlyWages', 'editedFigures'] as const satisfies readonly (keyof RoleStatsInput)[];
export const roleFormStatsKeys = roleStatsKeys.filter((key) => !(statsKeptOnSave as readonly string[]).includes(key));

/** The editor's note on changed figures: where the new figures come from (shown with them, so one plain line). */
export const editNoteSchema = nameText({ max: 500 });
export const EDIT_NOTE_REQUIRED = 'Say where the new figures come from, e.g. "Union pay scale 2026, https://…"';
