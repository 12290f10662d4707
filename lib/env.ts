import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDomainPattern, plainEmailDomain, type DomainPattern } from "./auth/email-domains";
import { BUDGET_FORMAT_HINT, parseBudget } from "./budgets/window";

// The only reader of process.env. Parsed once; an invalid setting stops the server with one line naming it.

const duration = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, "must look like 30s, 15m, 12h or 7d")
  .transform(parseDurationMs);

const rateLimit = z
  .string()
  .regex(/^\d+\/\d+(s|m|h|d)$/, "must look like 5/15m (count/window)")
  .transform((value) => {
    const [count, window] = value.split("/") as [string, string];
    return { points: Number(count), durationMs: parseDurationMs(window) };
  });

const budget = z.string().transform((value, context) => {
  const parsed = parseBudget(value);
  if (!parsed) {
    context.addIssue({ code: "custom", message: BUDGET_FORMAT_HINT });
    return z.NEVER;
  }
  return parsed;
});

const commaList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const domainList = z.string().transform((value, context) => {
  const patterns: DomainPattern[] = [];
  for (const item of commaList(value)) {
    const pattern = parseDomainPattern(item);
    if (!pattern) {
      context.addIssue({ code: "custom", message: `"${item}" is not a domain like example.com or *.example.com` });
      return z.NEVER;
    }
    patterns.push(pattern);
  }
  return patterns;
});

const emailList = z.string().transform((value, context) => {
  const emails = commaList(value).map((item) => item.toLowerCase());
  const bad = emails.find((email) => !plainEmailDomain(email));
  if (bad) {
    context.addIssue({ code: "custom", message: `"${bad}" is not a plain email address like admin@example.com` });
    return z.NEVER;
  }
  return emails;
});

const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => new URL(value).pathname === "/" && !new URL(value).search, "must be an origin such as https://chat.example.com")
  .transform((value) => new URL(value).origin);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .default("file:./data/keyline.db"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  AUTH_URL: origin.prefault("http://localhost:3000"),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_GOOGLE_ISSUER: z.url().optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GITHUB_ENTERPRISE_URL: z.url().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().max(40).default("SSO"),
  EMAIL_SERVER: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  EMAIL_FROM: z.string().min(3).default("Keyline <no-reply@keyline.local>"),
  EMAIL_OUTBOX: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  AI_MODELS: z
    .string()
    .regex(/^(demo|(openai|anthropic):[\w.:/-]+)(,\s*(demo|(openai|anthropic):[\w.:/-]+))*$/, "must be comma-separated ids like openai:gpt-4o-mini, anthropic:claude-sonnet-4-5 or demo")
    .optional(),
  SIGNUP: z.enum(["open", "approval", "invite"]).default("approval"),
  SIGNUP_DOMAINS: domainList.prefault(""),
  ADMIN_EMAILS: emailList.prefault(""),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  RATE_LIMIT_EMAIL: rateLimit.prefault("5/15m"),
  RATE_LIMIT_SIGNIN_IP: rateLimit.prefault("30/15m"),
  RATE_LIMIT_PASSKEY_CHALLENGE_IP: rateLimit.prefault("300/15m"),
  RATE_LIMIT_CHAT: rateLimit.prefault("20/1m"),
  RATE_LIMIT_API_KEY: rateLimit.prefault("60/1m"),
  RATE_LIMIT_SHARE_IP: rateLimit.prefault("60/1m"),
  RATE_LIMIT_EXPORT: rateLimit.prefault("10/1h"),
  RATE_LIMIT_SEARCH: rateLimit.prefault("60/1m"),
  SESSION_IDLE_TIMEOUT: duration.prefault("7d"),
  SESSION_MAX_AGE: duration.prefault("30d"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Read by the server preload too (scripts/server/), which starts before the app; validated here.
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(8),
  BENCH_UNGATED_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  OAUTH_DYNAMIC_REGISTRATION: z
    .enum(["true", "false"], "must be true or false")
    .default("true")
    .transform((value) => value === "true"),
  // Access tokens are checked against their grant on every request, but a short life still bounds a leak.
  OAUTH_ACCESS_TOKEN_TTL: duration
    .prefault("10m")
    .refine((ms) => ms >= 60_000 && ms <= 600_000, "must be between 1m and 10m"),
  RATE_LIMIT_OAUTH_REGISTRATION_IP: rateLimit.prefault("20/1h"),
  // Tests only: client metadata documents may be served from loopback addresses (lib/oauth/address-policy.ts).
  OAUTH_ALLOW_LOOPBACK_CLIENTS: z
    .enum(["true", "false"], "must be true or false")
    .default("false")
    .transform((value) => value === "true"),
  // Unset: no budget, except users an admin gave their own (lib/budgets).
  BUDGET_TOKENS: budget.optional(),
  // Device-flow user codes are short (8 letters): every entry costs the address and the account a try.
  RATE_LIMIT_OAUTH_DEVICE_IP: rateLimit.prefault("30/15m"),
  RATE_LIMIT_OAUTH_DEVICE_USER: rateLimit.prefault("10/15m"),
  // 0: keys rotate only with `npm run oauth:rotate-keys`.
  OAUTH_KEY_ROTATION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
});

