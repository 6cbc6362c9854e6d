// Cached public reads. Public pages go through these, never straight to the DAL, so a page view
// is served from Next's data cache and PostgreSQL is asked again only after an admin edit
// invalidates a tag. Nothing here depends on the visitor, so every entry is shared.
import 'server-only';
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import {
  countPublishedRoles,
  getPublishedRoleBySlug,
  listCategories,
  listPublishedRoles,
  listPublishedRoleSlugs,
  listPublishedRoleStatsHistory,
  getPublishedCatalogueFingerprint,
  listSimilarRoles,
  type RoleDetail,
} from '@/db/roles';
import { cacheTags } from './cache-tags';
import { PAGE_SIZE, type RoleSearch } from './role-search';
import { slugify } from './slug';

export const getRole = cache((slug: string) =>
  unstable_cache(() => getPublishedRoleBySlug({ slug }), ['role', slug], { tags: [cacheTags.role(slug)] })(),
);

export const getSimilarRoles = (role: { id: number; slug: string; categorySlug: string; averageSalary: number }) =>
  unstable_cache(
    () => listSimilarRoles({ roleId: role.id, categorySlug: role.categorySlug, averageSalary: role.averageSalary }),
    ['similar-roles', role.slug, role.categorySlug, String(role.averageSalary)],
    { tags: [cacheTags.category(role.categorySlug), cacheTags.roleList] },
  )();

export const getRolePage = (search: RoleSearch, pageSize = PAGE_SIZE) =>
  unstable_cache(() => listPublishedRoles(search, pageSize), ['role-page', JSON.stringify(search), String(pageSize)], {
    tags: [cacheTags.roleList],
  })();

export const getRoleStatsHistory = (slug: string) =>
  unstable_cache(() => listPublishedRoleStatsHistory({ slug }), ['role-history', slug], { tags: [cacheTags.role(slug)] })();

/** Changes whenever any published role or its stats change: the CSV export's validator. */
export const getCatalogueFingerprint = () =>
  unstable_cache(() => getPublishedCatalogueFingerprint(), ['catalogue-fingerprint'], { tags: [cacheTags.roleList] })();

export const getCategories = cache(() =>
  unstable_cache(() => listCategories(), ['categories'], { tags: [cacheTags.categories] })(),
);

export const getSitemapEntries = (offset: number, limit: number) =>
  unstable_cache(() => listPublishedRoleSlugs({ offset, limit }), ['sitemap', String(offset), String(limit)], {
    tags: [cacheTags.roleList],
  })();

export const getPublishedRoleCount = () =>
  unstable_cache(() => countPublishedRoles(), ['published-role-count'], { tags: [cacheTags.roleList] })();

/** The published roles among these slugs, in order, and the slugs that are not (or no longer) published. */
export async function getRolesToCompare(slugs: string[]) {
  const found = await Promise.all(slugs.map((slug) => getRole(slug)));
  return {
    roles: found.filter((role): role is RoleDetail => role !== null),
    missing: slugs.filter((_, index) => found[index] === null),
  };
}

/** The roles a name could mean, leaving out `excluded`: the exact title if there is one, else title and keyword matches. */
export async function findRolesNamed(name: string, { excluded, limit }: { excluded: string[]; limit: number }) {
  const exact = await getRole(slugify(name));
  if (exact && !excluded.includes(exact.slug)) return [{ slug: exact.slug, title: exact.title }];
  const { items } = await getRolePage({ q: name }, limit + excluded.length);
  return items.filter((item) => !excluded.includes(item.slug)).slice(0, limit).map(({ slug, title }) => ({ slug, title }));
}
