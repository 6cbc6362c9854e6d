// A searchable list of roles: the search form, the active filters, the results and their pages.
// The listing (`/`) and a state's page (`/states/{state}`, whose state is fixed) both show it.
import Link from 'next/link';
import type { Category } from '@/db/schema';
import type { RolePage } from '@/db/role-search';
import { formatCount } from '@/lib/domain/format';
import { encodeCursor, PAGE_SIZE, toQueryString, type PlaceFromText, type RoleSearch } from '@/lib/role-search';
import { ActiveFilters } from './active-filters';
import { SalaryMarkerLegend } from './charts/salary-marker';
import { IgnoredParametersNotice } from './ignored-parameters-notice';
import { Pagination } from './pagination';
import { PlaceFromTextNotice } from './place-from-text-notice';
import { RoleList } from './role-list';
import { RoleSearchForm } from './role-search-form';

export function RoleListing({
  search,
  result,
  categories,
  ignored,
  basePath = '/',
  fixedState = false,
  keep = {},
  addTo,
  placeFromText,
  notice,
}: {
  search: RoleSearch;
  result: RolePage;
  categories: Category[];
  /** Names of the link's settings that were not valid. */
  ignored: string[];
  basePath?: string;
  fixedState?: boolean;
  keep?: Record<string, string>;
  addTo?: string[];
  /** A place read from the search text as the state (the listing only). */
  placeFromText?: PlaceFromText;
  /** Said above the results (the listing's reading of the search as a job title). */
  notice?: React.ReactNode;
}) {
  const listingSearch = { search, categories, keep, basePath, fixedState };
  const page = search.page ?? 1;
  const firstShown = (page - 1) * PAGE_SIZE + 1;
  const filtered = Boolean(search.q || search.category || search.minSalary !== undefined || search.maxDegree !== undefined || search.maxEducation || (search.state && !fixedState));
  // A state's page is the state: its links leave the parameter out.
  const fixed = fixedState ? { state: undefined } : {};
  const pageHref = (cursor: 'after' | 'before', value: string, pageNumber: number) =>
    `${basePath}${toQueryString(search, { ...keep, ...fixed, [cursor]: value, page: pageNumber > 1 ? String(pageNumber) : undefined })}`;

  return (
    <>
      <RoleSearchForm {...listingSearch} />
      <ActiveFilters {...listingSearch} />
      <PlaceFromTextNotice placeFromText={placeFromText} search={search} keep={keep} />
      {result.correctedText && (
        <p className="notice">
          No role has the words “{search.q}”: showing roles for “{result.correctedText}”.
        </p>
      )}
      <IgnoredParametersNotice what="of the link's settings" names={ignored} />
      {notice}
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="results-heading">
          {result.total === 0
            ? 'No roles found'
            : `${formatCount(result.total)}${result.totalIsLowerBound ? '+' : ''} ${result.total === 1 ? 'role' : 'roles'}${
                result.items.length > 0 && result.total > PAGE_SIZE
                  ? ` · showing ${formatCount(firstShown)}–${formatCount(firstShown + result.items.length - 1)}`
                  : ''
              }`}
        </h2>
        {result.items.length > 0 ? (
          <>
            <SalaryMarkerLegend />
            <RoleList roles={result.items} addTo={addTo} />
          </>
        ) : (
          <p>
            No roles match {filtered ? 'these filters' : 'this page'}.{' '}
            <Link href={`${basePath}${toQueryString({}, keep)}`}>Clear all filters</Link> to see every role.
          </p>
        )}
        <Pagination
          previousHref={result.previousCursor && pageHref('before', encodeCursor(result.previousCursor), page - 1)}
          nextHref={result.nextCursor && pageHref('after', encodeCursor(result.nextCursor), page + 1)}
        />
      </section>
    </>
  );
}
