import type { Category } from '@/db/schema';

/** The "Category" filter of the public listing and the admin list; empty means all. */
export function CategoryField({ categories, selected }: { categories: Category[]; selected: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor="category">Category</label>
      <select id="category" name="category" defaultValue={selected ?? ''}>
        <option value="">All categories</option>
        {categories.map((category) => (
          <option key={category.slug} value={category.slug}>
            {category.name}
          </option>
        ))}
      </select>
    </div>
  );
}
