// The layering of src/ (docs/design/architecture.md): folders import downward only, no folder
// cycle, every folder placed in the layer table, and SQL only in src/store.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const ROOT_LAYER = "(src)"; // files directly in src/: the package entry, above everything

/** The layer table: the ```layers block of the design note, top line first. */
function readLayers(): Map<string, number> {
  const doc = readFileSync(join(ROOT, "docs", "design", "architecture.md"), "utf8");
  const block = /```layers\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error("docs/design/architecture.md has no ```layers block");
  const lines = block[1]!.split("\n").filter((l) => l.trim());
  const rank = new Map<string, number>([[ROOT_LAYER, lines.length]]);
  lines.forEach((l, i) => {
    for (const f of l.trim().split(/\s+/)) rank.set(f, lines.length - 1 - i);
  });
  return rank;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** src/<folder>/... -> folder; src/x.ts -> the root layer. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length === 1 ? ROOT_LAYER : parts[0]!;
}

interface Edge {
  from: string;
  to: string;
  file: string;
  line: number;
  spec: string;
}

/** Every relative import, export-from and dynamic import of src/, type-only ones included. */
function importEdges(files: string[]): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const info = ts.preProcessFile(text, true, true);
    for (const imp of info.importedFiles) {
      if (!imp.fileName.startsWith(".")) continue;
      const target = resolve(dirname(file), imp.fileName);
      if (!target.startsWith(SRC + sep)) continue;
      const line = text.slice(0, imp.pos).split("\n").length;
      edges.push({
        from: folderOf(file),
        to: folderOf(target),
        file: relative(ROOT, file),
        line,
        spec: imp.fileName,
      });
    }
  }
  return edges;
}

/** Folder cycles (each as a path a -> b -> ... -> a), by depth-first search. */
function folderCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges)
    if (e.from !== e.to) (next.get(e.from) ?? next.set(e.from, new Set()).get(e.from)!).add(e.to);
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === "open") cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

const files = sourceFiles(SRC);
const edges = importEdges(files);

describe("architecture (docs/design/architecture.md)", () => {
  it("finds the imports it checks (the checker itself works)", () => {
    // A known downward edge and a known file: if parsing broke, every check below would pass vacuously.
    expect(edges.some((e) => e.from === "agent" && e.to === "core")).toBe(true);
    expect(edges.length).toBeGreaterThan(100);
    expect(folderCycles([edge("a", "b"), edge("b", "c"), edge("c", "a")])).toEqual([["a", "b", "c", "a"]]);
  });

  it("every folder of src/ is in the layer table", () => {
    const layers = readLayers();
    const missing = [...new Set(files.map(folderOf))].filter((f) => !layers.has(f));
    expect(missing, "add these folders to the ```layers block of docs/design/architecture.md").toEqual([]);
  });

  it("folders import from lower layers only (no sideways or upward import)", () => {
    const rank = readLayers();
    const bad = edges
      .filter((e) => e.from !== e.to && rank.has(e.from) && rank.has(e.to))
      .filter((e) => rank.get(e.to)! >= rank.get(e.from)!)
      .map((e) => `${e.file}:${e.line}: ${e.from} imports ${e.to} (${e.spec})`);
    expect(bad).toEqual([]);
  });

  it("no folder cycle", () => {
    expect(folderCycles(edges).map((c) => c.join(" -> "))).toEqual([]);
  });

  it("SQL only in src/store", () => {
    const bad = files
      .filter((f) => folderOf(f) !== "store")
      .flatMap((f) => sqlFindings(relative(ROOT, f), readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });

  it("the SQL detector recognises SQL and leaves prose alone (so the check above can fail)", () => {
    const code = [
      'import Database from "better-sqlite3";',
      "const rows = ledger.db",
      "  .prepare(",
      "    `SELECT s.sample_id",
      "     FROM samples s`,",
      "  ).all();",
      'db.exec("CREATE TABLE t(x)");',
    ].join("\n");
    expect(sqlFindings("x.ts", code).map((f) => f.split(":")[1])).toEqual(["1", "3", "7", "4", "7"]);
    const prose = 'const msg = "select the best state from the drafts"; // SELECT x FROM y in a comment';
    expect(sqlFindings("y.ts", prose)).toEqual([]);
  });
});

const SQL_CALL = /\.\s*(prepare|pragma)\s*\(|\bdb\s*\.\s*exec\s*\(/;
const SQL_TEXT =
  /["'`]\s*(SELECT\b[\s\S]{0,400}?\bFROM\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(?:TABLE|INDEX)\b|PRAGMA\s+\w+)/g;

/** file:line of every SQL sign in `text`: a better-sqlite3 import, a database call, SQL text. */
function sqlFindings(file: string, text: string): string[] {
  const out: string[] = [];
  // Comments may talk about SQL; blank them, keeping line breaks so line numbers stay right.
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " "));
  code.split("\n").forEach((l, i) => {
    if (/from\s+["']better-sqlite3["']/.test(l)) out.push(`${file}:${i + 1}: imports better-sqlite3`);
    if (SQL_CALL.test(l)) out.push(`${file}:${i + 1}: ${l.trim()}`);
  });
  // Statements span lines: search the whole text, report the line they start on.
  for (const m of code.matchAll(SQL_TEXT))
    out.push(`${file}:${code.slice(0, m.index).split("\n").length}: SQL text ${m[1]!.slice(0, 30)}`);
  return out;
}

function edge(from: string, to: string): Edge {
  return { from, to, file: "x", line: 1, spec: "x" };
}
