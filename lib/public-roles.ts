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
} from '@/db/roles';
import { cacheTags } from './cache-tags';
import { PAGE_SIZE, type RoleSearch } from './role-search';

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
