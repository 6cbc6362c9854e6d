// Admin Server Actions are written with this: the action wrapper (lib/server/action-wrapper.ts) reading
// the signed-in session from its cookie, and sending anyone without one to sign in.
import 'server-only';
import { redirect } from 'next/navigation';
import { actionWrapper } from './action-wrapper';
import { getSessionClaims } from './auth';

export const authenticatedAction = actionWrapper({ getClaims: getSessionClaims, signedOut: () => redirect('/login') });
