// User administration (db/users.ts) against the run's PostgreSQL: only an enabled admin with a
// current session may read or change users, every change is audited without the password hash,
// and disabling, password resets and "sign out everywhere" end the user's sessions at once.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { AccessDeniedError, endSession, getActor } from '@/db/access';
import { closeDatabase } from '@/db/client';
import { auditLog, userSessions, users } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
import { changeUserRole, createUser, listUsers, resetUserPassword, setUserDisabled, signOutEverywhere } from '@/db/users';
import { hashPassword, verifyPassword } from '@/lib/password';
import { passwordSchema } from '@/lib/password-policy';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

const runId = `${Date.now()}-${process.pid}`;
let emailCount = 0;
const uniqueEmail = (label: string) => `users-${label}-${runId}-${++emailCount}@roleboard.test`;
const newPassword = 'a brand new passphrase';

/** A user of this test file's own, so the shared test users are never changed. */
async function makeUser(role: 'admin' | 'editor', label: string) {
  const email = uniqueEmail(label);
  const { id } = await upsertUser(db, { email, password: testPassword, role, name: `Test ${label}` });
  return { id, email, claims: await claimsFor(db, email) };
}

async function userRow(id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  assert.ok(row);
  return row;
}

async function auditEntriesFor(userId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, String(userId))))
    .orderBy(auditLog.id);
}

async function sessionCount(userId: number) {
  const [row] = await db.select({ sessions: count() }).from(userSessions).where(eq(userSessions.userId, userId));
  return row!.sessions;
}

async function auditCount() {
  const [row] = await db.select({ entries: count() }).from(auditLog);
  return row!.entries;
}

const adminClaims = () => claimsFor(db, testUsers.admin.email);

describe('who may manage users', () => {
  test('anonymous, editor, disabled and signed-out claims are refused by every function, and nothing changes', async () => {
    const target = await makeUser('editor', 'target');
    const disabledAdmin = await makeUser('admin', 'disabled-admin');
    await db.update(users).set({ disabled: true }).where(eq(users.id, disabledAdmin.id));
    const signedOutAdmin = await makeUser('admin', 'signed-out-admin');
    await endSession(signedOutAdmin.claims);

    const callers = {
      anonymous: null,
      malformed: { userId: signedOutAdmin.id },
      editor: await claimsFor(db, testUsers.editor.email),
      'disabled admin': disabledAdmin.claims,
      'signed-out session': signedOutAdmin.claims,
    };
    const refusedEmail = uniqueEmail('never-created');
    const calls = {
      listUsers: (claims: unknown) => listUsers(claims),
      createUser: (claims: unknown) => createUser(claims, { email: refusedEmail, name: 'Never', role: 'admin', password: newPassword }),
      changeUserRole: (claims: unknown) => changeUserRole(claims, { userId: target.id, role: 'admin' }),
      setUserDisabled: (claims: unknown) => setUserDisabled(claims, { userId: target.id, disabled: true }),
      resetUserPassword: (claims: unknown) => resetUserPassword(claims, { userId: target.id, password: newPassword }),
      signOutEverywhere: (claims: unknown) => signOutEverywhere(claims, { userId: target.id }),
    };

    const targetBefore = await userRow(target.id);
    const auditBefore = await auditCount();
    for (const [caller, claims] of Object.entries(callers)) {
      for (const [name, call] of Object.entries(calls)) {
        await assert.rejects(call(claims), AccessDeniedError, `${name} as ${caller}`);
      }
    }
    assert.deepEqual(await userRow(target.id), targetBefore, 'the target is unchanged');
    assert.equal(await auditCount(), auditBefore, 'no audit entries');
    const [created] = await db.select({ id: users.id }).from(users).where(eq(users.email, refusedEmail));
    assert.equal(created, undefined, 'no user was created');
  });

  test('an admin lists users without their password hashes, and sees which one is them', async () => {
    const list = await listUsers(await adminClaims());
    const admin = list.find((user) => user.email === testUsers.admin.email);
    assert.ok(admin?.isCurrentUser);
    assert.ok(list.some((user) => user.email === testUsers.editor.email && !user.isCurrentUser));
    for (const user of list) assert.deepEqual(Object.keys(user).sort(), ['createdAt', 'disabled', 'email', 'id', 'isCurrentUser', 'name', 'role']);
  });
});

