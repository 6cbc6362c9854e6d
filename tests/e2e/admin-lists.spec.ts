// The admin lists at catalogue scale: the roles list a page of 50 at a time, sorted by its column
// headers, and the audit log with each import as one entry (its file and count, its roles folded
// away), human labels and one number format, filtered by a role's title.
import { randomInt } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

/** Admin links navigate through Next.js's client router: on a busy machine a page can take more than 5 s. */
const navigated = expect.configure({ timeout: 20_000 });

/** The roles table (in its scrolling box, which carries the name). */
const rolesTable = (page: Page) => page.getByRole('group', { name: 'Roles' }).getByRole('table');

/** The role titles of the table's rows, in order. */
const rowTitles = (page: Page) => rolesTable(page).getByRole('rowheader').getByRole('link').allTextContents();

/** The average salary of each row (its second cell, after the category), as a number; null when not published. */
async function rowSalaries(page: Page) {
  const rows = await rolesTable(page).getByRole('row').filter({ has: page.getByRole('rowheader') }).all();
  const cells = await Promise.all(rows.map((row) => row.getByRole('cell').nth(1).textContent()));
  return cells.map((text) => (text && /^\$[\d,]+$/.test(text) ? Number(text.replace(/[$,]/g, '')) : null));
}

const header = (page: Page, name: string): Locator => page.getByRole('columnheader', { name: new RegExp(`^${name}`) });

/** In the database's order of titles: byte order (C collation) or the language's, whichever the server uses. */
function isTitleOrder(titles: string[]) {
  const collator = new Intl.Collator('en');
  const sortedBy = (compare: (a: string, b: string) => number) => titles.every((title, index) => index === 0 || compare(titles[index - 1]!, title) <= 0);
  return sortedBy((a, b) => (a < b ? -1 : a > b ? 1 : 0)) || sortedBy(collator.compare);
}

test.describe('the admin roles list', () => {
  // "workers" matches 91 occupations and no role another test makes, so the pages hold still while this test reads them.
  test('pages of 50: page 2 shows the next roles by title, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await signIn(page, testUsers.editor);
      await page.goto('/admin');
      await expect(page.getByText(/^Roles 1–50 of \d{3}, page 1 of \d+$/)).toBeVisible();
      await page.getByRole('searchbox', { name: 'Search' }).fill('workers');
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect(page.getByText(/^Roles 1–50 of (\d+), page 1 of 2$/)).toBeVisible();
      await expect(header(page, 'Role')).toHaveAttribute('aria-sort', 'ascending');
      const first = await rowTitles(page);
      expect(first).toHaveLength(50);

      const pages = page.getByRole('navigation', { name: 'Pages of roles' });
      await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
      await pages.getByRole('link', { name: 'Page 2' }).click();
      await navigated(page).toHaveURL(/\/admin\?q=workers&page=2$/);
      await expect(page.getByText(/^Roles 51–\d+ of \d+, page 2 of 2$/)).toBeVisible();
      const second = await rowTitles(page);
      expect(second.length).toBeGreaterThan(0);
      expect(second.filter((title) => first.includes(title))).toEqual([]);
      expect(isTitleOrder([...first, ...second])).toBe(true);
      await expect(pages.getByRole('link', { name: 'Next →' })).toHaveCount(0);
      await pages.getByRole('link', { name: '← Previous' }).click();
      expect(await rowTitles(page)).toEqual(first);
    } finally {
      await context.close();
    }
  });

  test('column headers sort: by average salary the top-paid first, then the lowest; bad parameters are named, not a 500', async ({ page }) => {
    await signIn(page, testUsers.secondEditor);
    await page.goto('/admin?q=workers');
    await header(page, 'Average salary').getByRole('link').click();
    await navigated(page).toHaveURL(/\/admin\?q=workers&sort=salary$/);
    await expect(header(page, 'Average salary')).toHaveAttribute('aria-sort', 'descending');
    await expect(header(page, 'Role')).not.toHaveAttribute('aria-sort', /.*/);
    const firstPage = await rowSalaries(page);
    await page.getByRole('navigation', { name: 'Pages of roles' }).getByRole('link', { name: 'Page 2' }).click();
    await navigated(page).toHaveURL(/sort=salary&page=2$/);
    const salaries = [...firstPage, ...(await rowSalaries(page))];
    const known = salaries.filter((salary) => salary !== null);
    expect(known.length).toBeGreaterThan(50);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(salaries.slice(known.length).every((salary) => salary === null)).toBe(true);

    // Clicking the sorted column again turns it round, from the first page.
    await header(page, 'Average salary').getByRole('link').click();
    await navigated(page).toHaveURL(/\/admin\?q=workers&sort=salary&order=asc$/);
    await expect(header(page, 'Average salary')).toHaveAttribute('aria-sort', 'ascending');
    expect((await rowSalaries(page))[0]).toBe(Math.min(...known));

    const response = await page.goto('/admin?sort=height&order=sideways&page=0');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('Some filters were not valid and were ignored: sort, order, page.')).toBeVisible();
    await expect(header(page, 'Role')).toHaveAttribute('aria-sort', 'ascending');
    await page.goto('/admin?q=workers&page=40');
    await expect(page.getByRole('status')).toContainText('There is no page 40: the roles fill 2 pages.');
    await page.getByRole('link', { name: 'Go to the last page' }).click();
    await navigated(page).toHaveURL(/page=2$/);
  });
});

