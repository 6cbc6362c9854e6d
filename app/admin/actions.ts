'use server';
// Signing out belongs to the signed-in area whose header offers it, so it lives here, not in app/login.
import { endSession } from '@/db/access';
import { getSessionClaims, signOut } from '@/lib/server/auth';

export async function signOutAction() {
  // The session row goes first: clearing the cookie alone would leave any copy of it working.
  await endSession(await getSessionClaims());
  await signOut({ redirectTo: '/login?signedOut=1' });
}
