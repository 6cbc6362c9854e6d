// An import's audit rows (one per role, written in one transaction) read as one entry of the log:
// the import run, with how many roles it created and changed, its file, and the first roles it
// touched by title. Asked for by itself, the run lists every role's entry, paged like the log.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { inArray } from 'drizzle-orm';
import { IMPORT_RUN_ROLES_SHOWN, listAuditEntries, type AuditEntryView } from '@/db/audit-reads';
import { closeDatabase } from '@/db/client';
import { auditLog } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
import { listAllAuditEntries } from '../support/audit';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testPassword, testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const runId = `${Date.now()}-${process.pid}`;
const written: number[] = [];

after(async () => {
  // Other files read the log: leave none of these made-up imports behind.
  if (written.length > 0) await db.delete(auditLog).where(inArray(auditLog.id, written));
  await Promise.all([sql.end(), closeDatabase()]);
});

const editorClaims = () => claimsFor(db, testUsers.editor.email);

/** The roles of the catalogue, by title: an import of this file touches the first `count`. */
let catalogue: { id: number; title: string }[];
let importer: { id: number };
/** Entry ids: the big run's newest row, a later one-role run, an edit between them. */
const ids = { bigRun: 0, bigRunRows: [] as number[], smallRun: 0, edit: 0 };
const BIG_RUN = 120;
let createdIds: Set<number>;
const CREATED = 2;

/** One statement, so one transaction and one now(): the rows of one import run. */
async function insertRun(roleIds: number[], createdCount: number) {
  const rows = await db
    .insert(auditLog)
    .values(
      roleIds.map((roleId, index) => ({
        actorId: importer.id,
        action: 'role.import',
        entityType: 'role',
        entityId: String(roleId),
        before: index < createdCount ? null : { averageSalary: 23970 },
        after: { averageSalary: 45840 },
      })),
    )
    .returning({ id: auditLog.id });
  const runIds = rows.map((row) => row.id);
  written.push(...runIds);
  return runIds;
}

before(async () => {
  importer = await upsertUser(db, { email: `audit-importer-${runId}@roleboard.test`, password: testPassword, role: 'editor', name: 'Ida Importer' });
  catalogue = await sql<{ id: number; title: string }[]>`select id, title from roles where status = 'published' order by title, id`;
  // Written newest role first, so the run's roles come back by title whatever order they were written in.
  const touched = catalogue
    .slice(0, BIG_RUN)
    .map((role) => role.id)
    .sort((a, b) => b - a);
  createdIds = new Set(touched.slice(0, CREATED));
  ids.bigRunRows = await insertRun(touched, CREATED);
  ids.bigRun = Math.max(...ids.bigRunRows);
  // Applied at /admin/import: the upload records the run's now() as its applied_at.
  const outcome = { created: CREATED, updated: BIG_RUN - CREATED, leftAlone: 0, unchanged: 0, overwriteEdited: false };
  await sql`
    insert into catalogue_uploads (id, uploaded_by, file_name, content, applied_by, applied_at, outcome)
    select ${randomBytes(16).toString('base64url').slice(0, 22)}, ${importer.id}, 'catalogue.csv', ${Buffer.from('slug\n')}, ${importer.id}, created_at, ${JSON.stringify(outcome)}::jsonb
    from audit_log where id = ${ids.bigRun}`;
  const [edit] = await db
    .insert(auditLog)
    .values({ actorId: importer.id, action: 'role.update', entityType: 'role', entityId: String(catalogue[0]!.id), before: { averageSalary: 1 }, after: { averageSalary: 2 } })
    .returning({ id: auditLog.id });
  ids.edit = edit!.id;
  written.push(ids.edit);
  ids.smallRun = (await insertRun([catalogue[1]!.id], 0))[0]!;
});

function importRunOf(entry: AuditEntryView) {
  assert.equal(entry.subject.type, 'import-run', `entry ${entry.id} is an import run`);
  return entry.subject as Extract<AuditEntryView['subject'], { type: 'import-run' }>;
}

describe('import runs in the audit log', () => {
  test('one entry per import: its counts, file and first roles by title; a one-role import is an ordinary entry', async () => {
    const { entries } = await listAuditEntries(await editorClaims(), { actorId: importer.id });
    assert.deepEqual(
      entries.map((entry) => entry.id),
      [ids.smallRun, ids.edit, ids.bigRun],
    );
    const [small, edit, big] = entries;
    assert.equal(small!.subject.type, 'role', 'a run of one role shows that role');
    assert.deepEqual(small!.changes, [{ field: 'averageSalary', before: 23970, after: 45840 }]);
    assert.equal(edit!.action, 'role.update');
    const run = importRunOf(big!);
    assert.equal(big!.action, 'role.import');
    assert.deepEqual([run.created, run.updated], [CREATED, BIG_RUN - CREATED]);
    assert.equal(run.upload?.fileName, 'catalogue.csv');
    assert.deepEqual(
      run.roles.map((role) => role.title),
      catalogue.slice(0, IMPORT_RUN_ROLES_SHOWN).map((role) => role.title),
    );
    assert.deepEqual(
      run.roles.map((role) => role.created),
      catalogue.slice(0, IMPORT_RUN_ROLES_SHOWN).map((role) => createdIds.has(role.id)),
    );
  });

  test('keyset pages step over a run as one entry', async () => {
    const seen = (await listAllAuditEntries(await editorClaims(), { actorId: importer.id, limit: 1 })).map((entry) => entry.id);
    assert.deepEqual(seen, [ids.smallRun, ids.edit, ids.bigRun]);
  });

  test('asked for by itself, a run lists every role’s entry with its changes, paged', async () => {
    const claims = await editorClaims();
    const seen = await listAllAuditEntries(claims, { importRun: ids.bigRun, limit: 50 });
    assert.deepEqual(
      seen.map((entry) => entry.id),
      [...ids.bigRunRows].sort((a, b) => b - a),
    );
    assert.ok(seen.every((entry) => entry.subject.type === 'role' && entry.changes.some((change) => change.field === 'averageSalary')));
    // Any of its rows names the run; an entry that is no import names nothing.
    assert.equal((await listAuditEntries(claims, { importRun: ids.bigRunRows[0]!, limit: 200 })).entries.length, BIG_RUN);
    assert.deepEqual((await listAuditEntries(claims, { importRun: ids.edit })).entries, []);
  });

  test('filtered by a role, the run shows as that role’s entry', async () => {
    const roleId = catalogue[5]!.id;
    const { entries } = await listAuditEntries(await editorClaims(), { actorId: importer.id, roleId });
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.subject, { type: 'role', id: String(roleId), title: catalogue[5]!.title, slug: entries[0]!.subject.type === 'role' ? entries[0]!.subject.slug : null });
  });
});
