// The listing's search form: a plain GET form, so it works without JavaScript and every
// search is a shareable URL.
import type { Category } from '@/db/schema';
import { CategoryField } from './category-field';
import type { RoleSearch } from '@/lib/role-search';
import { MAX_QUERY_LENGTH } from '@/lib/role-search';

const sortLabels = { title: 'Title', salary: 'Average salary', openings: 'Job openings' } as const;

export function RoleSearchForm({ search, categories }: { search: RoleSearch; categories: Category[] }) {
  return (
    <form action="/" method="get" role="search" aria-label="Find roles" className="search-form">
      <div className="field field--wide">
        <label htmlFor="q">Search roles</label>
        <input id="q" name="q" type="search" defaultValue={search.q} maxLength={MAX_QUERY_LENGTH} placeholder="e.g. engineer, nurse, data" />
      </div>
      <CategoryField categories={categories} selected={search.category} />
      <div className="field">
        <label htmlFor="minSalary">Minimum average salary (USD)</label>
        <input id="minSalary" name="minSalary" type="number" inputMode="numeric" min={0} step={1000} defaultValue={search.minSalary} />
      </div>
      <div className="field">
        <label htmlFor="maxDegree">Maximum degree requirement (%)</label>
        <input id="maxDegree" name="maxDegree" type="number" inputMode="numeric" min={0} max={100} defaultValue={search.maxDegree} />
      </div>
      <div className="field">
        <label htmlFor="sort">Sort by</label>
        <select id="sort" name="sort" defaultValue={search.sort ?? 'title'}>
          {Object.entries(sortLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="order">Order</label>
        <select id="order" name="order" defaultValue={search.order ?? ''}>
          <option value="">Default (A–Z, highest first)</option>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      <div className="search-form__actions">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
