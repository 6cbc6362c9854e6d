import type { Metadata } from 'next';
import Link from 'next/link';
import { JobTitleNotice } from '@/components/job-title-notice';
import { RoleListing } from '@/components/role-listing';
import { compareHref, parseCompareWith } from '@/lib/server/compare';
import { formatList } from '@/lib/domain/format';
import { getCategories, getRolePage, getRolesToAddTo } from '@/lib/server/cached-public-reads';
import { readSearchAsJobTitle } from '@/lib/server/job-title-search';
import type { RawSearchParams } from '@/lib/query-params';
import { listingParameterLabels, parseRoleSearch } from '@/lib/role-search';

export const metadata: Metadata = {
  title: { absolute: 'Roleboard: job role salaries and statistics' },
  alternates: { canonical: '/' },
};

export default async function RolesListingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const { search, invalid: invalidSearch, placeFromText } = parseRoleSearch(raw);
  const invalid: (keyof typeof listingParameterLabels)[] = invalidSearch;
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
  // A search for a job title as an ad words it: the occupation it is placed in, where the listing
  // does not show that one first; or, where the listing finds nothing, the closest ones (a generic
  // word such as "analyst" is left to the listing). First pages only.
  const firstPage = !search.after && !search.before;
  const asJobTitle = search.q && firstPage ? await readSearchAsJobTitle(search.q) : null;
  const titleReading =
    asJobTitle && (asJobTitle.likely ? asJobTitle.likely.slug !== result.items[0]?.slug : result.total === 0) ? asJobTitle : null;
  const ignored = [...new Set(invalid.map((key) => listingParameterLabels[key]))];

  return (
    <>
      <h1>Job role salaries and statistics</h1>
      <p className="lede">Compare average salaries, job openings and the education each role typically needs, and learn how to get into it.</p>
      {!addTo && (
        <p className="listing-shortcuts">
          <Link href="/jobs-without-a-degree">
            Best-paid jobs without a degree <span aria-hidden="true">→</span>
          </Link>
        </p>
      )}
      {addTo && (
        <p className="compare-pick">
          <span>
            Choose a role to compare with {formatList(addTo.map((role) => role.title))}: each one below has “Add to comparison”.
          </span>
          <Link href={compareHref(addTo.map((role) => role.slug))}>Back to the comparison</Link>
        </p>
      )}
      <RoleListing
        search={search}
        result={result}
        categories={categories}
        ignored={ignored}
        keep={keep}
        addTo={addTo?.map((role) => role.slug)}
        placeFromText={placeFromText}
        notice={search.q && <JobTitleNotice text={search.q} reading={titleReading} />}
      />
    </>
  );
}
