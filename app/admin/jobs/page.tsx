// Job postings for editors: the postings waiting for an occupation, each with the title
// classifier's candidates, and a form to place it; `?posting=<id>` shows any one posting, to move
// it. An editor's choice sticks across re-imports.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { placePostingAction } from './actions';
import { PlacePostingForm } from '@/components/admin/job-forms';
import { ChoiceOptions } from '@/components/choice-field';
import { getPostingToPlace, listRolesToPlaceIn, listUnplacedPostings, type PostingToPlace } from '@/db/job-placements';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatCount, formatPercent } from '@/lib/domain/format';
import { emptyAsMissing, type RawSearchParams } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Job postings' };

const viewSchema = z.object({
  posting: z.preprocess(emptyAsMissing, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()).catch(undefined),
  /** How many postings the last placing moved (the place action's redirect says). */
  placed: z.preprocess(emptyAsMissing, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()).catch(undefined),
});

function PostingRow({ posting }: { posting: PostingToPlace }) {
  return (
    <li className="stack posting-to-place">
      <h3>
        <Link href={`/admin/jobs?posting=${posting.id}`}>{posting.title}</Link>
      </h3>
      <p className="hint">
        {posting.employer} · {posting.source} · posted {posting.postedOn} · posting #{posting.id}
        {posting.role ? ` · now in ${posting.role.title} (${posting.placement === 'editor' ? 'placed by an editor' : 'placed by the classifier'})` : ' · not placed yet'}
      </p>
      {posting.evidence && <p className="hint">Classifier: {posting.evidence}</p>}
      {posting.candidates.length > 0 && (
        <ul aria-label={`Candidates for ${posting.title}`}>
          {posting.candidates.map((candidate) => (
            <li key={candidate.slug}>
              {candidate.title} ({candidate.socCode}), score {formatPercent(candidate.score * 100)}
            </li>
          ))}
        </ul>
      )}
      <PlacePostingForm
        action={placePostingAction}
        postingId={posting.id}
        postingTitle={posting.title}
        othersWithTitle={posting.othersWithTitle}
        suggestedSlug={posting.role?.slug ?? posting.candidates[0]?.slug ?? ''}
      />
    </li>
  );
}

export default async function JobPostingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const view = viewSchema.parse(await searchParams);
  const { unplaced, one, roleChoices } = await readOrSignIn('/admin/jobs', async (claims) => ({
    unplaced: await listUnplacedPostings(claims),
    one: view.posting ? await getPostingToPlace(claims, { id: view.posting }) : null,
    roleChoices: await listRolesToPlaceIn(claims),
  }));
  return (
    <div className="stack">
      <h1>Job postings</h1>
      <p>
        <Link href="/admin/jobs/import">Import job postings</Link>
      </p>
      <datalist id="occupations">
        <ChoiceOptions choices={roleChoices.map((role) => ({ value: role.slug, label: role.title }))} />
      </datalist>
      {view.posting !== undefined && (
        <section aria-labelledby="one-heading" className="stack">
          <h2 id="one-heading">Posting #{view.posting}</h2>
          {one?.role && view.placed !== undefined && (
            <p className="notice notice--success" role="status">
              {view.placed === 1 ? 'Placed 1 posting' : `Placed ${formatCount(view.placed)} postings titled “${one.title}”`} in {one.role.title}.
            </p>
          )}
          {one ? <ul className="stack postings-to-place">{<PostingRow posting={one} />}</ul> : <p>There is no posting #{view.posting}.</p>}
        </section>
      )}
      <section aria-labelledby="unplaced-heading" className="stack">
        <h2 id="unplaced-heading">Waiting for an occupation ({formatCount(unplaced.total)})</h2>
        <p className="hint">
          The title classifier could not place these. Pick the occupation (type a role’s slug or choose from the list); your choice is kept when the posting is imported
          again.
        </p>
        {unplaced.postings.length === 0 ? (
          <p>Every posting is placed.</p>
        ) : (
          <ul className="stack postings-to-place">
            {unplaced.postings.map((posting) => (
              <PostingRow key={posting.id} posting={posting} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
