import { describe, expect, it } from "vitest";
import { useDemoInBrowser } from "../helpers/demo-browser";
import { clock } from "~/utils/clock.server";

const demo = useDemoInBrowser();

describe("the demo centre in a real browser", () => {
  it("shows an assessor the matrix, read-only, with a CSV download", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await demo.signIn(page, "assessor");
    await page.getByRole("heading", { level: 1, name: "What needs attention" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Matrix" }).click();
    await page.getByRole("heading", { level: 1, name: "Compliance matrix" }).waitFor();
    const rows = page.locator(".matrix tbody tr");
    expect(await rows.count()).toBeGreaterThan(30);
    const tom = page.getByRole("row", { name: /Tom Fletcher/ });
    expect(await tom.textContent()).toContain("Not cleared to work");
    expect(await tom.textContent()).toContain("Recheck due by our policy");
    await page.screenshot({ path: "tests/.tmp/matrix.png", fullPage: false });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download this matrix as CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^compliance-\d{4}-\d\d-\d\d\.csv$/);

    await page.getByRole("link", { name: "Gareth Hughes" }).click();
    await page.getByRole("heading", { level: 1, name: "Gareth Hughes: checks and training" }).waitFor();
    expect(await page.getByRole("row", { name: /NACCC co-ordinator training/ }).textContent()).toContain("Not completed; required for deputy co-ordinator");
    expect(await page.getByText("Add a DBS check").count()).toBe(0);
    await page.close();
  });

  it("lets the co-ordinator record missing training from the dashboard, fixing a bad date on the way", async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await demo.signIn(page, "coordinator");
    // "Missing" has one row per person: Gareth lacks only co-ordinator training, and his one link opens that form.
    const row = page.locator("#missing + .table-wrap tr", { hasText: "Gareth Hughes" });
    expect(await row.getByRole("cell").first().textContent()).toBe("NACCC co-ordinator training");
    await row.getByRole("link", { name: "Add records for Gareth Hughes" }).click();
    await page.getByRole("heading", { level: 1, name: "Gareth Hughes: checks and training" }).waitFor();
    const form = page.locator("#add-training");
    expect(await form.getByLabel("Course").locator("option:checked").textContent()).toBe("NACCC co-ordinator training");
    const lastYear = Number(clock.today().slice(0, 4)) - 1;
    await form.getByLabel("Date completed").fill(`31/09/${lastYear}`);
    await form.getByLabel("How it was delivered").selectOption("face_to_face");
    await form.getByRole("button", { name: "Save training record" }).click();
    await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
    expect(await page.locator("#new-training-completedOn-error").textContent()).toContain(`September ${lastYear} has 30 days: 31 is not a day in it`);
    await page.locator("#add-training").getByLabel("Date completed").fill(`30/09/${lastYear}`);
    await page.locator("#add-training").getByRole("button", { name: "Save training record" }).click();
    await page.getByText("Training recorded.").waitFor();
    expect(await page.getByRole("row", { name: /NACCC co-ordinator training/ }).first().textContent()).toContain(`In date until 30 Sep ${lastYear + 3}`);
    await page.screenshot({ path: "tests/.tmp/person-compliance-phone.png", fullPage: false });
    await context.close();
  });
});

describe("the outbox in a real browser", () => {
  it("shows the demo's emails, opens one, and previews a template", async () => {
    const page = await demo.browser.newPage();
    await demo.signIn(page, "coordinator");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
    expect(await page.getByText("No mail server is configured (SMTP_URL)").count()).toBe(1);
    await page.getByRole("link", { name: /^Week of / }).first().click();
    await page.getByRole("heading", { name: "Plain text version" }).waitFor();
    expect(await page.locator("pre").textContent()).toMatch(/your weekly digest/i); // plain text writes headings in capitals
    const frame = page.frameLocator("iframe");
    // The digest names who is not cleared, and why: Tom's DBS recheck is overdue by the centre's policy.
    expect(await frame.getByRole("heading", { name: /^Not cleared to work \(\d+\)$/ }).count()).toBe(1);
    expect(await frame.getByText(/^Tom Fletcher: Recheck due by our policy since \d+ \w+ \d{4}/).count()).toBe(1);
    await page.goto(`${demo.url}/outbox/preview/rota-published`);
    await page.getByRole("heading", { level: 1, name: "Preview: Rota published (with .ics)" }).waitFor();
    await page.screenshot({ path: "tests/.tmp/email-preview.png" });
    await page.close();
  });
});
