// Session claims for tests: what a signed-in user's JWT carries, for a new session row of the
// user, as signing in creates one.
import { eq, sql as drizzleSql } from 'drizzle-orm';
import type { SessionClaims } from '@/db/access';
import type { Database } from '@/db/connection';
import { users } from '@/db/schema';
import { startSession } from '@/db/sessions';

export async function claimsFor(db: Database, email: string): Promise<SessionClaims> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(drizzleSql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`No test user ${email}`);
  return { sessionId: await startSession(db, user.id) };
}
