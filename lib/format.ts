// Numbers for people: "$110,000", "100%", "1 job opening". Every page, the API and the widget use these.
const DEFAULT_LOCALE = 'en-US';

export function formatSalary(amount: number, currency = 'USD', locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatPercent(percent: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

export function formatCount(count: number, locale = DEFAULT_LOCALE) {
  return new Intl.NumberFormat(locale).format(count);
}

export function formatJobOpenings(count: number, locale = DEFAULT_LOCALE) {
  return `${formatCount(count, locale)} ${count === 1 ? 'job opening' : 'job openings'}`;
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
