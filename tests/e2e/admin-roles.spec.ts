// Editors keeping roles current: save, see it public at once, refused input, two editors at
// once, revert, and the same form without JavaScript. Each test that saves edits a role of its own
// (support/own-role.ts), a copy of a U.S. occupation, and keeps its average salary below $120,000
// (as it was), so the listing's salary filters hold while the copy is there.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from '@playwright/test';
import { testUsers } from '../support/users';
import { expect, test } from './support/own-role';
import { saveAverageSalary, setSalary } from './support/role-editor';
import { signIn } from './support/sign-in';

const overview = (page: Page) => page.getByRole('region', { name: 'Overview', exact: true });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });
const averageSalary = (page: Page) => page.getByLabel('Average salary', { exact: true });
const editNote = (page: Page) => page.getByLabel('Source of the new figures / note', { exact: true });

// Next's route announcer is an alert too, so alerts are found by what they say.
const formAlert = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

/** A salary no earlier run can have left in a cache: $81,000–$89,999, below every filter edge the tests use. */
const freshSalary = () => 81_000 + Math.floor(Math.random() * 9_000);
const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;

async function expectPublicSalary(page: Page, slug: string, salary: string) {
  await page.goto(`/roles/${slug}`);
  await expect(overview(page)).toContainText(salary);
}

