import { Rig, cpuMsOf } from "./scripts/bench/rig";
import { seedApiKey, seedUsers } from "./scripts/bench/seed";
const rig = new Rig();
try {
  const app = await rig.startApp("sqlite");
  const [u] = await seedUsers(app.db, 1);
  const key = await seedApiKey(app.db, u!.id);
  const paths: [string, Record<string, string>][] = [
    ["/api/health", {}],
    ["/v1/models", { authorization: `Bearer ${key}` }],
    ["/api/v1/models", { authorization: `Bearer ${key}` }],
    ["/api/threads", { cookie: u!.cookie }],
  ];
  const cpu: Record<string, number> = {};
  for (let round = 0; round < 12; round++) {
    for (const [p, h] of paths) {
      const before = cpuMsOf(app.serverPid);
      const N = 100;
      await Promise.all(Array.from({ length: 4 }, async () => { for (let i = 0; i < N / 4; i++) { const r = await fetch(app.origin + p, { headers: h }); await r.arrayBuffer(); if (!r.ok) throw new Error(p + r.status); } }));
      if (round >= 2) cpu[p] = (cpu[p] ?? 0) + (cpuMsOf(app.serverPid) - before) / N;
    }
  }
  for (const [p] of paths) console.log(p.padEnd(20), (cpu[p]! / 10).toFixed(2), "ms CPU/request");
} finally { await rig.stopAll(); }
