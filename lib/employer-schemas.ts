// What employers, their invitations and their postings may be (issue 22): one zod schema per
// form, shared by the Server Actions and the data layer (db/employers.ts, db/employer-postings.ts),
// which checks again.
import { z } from 'zod';
import { educationAskedLevels, employmentTypes, payPeriods } from '@/lib/domain/enums';
import { linksNotOnTheWeb } from './jobs/posting-display';
import { stateCodeOf } from './jobs/posting-record';
import { passwordSchema } from './password-policy';
import { slugSchema } from './slug';
import { multilineText, nameText, plainText } from './text-rules';

const idSchema = z.coerce.number({ error: 'Reload the page and try again.' }).int().positive().max(2_147_483_647);
export const employerIdSchema = idSchema;

const emailSchema = plainText({ max: 320, required: 'an email address' }).pipe(z.email('Enter an email address, like name@example.com'));
const domainPattern = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** Forms send "on" for a ticked box and nothing for an empty one; other callers pass a boolean. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

export const newEmployerSchema = z.object({
  name: nameText({ max: 120, required: 'the employer’s name' }),
  website: plainText({ max: 500, required: 'the employer’s website' }).pipe(
    z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Give the website’s address, starting with https://' }),
  ),
  verifiedDomain: plainText({ max: 253 })
    .transform((domain) => domain.toLowerCase())
    .refine((domain) => domain === '' || domainPattern.test(domain), 'Give a domain like example.com, or leave it empty')
    .transform((domain) => domain || null),
});
export type NewEmployerInput = z.input<typeof newEmployerSchema>;

export const employerInviteSchema = z.object({ employerId: idSchema, email: emailSchema });

/** A sign-up link's token: 256 random bits, base64url. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This sign-up link is not complete: open the whole link from your invitation.');

export const acceptInviteSchema = z.object({ token: inviteTokenSchema, name: nameText({ max: 100, required: 'your name' }), password: passwordSchema });

export const employerDisabledSchema = z.object({ employerId: idSchema, disabled: z.preprocess((value) => value === 'true' || value === true, z.boolean()) });

// ---- A posting ---------------------------------------------------------------------------------

/** How far ahead a closing date may be; a posting is renewed for as long again. */
export const MAX_DAYS_OPEN = 90;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The last closing date allowed today (UTC, as the closing moment is the end of that day in UTC). */
export function latestClosingDay(now = new Date()) {
  return isoDay(new Date(now.getTime() + MAX_DAYS_OPEN * 86_400_000));
}

const amount = (what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(/[$,\s]/g, '') : value),
    z.coerce
      .number({ error: `Give the ${what} in dollars, e.g. 52000 or 24.50` })
      .positive(`Give the ${what} in dollars, above 0`)
      .max(10_000_000, `Give the ${what} in dollars, at most 10,000,000`),
  );

export type PostingPlace = { city: string | null; stateCode: string | null };

/** "Denver, CO" or "Austin, Texas" a line; a state alone is a place too. */
const placesSchema = multilineText({ max: 2_000 }).transform((text, context): PostingPlace[] => {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length > 20) {
    context.issues.push({ code: 'custom', message: 'List at most 20 places', input: text });
    return z.NEVER;
  }
  return lines.flatMap((line, index) => {
    const comma = line.lastIndexOf(',');
    const city = comma === -1 ? null : line.slice(0, comma).trim() || null;
    const stateCode = stateCodeOf(comma === -1 ? line : line.slice(comma + 1));
    if (!stateCode || (city !== null && city.length > 100)) {
      context.issues.push({ code: 'custom', message: `Line ${index + 1}: write the place as city, then a U.S. state (“Denver, CO”)`, input: line });
      return [];
    }
    return [{ city, stateCode }];
  });
});

/** An https link, or an email address, for applying. */
const applyToSchema = plainText({ max: 2_000, required: 'how to apply: a web address or an email address' }).transform(
  (value, context): { applyUrl: string | null; applyEmail: string | null } => {
    if (!value.includes('://') && z.email().safeParse(value).success) return { applyUrl: null, applyEmail: value };
    if (z.url({ protocol: /^https$/, hostname: z.regexes.domain }).safeParse(value).success) return { applyUrl: value, applyEmail: null };
    context.issues.push({ code: 'custom', message: 'Give a web address starting with https://, or an email address', input: value });
    return z.NEVER;
  },
);

export const postingFieldsSchema = z
  .object({
    title: nameText({ max: 200, required: 'the job title' }),
    /** The occupation's role slug; empty: the title classifier suggests one when the posting is saved. */
    roleSlug: z.union([z.literal(''), slugSchema]).transform((slug) => slug || null),
    places: placesSchema,
    remote: checkbox,
    payMin: amount('lowest pay'),
    payMax: amount('highest pay'),
    payPeriod: z.enum(payPeriods, 'Choose what the pay is per'),
    employmentType: z.enum(employmentTypes, 'Choose the kind of employment'),
    educationAsked: z.enum(educationAskedLevels, 'Choose the education asked'),
    description: multilineText({ max: 20_000, required: 'a description of the job' }).refine(
      (text) => linksNotOnTheWeb(text).length === 0,
      'Links must go to web addresses: [words](https://…)',
    ),
    applyTo: applyToSchema,
    closesOn: z.iso
      .date('Give the closing date')
      .refine((day) => day >= isoDay(new Date()), 'Give a closing date from today on')
      .refine((day) => day <= latestClosingDay(), `Give a closing date at most ${MAX_DAYS_OPEN} days ahead; renew the posting to keep it open longer`),
  })
  .check((context) => {
    const { payMin, payMax, places, remote } = context.value;
    if (payMin > payMax) context.issues.push({ code: 'custom', path: ['payMax'], message: 'The highest pay must be at least the lowest', input: payMax });
    if (places.length === 0 && !remote) context.issues.push({ code: 'custom', path: ['places'], message: 'List where the work is, or tick “Remote”', input: places });
  });
export type PostingFields = z.output<typeof postingFieldsSchema>;

export const savePostingSchema = z.intersection(
  postingFieldsSchema,
  z.object({
    /** Absent for a new posting. */
    id: z.preprocess((value) => (value === '' ? undefined : value), idSchema.optional()),
    /** The version the form was opened at: a save over a newer one is refused. */
    version: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().positive().optional()),
    intent: z.enum(['save', 'publish'], 'Choose to save or to publish'),
  }),
);
export type SavePostingInput = z.input<typeof savePostingSchema>;

export const postingReferenceSchema = z.object({ id: idSchema, version: z.coerce.number({ error: 'Reload the page and try again.' }).int().positive() });

export const renewPostingSchema = postingReferenceSchema.extend({ closesOn: z.iso.date('Give the new closing date') });

export const takeDownPostingSchema = z.object({ id: idSchema, reason: multilineText({ max: 1_000, required: 'the reason, which the employer will see' }) });
