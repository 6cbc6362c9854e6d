// Job postings as a job seeker meets them: the search at /jobs (open postings only, filters, sort,
// bad parameters ignored), a posting's page with JobPosting JSON-LD while open and none once
// closed, publishers' text shown as text, and a role page's Openings with their sources.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { insertPostingFixtures, readPostingFigures, showPostingFixtures, type PostingFixtures } from '../support/posting-fixtures';

// One worker inserts the postings once and reads them in order.
test.describe.configure({ mode: 'serial' });

const label = `w${process.pid}t${Date.now().toString(36)}`;
let fixtures: PostingFixtures;

test.beforeAll(async ({ baseURL }) => {
  fixtures = await insertPostingFixtures(process.env.DATABASE_URL!, label);
  await showPostingFixtures(baseURL!, ['software-developers', 'management-analysts']);
});

const resultTitles = (page: Page) => page.getByRole('region', { name: /postings? found|open postings?/ }).getByRole('heading', { level: 3 });
const searchFor = (page: Page, query: Record<string, string>) => page.goto(`/jobs?${new URLSearchParams({ q: label, ...query })}`);
const jobPostingLd = async (page: Page) => {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text)).find((data) => data['@type'] === 'JobPosting');
};

test('the search lists open postings only, with pay as published', async ({ page }) => {
  await searchFor(page, {});
  await expect(page.getByRole('heading', { level: 2, name: '4 open postings' })).toBeVisible();
  await expect(resultTitles(page)).toHaveText(
    [fixtures.titles.openRemoteDeveloper, fixtures.titles.unplaced, fixtures.titles.openAnalyst, fixtures.titles.openDeveloperHourly],
  );
  await expect(page.getByText('$25.00–$31.50 an hour')).toBeVisible();
  await expect(page.getByText('$69,923–$185,234 a year')).toBeVisible();
  await expect(page.getByText('USAJOBS (U.S. Office of Personnel Management)')).toBeVisible();
  await expect(page.getByText('These are mostly government postings')).toBeVisible();
});

test('filters narrow the results and the sort by pay orders them', async ({ page }) => {
  await searchFor(page, { state: 'NY' });
  await expect(resultTitles(page)).toHaveText([fixtures.titles.unplaced, fixtures.titles.openDeveloperHourly]);
  await searchFor(page, { maxEducation: 'bachelor' });
  await expect(resultTitles(page)).toHaveText([fixtures.titles.openRemoteDeveloper, fixtures.titles.openDeveloperHourly]);
  await searchFor(page, { remote: 'true' });
  await expect(resultTitles(page)).toHaveText([fixtures.titles.openRemoteDeveloper]);
  await expect(page.getByText('Remote', { exact: false }).first()).toBeVisible();
  await searchFor(page, { minPay: '150000' });
  await expect(resultTitles(page)).toHaveText([fixtures.titles.openRemoteDeveloper, fixtures.titles.openAnalyst]);
  await searchFor(page, { sort: 'pay' });
  await expect(resultTitles(page)).toHaveText([fixtures.titles.openRemoteDeveloper, fixtures.titles.openAnalyst, fixtures.titles.openDeveloperHourly, fixtures.titles.unplaced]);
});

test('bad parameters are ignored and named; an empty result says what to do', async ({ page }) => {
  await searchFor(page, { state: 'XX', minPay: 'lots', after: 'not-a-cursor' });
  await expect(page.getByRole('status')).toHaveText("Some of the link's settings were not valid and were ignored: state, minimum pay, page.");
  await expect(resultTitles(page)).toHaveCount(4);
  await searchFor(page, { city: 'Nowhere' });
  await expect(page.getByRole('heading', { level: 2, name: 'No open postings found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clear the filters' })).toBeVisible();
});

