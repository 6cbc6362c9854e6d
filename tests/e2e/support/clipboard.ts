// Copy buttons (public/enhance.js on public pages): each says so in a status and puts its field's
// text on the clipboard. The test's context needs the clipboard permissions granted.
import { expect, type Page } from '@playwright/test';

/** Each copy button, in turn: clicked, it says `copied` and the clipboard holds the `field`'s text. */
export async function expectCopyButtons(page: Page, buttons: ReadonlyArray<readonly [button: string, copied: string, field: string]>) {
  for (const [button, copied, field] of buttons) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('status').filter({ hasText: copied })).toBeVisible();
    expect(await clipboardText(page), button).toBe(await page.getByLabel(field, { exact: true }).inputValue());
  }
}

export function clipboardText(page: Page) {
  return page.evaluate(() => navigator.clipboard.readText());
}
