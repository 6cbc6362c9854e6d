// /admin/import's data layer: it checks the session itself, keeps a file for preview, applies it
// once and only as previewed, and writes nothing when the roles changed since the preview.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { AccessDeniedError } from '@/db/access';
import { nothingToApplyReason } from '@/db/catalogue-import-preview';
import { applyCatalogueUpload, getCatalogueUploadPreview, listCatalogueUploads, saveCatalogueUpload, type ApplyUploadResult } from '@/db/catalogue-uploads';
import { closeDatabase } from '@/db/client';
import { getRoleForEdit, updateRole } from '@/db/role-edits';
import { auditLog, catalogueUploads, roles, roleStats, users } from '@/db/schema';
import { catalogueCsvHeader, catalogueCsvRecords, toCatalogueRecord } from '@/lib/catalogue-csv';
import { CATALOGUE_FILE_LIMITS } from '@/lib/catalogue-file';
import type { RoleValues } from '@/lib/role-schemas';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();

after(async () => {
  await db.delete(catalogueUploads);
  await Promise.all([sql.end(), closeDatabase()]);
});

const editorClaims = () => claimsFor(db, testUsers.editor.email);

/** A catalogue file of these roles, as the export writes it. */
function csvOf(...values: RoleValues[]) {
  const records = values.map((value) => toCatalogueRecord(value, { categoryName: '', url: '' }));
  return new TextEncoder().encode(catalogueCsvHeader() + catalogueCsvRecords(records));
}

async function currentValues(slug: string): Promise<RoleValues> {
  const role = (await getRoleForEdit(await editorClaims(), { slug }))!;
  return { content: role.content, stats: role.stats };
}

async function averageSalaryOf(slug: string) {
  const [row] = await db.select({ salary: roleStats.averageSalary }).from(roleStats).innerJoin(roles, eq(roles.id, roleStats.roleId)).where(eq(roles.slug, slug));
  return row!.salary;
}

