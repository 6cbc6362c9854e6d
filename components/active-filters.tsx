// The listing's active filters as chips: each a link to the same search without that filter (back
// on its first page), and "Clear all" where there are several. `keep` is state that is not a filter
// (the comparison a role is being picked for): every link carries it.
import Link from 'next/link';
import { formatPercent, formatSalary } from '@/lib/domain/format';
import { isSortChanged, sortChoiceOf, toQueryString, type RoleSearch, type SortChoice } from '@/lib/role-search';
import type { ListingSearch } from './role-search-form';

type Chip = { label: string; without: Record<string, undefined> };

/** Without the state, a sort by a state's figures goes too (it means nothing nationally). */
function stateSortWithout(search: RoleSearch, sortChoice: SortChoice): Record<string, undefined> {
  return sortChoice.sort === 'employment' || sortChoice.sort === 'concentration' ? { state: undefined, sort: undefined, order: undefined } : { state: undefined };
}

/** The chips link to `basePath`; a state's page (`fixedState`) has no chip for its state. */
export function ActiveFilters({ search, categories, keep, basePath, fixedState }: ListingSearch) {
  const sortChoice = sortChoiceOf(search);
  const chips: Chip[] = [];
  if (search.q) {
    // Best match ranks by the search text: without it, the list goes back to its default order.
    chips.push({ label: `Search: “${search.q}”`, without: sortChoice.sort === 'relevance' ? { q: undefined, sort: undefined, order: undefined } : { q: undefined } });
  }
  if (search.state && !fixedState) chips.push({ label: `State: ${search.state.name}`, without: stateSortWithout(search, sortChoice) });
  if (search.category) {
    const name = categories.find((category) => category.slug === search.category)?.name ?? search.category;
    chips.push({ label: `Category: ${name}`, without: { category: undefined } });
  }
  if (search.minSalary !== undefined) chips.push({ label: `Minimum average salary${search.state ? ' in the state' : ''}: ${formatSalary(search.minSalary)}`, without: { minSalary: undefined } });
  if (search.maxEducation) {
    const level = search.maxEducation;
    chips.push({ label: `Typical education: ${level.rank === 0 ? level.label : `at most ${level.label.toLowerCase()}`}`, without: { maxEducation: undefined } });
  }
  if (search.maxDegree !== undefined) chips.push({ label: `Maximum degree requirement: ${formatPercent(search.maxDegree)}`, without: { maxDegree: undefined } });
  if (isSortChanged(search)) chips.push({ label: `Sort: ${sortChoice.label}`, without: { sort: undefined, order: undefined } });
  if (chips.length === 0) return null;

  return (
    <ul className="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link className="filter-chip" href={`${basePath}${toQueryString(search, { ...chip.without, ...keep, ...(fixedState ? { state: undefined } : {}) })}`}>
            <span className="visually-hidden">Remove filter: </span>
            {chip.label}
            <span className="filter-chip__remove" aria-hidden="true">
              ×
            </span>
          </Link>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <Link className="filter-chips__clear" href={`${basePath}${toQueryString({}, keep)}`}>
            Clear all
          </Link>
        </li>
      )}
    </ul>
  );
}
