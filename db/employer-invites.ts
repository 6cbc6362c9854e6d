// Employer members' sign-up links (issue 22): the token, and what the mail worker reads to email
// one. A token is an HMAC of its invitation's id under AUTH_SECRET, as job alerts' links are
// (lib/jobs/alert-tokens.ts), so that neither the database (which keeps its SHA-256 only) nor
// pg-boss's job rows (which name the invitation) ever hold a working link, and the worker can
// still put one in the email. Not server-only, and it checks no session: the mail worker runs
// beside Next.js with its own connection; db/employers.ts makes and uses the links.
import { createHash, createHmac } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from './connection';
import { employerInvites, employers } from './schema';

export function employerInviteToken({ secret, inviteId }: { secret: string; inviteId: number }) {
  return createHmac('sha256', secret).update(`employer-invite:${inviteId}`).digest('base64url');
}

/** What employer_invites keeps of a token. */
export function hashInviteToken(token: string) {
  return createHash('sha256').update(token).digest('base64url');
}

export type InviteToEmail = { email: string; employerName: string; expiresAt: string; token: string };

/**
 * An invitation whose email is due: null once it was used, expired or its employer disabled (or
 * it never committed), or when AUTH_SECRET changed since it was made and its link is lost.
 */
export async function findInviteToEmail(db: Database, { inviteId, secret }: { inviteId: number; secret: string }): Promise<InviteToEmail | null> {
  const [invite] = await db
    .select({ email: employerInvites.email, tokenHash: employerInvites.tokenHash, expiresAt: employerInvites.expiresAt, employerName: employers.name })
    .from(employerInvites)
    .innerJoin(employers, eq(employers.id, employerInvites.employerId))
    .where(and(eq(employerInvites.id, inviteId), isNull(employerInvites.acceptedAt), gt(employerInvites.expiresAt, sql`now()`), isNull(employers.disabledAt)));
  if (!invite) return null;
  const token = employerInviteToken({ secret, inviteId });
  if (hashInviteToken(token) !== invite.tokenHash) return null;
  return { email: invite.email, employerName: invite.employerName, expiresAt: invite.expiresAt.toISOString(), token };
}
