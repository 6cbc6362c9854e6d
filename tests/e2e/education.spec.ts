// Education people can filter on: "at most this level" on the listing (with and without
// JavaScript), a state's listing and the API; the sort by it; the landing page "Best-paid jobs
// without a degree"; the comparison's typical education. Expected counts come from the source data.
import { expect, test, type Page } from '@playwright/test';
import { educationLevels } from '@/lib/education';
import { figure, usOccupations } from './support/us-catalogue';

const results = (page: Page) => page.getByRole('region', { name: /roles?|No roles found/ });
const roleTitles = (page: Page) => results(page).getByRole('heading', { level: 3 });

const labelsUpTo = (slug: string) => {
  const rank = educationLevels.find((level) => level.slug === slug)!.rank;
  return educationLevels.filter((level) => level.rank <= rank).map((level) => level.label as string);
};
const occupationsUpTo = (slug: string) => usOccupations.filter((role) => labelsUpTo(slug).includes(role.entry_education));

/** The texts of the cards' "Typical education" terms' definitions, in order. */
async function educationsShown(page: Page) {
  return results(page)
    .getByRole('term')
    .filter({ hasText: /^Typical education$/ })
    .evaluateAll((terms) => terms.map((term) => term.nextElementSibling?.textContent ?? ''));
}

test.describe('the education filter on the listing', () => {
  test.use({ javaScriptEnabled: false });

  test('"at most high school" through the form, without JavaScript: only those two levels, counted, with a chip', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Typical education (at most)').selectOption({ label: 'High school diploma or equivalent' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/maxEducation=high-school/);
    const expected = occupationsUpTo('high-school');
    expect(expected.length).toBe(434);
    await expect(page.getByRole('heading', { name: `${expected.length} roles · showing 1–20` })).toBeVisible();
    const shown = await educationsShown(page);
    expect(shown).toHaveLength(20);
    for (const education of shown) expect(['No formal educational credential', 'High school diploma or equivalent']).toContain(education);
    await expect(roleTitles(page)).toHaveText(expected.map((role) => role.title).sort().slice(0, 20));
    await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: /Typical education: at most high school diploma or equivalent/ })).toBeVisible();
    await expect(page.getByLabel('Typical education (at most)')).toHaveValue('high-school');

    // The chip takes the filter away.
    await page.getByRole('link', { name: /Typical education: at most high school/ }).click();
    await expect(page).not.toHaveURL(/maxEducation/);
  });

  test('the degree-share filter is gone from the form; an old link to it still lists only the role whose share is known', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Maximum degree requirement (%)')).toHaveCount(0);
    await page.goto('/?maxDegree=100');
    await expect(roleTitles(page)).toHaveText(['Backend Software Engineer']);
  });

  test('best-paid first within "at most postsecondary nondegree award": 492 roles, the best-paid of them first', async ({ page }) => {
    await page.goto('/?maxEducation=postsecondary-nondegree&sort=salary-desc');
    await expect(page.getByRole('heading', { name: '492 roles · showing 1–20' })).toBeVisible();
    const best = occupationsUpTo('postsecondary-nondegree')
      .filter((role) => figure(role.average_salary) !== null)
      .sort((a, b) => figure(b.average_salary)! - figure(a.average_salary)!);
    await expect(roleTitles(page).first()).toHaveText(best[0]!.title);
  });

  test('sorted by education, most first: doctoral degrees lead, and a bad level is named in a notice', async ({ page }) => {
    await page.goto('/?sort=education-desc');
    expect((await educationsShown(page)).every((education) => education === 'Doctoral or professional degree')).toBe(true);
    await page.goto('/?maxEducation=phd&category=legal');
    await expect(page.getByRole('status')).toHaveText("Some of the link's settings were not valid and were ignored: typical education.");
    await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: /Category/ })).toBeVisible();
  });

  test("a state's listing takes the level too: only its occupations at most that level", async ({ page }) => {
    await page.goto('/states/texas?maxEducation=none');
    const shown = await educationsShown(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['No formal educational credential']));
    await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: 'Remove filter: Typical education: No formal educational credential' })).toBeVisible();
  });
});

