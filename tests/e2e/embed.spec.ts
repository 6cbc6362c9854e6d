// Another site embeds a role: the widget in an iframe from a different origin, and oEmbed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

/** A stand-in for a third-party site: serves one page on its own port (another origin). */
async function startThirdPartySite(html: string) {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const page = (body: string) => `<!doctype html><html lang="en"><head><title>A university careers page</title></head><body><h1>Careers</h1>${body}</body></html>`;

test.describe('the embed widget', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`renders inside another site's iframe with the right numbers (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
      baseURL,
    }) => {
      const site = await startThirdPartySite(
        page(`<iframe src="${baseURL}/embed/backend-software-engineer" title="Backend Software Engineer salary statistics" width="360" height="220" loading="lazy"></iframe>`),
      );
      const context = await browser.newContext({ javaScriptEnabled });
      const thirdParty = await context.newPage();
      try {
        await thirdParty.goto(site.url);
        const card = thirdParty.frameLocator('iframe[title="Backend Software Engineer salary statistics"]');
        await expect(card.getByRole('heading', { name: 'Backend Software Engineer' })).toBeVisible();
        await expect(card.getByRole('definition')).toHaveText(['$110,000', '1 job opening', '100%']);
        await expect(card.getByText('As of November 2026')).toBeVisible();
        const link = card.getByRole('link', { name: 'Full statistics on Roleboard' });
        await expect(link).toHaveAttribute('target', '_blank');
        await expect(link).toHaveAttribute('rel', 'noopener');
        await expect(link).toHaveAttribute('href', /\/roles\/backend-software-engineer$/);
      } finally {
        await context.close();
        await site.close();
      }
    });
  }

  test('is small, script-free, frameable by anyone; other pages are not frameable', async ({ request }) => {
    const response = await request.get('/embed/software-developers?theme=dark&locale=de-DE');
    const html = await response.text();
    expect(html.length).toBeLessThan(10_000);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).toContain('144.570');
    expect(response.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(response.headers()['x-frame-options']).toBeUndefined();
    const rolePage = await request.get('/roles/backend-software-engineer');
    expect(rolePage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(rolePage.headers()['x-frame-options']).toBe('DENY');
  });

  test('bad options fall back to defaults, and the compact card is smaller', async ({ request }) => {
    const fallback = await request.get('/embed/backend-software-engineer?theme=neon&compact=maybe&locale=%3Cscript%3E');
    expect(fallback.status()).toBe(200);
    const html = await fallback.text();
    expect(html).toContain('$110,000');
    expect(html).toContain('lang="en-US"');
    expect(await (await request.get('/embed/software-developers')).text()).toContain('<dt>Middle half</dt>');
    const compact = await (await request.get('/embed/software-developers?compact=1')).text();
    expect(compact).not.toContain('<dt>Middle half</dt>');
    expect((await request.get('/embed/no-such-role')).status()).toBe(404);
  });
});

test.describe('oEmbed discovery and the Embed or share box', () => {
  test('the role page links to oEmbed, whose iframe renders the card', async ({ page: rolePage, request, browser }) => {
    await rolePage.goto('/roles/backend-software-engineer');
    const discovery = rolePage.locator('link[rel="alternate"][type="application/json+oembed"]');
    const href = await discovery.getAttribute('href');
    expect(href).toBeTruthy();
    const oembed = await (await request.get(href!)).json();
    expect(oembed).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Roleboard' });

    const site = await startThirdPartySite(page(oembed.html));
    const context = await browser.newContext();
    const thirdParty = await context.newPage();
    try {
      await thirdParty.goto(site.url);
      const card = thirdParty.frameLocator('iframe');
      await expect(card.getByRole('definition').first()).toHaveText('$110,000');
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('the role page offers copyable iframe and badge snippets with previews', async ({ page }) => {
    await page.goto('/roles/backend-software-engineer');
    const box = page.getByRole('region', { name: 'Embed or share' });
    // Folded away until asked for.
    await expect(box.getByLabel('Card (iframe)')).toBeHidden();
    await box.getByText('Embed or share').click();
    const snippet = await box.getByLabel('Card (iframe)').inputValue();
    // 182 px: the seed role's card has no salary range, only its degree requirement below the figures.
    expect(snippet).toMatch(/^<iframe src="[^"]+\/embed\/backend-software-engineer" title="[^"]+" width="360" height="182" loading="lazy"/);
    expect(await box.getByLabel('Badge').inputValue()).toContain('/api/v1/roles/backend-software-engineer/badge.svg');
    await expect(box.frameLocator('iframe').getByRole('definition').first()).toHaveText('$110,000');
    await expect(box.getByRole('img', { name: 'Backend Software Engineer average salary badge' })).toBeVisible();
  });
});
