// Employers' postings for editors: those waiting for review (a new employer's first ones), each as
// it will read, to approve or take down; and the latest published ones, to take down if need be.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { approvePostingAction, takeDownPostingAction } from './actions';
import { ApprovePostingForm, TakeDownPostingForm } from '@/components/admin/employer-forms';
import { PostingText } from '@/components/jobs/posting-text';
import { listPostingsToReview, type EmployerPostingView } from '@/db/employer-postings';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatCount, formatDate, formatEditTime } from '@/lib/domain/format';
import { toPlainText } from '@/lib/jobs/plain-text';
import { formatPostingLocations, formatPublishedPay } from '@/lib/jobs/posting-display';
import type { RawSearchParams } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Review employers’ postings' };

function Summary({ posting }: { posting: EmployerPostingView }) {
  const pay = posting.payPeriod && posting.payMin !== null ? formatPublishedPay({ min: posting.payMin, max: posting.payMax, period: posting.payPeriod }) : null;
  return (
    <p className="hint">
      {[posting.employer.name, posting.role?.title ?? 'no occupation', formatPostingLocations({ locations: posting.places, remote: posting.remote }), pay, posting.closesOn && `closes ${formatDate(posting.closesOn)}`, `apply: ${posting.applyTo}`]
        .filter(Boolean)
        .join(' · ')}
      {' · '}saved {formatEditTime(posting.updatedAt)} by {posting.updatedBy}
    </p>
  );
}

const viewSchema = z.object({ done: z.enum(['published', 'taken-down']).optional().catch(undefined) });

export default async function ReviewPostingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { done } = viewSchema.parse(await searchParams);
  const { pending, published } = await readOrSignIn('/admin/jobs/review', listPostingsToReview);
  return (
    <div className="stack">
      <h1>Review employers’ postings</h1>
      {done && (
        <p className="notice notice--success" role="status">
          {done === 'published' ? 'Published: the posting is on the site now.' : 'Taken down: it has left the site, and its employer sees your reason.'}
        </p>
      )}
      <section aria-labelledby="pending-heading" className="stack">
        <h2 id="pending-heading">Waiting for review ({formatCount(pending.length)})</h2>
        {pending.length === 0 ? (
          <p>Nothing waits for review.</p>
        ) : (
          pending.map((posting) => (
            <article key={posting.id} className="user-card stack" aria-labelledby={`pending-${posting.id}`}>
              <h3 id={`pending-${posting.id}`}>{posting.title}</h3>
              <Summary posting={posting} />
              <div className="posting-text">
                <PostingText text={toPlainText(posting.description)} />
              </div>
              <ApprovePostingForm action={approvePostingAction} id={posting.id} title={posting.title} />
              <TakeDownPostingForm action={takeDownPostingAction} id={posting.id} title={posting.title} />
            </article>
          ))
        )}
      </section>
      <section aria-labelledby="published-heading" className="stack">
        <h2 id="published-heading">Published lately</h2>
        {published.length === 0 ? (
          <p>No employer has published a posting yet.</p>
        ) : (
          published.map((posting) => (
            <article key={posting.id} className="user-card stack" aria-labelledby={`published-${posting.id}`}>
              <h3 id={`published-${posting.id}`}>{posting.jobPostingId !== null ? <Link href={`/jobs/${posting.jobPostingId}`}>{posting.title}</Link> : posting.title}</h3>
              <Summary posting={posting} />
              <TakeDownPostingForm action={takeDownPostingAction} id={posting.id} title={posting.title} />
            </article>
          ))
        )}
      </section>
    </div>
  );
}
