// User administration as admins and editors meet it: creating users, what editors may not open,
// sessions that end the moment an admin disables a user or signs them out everywhere, and the
// audit log of it all. Every test makes its own users, so tests can run side by side.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

const password = 'e2e users passphrase';

function uniqueEmail(label: string) {
  return `e2e-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@roleboard.test`;
}

async function signedInContext(browser: Browser, user: { email: string; password: string }, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

async function createUser(page: Page, user: { email: string; name: string; role: 'admin' | 'editor' }) {
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Create user' });
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Role').selectOption(user.role);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('status')).toHaveText(`Created ${user.name}. They can sign in now.`);
}

/** An admin's browser, and a user that admin has just made through the form, signed in in a browser of their own. */
async function adminAndNewUser(browser: Browser, user: { label: string; name: string; role: 'admin' | 'editor' }) {
  const admin = await signedInContext(browser, testUsers.admin);
  const email = uniqueEmail(user.label);
  await createUser(admin.page, { email, name: user.name, role: user.role });
  return { admin, email, signedIn: await signedInContext(browser, { email, password }) };
}

/** The "Manage users" section of one user. */
const userSection = (page: Page, email: string) => page.getByRole('region', { name: email });

test.describe('managing users', () => {
  test('an admin creates an editor; mistakes get field errors and keep what was typed', async ({ page }) => {
    await signIn(page, testUsers.admin);
    await page.goto('/admin/users');
    const form = page.getByRole('region', { name: 'Create user' });
    await form.getByLabel('Email').fill('not an email');
    await form.getByLabel('Name').fill('Nora New');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByRole('alert')).toHaveText('Please correct the highlighted fields.');
    await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/Enter an email address/);
    await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/Use at least 8 characters/);
    await expect(form.getByLabel('Name')).toHaveValue('Nora New');
    await expect(form.getByLabel('Email')).toHaveValue('not an email');

    const email = uniqueEmail('editor');
    await createUser(page, { email, name: 'Nora New', role: 'editor' });
    const row = page.getByRole('row', { name: email });
    await expect(row.getByRole('cell', { name: 'Editor', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Enabled', exact: true })).toBeVisible();

    // The same address in other capitals is taken.
    await createUserExpectingError(page, email.toUpperCase());

    const { context, page: editorPage } = await signedInContext(page.context().browser()!, { email, password });
    await expect(editorPage.getByText('Nora New (editor)')).toBeVisible();
    await context.close();
  });

  test('an editor cannot open /admin/users', async ({ page }) => {
    await signIn(page, testUsers.editor);
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to see this page');
    await expect(page.getByRole('region', { name: 'Create user' })).toHaveCount(0);
    await expect(page.getByText(testUsers.admin.email)).toHaveCount(0);
  });

  test("disabling a user ends their existing session at once, and they cannot sign in until enabled", async ({ browser }) => {
    const { admin, email, signedIn: user } = await adminAndNewUser(browser, { label: 'disabled', name: 'Dora Disabled', role: 'editor' });
    await user.page.goto('/admin');
    await expect(user.page.getByText('Dora Disabled (editor)')).toBeVisible();

    const section = userSection(admin.page, email);
    await section.getByRole('button', { name: 'Disable user' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Dora Disabled is disabled and signed out everywhere.' })).toBeVisible();
    await expect(admin.page.getByRole('row', { name: email }).getByRole('cell', { name: 'Disabled', exact: true })).toBeVisible();

    await user.page.goto('/admin');
    await expect(user.page).toHaveURL(/\/login/);
    await user.page.getByLabel('Email').fill(email);
    await user.page.getByLabel('Password').fill(password);
    await user.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(user.page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();

    await section.getByRole('button', { name: 'Enable user' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Dora Disabled is enabled and can sign in again.' })).toBeVisible();
    await signIn(user.page, { email, password });
    await Promise.all([admin.context.close(), user.context.close()]);
  });

  test('"Sign out everywhere" ends every session of the user', async ({ browser }) => {
    const { admin, email, signedIn: laptop } = await adminAndNewUser(browser, { label: 'signed-out', name: 'Sid Signedout', role: 'editor' });
    const phone = await signedInContext(browser, { email, password });

    const section = userSection(admin.page, email);
    await section.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Sid Signedout is signed out everywhere.' })).toBeVisible();

    for (const device of [laptop, phone]) {
      await device.page.goto('/admin');
      await expect(device.page).toHaveURL(/\/login/);
    }
    await signIn(laptop.page, { email, password });
    await Promise.all([admin.context.close(), laptop.context.close(), phone.context.close()]);
  });

  test('a new password works at once and the old sessions end', async ({ browser }) => {
    const { admin, email, signedIn: user } = await adminAndNewUser(browser, { label: 'reset', name: 'Rita Reset', role: 'editor' });

    const section = userSection(admin.page, email);
    await section.getByLabel('New password').fill('1234567');
    await section.getByRole('button', { name: 'Reset password' }).click();
    await expect(section.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
    await expect(section.getByLabel('New password')).toHaveAccessibleDescription(/Use at least 8 characters/);

    await section.getByLabel('New password').fill('a fresh e2e passphrase');
    await section.getByRole('button', { name: 'Reset password' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'New password set for Rita Reset; their sessions have ended.' })).toBeVisible();
    await user.page.goto('/admin');
    await expect(user.page).toHaveURL(/\/login/);
    await signIn(user.page, { email, password: 'a fresh e2e passphrase' });
    await Promise.all([admin.context.close(), user.context.close()]);
  });

  test('an admin cannot disable or demote themselves', async ({ browser }) => {
    const { admin, email, signedIn: self } = await adminAndNewUser(browser, { label: 'self-admin', name: 'Sam Self', role: 'admin' });
    await self.page.goto('/admin/users');
    const section = userSection(self.page, email);
    await expect(section.getByText('This is you')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Disable user' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Change role' })).toHaveCount(0);
    await Promise.all([admin.context.close(), self.context.close()]);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a NUL in a name is a field error, keeps the rest and creates nobody (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
      const admin = await signedInContext(browser, testUsers.admin, { javaScriptEnabled });
      await admin.page.goto('/admin/users');
      const form = admin.page.getByRole('region', { name: 'Create user' });
      const email = uniqueEmail('nul');
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Name').fill('Nul\u0000 Name');
      await form.getByLabel('Role').selectOption('admin');
      await form.getByLabel('Password').fill(password);
      expect(await form.getByLabel('Name').inputValue()).toContain('\u0000');
      const answers = await recordFormAnswers(admin.page);
      await form.getByRole('button', { name: 'Create user' }).click();

      await expect(form.getByRole('alert')).toHaveText('Please correct the highlighted fields.');
      await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Remove the invisible control character (U+0000)');
      await expect(form.getByLabel('Email')).toHaveValue(email);
      await expect(form.getByLabel('Role')).toHaveValue('admin');
      await expect(form.getByLabel('Password')).toHaveValue('');
      expect(answers.length, 'the form was answered').toBeGreaterThan(0);
      expect(answers.join('\n'), 'the typed password is never sent back').not.toContain(password);
      await expect(admin.page.getByRole('row', { name: email })).toHaveCount(0);
      await admin.page.goto('/admin/users');
      await expect(admin.page.getByText(email)).toHaveCount(0);
      await admin.context.close();
    });
  }

  test('the user forms work without JavaScript', async ({ browser }) => {
    const admin = await signedInContext(browser, testUsers.admin, { javaScriptEnabled: false });
    const email = uniqueEmail('no-js');
    await createUser(admin.page, { email, name: 'Noah Nojs', role: 'editor' });
    const section = userSection(admin.page, email);
    await section.getByLabel('Role').selectOption('admin');
    await section.getByRole('button', { name: 'Change role' }).click();
    await expect(userSection(admin.page, email).getByRole('status').filter({ hasText: 'Noah Nojs is now an admin.' })).toBeVisible();
    await expect(admin.page.getByRole('row', { name: email }).getByRole('cell', { name: 'Admin', exact: true })).toBeVisible();
    await admin.context.close();
  });
});

async function createUserExpectingError(page: Page, email: string) {
  const form = page.getByRole('region', { name: 'Create user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Twin');
  await form.getByLabel('Password').fill(password);
  const answers = await recordFormAnswers(page);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription('A user with this email already exists');
  await expect(form.getByLabel('Password')).toHaveValue('');
  expect(answers.join('\n'), 'a refused user: the typed password is not sent back either').not.toContain(password);
  await page.unroute('**/admin/users');
}

/**
 * The bodies of the answers to form posts on /admin/users from now on. They pass through the
 * test (Chromium does not keep a streamed answer's body for reading later).
 */
async function recordFormAnswers(page: Page) {
  const answers: string[] = [];
  await page.route('**/admin/users', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    answers.push(await response.text());
    await route.fulfill({ response });
  });
  return answers;
}

test.describe('the audit log of user changes', () => {
  test('lists each change with before → after and filters by who made it', async ({ browser }) => {
    // A fresh admin makes the changes, so filtering by them shows exactly these entries.
    const lead = await signedInContext(browser, testUsers.admin);
    const adminEmail = uniqueEmail('auditor');
    const adminName = `Avery Auditor ${Date.now()}`;
    await createUser(lead.page, { email: adminEmail, name: adminName, role: 'admin' });
    const auditor = await signedInContext(browser, { email: adminEmail, password });

    const editorEmail = uniqueEmail('audited');
    await createUser(auditor.page, { email: editorEmail, name: 'Ed Audited', role: 'editor' });
    const section = userSection(auditor.page, editorEmail);
    await section.getByLabel('Role').selectOption('admin');
    await section.getByRole('button', { name: 'Change role' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Ed Audited is now an admin.' })).toBeVisible();
    await section.getByRole('button', { name: 'Disable user' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Ed Audited is disabled and signed out everywhere.' })).toBeVisible();

    await auditor.page.goto('/admin/audit');
    await auditor.page.getByLabel('Changed by').selectOption({ label: `${adminName} (${adminEmail})` });
    await auditor.page.getByRole('button', { name: 'Filter' }).click();
    await expect(auditor.page).toHaveURL(/\/admin\/audit\?(.*&)?user=\d+/);

    const entries = auditor.page.getByRole('article');
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0).getByRole('heading')).toHaveText(`Disabled user: Ed Audited (${editorEmail})`);
    await expect(entries.nth(1).getByRole('heading')).toHaveText(`Changed user role: Ed Audited (${editorEmail})`);
    await expect(entries.nth(2).getByRole('heading')).toHaveText(`Created user: Ed Audited (${editorEmail})`);
    await expect(entries.nth(0)).toContainText(`by ${adminName}`);

    const roleChange = entries.nth(1).getByRole('row', { name: /Role/ });
    await expect(roleChange.getByRole('cell').nth(0)).toHaveText('editor');
    await expect(roleChange.getByRole('cell').nth(1)).toHaveText('admin');
    const created = entries.nth(2);
    await expect(created.getByRole('row', { name: /Email/ }).getByRole('cell').nth(1)).toHaveText(editorEmail);
    await expect(created).not.toContainText('argon2');

    // A made-up parameter is ignored with a notice, never an error page.
    const response = await auditor.page.goto('/admin/audit?user=someone&role=-3');
    expect(response?.status()).toBe(200);
    await expect(auditor.page.getByText('Some filters were not valid and were ignored: role, user.')).toBeVisible();
    await Promise.all([lead.context.close(), auditor.context.close()]);
  });

  test('editors can read the audit log, without user administration or emails', async ({ page }) => {
    await signIn(page, testUsers.editor);
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByLabel('Changed by')).toBeVisible();
    await expect(page.getByLabel('Changed by').getByRole('option', { name: /@/ })).toHaveCount(0);
    await expect(page.getByRole('article').filter({ has: page.getByRole('heading', { name: / user|password/ }) })).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText('@');
  });
});
