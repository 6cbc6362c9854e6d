import { expect, type Page } from '@playwright/test';

/** On a role's edit page: a new average salary, with the note a changed figure needs (provenance follows the figure). */
export async function setSalary(page: Page, salary: number, note = 'End-to-end test figures') {
  await page.getByLabel('Average salary', { exact: true }).fill(String(salary));
  await page.getByLabel('Source of the new figures / note', { exact: true }).fill(note);
}

/**
 * As an editor: the role's edit page opened, a new average salary set (setSalary) and saved.
 * Exactly "Saved": until the save is done, the status says "Unsaved changes". `page` is signed
 * in; the path is its base URL's unless `origin` names another.
 */
export async function saveAverageSalary(page: Page, { slug, salary, note, origin = '' }: { slug: string; salary: number; note?: string; origin?: string }) {
  await page.goto(`${origin}/admin/roles/${slug}`);
  await setSalary(page, salary, note);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
}
