// Checking a sign-in, throttled in PostgreSQL. Every attempt is first reserved: in one short
// transaction, under advisory locks on its throttling keys, the attempts that count against each
// limit are counted and, if all are below their limit, the attempt is written as pending. Only
// then is the password checked (argon2, slow on purpose), and the outcome recorded on that row.
// Concurrent attempts therefore queue for the reservation and each sees the others, so however
// many arrive at once, no more passwords are checked than the limits allow. A right password
// starts a server-side session (db/sessions.ts), whose id the session cookie carries.
import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Transaction } from './audit-writes';
import { database } from './client';
import type { Database } from './connection';
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
  | { status: 'throttled'; retryAfterSeconds: number };

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

/** The limits that apply to an attempt, each with the attempts that count against it. */
function limitsFor({ email, clientAddress, deviceId }: Attempt): [Limit, SQL | undefined][] {
  if (deviceId) return [[loginLimits.perDevice, eq(loginAttempts.deviceId, deviceId)]];
  const stranger = isNull(loginAttempts.deviceId);
  const sameAccount = eq(loginAttempts.email, email);
  const sameAddress = eq(loginAttempts.ipAddress, clientAddress);
  return [
    [loginLimits.perAccountAndAddress, and(stranger, sameAccount, sameAddress)],
    [loginLimits.perAccount, and(stranger, sameAccount)],
    [loginLimits.perAddress, and(stranger, sameAddress)],
  ];
}

/**
 * The advisory locks an attempt's reservation holds: every key whose limit it checks. Strangers'
 * attempts take their account's lock and then their address's, always in that order, so no two
 * attempts can each hold the lock the other waits for.
 */
function lockKeysFor({ email, clientAddress, deviceId }: Attempt) {
  return deviceId ? [`device:${deviceId}`] : [`account:${email}`, `address:${clientAddress}`];
}

/**
 * The wait one limit imposes, in seconds, as a subquery: the newest attempt that still fills the
 * limit must age out of the window. No row (null) when fewer than `limit.attempts` are in it.
 */
function waitForLimit(limit: Limit, matching: SQL | undefined) {
  const windowLength = sql`make_interval(mins => ${limit.windowMinutes})`;
  return new QueryBuilder()
    .select({ seconds: sql`greatest(1, ceil(extract(epoch from ${loginAttempts.attemptedAt} + ${windowLength} - now())))` })
    .from(loginAttempts)
    .where(and(matching, ne(loginAttempts.outcome, 'succeeded'), gt(loginAttempts.attemptedAt, sql`now() - ${windowLength}`)))
    .orderBy(desc(loginAttempts.attemptedAt))
    .offset(limit.attempts - 1)
    .limit(1);
}

/** Seconds until the attempt may be checked (its longest wait), 0 if it may now. One statement. */
async function secondsUntilAllowed(db: Database | Transaction, attempt: Attempt) {
  const waits = limitsFor(attempt).map(([limit, matching]) => sql`(${waitForLimit(limit, matching)})`);
  const [row] = await db.execute<{ seconds: number }>(sql`select coalesce(greatest(${sql.join(waits, sql`, `)}), 0)::int as seconds`);
  return row!.seconds;
}

/** Writes the attempt as pending and returns its id, or how long to wait if a limit is reached. */
async function reserveAttempt(attempt: Attempt): Promise<{ attemptId: number } | { retryAfterSeconds: number }> {
  // A limit already reached refuses at once, without the locks: under attack most attempts are
  // refused, and they need not queue behind each other. Only the locked check below admits one.
  const knownWait = await secondsUntilAllowed(database(), attempt);
  if (knownWait > 0) return { retryAfterSeconds: knownWait };
  return database().transaction(async (tx) => {
    for (const key of lockKeysFor(attempt)) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    }
    const retryAfterSeconds = await secondsUntilAllowed(tx, attempt);
    if (retryAfterSeconds > 0) return { retryAfterSeconds };
    const [reserved] = await tx
      .insert(loginAttempts)
      .values({ email: attempt.email, ipAddress: attempt.clientAddress, deviceId: attempt.deviceId })
      .returning({ id: loginAttempts.id });
    return { attemptId: reserved!.id };
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
  if ('retryAfterSeconds' in reservation) return { status: 'throttled', retryAfterSeconds: reservation.retryAfterSeconds };
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
