// CodeV-R1-style rows {problem_id, question, ground_truth} -> Repository. These are training-data
// sources of uneven quality, so a row whose top module is not clear is skipped with a reason
// rather than aborting a run over thousands of rows.
import type { Repository } from "../core/repository.js";
import { IdGuard, idOf, rowError } from "./errors.js";
import { invalidItem, readJsonlRows, type DatasetItem, type LoadOptions } from "./jsonl.js";
import { checkRepository, parseModules, stimulusInstruction, topCandidates } from "./native.js";
import type { Converted } from "./cvdp.js";

const FENCE_RE = /```[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)```/g;
const HDL_LANGS = new Set(["", "verilog", "systemverilog", "sv", "v"]);
// Constructs a Verilog-2005 file cannot hold; they decide the file extension.
const SV_RE = /\b(logic|always_ff|always_comb|always_latch|typedef|interface|package|unique|priority)\b/;

/** The Verilog of an answer: every ```verilog (or untagged) fenced block, else the whole text. */
export function extractVerilog(text: string): string {
  const blocks = [...text.matchAll(FENCE_RE)]
    .filter((m) => HDL_LANGS.has(m[1]!.toLowerCase()))
    .map((m) => m[2]!);
  return blocks.length ? blocks.join("\n") : text;
}

export function codevToRepository(value: unknown, file: string, line?: number): Converted {
  const id = idOf(value, "problem_id") ?? idOf(value);
  const fail = (reason: string) => rowError(file, line, id, reason);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw fail("row is not a JSON object");
  if (!id) throw fail("problem_id: required");
  const row = value as Record<string, unknown>;
  if (typeof row.ground_truth !== "string") throw fail("ground_truth: expected string");
  const question = typeof row.question === "string" ? row.question : "";

  const code = extractVerilog(row.ground_truth);
  const mods = parseModules([code]);
  if (!mods.length) return { skipped: true, reason: "no module in ground_truth" };
  const tops = topCandidates(mods);
  if (tops.length !== 1) {
    const names = tops.length ? tops : [...new Set(mods.map((m) => m.name))];
    return { skipped: true, reason: `several candidate top modules: ${names.join(", ")}` };
  }
  const top = tops[0]!;
  const instance = "dut";
  const tbFile = `verif/tb_${top}.sv`;
  const ext = SV_RE.test(code) ? "sv" : "v";
  const repo: Repository = {
    id,
    rtl: [{ name: `rtl/${top}.${ext}`, content: code.endsWith("\n") ? code : `${code}\n` }],
    spec: question ? [{ name: "prompt.md", content: question }] : [],
    top,
    instance,
    defines: {},
    targets: [{ inst_name: instance, metric: "overall", target_percentage: 100 }],
    tbFile,
    instruction: stimulusInstruction(top, instance, tbFile, 100),
    source: "codev",
  };
  checkRepository(repo, fail);
  return { repo };
}

export async function* loadCodev(path: string, opts: LoadOptions = {}): AsyncGenerator<DatasetItem> {
  const ids = new IdGuard(path);
  for await (const row of readJsonlRows(path)) {
    const source = { file: path, line: row.line };
    const id = "value" in row ? idOf(row.value, "problem_id") : undefined;
    try {
      if ("error" in row) throw row.error;
      const res = codevToRepository(row.value, path, row.line);
      if ("skipped" in res) {
        yield { skipped: true, reason: res.reason, id, source };
        continue;
      }
      ids.check(res.repo.id, row.line);
      yield { repo: res.repo, source };
    } catch (err) {
      yield invalidItem(err, source, opts, id);
    }
  }
}
