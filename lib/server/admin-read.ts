// How admin pages read: through the DAL, which checks the session itself, with its refusal
// turned into what a person expects. A signed-out or ended session goes to the login page and
// comes back here afterwards; any other refusal (an editor on an admin-only page) is thrown on,
// or with readIfAllowed is null, for a page that tells such a user they may not see it.
import 'server-only';
import { redirect } from 'next/navigation';
import { AccessDeniedError } from '@/db/access';
import { getSessionClaims } from './auth';

export async function readOrSignIn<T>(returnTo: string, read: (claims: unknown) => Promise<T>): Promise<T> {
  const claims = await getSessionClaims();
  try {
    return await read(claims);
  } catch (error) {
    if (error instanceof AccessDeniedError && error.reason === 'signed-out') redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
    throw error;
  }
}

/** readOrSignIn, but null where the signed-in user may not read this (an editor on an admin-only page). */
export async function readIfAllowed<T>(returnTo: string, read: (claims: unknown) => Promise<T>): Promise<T | null> {
  try {
    return await readOrSignIn(returnTo, read);
  } catch (error) {
    if (error instanceof AccessDeniedError) return null;
    throw error;
  }
}
