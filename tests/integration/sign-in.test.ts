// Sign-in checks and throttling, stored in PostgreSQL. Every attempt that is not throttled leaves
// exactly one login_attempts row and costs exactly one argon2 verification, so counting rows counts
// password checks.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { getActor } from '@/db/access';
import { closeDatabase } from '@/db/client';
import { accountUnderAttack, loginLimits, pruneLoginAttempts, signInWithPassword, type SignInResult } from '@/db/sign-in';
import { upsertUser } from '@/db/seed/seed';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address';
import { checkCredentials } from '@/lib/server/credentials';
import { issueDeviceCookie } from '@/lib/device-cookie';
import { hashPassword, verifyPassword } from '@/lib/password';
import { passwordSchema } from '@/lib/password-policy';
import { connectToTestDatabase } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

let addressCounter = 0;
/** A fresh IPv4 address per use, so per-address counts from other tests never interfere. */
const newAddress = () => {
  const n = ++addressCounter;
  return `10.${(process.pid % 250) + 1}.${(n >> 8) & 255}.${n & 255}`;
};
let emailCounter = 0;
const newEmail = (label: string) => `${label}-${++emailCounter}-${Date.now()}@throttle.test`;

async function newUser(label: string) {
  const email = newEmail(label);
  await upsertUser(db, { email, password: testPassword, role: 'editor' });
  return email;
}

const attempt = (email: string, password: string, clientAddress: string, deviceId: string | null = null) =>
  signInWithPassword({ email, password, clientAddress, deviceId });

/** Password checks made for this email so far: one attempt row each. */
async function passwordChecksFor(email: string) {
  const [row] = await sql`select count(*)::int as checks, count(*) filter (where outcome = 'pending')::int as pending
                          from login_attempts where email = ${email}`;
  assert.equal(row!.pending, 0, 'every checked attempt has its outcome recorded');
  return row!.checks as number;
}

/** Failed attempts by strangers (no device cookie), written directly: `count` of them, from `addresses`. */
async function insertFailures(email: string, addresses: string[], count: number) {
  for (let index = 0; index < count; index++) {
    await sql`insert into login_attempts (email, ip_address, outcome) values (${email}, ${addresses[index % addresses.length]!}, 'failed')`;
  }
}

/** An account under attack: `accountUnderAttack.failures` failures from strangers' addresses. */
async function attackAccount(email: string) {
  await insertFailures(email, Array.from({ length: 10 }, newAddress), accountUnderAttack.failures);
}

/** As if `seconds` had passed for this account's attempts. */
async function letTimePass(email: string, seconds: number) {
  await sql`update login_attempts set attempted_at = attempted_at - make_interval(secs => ${seconds}) where email = ${email}`;
}

/** The wait a throttled attempt was told, in seconds; fails the test for any other result. */
function waitOf(result: SignInResult) {
  assert.equal(result.status, 'throttled');
  return result.status === 'throttled' ? result.retryAfterSeconds : Number.NaN;
}

function deviceCookieFor(email: string) {
  return issueDeviceCookie({ email, secret: process.env.AUTH_SECRET!, secure: false }).value;
}

const headersFrom = (clientAddress: string, extra: Record<string, string> = {}) =>
  new Headers({ [CLIENT_ADDRESS_HEADER]: clientAddress, ...extra });

