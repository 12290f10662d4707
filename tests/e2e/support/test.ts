import { test as base, type BrowserContext } from "@playwright/test";
import { appOrigin } from "../../support/ports";
import { recordSecret } from "../../support/secrets-ledger";

export { expect } from "@playwright/test";
export type { APIRequestContext, Browser, Page } from "@playwright/test";

const appHost = new URL(appOrigin).hostname;

// Every cookie the app sets in any browser context goes into the secrets ledger as it is set, so that
// revoked and replaced sessions count too (tests/support/check-logs.ts looks for them in the app logs).
function recordCookies(context: BrowserContext) {
  context.on("response", (response) => {
    if (new URL(response.url()).hostname !== appHost) return;
    void response
      .headerValues("set-cookie")
      .then((values) => {
        for (const header of values.flatMap((value) => value.split("\n"))) {
          const [pair = ""] = header.split(";");
          const [name = "", ...rest] = pair.split("=");
          // Not secrets: where to go after sign-in, and the OAuth interaction id, which oidc-provider puts
          // in the consent page's URL by design (the cookie binds it to this browser).
          if (name.includes("callback-url") || /^keyline_oauth_(interaction|resume)$/.test(name)) continue;
          recordSecret(name.includes("session-token") ? "session-cookie" : "cookie", rest.join("=").trim());
        }
      })
      .catch(() => undefined);
  });
}

// The rig's Playwright test: the default context and every context a test opens record their cookies.
export const test = base.extend({
  context: async ({ context }, provide) => {
    recordCookies(context);
    await provide(context);
  },
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        recordCookies(context);
        return context;
      };
      await provide(browser);
    },
    { scope: "worker" },
  ],
});
