// Raw NVIDIA CVDP v1.0.2 rows (category cid012, "testbench stimulus generation") -> Repository.
// Two row forms exist: non-agentic {id, categories, input:{prompt, context}, output, harness:{files}}
// and agentic {id, categories, system_message, prompt, context, patch, harness}. The DUT sources
// are the harness `src/*.sv|v` files (what the original xrun command compiles); the harness .env
// holds TARGET, and src/process.py names the instance whose coverage is checked.
import type { NamedFile, Repository } from "../core/repository.js";
import type { CoverageTarget } from "../core/protocol.js";
import { IdGuard, idOf, rowError } from "./errors.js";
import { invalidItem, readJsonlRows, type DatasetItem, type LoadOptions } from "./jsonl.js";
import {
  checkRepository,
  hierarchyDepth,
  instanceGraph,
  parseModules,
  stimulusInstruction,
  topCandidates,
} from "./native.js";

const HDL_RE = /\.(sv|v|svh|vh)$/i;
const DEFAULT_INSTANCE = "dut";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** A path -> content map, keeping only string contents (CVDP uses "" or null for redacted files). */
function fileMap(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (isObj(v))
    for (const [k, c] of Object.entries(v)) if (typeof c === "string") out.set(k.replace(/^\/+/, ""), c);
  return out;
}

