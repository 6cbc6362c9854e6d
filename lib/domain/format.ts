// Numbers for people: "$110,000", "100%", "1 job opening", "$239,200 or more", "May 2024". Every
// page, the API and the widget use these; a figure that is not known says so, never shows a guess.
import type { Percentiles, PercentileKey } from './role-fields';
import type { JobOpeningsBasis } from './enums';

const DEFAULT_LOCALE = 'en-US';

/** What an unknown figure reads as. */
export const NOT_PUBLISHED = 'Not published';
export const NOT_KNOWN = 'Not known';

export function formatSalary(amount: number, currency = 'USD', locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** A salary on a chart's axis, short: "$150K", "$1.2M". */
export function formatSalaryShort(amount: number, currency = 'USD', locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(amount);
}

/** A count on a chart's axis, short: "500K", "1.5M". */
export function formatCountShort(count: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}

/** An annual salary that may not be published (BLS has only hourly wages for a few occupations). */
export function formatAverageSalary(amount: number | null, currency = 'USD', locale = DEFAULT_LOCALE) {
  return amount === null ? NOT_PUBLISHED : formatSalary(amount, currency, locale);
}

/** A percentile wage; a top-coded one is the least it can be: "$239,200 or more". */
export function formatPercentile(percentiles: Percentiles, key: PercentileKey, currency = 'USD', locale = DEFAULT_LOCALE) {
  const amount = formatSalary(percentiles[key], currency, locale);
  return percentiles.topCoded.includes(key) ? `${amount} or more` : amount;
}

export function formatPercent(percent: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

export function formatDegreeRequirement(percent: number | null, locale = DEFAULT_LOCALE) {
  return percent === null ? NOT_KNOWN : formatPercent(percent, locale);
}

export function formatCount(count: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale).format(count);
}

/** A file's size: "340 kB", "4.2 MB". */
/** Jobs per 1,000 with one decimal, as a reader compares them; a small share keeps two significant digits instead of reading "0.0". */
export function formatJobsPer1000(value: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, value >= 1 ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 }).format(value);
}

/** A location quotient: how much more (above 1) or less common the occupation is in a state than nationally. */
export function formatLocationQuotient(value: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A state's figure against the national one (or another's): "+28% vs the U.S.", "−5% vs Texas", "same as the U.S.". */
export function formatVersusNational(value: number, national: number, against = 'the U.S.', locale = DEFAULT_LOCALE) {
  const percent = Math.round(((value - national) / national) * 100);
  if (percent === 0) return `same as ${against}`;
  return `${new Intl.NumberFormat(locale, { signDisplay: 'always' }).format(percent)}% vs ${against}`;
}

export function formatByteSize(bytes: number, locale = DEFAULT_LOCALE) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${formatCount(Math.ceil(bytes / 1024), locale)} kB`;
}

/**
 * Projected openings a year, as BLS publishes them: in thousands with one decimal, so "about
 * 115,200", and 0.0 thousand is "fewer than 50".
 */
export function formatOpeningsPerYear(count: number, locale = DEFAULT_LOCALE) {
  return count === 0 ? 'fewer than 50' : `about ${formatCount(count, locale)}`;
}

/**
 * The figure and what it counts, apart: "about 115,200" and "projected openings a year"; `brief`
 * says the same under a "Job openings" heading ("projected a year").
 */
export function jobOpeningsParts(count: number, basis: JobOpeningsBasis = 'current', locale = DEFAULT_LOCALE) {
  if (basis === 'projected-per-year') return { figure: formatOpeningsPerYear(count, locale), counts: 'projected openings a year', brief: 'projected a year' };
  return { figure: formatCount(count, locale), counts: count === 1 ? 'job opening' : 'job openings', brief: 'open now' };
}

/** "1 job opening", or BLS's projection: "about 115,200 projected openings a year". */
export function formatJobOpenings(count: number, basis: JobOpeningsBasis = 'current', locale = DEFAULT_LOCALE) {
  const { figure, counts } = jobOpeningsParts(count, basis, locale);
  return `${figure} ${counts}`;
}

export function formatEmployment(count: number | null, locale = DEFAULT_LOCALE) {
  return count === null ? NOT_KNOWN : `${formatCount(count, locale)} employed`;
}

/** A change with its sign: "+15.8%", "−3.2%", "0%". */
export function formatChangePercent(percent: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(percent / 100);
}

/** "2024–34", as BLS names a projection period. */
export function formatPeriod(startYear: number, endYear: number) {
  // A word joiner keeps "2024–34" on one line.
  return `${startYear}–\u2060${String(endYear).slice(-2)}`;
}

/** The month figures describe: "May 2024" (statistics are monthly releases; the day is not news). */
export function formatAsOf(isoDate: string, locale = DEFAULT_LOCALE) {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "November 1, 2026" from an ISO date (YYYY-MM-DD), read as a calendar date with no time zone shift. */
export function formatDate(isoDate: string, locale = DEFAULT_LOCALE) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

// When something was changed, as editors read it: "Nov 1, 2026, 2:05 PM UTC". One time zone for
// everyone, so two editors comparing notes see the same time.
const editTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatEditTime(isoTimestamp: string) {
  return `${editTimeFormat.format(new Date(isoTimestamp))} UTC`;
}

/** "A, B and C", for naming several things in a sentence. */
export function formatList(items: string[], locale = DEFAULT_LOCALE) {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * Who made a role's last change: the editor's name, or what made it without a signed-in user (a
 * command-line import, or the seed), named as the sentence around it needs.
 */
export function formatLastEditor(
  { editorName, action }: { editorName: string | null; action: string | null },
  names: { commandLineImport: string; seed: string } = { commandLineImport: 'Command-line import', seed: 'Seed data' },
) {
  return editorName ?? (action === 'role.import' ? names.commandLineImport : names.seed);
}
