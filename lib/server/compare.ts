// Comparing roles. A comparison's address is `/compare/a,b,c` (up to four slugs), and within one
// state `/compare/a,b,c/states/california`: pages rendered once and cached like a role page.
// `/compare?roles=a,b&add=<text>&state=CA` is where the page's plain GET forms and hand-made links
// arrive; it adds the best match, reports bad entries (never an error page) and sends clean
// requests on to the cached address. `/?compareWith=a,b` is the listing in pick mode: each role in
// it offers to join the comparison of a and b (in the listing's state, if it has one).
import { z } from 'zod';
import type { AreaFigures } from '@/db/areas';
import type { RoleDetail } from '@/db/role-reads';
import { firstValue, type RawSearchParams } from '@/lib/query-params';
import { roleSearchFields } from '@/lib/role-search';
import { formatCount, formatList, formatSalary } from '@/lib/domain/format';
import { editsOutsideStateFigures } from '@/lib/provenance';
import { slugSchema } from '@/lib/slug';
import { usStateParam, type UsState } from '@/lib/us-states';

export const MAX_COMPARED_ROLES = 4;
/** Roles a comparison page suggests adding. */
export const MAX_SUGGESTIONS = 4;

export type CompareRequest = {
  /** Valid, distinct slugs in the order given, at most MAX_COMPARED_ROLES. */
  slugs: string[];
  /** Search text naming a role to add. */
  add?: string;
  /** Entries that are not role addresses at all. */
  malformed: boolean;
  /** More than MAX_COMPARED_ROLES were named; the rest were left out. */
  tooMany: boolean;
  /** The state to compare the roles in; none for the whole country. */
  state?: UsState;
  /** A `state` was given that names no U.S. state; the comparison is national. */
  unknownState: boolean;
};

// Long enough for four slugs and their commas, with room for stray spaces.
const rolesParameter = z.string().max(MAX_COMPARED_ROLES * 110);
// A role's name, searched for like the listing's search text.
const addParameter = roleSearchFields.q.pipe(z.string().min(1));

export function parseCompareRequest(raw: RawSearchParams): CompareRequest {
  const roles = rolesParameter.safeParse(firstValue(raw.roles) ?? '');
  const entries = roles.success ? roles.data.split(',').map((entry) => entry.trim()).filter(Boolean) : [];
  const valid = entries.filter((entry) => slugSchema.safeParse(entry).success);
  const distinct = [...new Set(valid)];
  const add = addParameter.safeParse(firstValue(raw.add));
  // The state picker's "All of the U.S." sends an empty state.
  const stateValue = firstValue(raw.state)?.trim() ?? '';
  const state = stateValue === '' ? undefined : usStateParam.safeParse(stateValue);
  return {
    slugs: distinct.slice(0, MAX_COMPARED_ROLES),
    add: add.success ? add.data : undefined,
    malformed: !roles.success || valid.length < entries.length,
    tooMany: distinct.length > MAX_COMPARED_ROLES,
    state: state?.success ? state.data : undefined,
    unknownState: state !== undefined && !state.success,
  };
}

/** True when the request names its roles (and state) exactly as their cached address would. */
export function isCleanRequest(request: CompareRequest) {
  return !request.malformed && !request.tooMany && !request.unknownState;
}

/** The cached comparison of these roles (in a state); slugs need no escaping, so the commas stay readable. */
export function compareHref(slugs: string[], state?: { slug: string }) {
  if (slugs.length === 0) return state ? `/compare?state=${state.slug}` : '/compare';
  return state ? `/compare/${slugs.join(',')}/states/${state.slug}` : `/compare/${slugs.join(',')}`;
}

/**
 * A compared role in a state: pay, its spread and employment become the state's (not known where
 * BLS has no estimate there); openings, degree and outlook stay national, and are labelled so.
 */
export function compareInState(role: RoleDetail, here: AreaFigures | null): RoleDetail {
  const national = { ...role.stats, editedFigures: editsOutsideStateFigures(role.stats.editedFigures) };
  const stats = here
    ? {
        ...national,
        averageSalary: here.averageSalary,
        percentiles: here.percentiles,
        // BLS's state estimates have an hourly mean, no hourly percentiles.
        hourlyWages: here.hourlyMean === null ? null : { mean: here.hourlyMean, percentiles: null },
        employment: here.employment,
        currency: 'USD',
        asOf: here.asOf,
      }
    : { ...national, averageSalary: null, percentiles: null, hourlyWages: null, employment: null };
  return { ...role, stats };
}

