// Occupations BLS pays by the hour, one name per pay range, and a phone's first screen: what a
// visitor sees on Actors' pages (hourly wages, never "Not published" or an invented annual
// figure), that the role page and the widget call the same numbers by the same name, and that at
// 375 × 667 the headline pay is on the first screen and the state comparison table fits.
import { expect, test, type Page } from '@playwright/test';

const hourlyOnly = ['actors', 'dancers', 'musicians-and-singers', 'disc-jockeys-except-radio', 'entertainers-and-performers-sports-and-related-workers-all-other'];
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
/** What only a figure printed without its value could produce: NaN, undefined, a "$" with no amount. */
const brokenFigure = /NaN|undefined|\$(?!\d)/;

test.describe('an occupation paid by the hour', () => {
  test('Actors show BLS’s hourly wages on the page, never as an annual figure', async ({ page }) => {
    await page.goto('/roles/actors');
    const overview = section(page, 'Overview');
    await expect(overview.getByRole('term').first()).toHaveText('Average hourly wage');
    await expect(overview.getByRole('definition').first()).toHaveText(/^\$44\.40\s*an hour/);
    await expect(overview).toContainText('$23.33');
    await expect(overview).not.toContainText('Not published');
    const wages = section(page, 'Hourly Wages');
    await expect(wages).toContainText('the average (mean) hourly wage was $44.40 as of May 2024; the median hourly wage (half earned more, half less) was $23.33.');
    await expect(wages.getByRole('table', { name: 'Hourly wage range' }).getByRole('cell')).toHaveText(['$14.00', '$16.94', '$23.33', '$41.09', '$97.19', '$44.40']);
    await expect(page.getByRole('img', { name: 'Hourly wage spread: 10th to 90th percentile, median and mean' })).toBeVisible();

    const payByState = section(page, 'Pay by state');
    const legend = payByState.getByRole('list', { name: 'Map legend: mean hourly wage' });
    await expect(payByState.getByText('Mean hourly wage', { exact: true })).toBeVisible();
    await expect(legend.getByRole('listitem').first()).toHaveText(/^Under \$\d+\.00$/);
    await expect(legend).not.toContainText(brokenFigure);
    await expect(payByState.getByRole('group', { name: 'Actors: average hourly wage by state' }).getByRole('link', { name: /^Alabama: \$16\.06 an hour average$/ })).toBeVisible();

    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data.estimatedSalary).toEqual([
      { '@type': 'MonetaryAmountDistribution', name: 'Hourly wage distribution', currency: 'USD', duration: 'PT1H', percentile10: 14, percentile25: 16.94, median: 23.33, percentile75: 41.09, percentile90: 97.19 },
      { '@type': 'MonetaryAmount', name: 'Average hourly wage', currency: 'USD', value: { '@type': 'QuantitativeValue', value: 44.4, unitText: 'HOUR' } },
    ]);
  });

  test('Actors in Alabama: the state’s hourly mean against the nation’s', async ({ page }) => {
    await page.goto('/roles/actors/states/alabama');
    const overview = section(page, 'Overview');
    await expect(overview.getByRole('term').first()).toHaveText('Average hourly wage in Alabama');
    await expect(overview.getByRole('definition').first()).toHaveText(/^\$16\.06\s*an hour: -64% vs the U\.S\. mean \(\$44\.40\)$/);
    const against = section(page, 'Alabama against the U.S.');
    await expect(against.getByRole('row', { name: /^Average hourly wage / }).getByRole('cell')).toHaveText(['$16.06', '$44.40', '-64%']);
  });

  test('the API and the badge carry the hourly figures', async ({ request }) => {
    const { stats } = await (await request.get('/api/v1/roles/actors')).json();
    expect(stats.averageSalary).toBeNull();
    expect(stats.hourlyWages).toEqual({ mean: 44.4, percentiles: { p10: 14, p25: 16.94, median: 23.33, p75: 41.09, p90: 97.19, topCoded: [] } });
    const { items } = await (await request.get('/api/v1/areas/alabama/roles?q=actors&limit=5')).json();
    expect(items.find((item: { slug: string }) => item.slug === 'actors').inState.hourlyMean).toBe(16.06);
    const badge = await (await request.get('/api/v1/roles/actors/badge.svg')).text();
    expect(badge).toContain('avg hourly wage: $44.40');
  });

  test('no hourly-only page, state page, listing or widget prints NaN, undefined or an empty $', async ({ page, request }) => {
    // Eleven pages and five widgets, each rendered on first request.
    test.setTimeout(240_000);
    for (const slug of hourlyOnly) {
      for (const path of [`/roles/${slug}`, `/roles/${slug}/states/california`]) {
        await page.goto(path);
        const text = await page.locator('main').innerText();
        expect(text, path).not.toMatch(brokenFigure);
      }
      const widget = (await (await request.get(`/embed/${slug}`)).text()).replace(/<style>[\s\S]*<\/style>/, '');
      expect(widget, slug).not.toMatch(brokenFigure);
      expect(widget, slug).not.toContain('Not published');
    }
    await page.goto('/states/new-york?q=actors');
    expect(await page.locator('main').innerText()).not.toMatch(brokenFigure);
  });
});

test('the middle half (25th–75th percentile) has one name and the same numbers on the role page and the widget', async ({ page, request }) => {
  await page.goto('/roles/software-developers');
  const overview = section(page, 'Overview');
  await expect(overview.getByRole('term')).not.toContainText(['Typical range']);
  await expect(overview.getByRole('term').filter({ hasText: 'Middle half (25th–75th percentile)' })).toHaveCount(1);
  await expect(overview).toContainText('Middle half (25th–75th percentile)$103,050 – $169,000');
  const widget = await (await request.get('/embed/software-developers')).text();
  expect(widget).toContain('<dt>Middle half</dt><dd>$103,050 – $169,000</dd>');
  expect(widget).not.toContain('Typical range');
});

test.describe('on a phone (375 × 667)', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  for (const path of ['/roles/software-developers', '/roles/software-developers/states/texas']) {
    test(`the headline pay is on the first screen of ${path}`, async ({ page }) => {
      await page.goto(path);
      const figure = section(page, 'Overview').getByRole('definition').first();
      await expect(figure).toContainText('$');
      const box = (await figure.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(667);
    });
  }

  test('the Texas comparison table fits without scrolling sideways', async ({ page }) => {
    await page.goto('/roles/software-developers/states/texas');
    const table = section(page, 'Texas against the U.S.').getByRole('table');
    const difference = table.getByRole('columnheader', { name: 'Difference' });
    const box = (await difference.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const lastCell = table.getByRole('row', { name: /^Average salary / }).getByRole('cell').last();
    const cellBox = (await lastCell.boundingBox())!;
    expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(375);
    const scroller = section(page, 'Texas against the U.S.').getByRole('group');
    expect(await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  });
});
