import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { useDemoInBrowser } from "../helpers/demo-browser";
import { clock } from "~/utils/clock.server";
import { addDaysIso, addMonthsIso, formatUkDate, formatUkDateWithDay } from "~/utils/dates";

/** The first day of next month, and the first Wednesday in it. */
function nextMonthsFirstWednesday() {
  const firstOfNextMonth = `${addMonthsIso(clock.today(), 1).slice(0, 8)}01`;
  let date = firstOfNextMonth;
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 3) date = addDaysIso(date, 1);
  return { firstOfNextMonth, firstWednesday: date };
}

const demo = useDemoInBrowser();

describe("rotas in a real browser", () => {
  it("a co-ordinator previews a new session, then drafts and publishes the next rota (no JavaScript)", async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await demo.signIn(page, "coordinator");
    await page.goto(`${demo.url}/rota/sessions/new`);
    await page.getByLabel("Name").fill("Wednesday after school");
    await page.getByLabel("Saturday").uncheck();
    await page.getByLabel("Wednesday").check();
    await page.getByLabel("How often").selectOption("monthly");
    await page.getByLabel("For monthly sessions: which week").selectOption("1");
    const { firstOfNextMonth, firstWednesday } = nextMonthsFirstWednesday();
    await page.getByLabel("First session").fill(formatUkDate(firstOfNextMonth));
    await page.getByLabel("Start time").fill("15:30");
    await page.getByLabel("Finish time").fill("17:30");
    await page.getByRole("button", { name: "Preview dates" }).click();
    await page.getByRole("heading", { name: "Every month on the 1st Wednesday, 15:30 to 17:30" }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain(formatUkDateWithDay(firstWednesday));
    await page.getByRole("button", { name: "Save session" }).click();
    await page.waitForURL(/\/rota\/sessions\/[^/]+\?saved=session/);

    await page.goto(`${demo.url}/rota`);
    await page.getByRole("button", { name: "Draft the rota" }).click();
    await page.getByRole("heading", { level: 1, name: /^Rota / }).waitFor();
    expect(await page.locator(".tag").first().textContent()).toBe("Draft");
    await page.screenshot({ path: "tests/.tmp/rota-draft.png", fullPage: false });
    await page.getByRole("button", { name: "Publish rota" }).click();
    await page.getByText(/^Published\. Everyone on it can now see their shifts; \d+ people have been emailed their shifts\.$/).waitFor();
    expect(await prisma.rota.count({ where: { status: "published" } })).toBe(3);
    await context.close();
  });

  it("a volunteer sees their shifts on a phone, with a calendar link", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 390, height: 844 } });
    await demo.signIn(page, "volunteer");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My shifts" }).click();
    await page.getByRole("heading", { level: 1, name: "My shifts" }).waitFor();
    expect(await page.locator(".record-list li").count()).toBeGreaterThan(0);
    const feed = await page.locator("code.link-to-copy").textContent();
    expect(feed).toMatch(/\/calendar\/[\w-]+\.ics$/);
    const response = await page.request.get(feed!);
    expect(await response.text()).toContain("BEGIN:VEVENT");
    await page.screenshot({ path: "tests/.tmp/my-shifts-phone.png", fullPage: false });
    await page.close();
  });
});
