// Every response carries the security headers: pages, the API, the widget, the badge, a 404, a
// refused request and a 500. Public pages' CSP allows exactly their own inline scripts by hash,
// signed-in pages' by a nonce of their own, and a real browser runs the site under it without a
// single violation.
import { createHash } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { testUsers } from '../support/users';
import { createLoadedDatabase, execute } from './support/databases';
import { signIn } from './support/sign-in';
import { startServer } from './support/server';

/** The CSP as directive → sources. */
function policyOf(response: APIResponse) {
  const header = response.headers()['content-security-policy'];
  expect(header, 'Content-Security-Policy').toBeTruthy();
  return new Map(
    header!.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['permissions-policy']).toContain('geolocation=()');
}

function expectPageHeaders(response: APIResponse) {
  expectCommonHeaders(response);
  const headers = response.headers();
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  const policy = policyOf(response);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  const scripts = policy.get('script-src') ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  return policy;
}

/** sha256 sources of a document's executable inline scripts, computed here independently. */
function inlineScriptSources(html: string) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, content]) => `'sha256-${createHash('sha256').update(content!).digest('base64')}'`,
  );
}

test.describe('security headers', () => {
  test('a role page: strict CSP with no inline script to allow (it runs none), COOP, CORP, no HSTS over http', async ({ request }) => {
    const response = await request.get('/roles/backend-software-engineer');
    expect(response.status()).toBe(200);
    const policy = expectPageHeaders(response);
    expect(inlineScriptSources(await response.text())).toEqual([]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  });

  test("the login page, which runs Next.js: the CSP's hashes are exactly its inline scripts", async ({ request }) => {
    const response = await request.get('/login');
    const policy = expectPageHeaders(response);
    const inline = inlineScriptSources(await response.text());
    expect(inline.length).toBeGreaterThan(0);
    expect(policy.get('script-src')!.filter((source) => source.startsWith("'sha256-")).sort()).toEqual([...new Set(inline)].sort());
  });

  test("a signed-in page: a nonce of its own, fresh each time, which every script on it carries", async ({ page }) => {
    await signIn(page, testUsers.editor);
    const nonceOf = (policy: Map<string, string[]>) => {
      const nonces = (policy.get('script-src') ?? []).filter((source) => source.startsWith("'nonce-"));
      expect(nonces).toHaveLength(1);
      return nonces[0]!.slice("'nonce-".length, -1);
    };
    const response = await page.request.get('/admin/roles/backend-software-engineer');
    expect(response.status()).toBe(200);
    const policy = expectPageHeaders(response);
    const nonce = nonceOf(policy);
    expect(policy.get('script-src')!.filter((source) => source.startsWith("'sha256-"))).toEqual([]);
    const scripts = [...(await response.text()).matchAll(/<script\b([^>]*)>/gi)].map(([, attributes = '']) => attributes).filter((attributes) => !/type="application\/ld\+json"/.test(attributes));
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(nonceOf(policyOf(await page.request.get('/admin/roles/backend-software-engineer')))).not.toBe(nonce);
  });

  test('the listing, a comparison, the developers page and the login page', async ({ request }) => {
    for (const path of ['/', '/?q=engineer', '/compare/accountants-and-auditors,pharmacists', '/developers', '/login']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectPageHeaders(response);
    }
  });

  test('the API, the badge and oEmbed may be used by other sites, and run nothing', async ({ request }) => {
    for (const path of [
      '/api/v1/roles/backend-software-engineer',
      '/api/v1/roles?sort=salary',
      '/api/v1/roles/backend-software-engineer/badge.svg',
      '/api/v1/roles.csv',
      '/api/v1/roles/no-such-role',
    ]) {
      const response = await request.get(path);
      expectCommonHeaders(response);
      expect(response.headers()['cross-origin-resource-policy'], path).toBe('cross-origin');
      expect(policyOf(response).get('default-src'), path).toEqual(["'none'"]);
      expect(response.headers()['x-frame-options'], path).toBe('DENY');
    }
  });

  test('the widget may be framed anywhere and loads nothing', async ({ request }) => {
    const response = await request.get('/embed/backend-software-engineer');
    expectCommonHeaders(response);
    expect(response.headers()['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers()['x-frame-options']).toBeUndefined();
    const policy = policyOf(response);
    expect(policy.get('frame-ancestors')).toEqual(['*']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  test('a 404 and a refused request carry them too', async ({ request }) => {
    const notFound = await request.get('/roles/no-such-role');
    expect(notFound.status()).toBe(404);
    expectPageHeaders(notFound);

    const refused = await request.get('/roles/%zz');
    expect(refused.status()).toBe(400);
    expectCommonHeaders(refused);
    expect(policyOf(refused).get('default-src')).toEqual(["'none'"]);
    await expect(refused.text()).resolves.toContain('This address could not be read');
  });

  test('a browser runs every page under the policy without a violation, and the app still works', async ({ page }) => {
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const collect = async () => violations.push(...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])));

    for (const path of ['/', '/roles/backend-software-engineer', '/compare/accountants-and-auditors,pharmacists', '/developers']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await collect();
    }
    // Client-side navigation needs the inline bootstrap scripts the policy allows.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare roles' })).toBeVisible();
    await collect();

    await signIn(page, testUsers.editor);
    await page.goto('/admin/roles/backend-software-engineer');
    await page.waitForLoadState('networkidle');
    await collect();
    expect(violations).toEqual([]);
  });
});

test.describe('on a server whose database is broken, behind https', () => {
  test('a 500 is a friendly page with every header, HSTS included; the API answers problem details', async () => {
    test.setTimeout(120_000);
    const database = await createLoadedDatabase('broken');
    // Searches join categories; without the table every uncached search fails (a bug, not an outage).
    await execute(database.url, 'alter table categories rename to categories_gone');
    const server = await startServer({ env: { DATABASE_URL: database.url, SITE_URL: 'https://roleboard.example' } });
    try {
      const page = await fetch(`${server.url}/?q=engineer`);
      expect(page.status).toBe(500);
      expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain('Something went wrong');
      expect(html).not.toMatch(/categories_gone|relation|at .*\.js/);

      const api = await fetch(`${server.url}/api/v1/roles?q=engineer`);
      expect(api.status).toBe(500);
      expect(api.headers.get('content-type')).toBe('application/problem+json');
      expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(api.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(await api.json()).toMatchObject({ status: 500, title: 'Internal Server Error' });

      // Pages that work there ask browsers to upgrade any http subresource.
      const login = await fetch(`${server.url}/login`);
      expect(login.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await server.stop();
      await database.drop();
    }
  });
});
