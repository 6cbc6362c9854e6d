// Employers post their own openings (issue 22), as people do it in the browser: an admin creates an
// employer and makes a sign-up link; the member signs up with it, posts (field errors first, then
// a good posting), an editor approves the first one, it is on /jobs and its occupation's open
// count rises by one on the next request; the member closes it and the count falls. Another
// employer's member gets a 404 for each of its pages and nothing from replaying its forms.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testUsers } from '../support/users';
import { employerWithLink, fillPosting, signUpAndSignIn } from './support/employers';
import { signIn } from './support/sign-in';

const occupation = 'actuaries';

/** The member signs up with the link (a common password refused first, nothing typed lost) and signs in; lands in their area. */
async function joinAndSignIn(browser: Browser, joinPath: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(joinPath);
  await page.getByLabel('Your name').fill('Mia Member');
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByText('This password is too common; choose another')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Mia Member');
  await signUpAndSignIn(page, joinPath, email);
  return page;
}

async function openCount(page: Page) {
  const response = await page.request.get(`/api/v1/roles/${occupation}`);
  const body = (await response.json()) as { postings?: { openCount: number } | null };
  return body.postings?.openCount ?? 0;
}

test('an employer’s member signs up, posts, an editor approves, and the posting opens and closes on the site', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const run = `${testInfo.workerIndex}${Date.now()}`;
  const name = `Quantico Risk ${run}`;
  const email = `mia-${run}@quantico.example`;
  await signIn(page, testUsers.admin);
  const joinPath = await employerWithLink(page, name, email);
  // The server has an SMTP_URL (scripts/test.ts gives it one): the link is emailed, and shown too.
  await expect(page.getByRole('status').filter({ hasText: `emailed to ${email}` })).toBeVisible();
  const member = await joinAndSignIn(browser, joinPath, email);
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(`${name}: postings`);
  // Nothing of the admin area for a member.
  await member.goto('/admin/users');
  await expect(member).toHaveURL((url) => url.pathname === '/employer');

  // Field errors first; nothing typed is lost.
  await member.getByRole('link', { name: 'New posting' }).first().click();
  await member.getByLabel('Job title').fill(`Pricing Actuary ${run}`);
  await member.getByLabel('From ($)').fill('lots');
  await member.getByRole('button', { name: 'Publish' }).click();
  await expect(member.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible();
  await expect(member.getByText('Give the lowest pay in dollars, e.g. 52000 or 24.50')).toBeVisible();
  await expect(member.getByLabel('Job title')).toHaveValue(`Pricing Actuary ${run}`);

  // The occupation is suggested as the title is typed (the first one waits for the classifier's model).
  await member.getByLabel('Job title').fill(`Pricing Actuary ${run}`);
  await expect(member.getByRole('button', { name: 'Actuaries' })).toBeVisible({ timeout: 20_000 });
  await member.getByRole('button', { name: 'Actuaries' }).click();
  await expect(member.getByLabel('Occupation')).toHaveValue('actuaries');

  const before = await openCount(page);
  await fillPosting(member, `Pricing Actuary ${run}`, occupation);
  await member.getByRole('button', { name: 'Publish' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Sent for review' })).toBeVisible();
  await expect(member.getByText('Waiting for review', { exact: true })).toBeVisible();
  const preview = member.getByRole('region', { name: 'As it reads on Roleboard' });
  await expect(preview.locator('strong')).toHaveText('risk');
  await expect(preview.getByRole('link', { name: 'our team' })).toHaveAttribute('rel', 'nofollow ugc noopener');
  const postingPath = new URL(member.url()).pathname;
  expect(await openCount(page)).toBe(before);

  // Another employer's member: a 404 for the posting, and its forms replayed change nothing.
  const otherEmail = `ola-${run}@other.example`;
  const otherLink = await employerWithLink(page, `Other Insurer ${run}`, otherEmail);
  const other = await joinAndSignIn(browser, otherLink, otherEmail);
  const otherPage = await other.goto(postingPath);
  expect(otherPage?.status()).toBe(404);

  // The editor approves it: on /jobs, and its occupation counts it on the next request.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, testUsers.editor);
  await editor.goto('/admin/jobs/review');
  await editor.getByRole('button', { name: `Approve and publish “Pricing Actuary ${run}”` }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Published: the posting is on the site now.' })).toBeVisible();
  expect(await openCount(page)).toBe(before + 1);
  await page.goto(`/jobs?q=${encodeURIComponent(`Pricing Actuary ${run}`)}`);
  await page.getByRole('link', { name: `Pricing Actuary ${run}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pricing Actuary ${run}`);
  await expect(page.getByRole('link', { name: 'Apply on careers.example.com' })).toBeVisible();
  await page.goto(`/roles/${occupation}`);
  await expect(page.getByText(/open posting/).first()).toBeVisible();

  // The member closes it: the count falls on the next request.
  await member.goto(postingPath);
  await member.getByRole('button', { name: 'Close this posting' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Closed: it has left the open postings' })).toBeVisible();
  expect(await openCount(page)).toBe(before);

  // The other member replays the close and save forms with this posting's id: refused as not found, nothing changes.
  await other.goto('/employer/postings/new');
  await fillPosting(other, `Hijacked ${run}`, occupation);
  await other.evaluate((path) => {
    const form = document.querySelector('form.posting-form') as HTMLFormElement;
    const id = document.createElement('input');
    Object.assign(id, { type: 'hidden', name: 'id', value: path.split('/').pop() });
    const version = document.createElement('input');
    Object.assign(version, { type: 'hidden', name: 'version', value: '1' });
    form.append(id, version);
  }, postingPath);
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'This posting does not exist.' })).toBeVisible();
  await member.reload();
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(`Pricing Actuary ${run}`);
  await expect(member.getByText('Closed', { exact: true })).toBeVisible();

  // The employer's public page lists what is open (nothing now).
  await page.goto(`/admin/employers`);
  await page.getByRole('link', { name: /\/employers\/quantico-risk/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { name: '0 open postings' })).toBeVisible();
});
