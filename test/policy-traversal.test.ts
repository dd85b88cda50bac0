// issue 12: a prompt whose RTL section names `rtl/a/../../../../<dir>/x.sv` made the built-in
// policy write x.sv into <dir>. Over real HTTP to a real `llm4cov serve-policy`: HTTP 400, a
// message naming the file and the problem, and nothing written anywhere outside.
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMemorylessPrompt } from "../src/prompt/prompt.js";
import { NativeRow, repositoryFromRow } from "../src/core/repository.js";
import { initialState } from "../src/core/state.js";
import { COUNTER_RTL } from "./fixtures/eda.js";
import { startServePolicy, type ServePolicyProcess } from "./fixtures/serve-policy.js";

let server: ServePolicyProcess;
let victim: string;
beforeAll(async () => {
  victim = await mkdtemp(join(tmpdir(), "llm4cov-victim-"));
  server = await startServePolicy();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await rm(victim, { recursive: true, force: true });
});

/** The prompt eval would send for a design whose only RTL file has this name. */
function promptNaming(name: string) {
  // Built as a row would be, bypassing the loader's own check: the attacker writes the prompt.
  const row = NativeRow.parse({
    id: "traversal",
    rtl_files: [{ name, content: COUNTER_RTL }],
    dut_module_name: "counter",
    dut_instance_name: "dut",
  });
  return buildMemorylessPrompt(initialState(repositoryFromRow(row)));
}

async function chat(name: string) {
  const res = await fetch(`${server.baseURL}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "x", messages: promptNaming(name), temperature: 0, seed: 1 }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { message: string }; choices?: unknown[] },
  };
}

const traversals = () => [
  `rtl/a/../../../../${basename(victim)}/x.sv`, // the form: four levels up from the old work area
  `rtl/a/${"../".repeat(40)}${victim.slice(1)}/x.sv`, // any depth: up to / and down into the victim
  `${victim}/x.sv`,
];

describe("serve-policy refuses file names that would leave its work area", () => {
  it.each([0, 1, 2])("traversal form %i: HTTP 400 with a clear message, nothing written", async (i) => {
    const name = traversals()[i]!;
    const r = await chat(name);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toMatch(/unsafe|RTL file name/);
    expect(r.body.error!.message).toMatch(i === 2 ? /absolute/ : /"\.\." segment|directory levels/);
    expect(readdirSync(victim)).toEqual([]);
    expect(existsSync(join(tmpdir(), "x.sv"))).toBe(false);
  });

  it("a control character in a name is refused too", async () => {
    const r = await chat("rtl/x\u001b.sv");
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toMatch(/control character/);
  });

  it("the same server still answers a well-formed prompt", async () => {
    const r = await chat("rtl/counter.sv");
    expect(r.status).toBe(200);
    expect(r.body.choices).toHaveLength(1);
  });
});
