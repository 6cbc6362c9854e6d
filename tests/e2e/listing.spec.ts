import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seedRoles } from '@/db/seed/seed';
import { figure, usOccupations } from './support/us-catalogue';

const results = (page: import('@playwright/test').Page) => page.getByRole('region', { name: /roles?|No roles found/ });
const roleTitles = (page: import('@playwright/test').Page) => results(page).getByRole('heading', { level: 3 });
const parseMoney = (text: string) => Number(text.replace(/[^0-9]/g, ''));

test.describe('the role listing', () => {
  test('searches by title through the form, and the URL keeps the search', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Search roles').fill('nurse');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\?q=nurse/);
    await expect(roleTitles(page)).toContainText(['Registered Nurses']);
    await page.goBack();
    await expect(page).not.toHaveURL(/q=nurse/);
  });

  test('filters by category, minimum salary and maximum degree requirement', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Category').selectOption({ label: 'Healthcare Practitioners & Technical' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/category=healthcare-practitioners-and-technical/);
    const healthcare = usOccupations.filter((role) => role.category_slug === 'healthcare-practitioners-and-technical').map((role) => role.title).sort();
    await expect(page.getByRole('heading', { name: `${healthcare.length} roles · showing 1–20` })).toBeVisible();
    await expect(roleTitles(page)).toHaveText(healthcare.slice(0, 20));

    await page.goto('/');
    await page.getByLabel('Minimum average salary (USD)').fill('120000');
    await page.getByRole('button', { name: 'Search' }).click();
    // Editing tests keep the salaries they set below $120,000, as those roles' were.
    const wellPaid = usOccupations.filter((role) => (figure(role.average_salary) ?? 0) >= 120000);
    await expect(page.getByRole('heading', { name: `${wellPaid.length} roles · showing 1–20` })).toBeVisible();
    const salaries = (await results(page).getByRole('definition').filter({ hasText: '$' }).allTextContents()).map(parseMoney);
    expect(salaries.every((salary) => salary >= 120000)).toBe(true);
    await expect(page.getByLabel('Minimum average salary (USD)')).toHaveValue('120000');

    // Only the seed role's degree requirement is known (100%); an unknown one is never taken for a low one.
    await page.goto('/');
    await page.getByLabel('Maximum degree requirement (%)').fill('100');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(roleTitles(page)).toHaveText(['Backend Software Engineer']);
    await page.getByLabel('Maximum degree requirement (%)').fill('99');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: 'No roles found' })).toBeVisible();
  });

  test('sorts by salary, highest first', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Sort by').selectOption({ label: 'Average salary' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/sort=salary/);
    const salaries = (await results(page).getByRole('definition').filter({ hasText: '$' }).allTextContents()).map(parseMoney);
    expect(salaries.length).toBeGreaterThan(1);
    expect(salaries).toEqual([...salaries].sort((a, b) => b - a));
    expect(salaries[0]).toBe(Math.max(...usOccupations.map((role) => figure(role.average_salary) ?? 0)));
  });

  test('pages forwards and back', async ({ page }) => {
    const total = (seedRoles.length + usOccupations.length).toLocaleString('en-US');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: `${total} roles · showing 1–20` })).toBeVisible();
    const firstPage = await roleTitles(page).allTextContents();
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.getByRole('heading', { name: `${total} roles · showing 21–40` })).toBeVisible();
    const secondPage = await roleTitles(page).allTextContents();
    expect(secondPage.some((title) => firstPage.includes(title))).toBe(false);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page.getByRole('heading', { name: `${total} roles · showing 1–20` })).toBeVisible();
    await expect(roleTitles(page)).toHaveText(firstPage);

    // A category of two pages (24 roles): the last page has no next page.
    const protective = usOccupations.filter((role) => role.category_slug === 'protective-service').length;
    await page.goto('/?category=protective-service');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.getByRole('heading', { name: `${protective} roles · showing 21–${protective}` })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
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
    await expect(roleTitles(page)).toContainText(['Registered Nurses']);
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
    for (const role of [...seedRoles, ...usOccupations]) expect(body).toContain(`/roles/${role.slug}</loc>`);
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  });
});
