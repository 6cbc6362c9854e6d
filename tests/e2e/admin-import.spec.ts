// Importing a catalogue file at /admin/import: upload, a preview row by row, apply, and the public
// pages at once. Files are made from the public CSV export, so they are in the format editors get.
// Each test imports roles of its own (below), so tests in parallel cannot change each other's plans.
import { randomInt } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

type Row = Record<string, string>;

const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;
/** The summary's count of one kind of row, found by its exact label ("Changed" is in "Unchanged" too). */
const summaryCount = (page: Page, label: string) =>
  page.locator('.import-summary__item').filter({ has: page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
const previewRow = (page: Page, slug: string) => page.getByRole('row').filter({ hasText: slug });

async function exportRows(page: Page): Promise<{ header: string[]; rows: Row[] }> {
  const csv = await (await page.request.get('/api/v1/roles.csv')).text();
  const rows = parse(csv, { columns: true, bom: true }) as Row[];
  return { header: Object.keys(rows[0]!), rows };
}

const rowOf = (rows: Row[], slug: string) => ({ ...rows.find((row) => row.slug === slug)! });

function csvFile(header: string[], rows: Row[], name = 'roles.csv') {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(stringify(rows, { header: true, columns: header, record_delimiter: '\r\n' })) };
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('/admin/import');
  await page.getByLabel('CSV file (at most 5 MB)').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Import ${file.name}`);
}

async function signedInPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, testUsers.editor);
  return { context, page };
}

test('the import page is for signed-in editors only', async ({ page }) => {
  await page.goto('/admin/import');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fimport/);
});

test('a preview shows new, changed (before → after) and unchanged rows; applying it updates the public pages at once, and the same file again changes nothing', async ({ page }) => {
  const salary = 150_000 + randomInt(40_000);
  const newSlug = `e2e-import-${randomInt(1e9)}`;
  // Seen (and so cached) before the import, so the test proves the import invalidates it.
  await page.goto('/roles/astronomers');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Astronomers');
  await signIn(page, testUsers.editor);
  const { header, rows } = await exportRows(page);
  const astronomers = rowOf(rows, 'astronomers');
  const before = Number(astronomers.average_salary);
  astronomers.average_salary = String(salary);
  const physicists = rowOf(rows, 'physicists');
  const created = { ...rowOf(rows, 'astronomers'), slug: newSlug, soc_code: '', title: 'Planetarium Show Writers', alternative_titles: '[]' };
  const file = csvFile(header, [astronomers, physicists, created], 'astronomy.csv');

  await upload(page, file);
  await expect(summaryCount(page, 'New')).toHaveText('1');
  await expect(summaryCount(page, 'Changed')).toHaveText('1');
  await expect(summaryCount(page, 'Unchanged')).toHaveText('1');
  await expect(summaryCount(page, 'Invalid')).toHaveText('0');
  await expect(previewRow(page, 'astronomers')).toContainText('Changed');
  await expect(previewRow(page, 'astronomers')).toContainText(`Average salaryfrom ${before.toLocaleString('en-US')}→to ${salary.toLocaleString('en-US')}`);
  await expect(previewRow(page, 'physicists')).toContainText('Unchanged');
  await expect(previewRow(page, newSlug)).toContainText('New');
  await expect(previewRow(page, newSlug)).toContainText('Planetarium Show Writers');
  // Nothing is written by a preview.
  expect((await page.request.get(`/roles/${newSlug}`)).status()).toBe(404);

  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied by' })).toContainText(
    `Applied by ${testUsers.editor.name}`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Applied by' })).toContainText('1 new role, 1 updated, 1 unchanged');

  await page.goto('/roles/astronomers');
  await expect(page.getByRole('region', { name: 'Overview', exact: true })).toContainText(money(salary));
  await page.goto(`/roles/${newSlug}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Planetarium Show Writers');
  await page.goto(`/admin/audit`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Astronomers' }).first()).toContainText(testUsers.editor.name);

  // The same file again: nothing to apply, and Apply says so by being disabled.
  await upload(page, file);
  await expect(summaryCount(page, 'Unchanged')).toHaveText('3');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to apply' })).toHaveText('Nothing to apply: every row matches what is already published.');
  await expect(page.getByRole('button', { name: 'Apply import' })).toBeDisabled();
});

test('the export of a whole category uploaded back has nothing to apply', async ({ page }) => {
  await signIn(page, testUsers.editor);
  const { header, rows } = await exportRows(page);
  const farming = rows.filter((row) => row.category_slug === 'farming-fishing-and-forestry');
  expect(farming.length).toBeGreaterThan(5);
  await upload(page, csvFile(header, farming, 'farming.csv'));
  await expect(summaryCount(page, 'Unchanged')).toHaveText(String(farming.length));
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to apply' })).toBeVisible();
});

test('a file whose only change is to a role an editor changed has Apply disabled with the reason, until "Overwrite edited roles" is ticked (without JavaScript)', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, { javaScriptEnabled: false });
  const edited = 120_000 + randomInt(10_000);
  const imported = 140_000 + randomInt(10_000);

  await page.goto('/admin/roles/historians');
  await page.getByLabel('Average salary', { exact: true }).fill(String(edited));
  await page.getByLabel('Source of the new figures / note', { exact: true }).fill('Import test figures');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');

  const { header, rows } = await exportRows(page);
  const historians = rowOf(rows, 'historians');
  historians.average_salary = String(imported);
  const file = csvFile(header, [historians], 'historians.csv');

  await upload(page, file);
  await expect(summaryCount(page, 'Edited since import')).toHaveText('1');
  await expect(previewRow(page, 'historians')).toContainText(`Changed by ${testUsers.editor.name}`);
  await expect(previewRow(page, 'historians')).toContainText('would replace what an editor set by hand (average salary): left as it is unless you tick');
  const apply = page.getByRole('button', { name: 'Apply import' });
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveAccessibleDescription('Nothing to apply: the only row is a role editors have changed. Tick “Overwrite edited roles” to replace it.');
  await page.goto('/roles/historians');
  await expect(page.getByRole('region', { name: 'Overview', exact: true })).toContainText(money(edited));

  await upload(page, file);
  await page.getByLabel('Overwrite edited roles').check();
  await expect(page.getByText('Nothing to apply')).toBeHidden();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied by' })).toContainText('1 updated');
  await page.goto('/roles/historians');
  await expect(page.getByRole('region', { name: 'Overview', exact: true })).toContainText(money(imported));
  await context.close();
});

