// The stored preview of an upload (db/catalogue-uploads.ts): looking again at an upload nothing has
// changed for shows the stored plan without planning the file again; a change to anything the plan
// read (a role in the file, edited, archived or imported; a category; a role taking one of the
// file's SOC codes; the name of whoever edited a role) plans it again; and applying still plans
// afresh, so a preview older than the roles is refused as before.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { eq, inArray, like } from 'drizzle-orm';
import { applyCatalogueImport } from '@/db/catalogue-import';
import { applyCatalogueUpload, getCatalogueUploadPreview, saveCatalogueUpload, type CatalogueUploadPreview } from '@/db/catalogue-uploads';
import { closeDatabase } from '@/db/client';
import { archiveRole, getRoleForEdit, updateRole } from '@/db/role-edits';
import { catalogueUploadPlans, catalogueUploads, categories, roles, roleStats, users } from '@/db/schema';
import { catalogueCsvHeader, catalogueCsvRecords, toCatalogueRecord, type CatalogueRecord } from '@/lib/catalogue-csv';
import { roleContentSchema, roleStatsSchema, type RoleValues } from '@/lib/role-schemas';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { sampleRole } from '../support/sample-role';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const SLUG_PREFIX = 'upload-preview-test-';
const uploadIds: string[] = [];

after(async () => {
  await db.delete(catalogueUploads).where(inArray(catalogueUploads.id, uploadIds));
  // Other test files count the seeded roles: leave none of ours behind (stats and history cascade).
  await db.delete(roles).where(like(roles.slug, `${SLUG_PREFIX}%`));
  await db.delete(categories).where(like(categories.slug, `${SLUG_PREFIX}%`));
  await Promise.all([sql.end(), closeDatabase()]);
});

const editorClaims = () => claimsFor(db, testUsers.editor.email);

/** A role of this test's own, with a SOC code nobody else has unless given one. */
function newRole(socCode: string | null = null): RoleValues {
  const { stats, ...content } = sampleRole;
  const slug = `${SLUG_PREFIX}${randomUUID().slice(0, 8)}`;
  return { content: roleContentSchema.parse({ ...content, slug, title: `Preview Test ${slug.slice(-8)}`, socCode }), stats: roleStatsSchema.parse(stats) };
}

function withSalary(values: RoleValues, averageSalary: number): RoleValues {
  return { content: values.content, stats: { ...values.stats, averageSalary } };
}

const recordOf = (values: RoleValues) => toCatalogueRecord(values, { categoryName: '', url: '' });

/** Roles as a command-line import brings them in: their last change is an import. */
async function importRoles(...values: RoleValues[]) {
  const result = await applyCatalogueImport(db, { rows: values.map((value) => ({ record: recordOf(value) })) }, { actorId: null });
  assert.equal(result.status, 'applied', JSON.stringify(result.plan.problems));
}

async function upload(...records: CatalogueRecord[]) {
  const bytes = new TextEncoder().encode(catalogueCsvHeader() + catalogueCsvRecords(records));
  const saved = await saveCatalogueUpload(await editorClaims(), { name: 'roles.csv', bytes });
  assert.equal(saved.status, 'saved');
  const { id } = saved as { id: string };
  uploadIds.push(id);
  return id;
}

async function previewOf(id: string) {
  return (await getCatalogueUploadPreview(await editorClaims(), id))!;
}

async function storedPreviewOf(id: string) {
  const [stored] = await db.select({ plannedAt: catalogueUploadPlans.plannedAt, digest: catalogueUploadPlans.digest }).from(catalogueUploadPlans).where(eq(catalogueUploadPlans.uploadId, id));
  return stored;
}

/** A planned-at time no new plan has: a view that plans again replaces it, one that reuses the stored plan leaves it. */
const MARK = new Date('2000-01-01T00:00:00Z');
async function markStoredPreview(id: string) {
  await db.update(catalogueUploadPlans).set({ plannedAt: MARK }).where(eq(catalogueUploadPlans.uploadId, id));
}

async function wasPlannedAgain(id: string) {
  return (await storedPreviewOf(id))!.plannedAt.getTime() !== MARK.getTime();
}

/** The plan as the database keeps it: JSON, which leaves out the fields that are undefined. */
const asStored = (preview: CatalogueUploadPreview) => JSON.parse(JSON.stringify(preview.plan));

