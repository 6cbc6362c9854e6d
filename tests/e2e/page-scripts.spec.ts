// Public pages are read without a framework on the client: the only script they load is our own
// enhance.js (copy and print buttons), and per-request pages revalidate rather than re-download.
// Admin pages keep Next.js's runtime: their forms need it.
import { expect, test, type Page } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';
import { clipboardText, expectCopyButtons } from './support/clipboard';

const publicPages = ['/', '/?q=nurse', '/roles/software-developers', '/compare/software-developers,computer-programmers', '/compare', '/developers'];

function scriptsLoadedBy(page: Page) {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

for (const path of publicPages) {
  test(`${path} loads no script but enhance.js`, async ({ page }) => {
    const scripts = scriptsLoadedBy(page);
    const response = await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual(['/enhance.js']);
    const html = await response!.text();
    expect(html).not.toContain('__next_f');
    expect(html).not.toMatch(/<script[^>]+src="\/_next\//);
  });
}

test('the role page still carries its JSON-LD and works with JavaScript', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const response = await page.goto('/roles/software-developers');
  expect(await response!.text()).toContain('application/ld+json');
  await page.getByText('Embed or share').click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await clipboardText(page)).toMatch(/\/roles\/software-developers$/);
  // Each snippet of the embed box has its own copy button.
  await expectCopyButtons(page, [
    ['Copy card HTML', 'Card HTML copied', 'Card (iframe)'],
    ['Copy badge HTML', 'Badge HTML copied', 'Badge'],
  ]);
  expect(await clipboardText(page)).toContain('/api/v1/roles/software-developers/badge.svg');
});

test('the listing may be kept by the browser and is answered 304 when unchanged', async ({ request }) => {
  const first = await request.get('/?q=engineer');
  // Browsers ask again each time; shared caches (the edge) keep it a day, purged on save.
  expect(first.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=86400\b/);
  const etag = first.headers()['etag'] ?? '';
  expect(etag).toMatch(/^W\/".+"$/);
  const again = await request.get('/?q=engineer', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  const other = await request.get('/?q=nurse', { headers: { 'If-None-Match': etag } });
  expect(other.status()).toBe(200);
});

test('admin pages keep the runtime their forms need', async ({ page }) => {
  const scripts = scriptsLoadedBy(page);
  await signIn(page, testUsers.admin);
  await page.goto('/admin/roles/software-developers');
  expect(scripts.some((path) => path.startsWith('/_next/static/chunks/'))).toBe(true);
});
