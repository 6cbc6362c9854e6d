// Cache tags for public data. Admin mutations invalidate exactly the tags their change touches.
export const cacheTags = {
  /** Listing, sitemap, counts: anything that shows many roles. */
  roleList: 'roles',
  role: (slug: string) => `role:${slug}`,
  /** Similar-roles panels of every role in the category. */
  category: (categorySlug: string) => `category:${categorySlug}`,
  categories: 'categories',
};
