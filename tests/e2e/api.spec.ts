// The public API over HTTP: the contract, caching, CORS and errors.
import SwaggerParser from '@apidevtools/swagger-parser';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { loadContract } from './support/openapi';
import { readPublicAnswer } from './support/public-api';

const role = '/api/v1/roles/backend-software-engineer';

test.describe('the OpenAPI contract', () => {
  test('the document is valid OpenAPI 3.1', async ({ request }) => {
    const { document } = await loadContract(request);
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document) as never);
  });

  test('every kind of response matches its schema', async ({ request, baseURL }) => {
    const contract = await loadContract(request);
    const cases: [string, string, number][] = [
      ['/api/v1/roles', 'RoleList', 200],
      ['/api/v1/roles?q=engineer&sort=salary&order=desc&limit=3', 'RoleList', 200],
      ['/api/v1/roles?category=healthcare-practitioners-and-technical&minSalary=50000&maxDegree=100', 'RoleList', 200],
      [role, 'Role', 200],
      ['/api/v1/roles/registered-nurses', 'Role', 200],
      // No annual wage (BLS publishes only hourly ones), and top-coded percentiles.
      ['/api/v1/roles/actors', 'Role', 200],
      ['/api/v1/roles/cardiologists', 'Role', 200],
      [`${role}/history`, 'RoleStatsHistory', 200],
      ['/api/v1/roles/software-developers/areas', 'RoleAreas', 200],
      // Hourly wages only, and markers for figures BLS does not publish.
      ['/api/v1/roles/actors/areas', 'RoleAreas', 200],
      [`${role}/areas`, 'RoleAreas', 200],
      ['/api/v1/areas', 'AreaList', 200],
      ['/api/v1/areas/texas/roles?sort=employment&limit=5', 'RoleList', 200],
      ['/api/v1/roles?state=CA&sort=salary', 'RoleList', 200],
      ['/api/v1/areas/atlantis/roles', 'Problem', 404],
      ['/api/v1/roles?sort=concentration', 'Problem', 400],
      ['/api/v1/roles/no-such-role/areas', 'Problem', 404],
      [`/api/oembed?url=${encodeURIComponent(`${baseURL}/roles/backend-software-engineer`)}&format=json`, 'OEmbed', 200],
      ['/api/v1/roles?sort=sideways', 'Problem', 400],
      ['/api/v1/roles/no-such-role', 'Problem', 404],
      ['/api/oembed?url=https%3A%2F%2Fexample.com%2Froles%2Fx', 'Problem', 404],
    ];
    await contract.expectAnswers(cases);
  });

  test('the backend software engineer has the seeded stats', async ({ request }) => {
    const body = await (await request.get(role)).json();
    expect(body.stats).toEqual({
      employment: null,
      jobOpenings: 1,
      jobOpeningsBasis: 'current',
      averageSalary: 110000,
      currency: 'USD',
      degreeRequirementPercent: 100,
      percentiles: null,
      hourlyWages: null,
      entryEducation: null,
      outlook: null,
    });
    expect(body.asOf).toBe('2026-11-01');
  });

  test('the listing pages with cursors through every matching role', async ({ request }) => {
    const seen = new Set<string>();
    let url: string | null = '/api/v1/roles?category=computer-and-mathematical&limit=2';
    let total = 0;
    while (url) {
      const body = (await (await request.get(url)).json()) as { items: { slug: string }[]; total: number; next: string | null };
      total = body.total;
      for (const item of body.items) seen.add(item.slug);
      url = body.next;
    }
    expect(seen.size).toBe(total);
    expect(seen.has('backend-software-engineer')).toBe(true);
  });
});

