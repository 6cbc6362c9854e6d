// Checking a sign-in, throttled in PostgreSQL. Every attempt is first reserved: in one short
// transaction, under advisory locks on its throttling keys, the attempts that count against each
// limit are counted and, if none makes the attempt wait, it is written as pending. Only then is
// the password checked (argon2, slow on purpose), and the outcome recorded on that row.
// Concurrent attempts therefore queue for the reservation and each sees the others, so however
// many arrive at once, no more passwords are checked than the limits allow. A right password
// starts a server-side session (db/sessions.ts), whose id the session cookie carries.
//
// Nothing holds an account shut for everyone: strangers with many addresses are slowed down
// address by address (accountUnderAttack), so the owner on a new device, from an address of their
// own, has the right password checked at once however many others are failing.
import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Transaction } from './audit-writes';
import { database } from './client';
import type { Database } from './connection';
import { employers, loginAttempts, users } from './schema';
import type { UserRole } from '@/lib/domain/enums';
import { pruneExpiredSessions, startSession } from './sessions';
import { hashPassword, verifyPassword } from '@/lib/password';

type Limit = { attempts: number; windowMinutes: number };

/** Attempts that failed or are still pending count; successful sign-ins never do. */
export const loginLimits = {
  /**
   * A browser holding a valid device cookie for the account (lib/device-cookie.ts) has proved it
   * signed in before; it is limited on its own, so strangers' failures never slow its owner down.
   */
  perDevice: { attempts: 10, windowMinutes: 15 },
  /** Everyone else: one account from one client address, … */
  perAccountAndAddress: { attempts: 10, windowMinutes: 15 },
  /** … and one address across all accounts (password spraying). */
  perAddress: { attempts: 25, windowMinutes: 5 },
} as const satisfies Record<string, Limit>;

/**
 * There is no limit on one account from all addresses together: an attacker's failures would hold
 * it shut for the owner on a new device too (issue 19). Instead, once strangers' failed or pending
 * attempts on an account reach `failures` in `windowMinutes`, from all addresses together, the
 * account is under attack and each address slows down on its own: after its n-th attempt on the
 * account in the window, its next one waits 2^n seconds from that attempt (2, 4, 8 …, at most
 * `maxDelaySeconds`), within its perAccountAndAddress limit. An address without attempts on the
 * account, the owner's new device say, is checked at once. 20 is more than one address may fail
 * (perAccountAndAddress), and a false alarm costs someone mistyping seconds; the old account-wide
 * 100 would not even have noticed the attack of issue 19 (9 addresses, 10 checks each).
 */
export const accountUnderAttack = { failures: 20, windowMinutes: 15, maxDelaySeconds: 60 } as const;

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

// The time attempts are written with and measured against. Not now(): in a reservation's
// transaction, that is when it began queueing for the locks, not when it holds them.
const currentTime = sql`statement_timestamp()`;

/** Attempts within the last `windowMinutes` that count: failed or still pending. */
function countedWithin(windowMinutes: number) {
  return and(
    ne(loginAttempts.outcome, 'succeeded'),
    gt(loginAttempts.attemptedAt, sql`${currentTime} - make_interval(mins => ${windowMinutes})`),
  );
}

/** The waits that apply to an attempt, each a subquery giving seconds or no row. */
function waitsFor({ email, clientAddress, deviceId }: Attempt) {
  if (deviceId) return [waitForLimit(loginLimits.perDevice, eq(loginAttempts.deviceId, deviceId))];
  const stranger = isNull(loginAttempts.deviceId);
  const sameAccount = and(stranger, eq(loginAttempts.email, email));
  const sameAddress = eq(loginAttempts.ipAddress, clientAddress);
  return [
    waitForLimit(loginLimits.perAccountAndAddress, and(sameAccount, sameAddress)),
    waitForLimit(loginLimits.perAddress, and(stranger, sameAddress)),
    waitWhileUnderAttack(sameAccount, sameAddress),
  ];
}

/**
 * The advisory locks an attempt's reservation holds: every key whose attempts it counts. Strangers'
 * attempts take their account's lock (accountUnderAttack counts the account's attempts from all
 * addresses) and then their address's, always in that order, so no two attempts can each hold the
 * lock the other waits for.
 */
function lockKeysFor({ email, clientAddress, deviceId }: Attempt) {
  return deviceId ? [`device:${deviceId}`] : [`account:${email}`, `address:${clientAddress}`];
}

/**
 * The wait one limit imposes, in seconds, as a subquery: the newest attempt that still fills the
 * limit must age out of the window. No row (null) when fewer than `limit.attempts` are in it.
 */
function waitForLimit(limit: Limit, matching: SQL | undefined) {
  return new QueryBuilder()
    .select({
      seconds: sql`ceil(extract(epoch from ${loginAttempts.attemptedAt} + make_interval(mins => ${limit.windowMinutes}) - ${currentTime}))`,
    })
    .from(loginAttempts)
    .where(and(matching, countedWithin(limit.windowMinutes)))
    .orderBy(desc(loginAttempts.attemptedAt))
    .offset(limit.attempts - 1)
    .limit(1);
}

/**
 * The wait accountUnderAttack imposes on one address, in seconds, as a subquery: 2^n seconds (at
 * most maxDelaySeconds) from the newest of its n attempts on the account, measured from when that
 * attempt was reserved. No row (null) while the account is not under attack or the address has
 * no attempts on it; a negative number once the delay has passed.
 */
function waitWhileUnderAttack(sameAccount: SQL | undefined, sameAddress: SQL) {
  const { failures, windowMinutes, maxDelaySeconds } = accountUnderAttack;
  // Read no more of the account's attempts than it takes to tell: an attack leaves many.
  const accountFailures = new QueryBuilder()
    .select({ attempt: sql`1` })
    .from(loginAttempts)
    .where(and(sameAccount, countedWithin(windowMinutes)))
    .limit(failures);
  const delay = sql`make_interval(secs => least(2 ^ count(*), ${maxDelaySeconds}))`;
  return new QueryBuilder()
    .select({ seconds: sql`ceil(extract(epoch from max(${loginAttempts.attemptedAt}) + ${delay} - ${currentTime}))` })
    .from(loginAttempts)
    .where(and(sameAccount, sameAddress, countedWithin(windowMinutes)))
    .having(sql`count(*) > 0 and (select count(*) from (${accountFailures}) as recent) >= ${failures}`);
}

/** Seconds until the attempt may be checked (its longest wait), 0 if it may now. One statement. */
async function secondsUntilAllowed(db: Database | Transaction, attempt: Attempt) {
  const waits = waitsFor(attempt).map((wait) => sql`(${wait})`);
  const [row] = await db.execute<{ seconds: number }>(sql`select greatest(0, ${sql.join(waits, sql`, `)})::int as seconds`);
  return row!.seconds;
}

/** Writes the attempt as pending and returns its id, or how long to wait if a limit is reached. */
async function reserveAttempt(attempt: Attempt): Promise<{ attemptId: number } | { retryAfterSeconds: number }> {
  // A wait already imposed refuses at once, without the locks: under attack most attempts are
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
      .values({ email: attempt.email, ipAddress: attempt.clientAddress, deviceId: attempt.deviceId, attemptedAt: currentTime })
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
            .where(
              and(
                eq(users.id, user.id),
                eq(users.passwordHash, user.passwordHash),
                eq(users.disabled, false),
                // A disabled employer's members are kept out as its disabling signed them out.
                sql`not exists (select 1 from ${employers} where ${employers.id} = ${users.employerId} and ${employers.disabledAt} is not null)`,
              ),
            )
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
