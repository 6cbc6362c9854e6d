// Property: no public request, however it is made up, gets a 5xx. fast-check generates requests
// over every public route and query parameter: valid values, garbage, broken %-escapes, control
// characters, huge and negative numbers, forged cursors, repeated and unknown parameters; and
// Server Action posts of random ids and arguments, which reach no cached read at all. Every test
// run makes 360 and 60 of them; the soak run (SOAK=1, npm run test:soak) 5,100 and 850. A failure
// prints the smallest request that fails and the seed to replay it.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { usCategories as categories } from '@/db/catalogue/categories';
import { seedRoles } from '@/db/seed/seed';
import { sortChoices } from '@/lib/role-search';
import { BUILD_DIR, SERVER_REFERENCE_MANIFEST_FILE } from '@/lib/framework-contract.mjs';
import { readServerReferences } from '@/lib/server/server-actions';
import { rawRequest } from './support/raw-http';
import { soakRun } from './support/soak';

const RUNS_PER_ROUTE_GROUP = soakRun ? 850 : 60; // × 6 groups

// The seed role and U.S. occupations of every shape: percentiles, top-coded ones (cardiologists), no
// annual wage (actors), openings of "fewer than 50" (prosthodontists).
const slugs = [...seedRoles.map((role) => role.slug), 'software-developers', 'registered-nurses', 'cardiologists', 'actors', 'prosthodontists'];

const tricky = fc.constantFrom(
  '%zz', '%', '%0', '%00', '%C3%28', '%E0%A4%A', '%FF', '%ED%A0%80', '..', '%2e%2e', '%2F', '%5C', '\\', 'null', 'undefined',
  'NaN', 'Infinity', '-Infinity', '-1', '0', '1.5', '1e309', '9'.repeat(40), '<script>alert(1)</script>', "'", '"', ' ',
  '%E2%80%AE', '%E2%80%8B', '%0d%0a', 'a'.repeat(3000),
);

/** A page cursor, well-formed or not: any JSON pair, base64url-encoded. */
const cursor = fc
  .tuple(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.bigInt().map(String), fc.constant(null)), fc.oneof(fc.integer(), fc.bigInt().map((n) => Number(n)), fc.string()))
  .map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url'));

