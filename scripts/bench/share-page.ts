// 8. The shared page: /share/<token> (signed out) next to the chat page of the same 30-message thread
// (signed in): response time one request at a time, taking turns, and the JavaScript the first load downloads.
// Goal (issue 16): the shared page costs no more than the chat page. A fresh app with a share-read limit
// that the measurement cannot reach.
import { chromium } from "@playwright/test";
import { type Benchmark } from "./benchmark";
import { compareLatency, request, round } from "./measure";
import { scriptsOnFirstLoad, type Load } from "./page-weight";
import { atMost, figure } from "./report";
import { seedThread } from "./seed";

const MESSAGES = 30;
const kB = (bytes: number) => bytes / 1000;
const sum = (loads: Load[]) => loads.reduce((total, load) => total + load.bytes, 0);

export const sharePage: Benchmark = {
  name: "share-page",
  title: "8. The shared page",
  engines: ["sqlite"],
  async run(ctx, engine) {
    const app = await ctx.app(engine, { settings: { RATE_LIMIT_SHARE_IP: "1000000/1m" } });
    const user = await ctx.user(app);
    const threadId = await seedThread(app.db, user.id, MESSAGES);
    const created = await request(`${app.origin}/api/threads/${threadId}/shares`, {
      method: "POST",
      headers: { cookie: user.cookie, "content-type": "application/json" },
      body: JSON.stringify({ expiresInDays: 1 }),
    });
    if (created.status !== 201) throw new Error(`creating the share answered ${created.status}`);
    const sharePath = new URL((JSON.parse(created.body.toString("utf8")) as { share: { url: string } }).share.url).pathname;
    const chatPath = `/chat/${threadId}`;

    const count = ctx.quick ? 50 : 200;
    const [chat, shared] = await compareLatency({
      variants: [
        { name: "chat", url: `${app.origin}${chatPath}`, headers: { cookie: user.cookie } },
        { name: "shared", url: `${app.origin}${sharePath}` },
      ],
      count,
    });

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const chatScripts = await scriptsOnFirstLoad(browser, app, chatPath, user.token);
      const sharedScripts = await scriptsOnFirstLoad(browser, app, sharePath);
      return {
        raw: { chat: chat!.latency, shared: shared!.latency, chatScripts, sharedScripts },
        figures: [
          figure({
            benchmark: "8 shared page",
            name: `/share/<token> response time p50 (${MESSAGES} messages, signed out)`,
            value: shared!.latency.p50,
            unit: "ms",
            goal: atMost(chat!.latency.p50, `≤ the chat page's ${round(chat!.latency.p50)} ms`),
            detail: `p99 ${round(shared!.latency.p99)} ms over ${shared!.latency.n}; the chat page p99 ${round(chat!.latency.p99)} ms`,
          }),
          figure({
            benchmark: "8 shared page",
            name: "/share/<token> first-load JavaScript",
            value: kB(sum(sharedScripts)),
            unit: "kB",
            goal: atMost(kB(sum(chatScripts)), `≤ the chat page's ${round(kB(sum(chatScripts)), 1)} kB`),
            detail: `${sharedScripts.length} files; the chat page ${chatScripts.length} files`,
          }),
        ],
      };
    } finally {
      await browser.close();
    }
  },
};
