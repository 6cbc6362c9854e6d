// The catalogue import against the real database: what a plan says, what applying writes (roles,
// stats, history and audit rows, cache tags) and what it never writes (a re-import, the export
// read back, an invalid file, a role an editor changed since its last import), and an edit that
// happens while an import waits for its lock.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { eq, like, sql as drizzleSql } from 'drizzle-orm';
import { createDatabase } from '@/db/connection';
import { closeDatabase } from '@/db/client';
import { usCategories } from '@/db/catalogue/categories';
import { applyCatalogueImport, fieldChangesOf, planCatalogueImport, type ImportResult } from '@/db/catalogue-import';
import { getRoleForEdit, updateRole } from '@/db/role-edits';
import { listPublishedRoleStatsBatch } from '@/db/role-reads';
import { categories, roles, roleStats, roleStatsHistory, users } from '@/db/schema';
import { rolePageUrl } from '@/lib/api/role-responses';
import { catalogueColumns, catalogueCsvHeader, catalogueCsvRecords, toCatalogueRecord, type CatalogueRecord } from '@/lib/catalogue-csv';
import { describeProblem, readCatalogueFile, type CatalogueRow } from '@/lib/catalogue-file';
import type { RoleContentInput, RoleStatsInput, RoleValues } from '@/lib/role-schemas';
import { roleAuditRows } from '../support/audit';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase, testDatabaseUrl } from '../support/database';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const SLUG_PREFIX = 'catalogue-import-test-';

after(async () => {
  // Other test files count the seeded roles: leave none of ours behind (stats and history cascade).
  await db.delete(roles).where(like(roles.slug, `${SLUG_PREFIX}%`));
  await Promise.all([sql.end(), closeDatabase()]);
});

function newSlug() {
  return `${SLUG_PREFIX}${randomUUID().slice(0, 8)}`;
}

/** A role whose text exercises every cell rule: formulas, apostrophes, quotes, commas, line breaks, unicode. */
function trickyRole(slug = newSlug()): RoleValues {
  const content: RoleContentInput = {
    title: `Import "Test", Role ${slug.slice(-8)}`,
    slug,
    socCode: null,
    alternativeTitles: ['=Formula Title', "'Quoted, with comma", 'Ünïcödé – dash'],
    categorySlug: 'healthcare-practitioners-and-technical',
    summary: '-Starts with a dash.\nSecond line, with "quotes" and a comma.',
    salaryTemplate: '=The average salary is {averageSalary}.',
    responsibilitiesIntro: "'=Starts with an apostrophe and an equals sign",
    responsibilities: ['@mention-like first duty', '+plus-like second duty', 'A plain one.'],
    responsibilitiesOutro: null,
    howToBecomeIntro: 'Steps:\n\n  indented after a blank line',
    howToBecomeSteps: [{ heading: 'Learn', body: 'A tab\tinside, and a second line\nbelow.' }],
    howToBecomeOutro: 'After the steps.',
    contentAttribution: 'O*NET 29.0 Database, CC BY 4.0',
  };
  const stats: RoleStatsInput = {
    employment: 123_456,
    jobOpenings: 7_890,
    jobOpeningsBasis: 'projected-per-year',
    averageSalary: null,
    currency: 'USD',
    degreeRequirementPercent: null,
    percentiles: { p10: 40_000, p25: 50_000, median: 60_000, p75: 239_200, p90: 239_200, topCoded: ['p75', 'p90'] },
    hourlyWages: null,
    entryEducation: "Bachelor's degree",
    outlook: { startYear: 2024, endYear: 2034, startEmployment: 1_000, endEmployment: 968, changePercent: -3.2 },
    asOf: '2024-05-01',
    source: 'BLS OEWS May 2024; BLS EP 2024–34',
    sourceUrl: 'https://www.bls.gov/oes/',
    editedFigures: {},
  };
  return { content, stats };
}

async function categoryNames() {
  return new Map((await db.select().from(categories)).map((category) => [category.slug, category.name]));
}

