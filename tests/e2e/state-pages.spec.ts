// Pay by state beyond the role page: role × state pages, /states and /states/{state}, the listing
// fixed to a state, and the state API, CSV, widget, badge and oEmbed. Expected figures come from
// BLS's state file, parsed here on its own.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readPublicAnswer } from './support/public-api';
import { usOccupations } from './support/us-catalogue';

type Row = Record<string, string>;
const stateFile: Row[] = parse(gunzipSync(readFileSync('db/data/us-occupations/oews_state_M2024.csv.gz')), { columns: true });
const money = (cell: string) => `$${Number(cell).toLocaleString('en-US')}`;
const count = (cell: string) => Number(cell).toLocaleString('en-US');
const published = (cell: string | undefined) => cell !== undefined && /^\d+(\.\d+)?$/.test(cell);
const slugOf = new Map(usOccupations.map((record) => [record.soc_code, record.slug]));
const titleOf = new Map(usOccupations.map((record) => [record.soc_code, record.title]));

test.describe('the role × state page', () => {
  test('Software Developers in California: the state against the U.S., the spread, neighbours and JSON-LD', async ({ page }) => {
    const response = await page.goto('/roles/software-developers/states/california');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Software Developers Salaries in California');
    await expect(page.locator('p.lede')).toHaveText('Software Developers in California, beside the whole country: average salary $185,750 a year, +28% vs the U.S.');
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview.getByText('$185,750', { exact: true })).toBeVisible();
    await expect(overview).toContainText('+28% vs the U.S. mean ($144,570)');
    await expect(overview).toContainText('292,630');

    const against = page.getByRole('table', { name: /California’s figures beside the national ones/ });
    await expect(against.getByRole('row', { name: /^Average salary / }).getByRole('cell')).toHaveText(['$185,750', '$144,570', '+28%']);
    await expect(page.getByRole('heading', { name: 'Neighbouring states' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Oregon' })).toHaveAttribute('href', '/roles/software-developers/states/oregon');
    await expect(page.getByRole('link', { name: 'California', exact: true }).first()).toHaveAttribute('href', '/states/california');

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(jsonLd.occupationLocation).toMatchObject({ '@type': 'State', name: 'California' });
    expect(jsonLd.estimatedSalary).toContainEqual({ '@type': 'MonetaryAmount', name: 'Average salary', currency: 'USD', value: 185750 });
  });

  test('ten role × state pages give the state file’s mean and employment', async ({ page }) => {
    const picks = [
      ['15-1252', 'TX'],
      ['29-1141', 'CA'],
      ['29-1141', 'NY'],
      ['11-1021', 'FL'],
      ['41-2031', 'OH'],
      ['53-3032', 'PA'],
      ['25-2021', 'IL'],
      ['13-2011', 'DC'],
      ['47-2111', 'WA'],
      ['35-2014', 'GA'],
    ] as const;
    for (const [soc, postal] of picks) {
      const row = stateFile.find((candidate) => candidate.OCC_CODE === soc && candidate.PRIM_STATE === postal)!;
      expect(published(row.A_MEAN) && published(row.TOT_EMP), `${soc} ${postal}`).toBe(true);
      const slug = slugOf.get(soc)!;
      const state = row.AREA_TITLE!.toLowerCase().replaceAll(' ', '-');
      await page.goto(`/roles/${slug}/states/${state}`);
      const table = page.getByRole('table', { name: /beside the national ones/ });
      await expect(table.getByRole('row', { name: /^Average salary / }).getByRole('cell').first()).toHaveText(money(row.A_MEAN!));
      await expect(table.getByRole('row', { name: /^Employment / }).getByRole('cell').first()).toHaveText(count(row.TOT_EMP!));
    }
  });

  test('a top-coded state percentile reads "or more" and has no difference', async ({ page }) => {
    const row = stateFile.find((candidate) => candidate.OCC_CODE === '29-1212' && candidate.A_PCT90 === '#' && published(candidate.A_MEAN))!;
    await page.goto(`/roles/cardiologists/states/${row.AREA_TITLE!.toLowerCase().replaceAll(' ', '-')}`);
    const table = page.getByRole('table', { name: /beside the national ones/ });
    await expect(table.getByRole('row', { name: /^90th percentile / }).getByRole('cell')).toHaveText(['$239,200 or more', '$239,200 or more', '—']);
  });

  test('unknown roles and states are 404s; a postal code or other spelling redirects to the slug', async ({ page, request }) => {
    for (const path of ['/roles/software-developers/states/atlantis', '/roles/no-such-role/states/california', '/roles/backend-software-engineer/states/california', '/roles/UPPER/states/texas']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    const redirect = await request.get('/roles/software-developers/states/CA', { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(new URL(redirect.headers().location!, 'http://x').pathname).toBe('/roles/software-developers/states/california');
  });

  test('has no accessibility violations', async ({ page }) => {
    await page.goto('/roles/registered-nurses/states/texas');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe('state pages', () => {
  test('/states maps and lists all 51 areas, each a link to its page', async ({ page }) => {
    await page.goto('/states');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Salaries by state');
    await expect(page.getByRole('group', { name: 'Average salary by state, over all occupations' }).getByRole('link')).toHaveCount(51);
    const table = page.getByRole('table', { name: /^Every state/ });
    await expect(table.getByRole('row')).toHaveCount(52);
    await table.getByRole('link', { name: 'Texas' }).click();
    await expect(page).toHaveURL(/\/states\/texas$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Salaries in Texas');
  });

  test('/states/texas: the largest occupation and the listing in Texas, sorted by the state’s pay', async ({ page }) => {
    const texas = stateFile.filter((row) => row.PRIM_STATE === 'TX' && published(row.TOT_EMP) && slugOf.has(row.OCC_CODE!));
    const largest = texas.sort((a, b) => Number(b.TOT_EMP) - Number(a.TOT_EMP))[0]!;
    await page.goto('/states/texas');
    await expect(page.getByRole('list', { name: 'Most people employed' }).getByRole('listitem').first()).toHaveText(`${titleOf.get(largest.OCC_CODE!)} ${count(largest.TOT_EMP!)} employed`);

    await page.goto('/states/texas?q=software+developers&sort=salary');
    // The listing's card (the state's openings list links to the role too).
    const card = page.getByRole('listitem').filter({ hasText: 'Average salary in Texas' }).filter({ has: page.getByRole('link', { name: 'Software Developers', exact: true }) });
    await expect(card.getByText('Average salary in Texas')).toBeVisible();
    await expect(card).toContainText('$133,280');
    await expect(card.getByRole('link', { name: 'Software Developers', exact: true })).toHaveAttribute('href', '/roles/software-developers/states/texas');
  });

  test('the listing takes a state; the state sorts need one', async ({ page }) => {
    await page.goto('/?state=texas&q=software+developers');
    await expect(page.getByText('Average salary in Texas').first()).toBeVisible();
    await expect(page.getByText('$133,280').first()).toBeVisible();
    const response = await page.goto('/?state=atlantis');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('an unknown state page is a 404', async ({ page }) => {
    expect((await page.goto('/states/atlantis'))?.status()).toBe(404);
  });
});

test.describe('the state API', () => {
  test('/api/v1/areas/texas/roles: each role with its Texas figures, cursors that walk on', async ({ request }) => {
    const body = await readPublicAnswer(request, '/api/v1/areas/texas/roles?q=software&limit=2&sort=salary&order=desc');
    expect(body.items).toHaveLength(2);
    for (const item of body.items) expect(item.inState).toMatchObject({ area: { postalCode: 'TX' } });
    expect(body.items[0].inState.averageSalary).toBeGreaterThanOrEqual(body.items[1].inState.averageSalary);
    const developers = (await (await request.get('/api/v1/areas/texas/roles?q=software+developers')).json()).items.find(
      (item: { slug: string }) => item.slug === 'software-developers',
    );
    expect(developers.inState).toMatchObject({ averageSalary: 133280, employment: 151460 });
    expect(developers.inState.url).toMatch(/\/roles\/software-developers\/states\/texas$/);

    // The next page stays under the state's address.
    expect(new URL(body.next).pathname).toBe('/api/v1/areas/texas/roles');
    const next = await request.get(body.next);
    expect(next.status()).toBe(200);
    const nextItems = (await next.json()).items as { slug: string }[];
    expect(nextItems.length).toBeGreaterThan(0);
    expect(nextItems.map((item) => item.slug)).not.toContain(body.items[0].slug);
  });

  test('bad state parameters are problems, never 5xx', async ({ request }) => {
    const cases: [string, number][] = [
      ['/api/v1/areas/atlantis/roles', 404],
      ['/api/v1/areas/texas/roles?state=CA', 400],
      ['/api/v1/roles?state=zz', 400],
      ['/api/v1/roles?sort=employment', 400],
      ['/api/v1/roles?sort=concentration', 400],
      ['/api/v1/roles.csv?state=zz', 400],
      ['/api/v1/roles.csv?state=CA&state=TX', 400],
    ];
    for (const [url, status] of cases) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(status);
      expect(response.headers()['content-type'], url).toContain('application/problem+json');
    }
    expect((await (await request.get('/api/v1/roles?sort=employment')).json()).invalidParams).toEqual([{ name: 'sort', reason: 'Sorting by employment needs a state' }]);
  });

  test('/api/v1/roles?state=CA gives each role its California figures', async ({ request }) => {
    const body = await (await request.get('/api/v1/roles?state=CA&q=software+developers')).json();
    const developers = body.items.find((item: { slug: string }) => item.slug === 'software-developers');
    expect(developers.inState).toMatchObject({ averageSalary: 185750, employment: 292630, area: { name: 'California' } });
  });

  test('/api/v1/roles.csv?state=CA has the state’s columns and figures', async ({ request }) => {
    const response = await request.get('/api/v1/roles.csv?state=CA');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const rows: Row[] = parse(await response.text(), { columns: true });
    const california = stateFile.filter((row) => row.PRIM_STATE === 'CA' && slugOf.has(row.OCC_CODE!));
    expect(rows).toHaveLength(california.length);
    const developers = rows.find((row) => row.slug === 'software-developers')!;
    expect(developers).toMatchObject({ state: 'California', postal_code: 'CA', employment: '292630', average_salary: '185750', soc_code: '15-1252' });
    expect(developers.url).toMatch(/\/roles\/software-developers\/states\/california$/);
  });
});

test.describe('widget, badge and oEmbed by state', () => {
  test('the widget with ?state=CA shows California’s figures', async ({ page }) => {
    await page.goto('/embed/software-developers?state=CA');
    await expect(page.locator('body')).toContainText('California');
    await expect(page.locator('body')).toContainText('$185,750');
    await page.goto('/embed/software-developers?state=california');
    await expect(page.locator('body')).toContainText('$185,750');
  });

  test('the badge says the state', async ({ request }) => {
    const svg = await (await request.get('/api/v1/roles/software-developers/badge.svg?state=CA')).text();
    expect(svg).toContain('avg salary in CA');
    expect(svg).toContain('$185,750');
  });

  test('oEmbed takes a role × state page and passes the state to the widget', async ({ request, baseURL }) => {
    const url = `${baseURL}/roles/software-developers/states/california`;
    const response = await request.get(`/api/oembed?url=${encodeURIComponent(url)}&format=json`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.title).toBe('Software Developers Salaries in California');
    expect(body.html).toMatch(/\/embed\/software-developers\?[^"]*state=california/);
  });
});
