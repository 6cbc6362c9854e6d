// Where an employer member's invitation link leads: what the link is for, and the sign-up form,
// or why the link no longer works. Never indexed; the address (its token) goes to no other site as
// a referrer ("same-origin": "no-referrer" would make the browser send the form with Origin: null,
// which the request guard refuses as cross-site).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { joinEmployerAction } from './actions';
import '../../admin/admin.css';
import { JoinForm } from '@/components/employer/join-form';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getInvite } from '@/db/employers';

export const metadata: Metadata = { title: 'Join your organisation on Roleboard', robots: { index: false }, referrer: 'same-origin' };

const unusable = {
  used: 'This sign-up link has been used already. If it was you, sign in; otherwise ask a Roleboard admin for a new link.',
  expired: 'This sign-up link has expired (links work for 7 days). Ask a Roleboard admin for a new one.',
  'employer-disabled': 'This employer’s account is disabled, so the link no longer works.',
};

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getInvite(token);
  if (!invite) notFound();
  return (
    <>
      <SiteHeader />
      <main id="main" className="container container--narrow" tabIndex={-1}>
        <h1>Join {invite.employerName} on Roleboard</h1>
        {invite.status === 'valid' ? (
          <>
            <p>Members post and keep {invite.employerName}’s job openings. Choose your name and a password to create your account.</p>
            <JoinForm action={joinEmployerAction} token={token} email={invite.email} />
          </>
        ) : (
          <>
            <p className="notice notice--error" role="alert">
              {unusable[invite.status]}
            </p>
            <p>
              <Link href="/login?callbackUrl=/employer">Sign in</Link>
            </p>
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