async function rowsFor(...values: RoleValues[]): Promise<CatalogueRow[]> {
  const names = await categoryNames();
  return values.map((value, index) => ({
    line: index + 2,
    record: toCatalogueRecord(value, { categoryName: names.get(value.content.categorySlug) ?? '', url: rolePageUrl(value.content.slug) }),
  }));
}

function withStats(values: RoleValues, stats: Partial<RoleStatsInput>): RoleValues {
  return { content: values.content, stats: { ...values.stats, ...stats } };
}

async function roleBySlug(slug: string) {
  const [role] = await db.select().from(roles).where(eq(roles.slug, slug));
  return role;
}

async function historyCount(roleId: number) {
  const [row] = await db.select({ count: drizzleSql<number>`count(*)::int` }).from(roleStatsHistory).where(eq(roleStatsHistory.roleId, roleId));
  return row!.count;
}

/** Everything an import may write, to compare before and after one that must write nothing. */
async function everything() {
  const [row] = await db.execute<{ roles: string; stats: string; history: number; audit: number }>(drizzleSql`select
    (select md5(string_agg(r::text, ',' order by r.id)) from roles r) as roles,
    (select md5(string_agg(s::text, ',' order by s.role_id)) from role_stats s) as stats,
    (select count(*)::int from role_stats_history) as history,
    (select count(*)::int from audit_log) as audit`);
  return row;
}

async function editorId() {
  const [editor] = await db.select({ id: users.id }).from(users).where(eq(users.email, testUsers.editor.email));
  return editor!.id;
}

function applied(result: ImportResult) {
  assert.equal(result.status, 'applied', `expected the import to apply, got problems: ${JSON.stringify(result.plan.problems)}`);
  return result as Extract<ImportResult, { status: 'applied' }>;
}

/** The export's CSV, built exactly as GET /api/v1/roles.csv builds it. */
async function exportCsv() {
  let csv = catalogueCsvHeader();
  for (let afterId = 0; ; ) {
    const batch = await listPublishedRoleStatsBatch({ afterId, limit: 2000 });
    if (batch.length === 0) return csv;
    afterId = batch.at(-1)!.id;
    csv += catalogueCsvRecords(batch.map(({ values, categoryName }) => toCatalogueRecord(values, { categoryName, url: rolePageUrl(values.content.slug) })));
  }
}

