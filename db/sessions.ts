// Server-side sessions (user_sessions): a row per signed-in browser, whose id is all the session
// cookie carries. These helpers take the connection or transaction to run on, so the admin DAL,
// the sign-in and the seed (which runs outside Next.js) end sessions the same way.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from './audit-writes';
import type { Database } from './connection';
import { userSessions } from './schema';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters. */
export const sessionIdPattern = /^[A-Za-z0-9_-]{43}$/;

type Connection = Database | Transaction;

/** Starts a session for the user and returns its id; it ends 12 hours from now at the latest. */
export async function startSession(db: Connection, userId: number) {
  const id = randomBytes(32).toString('base64url');
  await db.insert(userSessions).values({ id, userId, expiresAt: sql`now() + make_interval(secs => ${SESSION_LIFETIME_MS / 1000})` });
  return id;
}

/** Ends every session of the user: a new password, disabling, "Sign out everywhere". */
export async function endEverySession(db: Connection, userId: number) {
  await db.delete(userSessions).where(eq(userSessions.userId, userId));
}

/** Drops sessions that have expired; called after each sign-in so the table stays small. */
export async function pruneExpiredSessions(db: Connection) {
  await db.delete(userSessions).where(sql`${userSessions.expiresAt} < now()`);
}