test('the search works without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/jobs');
  await page.getByLabel('Search postings').fill(label);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${label}`));
  await expect(resultTitles(page)).toHaveCount(4);
  await context.close();
});

test('an open posting shows in full with valid JobPosting JSON-LD', async ({ page }) => {
  await page.goto(`/jobs/${fixtures.ids.openAnalyst}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fixtures.titles.openAnalyst);
  await expect(page.getByText(`<script>alert("${label}")</script> is not code here.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Reviews programs' })).toBeVisible();
  await expect(page.getByText("Placed by title (confidence 92%): known title 'Management and Program Analyst'.")).toBeVisible();
  const apply = page.getByRole('link', { name: 'Apply on www.usajobs.gov' });
  await expect(apply).toHaveAttribute('rel', 'nofollow ugc noopener');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);

  const ld = await jobPostingLd(page);
  expect(ld).toMatchObject({
    '@context': 'https://schema.org',
    title: fixtures.titles.openAnalyst,
    datePosted: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    validThrough: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    hiringOrganization: { '@type': 'Organization', name: 'Department of Veterans Affairs' },
    jobLocation: [{ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Denver', addressRegion: 'CO', addressCountry: 'US' } }],
    baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 69923, maxValue: 185234, unitText: 'YEAR' } },
    employmentType: 'FULL_TIME',
    identifier: { '@type': 'PropertyValue', name: 'USAJOBS', value: `${label}-801234` },
    directApply: false,
  });
  expect(ld.description).toContain('Conducts studies');
  expect(await page.content()).not.toContain(`<script>alert("${label}")`);
});

test('an hourly and a remote posting state their pay period and place', async ({ page }) => {
  await page.goto(`/jobs/${fixtures.ids.openDeveloperHourly}`);
  await expect(page.getByText('$52,000–$65,520 a year (an hourly rate × 2,080 hours)')).toBeVisible();
  await expect(page.getByRole('img', { name: /This posting beside what the occupation pays/ })).toBeVisible();
  expect((await jobPostingLd(page)).baseSalary.value.unitText).toBe('HOUR');

  await page.goto(`/jobs/${fixtures.ids.openRemoteDeveloper}`);
  const ld = await jobPostingLd(page);
  expect(ld).toMatchObject({ jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'US' } });
  expect(ld.jobLocation).toBeUndefined();

  await page.goto(`/jobs/${fixtures.ids.unplaced}`);
  await expect(page.getByText('Not yet placed in an occupation.')).toBeVisible();
});

test('a closed posting says so, asks not to be indexed and has no JobPosting JSON-LD', async ({ page }) => {
  await page.goto(`/jobs/${fixtures.ids.closedDeveloper}`);
  await expect(page.getByText(/^This posting closed on /)).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect(await jobPostingLd(page)).toBeUndefined();
  await expect(page.getByRole('link', { name: /^Apply/ })).toHaveCount(0);
});

test('a posting closed more than 90 days ago is gone: 410, and a page that says why', async ({ page }) => {
  const response = await page.goto(`/jobs/${fixtures.ids.removedAnalyst}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { name: 'This posting has been removed' })).toBeVisible();
  await expect(page.getByText(fixtures.titles.removedAnalyst)).toHaveCount(0);
  // The page it is shown with has no address of its own.
  expect((await page.goto('/jobs/removed'))?.status()).toBe(404);
});

test('unknown and malformed posting ids are not found', async ({ page }) => {
  for (const id of ['999999999', 'abc', '0', '12e3']) {
    const response = await page.goto(`/jobs/${id}`);
    expect(response?.status(), id).toBe(404);
  }
});

test('the role page shows its Openings as computed, with their sources', async ({ page, baseURL }) => {
  // Other tests and the real postings place postings in this role too: the page must show what
  // role_posting_figures holds (tests/integration/posting-figures.test.ts checks how it is computed).
  await showPostingFixtures(baseURL!, ['software-developers']);
  const figures = await readPostingFigures(process.env.DATABASE_URL!, 'software-developers');
  await page.goto('/roles/software-developers');
  const openings = page.getByRole('region', { name: 'Openings', exact: true });
  await expect(openings.getByText(`${figures.openCount.toLocaleString('en-US')} open posting${figures.openCount === 1 ? '' : 's'}`, { exact: true })).toBeVisible();
  await expect(openings.getByText('Ask for a bachelor’s degree or more')).toBeVisible();
  const share = `${Math.round((100 * figures.degreeAskedCount) / figures.educationStatedCount)}%`;
  await expect(openings.getByText(share, { exact: true })).toBeVisible();
  await expect(openings.getByText(`${figures.degreeAskedCount.toLocaleString('en-US')} of ${figures.educationStatedCount.toLocaleString('en-US')} postings that say what education they ask`, { exact: false })).toBeVisible();
  // The latest postings are links to them.
  await expect(openings.getByRole('listitem').first().getByRole('link')).toHaveAttribute('href', /^\/jobs\/\d+$/);
  await expect(openings.getByText(/NYC Open Data, Jobs NYC Postings/)).toBeVisible();
  await expect(openings.getByText(/government postings/)).toBeVisible();
  await openings.getByRole('link', { name: 'See the Software Developers postings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Software Developers job postings');
});

test('job pages pass axe and are screenshotted for review', async ({ page }) => {
  const shots = [
    { name: 'jobs', path: `/jobs?q=${label}` },
    { name: 'job-posting', path: `/jobs/${fixtures.ids.openDeveloperHourly}` },
    { name: 'role-openings', path: '/roles/software-developers', region: 'Openings' },
  ];
  for (const shot of shots) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(shot.path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations, `${shot.path} at ${width}px`).toEqual([]);
      const target = shot.region ? page.getByRole('region', { name: shot.region, exact: true }) : page;
      await target.screenshot({ path: `docs/${shot.name}-${width}.png`, ...(shot.region ? {} : { fullPage: true }) });
    }
  }
});
