// Cached public reads. Public pages go through these, never straight to the DAL, so a page view
// is served from Next's `'use cache'` data cache (lib/server/use-cache-handler.mjs) and PostgreSQL
// is asked again only after an admin edit invalidates a tag. Nothing here depends on the visitor,
// so every entry is shared. What a visitor can vary without limit (made-up slugs, free-text
// searches) is never cached, so nobody can fill the cache: a role is kept only once its slug is
// known to be published, and only the listing's common views (no search text, no numeric
// filters, first page) are kept.
//
// Next.js also makes every `'use cache'` function a server reference, which a posted request could
// ask it to run with arguments of the request's choosing, each a new entry. The HTTP front refuses
// such requests (lib/server/server-actions.ts); as a second wall, each cached function here checks
// its own arguments before it reads anything: a call our pages never make (another number or
// shape of arguments) throws, and a failed fill is never stored; a well-formed call about
// something that does not exist (an unpublished slug, an unknown category) answers without
// keeping its answer.
import 'server-only';
import { cache } from 'react';
import { cacheLife, cacheTag, revalidateTag, updateTag } from 'next/cache';
import { z } from 'zod';
import {
  countPublishedRoleAreaPages,
  getAreaFiguresFingerprint,
  listAreas,
  listAreaWageSummaries,
  listPublishedRoleAreaFigures,
  listPublishedRoleAreaPages,
} from '@/db/areas';
import { isDatabaseUnavailable } from '@/db/availability';
import {
  countPublishedRoles,
  getPublishedRoleBySlug,
  listCategories,
  listPublishedRoleSlugs,
  listPublishedRoleStatsHistory,
  getPublishedCatalogueFingerprint,
  listSimilarRoles,
  getCategorySalaryRange,
  listBestPaidByEducation,
  listPublishedOccupations,
  type RoleDetail,
} from '@/db/role-reads';
import { listPublishedRoles, listRolesNamedBy } from '@/db/role-search';
import { cacheTags, slugOfRoleTag } from '@/lib/cache-tags';
import { educationLevelOfSlug, educationLevels, educationSlugs } from '@/lib/education';
import { categorySlugSchema, currencyCodeSchema } from '@/lib/field-schemas';
import { compareInState, MAX_COMPARED_ROLES, MAX_ROLES_TO_ADD_TO, MAX_SUGGESTIONS, pickSuggestions } from './compare';
import { forgetSlugs, isPublishedSlug } from './published-slugs';
import { PAGE_SIZE, roleSorts, type RoleSearch } from '@/lib/role-search';
import { SITEMAP_PAGE_SIZE } from '@/lib/sitemap';
import { slugify, slugSchema } from '@/lib/slug';
import { usStateByFips, type UsState } from '@/lib/us-states';

/**
 * Whether a slug may be looked up (and its answer cached). While the database is away the
 * check cannot be made: the cache may still hold the role, and a miss fails without caching.
 */
export async function mayLookUp(slug: string) {
  try {
    return await isPublishedSlug(slug);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return true;
    throw error;
  }
}

/**
 * Marks the `'use cache'` function this is called from: kept until one of its tags is invalidated
 * (a save, an import), and refreshed quietly after a month at most (Next.js's `max` life).
 */
function keepUntilChanged(...tags: string[]) {
  cacheLife('max');
  cacheTag(...tags);
}

/** Marks the `'use cache'` function this is called from: its answer is not stored (an entry of no life). */
export function keepNot() {
  cacheLife({ stale: 0, revalidate: 0, expire: 0 });
}

/** Thrown by a cached function called with arguments no page of ours passes: nothing is stored. */
export class UnexpectedCacheArguments extends Error {
  constructor(functionName: string) {
    super(`${functionName} was called with arguments it never takes; nothing was read or cached.`);
  }
}

/** The arguments a cached function was given, checked against exactly what it takes (a zod tuple: no more, no fewer). */
export function expectArguments<Shape extends z.ZodTuple>(functionName: string, shape: Shape, given: unknown[]): z.output<Shape> {
  const parsed = shape.safeParse(given);
  if (!parsed.success) throw new UnexpectedCacheArguments(functionName);
  return parsed.data;
}

const noArguments = z.tuple([]);
const slugArgument = z.tuple([slugSchema]);

// The bodies the cached functions below share. Each function keeps its own `'use cache'` (Next.js
// caches the function the directive stands in) and calls one of these from it.

/** A read that takes no arguments: refuses any, and is kept until one of `tags` changes. */
function readWithoutArguments<Answer>(functionName: string, given: [], tags: string[], read: () => Promise<Answer>): Promise<Answer> {
  expectArguments(functionName, noArguments, given);
  keepUntilChanged(...tags);
  return read();
}

