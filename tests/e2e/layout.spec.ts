// What a reader sees on a phone (375 px) and a laptop (1280 px), in light and dark mode, page by
// page: nothing wider than the screen, one main landmark (and on public pages one banner and one
// contentinfo), nothing loaded from another host, admin rows a line or two tall, a 404 that reads
// without JavaScript, icons and link previews that load, and no accessibility violations (contrast
// included, in both schemes).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

const publicPages = [
  '/',
  '/roles/software-developers',
  '/compare/software-developers,computer-programmers',
  '/compare/software-developers,computer-and-information-research-scientists,data-scientists,backend-software-engineer',
  '/?compareWith=software-developers,data-scientists',
  '/developers',
  '/login',
  '/roles/does-not-exist',
  // A path that does not %-decode: the HTTP front's own error page (lib/server/error-documents.ts).
  '/roles/%E0%A4%A',
];
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

/** Every request the page makes from here on, to check that none goes to another host. */
function recordRequests(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

function expectOnlyOurOrigin(urls: string[], baseURL: string | undefined, path: string) {
  const ours = new URL(baseURL!).origin;
  expect(
    urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== ours),
    `${path} loads nothing from another host`,
  ).toEqual([]);
}

/** In dark mode the page really is dark: its background is near black. */
async function expectSchemeApplied(page: Page, colorScheme: 'light' | 'dark', path: string) {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [red, green, blue] = background.match(/\d+/g)!.map(Number) as [number, number, number];
  const lightness = (red + green + blue) / 3;
  if (colorScheme === 'dark') expect(lightness, `${path} is dark in dark mode (${background})`).toBeLessThan(60);
  else expect(lightness, `${path} is light in light mode (${background})`).toBeGreaterThan(200);
}

/**
 * The four views of one loaded page, each reached in place (the width by resizing, the scheme by
 * emulating it): the CSS answers a resize or a scheme change as it answers a fresh load, and the
 * page is loaded once, not four times. axe runs at each width once and in each scheme once (375 px
 * light, 1280 px dark): contrast depends on the scheme, what is shown on the width; the other two
 * pairings would run the same rules over the same markup and colours again.
 */
const views = [
  { width: 375, colorScheme: 'light', checkAccessibility: true },
  { width: 375, colorScheme: 'dark', checkAccessibility: false },
  { width: 1280, colorScheme: 'dark', checkAccessibility: true },
  { width: 1280, colorScheme: 'light', checkAccessibility: false },
] as const;

/** Each view in turn: the page fits, has its landmarks, shows the scheme and, where it is due, passes axe. */
async function expectEveryView(page: Page, path: string, expectLandmarks: () => Promise<void>) {
  for (const { width, colorScheme, checkAccessibility } of views) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    await test.step(`at ${width} px, ${colorScheme}`, async () => {
      await expectFitsTheScreen(page, `${path} at ${width} px`);
      await expectLandmarks();
      await expectSchemeApplied(page, colorScheme, `${path} at ${width} px`);
      if (checkAccessibility) await expectNoAccessibilityViolations(page, `${path} at ${width} px, ${colorScheme}`);
    });
  }
}

test.describe('at 375 and 1280 px, light and dark', () => {
  test.use({ viewport: { width: views[0].width, height: 900 }, colorScheme: views[0].colorScheme });
  // axe alone takes 5 s over the admin roles list and 11 s over the audit log on an idle 2-core
  // machine, and runs twice a page; with both workers busy, more than the default 30 s.
  test.describe.configure({ timeout: 90_000 });

  for (const path of publicPages) {
    test(`${path} fits the screen with one header, main and footer`, async ({ page, baseURL }) => {
      const requests = recordRequests(page);
      await page.goto(path);
      await expectEveryView(page, path, async () => {
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('banner')).toHaveCount(1);
        await expect(page.getByRole('contentinfo')).toHaveCount(1);
      });
      expectOnlyOurOrigin(requests, baseURL, path);
    });
  }

  for (const path of adminPages) {
    test(`${path} fits the screen with one main`, async ({ page, baseURL }) => {
      await signIn(page, testUsers.admin);
      const requests = recordRequests(page);
      await page.goto(path);
      await expectEveryView(page, path, async () => {
        await expect(page.getByRole('main')).toHaveCount(1);
      });
      expectOnlyOurOrigin(requests, baseURL, path);
    });
  }
});

test.describe('the font', () => {
  for (const path of ['/', '/roles/software-developers', '/login', '/roles/does-not-exist']) {
    test(`${path} is set in Geist, loaded from our own origin`, async ({ page, baseURL }) => {
      const fontResponses: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'font') fontResponses.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(path);
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family.replace(/["']/g, ''));
      });
      expect(loaded).toContain('GeistSans');
      const family = await page.getByRole('heading', { level: 1 }).evaluate((heading) => getComputedStyle(heading).fontFamily);
      expect(family).toMatch(/^["']?GeistSans["']?, ["']?GeistSans Fallback/);
      expect(fontResponses).toEqual([expect.stringMatching(new RegExp(`^200 ${new URL(baseURL!).origin}/_next/static/media/.+\\.woff2$`))]);
    });
  }

  test('the HTTP front preloads it, from our own origin', async ({ request }) => {
    const response = await request.get('/');
    expect(response.headers()['link']).toMatch(/^<\/_next\/static\/media\/[^>]+\.woff2>; rel=preload; as="font"/);
  });
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 900 } });

  test('a wide table scrolls in its own named box, which the keyboard can reach', async ({ page }) => {
    await signIn(page, testUsers.admin);
    await page.goto('/admin');
    const box = page.getByRole('group', { name: 'Roles' });
    await expect(box.getByRole('table')).toBeVisible();
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await box.focus();
    await expect(box).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });
});

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
