// Editing roles through the DAL against the real database: who may, what one save writes
// (and only together), and that two editors at once never lose an edit.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { desc, eq, like } from 'drizzle-orm';
import { AccessDeniedError, endSession } from '@/db/access';
import { closeDatabase } from '@/db/client';
import { getPublishedRoleBySlug } from '@/db/role-reads';
import {
  archiveRole,
  createRole,
  getRoleForEdit,
  getRoleHistory,
  listRolesForAdmin,
  restoreRole,
  revertRoleStats,
  updateRole,
  type RoleForEdit,
} from '@/db/role-edits';
import { roles, roleStatsHistory, users } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
import { mergeRoleEdit } from '@/lib/role-merge';
import { formBase } from '@/lib/role-form';
import { roleBaseSchema } from '@/lib/role-form-submission';
import type { RoleContentInput, RoleStatsInput } from '@/lib/role-schemas';
import { roleAuditRows } from '../support/audit';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const SLUG_PREFIX = 'role-edits-test-';

after(async () => {
  // Other test files count the seeded roles: leave none of ours behind (stats and history cascade).
  await db.delete(roles).where(like(roles.slug, `${SLUG_PREFIX}%`));
  await Promise.all([sql.end(), closeDatabase()]);
});

const editorClaims = () => claimsFor(db, testUsers.editor.email);

function content(overrides: Partial<RoleContentInput> = {}): RoleContentInput {
  const slug = `${SLUG_PREFIX}${randomUUID().slice(0, 8)}`;
  return {
    title: `Test Role ${slug.slice(-8)}`,
    slug,
    socCode: null,
    alternativeTitles: [],
    categorySlug: 'healthcare-practitioners-and-technical',
    summary: 'A role made by the role editing tests.',
    salaryTemplate: 'The average salary is {averageSalary}.',
    responsibilitiesIntro: 'They:',
    responsibilities: ['Test things.', 'Report results.'],
    responsibilitiesOutro: null,
    howToBecomeIntro: 'Steps:',
    howToBecomeSteps: [{ heading: 'Learn', body: 'Learn to test.' }],
    howToBecomeOutro: null,
    contentAttribution: null,
    ...overrides,
  };
}

const stats = (overrides: Partial<RoleStatsInput> = {}): RoleStatsInput => ({
  employment: null,
  jobOpeningsBasis: 'current',
  hourlyWages: null,
  editedFigures: {},
  entryEducation: null,
  outlook: null,
  sourceUrl: null,
  jobOpenings: 10,
  averageSalary: 50_000,
  currency: 'USD',
  degreeRequirementPercent: 40,
  percentiles: null,
  asOf: '2026-01-15',
  source: 'Role editing tests',
  ...overrides,
});

async function newRole(overrides: Partial<RoleContentInput> = {}): Promise<RoleForEdit> {
  const claims = await editorClaims();
  const created = await createRole(claims, { content: content(overrides), stats: stats() });
  assert.equal(created.status, 'saved');
  return (await getRoleForEdit(claims, { slug: created.status === 'saved' ? created.role.slug : '' }))!;
}

async function historyRows(roleId: number) {
  return db.select().from(roleStatsHistory).where(eq(roleStatsHistory.roleId, roleId)).orderBy(desc(roleStatsHistory.id));
}

/** Everything a save may touch, to compare before and after a refused one. */
async function snapshot(role: RoleForEdit) {
  return {
    role: await getRoleForEdit(await editorClaims(), { slug: role.slug }),
    history: await historyRows(role.id),
    audit: await roleAuditRows(db, role.id),
  };
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return null;
}

describe('who may edit roles', () => {
  test('anonymous or garbage claims are refused by every read and change, and nothing changes', async () => {
    const role = await newRole();
    const before = await snapshot(role);
    for (const claims of [null, undefined, {}, 'editor', { userId: 1, sessionVersion: 1 }, { userId: '1', sessionVersion: 1, signedInAt: Date.now() }]) {
      const change = { roleId: role.id, expectedVersion: role.version };
      for (const attempt of [
        listRolesForAdmin(claims),
        getRoleForEdit(claims, { slug: role.slug }),
        getRoleHistory(claims, { slug: role.slug }),
        createRole(claims, { content: content(), stats: stats() }),
        updateRole(claims, { ...change, content: role.content, stats: stats({ averageSalary: 1 }) }),
        archiveRole(claims, change),
        restoreRole(claims, change),
        revertRoleStats(claims, { ...change, historyId: before.history[0]!.id }),
      ]) {
        assert.ok((await rejection(attempt)) instanceof AccessDeniedError, JSON.stringify(claims));
      }
    }
    assert.deepEqual(await snapshot(role), before);
  });

  test('a disabled user and a signed-out session are refused', async () => {
    const role = await newRole();
    const email = `role-edits-${Date.now()}@roleboard.test`;
    const { id } = await upsertUser(db, { email, password: testPassword, role: 'editor' });
    const signedOutClaims = await claimsFor(db, email);
    await endSession(signedOutClaims);
    const update = (claims: unknown) =>
      updateRole(claims, { roleId: role.id, expectedVersion: role.version, content: role.content, stats: stats({ averageSalary: 2 }) });
    assert.ok((await rejection(update(signedOutClaims))) instanceof AccessDeniedError, 'signed-out session');

    const freshClaims = await claimsFor(db, email);
    await db.update(users).set({ disabled: true }).where(eq(users.id, id));
    assert.ok((await rejection(update(freshClaims))) instanceof AccessDeniedError, 'disabled user');
    assert.equal((await getRoleForEdit(await editorClaims(), { slug: role.slug }))!.version, role.version);
  });

  test('admins may edit as well as editors', async () => {
    const role = await newRole();
    const result = await updateRole(await claimsFor(db, testUsers.admin.email), {
      roleId: role.id,
      expectedVersion: role.version,
      editNote: 'Role editing tests',
      content: role.content,
      stats: stats({ jobOpenings: 11 }),
    });
    assert.equal(result.status, 'saved');
  });
});

