// The real U.S. catalogue as a visitor and an API client meet it: BLS's figures for Software
// Developers as BLS publishes them, search by the names people use, top-coded wages shown as the
// lower bounds they are, JSON-LD that says what the page says, O*NET's credit wherever its text
// goes, and no made-up degree requirement where none is known.
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { usOccupation } from './support/us-catalogue';

const softwareDevelopers = usOccupation('software-developers');
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const roleTitles = (page: Page) => page.getByRole('region', { name: /roles?|No roles found/ }).getByRole('heading', { level: 3 });
/** What a visitor reads as a page's JSON-LD. */
const jsonLdOf = async (page: Page) => JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
/** Text that only a missing figure printed as is could produce. */
const leakedMissingValue = /NaN|null|undefined/;

// O*NET's required credit, as db/data/us-occupations/PROVENANCE.md quotes it.
const onetCredit =
  'This site includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). ' +
  'Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.';

test.describe('the Software Developers page', () => {
  test('shows BLS May 2024 figures, the projection, entry education and the SOC code', async ({ page }) => {
    await page.goto('/roles/software-developers');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Software Developers Average Salaries and Statistics');
    await expect(page.getByText('SOC code 15-1252')).toBeVisible();

    const overview = section(page, 'Overview');
    await expect(overview.getByRole('term')).toHaveText([
      'Average salary',
      'Median salary',
      'Middle half (25th–75th percentile)',
      'Job openings',
      'Employment',
      'Typical education',
      'Employment outlook',
    ]);
    await expect(overview.getByRole('definition')).toHaveText([
      /^\$144,570\s*a year, or \$69\.50 an hour$/,
      /^\$133,080\s*a year; half earn more, half less$/,
      /^\$103,050 – \$169,000\s*a year; half of those employed earn within it$/,
      // A word joiner keeps "2024–34" on one line.
      /^About 115,200 a year\s*projected, 2024–\u2060?34$/,
      /^1,654,440\s*people employed/,
      /^Bachelor's degree\s*typically needed to enter the occupation$/,
      /^\+15\.8%\s*1,693,800 → 1,961,400/,
    ]);
    await expect(overview).toContainText('Figures as of May 2024');
    const source = overview.getByRole('link', { name: 'U.S. Bureau of Labor Statistics: Occupational Employment and Wage Statistics, May 2024; Employment Projections 2024–34' });
    await expect(source).toHaveAttribute('href', 'https://www.bls.gov/oes/2024/may/oes151252.htm');

    const salary = section(page, 'Average Salary');
    await expect(salary.getByRole('table', { name: 'Salary range' }).getByRole('cell')).toHaveText(['$79,850', '$103,050', '$133,080', '$169,000', '$211,450', '$144,570']);
    // BLS OEWS May 2023, the catalogue's first release, then May 2024.
    const history = section(page, 'Over time').getByRole('table', { name: 'Software Developers: figures over time' });
    await expect(history.getByRole('row', { name: /May 2023/ }).getByRole('cell')).toHaveText(['$138,110', '$132,270', '1,656,880']);
    await expect(history.getByRole('row', { name: /May 2024/ }).getByRole('cell')).toHaveText(['$144,570', '$133,080', '1,654,440']);
  });

  test('lists its O*NET tasks and the other names it goes by', async ({ page }) => {
    await page.goto('/roles/software-developers');
    await expect(section(page, 'Responsibilities').getByRole('listitem')).toHaveText(JSON.parse(softwareDevelopers.responsibilities));

    const otherNames: string[] = JSON.parse(softwareDevelopers.alternative_titles);
    expect(otherNames).toContain('Software Engineer');
    // A long list folds into a disclosure.
    await page.getByText(/^Also called: /).click();
    const allNames = page.getByRole('group').filter({ hasText: 'Also called:' }).getByRole('paragraph');
    await expect(allNames).toBeVisible();
    for (const name of otherNames) await expect(allNames).toContainText(name);
  });

  test('the listing card says the openings are a projection', async ({ page }) => {
    await page.goto('/?q=software%20developer');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Software Developers', exact: true }) });
    await expect(card).toContainText('About 115,200 projected a year');
    await expect(card).toContainText('$144,570');
  });
});

test.describe('search by the names people use', () => {
  test('"programmer" lists Computer Programmers first, and the API ranks the same way', async ({ page, request }) => {
    await page.goto('/?q=programmer');
    await expect(roleTitles(page).first()).toHaveText('Computer Programmers');
    const listed = await roleTitles(page).allTextContents();
    const api = await (await request.get('/api/v1/roles?q=programmer&limit=20')).json();
    expect(api.items.map((item: { title: string }) => item.title)).toEqual(listed);
  });

  test('"software developer" finds Software Developers first', async ({ page, request }) => {
    await page.goto('/?q=software%20developer');
    await expect(roleTitles(page).first()).toHaveText('Software Developers');
    const api = await (await request.get('/api/v1/roles?q=software%20developer')).json();
    expect(api.items[0].slug).toBe('software-developers');
  });

  test('"nurse" finds Registered Nurses near the top', async ({ page }) => {
    await page.goto('/?q=nurse');
    await expect(roleTitles(page).first()).toBeVisible();
    expect((await roleTitles(page).allTextContents()).slice(0, 3)).toContain('Registered Nurses');
  });
});

