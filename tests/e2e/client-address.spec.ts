import http from "node:http";
import { expect, test } from "./support/test";
import { ports } from "../support/ports";

// A request from a loopback address of this test's own, with a client-chosen X-Forwarded-For.
function optionsFrom(localAddress: string, forwardedFor: string): Promise<{ status: number; remaining: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1", port: ports.app, localAddress, method: "POST", path: "/api/passkeys/authenticate/options",
        headers: { "content-type": "application/json", host: `localhost:${ports.app}`, "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, remaining: Number(response.headers["ratelimit-remaining"]) }));
      },
    );
    request.on("error", reject);
    request.end("{}");
  });
}

test("a client cannot choose the address it is rate-limited under", async () => {
  const address = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
  const first = await optionsFrom(address, "203.0.113.1");
  const second = await optionsFrom(address, "198.51.100.2");
  const third = await optionsFrom(address, "203.0.113.1, 198.51.100.3");
  expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
  expect(second.remaining).toBe(first.remaining - 1);
  expect(third.remaining).toBe(first.remaining - 2);
});
