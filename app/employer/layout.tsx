// The area where an employer's members keep their employer's postings. It sends others away, but
// it is not the guard: every page and action checks the session and the employer again in the DAL.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import '../admin/admin.css';
import { signOutAction } from '../admin/actions';
import { SignedInFrame } from '@/components/site-header';
import { getActor } from '@/db/access';
import { getSessionClaims } from '@/lib/server/auth';

export const metadata: Metadata = { title: { default: 'Your postings', template: '%s | Roleboard for employers' }, robots: { index: false } };

export default async function EmployerLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor(await getSessionClaims());
  if (!actor) redirect('/login?callbackUrl=/employer');
  if (actor.role !== 'employer') redirect('/admin');
  return (
    <SignedInFrame actor={actor} signOutAction={signOutAction}>
      {children}
    </SignedInFrame>
  );
}
