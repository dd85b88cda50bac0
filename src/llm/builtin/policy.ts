// The built-in baseline policy: no LLM, no network. It reads the same prompt an LLM reads
// (parsePromptForPolicy), answers in the same format (a sentence and one fenced block), and
// adapts to feedback the way the memoryless formulation intends: everything it needs is in the
// state (the current testbench's header line and the uncovered points).
import { createHash, randomInt } from "node:crypto";
import { parsePromptForPolicy, type ParsedPrompt } from "../../prompt/prompt.js";
import { analyzeModules, fenced } from "../../prompt/parse.js";
import type { NamedFile } from "../../core/repository.js";
import { pathProblem } from "../../core/safe-path.js";
import { PolicyInputError } from "../policy-server.js";
import type { ChatMessage, ChatRequest, ChatResponse, LlmProvider, SamplingOptions } from "../types.js";
import { LlmCallError } from "../types.js";
import { aliases, mineTargets, type Target } from "./consts.js";
import { extractInterface, type DutInterface } from "./ports.js";
import {
  estimateCycles,
  extractPhases,
  generateTestbench,
  readPlanHeader,
  unitNs,
  type Directed,
  type DriveSet,
  type TbPlan,
} from "./tbgen.js";

const MAX_DIRECTED = 96;
/** Simulated time the stimulus may use (the default limit is 10 ms; keep a wide margin). */
const TIME_BUDGET_NS = 2_000_000;

/**
 * Maps mined constants onto input ports: directly, or through a copy (`reg <= PWDATA;`), in
 * which case the condition on that copy's line (`ADDRESS_CONTROL : reg <= PWDATA;`) is held too.
 */