test.describe('the audit log', () => {
  test('an import is one entry with its count, its roles folded away; each role’s entry has labels and numbers people read', async ({ page }) => {
    // An upload is read and planned on the server before its preview shows: slow on a busy machine.
    test.slow();
    await signIn(page, testUsers.editor);
    const csv = await (await page.request.get('/api/v1/roles.csv')).text();
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    // Roles no other end-to-end test edits: a hand edit holds an imported row back.
    const slugs = ['geographers', 'zoologists-and-wildlife-biologists', 'urban-and-regional-planners'];
    const chosen = slugs.map((slug) => ({ ...rows.find((row) => row.slug === slug)! }));
    const before = chosen.map((row) => Number(row.average_salary));
    const salaries = chosen.map(() => 100_000 + randomInt(50_000));
    chosen.forEach((row, index) => (row.average_salary = String(salaries[index])));
    const fileName = `audit-${randomInt(1e9)}.csv`;
    const file = { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(stringify(chosen, { header: true, columns: Object.keys(rows[0]!), record_delimiter: '\r\n' })) };

    await page.goto('/admin/import');
    await page.getByLabel('CSV file (at most 5 MB)').setInputFiles(file);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Import ${fileName}`, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Applied by' })).toBeVisible({ timeout: 60_000 });

    await page.goto('/admin/audit');
    await page.getByLabel('Changed by').selectOption({ label: testUsers.editor.name });
    await page.getByRole('button', { name: 'Filter' }).click();
    const entry = page.getByRole('article', { name: `Import of ${fileName}: 3 roles updated` });
    await expect(entry).toHaveCount(1);
    await expect(page.getByRole('article').filter({ hasText: /role\.import/ }).getByRole('heading', { name: /^role\.import/ })).toHaveCount(0);
    await entry.getByText('Its 3 roles').click();
    await expect(entry.getByRole('listitem')).toHaveText(['Geographers', 'Urban and Regional Planners', 'Zoologists and Wildlife Biologists']);

    await entry.getByRole('link', { name: 'What changed in each role' }).click();
    await expect(page.getByRole('article')).toHaveCount(3);
    const geographers = page.getByRole('article', { name: 'Imported role: Geographers' });
    await expect(geographers.getByRole('row', { name: /Average salary/ })).toHaveText(
      `Average salary${before[0]!.toLocaleString('en-US')}${salaries[0]!.toLocaleString('en-US')}`,
    );

    // The role filter takes a title as typed; a part that fits several roles offers them.
    await page.goto('/admin/audit');
    await page.getByLabel('Role', { exact: true }).fill('Geographers');
    await page.getByRole('button', { name: 'Filter' }).click();
    await navigated(page).toHaveURL(/role=Geographers/);
    await expect(page.getByRole('article').first().getByRole('heading')).toHaveText('Imported role: Geographers');
    await page.getByLabel('Role', { exact: true }).fill('planners');
    await page.getByRole('button', { name: 'Filter' }).click();
    const choices = page.getByRole('list', { name: 'Roles matching “planners”' });
    await expect(choices.getByRole('link')).toHaveText(['Meeting, Convention, and Event Planners', 'Urban and Regional Planners']);
    await choices.getByRole('link', { name: 'Urban and Regional Planners' }).click();
    await expect(page.getByRole('article').first().getByRole('heading')).toHaveText('Imported role: Urban and Regional Planners');
    await page.goto('/admin/audit?role=no%20such%20role%20at%20all');
    await expect(page.getByRole('status')).toContainText('No role with changes in the log is called “no such role at all”.');
  });
});
