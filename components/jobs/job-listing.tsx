// The job search as a page shows it: the form, the occupation searched in, what was ignored, how
// many postings match, the postings and a link to the next page. /jobs and a role's postings
// (/roles/{slug}/jobs, the occupation fixed) both show it.
import Link from 'next/link';
import type { JobPage } from '@/db/job-reads';
import { IgnoredParametersNotice } from '@/components/ignored-parameters-notice';
import { encodeJobCursor, toJobQueryString, type JobSearch } from '@/lib/jobs/job-search';
import { formatPostingCount } from '@/lib/jobs/posting-display';
import { JobList } from './job-list';
import { JobSearchForm } from './job-search-form';
import { PostingSourcesNote } from './posting-sources-note';

export function JobListing({
  search,
  result,
  ignored,
  basePath,
  occupation,
  fixedOccupation = false,
}: {
  search: JobSearch;
  result: JobPage;
  /** Names of the link's settings that were not valid. */
  ignored: string[];
  basePath: string;
  /** The role searched in, by its title. */
  occupation?: { slug: string; title: string };
  fixedOccupation?: boolean;
}) {
  // A role's page of postings is the occupation: its links leave the parameter out.
  const fixed = fixedOccupation ? { occupation: undefined } : {};
  const href = (overrides: Parameters<typeof toJobQueryString>[1]) => `${basePath}${toJobQueryString(search, { ...fixed, ...overrides })}`;
  const filtered = Object.keys(search).some((key) => key !== 'after' && key !== 'sort' && !(fixedOccupation && key === 'occupation'));
  return (
    <>
      <JobSearchForm search={search} action={basePath} fixedOccupation={fixedOccupation} />
      {occupation && !fixedOccupation && (
        <ul className="filter-chips" aria-label="Active filters">
          <li>
            <Link className="filter-chip" href={href({ occupation: undefined, after: undefined })}>
              <span className="visually-hidden">Remove filter: </span>
              Occupation: {occupation.title}
              <span className="filter-chip__remove" aria-hidden="true">
                ×
              </span>
            </Link>
          </li>
        </ul>
      )}
      <IgnoredParametersNotice what="of the link's settings" names={ignored} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="results-heading">
          {result.total === 0 ? 'No open postings found' : formatPostingCount(result.total, { open: search.status !== 'all', lowerBound: result.totalIsLowerBound })}
          {search.after && result.postings.length > 0 && ' · a later page'}
        </h2>
        {result.postings.length > 0 ? (
          <JobList postings={result.postings} />
        ) : (
          <div className="empty-result">
            <p>
              No open posting matches {filtered ? 'these filters' : 'right now'}. Postings close: many found last month are gone today.
            </p>
            <ul>
              {filtered && (
                <li>
                  <Link href={`${basePath}${toJobQueryString(fixedOccupation ? {} : { occupation: search.occupation })}`}>Clear the filters</Link>
                  {occupation ? ` and see every open ${occupation.title} posting` : ' and see every open posting'}
                </li>
              )}
              {occupation && (
                <li>
                  <Link href={`/roles/${occupation.slug}`}>{occupation.title}</Link>: pay, openings and recent postings, closed ones included
                </li>
              )}
            </ul>
          </div>
        )}
        {(search.after || result.nextCursor) && (
          <nav aria-label="Pagination" className="pagination">
            {search.after ? <Link href={href({ after: undefined })}>← First page</Link> : <span />}
            {result.nextCursor && (
              <Link href={href({ after: encodeJobCursor(result.nextCursor) })} rel="next">
                Next page →
              </Link>
            )}
          </nav>
        )}
      </section>
      <PostingSourcesNote />
    </>
  );
}
