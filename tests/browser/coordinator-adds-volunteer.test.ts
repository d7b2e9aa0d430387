import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { prisma } from "~/db.server";
import { TEST_PASSWORD, createCentre, createUser } from "../helpers/factories";
import { launchBrowser } from "../helpers/browser";
import { startServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  const centre = await createCentre("Browser Test Centre");
  await createUser(centre.id, "coordinator", { email: "browser.coord@example.org", name: "Bea Coordinator" });
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/people`);
  await page.getByLabel("Email address").fill("browser.coord@example.org");
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
}

/** With JavaScript the schema is checked in the browser, so a bad form is never sent; without it the server checks it. */
async function addVolunteerWithOneBadField(page: Page, firstName: string, { javaScript }: { javaScript: boolean }) {
  await page.getByRole("link", { name: "Add a person" }).click();
  await page.getByRole("heading", { level: 1, name: "Add a person" }).waitFor();
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill("Brightwater");
  await page.getByLabel("Email address (optional)").fill("not-an-email");
  await page.getByLabel("Volunteer").check();
  await page.getByLabel("Status").selectOption("active");
  await page.getByLabel("Start date").fill("14/09/2025");
  const posts: string[] = [];
  page.on("request", (request) => { if (request.method() === "POST") posts.push(request.url()); });
  await page.getByRole("button", { name: "Add person" }).click();

  // The error summary leads to the field; the field says what is wrong; nothing typed is lost.
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  // Focus moves to the summary (GOV.UK's pattern), with JavaScript or without.
  expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
  expect(await summary.getByRole("link").allTextContents()).toEqual(["Email address: Enter an email address in the correct format, like name@example.org"]);
  await expect(page.locator("#person-email-error").textContent()).resolves.toContain("Enter an email address in the correct format");
  expect(posts).toHaveLength(javaScript ? 0 : 1);
  expect(await page.getByLabel("First name").inputValue()).toBe(firstName);
  expect(await page.getByLabel("Start date").inputValue()).toBe("14/09/2025");
  expect(await page.getByLabel("Volunteer").isChecked()).toBe(true);
  await summary.getByRole("link").click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("person-email");

  await page.getByLabel("Email address (optional)").fill(`${firstName.toLowerCase()}@example.org`);
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByRole("heading", { level: 1, name: `${firstName} Brightwater` }).waitFor();
  expect(await page.getByRole("status").first().textContent()).toContain("Person added.");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await page.getByLabel("Name or email").fill(firstName);
  await page.getByRole("button", { name: "Show people" }).click();
  await page.waitForURL(/q=/);
  const row = page.getByRole("row", { name: new RegExp(`${firstName} Brightwater`) });
  await expect(row.textContent()).resolves.toMatch(/Volunteer.*Active.*14 Sept? 2025/);
}

describe("a co-ordinator in a real browser", () => {
  it("adds a volunteer with a bad field, corrects it, and finds them in the list", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page);
    await addVolunteerWithOneBadField(page, "Marigold", { javaScript: true });
    await page.screenshot({ path: "tests/.tmp/people-list-phone.png", fullPage: true });
    expect(await prisma.person.count({ where: { firstName: "Marigold" } })).toBe(1);
    await page.close();
  });

  it("does the same with JavaScript turned off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page);
    await addVolunteerWithOneBadField(page, "Juniper", { javaScript: false });
    expect(await prisma.person.count({ where: { firstName: "Juniper" } })).toBe(1);
    await context.close();
  });

  it("server logs show no errors", () => {
    expect(server.output()).not.toMatch(/Error|error:/);
  });
});
