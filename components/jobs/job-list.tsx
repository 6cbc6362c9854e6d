// A list of job postings, each a card with what a job seeker scans for: title, employer, place,
// pay as published, dates, education asked and the occupation Roleboard placed it in.
import Link from 'next/link';
import type { JobPostingSummary } from '@/db/job-reads';
import { formatDate } from '@/lib/domain/format';
import { educationAskedLabel } from '@/lib/jobs/job-search';
import { formatPostingLocations, formatPublishedPay } from '@/lib/jobs/posting-display';

/** A posting's card in a `job-list`: its title, linking to its page, then what the list says of it (the children). */
export function JobCard({ posting, headingLevel = 3, children }: { posting: { id: number; title: string }; headingLevel?: 3 | 4; children: React.ReactNode }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="job-card">
      <Heading className="job-card__title">
        <Link href={`/jobs/${posting.id}`}>{posting.title}</Link>
      </Heading>
      {children}
    </li>
  );
}

export function JobList({ postings, headingLevel = 3 }: { postings: JobPostingSummary[]; headingLevel?: 3 | 4 }) {
  return (
    <ul className="job-list">
      {postings.map((posting) => (
        <JobCard key={posting.id} posting={posting} headingLevel={headingLevel}>
          <p className="job-card__employer">
            {posting.employer} · {formatPostingLocations(posting)}
            {!posting.open && <strong className="job-card__closed"> · Closed</strong>}
          </p>
          <dl className="job-card__facts">
            <div>
              <dt>Pay</dt>
              <dd>{posting.pay ? formatPublishedPay(posting.pay) : 'Not stated'}</dd>
            </div>
            <div>
              <dt>Posted</dt>
              <dd>
                <time dateTime={posting.postedOn}>{formatDate(posting.postedOn)}</time>
              </dd>
            </div>
            <div>
              <dt>{posting.open ? 'Closes' : 'Closed'}</dt>
              <dd>{posting.closesAt ? <time dateTime={posting.closesAt}>{formatDate(posting.closesAt)}</time> : 'No date given'}</dd>
            </div>
            <div>
              <dt>Education asked</dt>
              <dd>{educationAskedLabel(posting.educationAsked)}</dd>
            </div>
            {posting.role && (
              <div>
                <dt>Occupation</dt>
                <dd>
                  <Link href={`/roles/${posting.role.slug}`}>{posting.role.title}</Link>
                </dd>
              </div>
            )}
          </dl>
        </JobCard>
      ))}
    </ul>
  );
}
