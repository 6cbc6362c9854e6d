// The embed card as another site shows it: in an iframe exactly as large as the snippet says.
// Every variant (with and without a salary range, compact, long titles, each language, both
// themes) must fill its frame with no empty band and no cut-off text, and pass axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectCopyButtons } from './support/clipboard';

type Card = { slug: string; query: string; what: string };

/** The first role the API finds for these words, so the test needs no slug it cannot see. */
async function slugOf(request: APIRequestContext, words: string) {
  const { items } = await (await request.get(`/api/v1/roles?q=${encodeURIComponent(words)}&limit=1`)).json();
  return items[0].slug as string;
}

/** The snippet the developers page's card builder hands out for this card. */
async function snippetFor(page: Page, { slug, query }: Card) {
  await page.goto(`/developers?role=${slug}&${query}`);
  const snippet = await page.getByLabel('HTML for your page').inputValue();
  const [, src, width, height] = /^<iframe src="([^"]+)" title="[^"]+" width="(\d+)" height="(\d+)"/.exec(snippet)!;
  return { src: src!.replaceAll('&amp;', '&'), width: Number(width), height: Number(height) };
}

/** How the card fills its frame: the space above the footer, and every text cut short. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('main.card')!;
    const footer = card.querySelector('.foot')!;
    const above = footer.previousElementSibling!;
    const gap = parseFloat(getComputedStyle(card).rowGap);
    const clipped = [...card.querySelectorAll('h1, dt, dd, .category, .foot > *')]
      .filter((element) => {
        const box = element as HTMLElement;
        return box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      })
      .map((element) => element.textContent);
    const cardBox = card.getBoundingClientRect();
    return {
      emptyAboveFooter: footer.getBoundingClientRect().top - above.getBoundingClientRect().bottom - gap,
      footerInside: footer.getBoundingClientRect().bottom <= cardBox.bottom - parseFloat(getComputedStyle(card).paddingBottom) + 0.5,
      cardFitsFrame: Math.round(cardBox.height) === window.innerHeight && Math.round(cardBox.width) === window.innerWidth,
      clipped,
    };
  });
}

test.describe('the embed card fills its frame exactly, in every variant, language and theme', () => {
  // Each role's five cards are loaded, measured and checked by axe in a test of their own, so that
  // both workers share them.
  for (const [role, what] of [
    ['software-developers', 'a salary range'],
    ['backend-software-engineer', 'no range, the degree requirement'],
    ['cardiologists', 'top-coded wages'],
    [{ words: 'Aircraft Cargo Handling Supervisors' }, 'a title of 112 characters'],
  ] as const) {
    test(`${what}`, async ({ page, request, browser }) => {
      test.setTimeout(120_000);
      const slug = typeof role === 'string' ? role : await slugOf(request, role.words);
      for (const query of ['theme=light&compact=0', 'theme=dark&compact=1', 'locale=de-DE', 'locale=fr-FR&theme=dark', 'locale=es-ES']) {
        const card = { slug, query, what };
        const { src, width, height } = await snippetFor(page, card);
        const context = await browser.newContext({ viewport: { width, height } });
        const frame = await context.newPage();
        try {
          expect((await frame.goto(src))?.status()).toBe(200);
          const measured = await measure(frame);
          const label = `${card.slug}?${card.query} (${card.what}), ${width}×${height}`;
          expect(measured.cardFitsFrame, label).toBe(true);
          expect(Math.abs(measured.emptyAboveFooter), `${label}: empty space above the footer`).toBeLessThanOrEqual(1);
          expect(measured.footerInside, `${label}: the footer is inside the card`).toBe(true);
          expect(measured.clipped, `${label}: text cut short`).toEqual([]);
          const axe = await new AxeBuilder({ page: frame }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          expect(axe.violations.map((violation) => violation.id), label).toEqual([]);
        } finally {
          await context.close();
        }
      }
    });
  }
});

test.describe('a card narrower than designed', () => {
  // oEmbed's maxwidth, or a phone's column: the same height, smaller figures and a shorter link.
  for (const [slug, locale] of [
    ['software-developers', 'en-US'],
    ['backend-software-engineer', 'en-US'],
    ['software-developers', 'de-DE'],
    ['software-developers', 'fr-FR'],
    ['backend-software-engineer', 'es-ES'],
  ]) {
    test(`${slug} in ${locale} at 300 px cuts no text short`, async ({ browser, page }) => {
      const { src, height } = await snippetFor(page, { slug: slug!, query: `locale=${locale}`, what: '' });
      const context = await browser.newContext({ viewport: { width: 300, height } });
      try {
        const frame = await context.newPage();
        await frame.goto(src);
        const measured = await measure(frame);
        expect(measured.clipped).toEqual([]);
        expect(Math.abs(measured.emptyAboveFooter)).toBeLessThanOrEqual(1);
      } finally {
        await context.close();
      }
    });
  }
});

test.describe('the developers page’s card builder', () => {
  test('builds the snippet, preview and oEmbed address for the options chosen, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto('/developers');
      await page.getByRole('combobox', { name: 'Role', exact: true }).fill('http://localhost/roles/software-developers');
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.getByRole('radio', { name: /Compact/ }).check();
      await page.getByLabel('Language and number format').selectOption('de-DE');
      await page.getByRole('button', { name: 'Show this card' }).click();
      await expect(page).toHaveURL(/role=.*software-developers.*theme=dark.*compact=1.*locale=de-DE/);
      const snippet = await page.getByLabel('HTML for your page').inputValue();
      expect(snippet).toMatch(/\/embed\/software-developers\?theme=dark&amp;compact=1&amp;locale=de-DE" title="Software Developers: Gehaltsstatistik von Roleboard" width="360" height="102"/);
      await expect(page.getByLabel('oEmbed address')).toHaveValue(/\/api\/oembed\?url=.*%2Froles%2Fsoftware-developers$/);
      const preview = page.frameLocator('iframe[title="Preview: Software Developers salary statistics card"]');
      await expect(preview.getByRole('definition')).toHaveText(['144.570 $']);
      // The form shows what it built.
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
      await expect(page.getByRole('combobox', { name: 'Role', exact: true })).toHaveValue('Software Developers');
    } finally {
      await context.close();
    }
  });

  test('starts from a real occupation, with a copy button on each snippet', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/developers');
    await expect(page.getByRole('combobox', { name: 'Role', exact: true })).toHaveValue('Software Developers');
    await expect(page.getByRole('heading', { name: 'Preview: Software Developers' })).toBeVisible();
    const snippet = await page.getByLabel('HTML for your page').inputValue();
    expect(snippet).toContain('/embed/software-developers"');
    await expectCopyButtons(page, [
      ['Copy HTML', 'HTML copied', 'HTML for your page'],
      ['Copy badge HTML', 'Badge HTML copied', 'Badge (HTML)'],
      ['Copy Markdown', 'Markdown copied', 'Badge (Markdown, for a README)'],
      ['Copy address', 'Address copied', 'oEmbed address'],
    ]);
    // The seed role stays one to pick.
    await page.goto('/developers?role=backend-software-engineer');
    expect(await page.getByLabel('HTML for your page').inputValue()).toContain('/embed/backend-software-engineer"');
  });

  test('a title as typed suggests roles and changes the card only when one is picked', async ({ page }) => {
    await page.goto('/developers');
    const role = page.getByRole('combobox', { name: 'Role', exact: true });
    await role.fill('electrician');
    await expect(page.getByRole('option', { name: 'Electricians', exact: true, includeHidden: true })).toBeAttached();
    // Still the card it started with: typing alone changes nothing.
    await expect(page).toHaveURL(/\/developers$/);
    expect(await page.getByLabel('HTML for your page').inputValue()).toContain('/embed/software-developers"');
    await role.fill('Electricians');
    await expect(page).toHaveURL(/role=Electricians/);
    await expect(page.getByRole('heading', { name: 'Preview: Electricians' })).toBeVisible();
    expect(await page.getByLabel('HTML for your page').inputValue()).toContain('/embed/electricians"');
  });

  test('without JavaScript, a name that fits several roles offers them and one that fits none shows no card', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      // "nurse" names several occupations ("electrician" names Electricians alone, so it shows that card).
      await page.goto('/developers?role=nurse&theme=dark');
      const choices = page.getByRole('list', { name: 'Roles matching “nurse”' });
      await expect(choices.getByRole('link', { name: 'Registered Nurses', exact: true })).toBeVisible();
      await expect(page.getByLabel('HTML for your page')).toHaveCount(0);
      await choices.getByRole('link', { name: 'Registered Nurses', exact: true }).click();
      await expect(page).toHaveURL(/role=registered-nurses&theme=dark#widget$/);
      expect(await page.getByLabel('HTML for your page').inputValue()).toContain('/embed/registered-nurses?theme=dark"');

      const response = await page.goto('/developers?role=zzyzx-qwerty&theme=neon&compact=maybe&locale=%3Cx%3E');
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('status').filter({ hasText: 'No role matches' })).toHaveText('No role matches “zzyzx-qwerty”, so there is no card to show. Try another title, or part of one, such as “nurse”.');
      await expect(page.getByLabel('HTML for your page')).toHaveCount(0);
      await expect(page.getByTitle(/^Preview:/)).toHaveCount(0);
      const notice = page.getByRole('status').filter({ hasText: 'is not a theme' });
      await expect(notice).toContainText('“neon” is not a theme (light, dark or auto), so the card uses the default (light).');
      await expect(notice).toContainText('“maybe” is not a size');
      await expect(notice).toContainText('“<x>” is not a locale');
      await expect(page.getByRole('combobox', { name: 'Role', exact: true })).toHaveValue('zzyzx-qwerty');
    } finally {
      await context.close();
    }
  });
});