describe('signing in with a password', () => {
  beforeEach(() => sql`delete from login_attempts where email like '%@throttle.test'`);

  test('the right password signs in, case-insensitively by email; anything else is the same "invalid"', async () => {
    const clientAddress = newAddress();
    const ok = await attempt(testUsers.editor.email.toUpperCase(), testPassword, clientAddress);
    assert.equal(ok.status, 'signed-in');
    assert.equal(ok.status === 'signed-in' && ok.user.role, 'editor');
    assert.equal((await getActor({ sessionId: ok.status === 'signed-in' && ok.sessionId }))?.email, testUsers.editor.email, 'with a session of its own');
    assert.deepEqual(await attempt(testUsers.editor.email, 'wrong password', clientAddress), { status: 'invalid' });
    assert.deepEqual(await attempt('nobody@roleboard.test', testPassword, clientAddress), { status: 'invalid' });
  });

  test('a password reset while the old password is being checked wins: no session', async () => {
    const email = await newUser('reset-race');
    const newHash = await hashPassword(`${testPassword} renewed`);
    let signingIn: ReturnType<typeof attempt> | undefined;
    await sql.begin(async (tx) => {
      // The reset holds the user's row until it commits; the sign-in reads the old hash meanwhile.
      await tx`update users set password_hash = ${newHash} where lower(email) = ${email}`;
      let settled = false;
      signingIn = attempt(email, testPassword, newAddress());
      const settle = () => (settled = true);
      signingIn.then(settle, settle);
      let waiting = 0;
      for (let polls = 0; polls < 200 && !settled && waiting === 0; polls++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        [{ waiting }] = (await sql`select count(*)::int as waiting from pg_stat_activity
                                   where datname = current_database() and wait_event_type = 'Lock'`) as unknown as [{ waiting: number }];
      }
      assert.equal(settled, false, 'the sign-in waits for the reset to commit');
    });
    assert.deepEqual(await signingIn, { status: 'invalid' });
    const [row] = await sql`select count(*)::int as sessions from user_sessions s join users u on u.id = s.user_id where lower(u.email) = ${email}`;
    assert.equal(row!.sessions, 0);
  });

  test('a disabled user cannot sign in even with the right password', async () => {
    const email = await newUser('disabled');
    await sql`update users set disabled = true where lower(email) = ${email}`;
    assert.equal((await attempt(email, testPassword, newAddress())).status, 'invalid');
  });
});