describe('planning an import', () => {
  test('new, changed (with before → after of the changed fields only) and unchanged, and nothing written', async () => {
    const existing = trickyRole();
    applied(await applyCatalogueImport(db, { rows: await rowsFor(existing) }, { actorId: null }));
    const fresh = trickyRole();
    const changed = withStats(existing, { employment: 130_000, source: 'BLS OEWS May 2025' });
    const before = await everything();

    const plan = await planCatalogueImport(db, { rows: await rowsFor(fresh, changed) });
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.counts, { new: 1, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
    const [planned, updated] = plan.roles;
    assert.equal(planned?.kind, 'new');
    assert.equal(planned.slug, fresh.content.slug);
    assert.equal(updated?.kind, 'changed');
    assert.deepEqual(updated.statsChanges, {
      before: { employment: 123_456, source: existing.stats.source },
      after: { employment: 130_000, source: 'BLS OEWS May 2025' },
    });
    assert.deepEqual(updated.contentChanges, { before: {}, after: {} });
    assert.equal(updated.line, 3);
    assert.deepEqual(await everything(), before, 'a plan writes nothing');

    const again = await planCatalogueImport(db, { rows: await rowsFor(existing) });
    assert.deepEqual(again.counts, { new: 0, changed: 0, edited: 0, unchanged: 1, invalid: 0 });
  });

  test('problems name the line and the column: schema errors, duplicates, unknown categories, SOC codes of other roles', async () => {
    const good = trickyRole();
    const [owner] = await db.select({ slug: roles.slug, socCode: roles.socCode }).from(roles).where(eq(roles.slug, 'backend-software-engineer'));
    // A code of our own: the catalogue's occupations own every real one.
    await db.update(roles).set({ socCode: '99-9901' }).where(eq(roles.slug, owner!.slug));
    try {
      const badMedian = withStats(trickyRole(), { percentiles: { p10: 1, p25: 5, median: 3, p75: 9, p90: 10, topCoded: [] } });
      const unknownCategory = trickyRole();
      unknownCategory.content.categorySlug = 'astronomy';
      const takenSoc = trickyRole();
      takenSoc.content.socCode = '99-9901';
      const duplicate = trickyRole(good.content.slug);
      const rows = await rowsFor(good, badMedian, unknownCategory, takenSoc, duplicate);
      const categoryList = usCategories
        .map((category) => category.slug)
        .sort()
        .join(', ');
      rows[1]!.record.job_openings = '1,200';
      const plan = await planCatalogueImport(db, { rows });
      const described = plan.problems.map((problem) => `${problem.line}|${problem.column}|${problem.message}`);
      assert.deepEqual(described, [
        `2|slug|The slug ${good.content.slug} is also on line 6; each role may be in the file once.`,
        '3|job_openings|Enter a number, digits only',
        '3|salary_median|Must be at least the 25th percentile (5)',
        `4|category_slug|There is no category "astronomy"; use one of: ${categoryList}.`,
        '5|soc_code|99-9901 is already the SOC code of the role backend-software-engineer.',
        `6|slug|The slug ${good.content.slug} is also on line 2; each role may be in the file once.`,
      ]);
      assert.equal(plan.counts.invalid, 5);
      assert.equal(plan.roles.length, 0);
    } finally {
      await db.update(roles).set({ socCode: owner!.socCode }).where(eq(roles.slug, owner!.slug));
    }
  });
});

describe('applying an import', () => {
  test('a new role gets its stats, one history row, a role.import audit row by the importer, and its cache tags', async () => {
    const values = trickyRole();
    const result = applied(await applyCatalogueImport(db, { rows: await rowsFor(values) }, { actorId: await editorId() }));
    assert.deepEqual(result.created, [{ slug: values.content.slug, title: values.content.title }]);
    assert.deepEqual(result.tags.sort(), ['category:healthcare-practitioners-and-technical', `role:${values.content.slug}`, 'roles']);
    const role = (await roleBySlug(values.content.slug))!;
    assert.equal(role.version, 1);
    assert.equal(await historyCount(role.id), 1);
    const audits = await roleAuditRows(db, role.id);
    assert.equal(audits.length, 1);
    const [audit] = audits;
    assert.equal(audit?.action, 'role.import');
    assert.equal(audit?.actorId, await editorId());
    assert.equal(audit?.before, null);
    assert.equal((audit?.after as Record<string, unknown>).employment, 123_456);
    const stored = await getRoleForEdit(await claimsFor(db, testUsers.editor.email), { slug: values.content.slug });
    assert.deepEqual({ content: stored!.content, stats: stored!.stats }, values, 'stored exactly as the file says');
  });

  test('changed stats bump the version and add a history row; changed text bumps the version only; the same file again writes nothing', async () => {
    const values = trickyRole();
    applied(await applyCatalogueImport(db, { rows: await rowsFor(values) }, { actorId: null }));
    const role = (await roleBySlug(values.content.slug))!;

    const newFigures = withStats(values, { averageSalary: 71_000, asOf: '2025-05-01' });
    const statsResult = applied(await applyCatalogueImport(db, { rows: await rowsFor(newFigures) }, { actorId: null }));
    assert.deepEqual(statsResult.updated.map((updated) => updated.slug), [values.content.slug]);
    assert.equal((await roleBySlug(values.content.slug))!.version, 2);
    assert.equal(await historyCount(role.id), 2);
    const [latest] = await roleAuditRows(db, role.id);
    assert.deepEqual(
      { action: latest!.action, actorId: latest!.actorId, before: latest!.before, after: latest!.after },
      {
        action: 'role.import',
        actorId: null,
        before: { averageSalary: null, asOf: '2024-05-01' },
        after: { averageSalary: 71_000, asOf: '2025-05-01' },
      },
    );

    const newText = { content: { ...newFigures.content, summary: 'A new summary.', categorySlug: 'computer-and-mathematical' }, stats: newFigures.stats };
    const textResult = applied(await applyCatalogueImport(db, { rows: await rowsFor(newText) }, { actorId: null }));
    assert.deepEqual(textResult.tags.sort(), ['category:computer-and-mathematical', 'category:healthcare-practitioners-and-technical', `role:${values.content.slug}`, 'roles']);
    assert.equal((await roleBySlug(values.content.slug))!.version, 3);
    assert.equal(await historyCount(role.id), 2, 'no history row when the stats did not change');

    const before = await everything();
    const again = applied(await applyCatalogueImport(db, { rows: await rowsFor(newText) }, { actorId: null }));
    assert.deepEqual([again.created, again.updated, again.tags, again.unchanged], [[], [], [], 1]);
    assert.deepEqual(await everything(), before, 're-importing the same rows writes nothing at all');
  });

  test('the export read back through the file reader changes nothing', async () => {
    // Roles with every kind of tricky cell, published, so the export holds them.
    applied(await applyCatalogueImport(db, { rows: await rowsFor(trickyRole(), trickyRole()) }, { actorId: null }));
    const csv = await exportCsv();
    const file = readCatalogueFile(csv);
    assert.deepEqual(file.problems, []);
    const [{ count: published }] = (await db.execute<{ count: number }>(drizzleSql`select count(*)::int as count from roles where status = 'published'`)) as unknown as [
      { count: number },
    ];
    assert.equal(file.rows.length, published);

    const plan = await planCatalogueImport(db, { rows: file.rows });
    assert.deepEqual(plan.problems, []);
    const changed = plan.roles.filter((role) => role.kind !== 'unchanged');
    assert.deepEqual(changed, [], 'every exported role reads back unchanged');

    const before = await everything();
    const result = applied(await applyCatalogueImport(db, { rows: file.rows }, { actorId: null }));
    assert.equal(result.unchanged, published);
    assert.deepEqual(await everything(), before);
  });

  test('one invalid row and nothing is applied, not even the valid rows', async () => {
    const valid = trickyRole();
    const invalid = withStats(trickyRole(), { jobOpenings: -1 });
    const before = await everything();
    const result = await applyCatalogueImport(db, { rows: await rowsFor(valid, invalid) }, { actorId: null });
    assert.equal(result.status, 'invalid');
    assert.deepEqual(
      result.plan.problems.map((problem) => [problem.line, problem.column, problem.message]),
      [[3, 'job_openings', 'Must be at least 0']],
    );
    assert.deepEqual(await everything(), before);
    assert.equal(await roleBySlug(valid.content.slug), undefined);

    // A row the file reader could not read (a broken quote) stops the import as well.
    const unreadable = await applyCatalogueImport(db, { rows: await rowsFor(valid), problems: [{ line: 3, message: 'A double quote opened in this row is never closed.' }] }, { actorId: null });
    assert.equal(unreadable.status, 'invalid');
    assert.equal(unreadable.plan.counts.invalid, 1);
    assert.deepEqual(await everything(), before);
  });

  test('a file with a slug reserved for a route is refused with a problem on that row, and nothing is applied', async () => {
    const valid = trickyRole();
    const reserved = ['new', 'states', 'opengraph-image', 'sitemap'].map((slug) => trickyRole(slug));
    const names = await categoryNames();
    const csv =
      catalogueCsvHeader() +
      catalogueCsvRecords(
        [valid, ...reserved].map((value) => toCatalogueRecord(value, { categoryName: names.get(value.content.categorySlug)!, url: rolePageUrl(value.content.slug) })),
      );
    const file = readCatalogueFile(csv);
    assert.deepEqual(file.problems, []);
    const before = await everything();
    const result = await applyCatalogueImport(db, file, { actorId: null });
    assert.equal(result.status, 'invalid');
    // Each record takes several lines (its text has line breaks): problems name the line it starts on.
    const [, newLine, statesLine, imageLine, sitemapLine] = file.rows.map((row) => row.line);
    assert.deepEqual(
      result.plan.problems.map((problem) => [problem.line, problem.column, problem.message]),
      [
        [newLine, 'slug', '“new” is reserved for the new-role form (/admin/roles/new); choose another slug'],
        [statesLine, 'slug', "“states” is reserved for a role's pages by state (/roles/{slug}/states); choose another slug"],
        [imageLine, 'slug', "“opengraph-image” is reserved for a page's preview image (/roles/{slug}/opengraph-image); choose another slug"],
        [sitemapLine, 'slug', '“sitemap” is reserved for sitemaps (/sitemap.xml); choose another slug'],
      ],
    );
    assert.deepEqual(await everything(), before);
    for (const slug of [valid.content.slug, 'new', 'states']) assert.equal(await roleBySlug(slug), undefined, slug);
  });

  test('a role an editor changed since its last import is marked and left alone, unless the import overwrites edited roles', async () => {
    const values = trickyRole();
    applied(await applyCatalogueImport(db, { rows: await rowsFor(values) }, { actorId: null }));
    const claims = await claimsFor(db, testUsers.editor.email);
    const loaded = (await getRoleForEdit(claims, { slug: values.content.slug }))!;
    const edited = await updateRole(claims, { roleId: loaded.id, expectedVersion: loaded.version, content: loaded.content, stats: { ...loaded.stats, jobOpenings: 5 }, editNote: 'Catalogue import tests' });
    assert.equal(edited.status, 'saved');

    const newer = withStats(values, { jobOpenings: 9_000 });
    const plan = await planCatalogueImport(db, { rows: await rowsFor(newer) });
    assert.deepEqual(plan.counts, { new: 0, changed: 0, edited: 1, unchanged: 0, invalid: 0 });
    const [marked] = plan.roles;
    assert.equal(marked?.kind, 'changed');
    assert.equal(marked.editedSinceImport?.editorName, testUsers.editor.name);
    assert.equal(marked.editedSinceImport?.action, 'role.update');

    const before = await everything();
    const leftAlone = applied(await applyCatalogueImport(db, { rows: await rowsFor(newer) }, { actorId: null }));
    assert.deepEqual(leftAlone.leftAlone.map((role) => role.slug), [values.content.slug]);
    assert.deepEqual(await everything(), before);

    const overwritten = applied(await applyCatalogueImport(db, { rows: await rowsFor(newer) }, { actorId: null, overwriteEdited: true }));
    assert.deepEqual(overwritten.updated.map((role) => role.slug), [values.content.slug]);
    const [stats] = await db.select().from(roleStats).where(eq(roleStats.roleId, loaded.id));
    assert.equal(stats?.jobOpenings, 9_000);
    // The editor's form, still at the version they loaded, now gets the conflict handling.
    const stale = await updateRole(claims, { roleId: loaded.id, expectedVersion: loaded.version + 1, content: loaded.content, stats: loaded.stats });
    assert.equal(stale.status, 'conflict');
  });

  test('an import never changes a role’s status: an archived role stays archived', async () => {
    const values = trickyRole();
    applied(await applyCatalogueImport(db, { rows: await rowsFor(values) }, { actorId: null }));
    await db.update(roles).set({ status: 'archived' }).where(eq(roles.slug, values.content.slug));
    applied(await applyCatalogueImport(db, { rows: await rowsFor(withStats(values, { jobOpenings: 42 })) }, { actorId: null }));
    const role = (await roleBySlug(values.content.slug))!;
    assert.equal(role.status, 'archived');
    assert.equal(role.version, 2);
  });

  test('the default catalogue’s two releases, as records without lines: two history rows per role', async () => {
    const names = await categoryNames();
    const release = (values: RoleValues, asOf: string, averageSalary: number): { record: CatalogueRecord } => ({
      record: toCatalogueRecord(withStats(values, { asOf, averageSalary }), { categoryName: names.get(values.content.categorySlug)!, url: '' }),
    });
    const first = trickyRole();
    const second = trickyRole();
    applied(await applyCatalogueImport(db, { rows: [release(first, '2023-05-01', 60_000), release(second, '2023-05-01', 61_000)] }, { actorId: null }));
    const result = applied(
      await applyCatalogueImport(db, { rows: [release(first, '2024-05-01', 62_000), release(second, '2024-05-01', 63_000)] }, { actorId: null }),
    );
    assert.equal(result.updated.length, 2);
    for (const values of [first, second]) assert.equal(await historyCount((await roleBySlug(values.content.slug))!.id), 2);

    const bad = release(trickyRole(), '2024-05-01', -5);
    const refused = await applyCatalogueImport(db, { rows: [bad] }, { actorId: null });
    assert.deepEqual(
      refused.plan.problems.map((problem) => [problem.line, problem.record, problem.column]),
      [[undefined, 1, 'average_salary']],
    );
  });
});

describe('a partial file: a key and some columns', () => {
  /** A file with these columns and rows, read as an upload or `npm run data:import` reads it. */
  const partialFile = (header: string[], ...rows: string[][]) => readCatalogueFile([header, ...rows].map((cells) => cells.join(',')).join('\r\n'));

  const omitWriteColumns = ({ updatedAt, updatedBy, ...figures }: typeof roleStats.$inferSelect) => figures;

  async function importedRole(values: RoleValues) {
    applied(await applyCatalogueImport(db, { rows: await rowsFor(values) }, { actorId: null }));
    const role = (await roleBySlug(values.content.slug))!;
    const [stats] = await db.select().from(roleStats).where(eq(roleStats.roleId, role.id));
    return { role, stats: stats! };
  }

  test('slug and average_salary change only the average salary of that role, with a history row and an audit row of that field', async () => {
    const values = trickyRole();
    const { role, stats } = await importedRole(values);
    const file = partialFile(['slug', 'average_salary'], [values.content.slug, '81234']);
    assert.deepEqual(file.problems, []);

    const plan = await planCatalogueImport(db, file);
    assert.deepEqual(plan.counts, { new: 0, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
    assert.deepEqual(plan.partialColumns, ['slug', 'average_salary']);
    const [changed] = plan.roles;
    assert.ok(changed?.kind === 'changed');
    assert.deepEqual(fieldChangesOf(changed), { before: { averageSalary: null }, after: { averageSalary: 81_234 } });

    const result = applied(await applyCatalogueImport(db, file, { actorId: await editorId() }));
    assert.deepEqual(result.updated.map((updated) => updated.slug), [values.content.slug]);
    const [after] = await db.select().from(roleStats).where(eq(roleStats.roleId, role.id));
    const { updatedAt, updatedBy, ...figures } = after!;
    assert.equal(updatedBy, await editorId());
    assert.deepEqual(figures, { ...omitWriteColumns(stats), averageSalary: 81_234 });
    const roleAfter = (await roleBySlug(values.content.slug))!;
    assert.equal(roleAfter.version, role.version + 1);
    assert.deepEqual({ ...roleAfter, version: role.version, updatedAt: role.updatedAt, searchVector: role.searchVector }, role, 'the text is as it was');
    assert.equal(await historyCount(role.id), 2);
    const audit = (await roleAuditRows(db, role.id))[0]!;
    assert.deepEqual([audit.action, audit.actorId, audit.before, audit.after], ['role.import', await editorId(), { averageSalary: null }, { averageSalary: 81_234 }]);

    // The same file again: unchanged, nothing written.
    const before = await everything();
    assert.deepEqual(applied(await applyCatalogueImport(db, file, { actorId: null })).unchanged, 1);
    assert.deepEqual(await everything(), before);
  });

  test('without a slug column, soc_code says which role; the percentiles come as a group', async () => {
    const socCode = `99-${String(randomInt(10_000)).padStart(4, '0')}`;
    const values = trickyRole();
    const { role } = await importedRole({ ...values, content: { ...values.content, socCode } });
    const file = partialFile(['soc_code', 'salary_p10', 'salary_p25', 'salary_median', 'salary_p75', 'salary_p90', 'salary_top_coded'], [socCode, '41000', '51000', '61000', '71000', '81000', '[]']);
    const result = applied(await applyCatalogueImport(db, file, { actorId: null }));
    assert.deepEqual(result.updated.map((updated) => updated.slug), [values.content.slug]);
    const [stats] = await db.select().from(roleStats).where(eq(roleStats.roleId, role.id));
    assert.deepEqual([stats!.salaryP10, stats!.salaryMedian, stats!.salaryP90, stats!.salaryTopCoded, stats!.jobOpenings], [41_000, 61_000, 81_000, [], values.stats.jobOpenings]);

    // Half a group is a problem of the header; a merged row is checked whole (percentiles must not decrease).
    assert.match(describeProblem(partialFile(['soc_code', 'salary_p10'], [socCode, '1']).problems[0]!), /The salary percentiles go together: .* Missing: salary_p25, salary_median, salary_p75, salary_p90\./);
    const decreasing = await planCatalogueImport(db, partialFile(['soc_code', 'salary_p10', 'salary_p25', 'salary_median', 'salary_p75', 'salary_p90'], [socCode, '9', '8', '7', '6', '5']));
    assert.equal(decreasing.counts.invalid, 1);
    assert.equal(decreasing.problems[0]?.line, 2);
    // A file keyed by slug may change the SOC code, but not to another role's.
    const other = trickyRole();
    await importedRole(other);
    const taken = await planCatalogueImport(db, partialFile(['slug', 'soc_code'], [other.content.slug, socCode]));
    assert.deepEqual(taken.problems.map(describeProblem), [`line 2: soc_code: ${socCode} is already the SOC code of the role ${values.content.slug}.`]);
  });

  test('a row for a slug no role has is refused, naming the columns a new role needs; nothing is applied', async () => {
    const values = trickyRole();
    await importedRole(values);
    const unknown = newSlug();
    const file = partialFile(['slug', 'title', 'average_salary'], [values.content.slug, 'Renamed', '90000'], [unknown, 'New One', '50000']);
    const before = await everything();
    const result = await applyCatalogueImport(db, file, { actorId: null });
    assert.equal(result.status, 'invalid');
    assert.deepEqual(result.plan.problems.map(describeProblem), [
      `line 3: slug: No role has the slug "${unknown}". A file can create a role only with every column; this one lacks ${catalogueColumns.filter((column) => !['slug', 'title', 'average_salary', 'url'].includes(column)).join(', ')}.`,
    ]);
    assert.deepEqual(await everything(), before);
  });

  test('written figures leave editedFigures and the others stay; a row that would replace a hand-set figure is held back unless overwritten; a text-only row is not', async () => {
    const values = trickyRole();
    const { role } = await importedRole(values);
    const marked = { editedAt: '2026-01-02T03:04:05.000Z', note: 'From the employer survey' };
    await db.update(roleStats).set({ editedFigures: { averageSalary: marked, employment: marked } }).where(eq(roleStats.roleId, role.id));

    // Text only: applied, and the hand-set figures are kept (and said so).
    const text = partialFile(['slug', 'summary'], [values.content.slug, 'A summary from the file.']);
    const textPlan = await planCatalogueImport(db, text);
    assert.deepEqual(textPlan.counts, { new: 0, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
    assert.ok(textPlan.roles[0]?.kind === 'changed');
    assert.deepEqual(textPlan.roles[0].handEditedFieldsKept, ['averageSalary', 'employment']);
    applied(await applyCatalogueImport(db, text, { actorId: null }));
    assert.equal((await roleBySlug(values.content.slug))!.summary, 'A summary from the file.');

    // The salary: held back, nothing written, unless overwritten.
    const salary = partialFile(['slug', 'average_salary'], [values.content.slug, '99000']);
    const plan = await planCatalogueImport(db, salary);
    assert.deepEqual(plan.counts, { new: 0, changed: 0, edited: 1, unchanged: 0, invalid: 0 });
    assert.ok(plan.roles[0]?.kind === 'changed');
    assert.deepEqual(plan.roles[0].handEditedFields, ['averageSalary']);
    const before = await everything();
    const leftAlone = applied(await applyCatalogueImport(db, salary, { actorId: null }));
    assert.deepEqual([leftAlone.updated, leftAlone.leftAlone.map((left) => left.slug)], [[], [values.content.slug]]);
    assert.deepEqual(await everything(), before);

    applied(await applyCatalogueImport(db, salary, { actorId: null, overwriteEdited: true }));
    const [stats] = await db.select().from(roleStats).where(eq(roleStats.roleId, role.id));
    assert.equal(stats!.averageSalary, 99_000);
    assert.deepEqual(stats!.editedFigures, { employment: marked }, 'the salary now comes from the file; the employment is still the editor’s');
  });

  test('an editor’s edit since the last import holds back only the rows that would change the fields they edited', async () => {
    const values = trickyRole();
    await importedRole(values);
    const claims = await claimsFor(db, testUsers.editor.email);
    const loaded = (await getRoleForEdit(claims, { slug: values.content.slug }))!;
    assert.equal((await updateRole(claims, { roleId: loaded.id, expectedVersion: loaded.version, editNote: 'Import tests', content: loaded.content, stats: { ...loaded.stats, jobOpenings: 5 } })).status, 'saved');

    const openings = await planCatalogueImport(db, partialFile(['slug', 'job_openings'], [values.content.slug, '6']));
    assert.deepEqual(openings.counts.edited, 1);
    assert.ok(openings.roles[0]?.kind === 'changed');
    assert.equal(openings.roles[0].editedSinceImport?.editorName, testUsers.editor.name);
    const salary = await planCatalogueImport(db, partialFile(['slug', 'average_salary'], [values.content.slug, '66000']));
    assert.deepEqual(salary.counts, { new: 0, changed: 1, edited: 0, unchanged: 0, invalid: 0 });
  });
});

describe('an import and an edit at the same time', () => {
  test('an edit that holds the role’s lock goes first; the import then sees it and leaves the role alone', async () => {
    const values = trickyRole();
    applied(await applyCatalogueImport(db, { rows: await rowsFor(values) }, { actorId: null }));
    const role = (await roleBySlug(values.content.slug))!;
    const editor = await editorId();
    const importer = createDatabase(testDatabaseUrl(), { max: 1 });
    try {
      const pending: { importing?: Promise<ImportResult> } = {};
      await sql.begin(async (edit) => {
        // The editor's save has locked the role, as db/role-edits.ts does, and is still deciding.
        await edit`select id from roles where id = ${role.id} for update`;
        pending.importing = applyCatalogueImport(importer.db, { rows: await rowsFor(withStats(values, { jobOpenings: 1_111 })) }, { actorId: null });
        await waitUntilBlocked();
        await edit`update roles set version = version + 1, updated_at = now() where id = ${role.id}`;
        await edit`update role_stats set job_openings = 2222 where role_id = ${role.id}`;
        await edit`insert into audit_log (actor_id, action, entity_type, entity_id, before, after)
                   values (${editor}, 'role.update', 'role', ${String(role.id)}, '{"jobOpenings":7890}', '{"jobOpenings":2222}')`;
      });
      const result = applied(await pending.importing!);
      assert.deepEqual(result.leftAlone.map((left) => left.slug), [values.content.slug], 'planned after the edit committed');
      const [stats] = await db.select().from(roleStats).where(eq(roleStats.roleId, role.id));
      assert.equal(stats?.jobOpenings, 2_222, "the editor's change stands");
    } finally {
      await importer.sql.end();
    }
  });
});

/** Waits until some session waits for a lock (the import, queued behind the edit). */
async function waitUntilBlocked() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [waiting] = await sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`;
    if (waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('The import never waited for the lock');
}
