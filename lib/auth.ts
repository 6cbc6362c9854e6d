// Auth.js (next-auth v5) with email + password against our users table, JWT sessions.
// The token carries only the claims db/access.ts checks against the database on every use.
import 'server-only';
import NextAuth, { CredentialsSignin, type Session } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { SESSION_LIFETIME_MS, sessionClaimsSchema, type SessionClaims } from '@/db/access';
import { checkCredentials } from './credentials';
import { DEVICE_COOKIE_NAME, issueDeviceCookie } from './device-cookie';
import { env } from './env';
import { safeCallbackPath } from './safe-redirect';
import { signInErrorCodes } from './sign-in-messages';

/** Thrown by authorize when a limit is reached; the login form reads the wait from `code`. */
export class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterMinutes: number) {
    super();
    this.code = signInErrorCodes.throttled(retryAfterMinutes);
  }
}

/** Thrown by authorize when the sign-in could not be checked (the database is down, say). */
export class SignInUnavailable extends CredentialsSignin {
  code = signInErrorCodes.unavailable;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_MS / 1000 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const cookieJar = await cookies();
        const result = await checkCredentials({
          credentials,
          headers: request.headers,
          deviceCookie: cookieJar.get(DEVICE_COOKIE_NAME)?.value,
        });
        if (result.status === 'unavailable') throw new SignInUnavailable();
        if (result.status === 'throttled') throw new SignInThrottled(result.retryAfterMinutes);
        if (result.status === 'invalid') return null;
        const { user } = result;
        // This browser has now signed in to this account: from here on, strangers' failures
        // against the account do not throttle it (see db/sign-in.ts).
        const secure = new URL(request.url).protocol === 'https:';
        const deviceCookie = issueDeviceCookie({ email: user.email, secret: env.AUTH_SECRET(), secure });
        cookieJar.set(deviceCookie.name, deviceCookie.value, deviceCookie.options);
        return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Auth.js's own redirects (its sign-in and sign-out endpoints) follow the login form's rule.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, { origin: baseUrl })}`;
    },
    jwt({ token, user }) {
      if (user) {
        const claims: SessionClaims = {
          userId: Number(user.id),
          sessionVersion: (user as { sessionVersion: number }).sessionVersion,
          signedInAt: Date.now(),
        };
        token.claims = claims;
      }
      const claims = sessionClaimsSchema.safeParse(token.claims);
      // Returning null ends the session: 12 hours after sign-in, however active it was.
      if (!claims.success || Date.now() - claims.data.signedInAt > SESSION_LIFETIME_MS) return null;
      return token;
    },
    session({ session, token }) {
      return { ...session, claims: token.claims } as Session;
    },
  },
}));

/** The signed session's claims, unverified: db/access.ts decides whether they still count. */
export async function getSessionClaims(): Promise<unknown> {
  const session = (await auth()) as (Session & { claims?: unknown }) | null;
  return session?.claims ?? null;
}
