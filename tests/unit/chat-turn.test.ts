import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-client";
import type * as MessageQueries from "@/lib/db/queries/messages";
import type * as ThreadQueries from "@/lib/db/queries/threads";
import type * as BudgetedTurn from "@/lib/budgets/chat";
import type * as StartTurn from "@/lib/chat/start-turn";
import { useMigratedSqlite } from "./support/migrated-sqlite";

// A chat turn's statements go straight to the driver (lib/db/direct.ts), and its model call starts while
// they run (lib/chat/start-turn.ts). These hold the rows to what the ORM writes and reads, and hold a failed
// write to abandoning the model call, on a SQLite database migrated like the app's (the e2e suite covers
// PostgreSQL and the whole route).
const model = vi.hoisted(() => ({ calls: [] as { prompt: unknown; signal: AbortSignal }[] }));
vi.mock("@/lib/ai/language-model", () => ({
  languageModel: () =>
    new MockLanguageModelV3({
      doStream: async ({ prompt, abortSignal }) => {
        model.calls.push({ prompt, signal: abortSignal! });
        const stream = new ReadableStream<LanguageModelV3StreamPart>({ start: (controller) => controller.enqueue({ type: "stream-start", warnings: [] }) });
        return { stream };
      },
    }),
}));

let m: { db: Db; messages: typeof MessageQueries; threads: typeof ThreadQueries; turn: typeof StartTurn; budgets: typeof BudgetedTurn };

beforeAll(async () => {
  await useMigratedSqlite("turn");
  m = {
    db: (await import("@/lib/db/client")).db,
    messages: await import("@/lib/db/queries/messages"),
    threads: await import("@/lib/db/queries/threads"),
    turn: await import("@/lib/chat/start-turn"),
    budgets: await import("@/lib/budgets/chat"),
  };
});

const unique = () => Math.random().toString(36).slice(2);
const newUser = () => m.db.user.create({ data: { email: `${unique()}@example.test`, status: "active" } });
const messageFields = { role: true, parts: true, content: true, status: true, model: true, error: true, inputTokens: true, outputTokens: true, createdAt: true, threadId: true, userId: true } as const;

