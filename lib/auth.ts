// Auth.js (next-auth v5) with email + password against our users table, JWT sessions.
// The token carries only the claims db/access.ts checks against the database on every use.
import 'server-only';
import NextAuth, { CredentialsSignin, type Session } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { SESSION_LIFETIME_MS, sessionClaimsSchema, type SessionClaims } from '@/db/access';
import { signInWithPassword } from '@/db/sign-in';
import { env } from './env';
import { safeCallbackPath } from './safe-redirect';

/** Thrown by authorize when a limit is reached; the login form reads the wait from `code`. */
export class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterMinutes: number) {
    super();
    this.code = `throttled-${retryAfterMinutes}`;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  // Longer than any allowed password, so nothing a user set is ever cut short.
  password: z.string().min(1).max(1024),
});

/** The client address as the nearest proxy (or Next.js itself) reports it. */
function clientIpAddress(request: Request) {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
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
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword({ ...parsed.data, ipAddress: clientIpAddress(request) });
        if (result.status === 'throttled') throw new SignInThrottled(result.retryAfterMinutes);
        if (result.status === 'invalid') return null;
        const { user } = result;
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
