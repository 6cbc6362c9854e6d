// How admin pages read: through the DAL, which checks the session itself, with its refusal
// turned into what a person expects. A signed-out or ended session goes to the login page and
// comes back here afterwards; any other refusal (an editor on an admin-only page) is thrown on.
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
