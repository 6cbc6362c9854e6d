// Options of the embed widget and the badge, from the query string. Bad values fall back to
// the defaults rather than failing: an embed on someone else's page should always render.
import { z } from 'zod';

/** A BCP 47 tag that Intl can format numbers for; anything else is en-US. */
const localeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
  .refine((tag) => {
    try {
      return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
    } catch {
      return false;
    }
  })
  .catch('en-US');

export const embedOptionsSchema = z.object({
  theme: z.enum(['light', 'dark', 'auto']).catch('light'),
  compact: z
    .enum(['1', '0', 'true', 'false'])
    .transform((value) => value === '1' || value === 'true')
    .catch(false),
  locale: localeSchema,
});
export type EmbedOptions = z.infer<typeof embedOptionsSchema>;

export const badgeOptionsSchema = z.object({
  metric: z.enum(['salary', 'openings', 'degree']).catch('salary'),
});

/** The first value of each query parameter, with absent ones left out so defaults apply. */
export function firstValues(searchParams: URLSearchParams) {
  const values: Record<string, string> = {};
  for (const key of new Set(searchParams.keys())) values[key] = searchParams.get(key) ?? '';
  return values;
}

export function parseEmbedOptions(searchParams: URLSearchParams): EmbedOptions {
  const values = firstValues(searchParams);
  return embedOptionsSchema.parse({ theme: values.theme ?? 'light', compact: values.compact ?? '0', locale: values.locale ?? 'en-US' });
}

export const WIDGET_SIZE = { width: 360, height: 220, compactHeight: 120 } as const;
