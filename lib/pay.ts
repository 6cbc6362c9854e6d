// Which wage a role or a state is shown by, and in what unit. BLS publishes annual wages for most
// occupations, and only hourly ones for a few paid by the hour (actors, dancers, musicians and
// singers, disc jockeys, other entertainers): those are shown per hour, as published, never
// turned into an annual figure nobody published. Every page, the API's shapes, the widget and the
// badge pick the figure here and print it with formatPay* below.
import { NOT_PUBLISHED } from '@/lib/domain/format';
import type { HourlyWages, Percentiles, PercentileKey } from '@/lib/domain/role-fields';

export type PayUnit = 'year' | 'hour';

export type Pay = {
  unit: PayUnit;
  currency: string;
  /** The mean wage in the unit; null where none is published. */
  mean: number | null;
  /** All five percentiles, or null. */
  percentiles: Percentiles | null;
  /** The median alone, where it is published without the other percentiles (BLS's state hourly figures). */
  median: { value: number; topCoded: boolean } | null;
};

/** "a year", "an hour": what a wage of the unit is per. */
export const perUnit: Record<PayUnit, string> = { year: 'a year', hour: 'an hour' };

/** What the mean is called in a unit: "Average salary", "Average hourly wage". */
export const meanLabel: Record<PayUnit, string> = { year: 'Average salary', hour: 'Average hourly wage' };
export const medianLabel: Record<PayUnit, string> = { year: 'Median salary', hour: 'Median hourly wage' };

function medianOf(percentiles: Percentiles | null) {
  return percentiles ? { value: percentiles.median, topCoded: percentiles.topCoded.includes('median') } : null;
}

/**
 * A role's pay: annual where the source publishes an annual mean or percentiles, else hourly
 * where it publishes hourly wages (BLS's hourly-only occupations), else annual and not published.
 */
export function payOf(stats: { averageSalary: number | null; percentiles: Percentiles | null; hourlyWages?: HourlyWages | null; currency: string }): Pay {
  const { currency } = stats;
  if (stats.averageSalary === null && stats.percentiles === null && stats.hourlyWages) {
    const { mean, percentiles } = stats.hourlyWages;
    return { unit: 'hour', currency, mean, percentiles, median: medianOf(percentiles) };
  }
  return { unit: 'year', currency, mean: stats.averageSalary, percentiles: stats.percentiles, median: medianOf(stats.percentiles) };
}

/** A listed role's pay (a listing reads the hourly mean, not the hourly percentiles). */
export function listedPayOf(role: { averageSalary: number | null; percentiles: Percentiles | null; hourlyMean: number | null; currency: string }): Pay {
  return payOf({ ...role, hourlyWages: role.hourlyMean === null ? null : { mean: role.hourlyMean, percentiles: null } });
}

/** A role's pay in a state (BLS state estimates: annual mean and percentiles, hourly mean and median), by the same rule. */
export function statePayOf(figures: {
  averageSalary: number | null;
  percentiles: Percentiles | null;
  hourlyMean?: number | null;
  hourlyMedian?: number | null;
  hourlyMedianTopCoded?: boolean;
}): Pay {
  const hourlyMean = figures.hourlyMean ?? null;
  const hourlyMedian = figures.hourlyMedian ?? null;
  if (figures.averageSalary === null && figures.percentiles === null && (hourlyMean !== null || hourlyMedian !== null)) {
    return {
      unit: 'hour',
      currency: 'USD',
      mean: hourlyMean,
      percentiles: null,
      median: hourlyMedian === null ? null : { value: hourlyMedian, topCoded: figures.hourlyMedianTopCoded ?? false },
    };
  }
  return { unit: 'year', currency: 'USD', mean: figures.averageSalary, percentiles: figures.percentiles, median: medianOf(figures.percentiles) };
}

/** A wage in its unit: a salary in whole dollars ("$144,570"), an hourly wage in dollars and cents ("$44.40"). */
export function formatWage(amount: number, unit: PayUnit, currency = 'USD', locale = 'en-US') {
  const digits = unit === 'hour' ? 2 : 0;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

/** A wage that may be BLS's top code: then it is the least it can be, "$239,200 or more", "$115.00 or more". */
function formatBoundedWage(amount: number, topCoded: boolean, unit: PayUnit, currency: string) {
  const text = formatWage(amount, unit, currency);
  return topCoded ? `${text} or more` : text;
}

export function formatPayPercentile(pay: Pay & { percentiles: Percentiles }, key: PercentileKey) {
  return formatBoundedWage(pay.percentiles[key], pay.percentiles.topCoded.includes(key), pay.unit, pay.currency);
}

/** The mean, or "Not published". */
export function formatPayMean(pay: Pay) {
  return pay.mean === null ? NOT_PUBLISHED : formatWage(pay.mean, pay.unit, pay.currency);
}

/** The mean with its unit, for a sentence or a headline: "$144,570 a year", "$44.40 an hour", or "Not published". */
export function formatPayMeanWithUnit(pay: Pay) {
  return pay.mean === null ? NOT_PUBLISHED : `${formatWage(pay.mean, pay.unit, pay.currency)} ${perUnit[pay.unit]}`;
}

/** The median, or "Not published". */
export function formatPayMedian(pay: Pay) {
  return pay.median === null ? NOT_PUBLISHED : formatBoundedWage(pay.median.value, pay.median.topCoded, pay.unit, pay.currency);
}

/** A short figure for a list ("$144,570 average", "$44.40 an hour average"), or what is missing. */
export function describePayBriefly(pay: Pay) {
  if (pay.mean === null) return 'no average wage published';
  return pay.unit === 'hour' ? `${formatWage(pay.mean, 'hour', pay.currency)} an hour average` : `${formatWage(pay.mean, 'year', pay.currency)} average`;
}