/** Lone surrogates cannot be %-encoded; they become U+FFFD, as browsers do. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Any value, written into the URL as a browser would (%-encoded) or raw (broken escapes stay broken). */
const anyValue = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
      { weight: 3, arbitrary: tricky },
      { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
      { weight: 1, arbitrary: cursor },
    ),
    fc.boolean(),
  )
  .map(([value, encoded]) => (encoded ? encodeURIComponent(wellFormed(value)) : value.replace(/[^\x21-\x7e]/g, '').replace(/[#?&=/]/g, '')));

const slugLike = fc.oneof(fc.constantFrom(...slugs), fc.stringMatching(/^[a-z0-9-]{1,30}$/), anyValue);

/** Known values of each parameter, mixed with anything at all. */
const parameterValues: Record<string, fc.Arbitrary<string>> = {
  q: fc.oneof(fc.constantFrom('engineer', 'nurse', 'data', '%25', '%00'), anyValue),
  category: fc.oneof(fc.constantFrom(...categories.map((category) => category.slug)), anyValue),
  minSalary: fc.oneof(fc.integer({ min: -1, max: 300_000 }).map(String), anyValue),
  maxDegree: fc.oneof(fc.integer({ min: -1, max: 101 }).map(String), anyValue),
  // The two-parameter sorts (the API's and older links') and the listing's sort choices.
  sort: fc.oneof(fc.constantFrom('relevance', 'title', 'salary', 'openings', ...sortChoices.map((choice) => choice.value)), anyValue),
  order: fc.oneof(fc.constantFrom('asc', 'desc'), anyValue),
  after: fc.oneof(cursor, anyValue),
  before: fc.oneof(cursor, anyValue),
  page: fc.oneof(fc.integer({ min: -1, max: 2_000_000 }).map(String), anyValue),
  limit: fc.oneof(fc.integer({ min: -1, max: 101 }).map(String), anyValue),
  theme: fc.oneof(fc.constantFrom('light', 'dark', 'auto'), anyValue),
  compact: fc.oneof(fc.constantFrom('1', '0', 'true'), anyValue),
  locale: fc.oneof(fc.constantFrom('de-DE', 'fr', 'ja-JP', 'zz-ZZZZ', 'x-private', 'en-US-u-nu-arab'), anyValue),
  metric: fc.oneof(fc.constantFrom('salary', 'openings', 'degree'), anyValue),
  roles: fc.oneof(fc.array(slugLike, { maxLength: 6 }).map((list) => list.join(',')), anyValue),
  add: fc.oneof(fc.constantFrom('Pharmacists', 'nurse', 'engineer'), anyValue),
  url: fc.oneof(fc.constantFrom(...slugs).map((slug) => encodeURIComponent(`http://localhost/roles/${slug}`)), anyValue),
  format: fc.oneof(fc.constantFrom('json', 'xml'), anyValue),
  maxwidth: fc.oneof(fc.integer({ min: -5, max: 20_000 }).map(String), anyValue),
  maxheight: fc.oneof(fc.integer({ min: -5, max: 20_000 }).map(String), anyValue),
  callbackUrl: fc.oneof(fc.constantFrom('/admin', '%2F..%2F%2Fevil', 'https%3A%2F%2Fevil.example'), anyValue),
  error: anyValue,
  code: anyValue,
  signedOut: anyValue,
};

const listing = ['q', 'category', 'minSalary', 'maxDegree', 'sort', 'order', 'after', 'before', 'page'];

/** A query string of some of `names` (maybe repeated), plus an unknown parameter now and then. */
function queryOf(names: string[]) {
  const pair = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names).chain((name) => parameterValues[name]!.map((value) => `${name}=${value}`)) },
    { weight: 1, arbitrary: fc.tuple(anyValue, anyValue).map(([name, value]) => `${name}=${value}`) },
  );
  return fc.array(pair, { maxLength: 6 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

const method = fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS');

/** The public routes in six groups, each a generator of request paths. */
const routeGroups: Record<string, fc.Arbitrary<string>> = {
  'the listing and the API list': fc.oneof(
    queryOf(listing).map((query) => `/${query}`),
    queryOf([...listing, 'limit']).map((query) => `/api/v1/roles${query}`),
  ),
  'role pages': fc.oneof(
    fc.tuple(slugLike, queryOf(['q', 'page'])).map(([slug, query]) => `/roles/${slug}${query}`),
    fc.tuple(slugLike, slugLike).map(([slug, rest]) => `/roles/${slug}/${rest}`),
  ),
  'the role API': fc.tuple(slugLike, fc.constantFrom('', '/history', '/badge.svg'), queryOf(['metric', 'limit'])).map(
    ([slug, part, query]) => `/api/v1/roles/${slug}${part}${query}`,
  ),
  'comparisons': fc.oneof(
    fc.tuple(fc.array(slugLike, { minLength: 1, maxLength: 6 }), fc.constantFrom(',', '%2C')).map(([list, comma]) => `/compare/${list.join(comma)}`),
    queryOf(['roles', 'add']).map((query) => `/compare${query}`),
  ),
  'the widget and oEmbed': fc.oneof(
    fc.tuple(slugLike, queryOf(['theme', 'compact', 'locale'])).map(([slug, query]) => `/embed/${slug}${query}`),
    queryOf(['url', 'format', 'maxwidth', 'maxheight']).map((query) => `/api/oembed${query}`),
  ),
  'everything else': fc.oneof(
    fc.tuple(fc.constantFrom('/sitemaps/', '/sitemaps/0', '/sitemaps/'), slugLike).map(([prefix, page]) => `${prefix}${page}.xml`),
    fc.tuple(
      fc.constantFrom('/login', '/developers', '/sitemap.xml', '/robots.txt', '/api/v1/openapi.json', '/api/v1/roles.csv', '/api/health', '/compare'),
      queryOf(['callbackUrl', 'error', 'code', 'signedOut', 'q']),
    ).map(([path, query]) => `${path}${query}`),
  ),
};

test.describe('fuzzing every public route: no request gets a 5xx', () => {
  test.describe.configure({ mode: 'parallel' });
  for (const [group, paths] of Object.entries(routeGroups)) {
    test(group, async ({ baseURL }) => {
      test.setTimeout(300_000);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const statuses = new Map<number, number>();
      try {
        await fc.assert(
          fc.asyncProperty(method, paths, async (verb, path) => {
            const response = await rawRequest(baseURL!, { method: verb, path }, agent);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            expect(response.status, `${verb} ${path}`).toBeLessThan(500);
          }),
          { numRuns: RUNS_PER_ROUTE_GROUP },
        );
      } finally {
        agent.destroy();
        console.log(`${group}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(', ')}`);
      }
    });
  }
});

// Server Action posts: any id (the build's actions, its cached reads, made-up ones), sent as a
// fetch action (JSON or multipart arguments) or as a form posted without JavaScript, to any page,
// with or without a made-up session cookie. The sign-in action gets no form of credentials: a real
// attempt from this address would count against the sign-in limits of the other tests.
const manifestNames = (JSON.parse(fs.readFileSync(path.join(BUILD_DIR, SERVER_REFERENCE_MANIFEST_FILE), 'utf8')) as { node: Record<string, { exportedName: string }> }).node;
const { actions, cacheFunctions } = readServerReferences('.next');
const signInActionId = Object.keys(manifestNames).find((id) => manifestNames[id]!.exportedName === 'signInAction')!;
const adminActionIds = [...actions].filter((id) => id !== signInActionId);

const actionId = fc.oneof(
  fc.constantFrom(...cacheFunctions),
  fc.constantFrom(...adminActionIds, signInActionId),
  fc.stringMatching(/^[0-9a-f]{42}$/),
  fc.string({ maxLength: 50 }).map((text) => text.replace(/[^\x21-\x7e]/g, '')),
);
/** Arguments as React encodes a call: a JSON list (with reference-like strings), or not even that. */
const jsonArguments = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('$K1', '$@1', '$Q1', '$h1', '$D2026', '$n9', '$undefined', '$T')), { maxLength: 4 }).map((list) => JSON.stringify(list)) },
  { weight: 1, arbitrary: fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.string({ maxLength: 200 })) },
);
const actionPath = fc.constantFrom('/login', '/admin', '/admin/roles/new', '/admin/users', '/admin/import', '/', '/compare', '/roles/software-developers');

