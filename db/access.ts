// Who may do what. Every admin read in the DAL starts with `requireUser` and every change with
// `requireUserToChange`, which trust nothing but the database: the session only names a
// user_sessions row, and that row (still there, not expired) and its user's current row
// (enabled, with a role) decide.
import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { cache } from 'react';
import { z } from 'zod';
import { database } from './client';
import { employers, userSessions, users } from './schema';
import type { UserRole } from '@/lib/domain/enums';
import { sessionIdPattern } from './sessions';


/** What a signed session carries (see lib/server/auth.ts). Anything else counts as signed out. */
export const sessionClaimsSchema = z.object({ sessionId: z.string().regex(sessionIdPattern) });
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type Actor = { id: number; email: string; name: string; role: UserRole; /** The employer a member acts for; null for admins and editors. */ employerId: number | null };

/**
 * Which roles a check for each role lets through: an admin may do what an editor may; an
 * employer's member may do neither, and only its own employer's work is theirs (db/employers.ts).
 */
const rolesAllowed: Record<UserRole, readonly UserRole[]> = { admin: ['admin'], editor: ['admin', 'editor'], employer: ['employer'] };

export function roleAllows(actorRole: UserRole, needed: UserRole) {
  return rolesAllowed[needed].includes(actorRole);
}

export class AccessDeniedError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason === 'signed-out' ? 'Sign in to continue.' : 'You do not have permission to do that.');
    this.name = 'AccessDeniedError';
  }
}

/**
 * The signed-in user behind these claims, or null if the session no longer counts. Looked up once
 * per request however many reads ask (the audit page asks three times): React's cache() keeps it
 * for the request being rendered and forgets it afterwards.
 */
export async function getActor(claims: unknown): Promise<Actor | null> {
  const parsed = sessionClaimsSchema.safeParse(claims);
  return parsed.success ? cachedActorOfSession(parsed.data.sessionId) : null;
}

/**
 * The same, asked afresh: what every change and Server Action checks. A request that ends a
 * session (a new password, "sign out everywhere") must not go on to act on a remembered answer.
 */
export async function getActorNow(claims: unknown): Promise<Actor | null> {
  const parsed = sessionClaimsSchema.safeParse(claims);
  return parsed.success ? actorOfSession(parsed.data.sessionId) : null;
}

/**
 * One primary-key lookup joined to the user (and a member's employer): this runs on every admin
 * page and action. A disabled employer's members count as signed out.
 */
async function actorOfSession(sessionId: string): Promise<Actor | null> {
  const [actor] = await database()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, employerId: users.employerId })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(employers, eq(employers.id, users.employerId))
    .where(and(eq(userSessions.id, sessionId), gt(userSessions.expiresAt, sql`now()`), eq(users.disabled, false), isNull(employers.disabledAt)));
  return actor ?? null;
}

const cachedActorOfSession = cache(actorOfSession);

/** Ends the session behind these claims ("Sign out"), so copies of its cookie stop working too. */
export async function endSession(claims: unknown) {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success) return;
  await database().delete(userSessions).where(eq(userSessions.id, parsed.data.sessionId));
}

/** For a read: the actor, if signed in with a role of at least `role`; throws AccessDeniedError otherwise. */
export async function requireUser(claims: unknown, role: UserRole = 'editor'): Promise<Actor> {
  return allowed(await getActor(claims), role);
}

/** For a change: the same, with the session checked afresh (getActorNow). */
export async function requireUserToChange(claims: unknown, role: UserRole = 'editor'): Promise<Actor> {
  return allowed(await getActorNow(claims), role);
}

function allowed(actor: Actor | null, role: UserRole): Actor {
  if (!actor) throw new AccessDeniedError('signed-out');
  if (!roleAllows(actor.role, role)) throw new AccessDeniedError('forbidden');
  return actor;
}