test('a file of two columns, slug and average_salary, changes only the average salary: the preview says so, and the role page shows it', async ({ page }) => {
  const salary = 90_000 + randomInt(40_000);
  await signIn(page, testUsers.editor);
  const { rows } = await exportRows(page);
  const geographers = rowOf(rows, 'geographers');
  await upload(page, csvFile(['slug', 'average_salary'], [{ slug: 'geographers', average_salary: String(salary) }], 'geographers-salary.csv'));

  await expect(summaryCount(page, 'Changed')).toHaveText('1');
  await expect(summaryCount(page, 'Invalid')).toHaveText('0');
  await expect(page.getByText('A partial file: it gives the columns slug and average_salary.')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: '1 role: average salary' })).toBeVisible();
  await expect(previewRow(page, 'geographers')).toContainText(`Average salaryfrom ${Number(geographers.average_salary).toLocaleString('en-US')}→to ${salary.toLocaleString('en-US')}`);
  await expect(previewRow(page, 'geographers')).not.toContainText('Summary');

  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied by' })).toContainText('0 new roles, 1 updated, 0 unchanged');
  await page.goto('/roles/geographers');
  const overview = page.getByRole('region', { name: 'Overview', exact: true });
  await expect(overview).toContainText(money(salary));
  const { rows: after } = await exportRows(page);
  expect({ ...rowOf(after, 'geographers'), average_salary: geographers.average_salary }).toEqual(geographers);
});

test('a file with bad rows lists every problem by line and cannot be applied', async ({ page }) => {
  await signIn(page, testUsers.editor);
  const { header, rows } = await exportRows(page);
  const before = rowOf(rows, 'economists');
  const badNumber = { ...before, average_salary: '12O,000' };
  const formula = { ...rowOf(rows, 'sociologists'), summary: '=HYPERLINK("http://evil.example","click")' };
  const unknownCategory = { ...rowOf(rows, 'political-scientists'), category_slug: 'space-pirates' };
  const duplicate = { ...rowOf(rows, 'sociologists') };
  await upload(page, csvFile(header, [badNumber, formula, unknownCategory, duplicate], 'bad.csv'));

  await expect(summaryCount(page, 'Invalid')).toHaveText('4');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing can be applied' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
  await page.getByRole('link', { name: /^Invalid/ }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toContainText('average_salary');
  await expect(table.getByRole('row').nth(2)).toContainText('spreadsheet formula');
  await expect(table.getByRole('row').nth(3)).toContainText('There is no category "space-pirates"');
  await expect(table.getByRole('row').nth(4)).toContainText('sociologists');
  for (const [index, line] of ['2', '3', '4', '5'].entries()) await expect(table.getByRole('row').nth(index + 1).getByRole('cell').first()).toHaveText(line);

  await page.goto('/roles/economists');
  await expect(page.getByRole('region', { name: 'Overview', exact: true })).toContainText(money(Number(before.average_salary)));
});

test('binary junk and a wrong header are refused as files, with why', async ({ page }) => {
  await signIn(page, testUsers.editor);
  await upload(page, { name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]) });
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing can be applied' });
  await expect(refusal).toContainText('not a CSV text file');
  await upload(page, { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('name,salary\r\nAstronaut,1\r\n') });
  await expect(refusal).toContainText('slug');
  await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
});