/**
 * A read about the published role of `slug`: null for any other slug, and then nothing is kept (nor
 * when the role is found no longer published by the time it is read).
 */
async function readOfPublishedRole<Answer>(slug: string, tags: string[], read: () => Promise<Answer | null>): Promise<Answer | null> {
  if (!(await mayLookUp(slug))) {
    keepNot();
    return null;
  }
  keepUntilChanged(...tags);
  const answer = await read();
  if (!answer) keepNot();
  return answer;
}

/** Sitemap file `page` (SITEMAP_PAGE_SIZE entries): kept until one of `tags` changes, unless it is past the last. */
async function readSitemapPage<Entry>(page: number, tags: string[], list: (range: { offset: number; limit: number }) => Promise<Entry[]>) {
  keepUntilChanged(...tags);
  const entries = await list({ offset: page * SITEMAP_PAGE_SIZE, limit: SITEMAP_PAGE_SIZE });
  if (entries.length === 0) keepNot();
  return entries;
}

/** A published role by its slug; null for any other slug, and then nothing is kept. */
async function getCachedRole(...given: [slug: string]) {
  'use cache';
  const [slug] = expectArguments('getCachedRole', slugArgument, given);
  return readOfPublishedRole(slug, [cacheTags.role(slug)], () => getPublishedRoleBySlug({ slug }));
}

export const getRole = cache(async (slug: string) => ((await mayLookUp(slug)) ? getCachedRole(slug) : null));

/** The published role a page's `[slug]` names; null for a slug that is malformed or no published role's. */
export async function getRoleOfParams(params: Promise<{ slug: string }>) {
  const slug = slugSchema.safeParse((await params).slug);
  return slug.success ? getRole(slug.data) : null;
}

/**
 * How many similar roles a role page shows (a short list of links, as BLS's "similar occupations"
 * runs to ten); a comparison asks for more (getRolesToSuggest).
 */
const SIMILAR_ROLES_ON_ROLE_PAGE = 6;
// Enough of each compared role's similar roles that some are left once the others compared are taken out.
const SIMILAR_ROLES_PER_COMPARED_ROLE = MAX_SUGGESTIONS + MAX_ROLES_TO_ADD_TO;
const similarRolesArguments = z.tuple([slugSchema, z.union([z.literal(SIMILAR_ROLES_ON_ROLE_PAGE), z.literal(SIMILAR_ROLES_PER_COMPARED_ROLE)])]);

/** Same category as the published role of `slug`, nearest average salary; [] for any other slug. */
async function getCachedSimilarRoles(...given: [slug: string, limit: number]) {
  'use cache';
  const [slug, limit] = expectArguments('getSimilarRoles', similarRolesArguments, given);
  const role = await getCachedRole(slug);
  if (!role) {
    keepNot();
    return [];
  }
  keepUntilChanged(cacheTags.category(role.category.slug), cacheTags.roleList);
  return listSimilarRoles({ roleId: role.id, categorySlug: role.category.slug, averageSalary: role.stats.averageSalary, limit });
}

/** A role page's similar roles. */
export const getSimilarRoles = (slug: string) => getCachedSimilarRoles(slug, SIMILAR_ROLES_ON_ROLE_PAGE);

const categorySalariesArguments = z.tuple([categorySlugSchema(), currencyCodeSchema()]);

/** The averages of a category's roles, for a role without percentiles; any change in the category refreshes it. */
export async function getCategorySalaries(...given: [categorySlug: string, currency: string]) {
  'use cache';
  const [categorySlug, currency] = expectArguments('getCategorySalaries', categorySalariesArguments, given);
  keepUntilChanged(cacheTags.category(categorySlug), cacheTags.roleList);
  const range = await getCategorySalaryRange({ categorySlug, currency });
  // Only a category and currency that some published role has are kept.
  if (!range) keepNot();
  return range;
}

/** Views anyone reaches by clicking: a state, a category, an education level, a sort, the first page. Their number is fixed. */
function isCommonView(search: RoleSearch, pageSize: number) {
  return !search.q && search.minSalary === undefined && search.maxDegree === undefined && !search.after && !search.before && pageSize === PAGE_SIZE;
}

const commonViewArguments = z.tuple([
  z.strictObject({
    category: categorySlugSchema().optional(),
    sort: z.enum(roleSorts).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    stateFips: z.string().refine((fips) => usStateByFips(fips) !== null).optional(),
    maxEducation: z.enum(educationSlugs).optional(),
  }),
]);
type CommonView = z.output<typeof commonViewArguments>[0];

