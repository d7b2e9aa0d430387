/** A volunteer on a phone takes an open shift and a colleague's swap, with JavaScript off and on. */
import { describe, expect, it } from "vitest";
import { useDemoInBrowser } from "../helpers/demo-browser";

const demo = useDemoInBrowser();
const PHONE = { width: 390, height: 844 };

describe("a volunteer helping themselves, on a phone", () => {
  it("takes an open place with one button, without JavaScript, and sees it on their shifts", async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await demo.signIn(page, "volunteer");
    await page.goto(`${demo.url}/my-shifts`);
    await page.getByRole("heading", { level: 2, name: "Shifts you could take" }).waitFor();
    const take = page.getByRole("button", { name: /^Take this shift/ }).first();
    const label = (await take.textContent())!;
    // "Take this shift: Saturday supported contact, Sat 12 Dec 2026, as volunteer"
    const [, session, date] = /^Take this shift: (.+), (\w{3} \d{1,2} \w{3} \d{4}), as /.exec(label)!;
    expect(await page.locator("h2:has-text('Coming up') + *").textContent()).not.toContain(`${date}, 10:00`);
    await take.click();
    await page.getByRole("status").filter({ hasText: `${session}, ${date}: It is yours` }).waitFor();
    const comingUp = page.locator("h2:has-text('Coming up') + ul > li").filter({ hasText: `${date}, ` });
    expect(await comingUp.count()).toBe(1);
    expect(await comingUp.textContent()).toContain(`${session} as volunteer`);
    expect(await page.getByRole("button", { name: label }).count()).toBe(0);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await context.close();
  });

  it("takes a colleague's place from their swap request, with JavaScript, and sees who they are on with", async () => {
    const context = await demo.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await demo.signIn(page, "volunteer");
    await page.goto(`${demo.url}/my-shifts`);
    const take = page.getByRole("button", { name: /^Take .+'s place/ }).first();
    const label = (await take.textContent())!;
    const [, asker, date] = /^Take (.+)'s place: .+, (\w{3} \d{1,2} \w{3} \d{4})$/.exec(label)!;
    await take.click();
    await page.getByRole("status").filter({ hasText: "It is yours" }).waitFor();
    // The message shows as the page starts reloading what changed; the offer then goes.
    await page.getByRole("button", { name: `Take ${asker}'s place` }).waitFor({ state: "detached" });
    expect(await page.locator("h2:has-text('Coming up') + ul").textContent()).toContain(date);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rota" }).click();
    await page.getByRole("heading", { level: 1, name: /^The rota: Week of / }).waitFor();
    // The week of the shift just taken ("Sat 12 Dec 2026" is read as a UK date): it names colleagues and marks it as mine.
    await page.goto(`${demo.url}/shifts?view=week&date=${encodeURIComponent(date.slice(4))}`);
    const day = page.locator("li", { has: page.getByRole("heading", { level: 2, name: new RegExp(`^${date}`) }) });
    const mine = day.locator(".published-shift--mine");
    await mine.waitFor();
    expect(await mine.textContent()).toContain("You (volunteer)");
    expect(await mine.textContent()).not.toContain(asker);
    await context.close();
  });
});
