// The job postings import against PostgreSQL: slices of both real sets go in, placed and counted;
// importing them again writes nothing; a bad file changes nothing; an editor's placement sticks
// across a re-import; figures and the audit log follow; and only signed-in, enabled users may
// upload, apply or place.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { and, eq, inArray, sql as drizzleSql } from 'drizzle-orm';
import { AccessDeniedError } from '@/db/access';
import { closeDatabase } from '@/db/client';
import { applyJobImport } from '@/db/job-import';
import { placePosting } from '@/db/job-placements';
import { applyJobUpload, getJobUploadPreview, saveJobUpload } from '@/db/job-uploads';
import { auditLog, jobPostings, jobUploads, rolePostingFigures, roles, users } from '@/db/schema';
import { upsertUser } from '@/db/seed/seed';
import { POSTING_FILE_LIMITS, readPostingFile } from '@/lib/jobs/posting-file';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const run = `${process.pid}-${Date.now()}`;
const source = `test-${run}`.replace(/[^a-z0-9-]/g, '-');

/** The real sets' postings this file imports; a database may hold the rest of both sets (a first start loads them). */
const sliceIds = { usajobs: [] as string[], 'nyc-jobs': [] as string[] };

async function deleteSlices() {
  for (const [sliceSource, ids] of Object.entries(sliceIds)) await db.delete(jobPostings).where(and(eq(jobPostings.source, sliceSource), inArray(jobPostings.sourceId, ids)));
}

after(async () => {
  await db.delete(jobUploads);
  await deleteSlices();
  await db.delete(jobPostings).where(eq(jobPostings.source, source));
  await Promise.all([sql.end(), closeDatabase()]);
});

/** The first rows of a real set, in its own columns. */
function sliceOfRealSet(fileName: string, rows: number, idColumn: string) {
  const records = parse<Record<string, string>>(gunzipSync(readFileSync(`db/data/job-postings/${fileName}`)), { columns: true, bom: true, to: rows + 1 }).slice(0, rows);
  return { csv: stringify(records, { header: true }), ids: records.map((record) => record[idColumn]!.trim()) };
}

const importFile = (text: string, fileName = 'test.csv') =>
  applyJobImport(db, readPostingFile(text, POSTING_FILE_LIMITS.commandLine), { actorId: null, runId: 'command-line', fileName });

const ownCsv = (title: string) =>
  `source,source_id,title,employer,city,state,posted_on,pay_min,pay_max,pay_period,apply_url\n${source},1,${title},Acme,Springfield,IL,2026-01-05,25,30,hour,https://example.com/1\n`;

async function countOf(table: typeof jobPostings | typeof auditLog) {
  const [row] = await db.select({ count: drizzleSql<number>`count(*)::int` }).from(table);
  return row!.count;
}

async function postingsOf(sourceName: string) {
  const ids = sliceIds[sourceName as keyof typeof sliceIds];
  return db
    .select()
    .from(jobPostings)
    .where(and(eq(jobPostings.source, sourceName), ...(ids ? [inArray(jobPostings.sourceId, ids)] : [])));
}

