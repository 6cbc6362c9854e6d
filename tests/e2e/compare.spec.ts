// Comparing roles side by side: from a role page, by name through the form (with and without
// JavaScript), removing, and every kind of bad link.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { searchRoles } from './support/role-search';

const table = (page: Page) => page.getByRole('table');
const columnHeaders = (page: Page) => table(page).getByRole('columnheader');
const rowCells = (page: Page, label: string) => table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');

/** Answered from the front's byte cache (lib/server/response-cache.ts) or from Next's page cache, not rendered. */
function servedFromCache(response: APIResponse) {
  return response.headers()['x-cache'] === 'HIT' || response.headers()['x-nextjs-cache'] === 'HIT';
}

async function currentStats(request: APIRequestContext, slug: string) {
  const body = await (await request.get(`/api/v1/roles/${slug}`)).json();
  return body.stats as { averageSalary: number; jobOpenings: number; degreeRequirementPercent: number | null };
}

test.describe('comparing roles', () => {
  test('a similar role on a role page opens a comparison with the figures of both', async ({ page, request }) => {
    await page.goto('/roles/backend-software-engineer');
    const compareLink = page.getByRole('region', { name: 'Similar roles' }).getByRole('link', { name: /^Compare with / }).first();
    const otherTitle = (await compareLink.textContent())!.replace(/^Compare with /, '');
    await compareLink.click();
    await expect(page).toHaveURL(/\/compare\/backend-software-engineer,[a-z0-9-]+$/);
    const path = new URL(page.url()).pathname;
    const otherSlug = path.split(',')[1]!;

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare roles');
    await expect(columnHeaders(page)).toHaveText([/^Backend Software Engineer/, new RegExp(`^${otherTitle}`)]);
    const other = await currentStats(request, otherSlug);
    await expect(rowCells(page, 'Average salary')).toHaveText(['$110,000', `$${other.averageSalary.toLocaleString('en-US')}`]);
    // The seed role counts openings now; a U.S. occupation has BLS's projection, and no known degree share.
    await expect(rowCells(page, 'Job openings')).toHaveText(['1 job opening', `about ${other.jobOpenings.toLocaleString('en-US')} projected openings a year`]);
    expect(other.degreeRequirementPercent).toBeNull();
    await expect(rowCells(page, 'Degree requirement')).toHaveText(['100%', 'Not known']);
    await expect(rowCells(page, 'Median salary').first()).toHaveText('Not known');
    await expect(page).toHaveTitle(`Compare Backend Software Engineer and ${otherTitle} | Roleboard`);
    await expect(table(page)).toHaveAccessibleName(`Figures of Backend Software Engineer and ${otherTitle}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path}$`));

    // A comparison is rendered once and then served from a cache, like a role page.
    await request.get(path);
    expect(servedFromCache(await request.get(path))).toBe(true);
  });

  test('a role page offers to compare it with any other role', async ({ page }) => {
    await page.goto('/roles/backend-software-engineer');
    await page.getByRole('link', { name: 'Compare Backend Software Engineer with other roles' }).click();
    await expect(page).toHaveURL(/\/compare\/backend-software-engineer$/);
    await expect(columnHeaders(page)).toHaveText([/^Backend Software Engineer/]);
    await expect(page.getByLabel('Role name')).toBeVisible();
  });

  test('adding by name and removing work without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/compare');
    await expect(page.getByText('Choose roles to compare')).toBeVisible();

    // An exact title is added at once.
    await page.getByLabel('Role name').fill('Data Scientists');
    await page.getByRole('button', { name: 'Add to comparison' }).click();
    await expect(page).toHaveURL(/\/compare\/data-scientists$/);

    // A name that fits several roles offers them.
    await page.getByLabel('Role name').fill('analyst');
    await page.getByRole('button', { name: 'Add to comparison' }).click();
    await expect(page.getByRole('status')).toHaveText('Several roles match “analyst”. Choose one:');
    await page.getByRole('list', { name: 'Roles matching “analyst”' }).getByRole('link', { name: 'Add Information Security Analysts' }).click();
    await expect(page).toHaveURL(/\/compare\/data-scientists,information-security-analysts$/);
    await expect(columnHeaders(page)).toHaveText([/^Data Scientists/, /^Information Security Analysts/]);

    await page.getByRole('link', { name: 'Remove Data Scientists' }).click();
    await expect(page).toHaveURL(/\/compare\/information-security-analysts$/);
    await expect(columnHeaders(page)).toHaveText([/^Information Security Analysts/]);

    await page.getByLabel('Role name').fill('no role is called this');
    await page.getByRole('button', { name: 'Add to comparison' }).click();
    await expect(page.getByRole('status')).toHaveText('No role matches “no role is called this”. Try another name.');
    await expect(columnHeaders(page)).toHaveText([/^Information Security Analysts/]);
    await context.close();
  });

  test('the box\'s own example adds Data Scientists at once, with and without JavaScript', async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/compare');
      await expect(page.getByLabel('Role name')).toHaveAttribute('placeholder', 'e.g. data scientist');
      await page.getByLabel('Role name').fill('data scientist');
      await page.getByRole('button', { name: 'Add to comparison' }).click();
      await expect(page).toHaveURL(/\/compare\/data-scientists$/);
      await expect(columnHeaders(page)).toHaveText([/^Data Scientists/]);

      // Another name of a role, in the singular, in any order, adds it too; a word many roles share offers them, the likeliest first.
      await page.getByLabel('Role name').fill('software engineer');
      await page.getByRole('button', { name: 'Add to comparison' }).click();
      await expect(page).toHaveURL(/\/compare\/data-scientists,software-developers$/);
      await page.getByLabel('Role name').fill('nurse');
      await page.getByRole('button', { name: 'Add to comparison' }).click();
      await expect(page.getByRole('list', { name: 'Roles matching “nurse”' }).getByRole('link').first()).toHaveText('Add Registered Nurses');
      await context.close();
    }
  });

  test('at most four roles; the form goes away when the comparison is full', async ({ page }) => {
    await page.goto('/compare?roles=accountants-and-auditors,data-scientists,registered-nurses,pharmacists,software-developers');
    await expect(page.getByRole('status')).toContainText('You can compare up to 4 roles; the rest were left out.');
    await expect(columnHeaders(page)).toHaveCount(4);
    await expect(page.getByLabel('Role name')).toHaveCount(0);
    // No suggestions either, and the page says why.
    await expect(page.getByRole('list', { name: 'Similar roles' })).toHaveCount(0);
    await expect(page.getByText('You are comparing 4 roles, the most at once. Remove one to add another.')).toBeVisible();
  });

  test('has no accessibility violations, and is usable 360 px wide', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/compare?roles=backend-software-engineer,data-scientists,registered-nurses&add=analyst');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
    // A card per role instead of a table: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('each role is a card with every figure in view, nothing to scroll sideways', async ({ page }) => {
    await page.goto('/compare/software-developers,computer-programmers,data-scientists');
    await expect(table(page)).toBeHidden();
    const cards = page.getByRole('list', { name: 'Figures of Software Developers, Computer Programmers, and Data Scientists' }).getByRole('listitem');
    await expect(cards).toHaveCount(3);
    for (const [index, title] of ['Software Developers', 'Computer Programmers', 'Data Scientists'].entries()) {
      const card = cards.nth(index);
      await expect(card.getByRole('heading', { name: title })).toBeVisible();
      for (const label of ['Average salary', 'Job openings', 'Median salary', 'Figures as of']) {
        const term = card.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) });
        await expect(term).toBeVisible();
        const box = (await term.boundingBox())!;
        expect(box.x + box.width, `${title}: ${label}`).toBeLessThanOrEqual(375);
      }
      await expect(card.getByRole('link', { name: `Remove ${title}` })).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test.describe('adding roles without typing', () => {
  test('a suggested similar role joins the comparison', async ({ page }) => {
    await page.goto('/compare/software-developers,data-scientists');
    const suggestions = page.getByRole('list', { name: 'Similar roles' }).getByRole('link');
    await expect(suggestions).toHaveCount(4);
    const suggested = (await suggestions.first().textContent())!.replace(/^Add /, '');
    await expect(suggestions.filter({ hasText: /^Add (Software Developers|Data Scientists)$/ })).toHaveCount(0);
    await suggestions.first().click();
    await expect(page).toHaveURL(/\/compare\/software-developers,data-scientists,[a-z0-9-]+$/);
    await expect(columnHeaders(page)).toHaveText([/^Software Developers/, /^Data Scientists/, new RegExp(`^${suggested}`)]);
  });

  test('the listing in pick mode adds the role chosen there, without JavaScript too', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/compare/software-developers,data-scientists');
    await page.getByRole('link', { name: 'Browse roles to add' }).click();
    await expect(page).toHaveURL(/\/\?compareWith=software-developers,data-scientists$/);
    await expect(page.getByText('Choose a role to compare with Software Developers and Data Scientists')).toBeVisible();

    // Searching keeps the pick mode; roles already compared say so.
    await searchRoles(page, 'software developer');
    await expect(page).toHaveURL(/compareWith=software-developers%2Cdata-scientists/);
    const developers = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Software Developers', exact: true }) });
    await expect(developers.getByText('In your comparison')).toBeVisible();

    await searchRoles(page, 'nurse');
    await page.getByRole('link', { name: 'Add to comparison: Registered Nurses' }).click();
    await expect(page).toHaveURL(/\/compare\/software-developers,data-scientists,registered-nurses$/);
    await expect(columnHeaders(page)).toHaveText([/^Software Developers/, /^Data Scientists/, /^Registered Nurses/]);

    await page.goto('/?compareWith=software-developers');
    await page.getByRole('link', { name: 'Back to the comparison' }).click();
    await expect(page).toHaveURL(/\/compare\/software-developers$/);
    await context.close();
  });

  for (const value of ['Not A Slug', 'no-such-role', 'data-scientists,data-scientists', 'pharmacists,data-scientists,registered-nurses,actuaries', '']) {
    test(`a listing link with compareWith=${value || '(empty)'} lists roles as usual`, async ({ page }) => {
      const response = await page.goto(`/?compareWith=${encodeURIComponent(value)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('link', { name: /^Add to comparison/ })).toHaveCount(0);
      const notice = page.getByText(/were not valid and were ignored: roles to compare with\.$/);
      await expect(notice).toHaveCount(value ? 1 : 0);
    });
  }
});

test.describe('bad compare links never break the page', () => {
  const cases: [string, string | null][] = [
    ['roles=Not%20A%20Slug,..%2Fetc', 'Some entries in the link were not role addresses and were left out.'],
    [`roles=${'a,'.repeat(3000)}`, 'Some entries in the link were not role addresses and were left out.'],
    ['roles=no-such-role,accountants-and-auditors', 'One role in the link no longer exists: no-such-role.'],
    ['roles=accountants-and-auditors,accountants-and-auditors,pharmacists', null],
    ['roles=accountants-and-auditors&roles=pharmacists', null],
    [`add=${'x'.repeat(10_000)}`, null],
    ['add=nu%00rse', null],
    ['add=%25', 'No role matches “%”. Try another name.'],
    ['add=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'No role matches “<script>alert(1)</script>”. Try another name.'],
  ];
  for (const [query, message] of cases) {
    test(`/compare?${query.slice(0, 60)}`, async ({ page }) => {
      const response = await page.goto(`/compare?${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare roles');
      if (message) await expect(page.getByText(message, { exact: true })).toBeVisible();
    });
  }

  test('a hand-edited comparison address is made exact, or explained', async ({ page }) => {
    await page.goto('/compare/accountants-and-auditors,accountants-and-auditors,pharmacists');
    await expect(page).toHaveURL(/\/compare\/accountants-and-auditors,pharmacists$/);
    await page.goto('/compare/accountants-and-auditors,Not%20A%20Slug');
    await expect(page.getByText('Some entries in the link were not role addresses and were left out.')).toBeVisible();
    await expect(columnHeaders(page)).toHaveText([/^Accountants and Auditors/]);
    const partly = await page.goto('/compare/no-such-role,accountants-and-auditors');
    expect(partly?.status()).toBe(200);
    await expect(page.getByText('One role in the link no longer exists: no-such-role.')).toBeVisible();
    await expect(columnHeaders(page)).toHaveText([/^Accountants and Auditors/]);
    // No role of it exists: there is nothing to compare, and nothing is rendered or cached.
    const none = await page.goto('/compare/no-such-role,another-made-up-role');
    expect(none?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

test.describe('comparing roles in a state', () => {
  const path = '/compare/software-developers,registered-nurses/states/california';

  test('the roles’ pay and employment are the state’s, the rest national and labelled so', async ({ page, request }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare roles in California');
    await expect(table(page)).toHaveAccessibleName('Figures of Software Developers and Registered Nurses in California');
    // BLS's state file: Software Developers $185,750 (292,630 employed), Registered Nurses $148,330 (326,720).
    await expect(rowCells(page, 'Average salary in California')).toHaveText(['$185,750', '$148,330']);
    await expect(rowCells(page, 'Employment in California')).toHaveText(['292,630 employed', '326,720 employed']);
    await expect(rowCells(page, 'Job openings (U.S.)')).toHaveText([/projected openings a year$/, /projected openings a year$/]);
    await expect(page.getByRole('img', { name: 'Average salary in California, compared' })).toBeVisible();
    await expect(page.getByText('−$37,420, 20% less', { exact: true })).toBeVisible();
    await expect(columnHeaders(page).getByRole('link', { name: 'Software Developers', exact: true })).toHaveAttribute('href', '/roles/software-developers/states/california');
    await expect(page.getByRole('link', { name: 'Remove Software Developers' }).first()).toHaveAttribute('href', '/compare/registered-nurses/states/california');
    await expect(page).toHaveTitle('Compare Software Developers and Registered Nurses in California | Roleboard');

    // Cached like the national comparison.
    await request.get(path);
    expect(servedFromCache(await request.get(path))).toBe(true);
  });

  test('the state form switches the comparison to a state and back, without JavaScript too', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/compare/software-developers,registered-nurses');
    const form = page.getByRole('form', { name: 'Compare in a state' });
    await form.getByLabel('Compare in').selectOption({ label: 'Texas' });
    await form.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/compare\/software-developers,registered-nurses\/states\/texas$/);
    await expect(rowCells(page, 'Average salary in Texas').first()).toHaveText('$133,280');
    await page.getByRole('form', { name: 'Compare in a state' }).getByLabel('Compare in').selectOption({ label: 'All of the U.S.' });
    await page.getByRole('form', { name: 'Compare in a state' }).getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/compare\/software-developers,registered-nurses$/);
    await expect(rowCells(page, 'Average salary').first()).toHaveText('$144,570');
    await context.close();
  });

  test('a role without an estimate there is named, and links to its national page', async ({ page }) => {
    await page.goto('/compare/backend-software-engineer,software-developers/states/texas');
    await expect(page.getByRole('status').first()).toHaveText('BLS has no estimate for Backend Software Engineer in Texas, so its pay and employment there are not known.');
    await expect(rowCells(page, 'Average salary in Texas')).toHaveText(['Not published', '$133,280']);
    await expect(columnHeaders(page).getByRole('link', { name: 'Backend Software Engineer', exact: true })).toHaveAttribute('href', '/roles/backend-software-engineer');
  });

  test('adding from the listing keeps the state', async ({ page }) => {
    await page.goto('/compare/software-developers/states/texas');
    await expect(page.getByRole('link', { name: 'Browse roles to add' })).toHaveAttribute('href', '/?compareWith=software-developers&state=texas');
    await page.goto('/?compareWith=software-developers&state=texas&q=registered+nurses');
    await page.getByRole('link', { name: 'Add to comparison: Registered Nurses' }).click();
    await expect(page).toHaveURL(/\/compare\/software-developers,registered-nurses\/states\/texas$/);
  });

  test('addresses are made exact; bad states are a 404 or a notice, never an error', async ({ page, request }) => {
    const redirect = await request.get('/compare/software-developers,registered-nurses/states/CA', { maxRedirects: 0 });
    expect(redirect.status()).toBeGreaterThanOrEqual(300);
    expect(redirect.status()).toBeLessThan(400);
    expect(new URL(redirect.headers().location!, 'http://x').pathname).toBe(path);
    for (const bad of ['/compare/software-developers/states/atlantis', '/compare/software-developers/counties/x', '/compare/no-such-role/states/texas']) {
      expect((await request.get(bad, { maxRedirects: 0 })).status(), bad).toBe(404);
    }
    const response = await page.goto('/compare?roles=software-developers&state=atlantis');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('The state in the link is not a U.S. state, so the figures are for the whole country.')).toBeVisible();
    await page.goto('/compare?roles=software-developers,registered-nurses&state=ca');
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('/compare/backend-software-engineer,software-developers/states/texas');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });
});
