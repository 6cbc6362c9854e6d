// One of the employer's postings: where it is (draft, waiting, published, closed, taken down and
// why), how it reads on the site, and the form to change, publish, renew or close it. Another
// employer's posting, or one that does not exist, is a 404 alike.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { closePostingAction, savePostingAction } from '../../actions';
import { ClosePostingForm } from '@/components/employer/close-posting-form';
import { PostingEditor } from '@/components/employer/posting-editor';
import { PostingStatus } from '@/components/employer/posting-status';
import { PostingText } from '@/components/jobs/posting-text';
import { getEmployerPosting, listOccupations, type EmployerPostingView } from '@/db/employer-postings';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatDate, formatEditTime } from '@/lib/domain/format';
import { formatPostingLocations, formatPublishedPay } from '@/lib/jobs/posting-display';
import { toPlainText } from '@/lib/jobs/plain-text';
import { emptyAsMissing, type RawSearchParams } from '@/lib/query-params';
import { BackLink } from '@/components/admin/back-link';

export const metadata: Metadata = { title: 'Posting' };

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const viewSchema = z.object({
  saved: z.preprocess(emptyAsMissing, z.enum(['draft', 'pending', 'published', 'closed']).optional()).catch(undefined),
  suggested: z.preprocess(emptyAsMissing, z.literal('1').optional()).catch(undefined),
  closed: z.preprocess(emptyAsMissing, z.literal('1').optional()).catch(undefined),
});

const savedMessages = {
  draft: 'Saved as a draft. Only your organisation sees it.',
  pending: 'Sent for review: a Roleboard editor checks a new employer’s first postings before they appear. You can still change it meanwhile.',
  published: 'Published: it is on Roleboard now, in search, on its occupation’s page and in the feeds.',
  closed: 'Saved. It stays closed until you renew it.',
};

function publishLabelOf(status: EmployerPostingView['status']) {
  if (status === 'published') return 'Publish changes';
  if (status === 'closed') return 'Renew and publish';
  if (status === 'pending') return 'Save and keep waiting for review';
  return 'Publish';
}

export default async function EmployerPostingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const view = viewSchema.parse(await searchParams);
  const { posting, occupations } = await readOrSignIn(`/employer/postings/${id.data}`, async (claims) => ({
    posting: await getEmployerPosting(claims, { id: id.data }),
    occupations: await listOccupations(claims),
  }));
  if (!posting) notFound();
  const pay = posting.payPeriod && posting.payMin !== null ? formatPublishedPay({ min: posting.payMin, max: posting.payMax, period: posting.payPeriod }) : null;

  return (
    <div className="stack">
      <BackLink href="/employer">← Your postings</BackLink>
      <h1>{posting.title}</h1>
      <p>
        <PostingStatus status={posting.status} /> Last saved {formatEditTime(posting.updatedAt)} by {posting.updatedBy}.
        {posting.status === 'published' && posting.jobPostingId !== null && (
          <>
            {' '}
            <Link href={`/jobs/${posting.jobPostingId}`}>See it on Roleboard</Link>.
          </>
        )}
      </p>
      {view.saved && (
        <p className="notice notice--success" role="status">
          {savedMessages[view.saved]}
          {view.suggested && posting.role && <> Roleboard placed it in {posting.role.title}, from its title: change the occupation below if that is wrong.</>}
        </p>
      )}
      {view.closed && (
        <p className="notice notice--success" role="status">
          Closed: it has left the open postings, its occupation’s figures and the feeds. Renew it with a new closing date to open it again.
        </p>
      )}
      {posting.status === 'taken-down' && (
        <div className="notice notice--error" role="alert">
          <p>A Roleboard editor took this posting down. It cannot be published again. The reason:</p>
          <p>{posting.takedownReason}</p>
        </div>
      )}

      <section aria-labelledby="preview-heading" className="stack posting-preview">
        <h2 id="preview-heading">As it reads on Roleboard</h2>
        <p className="hint">
          {[posting.role?.title ?? 'No occupation chosen yet', formatPostingLocations({ locations: posting.places, remote: posting.remote }), pay, posting.closesOn && `closes ${formatDate(posting.closesOn)}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="posting-text">
          <PostingText text={toPlainText(posting.description)} />
        </div>
      </section>

      {(posting.status === 'published' || posting.status === 'pending') && <ClosePostingForm action={closePostingAction} id={posting.id} version={posting.version} />}

      {posting.status !== 'taken-down' && (
        <section aria-labelledby="edit-heading" className="stack">
          <h2 id="edit-heading">Change it</h2>
          <PostingEditor
            action={savePostingAction}
            occupations={occupations}
            publishLabel={publishLabelOf(posting.status)}
            initial={{
              id: posting.id,
              version: posting.version,
              title: posting.title,
              roleSlug: posting.role?.slug ?? '',
              places: posting.places.map((place) => [place.city, place.stateCode].filter(Boolean).join(', ')).join('\n'),
              remote: posting.remote,
              payMin: posting.payMin === null ? '' : String(posting.payMin),
              payMax: posting.payMax === null ? '' : String(posting.payMax),
              payPeriod: posting.payPeriod ?? 'year',
              employmentType: posting.employmentType,
              educationAsked: posting.educationAsked,
              description: posting.description,
              applyTo: posting.applyTo,
              closesOn: posting.closesOn ?? '',
            }}
          />
        </section>
      )}
    </div>
  );
}