async function signedInPage(browser: Browser, user: { email: string; password: string }, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

test.describe('editing a role', () => {
  test('a saved average salary shows "Saved" and is on the public page and the listing at once', async ({ page, ownRole }) => {
    const { slug, title } = await ownRole('technical-writers');
    // Seen (and so cached) before the edit, so the test proves the cache is invalidated.
    await page.goto(`/roles/${slug}`);
    await expect(overview(page)).toContainText('Average salary');
    const salary = freshSalary();
    await signIn(page, testUsers.editor);
    await page.goto('/admin');
    await page.getByLabel('Search').fill(title);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByRole('row', { name: title })).toContainText('Arts, Design, Entertainment, Sports & Media');
    await page.getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    await setSalary(page, salary);
    await saveButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Saved');
    await expect(averageSalary(page)).toHaveValue(String(salary));

    await expectPublicSalary(page, slug, money(salary));
    await page.goto(`/?q=${encodeURIComponent(title)}`);
    // Other roles' summaries mention technical writers too: the card is found by its heading.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    await expect(card).toContainText(money(salary));
    await page.goto(`/admin?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('row', { name: title })).toContainText(money(salary));
    await expect(page.getByRole('row', { name: title })).toContainText(testUsers.editor.name);
  });

  test('invalid values get field errors, keep what was typed, and save nothing', async ({ page, ownRole }) => {
    const { slug, title } = await ownRole('interior-designers');
    await expectPublicSalary(page, slug, '$71,430');
    await signIn(page, testUsers.editor);
    await page.goto(`/admin/roles/${slug}`);
    const typed: [label: string, value: string, error: RegExp][] = [
      ['Job openings', '1.5', /whole number/],
      ['Average salary', '-5', /at least 0/],
      ['Degree requirement (%)', '150', /at most 100/],
      ['Median', '1', /at least the 25th percentile/],
      ['As of', '2999-01-01', /cannot be in the future/],
      ['Title', ' ', /Enter a title/],
      ['Slug', 'Interior Designers', /lowercase letters/],
    ];
    for (const [label, value] of typed) await page.getByLabel(label, { exact: true }).fill(value);
    await saveButton(page).click();
    await expect(formAlert(page, 'Please correct the highlighted fields.')).toBeVisible();
    for (const [label, value, error] of typed) {
      const field = page.getByLabel(label, { exact: true });
      await expect(field, label).toHaveAttribute('aria-invalid', 'true');
      await expect(field, label).toHaveAccessibleDescription(error);
      await expect(field, label).toHaveValue(value);
    }
    await expect(page.getByLabel('Source', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');

    await expectPublicSalary(page, slug, '$71,430');
    await page.goto(`/admin/roles/${slug}`);
    await expect(averageSalary(page)).toHaveValue('71430');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  });

  test('two editors at once: the second is told who changed the role, and the first value stands', async ({ browser, ownRole }) => {
    const { slug } = await ownRole('management-analysts');
    const first = await signedInPage(browser, testUsers.editor);
    const second = await signedInPage(browser, testUsers.secondEditor);
    for (const { page } of [first, second]) await page.goto(`/admin/roles/${slug}`);

    const [firstSalary, secondSalary] = [freshSalary(), freshSalary() + 10_000];
    await setSalary(first.page, firstSalary);
    await saveButton(first.page).click();
    await expect(first.page.getByRole('status')).toHaveText('Saved');

    await setSalary(second.page, secondSalary);
    await saveButton(second.page).click();
    const alert = formAlert(second.page, `This role was changed by ${testUsers.editor.name} at`);
    await expect(alert).toBeVisible();
    const comparison = alert.getByRole('row', { name: /Average salary/ });
    await expect(comparison.getByRole('cell')).toHaveText([String(firstSalary), String(secondSalary), 'Yours is saved: you both changed it']);
    await expect(averageSalary(second.page)).toHaveValue(String(secondSalary));
    await expectPublicSalary(first.page, slug, money(firstSalary));

    // Having seen theirs, the second editor can still apply theirs on top.
    await saveButton(second.page).click();
    await expect(second.page.getByRole('status')).toHaveText('Saved');
    await expectPublicSalary(first.page, slug, money(secondSalary));
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test("after a conflict, saving again keeps the other editor's changes and applies only yours (without JavaScript too)", async ({ browser, ownRole }) => {
    const { slug } = await ownRole('fundraisers');
    const first = await signedInPage(browser, testUsers.editor);
    const second = await signedInPage(browser, testUsers.secondEditor, { javaScriptEnabled: false });
    for (const { page } of [first, second]) await page.goto(`/admin/roles/${slug}`);
    const summary = (page: Page) => page.getByLabel('Summary', { exact: true });
    const [loadedSummary, loadedSalary] = [await summary(second.page).inputValue(), await averageSalary(second.page).inputValue()];

    const theirSummary = `Fundraisers plan campaigns and ask people and foundations for money (edited ${Date.now()}).`;
    await summary(first.page).fill(theirSummary);
    await saveButton(first.page).click();
    await expect(first.page.getByRole('status')).toHaveText('Saved');

    const salary = freshSalary();
    await setSalary(second.page, salary);
    await saveButton(second.page).click();
    const alert = formAlert(second.page, `This role was changed by ${testUsers.editor.name} at`);
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('row', { name: /Summary/ }).getByRole('cell')).toHaveText([theirSummary, loadedSummary, 'Theirs is kept: only they changed it']);
    await expect(alert.getByRole('row', { name: /Average salary/ }).getByRole('cell')).toHaveText([
      loadedSalary,
      String(salary),
      'Yours is saved: only you changed it',
    ]);
    // The form holds what saving again will write: their summary, your salary.
    await expect(summary(second.page)).toHaveValue(theirSummary);
    await expect(averageSalary(second.page)).toHaveValue(String(salary));

    await saveButton(second.page).click();
    await expect(second.page.getByRole('status')).toHaveText('Saved');
    await expectPublicSalary(first.page, slug, money(salary));
    await expect(first.page.getByText(theirSummary)).toBeVisible();
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test('a stats-only save records only the stats, though the textareas send their line breaks as CRLF', async ({ browser, page, request, ownRole }) => {
    const { slug, title } = await ownRole('logisticians');
    await signIn(page, testUsers.editor);
    await page.goto(`/admin/roles/${slug}`);
    await page.getByLabel('Summary', { exact: true }).fill('Logisticians plan how goods get where they are needed.\nThey track every step of the way.');
    await page.getByLabel('Step 1 details', { exact: true }).fill('Study business or supply chain management.\n\nThen learn a logistics system.');
    await saveButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Saved');
    // The browser sent CRLF; what is stored (and published) has "\n", as the seeded text does.
    const published = await (await request.get(`/api/v1/roles/${slug}`)).json();
    expect(published.summary).toBe('Logisticians plan how goods get where they are needed.\nThey track every step of the way.');

    /** The newest audit entry of this role: only the average salary and its note, from whichever form. */
    const expectOnlySalaryChanged = async (salary: number) => {
      await page.goto('/admin/audit');
      await page.getByLabel('Role', { exact: true }).fill(title);
      await page.getByRole('button', { name: 'Filter' }).click();
      const newest = page.getByRole('article').first();
      await expect(newest.getByRole('heading')).toHaveText(`Edited role: ${title}`);
      await expect(newest.getByRole('row')).toHaveCount(3);
      await expect(newest.getByRole('row', { name: /Average salary/ })).toContainText(salary.toLocaleString('en-US'));
      await expect(newest.getByRole('row', { name: /Source of the new figures/ })).toContainText('End-to-end test figures');
    };

    await page.reload();
    const salary = freshSalary();
    await setSalary(page, salary);
    await saveButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Saved');
    await expectOnlySalaryChanged(salary);

    const noScript = await signedInPage(browser, testUsers.editor, { javaScriptEnabled: false });
    await noScript.page.goto(`/admin/roles/${slug}`);
    const secondSalary = salary + 1;
    await setSalary(noScript.page, secondSalary);
    await saveButton(noScript.page).click();
    await expect(noScript.page.getByRole('status')).toHaveText('Saved');
    await expectOnlySalaryChanged(secondSalary);
    await noScript.context.close();
  });

  test('reverting to an earlier version makes its figures current again as a new change', async ({ page, ownRole }) => {
    const { slug, title } = await ownRole('project-management-specialists');
    await signIn(page, testUsers.editor);
    const salary = freshSalary();
    await saveAverageSalary(page, { slug, salary });
    await expectPublicSalary(page, slug, money(salary));

    await page.goto(`/admin/roles/${slug}/history`);
    const rows = page.getByRole('table', { name: `Figures of ${title}` }).getByRole('row');
    await expect(rows.nth(1)).toContainText(money(salary));
    await expect(rows.nth(1)).toContainText('Current');
    const changes = await rows.count();
    // The oldest row: the catalogue's first release (May 2023).
    const seededSalary = (await rows.last().getByRole('cell').first().textContent())!;
    await rows.last().getByRole('button', { name: 'Revert to this version' }).click();
    await expect(page.getByRole('status')).toContainText('Reverted');
    await expect(rows).toHaveCount(changes + 1);
    await expect(rows.nth(1)).toContainText(seededSalary);
    await expect(rows.nth(1)).toContainText(testUsers.editor.name);
    await expect(rows.nth(2)).toContainText(money(salary));
    await expectPublicSalary(page, slug, seededSalary);
  });

  test('steps can be added, moved and removed, keeping what was typed; nothing is saved until Save', async ({ page }) => {
    await signIn(page, testUsers.editor);
    await page.goto('/admin/roles/physical-therapists');
    const heading = (number: number) => page.getByLabel(`Step ${number} heading`, { exact: true });
    const [firstStep, secondStep] = [await heading(1).inputValue(), await heading(2).inputValue()];
    const stepCount = await page.getByRole('textbox', { name: /^Step \d+ heading$/ }).count();
    await averageSalary(page).fill('not saved');
    await page.getByRole('button', { name: 'Move step 2 up' }).click();
    await expect(heading(1)).toHaveValue(secondStep);
    await expect(heading(2)).toHaveValue(firstStep);
    await page.getByRole('button', { name: 'Add a step' }).click();
    await expect(heading(stepCount + 1)).toHaveValue('');
    await page.getByRole('button', { name: `Remove step ${stepCount + 1}` }).click();
    await expect(page.getByRole('textbox', { name: /^Step \d+ heading$/ })).toHaveCount(stepCount);
    await expect(averageSalary(page)).toHaveValue('not saved');
    await page.reload();
    await expect(heading(1)).toHaveValue(firstStep);
  });

  // One test per page: with the full catalogue, axe over all four pages took nearly a test's 30 s on a busy machine.
  for (const path of ['/admin', '/admin/roles/graphic-designers', '/admin/roles/graphic-designers/history', '/admin/roles/new']) {
    test(`${path} has no accessibility violations`, async ({ page }) => {
      await signIn(page, testUsers.editor);
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('an unknown or malformed role is a 404', async ({ page }) => {
    await signIn(page, testUsers.editor);
    for (const path of ['/admin/roles/no-such-role', '/admin/roles/Not%20A%20Slug', '/admin/roles/no-such-role/history']) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

test.describe('provenance follows the figure', () => {
  test('an edited average salary says it was edited by Roleboard, with the note and date, on the page, the API and the widget; the median still credits BLS', async ({
    page,
    request,
    ownRole,
  }) => {
    const { slug } = await ownRole('electricians');
    const api = async () => (await request.get(`/api/v1/roles/${slug}`)).json();
    const bls = await api();
    expect(bls.provenance.averageSalary).toEqual({ source: bls.source, url: bls.sourceUrl, asOf: bls.asOf, editedAt: null, note: null });

    await signIn(page, testUsers.editor);
    await page.goto(`/admin/roles/${slug}`);
    const salary = freshSalary();
    await averageSalary(page).fill(String(salary));
    await saveButton(page).click();
    // A changed figure needs its source: nothing is saved, nothing typed is lost.
    await expect(formAlert(page, 'Please correct the highlighted fields.')).toBeVisible();
    await expect(editNote(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(editNote(page)).toHaveAccessibleDescription(/Say where the new figures come from/);
    await expect(averageSalary(page)).toHaveValue(String(salary));

    const note = 'IBEW Local 46 pay scale 2026, https://example.org/scale <b>not bold</b>';
    await editNote(page).fill(note);
    await saveButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Saved');
    await expect(editNote(page)).toHaveValue('');
    const today = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
    const edited = `Edited by Roleboard on ${today}: ${note}`;

    await page.goto(`/roles/${slug}`);
    const figure = (text: string) => overview(page).getByRole('definition').filter({ hasText: text });
    await expect(figure(money(salary))).toContainText(edited);
    await expect(figure('half earn more, half less'), 'the median is BLS’s').not.toContainText('Edited');
    await expect(overview(page)).toContainText(`Source: ${bls.source}, except the figures marked as edited by Roleboard`);
    expect(await overview(page).locator('b').count(), 'the note is text, not markup').toBe(0);

    const after = await api();
    expect(after.stats.averageSalary).toBe(salary);
    expect(after.provenance.averageSalary).toMatchObject({ source: 'Roleboard editors', url: null, note });
    expect(Date.now() - Date.parse(after.provenance.averageSalary.editedAt)).toBeLessThan(10 * 60_000);
    expect(after.provenance.percentiles).toEqual({ source: bls.source, url: bls.sourceUrl, asOf: bls.asOf, editedAt: null, note: null });

    await page.goto(`/embed/${slug}`);
    await expect(page.getByRole('term').filter({ hasText: 'Average salary' })).toHaveText('Average salary · edited');
    await expect(page.getByRole('definition').filter({ hasText: money(salary) })).toContainText(edited);
    await expect(page.getByRole('term').filter({ hasText: 'Median' })).toHaveText('Median');
  });
});

test.describe('markup typed by an editor', () => {
  test('is stored as text and shown inert on the page, in JSON-LD, the API and the widget', async ({ page, request, ownRole }) => {
    const { slug } = await ownRole('clinical-laboratory-technologists-and-technicians');
    const summary = `Runs lab tests <img src=x onerror="window.__injected=1"> </script><script>window.__injected=2</script> & reports them: https://example.com/a/long/address/with/no/spaces/in/it/at/all`;
    const source = `Sample data <b>bold</b> ${Date.now()}`;
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await signIn(page, testUsers.editor);
    await page.goto(`/admin/roles/${slug}`);
    await page.getByLabel('Summary', { exact: true }).fill(summary);
    await page.getByLabel('Source', { exact: true }).fill(source);
    await saveButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Saved');

    await page.goto(`/roles/${slug}`);
    await expect(page.locator('.lede')).toHaveText(summary);
    await expect(overview(page)).toContainText(`Source: ${source}`);
    expect(await page.locator('.lede img, .lede script, .provenance b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    const jsonLd = page.locator('script[type="application/ld+json"]');
    await expect(jsonLd).toHaveCount(1);
    expect(JSON.parse((await jsonLd.textContent())!).description).toBe(summary);

    // Long unbroken text wraps instead of widening a phone screen.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [`/roles/${slug}`, '/?q=laboratory']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }

    const api = await (await request.get(`/api/v1/roles/${slug}`)).json();
    expect([api.summary, api.source]).toEqual([summary, source]);
    await page.goto(`/embed/${slug}`);
    expect(await page.locator('img, script, b').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});

test.describe('invisible control characters', () => {
  // A NUL cannot be typed, but it can be pasted or sent: it used to be a 500 from PostgreSQL.
  for (const javaScriptEnabled of [true, false]) {
    test(`a NUL in a text field is a field error, keeps everything typed and saves nothing (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
      browser,
    }) => {
      const slug = 'survey-researchers';
      const { context, page } = await signedInPage(browser, testUsers.editor, { javaScriptEnabled });
      await page.goto(`/admin/roles/${slug}`);
      const [title, salary, stepBody] = [page.getByLabel('Title', { exact: true }), averageSalary(page), page.getByLabel('Step 1 details', { exact: true })];
      const saved = { title: await title.inputValue(), salary: await averageSalary(page).inputValue(), stepBody: await stepBody.inputValue() };

      const field = page.getByLabel(javaScriptEnabled ? 'Summary' : 'Responsibility 2', { exact: true });
      const category = page.getByLabel('Category', { exact: true });
      const savedCategory = await category.inputValue();
      await field.fill('Designs surveys\u0000 and analyses them');
      await title.fill('Survey Researchers (renamed, never saved)');
      await category.selectOption('computer-and-mathematical');
      await salary.fill(String(freshSalary()));
      await stepBody.fill('Learn statistics.\nRun a survey.');
      const typed = { title: await title.inputValue(), salary: await salary.inputValue(), stepBody: await stepBody.inputValue() };
      expect(await field.inputValue()).toContain('\u0000');
      await saveButton(page).click();

      await expect(formAlert(page, 'Please correct the highlighted fields.')).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription('Remove the invisible control character (U+0000)');
      // An HTML page cannot carry a NUL: without JavaScript the browser shows U+FFFD in its place.
      await expect(field).toHaveValue(/^Designs surveys[\u0000\uFFFD] and analyses them$/);
      await expect(title).toHaveValue(typed.title);
      await expect(salary).toHaveValue(typed.salary);
      await expect(stepBody).toHaveValue(typed.stepBody);
      await expect(category).toHaveValue('computer-and-mathematical');
      await expect(title).not.toHaveAttribute('aria-invalid', 'true');

      await page.goto(`/admin/roles/${slug}`);
      await expect(title).toHaveValue(saved.title);
      await expect(averageSalary(page)).toHaveValue(saved.salary);
      await expect(stepBody).toHaveValue(saved.stepBody);
      await expect(category).toHaveValue(savedCategory);
      await context.close();
    });
  }
});

test.describe('without JavaScript', () => {
  test('rows can be reordered and the stats saved', async ({ browser }) => {
    const { context, page } = await signedInPage(browser, testUsers.editor, { javaScriptEnabled: false });
    await page.goto('/admin/roles/budget-analysts');
    const [firstDuty, secondDuty] = [
      await page.getByLabel('Responsibility 1', { exact: true }).inputValue(),
      await page.getByLabel('Responsibility 2', { exact: true }).inputValue(),
    ];
    const salary = freshSalary();
    await setSalary(page, salary);
    await page.getByRole('button', { name: 'Move responsibility 2 up' }).click();
    await expect(page.getByLabel('Responsibility 1', { exact: true })).toHaveValue(secondDuty);
    await expect(page.getByLabel('Responsibility 2', { exact: true })).toHaveValue(firstDuty);
    await expect(averageSalary(page)).toHaveValue(String(salary));

    await page.getByRole('button', { name: 'Add a responsibility' }).click();
    await saveButton(page).click();
    await expect(formAlert(page, 'Please correct the highlighted fields.')).toBeVisible();
    const added = page.getByRole('textbox', { name: /^Responsibility \d+$/ }).last();
    await expect(added).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: /^Remove responsibility \d+$/ }).last().click();

    await saveButton(page).click();
    await expect(page.getByRole('status')).toHaveText('Saved');
    await expectPublicSalary(page, 'budget-analysts', money(salary));
    await expect(page.getByRole('region', { name: 'Responsibilities', exact: true }).getByRole('listitem').first()).toHaveText(secondDuty);
    await context.close();
  });
});
