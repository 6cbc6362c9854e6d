// Session claims for tests: what a signed-in user's JWT would carry, read from the users table.
import { eq, sql as drizzleSql } from 'drizzle-orm';
import type { Database } from '@/db/connection';
import { users } from '@/db/schema';

export async function claimsFor(db: Database, email: string) {
  const [user] = await db
    .select({ userId: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(drizzleSql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`No test user ${email}`);
  return { ...user, signedInAt: Date.now() };
}
