// The protocol server (`llm4cov eda serve --stdio`, in process here) turns request file names
// into paths in a job directory: every unsafe name is refused with a reason, nothing is written
// outside its work root, and a put whose hash does not match its content is not stored.
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/hash.js";
import type { SimResult } from "../src/core/protocol.js";
import { BlobHashError, BlobStore } from "../src/eda/blob-store.js";
import { serveStdio } from "../src/exec/stdio-server.js";
import { COUNTER_RTL, counterRequest, GOOD_TB } from "./fixtures/eda.js";

let root: string;
let workRoot: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "llm4cov-names-"));
  workRoot = join(root, "work");
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Raw protocol lines in, messages out: what any client (or attacker) can send. */
function server() {
  const input = new PassThrough();
  const output = new PassThrough();
  const messages: { type: string; id?: string; result?: SimResult; message?: string; sha256?: string[] }[] =
    [];
  let buf = "";
  output.on("data", (c: Buffer) => {
    buf += c.toString();
    const lines = buf.split("\n");
    buf = lines.pop()!;
    for (const l of lines) if (l.trim()) messages.push(JSON.parse(l));
  });
  const done = serveStdio({ input, output, slots: 2, workRoot });
  const send = (m: unknown) => input.write(JSON.stringify(m) + "\n");
  const waitFor = async (pred: (m: (typeof messages)[number]) => boolean) => {
    for (let i = 0; i < 1200; i++) {
      const m = messages.find(pred);
      if (m) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("no such message");
  };
  return { send, waitFor, messages, close: async () => (input.end(), await done) };
}

const escape = (dir: string) => `rtl/a/${"../".repeat(30)}${dir.slice(1)}/escaped.sv`;

describe("protocol server: request file names", () => {
  it.each([
    ["rtl", (n: string) => ({ rtl: [{ name: n, content: COUNTER_RTL }] }), /"\.\." segment|directory levels/],
    [
      "testbench",
      (n: string) => ({ testbench: { name: n, content: GOOD_TB } }),
      /"\.\." segment|directory levels/,
    ],
  ])("a %s name climbing out of the job is rejected, nothing written", async (_, patch, why) => {
    const s = server();
    s.send({ type: "sim", id: "x", request: { ...counterRequest(GOOD_TB), ...patch(escape(root)) } });
    const m = await s.waitFor((x) => x.id === "x");
    expect(m.result?.status).toBe("rejected");
    expect(m.result?.reason).toMatch(why);
    expect(existsSync(join(root, "escaped.sv"))).toBe(false);
    await s.close();
  });

  it.each([
    ["a control character", "rtl/counter\u001b[2J.sv", /control character/],
    ["a newline", "rtl/counter\n.sv", /control character/],
    ["an over-long name", `rtl/${"d/".repeat(40)}counter.sv`, /directory levels/],
    ["an absolute path", "/tmp/llm4cov-abs-name.sv", /absolute/],
  ])("%s in a file name is rejected with the reason", async (_, name, why) => {
    const s = server();
    s.send({
      type: "sim",
      id: "y",
      request: { ...counterRequest(GOOD_TB), rtl: [{ name, content: COUNTER_RTL }] },
    });
    const m = await s.waitFor((x) => x.id === "y");
    expect(m.result?.status).toBe("rejected");
    expect(m.result?.reason).toMatch(why);
    expect(readdirSync(root).filter((f) => f !== basename(workRoot))).toEqual([]);
    await s.close();
  });

  it("a put under a hash that is not its content's is not stored (no poisoned jobs)", async () => {
    const s = server();
    const real = sha256(COUNTER_RTL);
    s.send({ type: "put", blobs: [{ sha256: real, content: COUNTER_RTL.replace("q + 1'b1", "q + 2'd2") }] });
    const err = await s.waitFor((x) => x.type === "error");
    expect(err.message).toMatch(/put refused: sha256 mismatch/);
    // A job naming the hash only: the server does not have it and asks for it.
    s.send({
      type: "sim",
      id: "z",
      request: { ...counterRequest(GOOD_TB), rtl: [{ name: "rtl/counter.sv", sha256: real }] },
    });
    const need = await s.waitFor((x) => x.id === "z");
    expect(need).toMatchObject({ type: "need", sha256: [real] });
    await s.close();
  });

  it("the blob store checks a given hash", () => {
    const b = new BlobStore();
    expect(() => b.put("abc", sha256("abd"))).toThrow(BlobHashError);
    expect(b.put("abc", sha256("abc"))).toBe(sha256("abc"));
    expect(b.size.blobs).toBe(1);
  });
});