async function getCommonRolePage(...given: [view: CommonView]) {
  'use cache';
  const [{ category, sort, order, stateFips, maxEducation: educationSlug }] = expectArguments('getCommonRolePage', commonViewArguments, given);
  const maxEducation = educationSlug && educationLevelOfSlug(educationSlug);
  // A category that does not exist lists nothing; only the categories there are are kept.
  if (category && !(await getCachedCategories()).some((known) => known.slug === category)) {
    keepNot();
    return listPublishedRoles({ category, sort, order, maxEducation }, PAGE_SIZE);
  }
  const state = stateFips ? (usStateByFips(stateFips) ?? undefined) : undefined;
  // Each role in the list says its open postings: the page changes with the jobs too.
  if (state) keepUntilChanged(cacheTags.roleList, cacheTags.areas, cacheTags.jobs);
  else keepUntilChanged(cacheTags.roleList, cacheTags.jobs);
  return listPublishedRoles({ category, sort, order, state, maxEducation }, PAGE_SIZE);
}

export const getRolePage = (search: RoleSearch, pageSize = PAGE_SIZE) => {
  if (!isCommonView(search, pageSize)) return listPublishedRoles(search, pageSize);
  const { category, sort, order, state, maxEducation } = search;
  // Only what is set: an unset property would be a different argument, and so a different entry.
  return getCommonRolePage({
    ...(category && { category }),
    ...(sort && { sort }),
    ...(order && { order }),
    ...(state && { stateFips: state.fips }),
    ...(maxEducation && { maxEducation: maxEducation.slug }),
  });
};

async function getCachedRoleStatsHistory(...given: [slug: string]) {
  'use cache';
  const [slug] = expectArguments('getRoleStatsHistory', slugArgument, given);
  return readOfPublishedRole(slug, [cacheTags.role(slug)], () => listPublishedRoleStatsHistory({ slug }));
}

export const getRoleStatsHistory = async (slug: string) => ((await mayLookUp(slug)) ? getCachedRoleStatsHistory(slug) : null);

/** Changes whenever any published role or its stats change: the CSV export's validator. */
export async function getCatalogueFingerprint(...given: []) {
  'use cache';
  return readWithoutArguments('getCatalogueFingerprint', given, [cacheTags.roleList], getPublishedCatalogueFingerprint);
}

async function getCachedCategories(...given: []) {
  'use cache';
  return readWithoutArguments('getCategories', given, [cacheTags.categories], listCategories);
}

export const getCategories = cache(() => getCachedCategories());

export async function getPublishedRoleCount(...given: []) {
  'use cache';
  return readWithoutArguments('getPublishedRoleCount', given, [cacheTags.roleList], countPublishedRoles);
}

/** The landing page "Best-paid jobs without a degree": every level below an associate's degree (lib/education.ts). */
export async function getBestPaidWithoutDegree(...given: []) {
  'use cache';
  return readWithoutArguments('getBestPaidWithoutDegree', given, [cacheTags.roleList], () => {
    const maxRank = Math.max(...educationLevels.filter((level) => !level.needsDegree).map((level) => level.rank));
    return listBestPaidByEducation({ maxRank, perLevel: 5, overall: 10 });
  });
}

export async function getRoleAreaPageCount(...given: []) {
  'use cache';
  return readWithoutArguments('getRoleAreaPageCount', given, [cacheTags.roleList, cacheTags.areas], countPublishedRoleAreaPages);
}

/** A sitemap file's number: from 0, below 1,000 (50 million addresses). */
const sitemapPageArgument = z.tuple([z.number().int().min(0).max(999)]);

/** The role pages of sitemap file `page` (SITEMAP_PAGE_SIZE each); only files that exist are kept. */
export async function getSitemapEntries(...given: [page: number]) {
  'use cache';
  const [page] = expectArguments('getSitemapEntries', sitemapPageArgument, given);
  return readSitemapPage(page, [cacheTags.roleList], listPublishedRoleSlugs);
}

/** The role × state pages of sitemap file `page`; only files that exist are kept. */
export async function getRoleAreaSitemapEntries(...given: [page: number]) {
  'use cache';
  const [page] = expectArguments('getRoleAreaSitemapEntries', sitemapPageArgument, given);
  return readSitemapPage(page, [cacheTags.roleList, cacheTags.areas], listPublishedRoleAreaPages);
}

/** The published U.S. occupations by SOC code (where a job title's classification points). */
export async function getOccupationsBySocCode(...given: []) {
  'use cache';
  return readWithoutArguments('getOccupationsBySocCode', given, [cacheTags.roleList], listPublishedOccupations);
}

async function getCachedAreas(...given: []) {
  'use cache';
  return readWithoutArguments('getAreas', given, [cacheTags.areas], listAreas);
}

/** The 50 states and DC. */
export const getAreas = cache(() => getCachedAreas());

/** Each state's pay over all its published occupations, for /states. */
export async function getAreaWageSummaries(...given: []) {
  'use cache';
  return readWithoutArguments('getAreaWageSummaries', given, [cacheTags.areas, cacheTags.roleList], listAreaWageSummaries);
}

