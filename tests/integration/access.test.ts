// Who counts as signed in: the session's claims are only a claim; the session row and the users row decide.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { AccessDeniedError, endSession, getActor, requireUser } from '@/db/access';
import { closeDatabase } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
import { pruneExpiredSessions } from '@/db/sessions';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
after(() => Promise.all([sql.end(), closeDatabase()]));

async function deniedFor(claims: unknown, role: 'admin' | 'editor') {
  try {
    await requireUser(claims, role);
    return null;
  } catch (error) {
    assert.ok(error instanceof AccessDeniedError);
    return error.reason;
  }
}

describe('session checks against the database', () => {
  test('an editor and an admin are who their claims say, with the role from the database', async () => {
    const editor = await requireUser(await claimsFor(db, testUsers.editor.email), 'editor');
    assert.equal(editor.role, 'editor');
    assert.equal(editor.email, testUsers.editor.email);
    const admin = await requireUser(await claimsFor(db, testUsers.admin.email), 'admin');
    assert.equal(admin.role, 'admin');
  });

  test('missing or malformed claims count as signed out', async () => {
    for (const claims of [null, undefined, {}, { sessionId: 42 }, { sessionId: 'short' }, { userId: 1, sessionVersion: 1, signedInAt: Date.now() }, 'admin']) {
      assert.equal(await deniedFor(claims, 'editor'), 'signed-out');
    }
  });

  test('an editor is refused admin-only access', async () => {
    assert.equal(await deniedFor(await claimsFor(db, testUsers.editor.email), 'admin'), 'forbidden');
  });

  test('"Sign out" ends that session only; the same claims no longer count', async () => {
    const email = `access-sign-out-${Date.now()}@roleboard.test`;
    await upsertUser(db, { email, password: testPassword, role: 'editor' });
    const laptop = await claimsFor(db, email);
    const phone = await claimsFor(db, email);
    assert.ok(await getActor(laptop));
    await endSession(laptop);
    assert.equal(await getActor(laptop), null, 'a copy of the signed-out cookie is worth nothing');
    assert.equal(await deniedFor(laptop, 'editor'), 'signed-out');
    assert.equal((await getActor(phone))?.email, email, "the user's other session goes on");
  });

  test('a disabled user and an expired session are signed out', async () => {
    const email = `access-${Date.now()}@roleboard.test`;
    const { id } = await upsertUser(db, { email, password: testPassword, role: 'admin' });
    const claims = await claimsFor(db, email);
    assert.ok(await getActor(claims));

    await db.update(users).set({ disabled: true }).where(eq(users.id, id));
    assert.equal(await deniedFor(claims, 'editor'), 'signed-out', 'even a session row left behind counts for nothing once disabled');
    await db.update(users).set({ disabled: false }).where(eq(users.id, id));
    assert.ok(await getActor(claims));

    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, claims.sessionId));
    assert.ok(session && Math.abs(session.expiresAt.getTime() - session.createdAt.getTime() - 12 * 60 * 60 * 1000) < 1000, '12 hours');
    await db.update(userSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userSessions.id, claims.sessionId));
    assert.equal(await getActor(claims), null, '12 hours at most');
  });

  test('a new password from the seed or user:create ends the old sessions; an unchanged one does not', async () => {
    const email = `access-password-${Date.now()}@roleboard.test`;
    await upsertUser(db, { email, password: testPassword, role: 'editor' });
    const claims = await claimsFor(db, email);
    await upsertUser(db, { email, password: testPassword, role: 'editor' });
    assert.ok(await getActor(claims), 're-running the seed keeps people signed in');
    await upsertUser(db, { email, password: `${testPassword} again`, role: 'editor' });
    assert.equal(await deniedFor(claims, 'editor'), 'signed-out');
  });

  test('expired sessions are pruned; current ones are kept', async () => {
    const email = `access-prune-${Date.now()}@roleboard.test`;
    await upsertUser(db, { email, password: testPassword, role: 'editor' });
    const expired = await claimsFor(db, email);
    const current = await claimsFor(db, email);
    await db.update(userSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userSessions.id, expired.sessionId));
    await pruneExpiredSessions(db);
    const left = await db.select({ id: userSessions.id }).from(userSessions).where(inArray(userSessions.id, [expired.sessionId, current.sessionId]));
    assert.deepEqual(left, [{ id: current.sessionId }]);
  });

  test('claims naming a session that does not exist are signed out', async () => {
    assert.equal(await deniedFor({ sessionId: 'x'.repeat(43) }, 'editor'), 'signed-out');
  });
});