describe('job postings import', () => {
  test('imports slices of both real sets, then writes nothing when they come again', async () => {
    const { csv: usajobs, ids: usajobsIds } = sliceOfRealSet('usajobs_data_it_postings_2025-06_2026-05.csv.gz', 40, 'control_number');
    const { csv: nyc, ids: nycIds } = sliceOfRealSet('nyc_jobs_postings_2024-03-04.csv.gz', 40, 'Job ID');
    sliceIds.usajobs = usajobsIds;
    sliceIds['nyc-jobs'] = nycIds;
    await deleteSlices();
    const first = await importFile(usajobs, 'usajobs.csv');
    assert.equal(first.status, 'applied');
    assert.equal(first.status === 'applied' && first.counts.new, 40);
    const second = await importFile(nyc, 'nyc.csv');
    assert.equal(second.status === 'applied' && second.counts.new, 40);

    const nycRows = await postingsOf('nyc-jobs');
    assert.equal(nycRows.length, 40);
    assert.ok(nycRows.every((row) => row.stateCodes.join() === 'NY' && row.closesAt === null));
    assert.ok(nycRows.some((row) => row.educationAsked !== 'not-stated'), 'the qualifications say what education is asked');
    const usajobsRows = await postingsOf('usajobs');
    assert.ok(usajobsRows.every((row) => row.educationAsked === 'not-stated' && (row.payPeriod === null || row.payPeriod === 'year')));

    const before = new Map([...usajobsRows, ...nycRows].map((row) => [row.id, row.updatedAt.toISOString()]));
    const auditsBefore = await countOf(auditLog);
    assert.equal((await importFile(usajobs)).status, 'nothing-to-apply');
    assert.equal((await importFile(nyc)).status, 'nothing-to-apply');
    const after = [...(await postingsOf('usajobs')), ...(await postingsOf('nyc-jobs'))];
    assert.deepEqual(new Map(after.map((row) => [row.id, row.updatedAt.toISOString()])), before);
    const auditsAfter = await countOf(auditLog);
    assert.equal(auditsAfter, auditsBefore, 'a re-import writes no audit entry either');
  });

  test('a file with one bad row changes nothing at all', async () => {
    const before = await countOf(jobPostings);
    const result = await importFile(`${ownCsv('Data Wrangler')}${source},2,Evil,Acme,,,2026-01-05,,,,javascript:alert(1)\n`);
    assert.equal(result.status, 'invalid');
    assert.deepEqual(
      result.plan.problems.map((problem) => [problem.line, problem.field]),
      [[3, 'apply_url']],
    );
    const after = await countOf(jobPostings);
    assert.equal(after, before);
  });

  test('an editor’s placement sticks across a re-import; figures and audit follow', async () => {
    const first = await importFile(ownCsv('Data Wrangler'));
    assert.equal(first.status, 'applied');
    const [posting] = await postingsOf(source);
    assert.equal(posting!.placement, 'unplaced');
    assert.equal(posting!.annualPayMid, Math.round(27.5 * 2080));
    const [importAudit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'jobs.import'), drizzleSql`${auditLog.after}->>'fileName' = 'test.csv'`)).orderBy(drizzleSql`${auditLog.id} desc`).limit(1);
    assert.equal((importAudit!.after as { new: number }).new, 1);

    const [role] = await db.select({ id: roles.id, slug: roles.slug }).from(roles).where(eq(roles.socCode, '15-2051'));
    const illinoisFigures = async () => {
      const [figures] = await db.select().from(rolePostingFigures).where(and(eq(rolePostingFigures.roleId, role!.id), eq(rolePostingFigures.areaFips, '17')));
      return figures?.recentCount ?? 0;
    };
    const recentBefore = await illinoisFigures();
    const claims = await claimsFor(db, testUsers.editor.email);
    const placed = await placePosting(claims, { postingId: posting!.id, roleSlug: role!.slug });
    assert.equal(placed.status, 'placed');
    assert.ok(placed.status === 'placed' && placed.tags.includes(`role:${role!.slug}`) && placed.tags.includes(`job:${posting!.id}`));
    assert.equal(await illinoisFigures(), recentBefore + 1, 'the role’s Illinois figures count the posting');
    const [placeAudit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'job.place'), eq(auditLog.entityId, String(posting!.id))));
    assert.deepEqual(placeAudit!.after, { role: role!.slug, placement: 'editor' });

    // The publisher retitles it: the text changes, the editor's occupation stays.
    const again = await importFile(ownCsv('Senior Data Wrangler'));
    assert.equal(again.status, 'applied');
    const [updated] = await postingsOf(source);
    assert.equal(updated!.title, 'Senior Data Wrangler');
    assert.equal(updated!.placement, 'editor');
    assert.equal(updated!.roleId, role!.id);
  });

  test('an editor places every unplaced posting of a title at once: each audited, the others left alone', async () => {
    const titled = `${source}-titled`;
    const rows = [
      [titled, 'a', 'Quillfrond Zembrit'],
      [titled, 'b', 'Quillfrond Zembrit'],
      [titled, 'c', 'Quillfrond Zembrit'],
      [titled, 'd', 'Quillfrond Zembrit Lead'],
    ].map(([name, id, title]) => `${name},${id},${title},Acme,Springfield,IL,2026-01-06,25,30,hour,https://example.com/${id}`);
    const result = await importFile(`source,source_id,title,employer,city,state,posted_on,pay_min,pay_max,pay_period,apply_url\n${rows.join('\n')}\n`);
    assert.equal(result.status, 'applied');
    const postings = await db.select().from(jobPostings).where(eq(jobPostings.source, titled)).orderBy(jobPostings.sourceId);
    assert.deepEqual(postings.map((posting) => posting.placement), ['unplaced', 'unplaced', 'unplaced', 'unplaced']);
    const [role] = await db.select({ id: roles.id, slug: roles.slug }).from(roles).where(eq(roles.socCode, '13-2011'));
    const claims = await claimsFor(db, testUsers.editor.email);

    const placed = await placePosting(claims, { postingId: postings[1]!.id, roleSlug: role!.slug, sameTitle: true });
    assert.ok(placed.status === 'placed');
    assert.equal(placed.count, 3);
    const after = await db.select().from(jobPostings).where(eq(jobPostings.source, titled)).orderBy(jobPostings.sourceId);
    assert.deepEqual(
      after.map((posting) => [posting.placement, posting.roleId]),
      [['editor', role!.id], ['editor', role!.id], ['editor', role!.id], ['unplaced', null]],
      'every posting of exactly that title, and no other',
    );
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'job.place'), inArray(auditLog.entityId, postings.map((posting) => String(posting.id)))));
    assert.equal(audits.length, 3);
    assert.deepEqual(audits.find((audit) => audit.entityId === String(postings[0]!.id))!.after, { role: role!.slug, placement: 'editor', withPosting: postings[1]!.id });
    // Asked again, nothing is left to move.
    assert.equal((await placePosting(claims, { postingId: postings[1]!.id, roleSlug: role!.slug, sameTitle: true })).status, 'unchanged');
    await db.delete(jobPostings).where(eq(jobPostings.source, titled));
  });

  test('an upload is applied once, as previewed, and a stale preview is refused', async () => {
    const claims = await claimsFor(db, testUsers.editor.email);
    const json = JSON.stringify({
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', item: { '@type': 'JobPosting', identifier: { '@type': 'PropertyValue', name: source, value: 'j1' }, title: 'Data Scientists', hiringOrganization: { name: 'Acme' }, datePosted: '2026-02-01', description: '<p>Hello</p>' } }],
    });
    const saved = await saveJobUpload(claims, { name: 'postings.json', bytes: new TextEncoder().encode(json) });
    assert.equal(saved.status, 'saved');
    const id = saved.status === 'saved' ? saved.id : '';
    const preview = (await getJobUploadPreview(claims, id))!;
    assert.deepEqual(preview.counts, { new: 1, changed: 0, unchanged: 0, invalid: 0 });
    assert.equal((await applyJobUpload(claims, { id, expectedPlanDigest: 'x'.repeat(43) })).status, 'stale');
    const applied = await applyJobUpload(claims, { id, expectedPlanDigest: preview.digest });
    assert.equal(applied.status, 'applied');
    assert.equal((await applyJobUpload(claims, { id, expectedPlanDigest: preview.digest })).status, 'already-applied');
    const [posting] = await db.select().from(jobPostings).where(and(eq(jobPostings.source, source), eq(jobPostings.sourceId, 'j1')));
    assert.equal(posting!.description, 'Hello');
  });

  test('nobody signed out or disabled may upload, apply or place', async () => {
    const signedOut = { sessionId: 'x'.repeat(43) };
    await assert.rejects(saveJobUpload(signedOut, { name: 'a.csv', bytes: new Uint8Array([65]) }), AccessDeniedError);
    await assert.rejects(applyJobUpload(null, { id: 'a'.repeat(22), expectedPlanDigest: 'x' }), AccessDeniedError);
    await assert.rejects(placePosting(undefined, { postingId: 1, roleSlug: 'data-scientists' }), AccessDeniedError);

    const email = `disabled-${run}@roleboard.test`;
    await upsertUser(db, { email, name: 'Dee Disabled', role: 'editor', password: testUsers.editor.password });
    const claims = await claimsFor(db, email);
    await db.update(users).set({ disabled: true }).where(eq(users.email, email));
    await assert.rejects(saveJobUpload(claims, { name: 'a.csv', bytes: new Uint8Array([65]) }), AccessDeniedError);
    await assert.rejects(placePosting(claims, { postingId: 1, roleSlug: 'data-scientists' }), AccessDeniedError);
  });
});
