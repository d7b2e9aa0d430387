/** A co-ordinator brings the demo's example spreadsheet in, on a phone, without JavaScript. */
import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { prisma } from "~/db.server";
import { useDemoInBrowser } from "../helpers/demo-browser";

const demo = useDemoInBrowser();
let context: BrowserContext;
afterAll(async () => { await context?.close(); });

describe("importing a spreadsheet in the browser", () => {
  it("uploads, corrects a column, previews the refused rows with reasons, and imports", async () => {
    context = await demo.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await demo.signIn(page, "coordinator");
    await page.goto(`${demo.url}/people`);
    await page.getByRole("link", { name: "Import from a spreadsheet" }).click();
    await page.getByLabel("Spreadsheet").setInputFiles("public/examples/centre-spreadsheet.xlsx");
    await page.getByRole("button", { name: "Upload and match columns" }).click();
    await page.getByRole("heading", { level: 1, name: "Import centre-spreadsheet.xlsx" }).waitFor();

    const misspelt = page.getByLabel("Column N: Modul 3");
    expect(await misspelt.inputValue()).toBe("ignore");
    await misspelt.selectOption({ label: "Training: NACCC module 3 (date completed)" });
    await page.getByRole("button", { name: "Show the preview with these columns" }).click();
    await page.getByRole("heading", { name: "2. Preview: nothing is saved yet" }).waitFor();
    expect(await page.getByLabel("Column N: Modul 3").inputValue()).toMatch(/^course:/);
    const refused = page.getByRole("table", { name: "Refused rows, with the reason at each cell" });
    expect(await refused.getByRole("row", { name: /Keith Dunmore/ }).textContent()).toContain("F9 (DBS date): “31/02/2024” is not a date.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("button", { name: /^Import 3 new people and \d+ records$/ }).click();
    await page.getByRole("heading", { name: /^Imported / }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain("People added: 3");
    const bethany = await prisma.person.findFirstOrThrow({ where: { email: "bethany.cole@example.org" }, include: { trainingRecords: true } });
    expect(bethany.trainingRecords).toHaveLength(5);
  });
});
