import { getEventListeners } from "node:events";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { sha256 } from "../src/core/hash.js";
import { StdioConnection, StdioExecutor } from "../src/exec/stdio-client.js";
import { serveStdio } from "../src/exec/stdio-server.js";
import { executorConformance } from "./executor-conformance.js";
import { COUNTER_RTL, counterRequest, GOOD_TB, WEAK_TB } from "./fixtures/eda.js";

// The real server as a child process: `llm4cov eda serve --stdio` (needs the build in dist/).
executorConformance("stdio server (child process)", () => new StdioExecutor({ slots: 2 }));

function inProcessServer(blobBytes?: number) {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const done = serveStdio({ input: toServer, output: fromServer, slots: 2, blobBytes });
  const conn = new StdioConnection(fromServer, toServer, "test");
  return { conn, done, toServer, fromServer };
}

describe("stdio protocol", () => {
  it("greets with protocol version, tools and slots", async () => {
    const { conn, done } = inProcessServer();
    const hello = await conn.hello;
    expect(hello).toMatchObject({ protocol: 1, server: "llm4cov", slots: 2 });
    expect(hello.simulators.verilator).toMatch(/^5\./);
    conn.close();
    await done;
  });

  it("removes its abort listener when a job ends (one long-lived signal for many jobs)", async () => {
    const { conn, done } = inProcessServer();
    const shared = new AbortController();
    await Promise.all([0, 1, 2, 3].map(() => conn.run(counterRequest(WEAK_TB), shared.signal)));
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
    conn.close();
    await done;
  });

  it("sends each repository file once, then only its hash", async () => {
    const { conn, done } = inProcessServer();
    const before = conn.bytesSent;
    await conn.run(counterRequest(GOOD_TB));
    const first = conn.bytesSent - before;
    const results = await Promise.all([0, 1, 2].map(() => conn.run(counterRequest(WEAK_TB))));
    const perLater = (conn.bytesSent - before - first) / 3;
    expect(results.every((r) => r.status === "pass")).toBe(true);
    expect(first).toBeGreaterThan(COUNTER_RTL.length);
    expect(perLater).toBeLessThan(WEAK_TB.length + 2000);
    conn.close();
    await done;
  });

  it("answers need when the server lacks a blob, and the client supplies it", async () => {
    const { conn, done } = inProcessServer();
    // Pretend the server already has the file: the client sends only the hash first.
    (conn as unknown as { serverHas: Set<string> }).serverHas.add(sha256(COUNTER_RTL));
    const r = await conn.run(counterRequest(GOOD_TB));
    expect(r.status).toBe("pass");
    conn.close();
    await done;
  });

  it("returns an error for an invalid message and keeps serving", async () => {
    const { conn, done, toServer, fromServer } = inProcessServer();
    await conn.hello;
    const lines: string[] = [];
    fromServer.on("data", (c: Buffer) => lines.push(...c.toString().split("\n").filter(Boolean)));
    toServer.write('{"type":"sim","id":"bad","request":{"rtl":[]}}\nnot json\n');
    const r = await conn.run(counterRequest(GOOD_TB));
    expect(r.status).toBe("pass");
    const errors = lines.map((l) => JSON.parse(l)).filter((m) => m.type === "error");
    expect(errors[0]).toMatchObject({ id: "bad" });
    expect(errors[0].message).toMatch(/invalid message/);
    expect(errors[1].message).toMatch(/invalid JSON/);
    conn.close();
    await done;
  });
});
