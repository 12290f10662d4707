// Figures, their goals, the summary table, and the results on disk: bench-results/*.json (gitignored)
// and, with --docs, the table in docs/benchmarks.md between its markers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./rig";

export type Goal = { op: "<=" | ">="; value: number; text: string };
export type Figure = {
  benchmark: string;
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  met?: boolean;
  detail?: string;
};

export function figure(input: Omit<Figure, "met"> & { met?: boolean }): Figure {
  const { goal, value } = input;
  const judged = input.met ?? (goal && Number.isFinite(value) ? (goal.op === "<=" ? value <= goal.value : value >= goal.value) : goal ? false : undefined);
  return { ...input, met: judged };
}

export const atMost = (value: number, text: string): Goal => ({ op: "<=", value, text });
export const atLeast = (value: number, text: string): Goal => ({ op: ">=", value, text });

export function display(f: Figure): string {
  if (!Number.isFinite(f.value)) return "n/a";
  const digits = f.unit === "×" ? 2 : Math.abs(f.value) >= 100 ? 0 : Math.abs(f.value) >= 10 ? 1 : 2;
  const number = f.value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: f.unit === "×" ? 2 : 0 });
  return f.unit === "×" ? `${number}×` : `${number} ${f.unit}`.trim();
}

const verdict = (f: Figure) => (f.met === undefined ? "" : f.met ? "yes" : "**no**");

export function markdownTable(figures: Figure[]): string {
  const lines = ["| benchmark | figure | measured | goal | met | detail |", "|---|---|---|---|---|---|"];
  for (const f of figures) lines.push(`| ${f.benchmark} | ${f.name} | ${display(f)} | ${f.goal?.text ?? ""} | ${verdict(f)} | ${f.detail ?? ""} |`);
  return lines.join("\n");
}

export function consoleTable(figures: Figure[]): string {
  const rows = [
    ["benchmark", "figure", "measured", "goal", "met", "detail"],
    ...figures.map((f) => [f.benchmark, f.name, display(f), f.goal?.text ?? "", f.met === undefined ? "" : f.met ? "yes" : "NO", f.detail ?? ""]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r, n) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ") + (n === 0 ? `\n${widths.map((w) => "-".repeat(w)).join("  ")}` : "")).join("\n");
}

export type Machine = { cpu: string; cores: number; ramGb: number; node: string; os: string; loadAtStart: number[] };

export function machine(): Machine {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const osRelease = fs.existsSync("/etc/os-release") ? fs.readFileSync("/etc/os-release", "utf8") : "";
  return {
    cpu: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${osRelease.match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1] ?? os.type()}, Linux ${os.release()}`,
    loadAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

export const resultsDir = path.join(root, "bench-results");

export function writeResult(name: string, data: unknown): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

export function resultsSection(input: { figures: Figure[]; machine: Machine; date: string; seconds: number; command: string }): string {
  const m = input.machine;
  return [
    START,
    `Measured ${input.date} with \`${input.command}\` (${Math.round(input.seconds)} s in all) on: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ` +
      `Node ${m.node}, ${m.os}; load average at start ${m.loadAtStart.join(" / ")} (the machine was shared).`,
    "",
    markdownTable(input.figures),
    END,
  ].join("\n");
}

export function writeDocs(section: string): string {
  const file = path.join(root, "docs", "benchmarks.md");
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/benchmarks.md lacks the ${START} … ${END} markers`);
  fs.writeFileSync(file, text.slice(0, start) + section + text.slice(end + END.length));
  return file;
}
