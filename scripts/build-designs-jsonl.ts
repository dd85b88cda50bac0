// Builds examples/designs.jsonl from the bundled example designs (examples/designs/<name>/):
//   meta.json  {id, top, instance, target_percentage, difficulty, tb_file, defines}
//   spec.md    the specification (other *.md files follow it)
//   rtl/**     the DUT sources
// reference/ (the good and weak testbenches) is deliberately left out of the rows.
//
//   npx tsx scripts/build-designs-jsonl.ts            write examples/designs.jsonl
//   npx tsx scripts/build-designs-jsonl.ts --check    exit 1 when the file on disk is stale
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { NativeRow, type NamedFile } from "../src/core/repository.js";
import { stimulusInstruction } from "../src/data/native.js";

export const DEFAULT_DESIGNS_DIR = join(import.meta.dirname, "..", "examples", "designs");
export const DEFAULT_OUTPUT = join(import.meta.dirname, "..", "examples", "designs.jsonl");

const SOURCE = "llm4cov-examples";
const LICENSE_NOTE = "Apache-2.0, written for llm4cov";
const HDL_RE = /\.(sv|v|svh|vh)$/i;

const ExampleMeta = z.object({
  id: z.string().regex(/^llm4cov_ex_\w+$/),
  top: z.string().min(1),
  instance: z.string().min(1),
  target_percentage: z.number().min(0).max(100),
  difficulty: z.enum(["easy", "medium", "hard"]),
  tb_file: z.string().min(1),
  defines: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
type ExampleMeta = z.infer<typeof ExampleMeta>;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names of the design folders under `designsDir`, sorted. */
export function designFolders(designsDir: string = DEFAULT_DESIGNS_DIR): string[] {
  return readdirSync(designsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort(byName);
}

function readMeta(folder: string): ExampleMeta {
  const path = join(folder, "meta.json");
  const parsed = ExampleMeta.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data;
}

function buildRow(folder: string): NativeRow {
  const meta = readMeta(folder);
  const mdNames = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".md"))
    .map((e) => e.name)
    .sort((a, b) => (a === "spec.md" ? -1 : b === "spec.md" ? 1 : byName(a, b)));
  if (mdNames[0] !== "spec.md") throw new Error(`${folder}: missing spec.md`);
  const specFiles: NamedFile[] = mdNames.map((name) => ({
    name,
    content: readFileSync(join(folder, name), "utf8"),
  }));

  const rtlDir = join(folder, "rtl");
  const rtlPaths = existsSync(rtlDir) ? walk(rtlDir).filter((p) => HDL_RE.test(p)) : [];
  if (!rtlPaths.length) throw new Error(`${folder}: no RTL files under rtl/`);
  const rtlFiles: NamedFile[] = rtlPaths
    .map((p) => ({ name: relative(folder, p).split(sep).join("/"), content: readFileSync(p, "utf8") }))
    .sort((a, b) => byName(a.name, b.name));

  return NativeRow.parse({
    id: meta.id,
    source: SOURCE,
    category: "examples",
    difficulty: meta.difficulty,
    is_agentic: false,
    spec_files: specFiles,
    rtl_files: rtlFiles,
    dut_module_name: meta.top,
    dut_instance_name: meta.instance,
    defines: meta.defines,
    tb_file: meta.tb_file,
    instruction: stimulusInstruction(meta.top, meta.instance, meta.tb_file, meta.target_percentage),
    targets: [{ inst_name: meta.instance, metric: "overall", target_percentage: meta.target_percentage }],
    license_note: LICENSE_NOTE,
    license_clear: true,
  });
}

/** One validated native row per design folder, in folder-name order. */
export function buildDesignRows(designsDir: string = DEFAULT_DESIGNS_DIR): NativeRow[] {
  const rows = designFolders(designsDir).map((name) => buildRow(join(designsDir, name)));
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) throw new Error(`duplicate design id ${row.id}`);
    seen.add(row.id);
  }
  return rows;
}

/** The JSONL text for `rows`: one compact JSON object per line, newline-terminated. */
export function designsJsonl(rows: NativeRow[]): string {
  return rows.map((row) => JSON.stringify(row) + "\n").join("");
}

function main(): void {
  const check = process.argv.includes("--check");
  const text = designsJsonl(buildDesignRows(DEFAULT_DESIGNS_DIR));
  const current = existsSync(DEFAULT_OUTPUT) ? readFileSync(DEFAULT_OUTPUT, "utf8") : "";
  if (check) {
    if (current !== text) {
      console.error(`stale: ${DEFAULT_OUTPUT} (run npx tsx scripts/build-designs-jsonl.ts)`);
      process.exitCode = 1;
    }
    return;
  }
  if (current !== text) writeFileSync(DEFAULT_OUTPUT, text);
  console.log(`${DEFAULT_OUTPUT}: ${text.split("\n").length - 1} designs`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
