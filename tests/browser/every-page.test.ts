/**
 * Every page, as every kind of user, on a desktop and on a phone: nothing scrolls sideways, no id
 * is used twice, and axe finds no WCAG 2.2 A or AA violation. A page's problems are listed by
 * page, role and width, so a failure says where to look.
 */
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { prisma } from "~/db.server";
import { clock } from "~/utils/clock.server";
import { formatUkDate } from "~/utils/dates";
import { useDemoInBrowser } from "../helpers/demo-browser";
import { createUpload } from "~/modules/import/import.server";

const demo = useDemoInBrowser();
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const contexts: BrowserContext[] = [];
afterAll(async () => { for (const c of contexts) await c.close(); });

async function pagesFor(role: "coordinator" | "volunteer" | "assessor" | "anonymous"): Promise<string[]> {
  if (role === "anonymous") return ["/login", "/forgot-password", "/set-password/not-a-real-link", "/email/not-a-real-link"];
  if (role === "volunteer") return ["/me", "/me/data", "/my-shifts", "/shifts", "/shifts?view=month", "/me/availability", "/me/sign-in", "/me/two-factor", "/people"];
  const person = await prisma.person.findFirstOrThrow({ where: { firstName: "Gareth", lastName: "Hughes" } });
  const common = ["/", "/compliance", "/compliance/matrix", "/compliance/evidence", `/compliance/evidence?date=${encodeURIComponent(formatUkDate(clock.today()))}`, "/people", `/people/${person.id}`, `/people/${person.id}/compliance`, "/audit", "/me/sign-in"];
  if (role === "assessor") return common;
  const rotas = await prisma.rota.findMany({ select: { id: true } });
  const shift = await prisma.shift.findFirstOrThrow({ where: { rota: { status: "published" }, date: { gte: clock.today() } }, orderBy: { date: "asc" } });
  const session = await prisma.contactSession.findFirstOrThrow();
  const course = await prisma.course.findFirstOrThrow();
  const message = await prisma.emailMessage.findFirstOrThrow();
  const upload = await createUpload({ id: (await prisma.user.findFirstOrThrow({ where: { accessRole: "coordinator" } })).id, name: "Sam Patel", centreId: session.centreId }, "centre-spreadsheet.xlsx", new Uint8Array(await readFile("public/examples/centre-spreadsheet.xlsx")));
  if (!upload.ok) throw new Error(upload.problem);
  return [
    ...common, "/people/new", "/people/removal", "/people/import", `/people/import/${upload.id}`, `/people/${person.id}/edit`, `/people/${person.id}/availability`, `/people/${person.id}/data`,
    "/rota", ...rotas.flatMap((r) => [`/rota/${r.id}`, `/rota/${r.id}/print`]), `/rota/${shift.rotaId}/shifts/${shift.id}`, "/rota/sessions", "/rota/sessions/new", `/rota/sessions/${session.id}`, "/rota/teams",
    "/rota/requests", "/rota/service", "/shifts", "/shifts?view=month", "/outbox/preview/open-shifts", "/outbox/preview/rota-change",
    "/accounts", "/outbox", `/outbox/${message.id}`, "/outbox/preview/expiry-reminder", "/settings", "/settings/courses/new", `/settings/courses/${course.id}`,
    "/me", "/my-shifts", "/me/availability", "/me/two-factor", "/no-such-page",
  ];
}

async function problemsOn(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, innerWidth, duplicates } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return {
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
      duplicates: [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))],
    };
  });
  if (scrollWidth > innerWidth) problems.push(`scrolls sideways: ${scrollWidth}px wide in ${innerWidth}px`);
  if (duplicates.length) problems.push(`ids used more than once: ${duplicates.join(", ")}`);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
    return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  });
  problems.push(...violations.map((v) => `axe: ${v}`));
  return problems;
}

describe("every page", () => {
  for (const role of ["coordinator", "assessor", "volunteer", "anonymous"] as const) {
    for (const [widthName, viewport] of Object.entries(WIDTHS)) {
      it(`fits, has unique ids and passes axe, as ${role === "anonymous" ? "someone signed out" : `${role === "assessor" ? "an" : "a"} ${role}`}, on a ${widthName}`, async () => {
        const found: string[] = [];
        const context = await demo.browser.newContext({ viewport, bypassCSP: true });
        contexts.push(context);
        const page = await context.newPage();
        if (role !== "anonymous") await demo.signIn(page, role);
        for (const path of await pagesFor(role)) {
          await page.goto(`${demo.url}${path}`);
          for (const problem of await problemsOn(page)) found.push(`${path} (${widthName}): ${problem}`);
        }
        await context.close();
        expect(found.join("\n")).toBe("");
      }, 240_000);
    }
  }
});
