// `curate export --push-to-hub`: the Hugging Face dataset folder `curate export --format hf`
// writes, pushed to a dataset repository with @huggingface/hub (create the repo if needed, one
// commit with every file). The token comes from the caller (the CLI reads HF_TOKEN) and never
// appears in a message.
import { commit, createRepo, HubApiError } from "@huggingface/hub";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { z } from "zod";
import { assertSafeFileName } from "../core/safe-path.js";
import { exportOrder, exportRows, openRows, type ExportReport } from "./export.js";
import { writeHfFolder } from "./parquet.js";

/** namespace/name as the Hub accepts it. */
export const HubRepoName = z
  .string()
  .regex(
    /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/,
    "expected <namespace>/<name> (letters, digits, '-', '_', '.')",
  )
  .refine((s) => !s.includes("..") && !s.endsWith(".git"), "'..' and a .git suffix are not allowed");

/** `badInput`: the user's to fix (name, token format, split), not the Hub's. */
export class HubPushError extends Error {
  override name = "HubPushError";
  constructor(
    message: string,
    readonly badInput = false,
  ) {
    super(message);
  }
}

export interface HubTarget {
  repo: string;
  token: string;
  /** Default https://huggingface.co; another endpoint (a mirror, an enterprise Hub, a test stand-in). */
  hubUrl?: string;
  private?: boolean;
  /** Commit title (default "Upload <name> from llm4cov"). */
  title?: string;
}

export interface HubPushResult {
  repo: string;
  /** False when the repository already existed. */
  created: boolean;
  commit: string | null;
  /** Paths inside the repository, in upload order. */
  files: string[];
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

function hubError(what: string, err: unknown): HubPushError {
  const status = err instanceof HubApiError ? ` (HTTP ${err.statusCode})` : "";
  return new HubPushError(`${what}${status}: ${(err as Error).message ?? String(err)}`);
}

/** Pushes every file of `dir` (a dataset folder) to the dataset repository `t.repo`, one commit. */
export async function pushFolderToHub(dir: string, t: HubTarget): Promise<HubPushResult> {
  const name = HubRepoName.safeParse(t.repo);
  if (!name.success)
    throw new HubPushError(`--push-to-hub ${t.repo}: ${name.error.issues[0]!.message}`, true);
  // The library checks this too, but its message would not say where the token came from.
  if (!t.token.startsWith("hf_"))
    throw new HubPushError("HF_TOKEN does not look like a Hub token (hf_...)", true);
  const repo = { type: "dataset" as const, name: t.repo };
  let created = true;
  try {
    await createRepo({ repo, accessToken: t.token, hubUrl: t.hubUrl, private: t.private ?? false });
  } catch (err) {
    // 409: it exists already; pushing a new commit to it is what the user asked for.
    if (!(err instanceof HubApiError && err.statusCode === 409)) throw hubError(`creating ${t.repo}`, err);
    created = false;
  }
  const paths = files(dir);
  try {
    const res = await commit({
      repo,
      accessToken: t.token,
      hubUrl: t.hubUrl,
      title: t.title ?? `Upload ${t.repo.split("/")[1]} from llm4cov`,
      operations: paths.map((p) => ({
        operation: "addOrUpdate" as const,
        path: p,
        content: new Blob([readFileSync(join(dir, p))]),
      })),
    });
    return { repo: t.repo, created, commit: res?.commit.oid ?? null, files: paths };
  } catch (err) {
    throw hubError(`pushing to ${t.repo}`, err);
  }
}

export interface HubExportOptions {
  size?: number;
  shuffle?: boolean;
  seed?: number | string;
  name?: string;
  testFraction?: number;
  /** Every row goes to this split (default: train, and test by --test-fraction). */
  split?: string;
  /** Keep the folder pushed here (default: a temporary folder, removed afterwards). */
  out?: string;
}

/** `curate export --push-to-hub`: writes the hf folder exactly as the offline export does, then pushes it. */
export async function exportToHub(
  inPath: string,
  o: HubExportOptions,
  t: HubTarget,
): Promise<ExportReport & { hub: HubPushResult }> {
  const tmp = o.out ? null : mkdtempSync(join(tmpdir(), "llm4cov-hub-"));
  const out = o.out ?? tmp!;
  try {
    let report: ExportReport;
    if (o.split === undefined) report = await exportRows(inPath, { ...o, format: "hf", out });
    else {
      // One named split: the same writer, every row routed to it.
      const split = o.split;
      // The Hub's split names: word characters (it also names the Parquet file).
      if (!/^\w{1,64}$/.test(split))
        throw new HubPushError(`--split ${split}: expected letters, digits or _`, true);
      const { n, read } = await openRows(inPath);
      const res = await writeHfFolder(out, read(exportOrder(n, o)), {
        name: assertSafeFileName(o.name ?? "llm4cov"),
        split: () => split,
      });
      const written = Object.values(res.splits).reduce((a, b) => a + b, 0);
      report = { format: "hf", input: n, written, splits: res.splits, files: res.files };
    }
    const hub = await pushFolderToHub(out, t);
    return { ...report, files: o.out ? report.files : [], hub };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
