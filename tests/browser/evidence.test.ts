/** An assessor produces the evidence pack and prints it: A4 pages, no navigation, its fingerprint in the log. */
import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { prisma } from "~/db.server";
import { useDemoInBrowser } from "../helpers/demo-browser";
import { clock } from "~/utils/clock.server";
import { addDaysIso, formatUkDate, formatUkNumericDate } from "~/utils/dates";

// A month ago, whenever the tests run: the demo is seeded relative to the run's date.
const asAt = addDaysIso(clock.today(), -30);

const demo = useDemoInBrowser();
let context: BrowserContext;
afterAll(async () => { await context?.close(); });

describe("the evidence pack in the browser", () => {
  it("is produced from a date, prints to A4 without the site's navigation, and can be checked by its fingerprint", async () => {
    context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await demo.signIn(page, "assessor");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence pack" }).click();
    await page.getByLabel("As at").fill(formatUkNumericDate(asAt));
    await page.getByRole("button", { name: "Produce the evidence pack" }).click();
    await page.getByRole("heading", { level: 1, name: `Riverside Child Contact Centre: safer-recruitment evidence as at ${formatUkDate(asAt)}` }).waitFor();
    const fingerprint = (await page.locator(".fingerprint").first().textContent())!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByRole("heading", { level: 3, name: "Ruth Okafor" }).count()).toBe(1);

    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(3);
    await page.emulateMedia({ media: "screen" });

    await page.goto(`${demo.url}/compliance/evidence`);
    await page.getByLabel("Fingerprint").fill(fingerprint);
    await page.getByRole("button", { name: "Check" }).click();
    const verdict = (await page.getByRole("status").textContent())!;
    expect(verdict.startsWith("Genuine: produced ")).toBe(true);
    expect(verdict.endsWith(` by Dr Helen Price (NACCC assessor) (the evidence pack as at ${formatUkDate(asAt)}).`)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "produced", changes: { contains: fingerprint } } })).toBe(1);
  });
});
