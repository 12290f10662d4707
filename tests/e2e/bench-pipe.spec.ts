import { expect, test } from "./support/test";
import { appOrigin } from "../support/ports";
import { marker, modelRequests } from "./support/chat";
import { signedInUser } from "./support/api-keys";

// The benchmarks' bare pipe (lib/bench/bare-pipe.ts) forwards to the model with no check at all, so it
// must not exist for anyone outside a benchmark run: the rig runs without BENCH_UNGATED_SECRET, as
// production does, and a guessed secret, a session or an API key make no difference.
const unknownBody = { error: { code: "not_found:route", message: "There is nothing at this address." } };

test("the benchmark pipe is an unknown path and reaches no model, whatever the caller presents", async ({ browser }) => {
  const user = await signedInUser(browser, "pipe");
  const word = marker("pipe");
  const body = JSON.stringify({ model: "test-model", stream: true, messages: [{ role: "user", content: word }] });
  const attempts: Record<string, string>[] = [
    {},
    { "x-keyline-bench-ungated": "guess-guess-guess-guess-guess-guess-guess" },
    { "x-keyline-bench-ungated": "" },
  ];
  for (const headers of attempts) {
    // Signed out, the gate answers before any route, for this path as for a path that does not exist.
    const anonymous = await fetch(`${appOrigin}/api/bench/pipe`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const nowhere = await fetch(`${appOrigin}/api/no-such-route`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect(anonymous.status).toBe(nowhere.status);
    expect(await anonymous.json()).toEqual(await nowhere.json());
    const signedIn = await user.page.request.post("/api/bench/pipe", { headers: { "content-type": "application/json", ...headers }, data: body });
    expect(signedIn.status()).toBe(404);
    expect(await signedIn.json()).toEqual(unknownBody);
  }
  const get = await user.page.request.get("/api/bench/pipe");
  expect(get.status()).toBe(404);
  expect(await get.json()).toEqual(unknownBody);
  expect(await modelRequests(word)).toEqual([]);
  await user.close();
});
