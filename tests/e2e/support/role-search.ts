// The listing's search form, as a reader uses it.
import type { Page } from '@playwright/test';

/** Types `words` into the open listing's search box and sends the form. */
export async function searchRoles(page: Page, words: string) {
  await page.getByLabel('Search roles').fill(words);
  await page.getByRole('button', { name: 'Search' }).click();
}
