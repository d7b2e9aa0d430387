/**
 * Forms with JavaScript on: the schema the server uses is checked in the browser first, each of
 * a page's repeated forms keeps its own ids and errors, and the server's own refusals show the
 * same way. No page logs an error (a hydration mismatch would).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { prisma } from "~/db.server";
import { useDemoInBrowser } from "../helpers/demo-browser";
import { clock } from "~/utils/clock.server";
import { addDaysIso, formatUkDate } from "~/utils/dates";

const demo = useDemoInBrowser();

/** Records every POST and every error the page logs, from now on. */
function watch(page: Page) {
  const posts: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => { if (request.method() === "POST") posts.push(new URL(request.url()).pathname); });
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  return { posts, errors };
}

const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");

/** A co-ordinator's page at `path`, watched from before it loads. */
async function openWatched(path: string, viewport?: { width: number; height: number }) {
  const page = await demo.browser.newPage(viewport ? { viewport } : undefined);
  await demo.signIn(page, "coordinator");
  const seen = watch(page);
  await page.goto(`${demo.url}${path}`);
  return { page, seen };
}

describe("forms with JavaScript", () => {
  it("check a repeated form in the browser: its own summary takes focus, its own field says why, the others stay quiet", async () => {
    const person = await prisma.person.findFirstOrThrow({
      where: { trainingRecords: { some: {} }, anonymisedAt: null, status: "active" },
      orderBy: { trainingRecords: { _count: "desc" } },
      include: { trainingRecords: { where: { enteredInErrorAt: null }, orderBy: { completedOn: "asc" }, take: 2 } },
    });
    const [first, second] = person.trainingRecords;
    expect(second).toBeDefined();

    const { page, seen } = await openWatched(`/people/${person.id}/compliance`, { width: 390, height: 844 });
    await page.getByRole("heading", { level: 1, name: /checks and training$/ }).waitFor();

    const form = page.locator(`#training-correction-${first.id}`);
    await form.locator("xpath=ancestor::details").locator("summary").click();
    const date = form.getByLabel("Date completed");
    await date.fill("31/02/2025");
    await form.getByRole("button", { name: /Save correction/ }).click();

    const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    expect(await focusedClass(page)).toBe("error-summary");
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Date completed: February 2025 has 28 days: 31 is not a day in it"]);
    expect(await summary.getByRole("link").getAttribute("href")).toBe(`#training-correction-${first.id}-completedOn`);
    expect(await date.getAttribute("aria-describedby")).toContain(`training-correction-${first.id}-completedOn-error`);
    expect(await page.locator(`#training-correction-${second.id} .field-error`).count()).toBe(0);
    expect(await page.locator(".error-summary").count()).toBe(1);
    expect(seen.posts).toEqual([]);

    // Once shown, an error clears as it is put right, without sending anything.
    await date.fill("28/02/2025");
    await expect.poll(() => form.locator(".field-error").count()).toBe(0);
    expect(seen.posts).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it("show the server's own refusal (a course name already used) the same way: at the field, in a focused summary", async () => {
    const { page, seen } = await openWatched("/settings/courses/new");
    await page.getByLabel("Course name").fill("Safeguarding refresher");
    await page.getByRole("button", { name: "Save course" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    expect(seen.posts).toEqual(["/settings/courses/new.data"]); // single fetch: the action answers as data
    expect(await focusedClass(page)).toBe("error-summary");
    expect(await page.locator("#course-name-error").textContent()).toContain("There is already a course called “Safeguarding refresher”");
    expect(await page.getByLabel("Course name").inputValue()).toBe("Safeguarding refresher");

    // A problem the browser can see never reaches the server.
    await page.getByLabel("Course name").fill("");
    await page.getByRole("button", { name: "Save course" }).click();
    await expect.poll(() => page.locator("#course-name-error").textContent()).toContain("Enter");
    expect(seen.posts).toEqual(["/settings/courses/new.data"]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it("send which button was pressed: a session's dates are previewed, then a bad time is caught before sending", async () => {
    const { page, seen } = await openWatched("/rota/sessions/new");
    await page.getByLabel("Name").fill("Tuesday evening");
    await page.getByLabel("Saturday").uncheck();
    await page.getByLabel("Tuesday").check();
    await page.getByLabel("First session").fill(formatUkDate(addDaysIso(clock.today(), 7)));
    await page.getByLabel("Start time").fill("17:00");
    await page.getByLabel("Finish time").fill("19:00");
    await page.getByRole("button", { name: "Preview dates" }).click();
    await page.getByRole("heading", { name: /^Every week on Tuesday, 17:00 to 19:00/ }).waitFor();
    expect(seen.posts).toHaveLength(1);
    expect(await page.getByLabel("Name").inputValue()).toBe("Tuesday evening");

    await page.getByLabel("Finish time").fill("7pm");
    await page.getByRole("button", { name: "Save session" }).click();
    await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
    expect(await page.locator("#session-endTime-error").textContent()).toContain("24-hour clock");
    expect(seen.posts).toHaveLength(1);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
