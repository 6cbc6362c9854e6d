import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seedRoles } from '@/db/seed/seed';

const results = (page: import('@playwright/test').Page) => page.getByRole('region', { name: /roles?|No roles found/ });
const roleTitles = (page: import('@playwright/test').Page) => results(page).getByRole('heading', { level: 3 });
const parseMoney = (text: string) => Number(text.replace(/[^0-9]/g, ''));

test.describe('the role listing', () => {
  test('searches by title through the form, and the URL keeps the search', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Search roles').fill('nurse');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\?q=nurse/);
    await expect(roleTitles(page)).toContainText(['Registered Nurse']);
    await page.goBack();
    await expect(page).not.toHaveURL(/q=nurse/);
  });

  test('filters by category, minimum salary and maximum degree requirement', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Category').selectOption({ label: 'Healthcare' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/category=healthcare-practitioners-and-technical/);
    const healthcare = seedRoles.filter((role) => role.categorySlug === 'healthcare-practitioners-and-technical').map((role) => role.title).sort();
    await expect(roleTitles(page)).toHaveText(healthcare);

    await page.goto('/');
    await page.getByLabel('Minimum average salary (USD)').fill('120000');
    await page.getByLabel('Maximum degree requirement (%)').fill('90');
    await page.getByRole('button', { name: 'Search' }).click();
    const expected = seedRoles.filter((role) => role.stats.averageSalary! >= 120000 && role.stats.degreeRequirementPercent! <= 90);
    await expect(roleTitles(page)).toHaveCount(expected.length);
    await expect(page.getByLabel('Minimum average salary (USD)')).toHaveValue('120000');
  });

  test('sorts by salary, highest first', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Sort by').selectOption({ label: 'Average salary' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/sort=salary/);
    const salaries = (await results(page).getByRole('definition').filter({ hasText: '$' }).allTextContents()).map(parseMoney);
    expect(salaries.length).toBeGreaterThan(1);
    expect(salaries).toEqual([...salaries].sort((a, b) => b - a));
    expect(salaries[0]).toBe(Math.max(...seedRoles.map((role) => role.stats.averageSalary!)));
  });

  test('pages forwards and back', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: `${seedRoles.length} roles · showing 1–20` })).toBeVisible();
    const firstPage = await roleTitles(page).allTextContents();
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.getByRole('heading', { name: `${seedRoles.length} roles · showing 21–${seedRoles.length}` })).toBeVisible();
    const secondPage = await roleTitles(page).allTextContents();
    expect(secondPage.some((title) => firstPage.includes(title))).toBe(false);
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(roleTitles(page)).toHaveText(firstPage);
  });

  test('says when nothing matches and offers to clear the filters', async ({ page }) => {
    await page.goto('/?q=zzzzqqqq');
    await expect(page.getByRole('heading', { name: 'No roles found' })).toBeVisible();
    await page.getByRole('link', { name: 'Clear all filters' }).click();
    await expect(roleTitles(page)).toHaveCount(20);
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });

  test('fits a 360 px wide phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/roles/backend-software-engineer']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('bad input never breaks a page', () => {
  const badQueries = [
    'page=abc',
    'page=-1',
    'sort=unknown',
    'order=sideways',
    'minSalary=lots',
    'maxDegree=500',
    'category=nope',
    'after=%%%',
    `q=${'x'.repeat(10_000)}`,
    'q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    'q=%25',
    'q=_',
    "q=%27%3B%20drop%20table%20roles%3B%20--",
    'q=a&q=b&sort=salary&sort=title',
    'q=nu%00rse',
  ];
  for (const query of badQueries) {
    test(`/?${query.slice(0, 40)}`, async ({ page }) => {
      page.on('dialog', () => {
        throw new Error('a script from the URL ran');
      });
      const response = await page.goto(`/?${query}`);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Job role salaries and statistics');
      await expect(page.locator('body')).not.toContainText(/at .*\.(js|ts):\d+|TypeError|stack/);
    });
  }

  test('an invalid setting is named, and the rest of the search still applies', async ({ page }) => {
    await page.goto('/?q=nurse&page=abc&sort=unknown');
    await expect(page.getByRole('status')).toContainText('were not valid and were ignored: sort, page number');
    await expect(roleTitles(page)).toContainText(['Registered Nurse']);
  });

  test('script in the search box is shown as text', async ({ page }) => {
    await page.goto('/?q=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E');
    await expect(page.getByLabel('Search roles')).toHaveValue('<script>window.pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  test('a malformed role slug is a 404', async ({ page }) => {
    for (const slug of ['UPPER', 'has%20space', '..%2F..%2Fetc', 'x'.repeat(300)]) {
      const response = await page.goto(`/roles/${slug}`);
      expect(response?.status(), slug).toBe(404);
    }
  });
});

test.describe('feeds for search engines', () => {
  test('sitemap.xml lists every published role and robots.txt points to it', async ({ request }) => {
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()['content-type']).toContain('xml');
    const body = await sitemap.text();
    for (const role of seedRoles) expect(body).toContain(`/roles/${role.slug}</loc>`);
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  });
});
