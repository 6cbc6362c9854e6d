// One job posting as every import format is read into it (lib/jobs/posting-file.ts), checked by
// one zod schema: the same text rules as role text (lib/text-rules.ts: no control or
// text-direction characters), HTML turned into plain text first (lib/jobs/plain-text.ts), apply
// links http(s) only, pay with its period and both ends positive and in order. What passes is what
// db/job-import.ts stores; its content hash tells a changed posting from an unchanged one.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { educationAskedLevels, employmentTypes, payPeriods } from '@/lib/domain/enums';
import { toPlainText } from './plain-text';
import { multilineText, nameText, plainText } from '@/lib/text-rules';
import { findUsState } from '@/lib/us-states';

/** Who published a posting, as a slug: `usajobs`, `nyc-jobs`, or the name a file gives. */
export const postingSourceSchema = z
  .string({ error: 'Enter the source (who published the posting)' })
  .trim()
  .toLowerCase()
  .max(40, 'Use at most 40 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, e.g. "acme-careers"');

/** Markup comes off first, so the text rules and lengths apply to the text that is stored. */
const plainMultiline = (options: Parameters<typeof multilineText>[0]) => z.string().transform(toPlainText).pipe(multilineText(options));
/** One-line fields: a line break or tab inside a published title (both real sets have some) is a space. */
const oneLine = (text: string) => text.replace(/[\t\n\r]+/g, ' ');
const plainName = (options: Parameters<typeof nameText>[0]) => z.string().transform((text) => oneLine(toPlainText(text))).pipe(nameText(options));

const locationSchema = z.object({
  city: plainText({ max: 100 }),
  /** A U.S. state's postal code (lib/us-states.ts); null for a place elsewhere. */
  stateCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .refine((code) => findUsState(code) !== null, 'Not a U.S. state')
    .nullable(),
});
export type PostingLocation = z.infer<typeof locationSchema>;

const payAmount = z.number({ error: 'Give an amount in dollars, e.g. 52000 or 24.50' }).positive('Give an amount above 0, or leave it empty').max(10_000_000);

export const postingRecordSchema = z
  .object({
    source: postingSourceSchema,
    sourceId: plainText({ max: 200, required: 'the posting’s id at its source' }),
    title: plainName({ max: 200, required: 'a title' }),
    employer: plainName({ max: 200, required: 'the employer' }),
    locations: z.array(locationSchema).max(60, 'At most 60 locations'),
    remote: z.boolean(),
    postedOn: z.iso.date('Give the date posted as YYYY-MM-DD'),
    closesAt: z.iso.datetime({ offset: true, error: 'Give the closing date as YYYY-MM-DD or an ISO date and time' }).nullable(),
    payMin: payAmount.nullable(),
    payMax: payAmount.nullable(),
    payPeriod: z.enum(payPeriods, `Use one of: ${payPeriods.join(', ')}`).nullable(),
    employmentType: z.enum(employmentTypes, `Use one of: ${employmentTypes.join(', ')}`),
    educationAsked: z.enum(educationAskedLevels, `Use one of: ${educationAskedLevels.join(', ')}`),
    description: plainMultiline({ max: 50_000 }),
    qualifications: plainMultiline({ max: 20_000 }).nullable(),
    applyUrl: z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Give a web address starting with http:// or https://' })
      .max(2000, 'Use at most 2,000 characters')
      .nullable(),
    /** The publisher's own occupation, a hint for placement (db/job-import.ts). */
    socCode: z.string().regex(/^[0-9]{2}-[0-9]{4}$/, 'Give a SOC code like 15-1252, or leave it empty').nullable(),
  })
  .check((context) => {
    const { payMin, payMax, payPeriod } = context.value;
    const hasPay = payMin !== null || payMax !== null;
    if (hasPay && payPeriod === null) context.issues.push({ code: 'custom', path: ['payPeriod'], message: 'Say what the pay is per: year, month, week, day or hour', input: payPeriod });
    if (!hasPay && payPeriod !== null) context.issues.push({ code: 'custom', path: ['payMin'], message: 'A pay period needs an amount', input: payMin });
    if (payMin !== null && payMax !== null && payMin > payMax) context.issues.push({ code: 'custom', path: ['payMax'], message: 'The top of the range must be at least its bottom', input: payMax });
  });

/** What a format's reader hands over: the record's fields as read, before the checks. */
export type PostingInput = z.input<typeof postingRecordSchema>;
export type PostingRecord = z.output<typeof postingRecordSchema>;

/** The state codes a posting's locations name, each once: the pages' and figures' by-state key. */
export function stateCodesOf(record: Pick<PostingRecord, 'locations'>) {
  return [...new Set(record.locations.flatMap((location) => (location.stateCode ? [location.stateCode] : [])))].sort();
}

/** A fingerprint of everything a posting says: equal hashes, nothing to update. */
export function postingContentHash(record: PostingRecord) {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64url');
}

/** A state's postal code from its name or code as files write it ("District of Columbia", "dc"); null elsewhere. */
export function stateCodeOf(nameOrCode: string) {
  const key = nameOrCode.trim();
  if (key === '') return null;
  return findUsState(key.length === 2 ? key : key.toLowerCase().replace(/[^a-z]+/g, '-'))?.postalCode ?? null;
}

// What each format's reader (json-ld.ts, nyc-jobs.ts, posting-csv.ts, usajobs.ts) gives posting-file.ts.
/** What keeps a posting (or the file) from being imported: `line` in a CSV, `record` (from 1) in JSON; neither for the whole file. */
export type PostingProblem = { line?: number; record?: number; field?: string; message: string };
export type CsvRow = Record<string, string>;
/** A format reader's result for one row: the fields to check, and what it already found wrong. */
export type ReadPosting = { input: PostingInput | null; problems: Omit<PostingProblem, 'line' | 'record'>[] };
