// The role's fields as the admin screens name and arrange them: labels, the percentile keys and
// the shapes of pay figures, the list limits, and which input shows a field's error. Free of zod, so
// client components can use it without shipping the schemas (zod's first parse in a browser probes
// eval, which the CSP reports); lib/role-schemas.ts checks its schemas against these shapes.
import type { FieldErrors } from './errors';

export const percentileKeys = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
export type PercentileKey = (typeof percentileKeys)[number];

export const percentileLabels: Record<PercentileKey, string> = {
  p10: '10th percentile',
  p25: '25th percentile',
  median: 'Median',
  p75: '75th percentile',
  p90: '90th percentile',
};

/** One value for each percentile, in their order: `byPercentile((key) => …)`. */
export function byPercentile<T>(valueOf: (key: PercentileKey) => T): Record<PercentileKey, T> {
  return Object.fromEntries(percentileKeys.map((key) => [key, valueOf(key)])) as Record<PercentileKey, T>;
}

/** The given percentile keys in the percentiles' order, so equal sets compare equal. */
export function inPercentileOrder(keys: readonly PercentileKey[]): PercentileKey[] {
  return percentileKeys.filter((key) => keys.includes(key));
}

/** A pay distribution; `topCoded` names the percentiles that are the publisher's top code (the real figure is at least the value given). */
export type Percentiles = Record<PercentileKey, number> & { topCoded: PercentileKey[] };

/** Hourly wages as published: the mean and the five percentiles, either of which may be missing. */
export type HourlyWages = { mean: number | null; percentiles: Percentiles | null };

export const outlookKeys = ['startYear', 'endYear', 'startEmployment', 'endEmployment', 'changePercent'] as const;
export type OutlookKey = (typeof outlookKeys)[number];

/** An employment projection: from one year to another, with the publisher's own percentage. */
export type Outlook = Record<OutlookKey, number>;

/**
 * The pay ranges, named by their percentiles, and only these names wherever a range is shown (role
 * and state pages, comparisons, the widget, the API's descriptions), so one label never means two
 * ranges.
 */
export const payRangeLabels = {
  middleHalf: 'Middle half (25th–75th percentile)',
  /** The same range where a card has room for a word or two (the widget, 300–360 px wide). */
  middleHalfInBrief: 'Middle half',
  tenthToNinetieth: '10th–90th percentile',
} as const;

/**
 * What each role field is called, in the role form's order. The form, the audit log and the
 * conflict table all use these, so a field has one name wherever an editor meets it. Every field
 * of lib/role-schemas.ts has one (tests/unit/role-schemas.test.ts checks).
 */
export const roleFieldLabels = {
  employment: 'Employment',
  jobOpenings: 'Job openings',
  jobOpeningsBasis: 'The openings count',
  averageSalary: 'Average salary',
  currency: 'Currency',
  degreeRequirementPercent: 'Degree requirement (%)',
  percentiles: 'Salary percentiles',
  hourlyWages: 'Hourly wages',
  entryEducation: 'Typical education for entry',
  outlook: 'Employment outlook',
  asOf: 'As of',
  source: 'Source',
  sourceUrl: 'Source link',
  editedFigures: 'Edited figures',
  title: 'Title',
  slug: 'Slug',
  socCode: 'SOC code',
  alternativeTitles: 'Also called',
  categorySlug: 'Category',
  summary: 'Summary',
  salaryTemplate: 'Salary write-up',
  responsibilitiesIntro: 'Responsibilities introduction',
  responsibilities: 'Responsibilities',
  responsibilitiesOutro: 'After the responsibilities',
  howToBecomeIntro: 'Steps introduction',
  howToBecomeSteps: 'How to become one',
  howToBecomeOutro: 'After the steps',
  contentAttribution: 'Attribution',
} as const;

export const CONTENT_LIMITS = { responsibilities: 20, howToBecomeSteps: 15, alternativeTitles: 200 } as const;

/** Where a field error's path ("stats.percentiles.p25", "content.howToBecomeSteps.1.body") shows: its input's id. */
function inputIdOf(path: string) {
  const parts = path.split('.');
  if (parts[1] === 'responsibilities' && parts[2] !== undefined) return `responsibility-${Number(parts[2]) + 1}`;
  if (parts[1] === 'howToBecomeSteps' && parts[2] !== undefined) return `step-${Number(parts[2]) + 1}-${parts[3] === 'body' ? 'body' : 'heading'}`;
  if (parts[1] === 'outlook' && parts[2] !== undefined) return `outlook-${parts[2]}`;
  if (parts[1] === 'alternativeTitles') return 'alternativeTitles';
  return parts.at(-1) ?? path;
}

/** The first error of each input, by the input's id. */
export function roleFormErrorsById(fieldErrors: FieldErrors | undefined) {
  const byId: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    if (messages?.[0]) byId[inputIdOf(path)] ??= messages[0];
  }
  return byId;
}
