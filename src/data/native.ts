// Native rows (benchmarks/README.md schema) -> Repository, plus the checks every loader
// applies before a repository may reach a simulator: safe file names and a top module that exists.
import { isSafePath, pathProblem } from "../core/safe-path.js";
import { NativeRow, repositoryFromRow, type Repository } from "../core/repository.js";
import { DatasetError, IdGuard, describeZodError, idOf, rowError } from "./errors.js";
import { invalidItem, readJsonlRows, type DatasetItem, type LoadOptions } from "./jsonl.js";

// ---------------------------------------------------------------- Verilog scanning (no parser:
// loaders only need module names and who instantiates whom, which regexes over comment-free text give).

/** Blanks comments and string literals, so `// module foo` or `$display("a (")` cannot fool the scan. */
export function stripComments(src: string): string {
  return src.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"/g, (m) =>
    m.startsWith('"') ? '""' : m.startsWith("/*") ? m.replace(/[^\n]/g, " ") : "",
  );
}

export interface ModuleDecl {
  name: string;
  /** Text from `module` to its `endmodule`, comments removed. */
  body: string;
}

const MODULE_RE = /\b(?:module|macromodule)\s+(?:(?:static|automatic)\s+)?([A-Za-z_][\w$]*)/g;

export function parseModules(sources: readonly string[]): ModuleDecl[] {
  const out: ModuleDecl[] = [];
  for (const src of sources) {
    const text = stripComments(src);
    for (const m of text.matchAll(MODULE_RE)) {
      const end = text.indexOf("endmodule", m.index);
      out.push({ name: m[1]!, body: text.slice(m.index, end < 0 ? text.length : end) });
    }
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&");

/** `child #(...) u (` or `child u[3:0] (`: the forms an instantiation takes. */
function instantiates(body: string, child: string): boolean {
  const re = new RegExp(
    `(?<![\\w$.'\`])${escapeRe(child)}(?![\\w$])\\s*(?:#\\s*\\(|[A-Za-z_][\\w$]*\\s*(?:\\[[^\\]]*\\]\\s*)*\\()`,
  );
  return re.test(body);
}

/** Module -> the declared modules it instantiates. */
export function instanceGraph(mods: readonly ModuleDecl[]): Map<string, Set<string>> {
  const names = [...new Set(mods.map((m) => m.name))];
  const graph = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const m of mods) {
    for (const n of names) if (n !== m.name && instantiates(m.body, n)) graph.get(m.name)!.add(n);
  }
  return graph;
}

/** Modules no other module instantiates, i.e. the possible tops. */
export function topCandidates(mods: readonly ModuleDecl[]): string[] {
  const graph = instanceGraph(mods);
  const used = new Set<string>();
  for (const children of graph.values()) for (const c of children) used.add(c);
  return [...graph.keys()].filter((n) => !used.has(n));
}

/** Depth of the instance tree below `name` (a leaf is 1); a tie-break like yosys -auto-top's. */
export function hierarchyDepth(
  graph: Map<string, Set<string>>,
  name: string,
  seen = new Set<string>(),
): number {
  if (seen.has(name)) return 0;
  seen.add(name);
  let best = 0;
  for (const c of graph.get(name) ?? []) best = Math.max(best, hierarchyDepth(graph, c, seen));
  seen.delete(name);
  return best + 1;
}

// ---------------------------------------------------------------- repository checks

/** A file name a job directory can hold: the shared check of src/core/safe-path.ts. */
export function isSafeRelativePath(name: string): boolean {
  return isSafePath(name);
}

const IDENT_RE = /^[A-Za-z_][\w$]*$/;

/** Throws a DatasetError (via `fail`) when the repository cannot be simulated as declared. */
export function checkRepository(repo: Repository, fail: (reason: string) => DatasetError): void {
  const seen = new Set<string>();
  for (const [field, files] of [
    ["rtl_files", repo.rtl],
    ["spec_files", repo.spec],
  ] as const) {
    for (const f of files) {
      const problem = pathProblem(f.name);
      if (problem)
        throw fail(`${field}: unsafe file name ${JSON.stringify(f.name.slice(0, 200))}: ${problem}`);
    }
  }
  for (const f of repo.rtl) {
    if (seen.has(f.name)) throw fail(`rtl_files: duplicate file name "${f.name}"`);
    seen.add(f.name);
  }
  const tbProblem = pathProblem(repo.tbFile);
  if (tbProblem)
    throw fail(`tb_file: unsafe file name ${JSON.stringify(repo.tbFile.slice(0, 200))}: ${tbProblem}`);
  if (!IDENT_RE.test(repo.instance))
    throw fail(`instance name "${repo.instance}" is not a Verilog identifier`);
  const declared = parseModules(repo.rtl.map((f) => f.content)).map((m) => m.name);
  if (!declared.includes(repo.top)) {
    const list = declared.length
      ? `declared: ${[...new Set(declared)].slice(0, 8).join(", ")}`
      : "no module declared";
    throw fail(`top module "${repo.top}" not found as \`module ${repo.top}\` in the RTL (${list})`);
  }
}

// ---------------------------------------------------------------- native rows

export function nativeToRepository(value: unknown, file: string, line?: number): Repository {
  const id = idOf(value);
  const parsed = NativeRow.safeParse(value);
  if (!parsed.success) throw rowError(file, line, id, describeZodError(parsed.error, value));
  const repo = repositoryFromRow(parsed.data);
  checkRepository(repo, (reason) => rowError(file, line, id, reason));
  return repo;
}

export async function* loadNative(path: string, opts: LoadOptions = {}): AsyncGenerator<DatasetItem> {
  const ids = new IdGuard(path);
  for await (const row of readJsonlRows(path)) {
    const source = { file: path, line: row.line };
    try {
      if ("error" in row) throw row.error;
      const repo = nativeToRepository(row.value, path, row.line);
      ids.check(repo.id, row.line);
      yield { repo, source };
    } catch (err) {
      yield invalidItem(err, source, opts, "value" in row ? idOf(row.value) : undefined);
    }
  }
}

/** The short task statement of converted rows, worded like the benchmark's `instruction` field. */
export function stimulusInstruction(top: string, instance: string, tbFile: string, target: number): string {
  return (
    `Write a SystemVerilog stimulus-only testbench (${tbFile}) that instantiates the \`${top}\` module ` +
    `as \`${instance}\` and drives its inputs to maximize code coverage of that instance ` +
    `(target: ${target}% overall). Follow the specification files for parameters and scenarios.`
  );
}
