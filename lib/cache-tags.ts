// Cache tags for public data. Admin mutations invalidate exactly the tags their change touches.
const rolePrefix = 'role:';

export const cacheTags = {
  /** Listing, sitemap, counts: anything that shows many roles. */
  roleList: 'roles',
  role: (slug: string) => `${rolePrefix}${slug}`,
  /** Similar-roles panels of every role in the category. */
  category: (categorySlug: string) => `category:${categorySlug}`,
  categories: 'categories',
  /** The states and every role's figures in them (BLS state estimates), which change only with an import. */
  areas: 'areas',
  /** Job postings: /jobs, its feeds and API, and every role's and state's openings figures. */
  jobs: 'jobs',
  job: (id: number) => `job:${id}`,
};

const tagPattern = /^(roles|categories|areas|jobs|job:[1-9][0-9]{0,15}|(role|category):[a-z0-9]+(-[a-z0-9]+)*)$/;

/** True for the tags above (slugs as the slug rules allow): what an invalidation from outside may name. */
export function isCacheTag(tag: string) {
  return tag.length <= 110 && tagPattern.test(tag);
}

/** The slug a `role:<slug>` tag names, or null for other tags. */
export function slugOfRoleTag(tag: string) {
  return tag.startsWith(rolePrefix) ? tag.slice(rolePrefix.length) : null;
}
