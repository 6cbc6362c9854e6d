// Checking a sign-in, throttled in PostgreSQL. Every attempt is first reserved: in one short
// transaction, under advisory locks on its throttling keys, the attempts that count against each
// limit are counted and, if all are below their limit, the attempt is written as pending. Only
// then is the password checked (argon2, slow on purpose), and the outcome recorded on that row.
// Concurrent attempts therefore queue for the reservation and each sees the others, so however
// many arrive at once, no more passwords are checked than the limits allow. A right password
// starts a server-side session (db/sessions.ts), whose id the session cookie carries.
import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Transaction } from './audit';
import { database } from './client';
import { loginAttempts, users } from './schema';
import type { UserRole } from './access';
import { pruneExpiredSessions, startSession } from './sessions';
import { hashPassword, verifyPassword } from '@/lib/password';

type Limit = { attempts: number; windowMinutes: number };

/** Attempts that failed or are still pending count; successful sign-ins never do. */
export const loginLimits = {
  /**
   * A browser holding a valid device cookie for the account (lib/device-cookie.ts) has proved it
   * signed in before; it is limited on its own, so strangers' failures never lock its owner out.
   */
  perDevice: { attempts: 10, windowMinutes: 15 },
  /** Everyone else: one account from one client address, … */
  perAccountAndAddress: { attempts: 10, windowMinutes: 15 },
  /** … one account from all addresses together (attackers with many addresses), … */
  perAccount: { attempts: 100, windowMinutes: 15 },
  /** … and one address across all accounts (password spraying). */
  perAddress: { attempts: 25, windowMinutes: 5 },
} as const satisfies Record<string, Limit>;

export type SignInResult =
  | { status: 'signed-in'; user: { id: number; email: string; name: string; role: UserRole }; sessionId: string }
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfterMinutes: number };

type Attempt = {
  /** Lower-cased and trimmed. */
  email: string;
  /** From lib/client-address.ts. */
  clientAddress: string;
  /** The id of a verified device cookie for this email, or null. */
  deviceId: string | null;
};

// Verified against when the email is unknown, so both cases cost one argon2 verification.
let decoyHash: Promise<string> | undefined;

/**
 * Holds the advisory lock on one throttling key until the transaction ends. Strangers' attempts
 * take their account's lock and then their address's, always in that order, so no two attempts
 * can each hold the lock the other waits for.
 */
async function lockThrottlingKey(tx: Transaction, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Minutes until fewer than `limit.attempts` matching attempts are left in the window (0 if that is
 * already so): the wait ends when the newest attempt that still fills the limit ages out.
 */
async function minutesUntilBelow(tx: Transaction, limit: Limit, matching: SQL | undefined) {
  const windowLength = sql`make_interval(mins => ${limit.windowMinutes})`;
  const [filling] = await tx
    .select({
      minutes: sql<number>`greatest(1, ceil(extract(epoch from ${loginAttempts.attemptedAt} + ${windowLength} - now()) / 60))::int`,
    })
    .from(loginAttempts)
    .where(and(matching, ne(loginAttempts.outcome, 'succeeded'), gt(loginAttempts.attemptedAt, sql`now() - ${windowLength}`)))
    .orderBy(desc(loginAttempts.attemptedAt))
    .offset(limit.attempts - 1)
    .limit(1);
  return filling?.minutes ?? 0;
}

/** Writes the attempt as pending and returns its id, or how long to wait if a limit is reached. */
async function reserveAttempt({ email, clientAddress, deviceId }: Attempt) {
  return database().transaction(async (tx): Promise<{ attemptId: number } | { retryAfterMinutes: number }> => {
    let waits: number[];
    if (deviceId) {
      await lockThrottlingKey(tx, `device:${deviceId}`);
      waits = [await minutesUntilBelow(tx, loginLimits.perDevice, eq(loginAttempts.deviceId, deviceId))];
    } else {
      await lockThrottlingKey(tx, `account:${email}`);
      await lockThrottlingKey(tx, `address:${clientAddress}`);
      const stranger = isNull(loginAttempts.deviceId);
      const sameAccount = eq(loginAttempts.email, email);
      const sameAddress = eq(loginAttempts.ipAddress, clientAddress);
      waits = [
        await minutesUntilBelow(tx, loginLimits.perAccountAndAddress, and(stranger, sameAccount, sameAddress)),
        await minutesUntilBelow(tx, loginLimits.perAccount, and(stranger, sameAccount)),
        await minutesUntilBelow(tx, loginLimits.perAddress, and(stranger, sameAddress)),
      ];
    }
    const retryAfterMinutes = Math.max(...waits);
    if (retryAfterMinutes > 0) return { retryAfterMinutes };
    const [attempt] = await tx
      .insert(loginAttempts)
      .values({ email, ipAddress: clientAddress, deviceId })
      .returning({ id: loginAttempts.id });
    return { attemptId: attempt!.id };
  });
}

export async function signInWithPassword({
  email,
  password,
  clientAddress,
  deviceId,
}: {
  email: string;
  password: string;
  clientAddress: string;
  deviceId: string | null;
}): Promise<SignInResult> {
  const attempt = { email: email.trim().toLowerCase(), clientAddress, deviceId };
  const reservation = await reserveAttempt(attempt);
  if ('retryAfterMinutes' in reservation) return { status: 'throttled', retryAfterMinutes: reservation.retryAfterMinutes };
  const { attemptId } = reservation;

  const [user] = await database()
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, attempt.email));
  decoyHash ??= hashPassword('decoy password that never matches anything');
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);

  const sessionId = await database().transaction(async (tx) => {
    // argon2 takes a while: the password may have been reset, or the user disabled, meanwhile.
    // Only the user's row as it is now counts, locked against such changes until the session exists.
    const [current] =
      user && passwordMatches
        ? await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash), eq(users.disabled, false)))
            .for('share')
        : [];
    const started = current ? await startSession(tx, current.id) : null;
    await tx
      .update(loginAttempts)
      .set({ outcome: started ? 'succeeded' : 'failed' })
      .where(eq(loginAttempts.id, attemptId));
    return started;
  });
  // Now and then, rather than on every attempt: the table only needs to hold the longest window.
  if (attemptId % 100 === 0) await pruneLoginAttempts();
  if (!sessionId || !user) return { status: 'invalid' };
  await pruneExpiredSessions(database());
  return { status: 'signed-in', user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionId };
}

/** Drops attempts older than a day, far beyond the longest window. */
export async function pruneLoginAttempts() {
  await database()
    .delete(loginAttempts)
    .where(sql`${loginAttempts.attemptedAt} < now() - interval '1 day'`);
}
