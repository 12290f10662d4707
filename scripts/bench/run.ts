// npm run bench [-- <benchmark…>] [--engine sqlite|postgres] [--quick] [--docs]
// Runs the benchmarks against the production build (built first when there is none), prints one
// summary table, writes bench-results/*.json, and with --docs refreshes the table in docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { agents } from "./agents";
import { apiKeys } from "./api-keys";
import { createContext, engineLabel, type Benchmark } from "./benchmark";
import { concurrency } from "./concurrency";
import { gate } from "./gate";
import { guard } from "./guard";
import { history } from "./history";
import { pageWeight } from "./page-weight";
import { sharePage } from "./share-page";
import { consoleTable, machine, resultsSection, writeDocs, writeResult, type Figure } from "./report";
import { Rig, root, type Engine } from "./rig";
import { streaming } from "./streaming";
import { streamCpu } from "./stream-cpu";

// Per engine, in this order: the shared instance first, then the one that needs a fresh process.
const BENCHMARKS: Benchmark[] = [gate, guard, apiKeys, agents, streaming, streamCpu, history, pageWeight, sharePage, concurrency];
const ENGINES: Engine[] = ["sqlite", "postgres"];

function parseArgs(argv: string[]) {
  const names: string[] = [];
  let engines = ENGINES;
  let quick = false;
  let docs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--quick") quick = true;
    else if (arg === "--docs") docs = true;
    else if (arg === "--engine") engines = [argv[++i] as Engine];
    else if (arg.startsWith("--engine=")) engines = [arg.slice("--engine=".length) as Engine];
    else names.push(arg);
  }
  for (const engine of engines) if (!ENGINES.includes(engine)) throw new Error(`unknown engine ${engine} (sqlite or postgres)`);
  const unknown = names.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
  return { selected, engines, quick, docs: docs && names.length === 0 && engines.length === ENGINES.length && !quick, docsAsked: docs };
}

function ensureBuild(log: (message: string) => void) {
  if (fs.existsSync(path.join(root, ".next", "standalone", "server.js"))) {
    log("using the existing production build (.next/standalone); run `npm run build` first if the code changed");
    return;
  }
  log("no production build: running `npm run build`");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}

function ensureParts(engines: Engine[], selected: Benchmark[]) {
  const needsChromium = selected.includes(pageWeight) || selected.includes(sharePage);
  const needsPg = engines.includes("postgres") && selected.some((b) => b.engines.includes("postgres"));
  const havePg = fs.existsSync("/usr/lib/postgresql") && fs.readdirSync("/usr/lib/postgresql").length > 0;
  if ((needsChromium && !fs.existsSync("/usr/bin/chromium")) || (needsPg && !havePg)) {
    execFileSync("bash", [path.join(root, "scripts", "install-test-deps.sh")], { stdio: "inherit" });
  }
}

async function main() {
  const started = Date.now();
  const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
  const { selected, engines, quick, docs, docsAsked } = parseArgs(process.argv.slice(2));
  ensureBuild(log);
  ensureParts(engines, selected);
  const env = machine();
  const rig = new Rig();
  const stop = async () => {
    await rig.stopAll().catch(() => undefined);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop().then(() => process.exit(130)));
  }

  const ctx = createContext(rig, quick, log);
  const figures: Figure[] = [];
  const failures: string[] = [];
  try {
    for (const engine of engines) {
      for (const bench of selected.filter((b) => b.engines.includes(engine))) {
        log(`${bench.title} on ${engineLabel(engine)}`);
        const benchStarted = Date.now();
        try {
          const result = await bench.run(ctx, engine);
          figures.push(...result.figures);
          writeResult(`${bench.name}-${engine}`, { benchmark: bench.name, engine, date: new Date().toISOString(), machine: env, quick, seconds: (Date.now() - benchStarted) / 1000, figures: result.figures, raw: result.raw });
          console.log(consoleTable(result.figures));
        } catch (error) {
          const message = `${bench.name} on ${engine}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
          failures.push(message);
          console.error(`[bench] FAILED ${message}`);
        }
      }
    }
  } finally {
    await stop();
  }

  // Issue order (1 … 7), each benchmark's figures SQLite first; Array.prototype.sort is stable.
  const order = (f: Figure) => Number.parseInt(f.benchmark, 10);
  figures.sort((a, b) => order(a) - order(b));
  const seconds = (Date.now() - started) / 1000;
  const date = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
  writeResult("summary", { date, machine: env, quick, seconds, figures, failures });
  console.log(`\nKeyline benchmarks, ${date}, ${Math.round(seconds)} s${quick ? " (quick: rough figures)" : ""}\n`);
  console.log(consoleTable(figures));
  const section = resultsSection({ figures, machine: env, date, seconds, command: "npm run bench -- --docs" });
  fs.writeFileSync(path.join(root, "bench-results", "table.md"), `${section}\n`);
  if (docs && failures.length === 0) console.log(`\nwrote ${path.relative(root, writeDocs(section))}`);
  else if (docsAsked) console.log("\n--docs refreshes docs/benchmarks.md only after a full, successful run of every benchmark on both engines");
  if (failures.length) {
    console.error(`\n${failures.length} benchmark(s) failed:\n${failures.join("\n")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
