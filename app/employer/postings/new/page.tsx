// A new posting: saved as a draft, or published (a new employer's first postings wait for review).
import type { Metadata } from 'next';
import Link from 'next/link';
import { savePostingAction } from '../../actions';
import { PostingEditor } from '@/components/employer/posting-editor';
import { listOccupations } from '@/db/employer-postings';
import { readOrSignIn } from '@/lib/server/admin-read';

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
      <p>
        <Link href="/employer">← Your postings</Link>
      </p>
      <h1>New posting</h1>
      <PostingEditor action={savePostingAction} initial={blank} occupations={occupations} publishLabel="Publish" />
    </div>
  );
}