/** The notice for compared roles BLS has no estimate for in the state. */
export function noStateEstimateNotice(roles: { title: string }[], state: UsState) {
  if (roles.length === 0) return null;
  const titles = roles.map((role) => role.title);
  return `BLS has no estimate for ${formatList(titles)} in ${state.name}, so ${titles.length === 1 ? 'its' : 'their'} pay and employment there are not known.`;
}

/** A comparison may take one more role while it has fewer than this many. */
export const MAX_ROLES_TO_ADD_TO = MAX_COMPARED_ROLES - 1;

// Only what the comparison page's own link holds: one to three distinct slugs, comma-separated.
const compareWithParameter = z
  .string()
  .max(MAX_ROLES_TO_ADD_TO * 101)
  .transform((value) => value.split(','))
  .pipe(z.array(slugSchema).min(1).max(MAX_ROLES_TO_ADD_TO))
  .refine((slugs) => new Set(slugs).size === slugs.length);

/**
 * The listing's `compareWith`: the slugs of the comparison a role is to be picked for, 'invalid'
 * for anything else (the listing then ignores it, with its notice), undefined when not given.
 * Whether the roles are published is for the caller to check.
 */
export function parseCompareWith(raw: RawSearchParams): string[] | 'invalid' | undefined {
  const value = firstValue(raw.compareWith);
  if (value === undefined || value.trim() === '') return undefined;
  const slugs = compareWithParameter.safeParse(value);
  return slugs.success ? slugs.data : 'invalid';
}

/** The listing in pick mode for the comparison of these roles (in a state, the listing of that state). */
export function addFromListingHref(slugs: string[], state?: { slug: string }) {
  return `/?compareWith=${slugs.join(',')}${state ? `&state=${state.slug}` : ''}`;
}

/**
 * Roles to suggest adding to a comparison, from each compared role's similar roles (nearest
 * first): the first of each list in turn, then the second of each, and so on, so every compared
 * role is represented; roles already compared, and repeats, are left out.
 */
export function pickSuggestions<Role extends { slug: string }>(similarRolesOfEach: Role[][], compared: string[], limit: number): Role[] {
  const picked = new Map<string, Role>();
  const longest = Math.max(0, ...similarRolesOfEach.map((list) => list.length));
  for (let rank = 0; rank < longest && picked.size < limit; rank++) {
    for (const list of similarRolesOfEach) {
      const role = list[rank];
      if (role && !compared.includes(role.slug) && !picked.has(role.slug) && picked.size < limit) picked.set(role.slug, role);
    }
  }
  return [...picked.values()];
}

/** The notice for roles named in a comparison that are no longer published. */
export function missingRolesNotice(missing: string[]) {
  if (missing.length === 0) return null;
  return missing.length === 1
    ? `One role in the link no longer exists: ${missing[0]}.`
    : `${missing.length} roles in the link no longer exist: ${missing.join(', ')}.`;
}

/**
 * How one figure differs from another, in words: "+$12,000, 11% more", "−2,440, 0.1% fewer",
 * "+10 points". Percent points (a degree requirement) get no relative share, which would confuse.
 */
export function describeDifference(value: number, baseline: number, kind: { money: string } | 'count' | 'points') {
  const difference = value - baseline;
  if (difference === 0) return 'the same';
  const sign = difference > 0 ? '+' : '−';
  if (kind === 'points') return `${sign}${formatCount(Math.abs(difference))} ${Math.abs(difference) === 1 ? 'point' : 'points'}`;
  const amount = kind === 'count' ? formatCount(Math.abs(difference)) : formatSalary(Math.abs(difference), kind.money);
  if (baseline === 0) return `${sign}${amount}`;
  const share = Math.abs(difference / baseline) * 100;
  // A whole percent, unless rounding would say "0%" or "100%" of what is neither.
  const whole = Math.round(share);
  const shareText = `${formatCount(Number(share.toFixed(whole === 0 || (whole === 100 && share !== 100) ? 1 : 0)))}%`;
  const word = difference > 0 ? 'more' : kind === 'count' ? 'fewer' : 'less';
  return `${sign}${amount}, ${shareText} ${word}`;
}
