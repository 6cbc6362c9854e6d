// Who may do what. Every admin read and every mutation in the DAL starts with `requireUser`,
// which trusts nothing but the database: the session only names a user_sessions row, and that row
// (still there, not expired) and its user's current row (enabled, with a role) decide.
import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { database } from './client';
import { userSessions, users } from './schema';
import { sessionIdPattern } from './sessions';

export type UserRole = 'admin' | 'editor';

/** What a signed session carries (see lib/auth.ts). Anything else counts as signed out. */
export const sessionClaimsSchema = z.object({ sessionId: z.string().regex(sessionIdPattern) });
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type Actor = { id: number; email: string; name: string; role: UserRole };

export class AccessDeniedError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason === 'signed-out' ? 'Sign in to continue.' : 'You do not have permission to do that.');
    this.name = 'AccessDeniedError';
  }
}

/** The signed-in user behind these claims, or null if the session no longer counts. */
export async function getActor(claims: unknown): Promise<Actor | null> {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  // One primary-key lookup joined to the user: this runs on every admin page and action.
  const [actor] = await database()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, parsed.data.sessionId), gt(userSessions.expiresAt, sql`now()`), eq(users.disabled, false)));
  return actor ?? null;
}

/** Ends the session behind these claims ("Sign out"), so copies of its cookie stop working too. */
export async function endSession(claims: unknown) {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success) return;
  await database().delete(userSessions).where(eq(userSessions.id, parsed.data.sessionId));
}

/** The actor, if signed in with a role of at least `role`; throws AccessDeniedError otherwise. */
export async function requireUser(claims: unknown, role: UserRole = 'editor'): Promise<Actor> {
  const actor = await getActor(claims);
  if (!actor) throw new AccessDeniedError('signed-out');
  if (role === 'admin' && actor.role !== 'admin') throw new AccessDeniedError('forbidden');
  return actor;
}
