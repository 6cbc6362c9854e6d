// Cached public reads. Public pages go through these, never straight to the DAL, so a page view
// is served from Next's `'use cache'` data cache (lib/server/use-cache-handler.mjs) and PostgreSQL is asked again only after an admin edit
// invalidates a tag. Nothing here depends on the visitor, so every entry is shared. What a
// visitor can vary without limit (made-up slugs, free-text searches) is never cached, so nobody
// can fill the cache: a role is looked up only once its slug is known to be published, and
// only the listing's common views (no search text, no numeric filters, first page) are kept.
import 'server-only';
import { cache } from 'react';
import { cacheLife, cacheTag, revalidateTag, updateTag } from 'next/cache';
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
  listPublishedRoles,
  listPublishedRoleSlugs,
  listPublishedRoleStatsHistory,
  getPublishedCatalogueFingerprint,
  listSimilarRoles,
  getCategorySalaryRange,
  type RoleDetail,
} from '@/db/role-reads';
import { cacheTags, slugOfRoleTag } from './cache-tags';
import { compareInState, MAX_COMPARED_ROLES, MAX_ROLES_TO_ADD_TO, MAX_SUGGESTIONS, pickSuggestions } from './compare';
import { forgetSlugs, isPublishedSlug } from './published-slugs';
import { PAGE_SIZE, type RoleSearch } from './role-search';
import { slugify } from './slug';
import type { UsState } from './us-states';

/**
 * Whether a slug may be looked up (and its answer cached). While the database is away the
 * check cannot be made: the cache may still hold the role, and a miss fails without caching.
 */
async function mayLookUp(slug: string) {
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

async function getCachedRole(slug: string) {
  'use cache';
  keepUntilChanged(cacheTags.role(slug));
  return getPublishedRoleBySlug({ slug });
}

export const getRole = cache(async (slug: string) => ((await mayLookUp(slug)) ? getCachedRole(slug) : null));

/** Same category, nearest average salary. A role page shows 4; a comparison asks for more (getRolesToSuggest). */
export async function getSimilarRoles(role: { id: number; slug: string; categorySlug: string; averageSalary: number | null }, limit = 4) {
  'use cache';
  keepUntilChanged(cacheTags.category(role.categorySlug), cacheTags.roleList);
  return listSimilarRoles({ roleId: role.id, categorySlug: role.categorySlug, averageSalary: role.averageSalary, limit });
}

/** The averages of a category's roles, for a role without percentiles; any change in the category refreshes it. */
export async function getCategorySalaries(categorySlug: string, currency: string) {
  'use cache';
  keepUntilChanged(cacheTags.category(categorySlug), cacheTags.roleList);
  return getCategorySalaryRange({ categorySlug, currency });
}

/** Views anyone reaches by clicking: a state, a category, a sort, the first page. Their number is fixed. */
function isCommonView(search: RoleSearch, pageSize: number) {
  return !search.q && search.minSalary === undefined && search.maxDegree === undefined && !search.after && !search.before && pageSize === PAGE_SIZE;
}

async function getCommonRolePage({ category, sort, order, state }: Pick<RoleSearch, 'category' | 'sort' | 'order' | 'state'>) {
  'use cache';
  if (state) keepUntilChanged(cacheTags.roleList, cacheTags.areas);
  else keepUntilChanged(cacheTags.roleList);
  return listPublishedRoles({ category, sort, order, state }, PAGE_SIZE);
}

export const getRolePage = (search: RoleSearch, pageSize = PAGE_SIZE) => {
  if (!isCommonView(search, pageSize)) return listPublishedRoles(search, pageSize);
  const { category, sort, order, state } = search;
  return getCommonRolePage({ category, sort, order, state });
};

async function getCachedRoleStatsHistory(slug: string) {
  'use cache';
  keepUntilChanged(cacheTags.role(slug));
  return listPublishedRoleStatsHistory({ slug });
}

export const getRoleStatsHistory = async (slug: string) => ((await mayLookUp(slug)) ? getCachedRoleStatsHistory(slug) : null);

/** Changes whenever any published role or its stats change: the CSV export's validator. */
export async function getCatalogueFingerprint() {
  'use cache';
  keepUntilChanged(cacheTags.roleList);
  return getPublishedCatalogueFingerprint();
}

async function getCachedCategories() {
  'use cache';
  keepUntilChanged(cacheTags.categories);
  return listCategories();
}

export const getCategories = cache(getCachedCategories);

export async function getSitemapEntries(offset: number, limit: number) {
  'use cache';
  keepUntilChanged(cacheTags.roleList);
  return listPublishedRoleSlugs({ offset, limit });
}

export async function getPublishedRoleCount() {
  'use cache';
  keepUntilChanged(cacheTags.roleList);
  return countPublishedRoles();
}

export async function getRoleAreaPageCount() {
  'use cache';
  keepUntilChanged(cacheTags.roleList, cacheTags.areas);
  return countPublishedRoleAreaPages();
}

export async function getRoleAreaSitemapEntries(offset: number, limit: number) {
  'use cache';
  keepUntilChanged(cacheTags.roleList, cacheTags.areas);
  return listPublishedRoleAreaPages({ offset, limit });
}

async function getCachedAreas() {
  'use cache';
  keepUntilChanged(cacheTags.areas);
  return listAreas();
}

/** The 50 states and DC. */
export const getAreas = cache(getCachedAreas);

/** Each state's pay over all its published occupations, for /states. */
export async function getAreaWageSummaries() {
  'use cache';
  keepUntilChanged(cacheTags.areas, cacheTags.roleList);
  return listAreaWageSummaries();
}

/** Changes whenever an import changes a state's figures (the state CSV's ETag). */
export async function getAreaFingerprint(fips: string) {
  'use cache';
  keepUntilChanged(cacheTags.areas);
  return getAreaFiguresFingerprint({ fips });
}

async function getCachedRoleAreaFigures(slug: string) {
  'use cache';
  keepUntilChanged(cacheTags.role(slug), cacheTags.areas);
  return listPublishedRoleAreaFigures({ slug });
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

// Enough of each compared role's similar roles that some are left once the others compared are taken out.
const SIMILAR_ROLES_PER_COMPARED_ROLE = MAX_SUGGESTIONS + MAX_ROLES_TO_ADD_TO;

/**
 * Roles to suggest adding to a comparison: of the same categories as the roles compared and
 * nearest to them in average salary, none already compared; none once the comparison is full.
 * Read from each role's cached similar roles, so no entry depends on the combination compared.
 */
export async function getRolesToSuggest(roles: RoleDetail[]) {
  if (roles.length === 0 || roles.length >= MAX_COMPARED_ROLES) return [];
  const similarRolesOfEach = await Promise.all(
    roles.map((role) =>
      getSimilarRoles({ id: role.id, slug: role.slug, categorySlug: role.category.slug, averageSalary: role.stats.averageSalary }, SIMILAR_ROLES_PER_COMPARED_ROLE),
    ),
  );
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

/** The roles a name could mean, leaving out `excluded`: the exact title if there is one, else title and keyword matches. */
export async function findRolesNamed(name: string, { excluded, limit }: { excluded: string[]; limit: number }) {
  const exact = await getRole(slugify(name));
  if (exact && !excluded.includes(exact.slug)) return [{ slug: exact.slug, title: exact.title }];
  const { items } = await getRolePage({ q: name }, limit + excluded.length);
  return items.filter((item) => !excluded.includes(item.slug)).slice(0, limit).map(({ slug, title }) => ({ slug, title }));
}
