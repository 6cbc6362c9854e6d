// Reading the audit log (db/audit-reads.ts): editors and admins may, anonymous visitors may not;
// editors read the changes to roles only, never user administration nor anyone's email; filters by
// role and by who made the change return only matching entries, newest first, and keyset pages
// neither skip nor repeat an entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { like } from 'drizzle-orm';
import { AccessDeniedError } from '@/db/access';
import { listAuditEntries, listAuditFilters } from '@/db/audit-reads';
import { closeDatabase } from '@/db/client';
import { auditLog, roles } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
import { listAllAuditEntries } from '../support/audit';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase, insertArchivedRole } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const SLUG_PREFIX = 'audit-log-test-';
const runId = `${Date.now()}-${process.pid}`;

after(async () => {
  // Other test files count the roles: leave none of ours behind. Their audit entries stay, as
  // entries of roles that no longer exist.
  await db.delete(roles).where(like(roles.slug, `${SLUG_PREFIX}%`));
  await Promise.all([sql.end(), closeDatabase()]);
});

type TestRole = { id: number; title: string; slug: string };

// Two actors and two (archived, so never public) roles of this file's own, and entries written
// directly, so the expected results do not depend on what other test files changed.
let alice: { id: number };
let bob: { id: number };
/** An admin who edited a role once and otherwise administered users (entries only admins may read). */
let uma: { id: number; email: string };
const umaEntryIds = { role: 0, users: [] as number[] };
let firstRole: TestRole;
let secondRole: TestRole;
const entryIds = { aliceFirst: [] as number[], bobFirst: [] as number[], aliceSecond: [] as number[] };

async function insertRole(label: string): Promise<TestRole> {
  const slug = `${SLUG_PREFIX}${label}-${runId}`;
  return insertArchivedRole(db, { slug, title: `Audit Test ${label}`, madeBy: 'the audit log tests' });
}

function auditEntry(actorId: number, roleId: number, averageSalary: number) {
  return {
    actorId,
    action: 'role.update',
    entityType: 'role',
    entityId: String(roleId),
    before: { averageSalary: averageSalary - 1000, title: '<script>alert(1)</script>' },
    after: { averageSalary, title: 'Plain' },
  };
}

function userEntry(actorId: number, action: string, user: { id: number; email: string }) {
  return {
    actorId,
    action,
    entityType: 'user',
    entityId: String(user.id),
    before: action === 'user.create' ? null : { status: 'enabled' },
    after: action === 'user.create' ? { email: user.email, name: 'Dana Disabled', role: 'editor', status: 'enabled' } : { status: 'disabled' },
  };
}

before(async () => {
  alice = await upsertUser(db, { email: `audit-alice-${runId}@roleboard.test`, password: testPassword, role: 'editor', name: 'Alice Auditor' });
  bob = await upsertUser(db, { email: `audit-bob-${runId}@roleboard.test`, password: testPassword, role: 'editor', name: 'Bob Auditor' });
  const umaEmail = `audit-uma-${runId}@roleboard.test`;
  uma = { ...(await upsertUser(db, { email: umaEmail, password: testPassword, role: 'admin', name: 'Uma Useradmin' })), email: umaEmail };
  const danaEmail = `audit-dana-${runId}@roleboard.test`;
  const dana = { ...(await upsertUser(db, { email: danaEmail, password: testPassword, role: 'editor', name: 'Dana Disabled' })), email: danaEmail };
  firstRole = await insertRole('first');
  secondRole = await insertRole('second');

  const insert = async (entries: (typeof auditLog.$inferInsert)[]) =>
    (await db.insert(auditLog).values(entries).returning({ id: auditLog.id })).map((row) => row.id);
  // Uma's entries come first, so the newest five below are Alice's and Bob's.
  umaEntryIds.role = (await insert([auditEntry(uma.id, firstRole.id, 100_000)]))[0]!;
  umaEntryIds.users.push(...(await insert([userEntry(uma.id, 'user.create', dana)])));
  umaEntryIds.users.push(...(await insert([userEntry(uma.id, 'user.disable', dana)])));
  entryIds.aliceFirst.push(...(await insert([auditEntry(alice.id, firstRole.id, 101_000)])));
  entryIds.bobFirst.push(...(await insert([auditEntry(bob.id, firstRole.id, 102_000)])));
  // One statement, one transaction: three entries with the same created_at, ordered by id.
  const [second, ...first] = await insert([
    auditEntry(alice.id, secondRole.id, 103_000),
    auditEntry(alice.id, firstRole.id, 104_000),
    auditEntry(alice.id, firstRole.id, 105_000),
  ]);
  entryIds.aliceSecond.push(second!);
  entryIds.aliceFirst.push(...first);
});

