// `curate export --push-to-hub` against a local stand-in of the Hub (test/fixtures/hub-standin.ts):
// the real @huggingface/hub client creates the repo, preuploads, uploads Parquet through LFS and
// commits; the files the stand-in received are byte for byte what the offline export writes.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportRows } from "../src/curate/export.js";
import { exportToHub, pushFolderToHub } from "../src/curate/hub.js";
import { readParquetRows } from "../src/curate/parquet.js";
import type { SftRow } from "../src/curate/row.js";
import { makeRow } from "./fixtures/curate/build.js";
import { startHubStandin, type HubStandin } from "./fixtures/hub-standin.js";

const ROOT = join(import.meta.dirname, "..");
const hasDist = existsSync(join(ROOT, "dist", "cli", "main.js"));
const TOKEN = "hf_llm4covStandinToken0123456789";
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-hub-"));
const rows: SftRow[] = ["t1", "t1", "t2", "t3", "t4", "t5"].map((t, i) =>
  makeRow({ task_id: t, output_cov: 0.5 + i / 20 }, String(i + 1)),
);
const input = join(tmp, "rows.jsonl");
writeFileSync(input, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");

function folderFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile())
      out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  return out;
}

let hub: HubStandin;
beforeAll(async () => {
  hub = await startHubStandin(TOKEN);
});
afterAll(() => hub.close());

describe("push to the Hub (local stand-in)", () => {
  it("creates the repo and uploads exactly the offline export's files (Parquet via LFS)", async () => {
    const opts = { size: 8, shuffle: true, seed: 3, name: "cov", testFraction: 0.3 };
    const offline = join(tmp, "offline");
    await exportRows(input, { ...opts, format: "hf", out: offline });
    const r = await exportToHub(input, opts, {
      repo: "me/cov-data",
      token: TOKEN,
      hubUrl: hub.url,
      private: true,
    });
    expect(r.written).toBe(8);
    expect(r.hub.created).toBe(true);
    expect(r.hub.commit).toMatch(/^[0-9a-f]{40}$/);

    const repo = hub.repos.get("me/cov-data")!;
    expect(repo.private).toBe(true);
    const expected = folderFiles(offline);
    expect([...repo.files.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [p, bytes] of expected) expect(repo.files.get(p)?.equals(bytes), p).toBe(true);
    // Parquet went through the LFS batch API and an upload, the card inline in the commit.
    expect(hub.requests.some((q) => q.path.endsWith(".git/info/lfs/objects/batch"))).toBe(true);
    expect(hub.requests.filter((q) => q.method === "PUT").length).toBe(
      [...expected.keys()].filter((p) => p.endsWith(".parquet")).length,
    );
    const commitBody = hub.requests.find((q) => q.path.includes("/commit/"))!.body;
    expect(commitBody).toContain('"key":"lfsFile"');
    expect(commitBody).toContain('"path":"README.md"');
  });

  it("--split puts every row in the named split; pushing to an existing repo adds a commit", async () => {
    const r = await exportToHub(
      input,
      { split: "validation" },
      { repo: "me/cov-data", token: TOKEN, hubUrl: hub.url },
    );
    expect(r.hub.created).toBe(false);
    expect(r.splits).toEqual({ validation: 6 });
    const repo = hub.repos.get("me/cov-data")!;
    expect(repo.commits).toHaveLength(2);
    const pq = join(tmp, "back.parquet");
    writeFileSync(pq, repo.files.get("data/validation-00000-of-00001.parquet")!);
    expect((await readParquetRows(pq)).map((x) => x.id)).toEqual(rows.map((x) => x.id));
  });

  it("fails clearly on a bad token or repo name, without echoing the token", async () => {
    const dir = join(tmp, "offline");
    await expect(
      pushFolderToHub(dir, { repo: "me/other", token: "hf_wrongwrongwrongwrong", hubUrl: hub.url }),
    ).rejects.toThrow(/creating me\/other \(HTTP 401\)/);
    await expect(pushFolderToHub(dir, { repo: "../etc", token: TOKEN, hubUrl: hub.url })).rejects.toThrow(
      /namespace/,
    );
    await expect(
      pushFolderToHub(dir, { repo: "me/x", token: "not-a-token", hubUrl: hub.url }),
    ).rejects.toThrow(/does not look like a Hub token/);
    expect(hub.repos.has("me/other")).toBe(false);
  });

  function cli(args: string[], env: NodeJS.ProcessEnv) {
    const child = spawn(process.execPath, [join(ROOT, "bin", "llm4cov"), ...args], {
      env: { ...process.env, HF_TOKEN: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    return new Promise<{ code: number | null; out: string; err: string }>((res) =>
      child.once("exit", (code) => res({ code, out, err })),
    );
  }

  it.skipIf(!hasDist)(
    "CLI: curate export --push-to-hub reads HF_TOKEN and never prints it",
    async () => {
      const args = [
        "curate",
        "export",
        "--in",
        input,
        "--push-to-hub",
        "team/cli-data",
        "--hub-url",
        hub.url,
      ];
      let r = await cli([...args, "--size", "3"], { HF_TOKEN: TOKEN });
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/pushed 3 rows \(train 3\) to team\/cli-data \(created\)/);
      expect(r.out + r.err).not.toContain(TOKEN);
      expect(hub.repos.get("team/cli-data")!.files.has("README.md")).toBe(true);
      // The token travelled only in Authorization headers, and never to the storage URL.
      for (const q of hub.requests) expect(q.body).not.toContain(TOKEN);
      expect(hub.requests.filter((q) => q.method === "PUT").every((q) => q.authorization === null)).toBe(
        true,
      );

      r = await cli(args, {});
      expect(r.code).toBe(2);
      expect(r.err).toContain("HF_TOKEN");
      r = await cli([...args, "--format", "parquet"], { HF_TOKEN: TOKEN });
      expect(r.code).toBe(2);
      r = await cli([...args, "--split", "../x"], { HF_TOKEN: TOKEN });
      expect(r.code).toBe(2);
      r = await cli(args, { HF_TOKEN: "hf_badbadbadbadbadbad" });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/HTTP 401/);
      expect(r.err).not.toContain("hf_badbadbadbadbadbad");
    },
    60_000,
  );
});
