// Checking a sign-in, with throttling kept in PostgreSQL: at most 10 failures per account in
// 15 minutes and 25 per IP address in 5 minutes. Past either limit no password is checked at all.
import 'server-only';
import { and, count, eq, gt, min, sql } from 'drizzle-orm';
import { database } from './client';
import { loginAttempts, users } from './schema';
import type { UserRole } from './access';
import { hashPassword, verifyPassword } from '@/lib/password';

export const loginLimits = {
  perAccount: { failures: 10, windowMinutes: 15 },
  perIpAddress: { failures: 25, windowMinutes: 5 },
} as const;

export type SignInResult =
  | { status: 'signed-in'; user: { id: number; email: string; name: string; role: UserRole; sessionVersion: number } }
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfterMinutes: number };

// Verified against when the email is unknown, so both cases cost one argon2 verification.
let decoyHash: Promise<string> | undefined;

async function failuresSince(column: typeof loginAttempts.email | typeof loginAttempts.ipAddress, value: string, windowMinutes: number) {
  const windowStart = sql`now() - make_interval(mins => ${windowMinutes})`;
  const [row] = await database()
    .select({ failures: count(), oldest: min(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, windowStart)));
  return { failures: row?.failures ?? 0, oldest: row?.oldest ?? null };
}

/** Minutes until the oldest failure in the window ages out, rounded up (at least 1). */
function minutesUntilFree(oldest: Date | null, windowMinutes: number) {
  if (!oldest) return windowMinutes;
  const msLeft = oldest.getTime() + windowMinutes * 60_000 - Date.now();
  return Math.max(1, Math.ceil(msLeft / 60_000));
}

/** How long the account or address must wait, or null if it may try now. */
export async function getLoginThrottle({ email, ipAddress }: { email: string; ipAddress: string }) {
  const { perAccount, perIpAddress } = loginLimits;
  const [account, address] = await Promise.all([
    failuresSince(loginAttempts.email, email.toLowerCase(), perAccount.windowMinutes),
    failuresSince(loginAttempts.ipAddress, ipAddress, perIpAddress.windowMinutes),
  ]);
  const waits = [
    account.failures >= perAccount.failures ? minutesUntilFree(account.oldest, perAccount.windowMinutes) : 0,
    address.failures >= perIpAddress.failures ? minutesUntilFree(address.oldest, perIpAddress.windowMinutes) : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? { retryAfterMinutes: wait } : null;
}

export async function signInWithPassword({
  email,
  password,
  ipAddress,
}: {
  email: string;
  password: string;
  ipAddress: string;
}): Promise<SignInResult> {
  const emailKey = email.trim().toLowerCase();
  const throttle = await getLoginThrottle({ email: emailKey, ipAddress });
  if (throttle) return { status: 'throttled', ...throttle };

  const [user] = await database()
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, emailKey));
  decoyHash ??= hashPassword('decoy password that never matches anything');
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  const succeeded = Boolean(user && passwordMatches && !user.disabled);

  await database().insert(loginAttempts).values({ email: emailKey, ipAddress, succeeded });
  if (!succeeded || !user) return { status: 'invalid' };
  await pruneLoginAttempts();
  return {
    status: 'signed-in',
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

/** Drops attempts older than the longest window; called now and then so the table stays small. */
export async function pruneLoginAttempts() {
  await database()
    .delete(loginAttempts)
    .where(sql`${loginAttempts.attemptedAt} < now() - interval '1 day'`);
}
