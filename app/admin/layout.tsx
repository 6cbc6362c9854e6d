// The signed-in area's frame. It redirects visitors who are not signed in, but it is not the
// guard: every admin page and action checks the session again through the DAL.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import './admin.css';
import { SignedInFrame } from '@/components/site-header';
import { getActor } from '@/db/access';
import { getSessionClaims } from '@/lib/server/auth';
import { signOutAction } from './actions';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s | Roleboard admin' }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor(await getSessionClaims());
  if (!actor) redirect('/login?callbackUrl=/admin');
  // An employer's member signs in like anyone else (the default destination is /admin); their area is /employer.
  if (actor.role === 'employer') redirect('/employer');
  return (
    <SignedInFrame actor={actor} signOutAction={signOutAction}>
      {children}
    </SignedInFrame>
  );
}
