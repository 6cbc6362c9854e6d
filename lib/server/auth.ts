// Auth.js (next-auth v5) with email + password against our users table, JWT sessions. The token
// carries only the id of a user_sessions row, which db/access.ts checks on every use: deleting the
// row ends the session, whoever holds the cookie.
import 'server-only';
import NextAuth, { CredentialsSignin, type Session } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { endSession, sessionClaimsSchema, type SessionClaims } from '@/db/access';
import { SESSION_LIFETIME_MS } from '@/db/sessions';
import { checkCredentials } from './credentials';
import { DEVICE_COOKIE_NAME, issueDeviceCookie } from '@/lib/device-cookie';
import { env } from '@/lib/env';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { signInErrorCodes } from '@/lib/sign-in-messages';

/** Thrown by authorize when a limit is reached; the login form reads the wait from `code`. */
export class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = signInErrorCodes.throttled(retryAfterSeconds);
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
        if (result.status === 'throttled') throw new SignInThrottled(result.retryAfterSeconds);
        if (result.status === 'invalid') return null;
        const { user } = result;
        // This browser has now signed in to this account: from here on, strangers' failures
        // against the account do not slow it down (see db/sign-in.ts).
        const secure = new URL(request.url).protocol === 'https:';
        const deviceCookie = issueDeviceCookie({ email: user.email, secret: env.AUTH_SECRET(), secure });
        cookieJar.set(deviceCookie.name, deviceCookie.value, deviceCookie.options);
        return { id: String(user.id), email: user.email, name: user.name, sessionId: result.sessionId };
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out endpoint ends the session row too (the Sign out button's action
    // ends it itself first, so that a database error stops it instead of being logged and ignored).
    async signOut(message) {
      if ('token' in message) await endSession(message.token?.claims);
    },
  },
  callbacks: {
    // Auth.js's own redirects (its sign-in and sign-out endpoints) follow the login form's rule.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, { origin: baseUrl })}`;
    },
    jwt({ token, user }) {
      if (user) {
        const claims: SessionClaims = { sessionId: (user as { sessionId: string }).sessionId };
        token.claims = claims;
      }
      // Returning null ends the session: a token without our claims (say, from an older release).
      return sessionClaimsSchema.safeParse(token.claims).success ? token : null;
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