test.describe('a top-coded wage', () => {
  // BLS publishes Cardiologists' median, 75th and 90th percentile wages only as "at or above $239,200".
  const slug = 'cardiologists';

  test('reads "$239,200 or more" on the page and the widget, never as an exact figure', async ({ page, request }) => {
    await page.goto(`/roles/${slug}`);
    const range = section(page, 'Average Salary').getByRole('table', { name: 'Salary range' });
    await expect(range.getByRole('cell')).toHaveText(['$119,970', '$230,100', '$239,200 or more', '$239,200 or more', '$239,200 or more', '$432,490']);
    expect(await page.locator('body').innerText()).not.toMatch(/\$239,200(?! or more)/);

    const widget = await (await request.get(`/embed/${slug}`)).text();
    expect(widget).toContain('<dt>Middle half</dt><dd>$230,100 – $239,200 or more</dd>');
    expect(widget).toContain('<dt>Median</dt><dd>$239,200 or more</dd>');
    expect(widget).not.toMatch(/\$239,200(?! or more)/);
  });

  test('the API marks it top-coded, and the JSON-LD leaves the lower bounds out of the distribution', async ({ page, request }) => {
    const { stats } = await (await request.get(`/api/v1/roles/${slug}`)).json();
    expect(stats.percentiles).toEqual({ p10: 119970, p25: 230100, median: 239200, p75: 239200, p90: 239200, topCoded: ['median', 'p75', 'p90'] });

    await page.goto(`/roles/${slug}`);
    const distribution = (await jsonLdOf(page)).estimatedSalary.find((entry: { '@type': string }) => entry['@type'] === 'MonetaryAmountDistribution');
    expect(distribution).toEqual({
      '@type': 'MonetaryAmountDistribution',
      name: 'Salary distribution',
      currency: 'USD',
      duration: 'P1Y',
      percentile10: 119970,
      percentile25: 230100,
    });
  });
});

test.describe('JSON-LD', () => {
  test("on Software Developers it has the page's percentiles, median and average", async ({ page }) => {
    await page.goto('/roles/software-developers');
    const data = await jsonLdOf(page);
    expect(data.occupationalCategory).toMatchObject({ '@type': 'CategoryCode', codeValue: '15-1252' });
    expect(data.estimatedSalary).toEqual([
      {
        '@type': 'MonetaryAmountDistribution',
        name: 'Salary distribution',
        currency: 'USD',
        duration: 'P1Y',
        percentile10: 79850,
        percentile25: 103050,
        median: 133080,
        percentile75: 169000,
        percentile90: 211450,
      },
      { '@type': 'MonetaryAmount', name: 'Average salary', currency: 'USD', value: 144570 },
    ]);
    expect(data.responsibilities).toEqual(await section(page, 'Responsibilities').getByRole('listitem').allTextContents());
    expect(data.educationRequirements).toBe("Typical education needed for entry: Bachelor's degree");
  });

  test('the seed role, which has no percentiles, has no distribution', async ({ page }) => {
    await page.goto('/roles/backend-software-engineer');
    const types = (await jsonLdOf(page)).estimatedSalary.map((entry: { '@type': string }) => entry['@type']);
    expect(types).toEqual(['MonetaryAmount']);
  });
});

test.describe("O*NET's credit goes with its text", () => {
  test('on the role page, in the API, in the CSV export and on /developers', async ({ page, request }) => {
    await page.goto('/roles/software-developers');
    await expect(page.getByText(onetCredit)).toBeVisible();

    const role = await (await request.get('/api/v1/roles/software-developers')).json();
    expect(role.attribution).toContain(onetCredit);

    const rows = parse<Record<string, string>>(await (await request.get('/api/v1/roles.csv')).text(), { columns: true });
    expect(rows.find((row) => row.slug === 'software-developers')?.content_attribution).toContain(onetCredit);

    await page.goto('/developers');
    await expect(page.getByText(onetCredit)).toBeVisible();
  });

  test('a role with no O*NET text carries none', async ({ page, request }) => {
    // "Counselors, All Other" has only SOC's one-sentence definition.
    expect((await (await request.get('/api/v1/roles/counselors-all-other')).json()).attribution).toBeNull();
    await page.goto('/roles/counselors-all-other');
    await expect(page.getByText(onetCredit)).toHaveCount(0);
  });
});

test.describe('a role whose degree requirement is not known', () => {
  test('shows none on the page, in the API, the widget, the badge and the JSON-LD', async ({ page, request }) => {
    await page.goto('/roles/software-developers');
    await expect(section(page, 'Overview').getByRole('term').filter({ hasText: 'Degree' })).toHaveCount(0);
    expect(await page.locator('body').innerText()).not.toMatch(leakedMissingValue);
    const jsonLd = (await page.locator('script[type="application/ld+json"]').textContent())!;
    expect(jsonLd).not.toMatch(leakedMissingValue);
    expect(JSON.parse(jsonLd).educationRequirements).not.toContain('%');

    const { stats } = await (await request.get('/api/v1/roles/software-developers')).json();
    expect(stats.degreeRequirementPercent).toBeNull();

    const widget = await (await request.get('/embed/software-developers')).text();
    expect(widget).not.toContain('Degree requirement');
    expect(widget).not.toMatch(leakedMissingValue);

    const badges = ['', '?metric=openings', '?metric=degree'].map((query) => request.get(`/api/v1/roles/software-developers/badge.svg${query}`));
    const [salaryBadge, openingsBadge, degreeBadge] = await Promise.all((await Promise.all(badges)).map((response) => response.text()));
    expect(salaryBadge).toContain('<title>avg salary: $144,570</title>');
    expect(openingsBadge).toContain('<title>openings a year: 115,200</title>');
    expect(degreeBadge).toContain('<title>degree required: not known</title>');
    for (const badge of [salaryBadge, openingsBadge, degreeBadge]) expect(badge).not.toMatch(leakedMissingValue);
  });
});
