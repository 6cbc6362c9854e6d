// How a job posting reads to people: its pay as published ("$25.00–$31.50 an hour") and how it was
// made yearly, its employment type, how many postings a search found, who published it and how to
// credit them, and its untrusted text as paragraphs and lists. Pages, feeds and JSON-LD share these.
import type { PayPeriod } from '@/lib/domain/enums';
import { formatCount } from '@/lib/domain/format';

type PublishedPay = { min: number | null; max: number | null; period: PayPeriod; annualMid: number };

export const perPayPeriod: Record<PayPeriod, string> = { year: 'a year', month: 'a month', week: 'a week', day: 'a day', hour: 'an hour' };

/** Cents only where the publisher gave them, or for an hourly rate, where they matter. */
function formatPayAmount(amount: number, period: PayPeriod) {
  const digits = period === 'hour' || !Number.isInteger(amount) ? 2 : 0;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

/** The range as published: "$69,923–$185,234 a year", "From $25.00 an hour", "Up to $5,000 a month". */
export function formatPublishedPay(pay: Omit<PublishedPay, 'annualMid'>) {
  const { min, max, period } = pay;
  const unit = perPayPeriod[period];
  if (min !== null && max !== null) return min === max ? `${formatPayAmount(min, period)} ${unit}` : `${formatPayAmount(min, period)}–${formatPayAmount(max, period)} ${unit}`;
  if (min !== null) return `From ${formatPayAmount(min, period)} ${unit}`;
  return `Up to ${formatPayAmount(max ?? 0, period)} ${unit}`;
}

const periodWords: Record<Exclude<PayPeriod, 'year'>, { rate: string; unit: string }> = {
  month: { rate: 'a monthly rate', unit: 'months' },
  week: { rate: 'a weekly rate', unit: 'weeks' },
  day: { rate: 'a daily rate', unit: 'days' },
  hour: { rate: 'an hourly rate', unit: 'hours' },
};

/**
 * How a rate was made yearly, read back from the figures the import stored (annual midpoint over
 * the published midpoint), so that the page states the rule the data actually follows: "an hourly
 * rate × 2,080 hours". Null for yearly pay, which needs no rule.
 */
export function describeAnnualisation(pay: PublishedPay) {
  if (pay.period === 'year') return null;
  const published = pay.min !== null && pay.max !== null ? (pay.min + pay.max) / 2 : (pay.min ?? pay.max);
  if (!published) return null;
  const { rate, unit } = periodWords[pay.period];
  return `${rate} × ${formatCount(Math.round(pay.annualMid / published))} ${unit}`;
}

export const employmentTypeLabels: Record<string, string> = {
  'full-time': 'Full time',
  'part-time': 'Part time',
  contract: 'Contract',
  temporary: 'Temporary',
  internship: 'Internship',
  other: 'Other',
  'not-stated': 'Not stated',
};

/** "86 open postings", "1 posting", "More than 1,000 open postings". */
export function formatPostingCount(count: number, { open = false, lowerBound = false } = {}) {
  const noun = `${open ? 'open ' : ''}${count === 1 && !lowerBound ? 'posting' : 'postings'}`;
  return lowerBound ? `More than ${formatCount(count)} ${noun}` : `${formatCount(count)} ${noun}`;
}

/** The publishers whose postings Roleboard shows, named and credited as their terms ask. */
export const postingSources: Record<string, { name: string; credit: string; originalUrl?: (sourceId: string) => string }> = {
  usajobs: {
    name: 'USAJOBS',
    credit: 'USAJOBS (U.S. Office of Personnel Management)',
    originalUrl: (sourceId) => `https://www.usajobs.gov/job/${encodeURIComponent(sourceId)}`,
  },
  'nyc-jobs': { name: 'NYC Jobs', credit: 'NYC Open Data, Jobs NYC Postings (snapshot of 2024-03-04, de-duplicated)' },
  roleboard: { name: 'Roleboard', credit: 'employers posting on Roleboard' },
};

export function postingSourceOf(source: string) {
  return postingSources[source] ?? { name: source, credit: source };
}

/** Only web addresses are links: a `javascript:` or `data:` address from a publisher never is. */
export function isWebAddress(url: string | null): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const bullet = /^\s*(?:[•·▪◦*\-–]|\d{1,2}[.)])\s+/;

/**
 * A posting's plain text as blocks: blank lines part paragraphs, lines starting with a bullet or a
 * number make a list, other single line breaks stay inside their paragraph as separate lines.
 */
export function toTextBlocks(text: string | null): TextBlock[] {
  if (!text) return [];
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  const endParagraph = () => {
    if (lines.length) blocks.push({ kind: 'paragraph', text: lines.join('\n') });
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      endParagraph();
    } else if (bullet.test(line)) {
      endParagraph();
      const item = line.replace(bullet, '').trim();
      const last = blocks.at(-1);
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else {
      lines.push(trimmed);
    }
  }
  endParagraph();
  return blocks;
}

export type InlinePart = { kind: 'text'; text: string } | { kind: 'bold'; text: string } | { kind: 'link'; text: string; href: string };

/** `**bold**` and `[words](https://address)`: the posting form's only marks (a publisher's plain text rarely has either). */
const inlineMark = /\*\*([^*\n]+?)\*\*|\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)/g;

/**
 * A line of posting text as parts: bold, links (web addresses only: anything else stays as it was
 * typed), and the text between. Rendered by React, so nothing in it is ever markup.
 */
export function toInlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let at = 0;
  for (const match of text.matchAll(inlineMark)) {
    const [whole, bold, linkText, href] = match;
    if (bold === undefined && !isWebAddress(href ?? null)) continue;
    if (match.index > at) parts.push({ kind: 'text', text: text.slice(at, match.index) });
    parts.push(bold !== undefined ? { kind: 'bold', text: bold } : { kind: 'link', text: linkText!, href: href! });
    at = match.index + whole.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** The links of a text written in the posting form that are not web addresses: the form refuses them. */
export function linksNotOnTheWeb(text: string): string[] {
  return [...text.matchAll(inlineMark)].flatMap(([, bold, , href]) => (bold === undefined && !isWebAddress(href ?? null) ? [href!] : []));
}

/** "Washington, DC", "Remote", "Denver, CO and 3 more places"; `all` lists every place. */
export function formatPostingLocations(posting: { locations: { city: string | null; stateCode: string | null }[]; remote: boolean }, { all = false } = {}) {
  const places = posting.locations.map((location) => [location.city, location.stateCode].filter(Boolean).join(', ')).filter(Boolean);
  if (places.length === 0) return posting.remote ? 'Remote' : 'Not stated';
  const shown = all || places.length <= 2 ? places.join('; ') : `${places[0]} and ${formatCount(places.length - 1)} more places`;
  return posting.remote ? `Remote, or ${shown}` : shown;
}
