import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import '@/app/admin/admin.css';
import { SignInForm } from '@/components/admin/sign-in-form';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getActor } from '@/db/access';
import { getSessionClaims } from '@/lib/auth';
import { safeCallbackPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  signedOut: z.string().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
});

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.parse(await searchParams);
  const callbackUrl = safeCallbackPath(search.callbackUrl);
  if (await getActor(await getSessionClaims())) redirect(callbackUrl);
  // Set when the Auth.js endpoint itself refused a throttled sign-in (see lib/auth.ts).
  const throttledMinutes = /^throttled-(\d+)$/.exec(search.code ?? '')?.[1];
  return (
    <>
      <SiteHeader />
      <main id="main" className="container container--narrow" tabIndex={-1}>
        <h1>Sign in</h1>
        <p className="muted">For Roleboard admins and editors.</p>
        {search.signedOut && (
          <p className="notice" role="status">
            You are signed out.
          </p>
        )}
        {search.error && !search.signedOut && (
          <p className="notice notice--error" role="alert">
            {throttledMinutes
              ? `Too many sign-in attempts. Try again in ${throttledMinutes} minute${throttledMinutes === '1' ? '' : 's'}.`
              : 'Invalid email or password'}
          </p>
        )}
        <SignInForm callbackUrl={callbackUrl} />
      </main>
      <SiteFooter />
    </>
  );
}
