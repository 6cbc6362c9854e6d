// Options of the embed widget and the badge, from the query string. Bad values fall back to
// the defaults rather than failing: an embed on someone else's page should always render.
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '@/lib/role-search';
import type { UsState } from '@/lib/us-states';

/** A BCP 47 tag that Intl can format numbers for. */
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
  .transform((tag) => Intl.getCanonicalLocales(tag)[0]!);

/** Each option as the query string spells it, without a fallback: the developers page names the ones it ignores. */
export const embedOptionFields = {
  theme: z.enum(['light', 'dark', 'auto']),
  compact: z.enum(['1', '0', 'true', 'false']).transform((value) => value === '1' || value === 'true'),
  locale: localeSchema,
};

export const defaultEmbedOptions = { theme: 'light', compact: false, locale: 'en-US' } as const;

export const embedOptionsSchema = z.object({
  theme: embedOptionFields.theme.catch(defaultEmbedOptions.theme),
  compact: embedOptionFields.compact.catch(defaultEmbedOptions.compact),
  locale: embedOptionFields.locale.catch(defaultEmbedOptions.locale),
});
export type EmbedOptions = z.infer<typeof embedOptionsSchema>;

export const badgeOptionsSchema = z.object({
  /** `openings-live`: open job postings now, not a published statistic. */
  metric: z.enum(['salary', 'openings', 'degree', 'openings-live']).catch('salary'),
});

/** The first value of each query parameter, with absent ones left out so defaults apply. */
export function firstValues(searchParams: URLSearchParams) {
  const values: Record<string, string> = Object.create(null);
  for (const key of new Set(searchParams.keys())) values[key] = searchParams.get(key) ?? '';
  return values;
}

export function parseEmbedOptions(searchParams: URLSearchParams): EmbedOptions {
  const values = firstValues(searchParams);
  return embedOptionsSchema.parse({ theme: values.theme, compact: values.compact, locale: values.locale });
}

/** The widget's query string for these options (and a state), defaults left out so snippets stay short: "?theme=dark&compact=1". */
export function embedQuery({ theme, compact, locale }: EmbedOptions, state?: UsState) {
  const query = new URLSearchParams();
  if (state) query.set('state', state.slug);
  if (theme !== defaultEmbedOptions.theme) query.set('theme', theme);
  if (compact) query.set('compact', '1');
  if (locale !== defaultEmbedOptions.locale) query.set('locale', locale);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The role a reader typed into the card builder: a title or part of one ("electrician"), a slug, or
 * the address of its page ("https://…/roles/software-developers", read as its slug).
 */
const roleNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((text) => /\/roles\/([^/?#]+)\/?(?:[?#].*)?$/.exec(text)?.[1] ?? text)
  .pipe(z.string().max(MAX_QUERY_LENGTH));

export type EmbedChoice = {
  /** The role as typed (a page address read as its slug); undefined when none was. */
  roleName: string | undefined;
  options: EmbedOptions;
  ignored: { name: string; value: string; reason: string }[];
};

const optionReasons = {
  theme: 'is not a theme (light, dark or auto)',
  compact: 'is not a size (1 for compact, 0 for the full card)',
  locale: 'is not a locale we can format numbers for',
} as const;

/**
 * The developers page's card configurator: the role and options from its GET form. Like the
 * widget, a bad value falls back to the default, but here each one is named, so the page can say
 * what it ignored.
 */
export function parseEmbedChoice(params: Record<string, string | string[] | undefined>): EmbedChoice {
  const first = (name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const ignored: EmbedChoice['ignored'] = [];
  const options: EmbedOptions = { ...defaultEmbedOptions };
  for (const name of ['theme', 'compact', 'locale'] as const) {
    const value = first(name);
    if (value === undefined) continue;
    const result = embedOptionFields[name].safeParse(value);
    if (result.success) Object.assign(options, { [name]: result.data });
    else ignored.push({ name, value, reason: optionReasons[name] });
  }
  const roleText = first('role');
  const role = roleText === undefined ? undefined : roleNameSchema.safeParse(roleText);
  if (role && !role.success) ignored.push({ name: 'role', value: `${roleText!.slice(0, 40)}…`, reason: 'is too long for a role’s title or address' });
  return { roleName: role?.success ? role.data : undefined, options, ignored };
}
