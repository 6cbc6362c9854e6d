import { expect, type Page } from '@playwright/test';

/** Signs in through the login form, as a person would, and waits for the admin area. */
export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Checking a password is slow on purpose (argon2): on a busy machine it takes more than the default 5 s.
  await expect(page).toHaveURL(/\/admin/, { timeout: 20_000 });
}
