/** Every page a volunteer reaches from the navigation, in a real browser, with and without JavaScript. */
import { describe, expect, it } from "vitest";
import { useDemoInBrowser } from "../helpers/demo-browser";
import { clock } from "~/utils/clock.server";
import { addDaysIso, formatUkDate } from "~/utils/dates";

const demo = useDemoInBrowser();

describe("a volunteer's pages", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`each opens as itself, and availability saves with a confirmation (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await demo.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await demo.signIn(page, "volunteer");
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link").allTextContents()).toEqual(["My shifts", "Rota", "My record"]);

      await nav.getByRole("link", { name: "My record" }).click();
      await page.getByRole("heading", { level: 1, name: "My record" }).waitFor();

      await nav.getByRole("link", { name: "My shifts" }).click();
      await page.getByRole("heading", { level: 1, name: "My shifts" }).waitFor();

      await page.getByRole("link", { name: "Dates I cannot do, and how often I serve" }).click();
      await page.getByRole("heading", { level: 1, name: "My availability" }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual(["My availability"]);

      const start = addDaysIso(clock.today(), javaScriptEnabled ? 90 : 120);
      await page.getByLabel("First date").fill(formatUkDate(start));
      await page.getByLabel("Last date (leave blank for a single day)").fill(formatUkDate(addDaysIso(start, 6)));
      await page.getByRole("button", { name: "Save dates" }).click();
      await page.getByRole("status").filter({ hasText: "Saved: you will not be put on the rota on those dates." }).waitFor();
      await page.getByText(`${formatUkDate(start)} to ${formatUkDate(addDaysIso(start, 6))}`).waitFor();
      await context.close();
    });
  }
});