describe('what an admin can do', () => {
  test('create a user: stored with an argon2id hash, audited without it, able to sign in', async () => {
    const email = uniqueEmail('created');
    const result = await createUser(await adminClaims(), { email, name: '  Casey Created ', role: 'editor', password: newPassword });
    assert.equal(result.status, 'saved');
    assert.ok(result.status === 'saved');
    const row = await userRow(result.user.id);
    assert.equal(row.name, 'Casey Created');
    assert.equal(row.role, 'editor');
    assert.equal(row.disabled, false);
    assert.ok(await verifyPassword(row.passwordHash, newPassword));

    const [entry, ...rest] = await auditEntriesFor(row.id);
    assert.equal(rest.length, 0);
    assert.equal(entry!.action, 'user.create');
    assert.deepEqual(entry!.after, { email, name: 'Casey Created', role: 'editor', status: 'enabled' });
    assert.doesNotMatch(JSON.stringify(entry), /argon2|passwordHash/);

    const actor = await getActor(await claimsFor(db, email));
    assert.equal(actor?.role, 'editor');
  });

  test('an email taken in another case is a field error, not an exception, and creates nothing', async () => {
    const existing = await makeUser('editor', 'taken');
    const auditBefore = await auditCount();
    const result = await createUser(await adminClaims(), { email: existing.email.toUpperCase(), name: 'Twin', role: 'editor', password: newPassword });
    assert.deepEqual(result, { status: 'refused', codes: ['user:email_taken'] });
    assert.equal(await auditCount(), auditBefore);
  });

  test('bad input is a field error per field and creates nothing', async () => {
    const auditBefore = await auditCount();
    const result = await createUser(await adminClaims(), { email: 'not an email', name: ' ', role: 'owner' as 'admin', password: 'short' });
    assert.equal(result.status, 'invalid');
    assert.ok(result.status === 'invalid');
    assert.deepEqual(Object.keys(result.fieldErrors).sort(), ['email', 'name', 'password', 'role']);
    assert.equal(await auditCount(), auditBefore);
  });

  test('a NUL in the name or email, or a name of zero-width characters, is a field error and creates nothing', async () => {
    const auditBefore = await auditCount();
    const email = uniqueEmail('nul');
    const claims = await adminClaims();
    assert.deepEqual(await createUser(claims, { email, name: 'Nul\u0000Name', role: 'editor', password: newPassword }), {
      status: 'invalid',
      fieldErrors: { name: ['Remove the invisible control character (U+0000)'] },
    });
    assert.deepEqual(await createUser(claims, { email: `nul\u0000${email}`, name: 'Nul', role: 'editor', password: newPassword }), {
      status: 'invalid',
      fieldErrors: { email: ['Remove the invisible control character (U+0000)'] },
    });
    assert.deepEqual(await createUser(claims, { email, name: '\u200B\uFEFF', role: 'editor', password: `${newPassword}\u0000` }), {
      status: 'invalid',
      fieldErrors: { name: ['Enter a name'], password: ['Remove the invisible control character (U+0000)'] },
    });
    assert.equal(await auditCount(), auditBefore);
    const [created] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    assert.equal(created, undefined);
  });

  test('change role, disable and enable: audited, and disabling ends the sessions at once', async () => {
    const claims = await adminClaims();
    const user = await makeUser('editor', 'lifecycle');
    assert.ok(await getActor(user.claims));

    const promoted = await changeUserRole(claims, { userId: user.id, role: 'admin' });
    assert.equal(promoted.status, 'saved');
    assert.equal((await userRow(user.id)).role, 'admin');
    assert.equal((await getActor(user.claims))?.role, 'admin', 'the role is read from the database on every request');

    const disabled = await setUserDisabled(claims, { userId: user.id, disabled: true });
    assert.equal(disabled.status, 'saved');
    assert.equal((await userRow(user.id)).disabled, true);
    assert.equal(await sessionCount(user.id), 0, 'every session row is gone');
    assert.equal(await getActor(user.claims), null, 'the old session no longer counts');

    const enabled = await setUserDisabled(claims, { userId: user.id, disabled: false });
    assert.equal(enabled.status, 'saved');
    assert.equal(await getActor(user.claims), null, 'enabling does not bring old sessions back');
    assert.ok(await getActor(await claimsFor(db, user.email)), 'a new sign-in works');

    const again = await setUserDisabled(claims, { userId: user.id, disabled: false });
    assert.deepEqual(again.status === 'saved' && again.changed, false, 'enabling an enabled user changes nothing');

    const entries = await auditEntriesFor(user.id);
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.before, entry.after]),
      [
        ['user.role', { role: 'editor' }, { role: 'admin' }],
        ['user.disable', { status: 'enabled' }, { status: 'disabled' }],
        ['user.enable', { status: 'disabled' }, { status: 'enabled' }],
      ],
    );
    const admin = await getActor(claims);
    assert.ok(entries.every((entry) => entry.actorId === admin!.id));
  });

  test('reset password: the new one works, the old one does not, and sessions end', async () => {
    const user = await makeUser('editor', 'reset');
    const otherSession = await claimsFor(db, user.email);
    const result = await resetUserPassword(await adminClaims(), { userId: user.id, password: newPassword });
    assert.equal(result.status, 'saved');
    const row = await userRow(user.id);
    assert.ok(await verifyPassword(row.passwordHash, newPassword));
    assert.equal(await verifyPassword(row.passwordHash, testPassword), false);
    assert.equal(await getActor(user.claims), null);
    assert.equal(await getActor(otherSession), null);
    assert.equal(await sessionCount(user.id), 0);
    const [entry] = await auditEntriesFor(user.id);
    assert.deepEqual([entry!.action, entry!.before, entry!.after], ['user.password', null, null]);

    const weak = await resetUserPassword(await adminClaims(), { userId: user.id, password: 'password' });
    assert.equal(weak.status, 'invalid');
    assert.ok(await verifyPassword((await userRow(user.id)).passwordHash, newPassword), 'a rejected password changes nothing');
  });

  test('sign out everywhere ends every session and nothing else', async () => {
    const user = await makeUser('editor', 'sign-out');
    const otherSession = await claimsFor(db, user.email);
    const bystander = await claimsFor(db, testUsers.editor.email);
    const result = await signOutEverywhere(await adminClaims(), { userId: user.id });
    assert.equal(result.status, 'saved');
    assert.equal(await getActor(user.claims), null);
    assert.equal(await getActor(otherSession), null);
    assert.equal(await sessionCount(user.id), 0);
    assert.ok(await getActor(bystander), "other users' sessions go on");
    const row = await userRow(user.id);
    assert.equal(row.disabled, false);
    assert.ok(await getActor(await claimsFor(db, user.email)), 'signing in again works');
    assert.deepEqual((await auditEntriesFor(user.id)).map((entry) => entry.action), ['user.sign-out-everywhere']);
  });

  test('an unknown user is "not found" for every change', async () => {
    const claims = await adminClaims();
    const userId = 2_000_000_000;
    for (const result of [
      await changeUserRole(claims, { userId, role: 'admin' }),
      await setUserDisabled(claims, { userId, disabled: true }),
      await resetUserPassword(claims, { userId, password: newPassword }),
      await signOutEverywhere(claims, { userId }),
    ]) {
      assert.deepEqual(result, { status: 'not-found' });
    }
  });
});

