import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { testUsers } from '../support/users';
import { signInWithForm } from './support/sign-in';

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
    for (const callbackUrl of ['https://evil.example/steal', '/..//evil.example/x']) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Email').fill(testUsers.editor.email);
      await page.getByLabel('Password').fill(testUsers.editor.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    }
  });

  test('a signed-in visitor of /login is sent on only to paths of this site', async ({ page, baseURL }) => {
    await signInWithForm(page, testUsers.editor);
    // Each of these became the protocol-relative `//evil.example/x` (or `//x`) once normalised.
    for (const callbackUrl of ['/..//evil.example/x', '/.//x', '/a/..//x', '%2F..%2F%2Fx', '/\\evil.example', 'https:evil.example']) {
      const response = await page.request.get(`/login?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(response.status(), callbackUrl).toBe(307);
      expect(response.headers()['location'], callbackUrl).toBe('/admin');
    }
    const kept = await page.request.get(`/login?callbackUrl=${encodeURIComponent('/admin/audit?q=1')}`, { maxRedirects: 0 });
    expect(kept.headers()['location']).toBe('/admin/audit?q=1');
    // Auth.js's own endpoints apply the same rule.
    const authJs = await page.request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent('/..//evil.example/x')}`, { maxRedirects: 0 });
    const signInPage = new URL(authJs.headers()['location']!, baseURL);
    expect(signInPage.pathname).toBe('/login');
    expect(signInPage.searchParams.get('callbackUrl')).toBe(`${baseURL}/admin`);
  });

  test('sign out from an admin page ends the session', async ({ page }) => {
    await signInWithForm(page, testUsers.editor);
    await expect(page.getByText(`${testUsers.editor.name} (editor)`)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You are signed out.');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });

  test('after "Sign out" a copy of the session cookie opens nothing and saves nothing', async ({ page, browser }) => {
    const salary = 81_000 + Math.floor(Math.random() * 9_000);
    await signInWithForm(page, testUsers.editor);
    const copied = (await page.context().cookies()).filter((cookie) => cookie.name.includes('authjs.session-token'));
    expect(copied).toHaveLength(1);

    // Someone else's browser with the copied cookie, an edit form open before the owner signs out.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const thiefPage = await thief.newPage();
    await thiefPage.goto('/admin/roles/opticians-dispensing');
    await expect(thiefPage.getByRole('heading', { level: 1 })).toHaveText('Opticians, Dispensing');
    await thiefPage.getByLabel('Average salary', { exact: true }).fill(String(salary));

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You are signed out.');

    // The Save button posts the Server Action with the copied cookie.
    await thiefPage.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(thiefPage).toHaveURL(/\/login/);
    await thiefPage.goto('/admin');
    await expect(thiefPage).toHaveURL(/\/login/);
    await thiefPage.goto('/roles/opticians-dispensing');
    await expect(thiefPage.getByRole('region', { name: 'Overview', exact: true })).toContainText('Average salary');
    await expect(thiefPage.getByRole('region', { name: 'Overview', exact: true })).not.toContainText(`$${salary.toLocaleString('en-US')}`);
    await thief.close();
  });

  test("strangers' failures throttle the account for them, whatever address they claim, but not the owner's browser", async ({ browser }) => {
    // Twelve sign-ins, each an argon2 check: three times the usual time on a busy machine.
    test.slow();
    const owner = testUsers.deviceOwner;
    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    await signInWithForm(ownerPage, owner);
    const device = (await ownerContext.cookies()).find((cookie) => cookie.name === 'roleboard-device');
    expect(device, 'signing in leaves a device cookie').toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(device!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 60 * 60 * 1000);
    await ownerPage.getByRole('button', { name: 'Sign out' }).click();
    await expect(ownerPage.getByRole('status')).toHaveText('You are signed out.');

    // A stranger on the same machine (so the same address), claiming a new one with every guess.
    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    const tryPassword = async (password: string, claimed: number) => {
      await strangerContext.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.100.${claimed}`, 'X-Roleboard-Client-Address': `203.0.113.${claimed}` });
      // A fresh form each time: typing into one whose last attempt is still being answered could be wiped.
      await stranger.goto('/login');
      await stranger.getByLabel('Email').fill(owner.email);
      await stranger.getByLabel('Password').fill(password);
      await stranger.getByRole('button', { name: 'Sign in' }).click();
    };
    for (let guess = 1; guess <= 10; guess++) {
      await tryPassword(`guess number ${guess}`, guess);
      await expect(stranger.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    }
    await tryPassword(owner.password, 11);
    await expect(stranger.getByRole('alert').filter({ hasText: /Too many sign-in attempts\. Try again in 1[45] minutes\./ })).toBeVisible();
    await strangerContext.close();

    // The owner's browser, from that same address, still signs in.
    await signInWithForm(ownerPage, owner);
    await expect(ownerPage.getByText(`${owner.name} (editor)`)).toBeVisible();
    await ownerContext.close();
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
    await signInWithForm(page, testUsers.editor);
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

  test("when Auth.js's endpoint reports an error, the login page never blames the password", async ({ page }) => {
    const unavailable = 'Sign-in is unavailable right now. Please try again in a few minutes.';
    for (const query of ['error=CredentialsSignin&code=unavailable', 'error=CallbackRouteError', 'error=Configuration']) {
      await page.goto(`/login?${query}`);
      await expect(page.getByRole('alert').filter({ hasText: unavailable }), query).toBeVisible();
      await expect(page.getByText('Invalid email or password'), query).toHaveCount(0);
    }
    // The code carries the wait in seconds; the page says seconds under a minute, else minutes.
    for (const [code, wait] of [['throttled-8', '8 seconds'], ['throttled-180', '3 minutes']]) {
      await page.goto(`/login?error=CredentialsSignin&code=${code}`);
      await expect(page.getByRole('alert').filter({ hasText: `Too many sign-in attempts. Try again in ${wait}.` }), code).toBeVisible();
    }
  });

  test('the login page has no accessibility violations', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });
});