/** `KEY = value` lines; quotes and trailing comments dropped. */
export function parseEnv(text: string | undefined): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of (text ?? "").split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(raw);
    if (!m) continue;
    let v = m[2]!.replace(/\s+#.*$/, "");
    if (/^(["']).*\1$/.test(v)) v = v.slice(1, -1);
    env.set(m[1]!, v);
  }
  return env;
}

const KEY = String.raw`(?:["']([\w.$]+)["']|os\.(?:getenv|environ\.get)\(\s*["'](\w+)["'][^)]*\)|os\.environ\[\s*["'](\w+)["']\s*\])`;
// metrics["dut"]["Average"] / metrics [inst] ... : the instance the harness asserts the target on.
const METRIC_KEY_RES = [
  new RegExp(
    String.raw`\[\s*${KEY}\s*\]\s*\[\s*["'][^"'\]]*(?:average|covered|overall)[^"'\]]*["']\s*\]`,
    "gi",
  ),
  new RegExp(String.raw`metrics\s*\[\s*${KEY}\s*\]`, "g"),
];

/** Instance paths whose coverage process.py checks, in order of appearance. */
export function processPyInstances(text: string | undefined, env: Map<string, string>): string[] {
  if (!text) return [];
  const code = text.replace(/#[^\n]*/g, "");
  for (const re of METRIC_KEY_RES) {
    const found: string[] = [];
    for (const m of code.matchAll(re)) {
      const key = m[1] ?? env.get(m[2] ?? m[3] ?? "");
      if (key && !found.includes(key)) found.push(key);
    }
    if (found.length) return found;
  }
  return [];
}

/** Preprocessor defines of the xrun command line (`+define+A=1+B`, `-define A=1`). */
export function composeDefines(compose: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (d: string) => {
    const [name, ...rest] = d.split("=");
    if (name && /^[A-Za-z_]\w*$/.test(name)) out[name] = rest.join("=");
  };
  for (const m of (compose ?? "").matchAll(/\+define\+([^\s"']+)/g))
    m[1]!.split("+").filter(Boolean).forEach(add);
  for (const m of (compose ?? "").matchAll(/-define\s+([^\s"']+)/g)) add(m[1]!);
  return out;
}

function pickTop(rtl: NamedFile[], hints: string[]): { top?: string; reason?: string } {
  const mods = parseModules(rtl.map((f) => f.content));
  if (!mods.length) return { reason: "no module declared in the RTL" };
  const cands = topCandidates(mods);
  if (cands.length === 1) return { top: cands[0] };
  const pool = cands.length ? cands : [...new Set(mods.map((m) => m.name))];
  const hinted = pool.find((c) => hints.includes(c));
  if (hinted) return { top: hinted };
  // Like yosys -auto-top: the candidate with the deepest instance tree, if it is unique.
  const graph = instanceGraph(mods);
  const depths = pool.map((c) => hierarchyDepth(graph, c));
  const max = Math.max(...depths);
  const deepest = pool.filter((_, i) => depths[i] === max);
  if (deepest.length === 1) return { top: deepest[0] };
  return { reason: `several candidate top modules: ${pool.join(", ")}` };
}

export type Converted = { repo: Repository } | { skipped: true; reason: string };

export function cvdpToRepository(value: unknown, file: string, line?: number): Converted {
  const id = idOf(value);
  const fail = (reason: string) => rowError(file, line, id, reason);
  if (!isObj(value)) throw fail("row is not a JSON object");
  if (!id) throw fail("id: required");
  const cats = Array.isArray(value.categories) ? value.categories.filter((c) => typeof c === "string") : [];
  const category = cats.find((c) => /^cid\d+$/i.test(c)) ?? cats[0];
  if (category?.toLowerCase() !== "cid012")
    return { skipped: true, reason: `category ${category ?? "(none)"}, not cid012` };
  const difficulty = cats.find((c) => /^(easy|medium|hard)$/i.test(c));

  // The agentic form has prompt/context/harness at the top level; the other nests them.
  const agentic = typeof value.prompt === "string" || "system_message" in value || !isObj(value.input);
  const input = agentic ? value : isObj(value.input) ? value.input : {};
  const prompt = str(input.prompt) ?? "";
  const context = fileMap(input.context);
  const harnessRaw = isObj(value.harness) && isObj(value.harness.files) ? value.harness.files : value.harness;
  const harness = fileMap(harnessRaw);
  const outputs = fileMap(agentic ? value.patch : isObj(value.output) ? value.output.context : undefined);

  let rtl: NamedFile[] = [...harness]
    .filter(([n]) => n.startsWith("src/") && HDL_RE.test(n))
    .map(([n, content]) => ({ name: `rtl/${n.slice(4)}`, content }));
  if (!rtl.length)
    rtl = [...context]
      .filter(([n]) => /^rtl\//.test(n) && HDL_RE.test(n))
      .map(([name, content]) => ({ name, content }));
  if (!rtl.length) return { skipped: true, reason: "no RTL in harness src/ or context rtl/" };
  rtl.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const env = parseEnv(harness.get("src/.env"));
  const envInst = env.get("TOP_INSTANCE") ?? env.get("TOP_MODULE") ?? env.get("TOPLEVEL");
  const picked = pickTop(
    rtl,
    [env.get("TOP_MODULE"), env.get("TOPLEVEL")].filter((v): v is string => !!v),
  );
  if (!picked.top) return { skipped: true, reason: picked.reason ?? "no top module" };
  const top = picked.top;

  const insts = processPyInstances(harness.get("src/process.py"), env);
  const instance = insts[0]?.split(".")[0] ?? envInst ?? DEFAULT_INSTANCE;
  const targetNum = Number.parseFloat(env.get("TARGET") ?? "");
  const target = Number.isFinite(targetNum) && targetNum >= 0 && targetNum <= 100 ? targetNum : 100;
  const targets: CoverageTarget[] = (insts.length ? insts : [instance]).map((inst_name) => ({
    inst_name,
    metric: "overall",
    target_percentage: target,
  }));

  const compose = harness.get("docker-compose.yml") ?? harness.get("docker-compose.yaml");
  const verif = (names: Iterable<string>) =>
    [...names].filter((n) => /^verif\/[^/]+\.s?v$/.test(n)).sort()[0];
  const fromCompose = /\/code\/(verif\/[\w.-]+\.s?v)\b/.exec(compose ?? "")?.[1];
  const tbFile = verif(outputs.keys()) ?? verif(context.keys()) ?? fromCompose ?? `verif/tb_${top}.sv`;

  const docs = [...context]
    .filter(([n]) => /^docs\/.+\.md$/i.test(n))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const spec: NamedFile[] = [
    ...(prompt ? [{ name: "prompt.md", content: prompt }] : []),
    ...docs.map(([name, content]) => ({ name, content })),
  ];

  const repo: Repository = {
    id,
    rtl,
    spec,
    top,
    instance,
    defines: composeDefines(compose),
    targets,
    tbFile,
    instruction: stimulusInstruction(top, instance, tbFile, target),
    difficulty,
    source: "cvdp",
  };
  checkRepository(repo, fail);
  return { repo };
}

export async function* loadCvdp(path: string, opts: LoadOptions = {}): AsyncGenerator<DatasetItem> {
  const ids = new IdGuard(path);
  for await (const row of readJsonlRows(path)) {
    const source = { file: path, line: row.line };
    try {
      if ("error" in row) throw row.error;
      const res = cvdpToRepository(row.value, path, row.line);
      if ("skipped" in res) {
        yield { skipped: true, reason: res.reason, id: idOf(row.value), source };
        continue;
      }
      ids.check(res.repo.id, row.line);
      yield { repo: res.repo, source };
    } catch (err) {
      yield invalidItem(err, source, opts, "value" in row ? idOf(row.value) : undefined);
    }
  }
}