describe('saving a role', () => {
  test('an update writes the role, its stats, a history row and an audit row with only the changed fields', async () => {
    const role = await newRole();
    const newSlug = `${SLUG_PREFIX}${randomUUID().slice(0, 8)}`;
    const result = await updateRole(await editorClaims(), {
      roleId: role.id,
      expectedVersion: role.version,
      editNote: 'Role editing tests',
      content: { ...role.content, title: 'Renamed Test Role', slug: newSlug, categorySlug: 'computer-and-mathematical' },
      stats: { ...role.stats, averageSalary: 61_000 },
    });
    assert.equal(result.status, 'saved');
    assert.ok(result.status === 'saved');
    assert.equal(result.role.version, role.version + 1);
    assert.deepEqual(
      [...result.tags].sort(),
      ['category:computer-and-mathematical', 'category:healthcare-practitioners-and-technical', `role:${newSlug}`, `role:${role.slug}`, 'roles'].sort(),
      'old and new slug and category, and the listing',
    );

    const saved = (await getRoleForEdit(await editorClaims(), { slug: newSlug }))!;
    assert.equal(saved.content.title, 'Renamed Test Role');
    assert.equal(saved.stats.averageSalary, 61_000);
    assert.equal(saved.lastEdit.editorName, testUsers.editor.name);
    assert.equal((await getPublishedRoleBySlug({ slug: newSlug }))?.stats.averageSalary, 61_000);

    const [latestHistory] = await historyRows(role.id);
    assert.equal(latestHistory!.roleVersion, role.version + 1);
    assert.equal(latestHistory!.averageSalary, 61_000);
    const [latestAudit] = await roleAuditRows(db, role.id);
    assert.equal(latestAudit!.action, 'role.update');
    assert.deepEqual(latestAudit!.before, { title: role.content.title, slug: role.slug, categorySlug: 'healthcare-practitioners-and-technical', averageSalary: 50_000 });
    assert.deepEqual(latestAudit!.after, {
      title: 'Renamed Test Role',
      slug: newSlug,
      categorySlug: 'computer-and-mathematical',
      averageSalary: 61_000,
      editNote: 'Role editing tests',
    });
  });

  test("a new role's and a renamed role's words are what search text spelt wrong is corrected to, at once", async () => {
    const { listPublishedRoles } = await import('@/db/role-search');
    // Letters only (names' words are), different on every run so that no earlier run's word is found.
    const word = `Quill${randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}ographer`;
    const role = await newRole({ title: `Senior ${word}` });
    const misspelt = word.toLowerCase().replace('ographer', 'ogrpaher');
    assert.deepEqual((await listPublishedRoles({ q: misspelt })).items.map((item) => item.slug), [role.slug]);
    const renamedWord = `Plume${randomUUID().replace(/[^a-f]/g, '').slice(0, 6)}ologist`;
    const saved = await updateRole(await editorClaims(), {
      roleId: role.id,
      expectedVersion: role.version,
      editNote: 'Role editing tests',
      content: { ...role.content, title: `Chief ${renamedWord}` },
      stats: role.stats,
    });
    assert.equal(saved.status, 'saved');
    assert.deepEqual((await listPublishedRoles({ q: renamedWord.toLowerCase().replace('ologist', 'olgoist') })).items.map((item) => item.slug), [role.slug]);
  });

  test('a content-only change writes no stats history', async () => {
    const role = await newRole();
    const historyBefore = await historyRows(role.id);
    const result = await updateRole(await editorClaims(), {
      roleId: role.id,
      expectedVersion: role.version,
      content: { ...role.content, responsibilities: ['Report results.', 'Test things.'] },
      stats: role.stats,
    });
    assert.equal(result.status, 'saved');
    assert.deepEqual(await historyRows(role.id), historyBefore);
    const [audit] = await roleAuditRows(db, role.id);
    assert.deepEqual(Object.keys(audit!.after as object), ['responsibilities']);
  });

  test('two saves at the same version: exactly one wins, the other reports a conflict and changes nothing', async () => {
    const role = await newRole();
    const [first, second] = await Promise.all(
      [70_000, 80_000].map(async (averageSalary) =>
        updateRole(await claimsFor(db, averageSalary === 70_000 ? testUsers.editor.email : testUsers.secondEditor.email), {
          roleId: role.id,
          expectedVersion: role.version,
          editNote: 'Role editing tests',
          content: role.content,
          stats: { ...role.stats, averageSalary },
        }),
      ),
    );
    const statuses = [first!.status, second!.status].sort();
    assert.deepEqual(statuses, ['conflict', 'saved']);
    const winner = first!.status === 'saved' ? 70_000 : 80_000;
    const loser = first!.status === 'conflict' ? first! : second!;
    assert.ok(loser.status === 'conflict');
    assert.equal(loser.current.stats.averageSalary, winner, 'the conflict shows the winning values');
    assert.equal(loser.current.version, role.version + 1);
    assert.ok(loser.current.editorName === testUsers.editor.name || loser.current.editorName === testUsers.secondEditor.name);

    const saved = (await getRoleForEdit(await editorClaims(), { slug: role.slug }))!;
    assert.equal(saved.version, role.version + 1);
    assert.equal(saved.stats.averageSalary, winner);
    assert.equal((await historyRows(role.id)).length, 2, 'the first values and the one winning save');
  });

  test('a save at an old version is a conflict naming who changed it', async () => {
    const role = await newRole();
    const secondEditor = await claimsFor(db, testUsers.secondEditor.email);
    await updateRole(secondEditor, { roleId: role.id, expectedVersion: role.version, editNote: 'Role editing tests', content: role.content, stats: stats({ jobOpenings: 99 }) });
    const result = await updateRole(await editorClaims(), { roleId: role.id, expectedVersion: role.version, editNote: 'Role editing tests', content: role.content, stats: stats({ jobOpenings: 5 }) });
    assert.ok(result.status === 'conflict');
    assert.equal(result.current.editorName, testUsers.secondEditor.name);
    assert.equal(result.current.stats.jobOpenings, 99);
    // Re-applying at the version the conflict reported saves.
    const reapplied = await updateRole(await editorClaims(), {
      roleId: role.id,
      expectedVersion: result.current.version,
      editNote: 'Role editing tests',
      content: role.content,
      stats: stats({ jobOpenings: 5 }),
    });
    assert.equal(reapplied.status, 'saved');
  });

  test("saving again after a conflict writes their values with only the second editor's changes on top", async () => {
    const role = await newRole({ howToBecomeSteps: [{ heading: 'Learn', body: 'Learn to test.' }, { heading: 'Practise', body: 'Test a lot.' }] });
    // Both editors load the role; the form carries what it was loaded with as its base.
    const base = roleBaseSchema.parse(formBase(role));
    const first = await updateRole(await claimsFor(db, testUsers.secondEditor.email), {
      roleId: role.id,
      expectedVersion: role.version,
      editNote: 'Role editing tests',
      content: { ...role.content, summary: 'Their new summary.', howToBecomeSteps: [...role.content.howToBecomeSteps].reverse() },
      stats: { ...role.stats, jobOpenings: 12 },
    });
    assert.equal(first.status, 'saved');

    const yours = { content: role.content, stats: { ...role.stats, averageSalary: 64_000, jobOpenings: 13 } };
    const conflict = await updateRole(await editorClaims(), { roleId: role.id, expectedVersion: role.version, editNote: 'Role editing tests', ...yours });
    assert.ok(conflict.status === 'conflict');
    const merge = mergeRoleEdit({ base, yours, theirs: conflict.current });
    assert.deepEqual(merge.changedByYou.sort(), ['averageSalary', 'jobOpenings']);
    assert.deepEqual(merge.changedByThem.sort(), ['howToBecomeSteps', 'jobOpenings', 'summary']);

    const again = await updateRole(await editorClaims(), { roleId: role.id, expectedVersion: conflict.current.version, editNote: 'Role editing tests', ...merge.values });
    assert.equal(again.status, 'saved');
    const saved = (await getRoleForEdit(await editorClaims(), { slug: role.slug }))!;
    assert.equal(saved.content.summary, 'Their new summary.', 'their change stands');
    assert.deepEqual(saved.content.howToBecomeSteps.map((step) => step.heading), ['Practise', 'Learn'], 'their reordering stands');
    assert.equal(saved.stats.averageSalary, 64_000, 'your change is applied');
    assert.equal(saved.stats.jobOpenings, 13, 'where you both changed a field, yours wins');
    const [audit] = await roleAuditRows(db, role.id);
    assert.deepEqual([audit!.before, audit!.after], [
      { averageSalary: 50_000, jobOpenings: 12 },
      { averageSalary: 64_000, jobOpenings: 13, editNote: 'Role editing tests' },
    ]);
  });

  test('when the audit insert fails, the role, stats, version and history are all unchanged', async () => {
    const role = await newRole();
    const before = await snapshot(role);
    await sql`alter table audit_log add constraint role_edits_test_block check (false) not valid`;
    try {
      const error = await rejection(
        updateRole(await editorClaims(), {
          roleId: role.id,
          expectedVersion: role.version,
          editNote: 'Role editing tests',
          content: { ...role.content, title: 'Never Saved' },
          stats: stats({ averageSalary: 99_999 }),
        }),
      );
      assert.ok(error instanceof Error, 'the save fails');
    } finally {
      await sql`alter table audit_log drop constraint role_edits_test_block`;
    }
    assert.deepEqual(await snapshot(role), before);
  });

  test('a slug already taken or an unknown category is a field error, and nothing is written', async () => {
    const role = await newRole();
    const other = await newRole();
    const before = await snapshot(role);
    const claims = await editorClaims();
    const taken = await updateRole(claims, { roleId: role.id, expectedVersion: role.version, content: { ...role.content, slug: other.slug }, stats: role.stats });
    assert.deepEqual(taken, { status: 'refused', codes: ['role:slug_taken'] });
    const unknown = await updateRole(claims, {
      roleId: role.id,
      expectedVersion: role.version,
      content: { ...role.content, categorySlug: 'no-such-category' },
      stats: role.stats,
    });
    assert.deepEqual(unknown, { status: 'refused', codes: ['role:unknown_category'] });
    assert.deepEqual(await snapshot(role), before);
    const duplicate = await createRole(claims, { content: content({ slug: 'backend-software-engineer' }), stats: stats() });
    assert.deepEqual(duplicate, { status: 'refused', codes: ['role:slug_taken'] });
  });

  test('the DAL validates on its own: values the form would refuse are field errors and write nothing', async () => {
    const role = await newRole();
    const before = await snapshot(role);
    const claims = await editorClaims();
    const result = await updateRole(claims, {
      roleId: role.id,
      expectedVersion: role.version,
      content: { ...role.content, title: '', slug: 'Not A Slug' },
      stats: { ...role.stats, jobOpenings: -1, averageSalary: 1.5, degreeRequirementPercent: 101, asOf: '2999-01-01' },
    });
    assert.equal(result.status, 'invalid');
    assert.deepEqual(Object.keys(result.status === 'invalid' ? result.fieldErrors : {}).sort(), [
      'content.slug',
      'content.title',
      'stats.asOf',
      'stats.averageSalary',
      'stats.degreeRequirementPercent',
      'stats.jobOpenings',
    ]);
    assert.deepEqual(await snapshot(role), before);
    const created = await createRole(claims, { content: content(), stats: stats({ percentiles: { p10: 5, p25: 4, median: 6, p75: 7, p90: 8, topCoded: [] } }) });
    assert.deepEqual(created, { status: 'invalid', fieldErrors: { 'stats.percentiles.p25': ['Must be at least the 10th percentile (5)'] } });
  });

  test('a NUL or other control character in any text is a field error, never a database error, and writes nothing', async () => {
    const role = await newRole();
    const before = await snapshot(role);
    const result = await updateRole(await editorClaims(), {
      roleId: role.id,
      expectedVersion: role.version,
      content: {
        ...role.content,
        title: 'Nul\u0000Title',
        summary: 'Escape \u001B[31m red',
        responsibilities: ['Fine.', 'Nul\u0000'],
        howToBecomeSteps: [{ heading: 'Learn', body: 'C1 \u0085 control' }],
      },
      stats: { ...role.stats, source: 'Nul\u0000Source' },
    });
    assert.equal(result.status, 'invalid');
    assert.deepEqual(result.status === 'invalid' ? result.fieldErrors : {}, {
      'content.title': ['Remove the invisible control character (U+0000)'],
      'content.summary': ['Remove the invisible control character (U+001B)'],
      'content.responsibilities.1': ['Remove the invisible control character (U+0000)'],
      'content.howToBecomeSteps.0.body': ['Remove the invisible control character (U+0085)'],
      'stats.source': ['Remove the invisible control character (U+0000)'],
    });
    assert.deepEqual(await snapshot(role), before);
    const created = await createRole(await editorClaims(), { content: content({ title: '\u200B\u2060' }), stats: stats() });
    assert.deepEqual(created, { status: 'invalid', fieldErrors: { 'content.title': ['Enter a title'] } });
  });

  test("a stats-only save from the form, whose textareas send CRLF, records only the stats change", async () => {
    const role = await newRole({
      summary: 'First line.\nSecond line.',
      responsibilitiesIntro: 'They:\n\n- test\n- report',
      howToBecomeSteps: [{ heading: 'Learn', body: 'Read.\nPractise.' }],
      howToBecomeOutro: 'Good\nluck.',
    });
    assert.equal(role.content.summary, 'First line.\nSecond line.', 'stored with \\n');
    const asTheBrowserSendsIt = (text: string) => text.replace(/\n/g, '\r\n');
    const result = await updateRole(await editorClaims(), {
      roleId: role.id,
      expectedVersion: role.version,
      editNote: 'Role editing tests',
      content: {
        ...role.content,
        summary: asTheBrowserSendsIt(role.content.summary),
        responsibilitiesIntro: asTheBrowserSendsIt(role.content.responsibilitiesIntro),
        howToBecomeSteps: role.content.howToBecomeSteps.map((step) => ({ ...step, body: asTheBrowserSendsIt(step.body) })),
        howToBecomeOutro: asTheBrowserSendsIt(role.content.howToBecomeOutro!),
      },
      stats: { ...role.stats, averageSalary: 57_000 },
    });
    assert.ok(result.status === 'saved');
    assert.deepEqual(result.tags.sort(), ['category:healthcare-practitioners-and-technical', `role:${role.slug}`, 'roles'].sort());
    const [audit] = await roleAuditRows(db, role.id);
    assert.deepEqual([audit!.before, audit!.after], [{ averageSalary: 50_000 }, { averageSalary: 57_000, editNote: 'Role editing tests' }]);
    const saved = (await getRoleForEdit(await editorClaims(), { slug: role.slug }))!;
    assert.deepEqual(saved.content, role.content, 'the stored text is unchanged, still with \\n');
  });

  test('two new roles racing for one slug: one is created, the other gets the slug error', async () => {
    const claims = await editorClaims();
    const slug = `${SLUG_PREFIX}${randomUUID().slice(0, 8)}`;
    const results = await Promise.all([createRole(claims, { content: content({ slug }), stats: stats() }), createRole(claims, { content: content({ slug }), stats: stats() })]);
    assert.deepEqual(results.map((result) => result.status).sort(), ['refused', 'saved']);
  });
});

