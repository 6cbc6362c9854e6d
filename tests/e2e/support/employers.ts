// An employer and its member, set up as people do it in the browser (tests/e2e/employers.spec.ts,
// tests/e2e/stack.spec.ts): the admin's employer and sign-up link, the member's sign-up and
// sign-in, a good posting typed into the form.
import { expect, type Page } from '@playwright/test';

export const memberPassword = 'a long and unusual passphrase 42';

/** The signed-in admin creates an employer and a sign-up link for one member; returns the link's path. */
export async function employerWithLink(page: Page, name: string, email: string) {
  await page.goto('/admin/employers');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Website').fill('https://careers.example.com');
  await page.getByRole('button', { name: 'Create employer' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created ${name}.` })).toBeVisible();
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name, level: 2 }) });
  await card.getByLabel(/Invite a member of/).fill(email);
  await card.getByRole('button', { name: 'Make sign-up link' }).click();
  const link = card.getByLabel('Sign-up link (shown once: copy it now)');
  await expect(link).toHaveValue(/\/join\/[A-Za-z0-9_-]{43}$/);
  return new URL(await link.inputValue()).pathname;
}

/** The invited member signs up with the link and signs in; lands in their area. */
export async function signUpAndSignIn(page: Page, joinPath: string, email: string) {
  await page.goto(joinPath);
  await page.getByLabel('Your name').fill('Mia Member');
  await page.getByLabel('Password').fill(memberPassword);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByText('Your account is ready.')).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(memberPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Checking a password is slow on purpose (argon2).
  await expect(page).toHaveURL((url) => url.pathname === '/employer', { timeout: 20_000 });
}

/** Fills every field of the posting form with a good posting for `occupation` (a role's slug). */
export async function fillPosting(page: Page, title: string, occupation: string) {
  await page.getByLabel('Job title').fill(title);
  await page.getByLabel('Occupation').fill(occupation);
  await page.getByLabel('Places, one a line').fill('Hartford, CT');
  await page.getByLabel('From ($)').fill('95,000');
  await page.getByLabel('To ($)').fill('140000');
  await page.getByLabel('Education asked').selectOption('bachelor');
  await page.getByLabel('Description').fill('Price **risk** for our lines.\n\n- Build models\n- Explain them\n\nSee [our team](https://careers.example.com/team).');
  await page.getByLabel('How to apply').fill('https://careers.example.com/apply');
  await page.getByLabel('Closing date').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
}