describe("a turn's statements", () => {
  it("write the rows the ORM writes, dates and JSON parts included", async () => {
    const user = await newUser();
    const now = new Date("2026-03-04T05:06:07.089Z");
    expect(await m.threads.createThread({ id: `t-${unique()}`, userId: user.id, title: "x", model: "demo", now })).toBe(true);
    const direct = { thread: `t-${unique()}`, message: `m-${unique()}`, reply: `r-${unique()}` };
    const orm = { thread: `t-${unique()}`, message: `m-${unique()}`, reply: `r-${unique()}` };
    expect(await m.threads.createThread({ id: direct.thread, userId: user.id, title: "Hello «there»", model: "demo", now })).toBe(true);
    await m.db.thread.create({ data: { id: orm.thread, userId: user.id, title: "Hello «there»", model: "demo", createdAt: now, updatedAt: now } });
    const text = 'Quotes " and \\ and emoji 🙂';
    expect(
      await m.messages.createTurnMessages({ userId: user.id, threadId: direct.thread, message: { id: direct.message, text, createdAt: now }, reply: { id: direct.reply, model: "demo", createdAt: new Date(now.getTime() + 1) } }),
    ).toBe(true);
    await m.db.message.createMany({
      data: [
        { id: orm.message, userId: user.id, threadId: orm.thread, role: "user", parts: [{ type: "text", text }], content: text, createdAt: now },
        { id: orm.reply, userId: user.id, threadId: orm.thread, role: "assistant", parts: [], content: "", status: "streaming", model: "demo", createdAt: new Date(now.getTime() + 1) },
      ],
    });
    const read = async (ids: typeof direct) => ({
      thread: await m.db.thread.findUnique({ where: { id: ids.thread }, select: { title: true, model: true, createdAt: true, updatedAt: true, userId: true } }),
      message: await m.db.message.findUnique({ where: { id: ids.message }, select: messageFields }),
      reply: await m.db.message.findUnique({ where: { id: ids.reply }, select: messageFields }),
    });
    const strip = (rows: Awaited<ReturnType<typeof read>>, ids: typeof direct) =>
      JSON.parse(JSON.stringify(rows).replaceAll(ids.thread, "THREAD")) as unknown;
    expect(strip(await read(direct), direct)).toStrictEqual(strip(await read(orm), orm));
    expect((await read(direct)).message!.createdAt).toBeInstanceOf(Date);

    // Progress and finish, against the ORM's updates of the same rows.
    await m.messages.saveAssistantProgress({ id: direct.reply, userId: user.id, text: "partial" });
    await m.db.message.updateMany({ where: { id: orm.reply, userId: user.id, status: "streaming" }, data: { parts: [{ type: "text", text: "partial" }], content: "partial" } });
    expect(strip(await read(direct), direct)).toStrictEqual(strip(await read(orm), orm));
    await m.messages.finishAssistantMessage({ id: direct.reply, userId: user.id, status: "complete", text: "done", inputTokens: 3, outputTokens: 7 });
    await m.db.message.updateMany({ where: { id: orm.reply }, data: { status: "complete", parts: [{ type: "text", text: "done" }], content: "done", error: null, inputTokens: 3, outputTokens: 7 } });
    expect(strip(await read(direct), direct)).toStrictEqual(strip(await read(orm), orm));
    await m.messages.finishAssistantMessage({ id: direct.reply, userId: user.id, status: "error", text: "", error: "The model failed." });
    const failed = await m.db.message.findUnique({ where: { id: direct.reply } });
    expect(failed).toMatchObject({ status: "error", parts: [], content: "", error: "The model failed.", inputTokens: null, outputTokens: null });
  });

  it("write nothing for a taken message id, and touch only the owner's rows", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const threadId = `t-${unique()}`;
    const now = new Date();
    expect(await m.threads.createThread({ id: threadId, userId: owner.id, title: "x", model: "demo", now })).toBe(true);
    expect(await m.threads.createThread({ id: threadId, userId: other.id, title: "y", model: "demo", now })).toBe(false);
    expect(await m.threads.claimOfThread({ id: threadId, userId: other.id })).toStrictEqual({ kind: "taken" });
    expect(await m.threads.claimOfThread({ id: threadId, userId: owner.id })).toStrictEqual({ kind: "mine", model: "demo" });
    expect(await m.threads.claimOfThread({ id: `t-${unique()}`, userId: owner.id })).toStrictEqual({ kind: "free" });

    const taken = `m-${unique()}`;
    const turn = (id: string, reply: string) =>
      m.messages.createTurnMessages({ userId: owner.id, threadId, message: { id, text: "hi", createdAt: now }, reply: { id: reply, model: "demo", createdAt: now } });
    expect(await turn(taken, `r-${unique()}`)).toBe(true);
    const orphan = `r-${unique()}`;
    expect(await turn(taken, orphan)).toBe(false);
    expect(await m.db.message.findUnique({ where: { id: orphan } })).toBeNull();

    const [reply] = await m.db.message.findMany({ where: { threadId, role: "assistant" } });
    await m.messages.finishAssistantMessage({ id: reply!.id, userId: other.id, status: "complete", text: "not theirs" });
    await m.messages.saveAssistantProgress({ id: reply!.id, userId: other.id, text: "not theirs" });
    await m.threads.touchThread({ id: threadId, userId: other.id, model: "other", now: new Date() });
    expect(await m.db.message.findUnique({ where: { id: reply!.id } })).toMatchObject({ status: "streaming", content: "" });
    expect(await m.db.thread.findUnique({ where: { id: threadId } })).toMatchObject({ model: "demo", title: "x" });
  });
});

