// Who may do what. Every admin read and every mutation in the DAL starts with `requireUser`,
// which trusts nothing but the database: the session only names a user and the session version
// it was issued for, and the user's current row decides whether it still counts and what role it has.
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { database } from './client';
import { users } from './schema';

export type UserRole = 'admin' | 'editor';

/** What a signed session carries (see lib/auth.ts). Anything else counts as signed out. */
export const sessionClaimsSchema = z.object({
  userId: z.number().int().positive(),
  sessionVersion: z.number().int().positive(),
  /** Epoch milliseconds of the sign-in; sessions end 12 hours after it, however active. */
  signedInAt: z.number().int().positive(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

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
  const { userId, sessionVersion, signedInAt } = parsed.data;
  if (Date.now() - signedInAt > SESSION_LIFETIME_MS) return null;
  const [user] = await database()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The actor, if signed in with a role of at least `role`; throws AccessDeniedError otherwise. */
export async function requireUser(claims: unknown, role: UserRole = 'editor'): Promise<Actor> {
  const actor = await getActor(claims);
  if (!actor) throw new AccessDeniedError('signed-out');
  if (role === 'admin' && actor.role !== 'admin') throw new AccessDeniedError('forbidden');
  return actor;
}
