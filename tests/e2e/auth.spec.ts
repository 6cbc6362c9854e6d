import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { testUsers } from '../support/users';
import { signIn } from './support/sign-in';

test.describe('signing in and out', () => {
  test('an anonymous visitor of /admin is sent to the login page, and back after signing in', async ({ page }) => {
    await page.goto('/admin/audit');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email').fill(testUsers.editor.email);
    await page.getByLabel('Password').fill(testUsers.editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
  });

  test('a wrong password and an unknown email get the same message, and the email is kept', async ({ page }) => {
    for (const email of [testUsers.editor.email, 'nobody@roleboard.test']) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
      await expect(page.getByLabel('Email')).toHaveValue(email);
      await expect(page).toHaveURL(/\/login/);
    }
  });

  test('signing in never redirects to another site', async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent('https://evil.example/steal')}`);
    await page.getByLabel('Email').fill(testUsers.editor.email);
    await page.getByLabel('Password').fill(testUsers.editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
  });

  test('sign out from an admin page ends the session', async ({ page }) => {
    await signIn(page, testUsers.editor);
    await expect(page.getByText(`${testUsers.editor.name} (editor)`)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You are signed out.');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing in works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(testUsers.editor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    await page.getByLabel('Password').fill(testUsers.editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await context.close();
  });

  test('a Server Action posted from a foreign origin changes nothing', async ({ page }) => {
    await signIn(page, testUsers.editor);
    // The sign-out form's action id, as a forged cross-site form would use it. Only the
    // server-rendered HTML carries it, so load the page afresh after the client-side redirect.
    await page.reload();
    const actionField = page.locator('form.sign-out input[type="hidden"][name^="$ACTION_ID_"]');
    const actionName = await actionField.getAttribute('name');
    expect(actionName).toBeTruthy();
    const response = await page.request.post('/admin', {
      headers: { Origin: 'https://evil.example' },
      multipart: { [actionName!]: '' },
      maxRedirects: 0,
    });
    expect(response.status()).not.toBe(303);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByText(`${testUsers.editor.name} (editor)`)).toBeVisible();
  });

  test('the login page has no accessibility violations', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });
});