describe("startTurn", () => {
  it("starts the model call with the stored history, and the reply placeholder is there when it returns", async () => {
    const user = await newUser();
    const threadId = crypto.randomUUID();
    const first = await m.turn.startTurn({ userId: user.id, threadId, message: { id: crypto.randomUUID(), text: "first" } });
    first.call.abandon();
    await m.messages.finishAssistantMessage({ id: first.assistantId, userId: user.id, status: "complete", text: "answer one" });
    const second = await m.turn.startTurn({ userId: user.id, threadId, message: { id: crypto.randomUUID(), text: "second" } });
    second.call.abandon();
    expect(second.history).toStrictEqual([
      { role: "user", content: "first" },
      { role: "assistant", content: "answer one" },
      { role: "user", content: "second" },
    ]);
    const rows = await m.db.message.findMany({ where: { threadId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { role: true, content: true, status: true } });
    expect(rows).toStrictEqual([
      { role: "user", content: "first", status: "complete" },
      { role: "assistant", content: "answer one", status: "complete" },
      { role: "user", content: "second", status: "complete" },
      { role: "assistant", content: "", status: "streaming" },
    ]);
  });

  it("abandons the model call when the turn cannot be stored, and calls no model for someone else's thread", async () => {
    const [owner, intruder] = [await newUser(), await newUser()];
    const threadId = crypto.randomUUID();
    const messageId = crypto.randomUUID();
    (await m.turn.startTurn({ userId: owner.id, threadId, message: { id: messageId, text: "mine" } })).call.abandon();

    const before = model.calls.length;
    await expect(m.turn.startTurn({ userId: owner.id, threadId: crypto.randomUUID(), message: { id: messageId, text: "again" } })).rejects.toMatchObject({ code: "conflict:message" });
    const started = model.calls.slice(before);
    expect(started).toHaveLength(1);
    expect(started[0]!.signal.aborted).toBe(true);
    await expect(m.turn.startTurn({ userId: intruder.id, threadId, message: { id: crypto.randomUUID(), text: "let me in" } })).rejects.toMatchObject({ code: "not_found:thread" });
    expect(model.calls.length).toBe(before + 1);
    // Nothing of the intruder's landed in the owner's thread, and the failed new thread was undone.
    expect(await m.db.message.count({ where: { threadId } })).toBe(2);
    expect(await m.db.thread.count({ where: { userId: owner.id } })).toBe(1);
  });

  it("counts the prompt of a model call that started before its turn failed to store; nothing for one never started", async () => {
    const user = await m.db.user.create({ data: { email: `${unique()}@example.test`, status: "active", tokenBudget: "100000/1d" } });
    const caller = { userId: user.id, tokenBudget: user.tokenBudget, source: "chat" as const };
    const threadId = crypto.randomUUID();
    const messageId = crypto.randomUUID();
    const first = await m.budgets.budgetedTurn(caller, "hello there", (started) => m.turn.startTurn({ userId: user.id, threadId, message: { id: messageId, text: "hello there" } }, started));
    first.turn.call.abandon();
    await first.metered({ progress: async () => undefined, finish: async () => undefined }).finish({ status: "interrupted", text: "" });
    const usage = () => m.db.tokenUsage.findMany({ where: { userId: user.id }, select: { requests: true, inputTokens: true } });
    const afterFirst = await usage();
    expect(afterFirst).toHaveLength(1);

    const retry = "a message whose id is already taken, sent to the model all the same";
    await expect(
      m.budgets.budgetedTurn(caller, retry, (started) => m.turn.startTurn({ userId: user.id, threadId: crypto.randomUUID(), message: { id: messageId, text: retry } }, started)),
    ).rejects.toMatchObject({ code: "conflict:message" });
    const [counted] = await usage();
    expect(counted!.requests).toBe(afterFirst[0]!.requests + 1);
    expect(counted!.inputTokens).toBeGreaterThan(afterFirst[0]!.inputTokens);

    const other = await newUser();
    const theirs = crypto.randomUUID();
    (await m.turn.startTurn({ userId: other.id, threadId: theirs, message: { id: crypto.randomUUID(), text: "theirs" } })).call.abandon();
    await expect(
      m.budgets.budgetedTurn(caller, "let me in", (started) => m.turn.startTurn({ userId: user.id, threadId: theirs, message: { id: crypto.randomUUID(), text: "let me in" } }, started)),
    ).rejects.toMatchObject({ code: "not_found:thread" });
    expect(await usage()).toStrictEqual([counted]);
  });
});
