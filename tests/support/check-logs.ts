// After the e2e suite (scripts/e2e.sh): the app processes' logs are JSON lines with a request id on every
// request's lines, and not one secret the rig handed out or saw (tests/support/secrets-ledger.ts) appears
// in them. Exits non-zero with the offending lines otherwise.
//   npx tsx tests/support/check-logs.ts <log folder> <secrets file> [--partial]
import fs from "node:fs";
import path from "node:path";

type LogLine = { level?: string; time?: string; msg?: string; requestId?: string; [key: string]: unknown };

const [logDir, secretsFile, flag] = process.argv.slice(2);
if (!logDir || !secretsFile) throw new Error("usage: check-logs.ts <log folder> <secrets file> [--partial]");
// --partial: a run of some specs only, which need not use every kind of secret.
const partial = flag === "--partial";

const problems: string[] = [];
const files = fs.readdirSync(logDir).filter((name) => name.endsWith(".log"));
const logs = files.map((name) => ({ name, text: fs.readFileSync(path.join(logDir, name), "utf8") }));

let lines = 0;
let accessLines = 0;
const requestIds = new Set<string>();
for (const { name, text } of logs) {
  for (const raw of text.split("\n")) {
    if (!raw.trim()) continue;
    lines += 1;
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      problems.push(`${name}: not a JSON line: ${raw.slice(0, 200)}`);
      continue;
    }
    if (!line.level || !line.time || typeof line.msg !== "string") problems.push(`${name}: missing level/time/msg: ${raw.slice(0, 200)}`);
    if (line.msg === "request") {
      accessLines += 1;
      for (const field of ["requestId", "method", "route", "status", "durationMs"]) {
        if (line[field] === undefined) problems.push(`${name}: access line without ${field}: ${raw.slice(0, 200)}`);
      }
      if (line.requestId) requestIds.add(line.requestId);
    }
  }
}

// App lines written while serving a request carry that request's id (a sign-in, an error…).
const appLinesWithRequest = logs
  .flatMap(({ text }) => text.split("\n"))
  .filter((raw) => raw.includes('"requestId"') && !raw.includes('"msg":"request"')).length;

const secrets = fs.existsSync(secretsFile)
  ? fs
      .readFileSync(secretsFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((raw) => JSON.parse(raw) as { kind: string; value: string })
  : [];
const byKind = new Map<string, Set<string>>();
for (const { kind, value } of secrets) byKind.set(kind, (byKind.get(kind) ?? new Set()).add(value));

// The check is only as good as its ledger: each kind the suite is known to use must have been seen.
if (!partial) {
  for (const kind of ["magic-link", "oauth-code", "oauth-token", "session-cookie", "api-key", "share-token"]) {
    if (!byKind.get(kind)?.size) problems.push(`the secrets ledger has no ${kind}: the rig stopped recording them`);
  }
  if (accessLines < 100) problems.push(`only ${accessLines} access lines: the app logs were not captured`);
}

// Shapes no log line may have, whichever secret it is: API keys, session cookies, tokens in query strings.
const PATTERNS: [string, RegExp][] = [
  ["an API key", /kl_live_[A-Za-z0-9]{8,}/],
  ["a session cookie", /session-token=[^;\s"]{8,}/],
  ["a token or code in a query string", /[?&](token|code)=[^&\s"]{8,}/],
  ["an Authorization header", /Bearer\s+[A-Za-z0-9._~+/-]{16,}/i],
];

for (const { name, text } of logs) {
  for (const [kind, values] of byKind) {
    for (const value of values) {
      const at = text.indexOf(value);
      if (at !== -1) problems.push(`${name}: contains a ${kind} secret: …${text.slice(Math.max(0, at - 80), at + 20)}…`);
    }
  }
  for (const [what, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) problems.push(`${name}: contains ${what}: …${text.slice(Math.max(0, match.index - 80), match.index + 40)}…`);
  }
}

const kinds = [...byKind].map(([kind, values]) => `${values.size} ${kind}`).join(", ");
console.log(
  `log check: ${lines} lines in ${files.length} app logs, ${accessLines} requests (${requestIds.size} ids), ` +
    `${appLinesWithRequest} app lines tied to a request; looked for ${secrets.length} secrets (${kinds})`,
);
if (problems.length > 0) {
  console.error(`log check failed:\n${problems.slice(0, 50).join("\n")}`);
  process.exit(1);
}
console.log("log check: every line is JSON, and no secret is in any log");
