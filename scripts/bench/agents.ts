// 10. Agents: GET /v1/models with an OAuth access token (signature, claims, grant lookup, the key's limit)
// vs the same request with an API key, under load in the same run; and an MCP tool call (POST /mcp
// tools/call list_models) vs GET /v1/models with the same kind of token.
import { engineLabel, type Benchmark } from "./benchmark";
import { compareLoad, request, round, type LoadResult } from "./measure";
import { mintAccessToken } from "./oauth-token";
import { atLeast, figure } from "./report";

const toolCall = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_models", arguments: {} } });
const mcpHeaders = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" });

export const agents: Benchmark = {
  name: "agents",
  title: "10. Agents (OAuth access tokens, MCP)",
  engines: ["sqlite", "postgres"],
  async run(ctx, engine) {
    const app = await ctx.app(engine);
    const user = await ctx.user(app);
    const models = `${app.origin}/v1/models`;
    const v1Token = await mintAccessToken(app, user.id, "v1", "models:read");
    const mcpToken = await mintAccessToken(app, user.id, "mcp", "models:read");
    for (const [name, check] of [
      ["GET /v1/models with a token", await request(models, { headers: { authorization: `Bearer ${v1Token}` } })],
      ["POST /mcp tools/call", await request(`${app.origin}/mcp`, { method: "POST", headers: mcpHeaders(mcpToken), body: toolCall })],
    ] as const) {
      if (check.status !== 200) throw new Error(`${name} answered ${check.status}: ${check.body.toString().slice(0, 200)}`);
    }

    ctx.log("agents: throughput, 8 connections");
    const [keyed, token, mcp] = (await compareLoad({
      variants: [
        { name: "api-key", url: models, headers: { authorization: `Bearer ${user.apiKey}` } },
        { name: "access-token", url: models, headers: { authorization: `Bearer ${v1Token}` } },
        { name: "mcp-tool-call", url: `${app.origin}/mcp`, method: "POST", headers: mcpHeaders(mcpToken), body: toolCall },
      ],
      connections: 8,
      seconds: ctx.quick ? 1 : 2,
      rounds: ctx.quick ? 2 : 5,
      serverPid: app.serverPid,
    })) as [LoadResult, LoadResult, LoadResult];
    for (const result of [keyed, token, mcp]) if (result.non2xx > 0) throw new Error(`${result.non2xx} ${result.name} requests failed under load`);

    const db = engineLabel(engine);
    return {
      raw: { keyed, token, mcp },
      figures: [
        figure({
          benchmark: "10 Agents",
          name: `GET /v1/models, access token / API key throughput (${db})`,
          value: token.rps / keyed.rps,
          unit: "×",
          goal: atLeast(0.9, "≥ 0.9×"),
          detail:
            `${Math.round(token.rps)} vs ${Math.round(keyed.rps)} req/s; p50 ${round(token.latency.p50)} vs ${round(keyed.latency.p50)} ms (8 connections); ` +
            `server CPU per request ${round(token.cpuMsPerRequest)} vs ${round(keyed.cpuMsPerRequest)} ms; every token request still looks its grant up`,
        }),
        figure({
          benchmark: "10 Agents",
          name: `MCP tool call (list_models) throughput (${db})`,
          value: mcp.rps,
          unit: "req/s",
          detail: `p50 ${round(mcp.latency.p50)} ms, p99 ${round(mcp.latency.p99)} ms (8 connections); ${round(mcp.rps / token.rps)}× GET /v1/models with a token; server CPU per call ${round(mcp.cpuMsPerRequest)} ms`,
        }),
      ],
    };
  },
};