describe('archive, restore, history and revert', () => {
  test('archiving takes a role off the public site and restoring brings it back, both audited', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const archived = await archiveRole(claims, { roleId: role.id, expectedVersion: role.version });
    assert.ok(archived.status === 'saved');
    assert.equal(await getPublishedRoleBySlug({ slug: role.slug }), null);
    const listed = await listRolesForAdmin(claims, { q: role.slug, status: 'archived' });
    assert.deepEqual(listed.items.map((item) => item.slug), [role.slug]);
    assert.equal(listed.items[0]!.lastEdit.editorName, testUsers.editor.name);

    assert.equal((await restoreRole(claims, { roleId: role.id, expectedVersion: role.version })).status, 'conflict', 'restoring needs the new version');
    assert.equal((await restoreRole(claims, { roleId: role.id, expectedVersion: archived.role.version })).status, 'saved');
    assert.ok(await getPublishedRoleBySlug({ slug: role.slug }));
    assert.deepEqual((await roleAuditRows(db, role.id)).slice(0, 2).map((row) => [row.action, row.after]), [
      ['role.restore', { status: 'published' }],
      ['role.archive', { status: 'archived' }],
    ]);
  });

  test('archiving an archived role at its version is "unchanged": no new version, no audit row', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const archived = await archiveRole(claims, { roleId: role.id, expectedVersion: role.version });
    assert.ok(archived.status === 'saved');
    const before = await snapshot(role);
    assert.deepEqual(await archiveRole(claims, { roleId: role.id, expectedVersion: archived.role.version }), {
      status: 'unchanged',
      role: { id: role.id, slug: role.slug, version: archived.role.version },
    });
    assert.deepEqual(await snapshot(role), before);
  });

  test('reverting makes old figures current as a new history row and audit row; history is never rewritten', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const updated = await updateRole(claims, { roleId: role.id, expectedVersion: role.version, editNote: 'Role editing tests', content: role.content, stats: stats({ averageSalary: 75_000 }) });
    assert.ok(updated.status === 'saved');

    const history = await getRoleHistory(claims, { slug: role.slug });
    assert.deepEqual(history!.entries.map((entry) => entry.averageSalary), [75_000, 50_000], 'newest first');
    assert.equal(history!.entries[0]!.changedByName, testUsers.editor.name);
    const original = history!.entries[1]!;

    const reverted = await revertRoleStats(claims, { roleId: role.id, historyId: original.id, expectedVersion: updated.role.version });
    assert.ok(reverted.status === 'saved');
    const after = await getRoleHistory(claims, { slug: role.slug });
    assert.deepEqual(after!.entries.map((entry) => entry.averageSalary), [50_000, 75_000, 50_000]);
    assert.equal(after!.entries[0]!.roleVersion, reverted.role.version);
    assert.deepEqual(after!.entries.slice(1), history!.entries, 'earlier rows untouched');
    assert.equal((await getRoleForEdit(claims, { slug: role.slug }))!.stats.averageSalary, 50_000);
    const [audit] = await roleAuditRows(db, role.id);
    assert.equal(audit!.action, 'role.revert');
    assert.deepEqual(
      [audit!.before, audit!.after],
      [
        { averageSalary: 75_000, editedFigures: history!.entries[0]!.editedFigures },
        { averageSalary: 50_000, editedFigures: {} },
      ],
      'the provenance goes back with the figures',
    );

    const stale = await revertRoleStats(claims, { roleId: role.id, historyId: original.id, expectedVersion: updated.role.version });
    assert.equal(stale.status, 'conflict');
    const otherRole = await newRole();
    const foreign = await revertRoleStats(claims, { roleId: otherRole.id, historyId: original.id, expectedVersion: otherRole.version });
    assert.equal(foreign.status, 'not-found', "another role's history cannot be applied");
  });

  test('reverting to figures that are already current is "unchanged" and writes nothing', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const before = await snapshot(role);
    const result = await revertRoleStats(claims, { roleId: role.id, historyId: before.history[0]!.id, expectedVersion: role.version });
    assert.equal(result.status, 'unchanged');
    assert.deepEqual(await snapshot(role), before);
  });

  test('the admin list filters by text, status and category', async () => {
    const role = await newRole({ categorySlug: 'arts-design-entertainment-sports-and-media' });
    const claims = await editorClaims();
    assert.deepEqual((await listRolesForAdmin(claims, { q: role.content.title })).items.map((item) => item.id), [role.id]);
    assert.equal((await listRolesForAdmin(claims, { q: role.content.title, category: 'healthcare-practitioners-and-technical' })).total, 0);
    assert.equal((await listRolesForAdmin(claims, { q: role.content.title, status: 'archived' })).total, 0);
    assert.equal((await listRolesForAdmin(claims, { q: '%' })).total, 0, '% is searched literally');
    const seeded = (await listRolesForAdmin(claims, { q: 'backend-software-engineer' })).items[0]!;
    assert.equal(seeded.lastEdit.editorName, null, 'seeded roles have no editor');
  });
});

