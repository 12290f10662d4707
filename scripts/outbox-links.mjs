#!/usr/bin/env node
// For `npm run local`: prints the links of each mail the server saves in the local outbox, so a sign-in
// link is one click away in the terminal. The server itself never logs them (no secrets in logs).
//   node scripts/outbox-links.mjs <outbox folder>
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

const dir = path.resolve(process.argv[2] ?? "data/outbox");
fs.mkdirSync(dir, { recursive: true });
const seen = new Set(fs.readdirSync(dir));

async function show(name) {
  const mail = await simpleParser(fs.readFileSync(path.join(dir, name)));
  const links = [...new Set((mail.text ?? "").match(/https?:\/\/\S+/g) ?? [])];
  process.stdout.write(`\nMail to ${mail.to?.text ?? "?"}: ${mail.subject ?? ""}\n${links.map((l) => `  ${l}`).join("\n")}\n\n`);
}

fs.watch(dir, (_event, name) => {
  if (!name || !name.endsWith(".eml") || seen.has(name)) return;
  seen.add(name);
  // The server writes the file in one call; a short wait avoids reading it half-written.
  setTimeout(() => show(name).catch((error) => console.error(`outbox: could not read ${name}: ${error.message}`)), 100);
});
