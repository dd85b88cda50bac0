// `curate export --name` becomes `<out>/<name>.jsonl`: a name that is a path is refused before
// anything is written (library and CLI), so --out is the only place export writes to.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UnsafePathError } from "../src/core/safe-path.js";
import { exportRows } from "../src/curate/export.js";
import { makeRow } from "./fixtures/curate/build.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-export-name-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const input = join(tmp, "rows.jsonl");
writeFileSync(input, JSON.stringify(makeRow({ task_id: "t1" }, "1")) + "\n");
const BIN = join(import.meta.dirname, "..", "bin", "llm4cov");

describe("curate export --name", () => {
  it("refuses a name that climbs out of --out, writing nothing", async () => {
    const out = join(tmp, "deep", "out");
    mkdirSync(join(tmp, "deep"));
    await expect(exportRows(input, { format: "sharegpt", out, name: "../../escaped" })).rejects.toThrow(
      UnsafePathError,
    );
    expect(existsSync(join(tmp, "escaped.jsonl"))).toBe(false);
    expect(readdirSync(join(tmp, "deep"))).toEqual([]);
    await expect(exportRows(input, { format: "alpaca", out, name: "sub/x" })).rejects.toThrow(
      /single file name/,
    );
  });

  it("the CLI names the flag and exits 2", () => {
    let code = 0;
    let stderr = "";
    try {
      execFileSync(
        process.execPath,
        [
          BIN,
          "curate",
          "export",
          "--in",
          input,
          "--format",
          "sharegpt",
          "--out",
          join(tmp, "o2"),
          "--name",
          "../x",
        ],
        { stdio: "pipe" },
      );
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      code = err.status;
      stderr = err.stderr.toString();
    }
    expect(code).toBe(2);
    expect(stderr).toMatch(/--name/);
    expect(stderr).toMatch(/"\.\." segment/);
    expect(existsSync(join(tmp, "x.jsonl"))).toBe(false);
  });

  it("an ordinary name still works", async () => {
    const r = await exportRows(input, { format: "sharegpt", out: join(tmp, "ok"), name: "mine" });
    expect(r.files[0]).toBe(join(tmp, "ok", "mine.jsonl"));
  });
});
