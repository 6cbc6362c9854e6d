// Sign-in checks and throttling, stored in PostgreSQL.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { closeDatabase } from '@/db/client';
import { getLoginThrottle, loginLimits, signInWithPassword } from '@/db/sign-in';
import { upsertUser } from '@/db/seed/seed';
import { hashPassword, verifyPassword } from '@/lib/password';
import { passwordSchema } from '@/lib/password-policy';
import { connectToTestDatabase } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

let addressCounter = 0;
/** A fresh address per test, so per-IP counts from other tests never interfere. */
const newAddress = () => `198.51.100.${++addressCounter}-${process.pid}`;

describe('signing in with a password', () => {
  beforeEach(() => sql`delete from login_attempts where email like '%@throttle.test'`);

  test('the right password signs in, case-insensitively by email; anything else is the same "invalid"', async () => {
    const ipAddress = newAddress();
    const ok = await signInWithPassword({ email: testUsers.editor.email.toUpperCase(), password: testPassword, ipAddress });
    assert.equal(ok.status, 'signed-in');
    assert.equal(ok.status === 'signed-in' && ok.user.role, 'editor');
    assert.deepEqual(await signInWithPassword({ email: testUsers.editor.email, password: 'wrong password', ipAddress }), {
      status: 'invalid',
    });
    assert.deepEqual(await signInWithPassword({ email: 'nobody@roleboard.test', password: testPassword, ipAddress }), {
      status: 'invalid',
    });
  });

  test('a disabled user cannot sign in even with the right password', async () => {
    const email = `disabled-${Date.now()}@throttle.test`;
    await upsertUser(db, { email, password: testPassword, role: 'editor' });
    await sql`update users set disabled = true where lower(email) = ${email}`;
    assert.equal((await signInWithPassword({ email, password: testPassword, ipAddress: newAddress() })).status, 'invalid');
  });

  test(`after ${loginLimits.perAccount.failures} failures an account waits, and no password is checked`, async () => {
    const email = `account-${Date.now()}@throttle.test`;
    await upsertUser(db, { email, password: testPassword, role: 'editor' });
    for (let attempt = 1; attempt <= loginLimits.perAccount.failures; attempt++) {
      // Different addresses: the account limit holds wherever the attempts come from.
      const result = await signInWithPassword({ email, password: `wrong ${attempt}`, ipAddress: newAddress() });
      assert.equal(result.status, 'invalid');
    }
    const blocked = await signInWithPassword({ email, password: testPassword, ipAddress: newAddress() });
    assert.equal(blocked.status, 'throttled', 'even the right password is refused while throttled');
    assert.ok(blocked.status === 'throttled' && blocked.retryAfterMinutes >= 1 && blocked.retryAfterMinutes <= 15);

    // Once the failures are older than the window, the account may try again.
    await sql`update login_attempts set attempted_at = attempted_at - interval '16 minutes' where email = ${email}`;
    assert.equal((await signInWithPassword({ email, password: testPassword, ipAddress: newAddress() })).status, 'signed-in');
  });

  test(`after ${loginLimits.perIpAddress.failures} failures from one address it waits, for every account`, async () => {
    const ipAddress = newAddress();
    for (let attempt = 1; attempt <= loginLimits.perIpAddress.failures; attempt++) {
      await signInWithPassword({ email: `spray-${attempt}@throttle.test`, password: 'wrong password', ipAddress });
    }
    const throttle = await getLoginThrottle({ email: testUsers.editor.email, ipAddress });
    assert.ok(throttle && throttle.retryAfterMinutes >= 1 && throttle.retryAfterMinutes <= 5);
    assert.equal((await signInWithPassword({ email: testUsers.editor.email, password: testPassword, ipAddress })).status, 'throttled');
    assert.equal(await getLoginThrottle({ email: testUsers.editor.email, ipAddress: newAddress() }), null, 'other addresses are unaffected');
    await sql`delete from login_attempts where ip_address = ${ipAddress}`;
  });

  test('24 failures from one address are still allowed', async () => {
    const ipAddress = newAddress();
    for (let attempt = 1; attempt < loginLimits.perIpAddress.failures; attempt++) {
      await sql`insert into login_attempts (email, ip_address, succeeded) values (${`few-${attempt}@throttle.test`}, ${ipAddress}, false)`;
    }
    assert.equal(await getLoginThrottle({ email: 'someone@throttle.test', ipAddress }), null);
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