test.describe('pay by state', () => {
  test("a role's figures in every state, markers kept as BLS means them", async ({ request }) => {
    const body = await readPublicAnswer(request, '/api/v1/roles/software-developers/areas');
    expect(body).toMatchObject({ slug: 'software-developers', asOf: '2024-05-01', sourceUrl: 'https://www.bls.gov/oes/2024/may/oessrcst.htm' });
    expect(body.items).toHaveLength(51);
    const california = body.items.find((item: { area: { postalCode: string } }) => item.area.postalCode === 'CA');
    expect(california).toMatchObject({
      area: { fips: '06', name: 'California', slug: 'california' },
      employment: 292_630,
      averageSalary: 185_750,
      percentiles: { median: 170_910, p90: 239_200, topCoded: ['p90'] },
    });
    const texas = body.items.find((item: { area: { postalCode: string } }) => item.area.postalCode === 'TX');
    expect(texas.averageSalary).toBe(133_280);

    // The seed role is no U.S. occupation: no state figures, and no made-up provenance.
    expect(await (await request.get('/api/v1/roles/backend-software-engineer/areas')).json()).toMatchObject({ items: [], asOf: null, source: null });
  });

  test('a place in the search text is the state filter, and the answer says so', async ({ request }) => {
    const body = await (await request.get('/api/v1/roles?q=nurse%20texas&limit=3')).json();
    expect(body.searchedAs).toMatchObject({ q: 'nurse', area: { postalCode: 'TX', slug: 'texas' } });
    expect(body.items[0]).toMatchObject({ slug: 'registered-nurses', inState: { area: { postalCode: 'TX' } } });
    // The next page is the search as read: the other words, in the state.
    expect(new URL(body.next).searchParams.get('q')).toBe('nurse');
    expect(new URL(body.next).searchParams.get('state')).toBe('texas');

    // A state given, or a state's own listing: the text is searched as typed.
    const given = await (await request.get('/api/v1/roles?q=plumber%20TX&state=ohio')).json();
    expect(given.searchedAs).toBeNull();
    expect(given.items.every((item: { inState: { area: { postalCode: string } } }) => item.inState.area.postalCode === 'OH')).toBe(true);
    const plain = await (await request.get('/api/v1/roles?q=data%20scientist&limit=1')).json();
    expect(plain.searchedAs).toBeNull();
    expect(plain.items[0].slug).toBe('data-scientists');
    expect(plain.correctedQ).toBeNull();
  });

  test('words no role has are corrected, and the answer says to what', async ({ request }) => {
    const body = await (await request.get('/api/v1/roles?q=regsitered%20nurses&limit=3')).json();
    expect(body.correctedQ).toBe('registered nurses');
    expect(body.items[0].slug).toBe('registered-nurses');
    // Nothing close: nothing found, nothing corrected.
    expect(await (await request.get('/api/v1/roles?q=qxzvbnq')).json()).toMatchObject({ total: 0, items: [], correctedQ: null });
  });

  test('the 50 states and DC', async ({ request }) => {
    const { items } = await (await request.get('/api/v1/areas')).json();
    expect(items).toHaveLength(51);
    expect(items.map((area: { postalCode: string }) => area.postalCode)).toEqual(expect.arrayContaining(['AL', 'CA', 'DC', 'WY']));
  });

  for (const path of ['/api/v1/roles/no-such-role/areas', '/api/v1/roles/Not%20A%20Slug/areas', `/api/v1/roles/${'x'.repeat(300)}/areas`]) {
    test(`an unknown or malformed role is a 404 problem: ${path.slice(0, 40)}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toBe('application/problem+json');
    });
  }
});

test.describe('HTTP behaviour', () => {
  test('CORS: any origin may read, and preflight answers', async ({ request }) => {
    const response = await request.get(role, { headers: { Origin: 'https://university.example' } });
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(response.headers()['set-cookie']).toBeUndefined();
    const preflight = await request.fetch(role, {
      method: 'OPTIONS',
      headers: { Origin: 'https://university.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()['access-control-allow-methods']).toContain('GET');
  });

  test('ETag and Last-Modified give 304s, and the response is publicly cacheable', async ({ request }) => {
    for (const url of [role, '/api/v1/roles', `${role}/history`, '/api/v1/roles.csv', `${role}/badge.svg`, '/embed/backend-software-engineer']) {
      const first = await request.get(url);
      expect(first.status(), url).toBe(200);
      const { etag, 'last-modified': lastModified, 'cache-control': cacheControl } = first.headers();
      expect(etag, url).toMatch(/^"[^"]+"$/);
      expect(cacheControl, url).toMatch(/public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+/);
      expect((await request.get(url, { headers: { 'If-None-Match': etag! } })).status(), url).toBe(304);
      expect((await request.get(url, { headers: { 'If-None-Match': '"something-else"' } })).status(), url).toBe(200);
      if (lastModified) expect((await request.get(url, { headers: { 'If-Modified-Since': lastModified } })).status(), url).toBe(304);
    }
  });

  test('other methods get 405 with Allow', async ({ request }) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await request.fetch(role, { method });
      expect(response.status(), method).toBe(405);
      expect(response.headers().allow).toBe('GET, HEAD, OPTIONS');
      expect(response.headers()['content-type']).toBe('application/problem+json');
    }
  });

  const badParameters = [
    'sort=unknown',
    'order=sideways',
    'minSalary=lots',
    'minSalary=-1',
    'maxDegree=500',
    'after=%25%25%25',
    'limit=abc',
    'limit=1000',
    `q=${'x'.repeat(10_000)}`,
    'q=nu%00rse',
    // A parameter the endpoint does not take: a cache buster would be a new address to every cache.
    'utm_source=newsletter',
  ];
  for (const query of badParameters) {
    test(`a bad parameter is a 400 problem naming it: ${query.slice(0, 30)}`, async ({ request }) => {
      const response = await request.get(`/api/v1/roles?${query}`);
      expect(response.status()).toBe(400);
      expect(response.headers()['content-type']).toBe('application/problem+json');
      const problem = await response.json();
      expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
      expect(problem.invalidParams.map((param: { name: string }) => param.name)).toContain(query.split('=')[0]);
      expect(JSON.stringify(problem)).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  }

  for (const q of ['<script>alert(1)</script>', '%', '_', "'; drop table roles; --"]) {
    test(`odd search text is just text: ${q}`, async ({ request }) => {
      const response = await request.get(`/api/v1/roles?q=${encodeURIComponent(q)}`);
      expect(response.status()).toBe(200);
      expect((await response.json()).items).toEqual([]);
    });
  }

  test('the CSV export has a header row and every role', async ({ request }) => {
    const countRoles = async () => (await (await request.get('/api/v1/roles?limit=1')).json()).total as number;
    const before = await countRoles();
    const response = await request.get('/api/v1/roles.csv');
    expect(response.headers()['content-type']).toContain('text/csv');
    const text = await response.text();
    expect(text.slice(0, text.indexOf('\r\n'))).toBe(
      'slug,soc_code,title,alternative_titles,category,category_slug,summary,employment,job_openings,job_openings_basis,average_salary,currency,' +
        'degree_requirement_percent,salary_p10,salary_p25,salary_median,salary_p75,salary_p90,salary_top_coded,' +
        'hourly_mean,hourly_p10,hourly_p25,hourly_median,hourly_p75,hourly_p90,hourly_top_coded,entry_education,' +
        'outlook_start_year,outlook_end_year,outlook_start_employment,outlook_end_employment,outlook_change_percent,as_of,source,source_url,' +
        'salary_template,responsibilities_intro,responsibilities,responsibilities_outro,how_to_become_intro,how_to_become_steps,how_to_become_outro,' +
        'content_attribution,url',
    );
    // Prose cells hold line breaks, so rows are counted by a CSV reader, not by lines.
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows.find((row) => row.slug === 'backend-software-engineer')).toMatchObject({
      job_openings: '1',
      job_openings_basis: 'current',
      average_salary: '110000',
      currency: 'USD',
      degree_requirement_percent: '100',
    });
    // Other tests may add roles meanwhile: the export holds at least those published before it.
    expect(rows.length).toBeGreaterThanOrEqual(before);
    expect(rows.length).toBeLessThanOrEqual(await countRoles());
  });

  test('the badge is an accessible SVG for each metric', async ({ request }) => {
    const cases = [
      ['', 'avg salary: $110,000'],
      ['?metric=openings', 'job openings: 1'],
      ['?metric=degree', 'degree required: 100%'],
      ['?metric=nonsense', 'avg salary: $110,000'],
    ];
    for (const [query, title] of cases) {
      const response = await request.get(`${role}/badge.svg${query}`);
      expect(response.headers()['content-type']).toContain('image/svg+xml');
      expect(await response.text()).toContain(`<title>${title}</title>`);
    }
    expect((await request.get('/api/v1/roles/nobody/badge.svg')).status()).toBe(404);
  });

  test('oEmbed: sizes, formats and foreign URLs', async ({ request, baseURL }) => {
    const url = encodeURIComponent(`${baseURL}/roles/backend-software-engineer`);
    const small = await (await request.get(`/api/oembed?url=${url}&format=json&maxwidth=300&maxheight=150`)).json();
    expect(small.width).toBeLessThanOrEqual(300);
    expect(small.height).toBeLessThanOrEqual(150);
    expect(small.html).toContain('loading="lazy"');
    const xml = await request.get(`/api/oembed?url=${url}&format=xml&maxwidth=300`);
    expect(xml.status()).toBe(200);
    expect(xml.headers()['content-type']).toBe('text/xml; charset=utf-8');
    const document = await xml.text();
    expect(document).toMatch(/^<\?xml version="1.0" encoding="utf-8" standalone="yes"\?>\n<oembed><type>rich<\/type><version>1.0<\/version>/);
    expect(document).toContain('<width>300</width>');
    expect(document).toContain('<html>&#60;iframe ');
    expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/roles/nobody`)}`)).status()).toBe(404);
    expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/developers`)}`)).status()).toBe(404);
    expect((await request.get('/api/oembed')).status()).toBe(400);
    expect((await request.get(`/api/oembed?url=${url}&maxwidth=wide`)).status()).toBe(400);
  });
});
