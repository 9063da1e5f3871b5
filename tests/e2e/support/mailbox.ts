import type { Page } from "playwright-core";
import { expectAccessible } from "./axe";
import { visible } from "./browser";

/**
 * Opens the newest email to `email` sent with `template` in the dev mailbox;
 * false if none arrives within the wait.
 */
export async function openEmail(page: Page, email: string, template: string, waitMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const message = page.getByRole("list", { name: "Messages" }).getByRole("link").filter({ hasText: template }).first();
    if ((await message.count()) > 0) {
      await message.click();
      await visible(page.getByRole("heading", { name: "Links in this message" }));
      await expectAccessible(page, "the dev mailbox's message");
      return true;
    }
    if (Date.now() > deadline) return false;
    await page.waitForTimeout(500);
  }
}
