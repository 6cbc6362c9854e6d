// What lib/server/auth.ts's authorize decides, as a plain function the integration tests call with real
// headers and cookies: the credentials' shape, the client address, the device cookie, the
// throttled password check, and any error on the way turned into "unavailable".
import 'server-only';
import { z } from 'zod';
import { signInWithPassword, type SignInResult } from '@/db/sign-in';
import { clientAddressFrom } from '@/lib/client-address';
import { verifiedDeviceId } from '@/lib/device-cookie';
import { env } from '@/lib/env';
import { plainText } from '@/lib/text-rules';

/** What may be signed in with: the sign-in form's action checks it first, authorize again (any client can post to Auth.js). */
export const credentialsSchema = z.object({
  // No control characters: a NUL is no one's email, and PostgreSQL would refuse to look it up.
  email: plainText({ max: 320, required: 'your email' }),
  // Longer than any allowed password, so nothing a user set is ever cut short.
  password: z.string().min(1).max(1024),
});

export type CredentialsCheck = SignInResult | { status: 'unavailable' };

export async function checkCredentials({
  credentials,
  headers,
  deviceCookie,
}: {
  credentials: unknown;
  headers: Headers;
  /** The value of the device cookie the browser sent, if any (lib/device-cookie.ts). */
  deviceCookie: string | undefined;
}): Promise<CredentialsCheck> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { status: 'invalid' };
  const { email, password } = parsed.data;
  try {
    const deviceId = verifiedDeviceId({ cookie: deviceCookie, email, secret: env.AUTH_SECRET() });
    return await signInWithPassword({ email, password, clientAddress: clientAddressFrom(headers), deviceId });
  } catch (error) {
    // The database down, a timeout, a bug: whatever it was, it says nothing about the password.
    console.error('Sign-in could not be checked:', error);
    return { status: 'unavailable' };
  }
}