describe('concurrent archive, restore and revert: each editor is told what happened', () => {
  const requestCount = 20;
  const statusAfter = { archive: 'archived', restore: 'published' } as const;
  type Kind = keyof typeof statusAfter;

  /** One click on Archive or Restore, by one of two editors, at the version given. */
  async function click(roleId: number, kind: Kind, expectedVersion: number, index: number) {
    const claims = await claimsFor(db, index % 2 === 0 ? testUsers.editor.email : testUsers.secondEditor.email);
    const result = await (kind === 'archive' ? archiveRole : restoreRole)(claims, { roleId, expectedVersion });
    return { kind, expectedVersion, result };
  }

  async function stored(roleId: number) {
    const [row] = await db.select({ status: roles.status, version: roles.version }).from(roles).where(eq(roles.id, roleId));
    return row!;
  }

  /** The role's status-change audit rows after `skip` earlier ones, oldest first. */
  async function statusChanges(roleId: number, skip: number) {
    return (await roleAuditRows(db, roleId))
      .reverse()
      .slice(skip)
      .map((row) => ({ action: row.action, before: (row.before as { status: string }).status, after: (row.after as { status: string }).status }));
  }

  for (const startStatus of ['published', 'archived'] as const) {
    test(`${requestCount} mixed clicks at one version on ${startStatus === 'archived' ? 'an archived' : 'a published'} role: exactly one changes it, and says so`, async () => {
      let role = await newRole();
      if (startStatus === 'archived') {
        assert.equal((await archiveRole(await editorClaims(), { roleId: role.id, expectedVersion: role.version })).status, 'saved');
        role = (await getRoleForEdit(await editorClaims(), { slug: role.slug }))!;
      }
      const auditBefore = (await roleAuditRows(db, role.id)).length;
      const outcomes = await Promise.all(
        Array.from({ length: requestCount }, (_, index) => click(role.id, index % 2 === 0 ? 'archive' : 'restore', role.version, index)),
      );

      const changed = outcomes.filter((outcome) => outcome.result.status === 'saved');
      assert.equal(changed.length, 1, JSON.stringify(outcomes.map((outcome) => [outcome.kind, outcome.result.status])));
      const [success] = changed;
      const final = await stored(role.id);
      assert.equal(final.status, statusAfter[success!.kind], 'the role ends as the one success said');
      assert.equal(final.version, role.version + 1);
      for (const { kind, result } of outcomes) {
        if (result === success!.result) continue;
        if (result.status === 'unchanged') {
          // Only a click asking for the status the role had at that version, i.e. before the change.
          assert.equal(statusAfter[kind], startStatus);
          assert.equal(result.role.version, role.version);
        } else {
          assert.equal(result.status, 'conflict', `${kind}: ${result.status}`);
          assert.ok(result.status === 'conflict');
          assert.equal(result.current.version, final.version);
        }
      }
      assert.deepEqual(await statusChanges(role.id, auditBefore), [
        { action: `role.${success!.kind}`, before: startStatus, after: final.status },
      ]);
    });
  }

  test(`${requestCount} clicks, each at the version it read just before: what each was told matches the audit log`, async () => {
    const role = await newRole();
    const auditBefore = (await roleAuditRows(db, role.id)).length;
    const outcomes = await Promise.all(
      Array.from({ length: requestCount }, async (_, index) => {
        const read = (await getRoleForEdit(await editorClaims(), { slug: role.slug }))!;
        // Click what the page would show, half the time; the other half, a stale or repeated click.
        const kind: Kind = index % 2 === 0 ? (read.status === 'published' ? 'archive' : 'restore') : index % 4 === 1 ? 'archive' : 'restore';
        return click(role.id, kind, read.version, index);
      }),
    );

    const changes = await statusChanges(role.id, auditBefore);
    // The status at each version: the start, then after each change in the order it was made.
    const statusAt = new Map<number, string>([[role.version, 'published']]);
    changes.forEach((change, index) => statusAt.set(role.version + index + 1, change.after));
    const final = await stored(role.id);
    assert.equal(final.version, role.version + changes.length);
    assert.equal(final.status, statusAt.get(final.version));
    changes.forEach((change, index) => {
      assert.equal(change.before, statusAt.get(role.version + index), 'each change starts where the previous one ended');
      assert.notEqual(change.before, change.after);
    });

    const successes = outcomes.filter((outcome) => outcome.result.status === 'saved');
    assert.equal(successes.length, changes.length, 'one success per audited change');
    for (const { kind, expectedVersion, result } of outcomes) {
      switch (result.status) {
        case 'saved':
          // The change this request made is the one that produced its version.
          assert.equal(result.role.version, expectedVersion + 1);
          assert.equal(statusAt.get(result.role.version), statusAfter[kind]);
          assert.equal(changes[result.role.version - role.version - 1]!.action, `role.${kind}`);
          break;
        case 'unchanged':
          assert.equal(statusAt.get(expectedVersion), statusAfter[kind], 'it already had that status at that version');
          assert.equal(result.role.version, expectedVersion);
          break;
        case 'conflict':
          assert.ok(result.current.version > expectedVersion, 'someone changed it after this request read it');
          break;
        default:
          assert.fail(`unexpected ${result.status}`);
      }
    }
  });

  test('concurrent reverts to one version: exactly one writes a history row, the rest conflict', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const updated = await updateRole(claims, { roleId: role.id, expectedVersion: role.version, editNote: 'Role editing tests', content: role.content, stats: stats({ averageSalary: 70_000 }) });
    assert.ok(updated.status === 'saved');
    const [, original] = await historyRows(role.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => revertRoleStats(claims, { roleId: role.id, historyId: original!.id, expectedVersion: updated.role.version })),
    );
    assert.deepEqual(results.map((result) => result.status).sort(), ['saved', ...Array(9).fill('conflict')].sort());
    assert.equal((await historyRows(role.id)).length, 3);
    assert.equal((await getRoleForEdit(claims, { slug: role.slug }))!.stats.averageSalary, 50_000);
  });
});

