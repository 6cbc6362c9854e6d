// Who counts as signed in: the session's claims are only a claim; the users row decides.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { AccessDeniedError, getActor, requireUser, SESSION_LIFETIME_MS } from '@/db/access';
import { closeDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
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
    for (const claims of [null, undefined, {}, { userId: '1', sessionVersion: 1, signedInAt: Date.now() }, 'admin']) {
      assert.equal(await deniedFor(claims, 'editor'), 'signed-out');
    }
  });

  test('an editor is refused admin-only access', async () => {
    assert.equal(await deniedFor(await claimsFor(db, testUsers.editor.email), 'admin'), 'forbidden');
  });

  test('a disabled user, a stale session version and an expired session are signed out', async () => {
    const email = `access-${Date.now()}@roleboard.test`;
    const { id } = await upsertUser(db, { email, password: testPassword, role: 'admin' });
    const claims = await claimsFor(db, email);
    assert.ok(await getActor(claims));

    await db.update(users).set({ sessionVersion: claims.sessionVersion + 1 }).where(eq(users.id, id));
    assert.equal(await deniedFor(claims, 'editor'), 'signed-out', 'sign out everywhere ends old sessions');

    const fresh = await claimsFor(db, email);
    await db.update(users).set({ disabled: true }).where(eq(users.id, id));
    assert.equal(await deniedFor(fresh, 'editor'), 'signed-out', 'disabling ends sessions at once');

    await db.update(users).set({ disabled: false }).where(eq(users.id, id));
    assert.ok(await getActor(fresh));
    assert.equal(await getActor({ ...fresh, signedInAt: Date.now() - SESSION_LIFETIME_MS - 1000 }), null, '12 hours at most');
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

  test('claims naming a user that does not exist are signed out', async () => {
    assert.equal(await deniedFor({ userId: 987654, sessionVersion: 1, signedInAt: Date.now() }, 'editor'), 'signed-out');
  });
});
