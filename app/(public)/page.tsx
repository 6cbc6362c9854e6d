import type { Metadata } from 'next';
import Link from 'next/link';
import { ActiveFilters } from '@/components/active-filters';
import { SalaryMarkerLegend } from '@/components/charts/salary-marker';
import { Pagination } from '@/components/pagination';
import { RoleList } from '@/components/role-list';
import { RoleSearchForm } from '@/components/role-search-form';
import { compareHref, parseCompareWith } from '@/lib/compare';
import { formatCount, formatList } from '@/lib/format';
import { getCategories, getRolePage, getRolesToAddTo } from '@/lib/public-roles';
import type { RawSearchParams } from '@/lib/query-params';
import { encodeCursor, PAGE_SIZE, parseRoleSearch, toQueryString } from '@/lib/role-search';

export const metadata: Metadata = {
  title: { absolute: 'Roleboard: job role salaries and statistics' },
  alternates: { canonical: '/' },
};

const parameterLabels = {
  q: 'search text',
  category: 'category',
  minSalary: 'minimum salary',
  maxDegree: 'maximum degree requirement',
  sort: 'sort',
  order: 'order',
  after: 'page',
  before: 'page',
  page: 'page number',
  compareWith: 'roles to compare with',
} satisfies Record<string, string>;

export default async function RolesListingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { search, invalid: invalidSearch } = parseRoleSearch(raw);
  const invalid: (keyof typeof parameterLabels)[] = invalidSearch;
  const categories = await getCategories();
  // Pick mode: a role is being chosen to add to the comparison of these (from the compare page).
  const compareWith = parseCompareWith(raw);
  const addTo = Array.isArray(compareWith) ? await getRolesToAddTo(compareWith) : null;
  if (compareWith !== undefined && !addTo) invalid.push('compareWith');
  const keep: Record<string, string> = addTo ? { compareWith: addTo.map((role) => role.slug).join(',') } : {};
  if (search.category && !categories.some((category) => category.slug === search.category)) {
    delete search.category;
    invalid.push('category');
  }
  const result = await getRolePage(search);
  const page = search.page ?? 1;
  const firstShown = (page - 1) * PAGE_SIZE + 1;
  const filtered = Boolean(search.q || search.category || search.minSalary !== undefined || search.maxDegree !== undefined);
  const ignored = [...new Set(invalid.map((key) => parameterLabels[key]))];

  const pageHref = (cursor: 'after' | 'before', value: string, pageNumber: number) =>
    `/${toQueryString(search, { ...keep, [cursor]: value, page: pageNumber > 1 ? String(pageNumber) : undefined })}`;

  return (
    <>
      <h1>Job role salaries and statistics</h1>
      <p className="lede">Compare average salaries, job openings and degree requirements, and learn how to get into each role.</p>
      {addTo && (
        <p className="compare-pick">
          <span>
            Choose a role to compare with {formatList(addTo.map((role) => role.title))}: each one below has “Add to comparison”.
          </span>
          <Link href={compareHref(addTo.map((role) => role.slug))}>Back to the comparison</Link>
        </p>
      )}
      <RoleSearchForm search={search} categories={categories} keep={keep} />
      <ActiveFilters search={search} categories={categories} keep={keep} />
      {ignored.length > 0 && (
        <p className="notice" role="status">
          Some of the link&apos;s settings were not valid and were ignored: {ignored.join(', ')}.
        </p>
      )}
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
            <RoleList roles={result.items} addTo={addTo?.map((role) => role.slug)} />
          </>
        ) : (
          <p>
            No roles match {filtered ? 'these filters' : 'this page'}.{' '}
            <Link href={`/${toQueryString({}, keep)}`}>Clear all filters</Link> to see every role.
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
