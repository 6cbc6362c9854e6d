// The charts: drawn on the server as SVG images with a name and a description, their figures the
// same as the page's, readable without JavaScript, and never wider than the screen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;

async function statsOf(request: APIRequestContext, slug: string) {
  const body = await (await request.get(`/api/v1/roles/${slug}`)).json();
  return body.stats as {
    averageSalary: number | null;
    employment: number | null;
    percentiles: { p10: number; median: number; p90: number; topCoded: string[] } | null;
    outlook: { startYear: number; endYear: number; startEmployment: number; endEmployment: number } | null;
  };
}

async function expectNoHorizontalOverflow(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe('charts on a role page', () => {
  test('salary spread, trend and outlook are named images whose figures match the page', async ({ page, request }) => {
    const stats = await statsOf(request, 'software-developers');
    await page.goto('/roles/software-developers');

    const spread = page.getByRole('img', { name: 'Salary spread: 10th to 90th percentile, median and mean' });
    await expect(spread).toBeVisible();
    await expect(spread).toHaveAccessibleDescription(new RegExp(`${money(stats.percentiles!.median).replace('$', '\\$')}.*${money(stats.averageSalary!).replace('$', '\\$')}`));
    const table = page.getByRole('table', { name: 'Salary range' });
    await expect(table.getByRole('row', { name: /^Median/ }).getByRole('cell')).toHaveText(money(stats.percentiles!.median));
    await expect(table.getByRole('row', { name: /^Average \(mean\)/ }).getByRole('cell')).toHaveText(money(stats.averageSalary!));
    // The headline figure is the chart's mean.
    await expect(page.getByRole('region', { name: 'Overview' }).getByRole('definition').first()).toHaveText(
      new RegExp(`^${money(stats.averageSalary!).replace('$', '\\$')}\\s*a year, or \\$[\\d.]+ an hour$`),
    );

    const trend = page.getByRole('img', { name: 'Average salary over time' });
    await expect(trend).toBeVisible();
    await expect(trend).toHaveAccessibleDescription(new RegExp(`${money(stats.averageSalary!).replace('$', '\\$')} in May 2024`));
    await expect(page.getByRole('table', { name: 'Software Developers: figures over time' })).toContainText(money(stats.averageSalary!));

    const { outlook } = stats;
    const outlookChart = page.getByRole('img', { name: `Employment outlook, ${outlook!.startYear} to ${outlook!.endYear}` });
    await expect(outlookChart).toHaveAccessibleDescription(new RegExp(outlook!.endEmployment.toLocaleString('en-US')));
    await expect(page.getByRole('region', { name: 'Employment outlook' }).getByRole('definition').nth(1)).toHaveText(outlook!.endEmployment.toLocaleString('en-US'));
  });

  test('a top-coded wage is drawn open-ended and written as the least it can be', async ({ page, request }) => {
    const stats = await statsOf(request, 'chief-executives');
    expect(stats.percentiles!.topCoded).toContain('p90');
    await page.goto('/roles/chief-executives');
    const topCode = `${money(stats.percentiles!.p90)} or more`;
    await expect(page.getByRole('table', { name: 'Salary range' }).getByRole('row', { name: /^90th percentile/ }).getByRole('cell')).toHaveText(topCode);
    const spread = page.getByRole('img', { name: 'Salary spread: 10th to 90th percentile, median and mean' });
    await expect(spread).toHaveAccessibleDescription(new RegExp(`one in ten earns ${money(stats.percentiles!.p90).replace('$', '\\$')} or more`));
    await expect(spread).toContainText(topCode);
  });

  test('the seed role, without percentiles, shows its average against its category range', async ({ page }) => {
    await page.goto('/roles/backend-software-engineer');
    const chart = page.getByRole('img', { name: "Backend Software Engineer's average salary among the Computer & Mathematical roles" });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(/^Backend Software Engineer: \$110,000 a year on average\. The \d+ Computer & Mathematical roles .* earn from \$[\d,]+ \(.+\) to \$[\d,]+ \(.+\)/);
    const figures = page.getByRole('region', { name: 'Average Salary' }).getByRole('definition');
    await expect(figures.first()).toHaveText('$110,000');
    await expect(page.getByRole('region', { name: 'Average Salary' }).getByRole('term')).toHaveText([
      'Backend Software Engineer',
      'Lowest in Computer & Mathematical',
      /^Median of \d+ roles$/,
      'Highest in Computer & Mathematical',
    ]);
    // One release only: no trend yet.
    await expect(page.getByRole('img', { name: /over time$/ })).toHaveCount(0);
  });

  test('the charts need no JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/roles/software-developers');
    await expect(page.getByRole('img', { name: 'Salary spread: 10th to 90th percentile, median and mean' })).toBeVisible();
    // Without JavaScript there are no copy or print buttons, but the address is there to copy.
    await page.getByText('Embed or share').click();
    await expect(page.getByLabel('Link to this page')).toHaveValue(/\/roles\/software-developers$/);
    await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
    await context.close();
  });

  test('"Embed or share" copies the link and prints with JavaScript', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/roles/software-developers');
    await page.getByText('Embed or share').click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  });
});

test.describe('charts on the comparison and the listing', () => {
  test('the comparison has a bar chart per figure with the differences stated', async ({ page, request }) => {
    const [first, second] = await Promise.all([statsOf(request, 'software-developers'), statsOf(request, 'computer-programmers')]);
    await page.goto('/compare/software-developers,computer-programmers');
    const bars = page.getByRole('img', { name: 'Average salary, compared' });
    await expect(bars).toBeVisible();
    const difference = first.averageSalary! - second.averageSalary!;
    const share = Math.round((difference / first.averageSalary!) * 100);
    await expect(bars).toHaveAccessibleDescription(
      `Software Developers: ${money(first.averageSalary!)}; Computer Programmers: ${money(second.averageSalary!)} (−${money(difference)}, ${share}% less).`,
    );
    await expect(bars).toContainText(`−${money(difference)}, ${share}% less`);
    await expect(page.getByRole('img', { name: 'People employed, compared' })).toBeVisible();
  });

  test('each listing row with a salary carries a salary marker', async ({ page }) => {
    await page.goto('/?sort=salary');
    const markers = page.getByRole('region', { name: /roles/ }).getByRole('img', { name: /: salary on a scale of \$0 to \$250,000$/ });
    await expect(markers).toHaveCount(20);
    await expect(markers.first()).toHaveAccessibleDescription(/^Average \$[\d,]+/);
  });
});

test.describe('layout and accessibility', () => {
  for (const width of [320, 375, 1280]) {
    for (const path of [
      '/roles/software-developers',
      '/roles/backend-software-engineer',
      // Top-coded wages: the longest figures ("$239,200 or more") in the chart's table.
      '/roles/chief-executives',
      '/compare/software-developers,computer-and-information-research-scientists,data-scientists,backend-software-engineer',
      '/',
    ]) {
      test(`${path} is no wider than a ${width} px screen`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(path);
        await expectNoHorizontalOverflow(page, width);
      });
    }
  }

  test('role pages and comparisons with charts have no accessibility violations', async ({ page }) => {
    for (const path of ['/roles/chief-executives', '/roles/backend-software-engineer', '/compare/software-developers,pediatric-surgeons']) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations, path).toEqual([]);
    }
  });
});
