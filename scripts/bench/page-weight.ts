// 7. Page weight: the JavaScript a browser downloads on the first load of /login (signed out) and of
// /chat (signed in), as encoded on the wire (the server gzips), with an empty cache, counted until
// the network is idle (so prefetches count too). Debian's Chromium through Playwright.
import { chromium, type Browser, type Page } from "@playwright/test";
import { type Benchmark } from "./benchmark";
import { atMost, figure } from "./report";
import type { RunningApp } from "./rig";
import { SESSION_COOKIE } from "./seed";

export type Load = { url: string; bytes: number; encoding: string };

export async function scriptsOnFirstLoad(browser: Browser, app: RunningApp, path: string, token?: string): Promise<Load[]> {
  const context = await browser.newContext();
  if (token) {
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
  }
  const page: Page = await context.newPage();
  const pending: Promise<Load | null>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        return { url: request.url(), bytes: sizes.responseBodySize, encoding: (await response?.allHeaders())?.["content-encoding"] ?? "identity" };
      })(),
    );
  });
  const response = await page.goto(`${app.origin}${path}`, { waitUntil: "networkidle" });
  if (!response?.ok() || new URL(page.url()).pathname !== path) throw new Error(`${path} did not load (${response?.status()} at ${page.url()})`);
  await page.waitForTimeout(500);
  await page.waitForLoadState("networkidle");
  const loads = (await Promise.all(pending)).filter((load): load is Load => load !== null);
  await context.close();
  return loads;
}

const kB = (bytes: number) => bytes / 1000;
const chatChunk = (url: string) => /\/app\/(\(|%28)chat(\)|%29)\//.test(url);

export const pageWeight: Benchmark = {
  name: "page-weight",
  title: "7. Page weight",
  engines: ["sqlite"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const login = await scriptsOnFirstLoad(browser, app, "/login");
      const chat = await scriptsOnFirstLoad(browser, app, "/chat", user.token);
      const sum = (loads: Load[]) => loads.reduce((total, load) => total + load.bytes, 0);
      const encodings = [...new Set([...login, ...chat].map((load) => load.encoding))].join(", ");
      const chatOnLogin = login.filter((load) => chatChunk(load.url));
      return {
        raw: { login, chat },
        figures: [
          figure({
            benchmark: "7 page weight",
            name: "/login first-load JavaScript",
            value: kB(sum(login)),
            unit: "kB",
            goal: atMost(130, "≤ 130 kB"),
            detail: `${login.length} files, ${encodings}; chat chunks fetched: ${chatOnLogin.length}`,
          }),
          figure({
            benchmark: "7 page weight",
            name: "/chat first-load JavaScript (signed in)",
            value: kB(sum(chat)),
            unit: "kB",
            goal: atMost(300, "≤ 300 kB (DESIGN.md)"),
            detail: `${chat.length} files, ${encodings}`,
          }),
        ],
      };
    } finally {
      await browser.close();
    }
  },
};
