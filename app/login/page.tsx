import type { Metadata } from 'next';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import '@/app/admin/admin.css';
import { SignInForm } from '@/components/admin/sign-in-form';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getActor } from '@/db/access';
import { getSessionClaims } from '@/lib/server/auth';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { signInErrorMessage, signInMessages } from '@/lib/sign-in-messages';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  signedOut: z.string().optional().catch(undefined),
  /** Set by an employer's sign-up page (app/join/[token]) once the account exists. */
  joined: z.string().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
});

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.parse(await searchParams);
  const callbackUrl = safeCallbackPath(search.callbackUrl);
  // Signed-in visitors go on; if that cannot be checked, the form still shows, saying why it may fail.
  let actor = null;
  let unavailable = false;
  try {
    actor = await getActor(await getSessionClaims());
  } catch (error) {
    unstable_rethrow(error); // Next's own control flow (dynamic rendering) is not a failure
    console.error('The login page could not check the session:', error);
    unavailable = true;
  }
  if (actor) redirect(callbackUrl);
  // Set when Auth.js's own endpoint refused a sign-in (see lib/server/auth.ts).
  const errorMessage = search.error && !search.signedOut ? signInErrorMessage(search.error, search.code) : undefined;
  return (
    <>
      <SiteHeader />
      <main id="main" className="container container--narrow" tabIndex={-1}>
        <h1>Sign in</h1>
        <p className="muted">For Roleboard admins and editors, and employers posting their openings.</p>
        {search.joined && (
          <p className="notice notice--success" role="status">
            Your account is ready. Sign in with your email and the password you chose.
          </p>
        )}
        {search.signedOut && (
          <p className="notice" role="status">
            You are signed out.
          </p>
        )}
        {(unavailable || errorMessage) && (
          <p className="notice notice--error" role="alert">
            {unavailable ? signInMessages.unavailable : errorMessage}
          </p>
        )}
        <SignInForm signInAction={signInAction} callbackUrl={callbackUrl} />
      </main>
      <SiteFooter />
    </>
  );
}
