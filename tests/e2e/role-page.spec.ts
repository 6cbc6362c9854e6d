import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { backendSoftwareEngineer as seed } from '@/db/seed/backend-software-engineer';
import { toParagraphs } from '@/lib/salary-template';
import { searchRoles } from './support/role-search';

const url = '/roles/backend-software-engineer';
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test.describe('the Backend Software Engineer page', () => {
  test('shows every fact of the original page in its section', async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('Backend Software Engineer Average Salaries and Statistics | Roleboard');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backend Software Engineer Average Salaries and Statistics');

    const overview = section(page, 'Overview');
    await expect(overview.getByRole('term')).toHaveText(['Average salary', 'Job openings', 'Degree requirement']);
    await expect(overview.getByRole('definition')).toHaveText(['$110,000 a year', '1 job opening', /^100% Every job posting for this role asks for a degree/]);
    await expect(overview).toContainText('Figures as of November 2026');

    const salary = section(page, 'Average Salary');
    await expect(salary).toContainText('The average salary for this role is $110,000 per year.');
    await expect(salary).toContainText('Backend Software Engineers enjoy competitive salaries in the software and technology industry.');
    await expect(salary).toContainText('This figure is based on extensive research on job postings and publicly available data.');

    const responsibilities = section(page, 'Responsibilities');
    for (const paragraph of [...toParagraphs(seed.responsibilitiesIntro), ...toParagraphs(seed.responsibilitiesOutro ?? null)]) {
      await expect(responsibilities.getByText(paragraph, { exact: true })).toBeVisible();
    }
    await expect(responsibilities.getByRole('listitem')).toHaveText(seed.responsibilities);

    const howTo = section(page, 'How to Become a Backend Software Engineer?');
    for (const paragraph of [...toParagraphs(seed.howToBecomeIntro), ...toParagraphs(seed.howToBecomeOutro ?? null)]) {
      await expect(howTo.getByText(paragraph, { exact: true })).toBeVisible();
    }
    const steps = howTo.getByRole('listitem');
    await expect(steps).toHaveCount(5);
    for (const [index, step] of seed.howToBecomeSteps.entries()) {
      await expect(steps.nth(index).getByRole('heading', { level: 3 })).toHaveText(step.heading);
      await expect(steps.nth(index)).toContainText(step.body);
    }
  });

  test('carries one Occupation JSON-LD block that matches the page', async ({ page }) => {
    await page.goto(url);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]!);
    expect(data['@type']).toBe('Occupation');
    expect(data.name).toBe('Backend Software Engineer');
    expect(data.responsibilities).toEqual(seed.responsibilities);
    expect(data.educationRequirements).toContain('100%');
    const average = data.estimatedSalary.find((entry: { name: string }) => entry.name === 'Average salary');
    expect(average).toMatchObject({ '@type': 'MonetaryAmount', currency: 'USD', value: 110000 });
    // The page shows no percentiles for this role, so there is no (empty) distribution either.
    expect(data.estimatedSalary).toHaveLength(1);
    expect(data.mainEntityOfPage['@id']).toMatch(/\/roles\/backend-software-engineer$/);
    expect(data.mainEntityOfPage.lastReviewed).toBe('2026-11-01');
  });

  test('has canonical, description and OpenGraph metadata', async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/roles\/backend-software-engineer$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\$110,000/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Backend Software Engineer Average Salaries and Statistics');
  });

  test('shows percentiles and similar roles where known', async ({ page }) => {
    await page.goto(url);
    const similar = section(page, 'Similar roles');
    await expect(similar.getByRole('link').first()).toBeVisible();
    await similar.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/roles\//);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Average Salaries and Statistics');
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });

  test('an unknown role is a real 404 with a way back', async ({ page }) => {
    const response = await page.goto('/roles/no-such-role');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Browse all roles' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Job role salaries and statistics');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the role page and the listing search are fully usable', async ({ page }) => {
    await page.goto(url);
    await expect(section(page, 'Overview').getByRole('definition')).toHaveText(['$110,000 a year', '1 job opening', /^100%/]);
    await expect(section(page, 'Responsibilities').getByRole('listitem')).toHaveCount(5);

    await page.goto('/');
    await searchRoles(page, 'backend');
    await expect(page).toHaveURL(/[?&]q=backend/);
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Backend Software Engineer']);
  });
});