export function directedFromTargets(
  targets: Target[],
  iface: DutInterface,
  files: NamedFile[],
  hold: number,
  all: Target[] = targets,
): Directed[] {
  const copies = aliases(files);
  const inputs = new Map(iface.ports.filter((p) => p.dir === "input").map((p) => [p.name, p]));
  const drive = (signal: string, lo0: number, t: Target): DriveSet | null => {
    const port = inputs.get(signal);
    if (!port || port.width === null || port.unpacked || port.real) return null;
    const lo = BigInt(lo0 + t.lo);
    const width = BigInt(t.width ?? Math.max(0, port.width - lo0 - t.lo));
    const mask = (((1n << width) - 1n) << lo) & ((1n << BigInt(port.width)) - 1n);
    return mask === 0n ? null : { port: port.name, mask, value: (t.value << lo) & mask };
  };
  const out: Directed[] = [];
  const seen = new Set<string>();
  const add = (sets: (DriveSet | null)[]) => {
    if (sets.some((x) => x === null)) return;
    const key = JSON.stringify(sets, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    if (!seen.has(key)) out.push({ sets: sets as DriveSet[], hold });
    seen.add(key);
  };
  for (const t of targets) {
    if (inputs.has(t.signal)) add([drive(t.signal, 0, t)]);
    for (const a of copies.filter((c) => c.name === t.signal && inputs.has(c.signal))) {
      const when = all.find(
        (c) => c.file === a.file && c.line === a.line && inputs.has(c.signal) && c.signal !== a.signal,
      );
      add([drive(a.signal, a.lo, t), ...(when ? [drive(when.signal, 0, when)] : [])]);
    }
  }
  return out;
}

/** 32-bit seed: the sampling seed when given, else a hash (temperature 0) or a fresh random value. */
function baseSeed(messages: ChatMessage[], sampling: SamplingOptions): number {
  if (sampling.seed !== undefined) return sampling.seed >>> 0;
  if (sampling.temperature === 0) {
    return createHash("sha256").update(JSON.stringify(messages)).digest().readUInt32LE(0);
  }
  return randomInt(1, 2 ** 31);
}

const mix = (a: number, b: number) => {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0 || 1;
};

export function makePlan(p: ParsedPrompt, iface: DutInterface, rtl: NamedFile[], seed: number): TbPlan {
  const prev = p.currentTestbench ? readPlanHeader(p.currentTestbench) : null;
  const status = p.status;
  const feedback = status !== null || p.parseError;
  const failed = status === "compile_error" || status === "build_error" || status === "rejected";
  const slow = status === "timeout" || status === "no_finish" || status === "runtime_error";
  let level = prev?.level !== undefined ? prev.level + 1 : feedback ? 1 : 0;
  if (slow) level = Math.max(0, (prev?.level ?? 1) - 1); // shorter run, not a longer one
  // After a compile failure use the plainest template; stay there once it passes.
  const conservative = failed || (prev?.conservative === 1 && status === "pass");
  const grow = 2 ** Math.min(level, 6);
  // Replay our own previous stimulus (same seed) when it ran fine, then add to it.
  const phases =
    p.currentTestbench && prev && !conservative && !prev.conservative
      ? extractPhases(p.currentTestbench)
      : null;
  const carry = phases && status === "pass" ? { lines: phases, cycles: prev?.cycles ?? 0 } : null;
  const plan: TbPlan = {
    seed: carry && prev?.seed ? prev.seed : mix(seed, level),
    level,
    conservative,
    randomCycles: Math.min(300 * grow, 20_000),
    segment: 16 << Math.min(level, 3),
    holdCycles: Math.min(64 * grow, 4096),
    directed: [],
    walk: [],
    carry,
  };
  const all = mineTargets(rtl, iface.params);
  if (!feedback || !p.uncovered.length) {
    if (!carry) plan.directed = directedFromTargets(all, iface, rtl, 4).slice(0, MAX_DIRECTED / 2);
  } else {
    // Constants in or just above an uncovered line or range first, held longer; then the rest.
    const near = all.filter((t) =>
      p.uncovered.some((u) => u.file === t.file && t.line <= (u.endLine ?? u.line) && t.line >= u.line - 3),
    );
    const aimed = directedFromTargets(near, iface, rtl, 8 * Math.min(grow, 4), all);
    const key = (d: Directed) => d.sets.map((x) => `${x.port}=${x.value}/${x.mask}`).join(",");
    const aimedKeys = new Set(aimed.map(key));
    // A replayed testbench already held every constant once; hold them again, longer, only when
    // no constant sits near an uncovered point (e.g. only output toggles are missing).
    const restHold = carry ? 8 * Math.min(grow, 4) : 4;
    const rest =
      carry && aimed.length
        ? []
        : directedFromTargets(all, iface, rtl, restHold).filter((d) => !aimedKeys.has(key(d)));
    plan.directed = [...aimed, ...rest].slice(0, MAX_DIRECTED);
    const inputs = new Set(iface.ports.filter((x) => x.dir === "input").map((x) => x.name));
    const untoggled = p.uncovered
      .filter((u) => u.kind === "toggle")
      // detail: "sig[3]: never 1->0" (or a bare bit name in rows stored before the direction)
      .map((u) => (u.detail.split(/[:\s]/)[0]?.split(".").at(-1) ?? "").split("[")[0]?.trim() ?? "");
    plan.walk = [...new Set(untoggled.filter((n) => inputs.has(n)))];
  }
  // Keep the run inside the time budget whatever the time unit is; start afresh when the
  // replayed phases alone would use most of it.
  const period = 10 * unitNs(iface.timescale);
  const budget = Math.floor(TIME_BUDGET_NS / period);
  if (plan.carry && plan.carry.cycles > budget * 0.6) {
    plan.carry = null;
    plan.seed = mix(seed, level);
  }
  for (let i = 0; i < 8 && estimateCycles(iface, plan) > budget; i++) {
    plan.randomCycles = Math.max(16, plan.randomCycles >> 1);
    plan.holdCycles = Math.max(8, plan.holdCycles >> 1);
    plan.directed = plan.directed.slice(0, Math.max(4, plan.directed.length >> 1));
  }
  return plan;
}

/** Module name for the testbench: the file's base name when it is a free identifier. */
export function tbModuleName(tbFile: string, top: string, rtl: NamedFile[]): string {
  const taken = new Set([top, ...rtl.flatMap((f) => analyzeModules(f.content, top).modules)]);
  const base = (tbFile.split("/").at(-1) ?? "").replace(/\.[^.]*$/, "");
  let name = /^[A-Za-z_]\w*$/.test(base) ? base : `tb_${top}`;
  while (taken.has(name)) name = `${name}_tb`;
  return name;
}

function describe(p: ParsedPrompt, plan: TbPlan, iface: DutInterface): string {
  const what = plan.conservative
    ? "a conservative plain-Verilog testbench (reset and seeded random stimulus only)"
    : `a stimulus-only testbench: reset, corner values, walking ones, ${plan.directed.length} constants from the RTL, ${plan.randomCycles} seeded random cycles, a mid-run reset and long enable holds`;
  const why =
    p.status === null
      ? ""
      : ` The previous run ended with status \`${p.status}\`; this revision is level ${plan.level}.`;
  const ports = `${iface.ports.length} ports, clock ${iface.clocks.join("/") || "none"}, reset ${iface.resets.map((r) => `${r.name} (active ${r.activeLow ? "low" : "high"})`).join(", ") || "none"}`;
  return `Here is ${what} for \`${p.top}\` instantiated as \`${p.instance}\` (${ports}).${why}`;
}

/**
 * The built-in policy: returns an answer text in the format an LLM would. A prompt it cannot use
 * gets an answer saying so; only a prompt naming an unsafe file (one that would leave the work
 * area once it became a path) is refused, with a PolicyInputError (HTTP 400 from serve-policy).
 */
export async function builtinPolicy(messages: ChatMessage[], sampling: SamplingOptions): Promise<string> {
  const p = parsePromptForPolicy(messages);
  for (const f of p.files) {
    const problem = pathProblem(f.name);
    if (problem)
      throw new PolicyInputError(
        `${f.kind === "rtl" ? "RTL" : "specification"} file name ${JSON.stringify(f.name.slice(0, 200))} ${problem}`,
      );
  }
  const rtl = p.files.filter((f) => f.kind === "rtl").map(({ name, content }) => ({ name, content }));
  if (!p.top || !p.instance || !rtl.length) {
    return "I cannot find the design in this prompt (no RTL files, top module or instance name), so I cannot write a testbench.";
  }
  const iface = await extractInterface(rtl, p.top, { defines: p.defines });
  const plan = makePlan(p, iface, rtl, baseSeed(messages, sampling));
  const ctx = { top: p.top, instance: p.instance, tbModule: tbModuleName(p.tbFile, p.top, rtl) };
  const tb = generateTestbench(iface, ctx, plan);
  return `${describe(p, plan, iface)}\n\n${fenced(tb, "systemverilog")}\n`;
}

/** The built-in policy behind the LlmProvider interface, so workflows treat it like any model. */
export class BuiltinProvider implements LlmProvider {
  readonly label = "builtin";
  readonly model = "llm4cov-builtin";
  private active = 0;

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    if (signal?.aborted) throw new LlmCallError("aborted before the call", "aborted", 0, this.label);
    const start = performance.now();
    this.active++;
    try {
      const text = await builtinPolicy(request.messages, request.sampling).catch((err: unknown) => {
        // The same refusal an OpenAI-compatible server gives: permanent, never retried.
        if (err instanceof PolicyInputError)
          throw new LlmCallError(err.message, "permanent", 0, this.label, 400);
        throw err;
      });
      return {
        text,
        reasoning: null,
        finishReason: "stop",
        truncated: false,
        usage: null, // no tokenizer involved: unknown, not zero
        costUsd: 0, // runs locally and is free: a known zero, unlike an unpriced endpoint (null)
        latencyMs: performance.now() - start,
        retries: 0,
        endpoint: this.label,
        model: this.model,
      };
    } finally {
      this.active--;
    }
  }

  inFlight(): number {
    return this.active;
  }
}
