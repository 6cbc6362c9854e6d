// The salary write-up is stored as prose with placeholders, so its numbers always match the stats.
import { formatAsOf, formatAverageSalary, formatCount, formatDegreeRequirement, formatJobOpenings, formatPercentile } from '@/lib/domain/format';
import type { JobOpeningsBasis } from '@/lib/domain/enums';
import type { HourlyWages, Percentiles } from '@/lib/domain/role-fields';
import { formatWage } from './pay';

/** The figures a write-up can name: a role's stats (lib/role-schemas.ts validates the template against the placeholders below). */
type TemplateStats = {
  averageSalary: number | null;
  currency: string;
  percentiles: Percentiles | null;
  hourlyWages?: HourlyWages | null;
  jobOpenings: number;
  jobOpeningsBasis: JobOpeningsBasis;
  employment: number | null;
  degreeRequirementPercent: number | null;
  asOf: string;
};

export const templatePlaceholders = [
  'title',
  'averageSalary',
  'medianSalary',
  'hourlyMean',
  'hourlyMedian',
  'jobOpenings',
  'employment',
  'degreeRequirement',
  'asOf',
] as const;
type Placeholder = (typeof templatePlaceholders)[number];

const placeholderPattern = /\{([A-Za-z]+)\}/g;

/** Placeholder names used in a template that we do not know how to fill. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(placeholderPattern)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(templatePlaceholders as readonly string[]).includes(name));
}

/** Fills the placeholders; a figure that is not known reads as such ("not published"), never as a number. */
export function renderSalaryTemplate(template: string, role: { title: string; stats: TemplateStats }): string {
  const { stats } = role;
  const values: Record<Placeholder, string> = {
    title: role.title,
    averageSalary: formatAverageSalary(stats.averageSalary, stats.currency).toLowerCase(),
    medianSalary: stats.percentiles ? formatPercentile(stats.percentiles, 'median', stats.currency) : 'not published',
    // Hourly wages in dollars and cents ("$44.40"); a top-coded median is "$115.00 or more".
    hourlyMean: stats.hourlyWages?.mean == null ? 'not published' : formatWage(stats.hourlyWages.mean, 'hour', stats.currency),
    hourlyMedian: stats.hourlyWages?.percentiles
      ? `${formatWage(stats.hourlyWages.percentiles.median, 'hour', stats.currency)}${stats.hourlyWages.percentiles.topCoded.includes('median') ? ' or more' : ''}`
      : 'not published',
    jobOpenings: formatJobOpenings(stats.jobOpenings, stats.jobOpeningsBasis),
    employment: stats.employment === null ? 'not known' : formatCount(stats.employment),
    degreeRequirement: formatDegreeRequirement(stats.degreeRequirementPercent).toLowerCase(),
    asOf: formatAsOf(stats.asOf),
  };
  return template.replace(placeholderPattern, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}

/** Splits stored prose into paragraphs on blank lines. */
export function toParagraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