/** An imported role and an upload of it with a new salary, previewed once (that one change) and its stored preview marked. */
async function uploadChangingOneRole() {
  const role = newRole();
  await importRoles(role);
  const id = await upload(recordOf(withSalary(role, 99_000)));
  const preview = await previewOf(id);
  assert.deepEqual(preview.plan!.counts, { new: 0, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
  await markStoredPreview(id);
  return { role, id, preview };
}

async function editSalary(slug: string, averageSalary: number, email: string = testUsers.secondEditor.email) {
  const role = (await getRoleForEdit(await editorClaims(), { slug }))!;
  const saved = await updateRole(await claimsFor(db, email), { roleId: role.id, expectedVersion: role.version, content: role.content, stats: { ...role.stats, averageSalary }, editNote: 'Upload preview tests' });
  assert.equal(saved.status, 'saved');
}

describe('stored upload previews', () => {
  test('a second view of an unchanged upload shows the stored plan, not a new one: the same rows, labels and digest', async () => {
    const changed = newRole();
    const unchanged = newRole();
    const elsewhere = newRole();
    await importRoles(changed, unchanged, elsewhere);
    const fresh = newRole();
    const id = await upload(recordOf(withSalary(changed, 99_000)), recordOf(unchanged), recordOf(fresh), { ...recordOf(newRole()), average_salary: 'lots' });

    const first = await previewOf(id);
    assert.deepEqual(first.plan!.counts, { new: 1, changed: 1, edited: 0, unchanged: 1, invalid: 1 });
    assert.equal((await storedPreviewOf(id))?.digest, first.digest);
    await markStoredPreview(id);
    // A role the file does not name is not something its plan read.
    await editSalary(elsewhere.content.slug, 12_345);

    const second = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), false);
    assert.equal(second.digest, first.digest);
    assert.deepEqual(second.plan, asStored(first));
    assert.deepEqual(second.invalidRowLabels, first.invalidRowLabels);
    assert.equal(second.invalidRowLabels.size, 1);
  });

  test('an edit of a role in the file plans it again, and applying the older preview is refused', async () => {
    const { role, id, preview: before } = await uploadChangingOneRole();

    await editSalary(role.content.slug, 88_000);
    const after = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), true);
    assert.deepEqual(after.plan!.counts, { new: 0, changed: 0, edited: 1, unchanged: 0, invalid: 0 });
    const edited = after.plan!.roles[0]!;
    assert.equal(edited.kind === 'changed' && edited.editedSinceImport?.editorName, testUsers.secondEditor.name);
    assert.notEqual(after.digest, before.digest);
    assert.equal((await storedPreviewOf(id))?.digest, after.digest);

    const claims = await editorClaims();
    assert.deepEqual(await applyCatalogueUpload(claims, { id, overwriteEdited: true, expectedPlanDigest: before.digest! }), { status: 'stale' });
    assert.equal((await getRoleForEdit(claims, { slug: role.content.slug }))!.stats.averageSalary, 88_000);
    // The stored preview is the one applied now; afterwards there is nothing left to show or keep.
    assert.equal((await applyCatalogueUpload(claims, { id, overwriteEdited: true, expectedPlanDigest: after.digest! })).status, 'applied');
    assert.equal(await storedPreviewOf(id), undefined);
    assert.equal((await previewOf(id)).plan, null);
  });

  test('a stored preview that applying disagrees with is refused, and planned again at the next view', async () => {
    const role = newRole();
    await importRoles(role);
    const id = await upload(recordOf(withSalary(role, 99_000)));
    const right = await previewOf(id);
    // As if planned by code whose rules have changed since, with nothing it read changed.
    const wrongDigest = 'w'.repeat(43);
    await db.update(catalogueUploadPlans).set({ digest: wrongDigest, plannedAt: MARK }).where(eq(catalogueUploadPlans.uploadId, id));
    const shown = await previewOf(id);
    assert.equal(shown.digest, wrongDigest);

    const claims = await editorClaims();
    assert.deepEqual(await applyCatalogueUpload(claims, { id, overwriteEdited: false, expectedPlanDigest: wrongDigest }), { status: 'stale' });
    assert.equal((await previewOf(id)).digest, right.digest);
    assert.equal(await wasPlannedAgain(id), true);
  });

  test('an import of another file that changes a role in this one plans it again', async () => {
    const { role, id } = await uploadChangingOneRole();

    const other = await upload(recordOf(withSalary(role, 99_000)));
    const claims = await editorClaims();
    assert.equal((await applyCatalogueUpload(claims, { id: other, overwriteEdited: false, expectedPlanDigest: (await previewOf(other)).digest! })).status, 'applied');

    const after = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), true);
    assert.deepEqual(after.plan!.counts, { new: 0, changed: 0, edited: 0, unchanged: 1, invalid: 0 });
  });

  test('archiving a role in the file plans it again: an archived role is still imported, and as changed (archiving sets no field the file gives)', async () => {
    const { role, id } = await uploadChangingOneRole();

    const current = (await getRoleForEdit(await editorClaims(), { slug: role.content.slug }))!;
    assert.equal((await archiveRole(await claimsFor(db, testUsers.secondEditor.email), { roleId: current.id, expectedVersion: current.version })).status, 'saved');
    const after = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), true);
    assert.deepEqual(after.plan!.counts, { new: 0, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
    const [planned] = after.plan!.roles;
    assert.equal(planned?.kind === 'changed' && planned.editedSinceImport?.action, 'role.archive');
  });

  test("a change to a role's figures alone plans it again", async () => {
    const { role, id } = await uploadChangingOneRole();

    // As a fix made in SQL would: role_stats only, the role's own row untouched.
    const { id: roleId } = (await getRoleForEdit(await editorClaims(), { slug: role.content.slug }))!;
    await db.update(roleStats).set({ jobOpenings: role.stats.jobOpenings + 1 }).where(eq(roleStats.roleId, roleId));
    const after = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), true);
    const changed = after.plan!.roles[0]!;
    assert.deepEqual(changed.kind === 'changed' && Object.keys(changed.statsChanges.after).sort(), ['averageSalary', 'jobOpenings']);
  });

  test("a new category, or a role taking one of the file's SOC codes, plans it again", async () => {
    const category = `${SLUG_PREFIX}${randomUUID().slice(0, 8)}`;
    const socCode = `98-${String(randomInt(10_000)).padStart(4, '0')}`;
    const fresh = newRole(socCode);
    const id = await upload(recordOf({ ...fresh, content: { ...fresh.content, categorySlug: category } }));
    assert.equal((await previewOf(id)).plan!.problems[0]?.column, 'category_slug');
    await markStoredPreview(id);

    await db.insert(categories).values({ slug: category, name: `Preview Test ${category.slice(-8)}` });
    const withCategory = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), true);
    assert.deepEqual(withCategory.plan!.counts, { new: 1, changed: 0, edited: 0, unchanged: 0, invalid: 0 });
    await markStoredPreview(id);

    const holder = newRole(socCode);
    await importRoles(holder);
    const taken = await previewOf(id);
    assert.equal(await wasPlannedAgain(id), true);
    assert.deepEqual(
      taken.plan!.problems.map((problem) => problem.message),
      [`${socCode} is already the SOC code of the role ${holder.content.slug}.`],
    );
  });

  test('a new name of the editor who changed a role since its import plans it again', async () => {
    const role = newRole();
    await importRoles(role);
    await editSalary(role.content.slug, 77_000);
    const id = await upload(recordOf(withSalary(role, 99_000)));
    const nameOf = (preview: CatalogueUploadPreview) => {
      const planned = preview.plan!.roles[0]!;
      return planned.kind === 'changed' ? planned.editedSinceImport?.editorName : undefined;
    };
    assert.equal(nameOf(await previewOf(id)), testUsers.secondEditor.name);
    await markStoredPreview(id);

    const renamed = `${testUsers.secondEditor.name} (renamed)`;
    await db.update(users).set({ name: renamed }).where(eq(users.email, testUsers.secondEditor.email));
    try {
      const after = await previewOf(id);
      assert.equal(await wasPlannedAgain(id), true);
      assert.equal(nameOf(after), renamed);
    } finally {
      await db.update(users).set({ name: testUsers.secondEditor.name }).where(eq(users.email, testUsers.secondEditor.email));
    }
  });
});
