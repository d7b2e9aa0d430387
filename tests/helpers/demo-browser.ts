/** A browser test against the built app serving the demo centre (this test file's own copy of it). */
import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_SIGN_INS } from "~/modules/demo/demo-data.server";
import { launchBrowser } from "./browser";
import { startServer } from "./server";

export function useDemoInBrowser() {
  const state = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
  beforeAll(async () => {
    state.server = await startServer();
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    state.server?.stop();
  });
  return {
    get browser() { return state.browser; },
    get url() { return state.server.url; },
    async signIn(page: Page, who: keyof typeof DEMO_SIGN_INS) {
      await page.goto(`${state.server.url}/login`);
      await page.getByLabel("Email address").fill(DEMO_SIGN_INS[who].email);
      await page.getByLabel("Password").fill(DEMO_SIGN_INS[who].password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      // With JavaScript on, the URL changes before React renders the signed-in page; wait for it.
      await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    },
  };
}