describe('provenance follows the figure', () => {
  const note = 'Union pay scale 2026, https://example.org/scale';

  test('a save that changes the average salary stamps that figure alone, with the save time and the note', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const before = Date.now();
    const result = await updateRole(claims, { roleId: role.id, expectedVersion: role.version, content: role.content, stats: { ...role.stats, averageSalary: 70_000 }, editNote: note });
    assert.equal(result.status, 'saved');
    const saved = (await getRoleForEdit(claims, { slug: role.slug }))!;
    assert.deepEqual(Object.keys(saved.stats.editedFigures), ['averageSalary'], 'the untouched figures are not stamped');
    const edit = saved.stats.editedFigures.averageSalary!;
    assert.equal(edit.note, note);
    assert.ok(Date.parse(edit.editedAt) >= before - 1000 && Date.parse(edit.editedAt) <= Date.now() + 1000, edit.editedAt);
    assert.deepEqual((await getPublishedRoleBySlug({ slug: role.slug }))!.stats.editedFigures, saved.stats.editedFigures, 'the public read has it');
    const [history] = await historyRows(role.id);
    assert.deepEqual(history!.editedFigures, saved.stats.editedFigures, 'the history row keeps it');

    // A later save that changes another figure stamps that one and keeps the first stamp as it was.
    const next = await updateRole(claims, {
      roleId: role.id,
      expectedVersion: saved.version,
      content: saved.content,
      stats: { ...saved.stats, jobOpenings: 20 },
      editNote: 'Counted on the union job board',
    });
    assert.equal(next.status, 'saved');
    const again = (await getRoleForEdit(claims, { slug: role.slug }))!;
    assert.deepEqual(again.stats.editedFigures.averageSalary, edit);
    assert.equal(again.stats.editedFigures.jobOpenings?.note, 'Counted on the union job board');
    assert.deepEqual(Object.keys(again.stats.editedFigures).sort(), ['averageSalary', 'jobOpenings']);
  });

  test('a figure change without a note is a field error and writes nothing; a text-only change needs none', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const before = await snapshot(role);
    for (const editNote of [undefined, '', '   ']) {
      const result = await updateRole(claims, { roleId: role.id, expectedVersion: role.version, content: role.content, stats: { ...role.stats, employment: 1234 }, editNote });
      assert.deepEqual(result, { status: 'invalid', fieldErrors: { editNote: ['Say where the new figures come from, e.g. "Union pay scale 2026, https://…"'] } });
    }
    assert.deepEqual(await snapshot(role), before);

    const textOnly = await updateRole(claims, {
      roleId: role.id,
      expectedVersion: role.version,
      content: { ...role.content, summary: 'A new summary.' },
      stats: { ...role.stats, source: 'Role editing tests, corrected', asOf: '2026-01-01' },
    });
    assert.equal(textOnly.status, 'saved');
    assert.deepEqual((await getRoleForEdit(claims, { slug: role.slug }))!.stats.editedFigures, {}, 'no figure is stamped');
  });

  test('edited figures and hourly wages are never taken from the caller: the server keeps or computes them', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const hourlyWages = { mean: 24.5, percentiles: { p10: 15, p25: 18.25, median: 23, p75: 29, p90: 36.1, topCoded: [] } };
    await sql`update role_stats set hourly_mean = 24.5, hourly_p10 = 15, hourly_p25 = 18.25, hourly_median = 23, hourly_p75 = 29, hourly_p90 = 36.1 where role_id = ${role.id}`;
    const loaded = (await getRoleForEdit(claims, { slug: role.slug }))!;
    assert.deepEqual(loaded.stats.hourlyWages, hourlyWages);
    const forged = { employment: { editedAt: '2020-01-01T00:00:00Z', note: 'forged' } };
    const result = await updateRole(claims, {
      roleId: role.id,
      expectedVersion: loaded.version,
      content: loaded.content,
      // What the form sends: no hourly wages (it does not show them) and no edited figures, here forged.
      stats: { ...loaded.stats, averageSalary: 52_000, hourlyWages: null, editedFigures: forged },
      editNote: note,
    });
    assert.equal(result.status, 'saved');
    const saved = (await getRoleForEdit(claims, { slug: role.slug }))!;
    assert.deepEqual(saved.stats.hourlyWages, hourlyWages, 'the hourly wages are kept');
    assert.deepEqual(Object.keys(saved.stats.editedFigures), ['averageSalary'], 'the forged entry is ignored');
    const created = await createRole(claims, { content: content(), stats: stats({ editedFigures: forged }) });
    assert.ok(created.status === 'saved');
    assert.deepEqual((await getRoleForEdit(claims, { slug: created.role.slug }))!.stats.editedFigures, {}, "a new role's figures are its source's");
  });

  test('reverting to figures from before an edit restores their provenance, and reverting to the edit brings the stamp back', async () => {
    const role = await newRole();
    const claims = await editorClaims();
    const edited = await updateRole(claims, { roleId: role.id, expectedVersion: role.version, content: role.content, stats: { ...role.stats, averageSalary: 70_000 }, editNote: note });
    assert.ok(edited.status === 'saved');
    const [editRow, originalRow] = await historyRows(role.id);
    const stamp = editRow!.editedFigures;
    assert.equal(stamp.averageSalary?.note, note);

    const reverted = await revertRoleStats(claims, { roleId: role.id, historyId: originalRow!.id, expectedVersion: edited.role.version });
    assert.ok(reverted.status === 'saved');
    assert.deepEqual((await getRoleForEdit(claims, { slug: role.slug }))!.stats.editedFigures, {}, 'the BLS figure is the source\'s again');
    assert.deepEqual((await getPublishedRoleBySlug({ slug: role.slug }))!.stats.editedFigures, {});

    const redone = await revertRoleStats(claims, { roleId: role.id, historyId: editRow!.id, expectedVersion: reverted.role.version });
    assert.ok(redone.status === 'saved');
    const current = (await getRoleForEdit(claims, { slug: role.slug }))!;
    assert.equal(current.stats.averageSalary, 70_000);
    assert.deepEqual(current.stats.editedFigures, stamp, 'the edit keeps its original date and note');
  });
});