// The names of every setting, for docs/configuration.md and its drift test.
export const SETTING_NAMES = Object.keys(schema.shape).filter((name) => name !== "NODE_ENV");

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  isProduction: boolean;
  useSecureCookies: boolean;
};

export class InvalidSettingError extends Error {
  override name = "InvalidSettingError";
}

function parseDurationMs(value: string): number {
  const unit = value.at(-1) as "s" | "m" | "h" | "d";
  const factor = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit];
  return Number(value.slice(0, -1)) * factor;
}

function isLoopbackOrigin(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

// .env files often hold `NAME=` for "unset".
function readRawEnv(): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = process.env[key];
    raw[key] = value === undefined || value.trim() === "" ? undefined : value.trim();
  }
  return raw;
}

// Local runs get a secret generated once into data/; production must be given one.
function localSecret(): string {
  const file = path.join(process.cwd(), "data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadEnv(): Env {
  const parsed = schema.safeParse(readRawEnv());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidSettingError(`Invalid setting ${issue.path.join(".")}: ${issue.message}`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === "production";
  // `next build` evaluates server modules without the runtime secrets; the running server checks them.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  let secret = values.AUTH_SECRET;
  if (!secret) {
    if (isProduction && !building) {
      throw new InvalidSettingError("Invalid setting AUTH_SECRET: required in production (openssl rand -base64 32)");
    }
    secret = building ? "build-time-placeholder-secret-not-used-at-runtime" : localSecret();
  }
  if (values.SESSION_IDLE_TIMEOUT > values.SESSION_MAX_AGE) {
    throw new InvalidSettingError("Invalid setting SESSION_IDLE_TIMEOUT: must not exceed SESSION_MAX_AGE");
  }
  // A sign-in provider is on when all its settings are present; some without the others is a mistake.
  const providerGroups = [
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
    ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
  ] as const;
  for (const group of providerGroups) {
    const present = group.filter((name) => values[name]);
    const missing = group.find((name) => !values[name]);
    if (present.length > 0 && missing) {
      throw new InvalidSettingError(`Invalid setting ${missing}: required when ${present.join(" and ")} ${present.length > 1 ? "are" : "is"} set`);
    }
  }
  // Benchmarks only (lib/auth/bench-ungated.ts): never on an origin anyone else can reach.
  if (values.BENCH_UNGATED_SECRET && !isLoopbackOrigin(values.AUTH_URL)) {
    throw new InvalidSettingError("Invalid setting BENCH_UNGATED_SECRET: only for benchmarks, with AUTH_URL on localhost or 127.0.0.1");
  }
  // Tests only: an app reachable by others must never fetch from its own loopback interface for a client.
  if (values.OAUTH_ALLOW_LOOPBACK_CLIENTS && !isLoopbackOrigin(values.AUTH_URL)) {
    throw new InvalidSettingError("Invalid setting OAUTH_ALLOW_LOOPBACK_CLIENTS: only for tests, with AUTH_URL on localhost or 127.0.0.1");
  }
  // Auth.js reads AUTH_URL itself; without it, it would trust the request's Host and X-Forwarded-* headers.
  process.env.AUTH_URL ??= values.AUTH_URL;
  return {
    ...values,
    EMAIL_OUTBOX: values.EMAIL_OUTBOX ?? (isProduction ? undefined : path.join("data", "outbox")),
    AUTH_SECRET: secret,
    isProduction,
    useSecureCookies: values.AUTH_URL.startsWith("https://"),
  };
}

export const env: Env = loadEnv();
