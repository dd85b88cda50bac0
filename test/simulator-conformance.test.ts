// The simulator conformance suite against every registered kind: Verilator, Icarus, and the
// command adapter around a real wrapper script (test/fixtures/sim-wrapper) that runs Verilator
// or Icarus and writes the published framework's result.json.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CommandSimulator } from "../src/eda/command-sim.js";
import { evaluate } from "../src/eda/evaluate.js";
import { registerSimulator, unregisterSimulator } from "../src/eda/registry.js";
import { counterRequest, GOOD_TB } from "./fixtures/eda.js";
import { simulatorConformance } from "./simulator-conformance.js";

const wrapper = join(import.meta.dirname, "fixtures", "sim-wrapper", "get-cov-result.mjs");
// The wrapper's Verilator must write coverage.dat from --binary (5.048 does, 5.006 does not).
const v5048 =
  process.env.LLM4COV_VERILATOR_ROOT ?? join(homedir(), ".cache", "llm4cov", "verilator", "5.048");
const haveV5048 = existsSync(join(v5048, "bin", "verilator"));

registerSimulator(
  new CommandSimulator({
    name: "cmd-icarus",
    command: [process.execPath, wrapper],
    env: { WRAPPER_SIM: "icarus" },
    readOnly: [join(import.meta.dirname, "fixtures", "sim-wrapper")],
  }),
  { replace: true },
);
if (haveV5048)
  registerSimulator(
    new CommandSimulator({
      name: "cmd-verilator",
      command: [process.execPath, wrapper],
      env: { WRAPPER_SIM: "verilator", VERILATOR_ROOT: v5048 },
      readOnly: [join(import.meta.dirname, "fixtures", "sim-wrapper"), v5048],
    }),
    { replace: true },
  );

simulatorConformance("verilator", { coverage: true, fatal: true });
simulatorConformance("icarus", { coverage: false, fatal: true });
simulatorConformance("cmd-icarus", { coverage: false, wallTimeoutMs: 4000 });
simulatorConformance("cmd-verilator", {
  coverage: true,
  fatal: true,
  skip: haveV5048 ? undefined : `no Verilator 5.048 at ${v5048} (npm run setup builds it)`,
});

describe("simulator registry", () => {
  it("an unknown simulator is an infra_error naming the registered ones, not a crash", async () => {
    const r = await evaluate({ ...counterRequest(GOOD_TB), simulator: "no-such-sim" });
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/unknown simulator "no-such-sim"; registered: verilator, icarus/);
  });

  it("refuses to replace a built-in and checks names", () => {
    const fake = new CommandSimulator({ name: "verilator", command: [process.execPath, wrapper] });
    expect(() => registerSimulator(fake, { replace: true })).toThrow(/built-in/);
    expect(() => new CommandSimulator({ name: "x", command: ["relative/tool"] })).toThrow(/absolute/);
    expect(() => registerSimulator(new CommandSimulator({ name: "Bad Name", command: [wrapper] }))).toThrow(
      /simulator name/,
    );
    expect(unregisterSimulator("verilator")).toBe(false);
  });

  it("a command that writes no result file is an infra_error with its output", async () => {
    registerSimulator(new CommandSimulator({ name: "cmd-false", command: ["/bin/false"], version: "0" }), {
      replace: true,
    });
    const r = await evaluate({ ...counterRequest(GOOD_TB), simulator: "cmd-false" });
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/cmd-false exited \(1\) without writing --outfile/);
  });
});