test.describe('the API', () => {
  test('maxEducation filters, sort=education sorts, and a bad level is a 400 naming it', async ({ request }) => {
    const response = await request.get('/api/v1/roles?maxEducation=some-college&limit=100');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(occupationsUpTo('some-college').length);
    for (const item of body.items) expect(labelsUpTo('some-college')).toContain(item.stats.entryEducation);

    const sorted = await (await request.get('/api/v1/roles?sort=education&order=desc&limit=3')).json();
    expect(sorted.items.map((item: { stats: { entryEducation: string } }) => item.stats.entryEducation)).toEqual(Array(3).fill('Doctoral or professional degree'));

    for (const url of ['/api/v1/roles?maxEducation=phd', '/api/v1/areas/texas/roles?maxEducation=High%20school']) {
      const bad = await request.get(url);
      expect(bad.status(), url).toBe(400);
      expect(bad.headers()['content-type']).toContain('application/problem+json');
      const problem = await bad.json();
      expect(problem.invalidParams).toEqual([{ name: 'maxEducation', reason: expect.stringContaining('high-school') }]);
    }
    const openapi = await (await request.get('/api/v1/openapi.json')).text();
    expect(openapi).toContain('maxEducation');
  });
});

test.describe('the landing page', () => {
  test('linked from the listing: the best-paid jobs without a degree, the top of each level, its sources, and a link to the filtered listing', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Best-paid jobs without a degree' }).click();
    await expect(page).toHaveURL(/\/jobs-without-a-degree$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Best-paid jobs without a degree');

    const withoutDegree = occupationsUpTo('postsecondary-nondegree').filter((role) => figure(role.average_salary) !== null);
    const bySalary = (roles: typeof withoutDegree) => [...roles].sort((a, b) => figure(b.average_salary)! - figure(a.average_salary)! || a.title.localeCompare(b.title));
    const best = page.getByRole('list', { name: 'The 10 best-paid' }).getByRole('listitem');
    await expect(best).toHaveCount(10);
    const top = bySalary(withoutDegree)[0]!;
    await expect(best.first()).toContainText(top.title);
    await expect(best.first()).toContainText(`$${figure(top.average_salary)!.toLocaleString('en-US')}`);
    await expect(best.first()).toContainText(top.entry_education);

    for (const level of educationLevels.filter((candidate) => !candidate.needsDegree)) {
      const list = page.getByRole('list', { name: level.label, exact: true });
      const expected = bySalary(withoutDegree.filter((role) => role.entry_education === level.label)).slice(0, 5);
      await expect(list.getByRole('link')).toHaveText(expected.map((role) => role.title));
    }
    await expect(page.getByRole('link', { name: 'Occupational Employment and Wage Statistics' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Employment Projections' })).toBeVisible();

    await page.getByRole('link', { name: 'All 492 in the listing, best-paid first' }).click();
    await expect(page).toHaveURL(/maxEducation=postsecondary-nondegree/);
    await expect(page.getByRole('heading', { name: '492 roles · showing 1–20' })).toBeVisible();
  });

  test('is in the sitemap', async ({ request }) => {
    const sitemap = await (await request.get('/sitemaps/0.xml')).text();
    expect(sitemap).toMatch(/<loc>[^<]*\/jobs-without-a-degree<\/loc>/);
  });
});

test.describe('the comparison', () => {
  test("shows each role's typical education, and no degree-share row where none is known", async ({ page }) => {
    await page.goto('/compare/software-developers,electricians');
    const row = (label: string) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    await expect(row('Typical education').getByRole('cell')).toHaveText(["Bachelor's degree", 'High school diploma or equivalent']);
    await expect(row('Degree requirement')).toHaveCount(0);
    await expect(page.getByText('Not known')).toHaveCount(0);
  });
});