const stateFipsArgument = z.tuple([z.string().refine((fips) => usStateByFips(fips) !== null)]);

/** Changes whenever an import changes a state's figures (the state CSV's ETag). */
export async function getAreaFingerprint(...given: [fips: string]) {
  'use cache';
  const [fips] = expectArguments('getAreaFingerprint', stateFipsArgument, given);
  keepUntilChanged(cacheTags.areas);
  return getAreaFiguresFingerprint({ fips });
}

async function getCachedRoleAreaFigures(...given: [slug: string]) {
  'use cache';
  const [slug] = expectArguments('getRoleAreaFigures', slugArgument, given);
  return readOfPublishedRole(slug, [cacheTags.role(slug), cacheTags.areas], () => listPublishedRoleAreaFigures({ slug }));
}

/** Every state's figures for a published role, or null. */
export const getRoleAreaFigures = async (slug: string) => ((await mayLookUp(slug)) ? getCachedRoleAreaFigures(slug) : null);

/** What is known of the slugs these tags name: a new role, or one that changed, is looked up afresh. */
function forgetSlugsOf(tags: string[]) {
  forgetSlugs(tags.map(slugOfRoleTag).filter((slug): slug is string => slug !== null));
}

/** From a Server Action: makes a saved change visible on the next request (updateTag reads its own writes). */
export function invalidatePublicRoles(tags: string[]) {
  for (const tag of tags) updateTag(tag);
  forgetSlugsOf(tags);
}

/**
 * From a route handler, where updateTag is not available: the same, with the entries expired at
 * once ({ expire: 0 }), so the next request renders afresh instead of being served the stale page.
 */
export function expirePublicRoles(tags: string[]) {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  forgetSlugsOf(tags);
}

/** The published roles among these slugs, in order, and the slugs that are not (or no longer) published. */
/**
 * The published roles of a comparison, and the slugs that are not. In a `state`, each with the
 * state's figures (compareInState), and `withoutEstimate` the roles BLS has none for there;
 * `national` keeps their national figures, which similar roles are found by.
 */
export async function getRolesToCompare(slugs: string[], state?: UsState) {
  const found = await Promise.all(slugs.map((slug) => getRole(slug)));
  const roles = found.filter((role): role is RoleDetail => role !== null);
  const missing = slugs.filter((_, index) => found[index] === null);
  if (!state) return { roles, national: roles, missing, withoutEstimate: [] };
  const figures = await Promise.all(roles.map((role) => getRoleAreaFigures(role.slug)));
  const here = figures.map((list) => list?.find((item) => item.area.fips === state.fips) ?? null);
  return {
    roles: roles.map((role, index) => compareInState(role, here[index]!)),
    national: roles,
    missing,
    withoutEstimate: roles.filter((_, index) => here[index] === null),
  };
}

/**
 * Roles to suggest adding to a comparison: of the same categories as the roles compared and
 * nearest to them in average salary, none already compared; none once the comparison is full.
 * Read from each role's cached similar roles, so no entry depends on the combination compared.
 */
export async function getRolesToSuggest(roles: RoleDetail[]) {
  if (roles.length === 0 || roles.length >= MAX_COMPARED_ROLES) return [];
  const similarRolesOfEach = await Promise.all(roles.map((role) => getCachedSimilarRoles(role.slug, SIMILAR_ROLES_PER_COMPARED_ROLE)));
  return pickSuggestions(
    similarRolesOfEach,
    roles.map((role) => role.slug),
    MAX_SUGGESTIONS,
  );
}

/**
 * The roles of the listing's `/?compareWith=` when every one is published, else null (the
 * listing then ignores the parameter). Only published roles are looked up, each cached by its slug.
 */
export async function getRolesToAddTo(slugs: string[]) {
  const { roles, missing } = await getRolesToCompare(slugs);
  return missing.length === 0 ? roles : null;
}

/**
 * The roles a name could mean, leaving out `excluded`: the one role it names if there is exactly
 * one (its slug, or its title or another of its names in any form: "data scientist", "RN"), else
 * the best matches of a search for it. Free text, so never cached.
 */
export async function findRolesNamed(name: string, { excluded, limit }: { excluded: string[]; limit: number }) {
  const exact = await getRole(slugify(name));
  if (exact && !excluded.includes(exact.slug)) return [{ slug: exact.slug, title: exact.title }];
  const named = (await listRolesNamedBy({ q: name, limit: excluded.length + 2 })).filter((role) => !excluded.includes(role.slug));
  if (named.length === 1) return named;
  const { items } = await getRolePage({ q: name }, limit + excluded.length);
  return items.filter((item) => !excluded.includes(item.slug)).slice(0, limit).map(({ slug, title }) => ({ slug, title }));
}
