// A directory of repositories, one per subfolder (the layout of examples/designs/*):
//   <name>/meta.json   {id, top, instance, target_percentage, difficulty?, tb_file?, defines?}
//   <name>/*.md        specification files (spec.md first)
//   <name>/rtl/**      DUT sources (.sv .v .svh .vh)
// A folder that itself holds meta.json is read as a single repository.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { z } from "zod";
import type { NamedFile, Repository } from "../core/repository.js";
import { DatasetError, IdGuard, describeZodError } from "./errors.js";
import { invalidItem, type DatasetItem, type LoadOptions } from "./jsonl.js";
import { checkRepository } from "./native.js";

const HDL_RE = /\.(sv|v|svh|vh)$/i;

export const DesignMeta = z.object({
  id: z.string().min(1),
  top: z.string().min(1),
  instance: z.string().min(1).default("dut"),
  target_percentage: z.number().min(0).max(100).default(100),
  difficulty: z.string().optional(),
  tb_file: z.string().min(1).optional(),
  defines: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  instruction: z.string().optional(),
});
export type DesignMeta = z.infer<typeof DesignMeta>;

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function loadDesignFolder(folder: string): Promise<Repository> {
  const metaPath = join(folder, "meta.json");
  const fail = (reason: string) => new DatasetError(`${folder}: ${reason}`, folder, undefined, reason);
  if (!(await exists(metaPath))) throw fail("missing meta.json");
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(metaPath, "utf8"));
  } catch (e) {
    throw new DatasetError(`${metaPath}: invalid JSON: ${(e as Error).message}`, metaPath);
  }
  const parsed = DesignMeta.safeParse(raw);
  if (!parsed.success)
    throw new DatasetError(`${metaPath}: ${describeZodError(parsed.error, raw)}`, metaPath);
  const meta = parsed.data;

  const rtlDir = join(folder, "rtl");
  const rtlPaths = (await exists(rtlDir)) ? (await walk(rtlDir)).filter((p) => HDL_RE.test(p)) : [];
  if (!rtlPaths.length) throw fail("no RTL files under rtl/ (.sv .v .svh .vh)");
  const rtl: NamedFile[] = [];
  for (const p of rtlPaths.sort()) {
    rtl.push({ name: relative(folder, p).split(sep).join("/"), content: await readFile(p, "utf8") });
  }
  const mdNames = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && /\.md$/i.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a === "spec.md" ? -1 : b === "spec.md" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const spec: NamedFile[] = [];
  for (const name of mdNames) spec.push({ name, content: await readFile(join(folder, name), "utf8") });

  const repo: Repository = {
    id: meta.id,
    rtl,
    spec,
    top: meta.top,
    instance: meta.instance,
    defines: meta.defines,
    targets: [{ inst_name: meta.instance, metric: "overall", target_percentage: meta.target_percentage }],
    tbFile: meta.tb_file ?? `verif/tb_${meta.top}.sv`,
    instruction: meta.instruction,
    difficulty: meta.difficulty,
    source: `dir:${basename(folder)}`,
  };
  checkRepository(repo, fail);
  return repo;
}

/** One repository per subfolder, in name order; hidden folders are ignored. */
export async function* loadDirectory(dir: string, opts: LoadOptions = {}): AsyncGenerator<DatasetItem> {
  if (await exists(join(dir, "meta.json"))) {
    yield { repo: await loadDesignFolder(dir), source: { file: dir } };
    return;
  }
  const ids = new IdGuard(dir);
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  for (const name of folders) {
    const folder = join(dir, name);
    try {
      const repo = await loadDesignFolder(folder);
      ids.check(repo.id, folder);
      yield { repo, source: { file: folder } };
    } catch (err) {
      yield invalidItem(err, { file: folder }, opts);
    }
  }
}

/** Subfolders that look like designs, without reading them. */
export async function countDesignFolders(dir: string): Promise<number> {
  if (await exists(join(dir, "meta.json"))) return 1;
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).length;
}
