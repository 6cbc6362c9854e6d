// What a reader sees on a phone (375 px) and a laptop (1280 px), page by page: nothing wider than
// the screen, one main landmark (and on public pages one banner and one contentinfo), admin rows a
// line or two tall, a 404 that reads without JavaScript, icons and link previews that load, and no
// accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

const publicPages = ['/', '/roles/software-developers', '/compare/software-developers,computer-programmers', '/developers', '/login', '/roles/does-not-exist'];
const adminPages = [
  '/admin',
  '/admin/roles/software-developers',
  '/admin/roles/software-developers/history',
  '/admin/audit',
  '/admin/users',
  '/admin/import',
];

async function expectFitsTheScreen(page: Page, path: string) {
  const { pageWidth, screenWidth } = await page.evaluate(() => ({ pageWidth: document.documentElement.scrollWidth, screenWidth: window.innerWidth }));
  expect(pageWidth, `${path} is no wider than the screen`).toBeLessThanOrEqual(screenWidth);
}

async function expectNoAccessibilityViolations(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations, path).toEqual([]);
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const path of publicPages) {
      test(`${path} fits the screen with one header, main and footer`, async ({ page }) => {
        await page.goto(path);
        await expectFitsTheScreen(page, path);
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('banner')).toHaveCount(1);
        await expect(page.getByRole('contentinfo')).toHaveCount(1);
        await expectNoAccessibilityViolations(page, path);
      });
    }

    for (const path of adminPages) {
      test(`${path} fits the screen with one main`, async ({ page }) => {
        await signIn(page, testUsers.admin);
        await page.goto(path);
        await expectFitsTheScreen(page, path);
        await expect(page.getByRole('main')).toHaveCount(1);
        await expectNoAccessibilityViolations(page, path);
      });
    }
  });
}

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('every row of the admin roles list is one or two lines tall', async ({ page }) => {
    await signIn(page, testUsers.admin);
    await page.goto('/admin');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    const tallRows = await page.getByRole('table').evaluate((table) => {
      const lineHeight = parseFloat(getComputedStyle(table.querySelector('tbody td')!).lineHeight);
      return [...table.querySelectorAll('tbody tr')]
        .filter((row) => row.getBoundingClientRect().height >= 3 * lineHeight)
        .map((row) => row.querySelector('th')?.textContent);
    });
    expect(tallRows).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an unknown role is a 404 page with its heading, header and footer in the HTML', async ({ page }) => {
    const response = await page.goto('/roles/does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Browse all roles' })).toBeVisible();
  });

  test('an unknown role in the admin area is a 404 page with its heading in the HTML', async ({ page }) => {
    await signIn(page, testUsers.editor);
    for (const path of ['/admin/roles/does-not-exist', '/admin/roles/does-not-exist/history']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Page not found');
      await expect(page.getByRole('main'), path).toHaveCount(1);
    }
  });
});

test.describe('icons and link previews', () => {
  test('the icons answer with their images', async ({ page, request }) => {
    await page.goto('/');
    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    for (const [path, type] of [
      ['/icon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/x-icon'],
      [appleIcon!, 'image/png'],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toBe(type);
    }
  });

  for (const path of ['/', '/roles/software-developers']) {
    test(`${path} has a large link preview that answers with a PNG`, async ({ page, request }) => {
      await page.goto(path);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      const response = await request.get(new URL(image!).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    });
  }

  test('a made-up role has no preview image', async ({ page, request }) => {
    await page.goto('/roles/software-developers');
    const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!).pathname;
    const response = await request.get(image.replace('/software-developers/', '/does-not-exist/'));
    expect(response.status()).toBe(404);
  });
});