const editorClaims = () => claimsFor(db, testUsers.editor.email);

function isNewestFirst(entries: { id: number; createdAt: string }[]) {
  return entries.every(
    (entry, index) =>
      index === 0 ||
      entries[index - 1]!.createdAt > entry.createdAt ||
      (entries[index - 1]!.createdAt === entry.createdAt && entries[index - 1]!.id > entry.id),
  );
}

describe('who may read the audit log', () => {
  test('anonymous and malformed claims are refused', async () => {
    for (const claims of [null, {}, { userId: alice.id }, { sessionId: 'x'.repeat(43) }]) {
      await assert.rejects(listAuditEntries(claims), AccessDeniedError);
      await assert.rejects(listAuditFilters(claims), AccessDeniedError);
    }
  });

  test('editors and admins can read it', async () => {
    for (const email of [testUsers.editor.email, testUsers.admin.email]) {
      const page = await listAuditEntries(await claimsFor(db, email), { limit: 5 });
      assert.equal(page.entries.length, 5);
    }
  });
});

describe('filters and order', () => {
  test('everything, newest first, with the actor, the role and each field before → after', async () => {
    const { entries } = await listAuditEntries(await editorClaims(), { limit: 5 });
    assert.ok(isNewestFirst(entries));
    assert.deepEqual(
      entries.map((entry) => entry.id),
      [entryIds.aliceFirst[2], entryIds.aliceFirst[1], entryIds.aliceSecond[0], entryIds.bobFirst[0], entryIds.aliceFirst[0]],
    );
    const [newest] = entries;
    assert.deepEqual(newest!.actor, { id: alice.id, name: 'Alice Auditor' });
    assert.deepEqual(newest!.subject, { type: 'role', id: String(firstRole.id), title: firstRole.title, slug: firstRole.slug });
    // Sorted by field name: jsonb keeps no key order.
    assert.deepEqual(newest!.changes, [
      { field: 'averageSalary', before: 104_000, after: 105_000 },
      { field: 'title', before: '<script>alert(1)</script>', after: 'Plain' },
    ]);
  });

  test('by role: only that role, newest first', async () => {
    const { entries } = await listAuditEntries(await editorClaims(), { roleId: secondRole.id });
    assert.ok(entries.length >= 1);
    assert.ok(entries.every((entry) => entry.subject.type === 'role' && entry.subject.id === String(secondRole.id)));
    assert.ok(isNewestFirst(entries));
    assert.equal(entries[0]!.id, entryIds.aliceSecond[0]);
  });

  test('by user: only their changes, newest first', async () => {
    const { entries } = await listAuditEntries(await editorClaims(), { actorId: bob.id });
    assert.deepEqual(
      entries.map((entry) => entry.id),
      entryIds.bobFirst,
    );
  });

  test('by role and user together', async () => {
    const { entries } = await listAuditEntries(await editorClaims(), { roleId: firstRole.id, actorId: alice.id });
    assert.deepEqual(
      entries.map((entry) => entry.id),
      [...entryIds.aliceFirst].reverse(),
    );
  });

  test('keyset pages: older entries follow without gaps or repeats, even between equal timestamps', async () => {
    const claims = await editorClaims();
    const seen = (await listAllAuditEntries(claims, { actorId: alice.id, limit: 1 })).map((entry) => entry.id);
    assert.deepEqual(seen, [entryIds.aliceFirst[2], entryIds.aliceFirst[1], entryIds.aliceSecond[0], entryIds.aliceFirst[0]]);
    assert.deepEqual((await listAuditEntries(claims, { before: 2_000_000_000 })).entries, [], 'an unknown cursor matches nothing');
  });

  test('the filter choices list the roles with entries and the users who made changes', async () => {
    const filters = await listAuditFilters(await editorClaims());
    const roleIds = filters.roles.map((role) => role.id);
    assert.ok(roleIds.includes(firstRole.id) && roleIds.includes(secondRole.id));
    const actorIds = filters.actors.map((actor) => actor.id);
    assert.ok(actorIds.includes(alice.id) && actorIds.includes(bob.id));
    const carol = await upsertUser(db, { email: `audit-carol-${runId}@roleboard.test`, password: testPassword, role: 'editor' });
    assert.ok(!(await listAuditFilters(await editorClaims())).actors.some((actor) => actor.id === carol.id), 'users without changes are not offered');
  });
});