describe('throttling strangers (no device cookie)', () => {
  beforeEach(() => sql`delete from login_attempts where email like '%@throttle.test'`);

  test(`after ${loginLimits.perAccountAndAddress.attempts} failures from one address that address waits for that account; the window expires`, async () => {
    const email = await newUser('pair');
    const clientAddress = newAddress();
    for (let index = 1; index <= loginLimits.perAccountAndAddress.attempts; index++) {
      assert.equal((await attempt(email, `wrong ${index}`, clientAddress)).status, 'invalid');
    }
    const blocked = await attempt(email, testPassword, clientAddress);
    assert.equal(blocked.status, 'throttled', 'even the right password is refused while throttled');
    assert.ok(waitOf(blocked) > 14 * 60 && waitOf(blocked) <= 15 * 60, 'until the first failure is 15 minutes old');
    assert.equal(await passwordChecksFor(email), loginLimits.perAccountAndAddress.attempts, 'no password was checked for it');

    assert.equal((await attempt(email, testPassword, newAddress())).status, 'signed-in', 'other addresses may still try');

    // Once the failures are older than the window, this address may try again.
    await sql`update login_attempts set attempted_at = attempted_at - interval '16 minutes' where email = ${email}`;
    assert.equal((await attempt(email, testPassword, clientAddress)).status, 'signed-in');
  });

  test('200 concurrent wrong passwords for one account from one address get at most 10 password checks', async (t) => {
    const email = await newUser('burst');
    const clientAddress = newAddress();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 200 }, (_, index) => attempt(email, `wrong ${index}`, clientAddress)));
    const seconds = (performance.now() - started) / 1000;
    const checks = await passwordChecksFor(email);
    t.diagnostic(`one account, one address: 200 concurrent attempts -> ${checks} password checks in ${seconds.toFixed(2)} s`);
    assert.equal(checks, loginLimits.perAccountAndAddress.attempts);
    assert.equal(results.filter((result) => result.status === 'invalid').length, checks);
    assert.equal(results.filter((result) => result.status === 'throttled').length, 200 - checks);
    assert.equal((await attempt(email, testPassword, clientAddress)).status, 'throttled', 'the right password as attempt 201 is not checked');
  });

  test('200 concurrent wrong passwords for one account from 200 addresses: one check each, and no address is shut out by the others', async (t) => {
    const email = await newUser('botnet');
    const addresses = Array.from({ length: 200 }, newAddress);
    const started = performance.now();
    const results = await Promise.all(addresses.map((clientAddress, index) => attempt(email, `wrong ${index}`, clientAddress)));
    const seconds = (performance.now() - started) / 1000;
    const checks = await passwordChecksFor(email);
    t.diagnostic(`one account, 200 addresses: 200 concurrent attempts -> ${checks} password checks in ${seconds.toFixed(2)} s`);
    assert.equal(checks, 200);
    assert.ok(results.every((result) => result.status === 'invalid'));
    assert.equal((await attempt(email, testPassword, newAddress())).status, 'signed-in', 'a new address is checked at once');
    const latecomer = newAddress();
    assert.equal((await attempt(email, 'wrong', latecomer)).status, 'invalid');
    const again = waitOf(await attempt(email, testPassword, latecomer));
    assert.ok(again >= 1 && again <= 2, `the account is under attack: a second quick attempt waits seconds (${again})`);
  });

  test('unknown emails are throttled exactly like known ones', async () => {
    const email = newEmail('nobody');
    const clientAddress = newAddress();
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(email, 'any password', clientAddress)));
    assert.equal(await passwordChecksFor(email), loginLimits.perAccountAndAddress.attempts);
    assert.equal(results.filter((result) => result.status === 'throttled').length, 30 - loginLimits.perAccountAndAddress.attempts);
  });

  test(`after ${loginLimits.perAddress.attempts} failures from one address it waits, for every account; other addresses do not`, async () => {
    const clientAddress = newAddress();
    for (let index = 1; index < loginLimits.perAddress.attempts; index++) await insertFailures(newEmail('spray'), [clientAddress], 1);
    const email = await newUser('sprayed');
    assert.equal((await attempt(email, 'wrong password', clientAddress)).status, 'invalid', `${loginLimits.perAddress.attempts - 1} failures are still allowed`);
    const blocked = await attempt(testUsers.editor.email, testPassword, clientAddress);
    assert.equal(blocked.status, 'throttled');
    assert.ok(waitOf(blocked) > 0 && waitOf(blocked) <= loginLimits.perAddress.windowMinutes * 60);
    assert.equal((await attempt(email, testPassword, newAddress())).status, 'signed-in', 'other addresses are unaffected');
    await sql`delete from login_attempts where ip_address = ${clientAddress}`;
  });

  test('200 concurrent attempts from one address at 200 accounts get at most 25 password checks', async () => {
    const clientAddress = newAddress();
    const emails = Array.from({ length: 200 }, () => newEmail('spray'));
    const results = await Promise.all(emails.map((email) => attempt(email, 'Summer2026!', clientAddress)));
    const [row] = await sql`select count(*)::int as checks from login_attempts where ip_address = ${clientAddress}`;
    assert.equal(row!.checks, loginLimits.perAddress.attempts);
    assert.equal(results.filter((result) => result.status === 'throttled').length, 200 - loginLimits.perAddress.attempts);
    await sql`delete from login_attempts where ip_address = ${clientAddress}`;
  });

  test('concurrent attempts over many accounts and addresses all finish (the locks cannot deadlock)', async () => {
    const emails = Array.from({ length: 6 }, () => newEmail('mesh'));
    const addresses = Array.from({ length: 6 }, newAddress);
    const pairs = emails.flatMap((email) => addresses.map((clientAddress) => ({ email, clientAddress })));
    // Both orders at once: account A from address X while account B from X and A from Y.
    const results = await Promise.all([...pairs, ...pairs.toReversed()].map(({ email, clientAddress }) => attempt(email, 'wrong', clientAddress)));
    assert.equal(results.length, 72);
    assert.ok(results.every((result) => result.status === 'invalid'), 'no limit is reached, and none failed');
  });

  test('pending attempts count like failures; successful sign-ins never count', async () => {
    const email = await newUser('pending');
    const clientAddress = newAddress();
    for (let index = 0; index < loginLimits.perAccountAndAddress.attempts + 2; index++) {
      assert.equal((await attempt(email, testPassword, clientAddress)).status, 'signed-in', `success ${index + 1}`);
    }
    for (let index = 0; index < loginLimits.perAccountAndAddress.attempts; index++) {
      await sql`insert into login_attempts (email, ip_address, outcome) values (${email}, ${clientAddress}, 'pending')`;
    }
    assert.equal((await attempt(email, testPassword, clientAddress)).status, 'throttled', 'attempts still being checked hold their place');
  });

  test('the wait is until enough attempts age out of the window, never longer', async () => {
    const email = await newUser('wait');
    const clientAddress = newAddress();
    await insertFailures(email, [clientAddress], loginLimits.perAccountAndAddress.attempts);
    // The newest failure that fills the limit is 12½ of 15 minutes old: the wait is 150 seconds.
    await sql`update login_attempts set attempted_at = now() - interval '12 minutes 30 seconds' where email = ${email}`;
    const wait = waitOf(await attempt(email, testPassword, clientAddress));
    assert.ok(wait > 145 && wait <= 150, `${wait}`);

    const sprayed = newAddress();
    await insertFailures(newEmail('spray'), [sprayed], loginLimits.perAddress.attempts);
    await sql`update login_attempts set attempted_at = now() - interval '1 minute 30 seconds' where ip_address = ${sprayed}`;
    const sprayWait = waitOf(await attempt(email, testPassword, sprayed));
    assert.ok(sprayWait > 205 && sprayWait <= 210, `${sprayWait}`);
    await sql`delete from login_attempts where ip_address = ${sprayed}`;
  });
});

