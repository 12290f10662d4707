import { afterEach, describe, expect, it, vi } from "vitest";
import { loadEnv } from "@/lib/env";

afterEach(() => vi.unstubAllEnvs());

describe("settings", () => {
  it("has working defaults for a local run", () => {
    vi.stubEnv("DATABASE_URL", "");
    const env = loadEnv();
    expect(env.DATABASE_URL).toBe("file:./data/keyline.db");
    expect(env.RATE_LIMIT_EMAIL).toEqual({ points: 5, durationMs: 15 * 60_000 });
    expect(env.SESSION_IDLE_TIMEOUT).toBe(7 * 86_400_000);
    expect(env.useSecureCookies).toBe(false);
  });

  it.each([
    ["DATABASE_URL", "mysql://x", /^Invalid setting DATABASE_URL: /],
    ["RATE_LIMIT_CHAT", "twenty", /^Invalid setting RATE_LIMIT_CHAT: /],
    ["AUTH_URL", "https://chat.example.com/app", /^Invalid setting AUTH_URL: /],
    ["AUTH_SECRET", "short", /^Invalid setting AUTH_SECRET: /],
    ["PORT", "99999", /^Invalid setting PORT: /],
  ])("names the variable when %s is invalid", (name, value, message) => {
    vi.stubEnv(name, value);
    expect(() => loadEnv()).toThrowError(message);
  });

  it("refuses to run in production without AUTH_SECRET", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => loadEnv()).toThrowError(/^Invalid setting AUTH_SECRET: required in production/);
  });

  it("turns the local mail outbox off in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(loadEnv().EMAIL_OUTBOX).toBeUndefined();
  });

  it("uses secure cookies on an https origin", () => {
    vi.stubEnv("AUTH_URL", "https://chat.example.com");
    expect(loadEnv().useSecureCookies).toBe(true);
  });

  it("accepts the benchmarks' ungated secret only on a loopback origin", () => {
    vi.stubEnv("BENCH_UNGATED_SECRET", "bench-0123456789abcdefghijklmnopqrstuv");
    vi.stubEnv("AUTH_URL", "http://localhost:3300");
    expect(loadEnv().BENCH_UNGATED_SECRET).toBe("bench-0123456789abcdefghijklmnopqrstuv");
    vi.stubEnv("AUTH_URL", "https://chat.example.com");
    expect(() => loadEnv()).toThrowError(/^Invalid setting BENCH_UNGATED_SECRET: only for benchmarks/);
    vi.stubEnv("AUTH_URL", "http://10.0.0.5:3000");
    expect(() => loadEnv()).toThrowError(/^Invalid setting BENCH_UNGATED_SECRET: /);
  });

  it("admits loopback OAuth clients only on a loopback origin", () => {
    expect(loadEnv().OAUTH_ALLOW_LOOPBACK_CLIENTS).toBe(false);
    vi.stubEnv("OAUTH_ALLOW_LOOPBACK_CLIENTS", "true");
    vi.stubEnv("AUTH_URL", "http://127.0.0.1:3300");
    expect(loadEnv().OAUTH_ALLOW_LOOPBACK_CLIENTS).toBe(true);
    vi.stubEnv("AUTH_URL", "https://chat.example.com");
    expect(() => loadEnv()).toThrowError(/^Invalid setting OAUTH_ALLOW_LOOPBACK_CLIENTS: only for tests/);
    vi.stubEnv("OAUTH_ALLOW_LOOPBACK_CLIENTS", "yes");
    expect(() => loadEnv()).toThrowError(/^Invalid setting OAUTH_ALLOW_LOOPBACK_CLIENTS: must be true or false/);
  });
});
