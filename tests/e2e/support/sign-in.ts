import { expect, type Cookie, type Page } from '@playwright/test';
import { testUsers } from '../../support/users';

/** Signs in through the login form, as a person would, and waits for the admin area. */
export async function signInWithForm(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Checking a password is slow on purpose (argon2): on a busy machine it takes more than the default 5 s.
  await expect(page).toHaveURL(/\/admin/, { timeout: 20_000 });
}

/**
 * The session cookies each shared test account got at its first sign-in in this worker process
 * (Playwright loads this module once per worker, so workers never share a session).
 */
const sessionCookies = new Map<string, Cookie[]>();
const sharedAccounts = new Set<string>(Object.values(testUsers).map((user) => user.email));

/**
 * Opens the admin area signed in as the person. A shared test account (tests/support/users.ts)
 * comes back with the session this worker got for it through the login form, as a returning
 * visitor's browser would, or goes through the form when there is none yet or it has ended: a
 * sign-in checks an argon2 hash and takes seconds. People a test creates always use the form.
 * Tests of signing in and out use `signInWithForm`: a sign-out ends the session it is given.
 */
export async function signIn(page: Page, user: { email: string; password: string }) {
  if (!sharedAccounts.has(user.email)) return signInWithForm(page, user);
  const kept = sessionCookies.get(user.email);
  if (kept) {
    await page.context().addCookies(kept);
    await page.goto('/admin');
    if (new URL(page.url()).pathname.startsWith('/admin')) return;
  }
  await signInWithForm(page, user);
  sessionCookies.set(user.email, await page.context().cookies());
}
