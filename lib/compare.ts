// The compare page's URL: `/compare?roles=a,b,c` names up to four roles side by side, and
// `add=<search text>` (from the page's plain GET form) adds the best match. Bad entries are
// dropped and reported, never an error page.
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from './role-search';
import { slugSchema } from './slug';

export const MAX_COMPARED_ROLES = 4;

export type CompareRequest = {
  /** Valid, distinct slugs in the order given, at most MAX_COMPARED_ROLES. */
  slugs: string[];
  /** Search text naming a role to add. */
  add?: string;
  /** Entries that are not role addresses at all. */
  malformed: boolean;
  /** More than MAX_COMPARED_ROLES were named; the rest were left out. */
  tooMany: boolean;
};

// Long enough for four slugs and their commas, with room for stray spaces.
const rolesParameter = z.string().max(MAX_COMPARED_ROLES * 110);
const addParameter = z.string().trim().min(1).max(MAX_QUERY_LENGTH);

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseCompareRequest(raw: RawParams): CompareRequest {
  const roles = rolesParameter.safeParse(first(raw.roles) ?? '');
  const entries = roles.success ? roles.data.split(',').map((entry) => entry.trim()).filter(Boolean) : [];
  const valid = entries.filter((entry) => slugSchema.safeParse(entry).success);
  const distinct = [...new Set(valid)];
  const add = addParameter.safeParse(first(raw.add));
  return {
    slugs: distinct.slice(0, MAX_COMPARED_ROLES),
    add: add.success ? add.data : undefined,
    malformed: !roles.success || valid.length < entries.length,
    tooMany: distinct.length > MAX_COMPARED_ROLES,
  };
}

/** The compare page for these roles; slugs need no escaping, so the commas stay readable. */
export function compareHref(slugs: string[]) {
  return slugs.length > 0 ? `/compare?roles=${slugs.join(',')}` : '/compare';
}
