// The built-in policy's own Verilator call (interface extraction) handles prompt text, i.e.
// untrusted input: it runs in the job sandbox, sees only the prompt's files, and refuses names
// that would leave its work area.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildMemorylessPrompt } from "../src/prompt/prompt.js";
import { NativeRow, repositoryFromRow } from "../src/core/repository.js";
import { UnsafePathError } from "../src/core/safe-path.js";
import { initialState } from "../src/core/state.js";
import { sandboxInfo } from "../src/eda/sandbox.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { extractInterface } from "../src/llm/builtin/ports.js";
import { LlmCallError } from "../src/llm/types.js";
import { COUNTER_RTL } from "./fixtures/eda.js";

const bwrap = (await sandboxInfo()).mode === "bwrap";
let outside: string;
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), "llm4cov-outside-"));
  await writeFile(join(outside, "width.svh"), "`define WIDTH 12\n");
});
afterAll(() => rm(outside, { recursive: true, force: true }));
const saved = process.env.LLM4COV_SANDBOX;
afterEach(() => {
  if (saved === undefined) delete process.env.LLM4COV_SANDBOX;
  else process.env.LLM4COV_SANDBOX = saved;
});

// The port width comes only from the included file: only Verilator, reading it, gets 12.
const design = (include: string) =>
  `\`include "${include}"\nmodule wide (input logic clk, output logic [\`WIDTH-1:0] q);\n  assign q = '0;\nendmodule\n`;

describe("built-in policy: interface extraction", () => {
  it("uses Verilator on the prompt's own files (an include among them)", async () => {
    const files = [
      { name: "rtl/wide.sv", content: design("width.svh") },
      { name: "rtl/width.svh", content: "`define WIDTH 12\n" },
    ];
    const iface = await extractInterface(files, "wide");
    expect(iface.method).toBe("verilator");
    expect(iface.ports.find((p) => p.name === "q")?.width).toBe(12);
  });

  it.skipIf(!bwrap)(
    "cannot read a host file outside the prompt (bwrap: the sandbox shows it nothing)",
    async () => {
      const iface = await extractInterface(
        [{ name: "rtl/wide.sv", content: design(join(outside, "width.svh")) }],
        "wide",
      );
      // Verilator failed to find the include inside the sandbox; the source parser answered.
      expect(iface.method).toBe("source");
      expect(iface.ports.find((p) => p.name === "q")?.width).not.toBe(12);
    },
  );

  it("does not run Verilator at all when the host requires a sandbox it does not have", async () => {
    process.env.LLM4COV_SANDBOX = "no-such-mode"; // an unusable requirement: jobs would be infra_error
    expect((await sandboxInfo()).unavailable).toBeTruthy();
    const iface = await extractInterface(
      [
        { name: "rtl/wide2.sv", content: design("w.svh").replace("wide", "wide2") },
        { name: "rtl/w.svh", content: "`define WIDTH 12\n" },
      ],
      "wide2",
    );
    expect(iface.method).toBe("source");
  });

  it("without Verilator, port widths are numbers, not the DUT's parameter names", async () => {
    const rtl = [
      {
        name: "rtl/p.sv",
        content:
          "module p #(parameter WIDTH = 8, parameter N = 2) (input logic clk, input logic [WIDTH-1:0] d, output logic [N-1:0][WIDTH-1:0] q);\nendmodule\n",
      },
    ];
    const a = await extractInterface(rtl, "p", { useVerilator: false });
    expect(a.method).toBe("source");
    expect(a.ports.map((x) => [x.name, x.width, x.packed])).toEqual([
      ["clk", 1, ""],
      ["d", 8, "[7:0]"],
      ["q", 16, "[15:0]"],
    ]);
  });

  it("refuses an unsafe file name before touching the file system", async () => {
    await expect(
      extractInterface([{ name: "rtl/../../x.sv", content: COUNTER_RTL }], "counter"),
    ).rejects.toThrow(UnsafePathError);
  });

  it("the in-process provider refuses such a prompt with a permanent error, like serve-policy's 400", async () => {
    const row = NativeRow.parse({
      id: "t",
      rtl_files: [{ name: "rtl/a/../../../x.sv", content: COUNTER_RTL }],
      dut_module_name: "counter",
      dut_instance_name: "dut",
    });
    const messages = buildMemorylessPrompt(initialState(repositoryFromRow(row)));
    const err = await new BuiltinProvider()
      .complete({ messages, sampling: { temperature: 0, topP: 1, maxTokens: 4096 } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmCallError);
    expect(err).toMatchObject({ kind: "permanent", status: 400 });
    expect((err as Error).message).toMatch(/RTL file name .*"\.\." segment/);
  });
});

describe("interface cache", () => {
  it("an interface made while Verilator could not run is not reused once it can", async () => {
    const files = [
      { name: "rtl/wide3.sv", content: design("w3.svh").replace("wide", "wide3") },
      { name: "rtl/w3.svh", content: "`define WIDTH 12\n" },
    ];
    process.env.LLM4COV_SANDBOX = "no-such-mode";
    expect((await extractInterface(files, "wide3")).method).toBe("source");
    delete process.env.LLM4COV_SANDBOX;
    if (saved !== undefined) process.env.LLM4COV_SANDBOX = saved;
    const again = await extractInterface(files, "wide3");
    expect(again.method).toBe("verilator");
    expect(again.ports.find((p) => p.name === "q")?.width).toBe(12);
  });
});
