// npm run bench:profile -- <dir|file.cpuprofile> [--top N]: where a server's CPU time went, from the V8
// profiles that BENCH_PROFILE=<dir> makes the benchmark's app processes write. Self time is summed by
// package (node_modules/<name>, Next's compiled runtime, the app's own chunks, Node internals) and by
// function, so a profile of a whole benchmark reads as "what each layer costs".
import fs from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (name === "next") return url.includes("/compiled/") ? `next (compiled: ${rest[rest.indexOf("compiled") + 1]})` : "next";
    return name;
  }
  if (url.includes("/.next/server/")) return "app bundle (.next/server)";
  if (url.includes("/scripts/server/")) return "scripts/server (preload: log, shutdown)";
  return path.basename(url);
}

const keyOf = ({ functionName, url, lineNumber }: Node["callFrame"]) =>
  `${functionName || "(anonymous)"}  ${bucketOf(url, functionName)}${url && !url.startsWith("node:") ? `:${lineNumber + 1}` : ""}`;

function summarize(files: string[], top: number) {
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  // Inclusive: every sample counts once for each function and package on its stack.
  const underFunction = new Map<string, number>();
  const underBucket = new Map<string, number>();
  let totalUs = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const { functionName, url } = nodes.get(id)!.callFrame;
      if (functionName === "(idle)" || functionName === "(program)") return;
      totalUs += us;
      const bucket = bucketOf(url, functionName);
      byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
      byFunction.set(keyOf(nodes.get(id)!.callFrame), (byFunction.get(keyOf(nodes.get(id)!.callFrame)) ?? 0) + us);
      const seenFunctions = new Set<string>();
      const seenBuckets = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = nodes.get(at)!.callFrame;
        if (frame.functionName === "(root)") continue;
        seenFunctions.add(keyOf(frame));
        seenBuckets.add(bucketOf(frame.url, frame.functionName));
      }
      for (const key of seenFunctions) underFunction.set(key, (underFunction.get(key) ?? 0) + us);
      for (const key of seenBuckets) underBucket.set(key, (underBucket.get(key) ?? 0) + us);
    });
  }
  const rows = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${name}`);
  console.log(`${files.length} profile(s), ${(totalUs / 1000).toFixed(0)} ms of CPU outside idle\n\nby package:`);
  console.log(rows(byBucket).join("\n"));
  console.log("\nby function (self time):");
  console.log(rows(byFunction).join("\n"));
  console.log("\nby package, inclusive (time with the package anywhere on the stack):");
  console.log(rows(underBucket).join("\n"));
  console.log("\nby function, inclusive:");
  console.log(rows(underFunction).join("\n"));
}

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const target = args[0];
if (!target) throw new Error("usage: npm run bench:profile -- <dir|file.cpuprofile> [--top N]");
const files = fs.statSync(target).isDirectory()
  ? fs.readdirSync(target).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(target, f))
  : [target];
summarize(files, top);