type ActionPost = { path: string; headers: Record<string, string>; body: string | Buffer };

function multipart(fields: [string, string][]) {
  const boundary = `fuzz${Math.random().toString(36).slice(2)}`;
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '')}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body: Buffer.from(body), contentType: `multipart/form-data; boundary=${boundary}` };
}

const actionPost: fc.Arbitrary<ActionPost> = fc
  .tuple(actionId, jsonArguments, actionPath, fc.boolean(), fc.constantFrom('fetch-json', 'fetch-form', 'form-id', 'form-reference'), fc.string({ maxLength: 40 }))
  .map(([id, args, postPath, withCookie, style, extra]) => {
    const cookie: Record<string, string> = withCookie ? { Cookie: 'authjs.session-token=made-up' } : {};
    // The sign-in action is never sent a form that could carry credentials (see above).
    const formStyle = id === signInActionId && style !== 'fetch-json' ? 'fetch-json' : style;
    if (formStyle === 'fetch-json') return { path: postPath, headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', ...cookie }, body: args };
    const fields: [string, string][] =
      formStyle === 'fetch-form'
        ? [['0', args], ['1_note', extra]]
        : formStyle === 'form-id'
          ? [[`$ACTION_ID_${id}`, ''], ['note', extra]]
          : [['$ACTION_REF_1', ''], ['$ACTION_1:0', JSON.stringify({ id, bound: '$@1' })], ['$ACTION_1:1', args], ['note', extra]];
    const { body, contentType } = multipart(fields);
    return { path: postPath, headers: { ...(formStyle === 'fetch-form' ? { 'Next-Action': id } : {}), 'Content-Type': contentType, ...cookie }, body };
  });

// FUZZ_ACTION_RUNS=6000 makes a deeper run than the soak run's 850.
test('fuzzing Server Action posts: no 5xx, and no cached read is ever run', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const statuses = new Map<number, number>();
  try {
    await fc.assert(
      fc.asyncProperty(actionPost, async (post) => {
        const response = await rawRequest(baseURL!, { method: 'POST', ...post, headers: { ...post.headers, 'Content-Length': String(Buffer.byteLength(post.body)) } }, agent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const label = `POST ${post.path} ${JSON.stringify(post.headers)} ${String(post.body).slice(0, 300)}`;
        expect(response.status, label).toBeLessThan(500);
        const named = post.headers['Next-Action'] ?? /\$ACTION_ID_([^"\r]*)|"id":"([^"\\]*)"/.exec(String(post.body))?.slice(1).find((id) => id !== undefined);
        if (named !== undefined && cacheFunctions.has(named)) expect([404, 405], label).toContain(response.status);
      }),
      { numRuns: Number(process.env.FUZZ_ACTION_RUNS ?? RUNS_PER_ROUTE_GROUP) },
    );
  } finally {
    agent.destroy();
    console.log(`Server Action posts: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(', ')}`);
  }
});