describe('what editors may read', () => {
  /** Every entry the reader sees, optionally by one actor. */
  const readAll = (claims: unknown, actorId?: number) => listAllAuditEntries(claims, { actorId, limit: 200 });

  const isAboutUsers = (entry: { action: string; subject: { type: string } }) => entry.subject.type === 'user' || entry.action.startsWith('user.');

  test('an editor reads no entry about users and no email, but sees who made each change', async () => {
    const claims = await editorClaims();
    const entries = await readAll(claims);
    assert.ok(entries.length > 0, 'the editor reads entries');
    assert.deepEqual(entries.filter(isAboutUsers), []);
    assert.doesNotMatch(JSON.stringify(entries), /@/, 'no email anywhere in what an editor reads');
    assert.deepEqual(
      (await readAll(claims, uma.id)).map((entry) => [entry.id, entry.actor?.name]),
      [[umaEntryIds.role, 'Uma Useradmin']],
      "filtering by an admin's id shows only their changes to roles",
    );
    const [newestUserEntry] = umaEntryIds.users.slice(-1);
    assert.deepEqual((await listAuditEntries(claims, { before: newestUserEntry })).entries, [], 'a cursor at a user entry matches nothing');
  });

  test("an editor's filter choices name who made changes to roles, without emails", async () => {
    const filters = await listAuditFilters(await editorClaims());
    assert.deepEqual(filters.actors.filter((actor) => actor.email !== null), [], 'no email beside a name');
    assert.equal(filters.actors.find((actor) => actor.id === uma.id)?.name, 'Uma Useradmin', 'who edited a role is offered by name');
    assert.doesNotMatch(JSON.stringify(filters), /@/);
  });

  test('an admin reads everything: the user entries, with emails', async () => {
    const claims = await claimsFor(db, testUsers.admin.email);
    const umaEntries = await readAll(claims, uma.id);
    assert.deepEqual(
      umaEntries.map((entry) => entry.id),
      [...umaEntryIds.users].reverse().concat(umaEntryIds.role),
    );
    const created = umaEntries.find((entry) => entry.action === 'user.create')!;
    assert.equal(created.subject.type === 'user' && created.subject.email, `audit-dana-${runId}@roleboard.test`);
    assert.ok(created.changes.some((change) => change.field === 'email' && change.after === `audit-dana-${runId}@roleboard.test`));
    const [newestUserEntry] = umaEntryIds.users.slice(-1);
    assert.deepEqual(
      (await listAuditEntries(claims, { actorId: uma.id, before: newestUserEntry })).entries.map((entry) => entry.id),
      [umaEntryIds.users[0], umaEntryIds.role],
    );
    const filters = await listAuditFilters(claims);
    assert.equal(filters.actors.find((actor) => actor.id === uma.id)?.email, uma.email);
  });
});
