// "Pay by state" on a role page as a visitor meets it: the map names every state with its value,
// the five highest-paying states and the table say what BLS's state file says (read here on its
// own), states without an estimate are hatched and said to be, and the section passes axe.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;
const stateFile: Row[] = parse(gunzipSync(readFileSync('db/data/us-occupations/oews_state_M2024.csv.gz')), { columns: true });
const money = (cell: string) => `$${Number(cell).toLocaleString('en-US')}`;
const payBy = (page: Page) => page.getByRole('region', { name: 'Pay by state' });

test.describe('pay by state', () => {
  test('Software Developers: every state on the map with its mean, California first', async ({ page }) => {
    await page.goto('/roles/software-developers');
    const section = payBy(page);
    const map = section.getByRole('group', { name: 'Software Developers: average salary by state' });
    const rows = stateFile.filter((row) => row.OCC_CODE === '15-1252');
    expect(rows).toHaveLength(51);
    // Each state is a link to the role's page for it, named with its mean.
    await expect(map.getByRole('link')).toHaveCount(51);
    for (const row of rows) await expect(map.getByRole('link', { name: `${row.AREA_TITLE}: ${money(row.A_MEAN!)} average`, exact: true })).toHaveCount(1);
    await expect(map.getByRole('link', { name: /^California: / })).toHaveAttribute('href', '/roles/software-developers/states/california');

    const highest = [...rows].sort((a, b) => Number(b.A_MEAN) - Number(a.A_MEAN)).slice(0, 5);
    await expect(section.getByRole('list', { name: 'Highest-paying states' }).getByRole('listitem')).toHaveText(
      highest.map((row) => `${row.AREA_TITLE} ${money(row.A_MEAN!)} · ${Number(row.TOT_EMP).toLocaleString('en-US')} employed`),
    );
    await expect(section.getByRole('list', { name: 'Highest-paying states' }).getByRole('listitem').first()).toHaveText('California $185,750 · 292,630 employed');
    // Five shades, no hatch: every state has an estimate.
    await expect(section.getByRole('list', { name: 'Map legend' }).getByRole('listitem')).toHaveCount(5);
  });

  test('the table gives each state its figures, markers as words', async ({ page }) => {
    await page.goto('/roles/software-developers');
    const section = payBy(page);
    await section.getByText('Every state’s figures').click();
    const table = section.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(52);
    await expect(table.getByRole('row', { name: /^Texas / })).toHaveText(/Texas\s*\$133,280\s*\$130,500\s*151,460\s*10\.9/);
    // BLS publishes no employment for Software Developers in Vermont (**).
    const vermont = stateFile.find((row) => row.OCC_CODE === '15-1252' && row.PRIM_STATE === 'VT')!;
    expect(vermont.TOT_EMP).toBe('**');
    await expect(table.getByRole('row', { name: /^Vermont / }).getByRole('cell')).toHaveText([money(vermont.A_MEAN!), money(vermont.A_MEDIAN!), 'Not published', 'Not published']);
  });

  test('Cardiologists: states without an estimate are hatched and named so; a top-coded median reads "or more"', async ({ page }) => {
    await page.goto('/roles/cardiologists');
    const section = payBy(page);
    const rows = stateFile.filter((row) => row.OCC_CODE === '29-1212');
    const withMean = rows.filter((row) => row.A_MEAN !== '*');
    const map = section.getByRole('group', { name: /average salary by state/ });
    await expect(map.getByRole('link', { name: /: \$[\d,]+ average$/ })).toHaveCount(withMean.length);
    // A state in the file without a mean is still a link (its page has the rest); one not in the file is a plain shape.
    await expect(map.getByRole('link', { name: /no wage estimate$/ }).or(map.getByRole('img', { name: 'No estimate' }))).toHaveCount(51 - withMean.length);
    await expect(section.getByText(`Hatched: no estimate (${51 - withMean.length} states).`)).toBeVisible();
    await expect(section.getByRole('list', { name: 'Map legend' }).getByRole('listitem').last()).toHaveText('No estimate');

    const topCoded = rows.find((row) => row.A_MEDIAN === '#' && row.A_MEAN !== '*');
    if (topCoded) {
      await section.getByText('Every state’s figures').click();
      await expect(section.getByRole('row', { name: new RegExp(`^${topCoded.AREA_TITLE} `) }).getByRole('cell').nth(1)).toHaveText('$239,200 or more');
    }
  });

  test('a role that is not a U.S. occupation has no such section', async ({ page }) => {
    await page.goto('/roles/backend-software-engineer');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(payBy(page)).toHaveCount(0);
  });

  test('has no accessibility violations, table open', async ({ page }) => {
    await page.goto('/roles/software-developers');
    await payBy(page).getByText('Every state’s figures').click();
    const results = await new AxeBuilder({ page }).include('section[aria-labelledby="pay-by-state"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });
});
