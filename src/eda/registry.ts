// The simulator registry: a request's `simulator` names an entry here. Verilator and Icarus are
// registered on load; users add theirs (a CommandSimulator around a commercial tool, or any
// Simulator implementation) with registerSimulator. Every entry passes
// test/simulator-conformance.ts.
import { SimulatorName } from "../core/protocol.js";
import { IcarusSimulator } from "./icarus.js";
import type { Simulator } from "./simulator.js";
import { VerilatorSimulator } from "./verilator/verilator.js";

const BUILTIN = ["verilator", "icarus"];
const simulators = new Map<string, Simulator>([
  ["verilator", new VerilatorSimulator()],
  ["icarus", new IcarusSimulator()],
]);

export class UnknownSimulatorError extends Error {
  constructor(readonly simulator: string) {
    super(`unknown simulator ${JSON.stringify(simulator)}; registered: ${listSimulators().join(", ")}`);
    this.name = "UnknownSimulatorError";
  }
}

/** Adds `sim` under its name; taking a used name needs `replace` (built-ins are never replaced). */
export function registerSimulator(sim: Simulator, opts: { replace?: boolean } = {}): Simulator {
  const name = SimulatorName.safeParse(sim?.name);
  if (!name.success)
    throw new Error(`simulator name ${JSON.stringify(sim?.name)}: ${name.error.issues[0]?.message}`);
  if (typeof sim.evaluate !== "function" || typeof sim.version !== "function")
    throw new Error(`simulator ${sim.name}: needs version() and evaluate(job)`);
  const had = simulators.get(sim.name);
  if (had && had !== sim) {
    if (BUILTIN.includes(sim.name))
      throw new Error(`${sim.name} is a built-in simulator; choose another name`);
    if (!opts.replace) throw new Error(`a simulator named ${sim.name} is already registered`);
  }
  simulators.set(sim.name, sim);
  return sim;
}

export function unregisterSimulator(name: string): boolean {
  if (BUILTIN.includes(name)) return false;
  return simulators.delete(name);
}

export function getSimulator(name: string): Simulator {
  const sim = simulators.get(name);
  if (!sim) throw new UnknownSimulatorError(name);
  return sim;
}

export function hasSimulator(name: string): boolean {
  return simulators.has(name);
}

export function listSimulators(): string[] {
  return [...simulators.keys()];
}
