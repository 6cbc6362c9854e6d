// The listing's search form: a plain GET form, so it works without JavaScript and every
// search is a shareable URL. The search box is always in view; the other filters and the sort
// are a disclosure on a phone, named with how many of them are set (app/globals.css shows them
// open on wider screens).
import type { Category } from '@/db/schema';
import { CategoryField } from './category-field';
import { ChoiceField } from './choice-field';
import { EducationField } from './education-field';
import { StateField } from './state-field';
import type { RoleSearch } from '@/lib/role-search';
import { isSortChanged, MAX_QUERY_LENGTH, sortChoiceOf, sortChoicesFor } from '@/lib/role-search';
import { MinimumPayField, SearchFilters, SearchQuery } from './search-form-parts';

/** How many of the settings inside the disclosure differ from their defaults. */
export function countActiveFilters(search: RoleSearch, fixedState = false) {
  return [
    search.state !== undefined && !fixedState,
    search.category !== undefined,
    search.minSalary !== undefined,
    search.maxDegree !== undefined,
    search.maxEducation !== undefined,
    isSortChanged(search),
  ].filter(Boolean).length;
}

/**
 * What the listing's search form and its active filters both show from: the search, the categories
 * (by name), `keep` (state that is not a search, the comparison a role is being picked for, which
 * every search carries), `basePath` (the page the listing is on, where it searches) and `fixedState`
 * (a state's page, which has no state filter).
 */
export type ListingSearch = { search: RoleSearch; categories: Category[]; keep: Record<string, string>; basePath: string; fixedState: boolean };

/** `keep` goes along as hidden fields. */
export function RoleSearchForm({ search, categories, keep, basePath, fixedState }: ListingSearch) {
  const active = countActiveFilters(search, fixedState);
  const defaultChoice = sortChoiceOf({ q: search.q });
  return (
    <form action={basePath} method="get" role="search" aria-label="Find roles" className="search-form">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SearchQuery label="Search roles" defaultValue={search.q} maxLength={MAX_QUERY_LENGTH} placeholder="e.g. engineer, nurse, data" />
      <SearchFilters active={active}>
        {!fixedState && <StateField selected={search.state} />}
        <CategoryField categories={categories} selected={search.category} />
        <MinimumPayField id="minSalary" label={search.state ? 'Minimum average salary in the state (USD)' : 'Minimum average salary (USD)'} value={search.minSalary} />
        <EducationField selected={search.maxEducation} />
        {/* The default order is sent as no sort at all, so that typing search text into a form
            that was sorted by title still ranks by best match (and clearing it, by title). */}
        <ChoiceField
          id="sort"
          label="Sort by"
          emptyLabel={defaultChoice.label}
          choices={sortChoicesFor(search).filter((choice) => choice !== defaultChoice)}
          selected={isSortChanged(search) ? sortChoiceOf(search).value : undefined}
        />
      </SearchFilters>
    </form>
  );
}