describe('never without an admin', () => {
  test('an admin cannot disable or demote themselves, and nothing changes', async () => {
    const admin = await makeUser('admin', 'self');
    const before = await userRow(admin.id);
    const disabled = await setUserDisabled(admin.claims, { userId: admin.id, disabled: true });
    assert.deepEqual(disabled, { status: 'refused', codes: ['user:self_disable'] });
    const demoted = await changeUserRole(admin.claims, { userId: admin.id, role: 'editor' });
    assert.deepEqual(demoted, { status: 'refused', codes: ['user:self_demote'] });
    assert.deepEqual(await userRow(admin.id), before);
    assert.deepEqual(await auditEntriesFor(admin.id), []);
  });

  // Any admin but the acting one can only be the last enabled admin if the acting one lost their
  // rights meanwhile; the row locks make that race safe: two admins disabling each other at once
  // run one after the other, and the second finds itself no longer an admin.
  test('two admins disabling each other at once: exactly one succeeds', async () => {
    const first = await makeUser('admin', 'duel-a');
    const second = await makeUser('admin', 'duel-b');
    const outcomes = await Promise.allSettled([
      setUserDisabled(first.claims, { userId: second.id, disabled: true }),
      setUserDisabled(second.claims, { userId: first.id, disabled: true }),
    ]);
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value.status === 'saved');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected' && outcome.reason instanceof AccessDeniedError);
    assert.equal(succeeded.length, 1, JSON.stringify(outcomes));
    assert.equal(refused.length, 1, JSON.stringify(outcomes));
    const stillEnabled = [await userRow(first.id), await userRow(second.id)].filter((row) => !row.disabled);
    assert.equal(stillEnabled.length, 1);
  });
});

describe('passwords', () => {
  test('argon2id with the OWASP parameters; verification accepts the right password only', async () => {
    const hash = await hashPassword(newPassword);
    assert.ok(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'), hash);
    assert.equal(await verifyPassword(hash, newPassword), true);
    assert.equal(await verifyPassword(hash, `${newPassword} `), false);
    assert.equal(await verifyPassword(hash, 'wrong password'), false);
    assert.equal(await verifyPassword('not a hash', newPassword), false);
  });

  test('the stored hash of a created user is argon2id too', async () => {
    const email = uniqueEmail('stored-hash');
    const result = await createUser(await adminClaims(), { email, name: 'Hash', role: 'editor', password: newPassword });
    assert.ok(result.status === 'saved');
    assert.ok((await userRow(result.user.id)).passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'));
  });

  test('8 to 128 characters, never truncated, and not a common password', async () => {
    assert.equal(passwordSchema.safeParse('a'.repeat(7)).success, false);
    assert.equal(passwordSchema.safeParse('password').success, false, 'a common password');
    assert.equal(passwordSchema.safeParse('PassWord123').success, false, 'common in any case');
    assert.equal(passwordSchema.safeParse('x7'.repeat(32)).success, true, '64 characters');
    assert.equal(passwordSchema.safeParse('x7'.repeat(64)).success, true, '128 characters');
    assert.equal(passwordSchema.safeParse('x7'.repeat(64) + 'x').success, false, '129 characters');
    const long = `${'long passphrase '.repeat(8)}`.slice(0, 128);
    const hash = await hashPassword(long);
    assert.equal(await verifyPassword(hash, long.slice(0, 127)), false, 'every character counts');
  });
});
