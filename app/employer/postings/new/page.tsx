// A new posting: saved as a draft, or published (a new employer's first postings wait for review).
import type { Metadata } from 'next';
import { savePostingAction } from '../../actions';
import { PostingEditor } from '@/components/employer/posting-editor';
import { listOccupations } from '@/db/employer-postings';
import { readOrSignIn } from '@/lib/server/admin-read';
import { BackLink } from '@/components/admin/back-link';

export const metadata: Metadata = { title: 'New posting' };

const blank = {
  title: '',
  roleSlug: '',
  places: '',
  remote: false,
  payMin: '',
  payMax: '',
  payPeriod: 'year',
  employmentType: 'full-time',
  educationAsked: 'not-stated',
  description: '',
  applyTo: '',
  closesOn: '',
};

export default async function NewPostingPage() {
  const occupations = await readOrSignIn('/employer/postings/new', listOccupations);
  return (
    <div className="stack">
      <BackLink href="/employer">← Your postings</BackLink>
      <h1>New posting</h1>
      <PostingEditor action={savePostingAction} initial={blank} occupations={occupations} publishLabel="Publish" />
    </div>
  );
}