describe('catalogue uploads', () => {
  test('refuse anyone without a session: saving, previewing, listing and applying', async () => {
    const signedOut = { sessionId: 'x'.repeat(43) };
    await assert.rejects(saveCatalogueUpload(signedOut, { name: 'a.csv', bytes: new Uint8Array([65]) }), AccessDeniedError);
    await assert.rejects(getCatalogueUploadPreview(signedOut, 'a'.repeat(22)), AccessDeniedError);
    await assert.rejects(listCatalogueUploads(null), AccessDeniedError);
    await assert.rejects(applyCatalogueUpload(undefined, { id: 'a'.repeat(22), overwriteEdited: false, expectedPlanDigest: 'x' }), AccessDeniedError);
  });

  test('an empty or too large file is not kept', async () => {
    const claims = await editorClaims();
    assert.deepEqual(await saveCatalogueUpload(claims, { name: 'empty.csv', bytes: new Uint8Array() }), { status: 'empty' });
    const big = await saveCatalogueUpload(claims, { name: 'big.csv', bytes: new Uint8Array(CATALOGUE_FILE_LIMITS.maxBytes + 1) });
    assert.deepEqual(big, { status: 'too-large', byteSize: CATALOGUE_FILE_LIMITS.maxBytes + 1 });
  });

  test('a previewed file is applied once, by the importer, exactly as previewed', async () => {
    const claims = await editorClaims();
    const values = await currentValues('geographers');
    const salary = (values.stats.averageSalary ?? 0) + 1_111;
    const file = csvOf({ ...values, stats: { ...values.stats, averageSalary: salary } });
    const saved = await saveCatalogueUpload(claims, { name: '../../etc/geographers.csv', bytes: file });
    assert.equal(saved.status, 'saved');
    const id = (saved as { id: string }).id;

    const preview = (await getCatalogueUploadPreview(claims, id))!;
    assert.equal(preview.fileName, 'geographers.csv', 'only the last part of the name the browser sent');
    assert.deepEqual(preview.plan!.counts, { new: 0, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
    assert.notEqual(await averageSalaryOf('geographers'), salary, 'a preview writes nothing');

    const applied = await applyCatalogueUpload(claims, { id, overwriteEdited: false, expectedPlanDigest: preview.digest! });
    assert.equal(applied.status, 'applied');
    assert.deepEqual((applied as { outcome: unknown }).outcome, { created: 0, updated: 1, leftAlone: 0, unchanged: 0, overwriteEdited: false });
    assert.ok((applied as { tags: string[] }).tags.includes('role:geographers'));
    assert.equal(await averageSalaryOf('geographers'), salary);
    const roleId = (await getRoleForEdit(claims, { slug: 'geographers' }))!.id;
    const [audit] = await db
      .select({ actor: users.email, after: auditLog.after })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entityId, String(roleId)), eq(auditLog.action, 'role.import')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    assert.deepEqual(audit, { actor: testUsers.editor.email, after: { averageSalary: salary } });

    assert.deepEqual(await applyCatalogueUpload(claims, { id, overwriteEdited: false, expectedPlanDigest: preview.digest! }), { status: 'already-applied' });
    const afterwards = (await getCatalogueUploadPreview(claims, id))!;
    assert.equal(afterwards.applied?.by, testUsers.editor.name);
    assert.equal(afterwards.plan, null);
    assert.ok((await listCatalogueUploads(claims)).some((upload) => upload.id === id && upload.applied !== null));
  });

  test('when a role changed after the preview, nothing is applied and the new preview shows the change', async () => {
    const claims = await editorClaims();
    const values = await currentValues('anthropologists-and-archeologists');
    const importedSalary = (values.stats.averageSalary ?? 0) + 2_222;
    const saved = await saveCatalogueUpload(claims, { name: 'anthropologists.csv', bytes: csvOf({ ...values, stats: { ...values.stats, averageSalary: importedSalary } }) });
    const id = (saved as { id: string }).id;
    const preview = (await getCatalogueUploadPreview(claims, id))!;

    // Someone edits the role between the preview and the apply.
    const role = (await getRoleForEdit(claims, { slug: 'anthropologists-and-archeologists' }))!;
    const editedSalary = importedSalary + 1_000;
    const edit = await updateRole(await claimsFor(db, testUsers.secondEditor.email), {
      roleId: role.id,
      expectedVersion: role.version,
      content: role.content,
      stats: { ...role.stats, averageSalary: editedSalary },
      editNote: 'Catalogue upload tests',
    });
    assert.equal(edit.status, 'saved');

    assert.deepEqual(await applyCatalogueUpload(claims, { id, overwriteEdited: false, expectedPlanDigest: preview.digest! }), { status: 'stale' });
    assert.equal(await averageSalaryOf('anthropologists-and-archeologists'), editedSalary);
    const fresh = (await getCatalogueUploadPreview(claims, id))!;
    assert.deepEqual(fresh.plan!.counts, { new: 0, changed: 0, edited: 1, unchanged: 0, invalid: 0 });
    assert.notEqual(fresh.digest, preview.digest);
  });

  test('an apply that would change nothing is refused with the reason, and the upload can still be applied with "Overwrite edited roles"', async () => {
    const claims = await editorClaims();
    const save = async (name: string, text: string) => (await saveCatalogueUpload(claims, { name, bytes: new TextEncoder().encode(text) })) as { id: string };
    const values = await currentValues('economists');
    const unchanged = await save('same.csv', `slug,average_salary\r\neconomists,${values.stats.averageSalary}\r\n`);
    const samePreview = (await getCatalogueUploadPreview(claims, unchanged.id))!;
    // The DAL says what the plan holds; the action says why in words (nothingToApplyReason).
    const refusal = (result: ApplyUploadResult) => (result.status === 'nothing-to-apply' ? nothingToApplyReason(result.counts) : result.status);
    assert.equal(
      refusal(await applyCatalogueUpload(claims, { id: unchanged.id, overwriteEdited: false, expectedPlanDigest: samePreview.digest! })),
      'Nothing to apply: every row matches what is already published.',
    );

    const role = (await getRoleForEdit(claims, { slug: 'economists' }))!;
    const editedSalary = (values.stats.averageSalary ?? 0) + 3_333;
    assert.equal((await updateRole(claims, { roleId: role.id, expectedVersion: role.version, editNote: 'Import tests', content: role.content, stats: { ...role.stats, averageSalary: editedSalary } })).status, 'saved');
    const held = await save('held.csv', `slug,average_salary\r\neconomists,${editedSalary + 1}\r\n`);
    const preview = (await getCatalogueUploadPreview(claims, held.id))!;
    assert.deepEqual(preview.plan!.counts, { new: 0, changed: 0, edited: 1, unchanged: 0, invalid: 0 });
    const auditsBefore = await db.$count(auditLog);
    assert.equal(
      refusal(await applyCatalogueUpload(claims, { id: held.id, overwriteEdited: false, expectedPlanDigest: preview.digest! })),
      'Nothing to apply: the only row is a role editors have changed. Tick “Overwrite edited roles” to replace it.',
    );
    assert.equal(await db.$count(auditLog), auditsBefore);
    assert.equal((await getCatalogueUploadPreview(claims, held.id))!.applied, null, 'not marked as applied');

    const applied = await applyCatalogueUpload(claims, { id: held.id, overwriteEdited: true, expectedPlanDigest: preview.digest! });
    assert.equal(applied.status, 'applied');
    assert.equal(await averageSalaryOf('economists'), editedSalary + 1);
  });

  test('an unknown or malformed upload id is simply not found', async () => {
    const claims = await editorClaims();
    assert.equal(await getCatalogueUploadPreview(claims, 'A'.repeat(22)), null);
    assert.equal(await getCatalogueUploadPreview(claims, "'; drop table roles; --"), null);
    assert.deepEqual(await applyCatalogueUpload(claims, { id: 'nope', overwriteEdited: false, expectedPlanDigest: 'x' }), { status: 'not-found' });
  });
});
