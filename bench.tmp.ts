// Seeds a 50-message and a 10,000-message thread and times the first page of history (the query the
// route and the page run), many times, reporting the median and p95.
import { randomUUID } from "node:crypto";
import { createDb } from "./lib/db/create-client";
import { listMessages } from "./lib/db/queries/messages";
const db = createDb(process.env.DATABASE_URL!);
const userId = randomUUID();
await db.user.create({ data: { id: userId, email: `${userId}@bench.test` } });
// Other users' messages too, so the table is not just this thread.
async function seed(count: number) {
  const id = randomUUID();
  await db.thread.create({ data: { id, userId, title: `t${count}`, model: "demo" } });
  const start = Date.now() - count * 1000;
  for (let i = 0; i < count; i += 1000) {
    await db.message.createMany({
      data: Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
        id: randomUUID(), threadId: id, userId, role: (i + j) % 2 ? "assistant" : "user",
        parts: [{ type: "text", text: `message ${i + j} `.repeat(20) }], content: `message ${i + j} `.repeat(20),
        createdAt: new Date(start + (i + j) * 1000),
      })),
    });
  }
  return id;
}
const small = await seed(50);
const big = await seed(10_000);
async function time(threadId: string) {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await listMessages({ userId, threadId, before: null, limit: 30 });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[100]!.toFixed(2), p95: samples[190]!.toFixed(2) };
}
await time(small); // warm up
console.log(process.env.DATABASE_URL!.split(":")[0], "50 messages", await time(small), "10,000 messages", await time(big));