describe('an account under attack from many addresses (issue 19): strangers slow down, the owner gets in', () => {
  beforeEach(() => sql`delete from login_attempts where email like '%@throttle.test'`);

  test('9 addresses × 12 wrong passwords: the owner, from a new address without a device cookie, is signed in at once', async (t) => {
    const email = await newUser('issue-19');
    const attackers = Array.from({ length: 9 }, newAddress);
    await insertFailures(email, attackers, 9 * 12);
    for (const clientAddress of attackers) {
      assert.equal((await attempt(email, 'yet another guess', clientAddress)).status, 'throttled', 'each attacker has had its 10');
    }
    const started = performance.now();
    const owner = await attempt(email, testPassword, newAddress());
    const milliseconds = performance.now() - started;
    t.diagnostic(`the owner's sign-in from a new address after 108 failures: ${milliseconds.toFixed(0)} ms`);
    assert.equal(owner.status, 'signed-in');
    assert.equal(await passwordChecksFor(email), 9 * 12 + 1, "the attackers' attempts were refused unchecked; the owner's was checked");
  });

  test('the owner gets in within a minute while the attack goes on, new attacker addresses included', async (t) => {
    const email = await newUser('issue-19-live');
    const attackers = Array.from({ length: 9 }, newAddress);
    await insertFailures(email, attackers, 9 * 12);
    // Nine attackers keep going, each from its used-up address and from a new one every other
    // time (a real password check, under the account's lock), until the owner is in.
    let attacking = true;
    const attackerAttempts = attackers.map(() => 0);
    const attack = attackers.map(async (clientAddress, index) => {
      for (let round = 0; attacking; round++) {
        await attempt(email, `guess ${index}.${round}`, round % 2 ? clientAddress : newAddress());
        attackerAttempts[index]!++;
      }
    });
    const ownerSignIns: number[] = [];
    try {
      while (attackerAttempts.some((count) => count < 2)) await new Promise((resolve) => setTimeout(resolve, 10));
      // Three new devices of the owner's, one after the other, none with a device cookie.
      for (let device = 0; device < 3; device++) {
        const started = performance.now();
        const owner = await attempt(email, testPassword, newAddress());
        ownerSignIns.push(performance.now() - started);
        assert.equal(owner.status, 'signed-in');
      }
    } finally {
      attacking = false;
      await Promise.all(attack);
    }
    const total = attackerAttempts.reduce((sum, count) => sum + count);
    t.diagnostic(`the owner's sign-ins from new addresses during the attack (${total} attacker attempts): ${ownerSignIns.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
    assert.ok(Math.max(...ownerSignIns) < 60_000);
    const [row] = await sql`select count(*)::int as checks from login_attempts where email = ${email} and ip_address = any(${attackers})`;
    assert.equal(row!.checks, 9 * 12, 'the used-up attacker addresses were checked no further');
  });

  test("the owner's own typo on a new device costs seconds, not minutes", async () => {
    const email = await newUser('typo');
    await attackAccount(email);
    const ownerAddress = newAddress();
    assert.equal((await attempt(email, 'a typo', ownerAddress)).status, 'invalid');
    const wait = waitOf(await attempt(email, testPassword, ownerAddress));
    assert.ok(wait >= 1 && wait <= 2, `${wait}`);
    await letTimePass(email, wait);
    assert.equal((await attempt(email, testPassword, ownerAddress)).status, 'signed-in');
  });

  test(`below ${accountUnderAttack.failures} failures on the account there is no delay; from then on, a second quick attempt waits seconds`, async () => {
    const email = await newUser('threshold');
    await insertFailures(email, Array.from({ length: 10 }, newAddress), accountUnderAttack.failures - 2);
    const clientAddress = newAddress();
    assert.equal((await attempt(email, 'wrong 1', clientAddress)).status, 'invalid');
    assert.equal((await attempt(email, 'wrong 2', clientAddress)).status, 'invalid', 'not under attack yet: checked at once');
    const wait = waitOf(await attempt(email, 'wrong 3', clientAddress));
    assert.ok(wait >= 3 && wait <= 4, `the ${accountUnderAttack.failures}th failure started the attack: 2^2 seconds after the second (${wait})`);
  });

  test('under attack an address waits 2, 4, 8 … seconds, at most a minute, between its own attempts, and has at most 10 checks in 15 minutes', async () => {
    const email = await newUser('slowed');
    await attackAccount(email);
    const clientAddress = newAddress();
    const waits: number[] = [];
    let checks = 0;
    // Until the wait for the window to pass, the first one over a minute. (Counting the waits' seconds
    // up to 15 minutes raced the real clock: the attempts are timed by statement_timestamp(), so on a
    // busy machine the last wait came out a second shorter and the loop made an 11th check.)
    while ((waits.at(-1) ?? 0) <= 60) {
      const result = await attempt(email, `guess ${checks}`, clientAddress);
      if (result.status === 'invalid') {
        checks++;
        continue;
      }
      const wait = waitOf(result);
      waits.push(wait);
      await letTimePass(email, wait);
    }
    assert.equal(checks, loginLimits.perAccountAndAddress.attempts);
    const expected = [2, 4, 8, 16, 32, 60, 60, 60, 60];
    assert.equal(waits.length, expected.length + 1);
    expected.forEach((delay, index) => assert.ok(waits[index]! >= delay - 1 && waits[index]! <= delay, `wait ${index + 1}: ${waits[index]} s, not ${delay} s`));
    assert.ok(waits.at(-1)! > 9 * 60, `then until the first of its 10 failures is 15 minutes old (${waits.at(-1)} s)`);
    assert.equal((await attempt(email, 'one more guess', clientAddress)).status, 'invalid', 'and then it may try again');
  });

  test('concurrent attempts under attack: one check per address whose delay has passed, however many arrive at once', async () => {
    const email = await newUser('attack-burst');
    await attackAccount(email);
    // Each address has failed 5 times, the last 33 seconds ago: its 2^5 = 32 seconds have passed.
    const addresses = Array.from({ length: 40 }, newAddress);
    for (const clientAddress of addresses) {
      await insertFailures(email, [clientAddress], 5);
    }
    await sql`update login_attempts set attempted_at = now() - interval '33 seconds' where email = ${email} and ip_address = any(${addresses})`;
    const before = await passwordChecksFor(email);
    const results = await Promise.all(addresses.flatMap((clientAddress) => Array.from({ length: 5 }, (_, index) => attempt(email, `wrong ${index}`, clientAddress))));
    assert.equal((await passwordChecksFor(email)) - before, addresses.length);
    assert.equal(results.filter((result) => result.status === 'invalid').length, addresses.length);
    const waits = results.filter((result) => result.status === 'throttled').map(waitOf);
    assert.equal(waits.length, addresses.length * 4);
    assert.ok(waits.every((wait) => wait > 0 && wait <= accountUnderAttack.maxDelaySeconds), 'each waits for its sixth failure\'s delay');
  });
});

describe('device cookies: the owner is slowed down at most, never locked out', () => {
  beforeEach(() => sql`delete from login_attempts where email like '%@throttle.test'`);

  /** An account under attack whose owner's address has had its 10 failures: strangers there wait. */
  async function saturatedAccount() {
    const email = await newUser('owner');
    const ownerAddress = newAddress();
    await attackAccount(email);
    await insertFailures(email, [ownerAddress], loginLimits.perAccountAndAddress.attempts);
    assert.equal((await attempt(email, testPassword, ownerAddress)).status, 'throttled');
    return { email, ownerAddress };
  }

  test('with a valid device cookie the owner signs in from an address strangers have used up', async () => {
    const { email, ownerAddress } = await saturatedAccount();
    const result = await checkCredentials({
      credentials: { email, password: testPassword },
      headers: headersFrom(ownerAddress),
      deviceCookie: deviceCookieFor(email),
    });
    assert.equal(result.status, 'signed-in');
  });

  test('a forged, altered or foreign device cookie gives no exemption', async () => {
    const { email, ownerAddress } = await saturatedAccount();
    const genuine = deviceCookieFor(email);
    const [deviceId, signature] = genuine.split('.') as [string, string];
    for (const deviceCookie of [
      `${deviceId}.${'A'.repeat(43)}`,
      `${'B'.repeat(22)}.${signature}`,
      deviceCookieFor('someone-else@throttle.test'),
      issueDeviceCookie({ email, secret: 'another secret that is at least thirty-two characters', secure: false }).value,
      'not a cookie',
    ]) {
      const result = await checkCredentials({ credentials: { email, password: testPassword }, headers: headersFrom(ownerAddress), deviceCookie });
      assert.equal(result.status, 'throttled', deviceCookie);
    }
  });

  test(`a device cookie has its own limit: ${loginLimits.perDevice.attempts} failures per ${loginLimits.perDevice.windowMinutes} minutes, then only that device waits`, async () => {
    const email = await newUser('device');
    const clientAddress = newAddress();
    const deviceCookie = deviceCookieFor(email);
    const check = (password: string, cookie = deviceCookie) =>
      checkCredentials({ credentials: { email, password }, headers: headersFrom(clientAddress), deviceCookie: cookie });
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => check(`wrong ${index}`)));
    assert.equal(results.filter((result) => result.status === 'invalid').length, loginLimits.perDevice.attempts);
    assert.equal((await check(testPassword)).status, 'throttled');
    assert.equal((await check(testPassword, deviceCookieFor(email))).status, 'signed-in', "the owner's other browser is unaffected");
    const [row] = await sql`select count(*)::int as strangers from login_attempts where email = ${email} and device_id is null`;
    assert.equal(row!.strangers, 0, "the device's failures do not count against strangers' limits");
  });
});

describe('the client address and the attempt log', () => {
  beforeEach(() => sql`delete from login_attempts where email like '%@throttle.test'`);

  test('only the front\'s header counts; anything but an IP address is stored as "unknown"', async () => {
    const email = newEmail('address');
    const sent = [
      new Headers({ [CLIENT_ADDRESS_HEADER]: '<script>alert(1)</script>' }),
      new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9, 198.51.100.1' }),
      new Headers({ 'x-forwarded-for': '203.0.113.10', 'x-real-ip': '203.0.113.11' }),
      new Headers({ [CLIENT_ADDRESS_HEADER]: '2001:db8:7:8:1:2:3:4' }),
      new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.12', 'x-forwarded-for': '198.51.100.1' }),
    ];
    for (const headers of sent) {
      assert.equal((await checkCredentials({ credentials: { email, password: 'wrong' }, headers, deviceCookie: undefined })).status, 'invalid');
    }
    const rows = await sql`select ip_address from login_attempts where email = ${email} order by id`;
    assert.deepEqual(
      rows.map((row) => row.ip_address),
      ['unknown', 'unknown', 'unknown', '2001:db8:7:8::/64', '203.0.113.12'],
    );
    await assert.rejects(
      sql`insert into login_attempts (email, ip_address) values (${email}, 'not an address')`,
      /login_attempts_ip_address_format/,
      'the table refuses garbage too',
    );
  });

  test('old attempts are pruned; recent ones are kept', async () => {
    const email = newEmail('prune');
    await sql`insert into login_attempts (email, ip_address, outcome, attempted_at) values
              (${email}, 'unknown', 'failed', now() - interval '2 days'), (${email}, 'unknown', 'failed', now() - interval '20 minutes')`;
    await pruneLoginAttempts();
    const rows = await sql`select attempted_at from login_attempts where email = ${email}`;
    assert.equal(rows.length, 1);
  });
});

describe('credentials that are not an email', () => {
  test('a NUL or another control character in the email is "invalid", and nothing reaches the database', async () => {
    for (const email of [`${testUsers.editor.email}\u0000`, `a\u0007b@roleboard.test`]) {
      const result = await checkCredentials({ credentials: { email, password: testPassword }, headers: headersFrom(newAddress()), deviceCookie: undefined });
      assert.deepEqual(result, { status: 'invalid' });
    }
    const [row] = await sql`select count(*)::int as n from login_attempts where position(chr(7) in email) > 0`;
    assert.equal(row!.n, 0);
  });
});

describe('when the database is down', () => {
  test('checking credentials says "unavailable", never "invalid", and works again once it is back', async () => {
    const databaseUrl = process.env.DATABASE_URL;
    const credentials = { email: testUsers.editor.email, password: testPassword };
    const check = () => checkCredentials({ credentials, headers: headersFrom(newAddress()), deviceCookie: undefined });
    await closeDatabase();
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nowhere';
    try {
      assert.deepEqual(await check(), { status: 'unavailable' });
    } finally {
      await closeDatabase();
      process.env.DATABASE_URL = databaseUrl;
    }
    // A pool that saw the database fail may fail fast for a few seconds before it tries again.
    const deadline = Date.now() + 15_000;
    let again = await check();
    while (again.status === 'unavailable' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await check();
    }
    assert.equal(again.status, 'signed-in');
  });
});

describe('password hashing and rules', () => {
  test('hashes are argon2id with OWASP parameters and verify only the right password', async () => {
    const passwordHash = await hashPassword('a long and unusual passphrase');
    assert.match(passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(passwordHash, 'a long and unusual passphrase'), true);
    assert.equal(await verifyPassword(passwordHash, 'a long and unusual passphrasE'), false);
    assert.equal(await verifyPassword('not a hash', 'anything'), false);
  });

  test('passwords are 8 to 128 characters, not truncated, and not common', async () => {
    assert.equal(passwordSchema.safeParse('short12').success, false);
    assert.equal(passwordSchema.safeParse('Password123').success, false);
    assert.equal(passwordSchema.safeParse('x'.repeat(129)).success, false);
    assert.equal(passwordSchema.safeParse('x'.repeat(128)).success, true);
    const long = `${'y'.repeat(100)}-end`;
    const passwordHash = await hashPassword(long);
    assert.equal(await verifyPassword(passwordHash, `${'y'.repeat(100)}-enD`), false, 'the end of a long password counts');
  });
});
