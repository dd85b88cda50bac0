import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DatasetError,
  countRows,
  detectFormat,
  loadAll,
  openDataset,
  readJsonl,
  type DatasetItem,
} from "../src/data/index.js";
import { parseModules, topCandidates } from "../src/data/native.js";
import { cvdpToRepository } from "../src/data/cvdp.js";
import { extractVerilog } from "../src/data/codev.js";
import { scanDataset, skippedText } from "../src/data/identity.js";

const here = dirname(fileURLToPath(import.meta.url));
const DEV = resolve(here, "../benchmarks/cvdp_ecov_dev.jsonl");
const CVDP_FIXTURE = resolve(here, "fixtures/data/cvdp_raw.jsonl");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "llm4cov-data-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeJsonl(name: string, rows: Array<object | string>, eol = "\n"): string {
  const path = join(tmp, name);
  writeFileSync(path, rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join(eol) + eol);
  return path;
}

async function drain(path: string, format?: "native" | "cvdp" | "codev" | "dir"): Promise<DatasetItem[]> {
  const out: DatasetItem[] = [];
  for await (const item of openDataset(path, { format })) out.push(item);
  return out;
}

async function expectDatasetError(path: string, pattern: RegExp, format?: "native"): Promise<DatasetError> {
  const err = await drain(path, format).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  expect((err as Error).message).toMatch(pattern);
  return err as DatasetError;
}

const MOD = (name: string) =>
  `module ${name} (input logic clk, output logic q);\n  assign q = clk;\nendmodule\n`;
const row = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  rtl_files: [{ name: "rtl/m.sv", content: MOD("m") }],
  dut_module_name: "m",
  dut_instance_name: "dut",
  ...extra,
});

describe("DEV benchmark file (native rows)", () => {
  // benchmarks/README.md table: id -> [top, instance, target %]
  const table: Record<string, [string, string, number]> = {
    cvdp_copilot_endian_swapper_0004: ["endian_swapper", "dut", 92],
    cvdp_copilot_MSHR_0003: ["cache_mshr", "dut", 100],
    cvdp_copilot_secure_read_write_bus_0005: ["secure_read_write_bus_interface", "dut", 100],
    cvdp_copilot_asyc_reset_0004: ["async_reset", "dut", 100],
    cvdp_copilot_cellular_automata_0002: ["pseudoRandGenerator_ca", "dut", 100],
    cvdp_copilot_sobel_filter_0015: ["sobel_filter", "dut", 100],
    cvdp_copilot_signed_adder_0003: ["signedadder", "dut", 99],
    cvdp_copilot_manchester_enc_0009: ["top_manchester", "uut", 100],
    cvdp_copilot_generic_nbit_counter_0013: ["generic_counter", "uut", 100],
    cvdp_copilot_apb_dsp_op_0006: ["apb_dsp_op", "apb_dsp_op_dut", 100],
    cvdp_copilot_gf_multiplier_0047: ["gf_mac", "uut", 95],
    cvdp_agentic_dual_port_memory_0012: ["dual_port_memory", "dut", 97],
    cvdp_copilot_binary_to_BCD_0030: ["binary_to_bcd", "uut", 90],
    cvdp_copilot_static_branch_predict_0035: ["static_branch_predict", "uut", 95],
    cvdp_agentic_hdbn_codec_0003: ["hdbn_top", "uut", 100],
    cvdp_copilot_Serial_Line_Converter_0006: ["serial_line_code_converter", "dut", 95],
  };

  it("loads all 16 rows with the README's tops, instances and targets", async () => {
    expect(await detectFormat(DEV)).toBe("native");
    expect(await countRows(DEV)).toBe(16);
    const { repos, skipped } = await loadAll(DEV);
    expect(skipped).toEqual([]);
    expect(repos.map((r) => r.id)).toEqual(Object.keys(table));
    for (const r of repos) {
      const [top, inst, target] = table[r.id]!;
      expect([r.top, r.instance, r.targets[0]?.target_percentage]).toEqual([top, inst, target]);
      expect(r.spec[0]?.name).toBe("prompt.md");
      expect(r.tbFile).toMatch(/^verif\/.+\.sv$/);
      // Our never-instantiated scan agrees with the benchmark's top on every row.
      expect(topCandidates(parseModules(r.rtl.map((f) => f.content)))).toEqual([r.top]);
    }
    const hdbn = repos.find((r) => r.top === "hdbn_top")!;
    expect(hdbn.rtl.map((f) => f.name)).toEqual([
      "rtl/hdbn_decoder.sv",
      "rtl/hdbn_encoder.sv",
      "rtl/hdbn_top.sv",
    ]);
    const dpm = repos.find((r) => r.id === "cvdp_agentic_dual_port_memory_0012")!;
    expect(dpm.spec.map((f) => f.name)).toEqual(["prompt.md", "docs/specification.md"]);
  });

  it("items carry their source file and line", async () => {
    const items = await drain(DEV);
    expect(items[0]!.source).toEqual({ file: DEV, line: 1 });
    expect(items[15]!.source.line).toBe(16);
  });
});

describe("malformed JSONL and native rows name file and line", () => {
  it("invalid JSON", async () => {
    const p = writeJsonl("badjson.jsonl", [row("a"), row("b"), '{"id": "c", oops}']);
    const err = await expectDatasetError(p, /badjson\.jsonl:3: invalid JSON: /);
    expect(err.line).toBe(3);
    const lines: number[] = [];
    await expect(
      (async () => {
        for await (const r of readJsonl(p)) lines.push(r.line);
      })(),
    ).rejects.toThrow(DatasetError);
    expect(lines).toEqual([1, 2]);
  });

  it("missing rtl_files, empty rtl_files, wrong type", async () => {
    const missing = row("r2") as Record<string, unknown>;
    delete missing.rtl_files;
    await expectDatasetError(
      writeJsonl("m1.jsonl", [row("r1"), missing]),
      /m1\.jsonl:2 \(id r2\): rtl_files: required/,
    );
    await expectDatasetError(
      writeJsonl("m2.jsonl", [row("r1", { rtl_files: [] })]),
      /m2\.jsonl:1 \(id r1\): rtl_files: must have at least 1 item/,
    );
    await expectDatasetError(
      writeJsonl("m3.jsonl", [row("r1"), row("r2"), row("r3", { dut_module_name: 5 })], "\n\n"),
      /m3\.jsonl:5 \(id r3\): dut_module_name: expected string, got number/,
      "native",
    );
    await expectDatasetError(
      writeJsonl("m4.jsonl", [row("r1", { rtl_files: [{ name: "rtl/m.sv" }] })]),
      /m4\.jsonl:1 \(id r1\): rtl_files\[0\]\.content: required/,
      "native",
    );
  });

  it("duplicate id", async () => {
    await expectDatasetError(
      writeJsonl("dup.jsonl", [row("a"), row("b"), row("a")]),
      /dup\.jsonl:3 \(id a\): duplicate id \(first seen on line 1/,
    );
  });

  it("unsafe file names", async () => {
    const up = [{ name: "rtl/../../etc/m.sv", content: MOD("m") }];
    await expectDatasetError(
      writeJsonl("up.jsonl", [row("a", { rtl_files: up })]),
      /up\.jsonl:1 \(id a\): .*unsafe file name/,
    );
    const abs = [{ name: "/tmp/m.sv", content: MOD("m") }];
    await expectDatasetError(
      writeJsonl("abs.jsonl", [row("a", { rtl_files: abs })]),
      /abs\.jsonl:1 .*unsafe/,
    );
    await expectDatasetError(
      writeJsonl("tb.jsonl", [row("a", { tb_file: "../tb.sv" })]),
      /tb\.jsonl:1 .*tb_file/,
    );
  });

  it("top module not declared (a comment does not count)", async () => {
    const rtl = [{ name: "rtl/m.sv", content: `// module other is described elsewhere\n${MOD("m")}` }];
    await expectDatasetError(
      writeJsonl("top.jsonl", [row("a"), row("b", { rtl_files: rtl, dut_module_name: "other" })]),
      /top\.jsonl:2 \(id b\): top module "other" not found .*declared: m/,
    );
  });

  it("a missing file is a DatasetError", async () => {
    await expectDatasetError(join(tmp, "nope.jsonl"), /nope\.jsonl: cannot open/);
  });
});

describe("encodings", () => {
  it("handles a UTF-8 BOM and CRLF line ends", async () => {
    const path = join(tmp, "crlf.jsonl");
    writeFileSync(path, "\uFEFF" + JSON.stringify(row("a")) + "\r\n\r\n" + JSON.stringify(row("b")) + "\r\n");
    expect(await detectFormat(path)).toBe("native");
    expect(await countRows(path)).toBe(2);
    const items = await drain(path);
    expect(items.map((i) => [i.skipped ? "" : i.repo.id, i.source.line])).toEqual([
      ["a", 1],
      ["b", 3],
    ]);
    writeFileSync(path, "\uFEFF" + JSON.stringify(row("a")) + "\r\n{bad\r\n");
    await expectDatasetError(path, /crlf\.jsonl:2: invalid JSON/);
  });
});

describe("raw CVDP rows", () => {
  it("loads the synthetic fixture (non-agentic + agentic), skipping other categories", async () => {
    expect(await detectFormat(CVDP_FIXTURE)).toBe("cvdp");
    const items = await drain(CVDP_FIXTURE);
    const skipped = items.filter((i) => i.skipped);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ id: "cvdp_copilot_toy_design_0003", source: { line: 3 } });
    expect(skipped[0]!.skipped && skipped[0]!.reason).toMatch(/cid003/);

    const [counter, top] = items.flatMap((i) => (i.skipped ? [] : [i.repo]));
    expect(counter).toMatchObject({
      id: "cvdp_copilot_toy_counter_0001",
      top: "toy_counter",
      instance: "uut",
      tbFile: "verif/tb_toy_counter.sv",
      defines: { TOY_MODE: "2" },
      difficulty: "easy",
      targets: [{ inst_name: "uut", metric: "overall", target_percentage: 90 }],
    });
    expect(counter!.rtl.map((f) => f.name)).toEqual(["rtl/toy_counter.sv"]);
    expect(counter!.spec.map((f) => f.name)).toEqual(["prompt.md"]);

    expect(top).toMatchObject({ top: "toy_top", instance: "toy_inst", tbFile: "verif/tb_toy_top.sv" });
    expect(top!.targets[0]?.target_percentage).toBe(85);
    expect(top!.rtl.map((f) => f.name)).toEqual(["rtl/toy_leaf.sv", "rtl/toy_top.sv"]);
    expect(top!.spec.map((f) => f.name)).toEqual(["prompt.md", "docs/spec.md"]);
  });

  it("defaults: instance dut, target 100, tb verif/tb_<top>.sv", () => {
    const res = cvdpToRepository(
      {
        id: "x",
        categories: ["cid012", "easy"],
        input: { prompt: "p", context: {} },
        harness: { files: { "src/m.v": MOD("m") } },
      },
      "f.jsonl",
      1,
    );
    expect("repo" in res && res.repo).toMatchObject({
      top: "m",
      instance: "dut",
      tbFile: "verif/tb_m.sv",
      targets: [{ inst_name: "dut", target_percentage: 100 }],
    });
  });

  it("a cid012 row without RTL is skipped; a non-object row is an error", () => {
    const noRtl = cvdpToRepository({ id: "x", categories: ["cid012"], prompt: "p", harness: {} }, "f", 1);
    expect(noRtl).toMatchObject({ skipped: true });
    expect(() => cvdpToRepository([1, 2], "f.jsonl", 4)).toThrow(/f\.jsonl:4: row is not a JSON object/);
  });
});

describe("CodeV rows", () => {
  const fenced = [
    "Here is the design:",
    "```verilog",
    "module sub(input a, output y); assign y = ~a; endmodule",
    "module top(input a, output y);",
    "  sub u_sub (.a(a), .y(y));",
    "endmodule",
    "```",
    "Done.",
  ].join("\n");

  it("finds the single top, skips rows with several tops or none", async () => {
    const path = writeJsonl("codev.jsonl", [
      { problem_id: 1, question: "Build an inverter wrapper.", ground_truth: fenced },
      { problem_id: 2, question: "q", ground_truth: `${MOD("a")}${MOD("b")}` },
      { problem_id: 3, question: "q", ground_truth: "assign x = 1;" },
      { problem_id: 4, question: "q", ground_truth: MOD("solo") },
    ]);
    expect(await detectFormat(path)).toBe("codev");
    const items = await drain(path);
    const repos = items.flatMap((i) => (i.skipped ? [] : [i.repo]));
    expect(repos.map((r) => [r.id, r.top, r.instance])).toEqual([
      ["1", "top", "dut"],
      ["4", "solo", "dut"],
    ]);
    expect(repos[0]!.rtl[0]!.content).not.toContain("```");
    expect(repos[0]!.rtl[0]!.name).toBe("rtl/top.v");
    expect(repos[0]!.spec).toEqual([{ name: "prompt.md", content: "Build an inverter wrapper." }]);
    expect(repos[1]!.rtl[0]!.name).toBe("rtl/solo.sv"); // uses `logic`
    expect(repos[0]!.targets).toEqual([{ inst_name: "dut", metric: "overall", target_percentage: 100 }]);
    const skipped = items.flatMap((i) => (i.skipped ? [[i.id, i.reason, i.source.line]] : []));
    expect(skipped).toEqual([
      ["2", "several candidate top modules: a, b", 2],
      ["3", "no module in ground_truth", 3],
    ]);
  });

  it("extracts code from fences, or takes unfenced text as is", () => {
    expect(extractVerilog(fenced)).toContain("module top");
    expect(extractVerilog(fenced)).not.toContain("Here is");
    expect(extractVerilog("module m; endmodule")).toBe("module m; endmodule");
  });
});

describe("directory datasets", () => {
  function design(root: string, name: string, meta: object | undefined, files: Record<string, string>) {
    const dir = join(root, name);
    mkdirSync(join(dir, "rtl"), { recursive: true });
    if (meta) writeFileSync(join(dir, "meta.json"), JSON.stringify(meta));
    for (const [f, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), content);
    }
    return dir;
  }

  it("loads each subfolder with meta.json, spec *.md and rtl/**", async () => {
    const root = join(tmp, "designs");
    design(
      root,
      "b_fifo",
      { id: "fifo", top: "fifo", instance: "uut", target_percentage: 90, tb_file: "verif/tb.sv" },
      {
        "notes.md": "notes",
        "spec.md": "spec",
        "rtl/fifo.sv": `module fifo(input clk); mem u_mem(.clk(clk)); endmodule\n`,
        "rtl/sub/mem.v": `module mem(input clk); endmodule\n`,
        "rtl/README.txt": "ignored",
      },
    );
    design(
      root,
      "a_cnt",
      { id: "cnt", top: "m", instance: "dut", target_percentage: 100, difficulty: "easy" },
      {
        "rtl/m.sv": MOD("m"),
      },
    );
    expect(await detectFormat(root)).toBe("dir");
    expect(await countRows(root)).toBe(2);
    const { repos } = await loadAll(root);
    expect(repos.map((r) => r.id)).toEqual(["cnt", "fifo"]);
    const fifo = repos[1]!;
    expect(fifo.rtl.map((f) => f.name)).toEqual(["rtl/fifo.sv", "rtl/sub/mem.v"]);
    expect(fifo.spec.map((f) => f.name)).toEqual(["spec.md", "notes.md"]);
    expect(fifo).toMatchObject({ top: "fifo", instance: "uut", tbFile: "verif/tb.sv" });
    expect(fifo.targets).toEqual([{ inst_name: "uut", metric: "overall", target_percentage: 90 }]);
    expect(repos[0]!.tbFile).toBe("verif/tb_m.sv");

    // A single design folder is a one-repository dataset.
    expect((await loadAll(join(root, "a_cnt"))).repos.map((r) => r.id)).toEqual(["cnt"]);
  });

  it("a folder without meta.json, or with a wrong top, names the folder", async () => {
    const root = join(tmp, "designs_bad");
    design(root, "nometa", undefined, { "rtl/m.sv": MOD("m") });
    await expectDatasetError(root, /nometa: missing meta\.json/);
    const root2 = join(tmp, "designs_bad2");
    design(
      root2,
      "wrongtop",
      { id: "w", top: "zz", instance: "dut", target_percentage: 100 },
      { "rtl/m.sv": MOD("m") },
    );
    await expectDatasetError(root2, /wrongtop: top module "zz" not found/);
    const root3 = join(tmp, "designs_bad3");
    design(root3, "badmeta", { id: "w", instance: "dut" }, { "rtl/m.sv": MOD("m") });
    await expectDatasetError(root3, /badmeta[\\/]meta\.json: top: required/);
  });
});

describe("streaming", () => {
  it("auto-detection fails clearly on an unknown row shape", async () => {
    await expectDatasetError(
      writeJsonl("odd.jsonl", [{ foo: 1 }]),
      /odd\.jsonl:1: cannot detect .*fields: foo/,
    );
  });

  it("a consumer may stop early", async () => {
    let n = 0;
    for await (const _ of openDataset(DEV)) if (++n === 2) break;
    expect(n).toBe(2);
  });

  it("iterates a 100k-row (~30 MB) file with bounded heap", async () => {
    const path = join(tmp, "big.jsonl");
    const rows = 100_000;
    const pad = "x".repeat(170);
    writeFileSync(path, "");
    for (let start = 0; start < rows; start += 5_000) {
      let chunk = "";
      for (let i = start; i < start + 5_000; i++) {
        const content = `// ${pad}\nmodule m${i % 7}(input a, output y); assign y = a; endmodule\n`;
        chunk += JSON.stringify(
          row(`r${i}`, { rtl_files: [{ name: "rtl/m.v", content }], dut_module_name: `m${i % 7}` }),
        );
        chunk += "\n";
      }
      appendFileSync(path, chunk);
    }

    expect(await countRows(path)).toBe(rows);
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let n = 0;
    for await (const item of openDataset(path)) {
      if (item.skipped) throw new Error("unexpected skip");
      if (++n % 2_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(n).toBe(rows);
    // Holding the parsed rows takes ~70 MB (measured); a stream keeps only one row plus the id set.
    expect((peak - base) / 2 ** 20).toBeLessThan(40);
  });
});

describe("dataset identity and up-front checks (scanDataset)", () => {
  it("the same rows at two paths have one content hash; the path is information only", async () => {
    const a = writeJsonl("ident-a.jsonl", [row("a1"), row("a2")]);
    mkdirSync(join(tmp, "elsewhere"), { recursive: true });
    const b = join(tmp, "elsewhere", "renamed.jsonl");
    writeFileSync(b, [row("a1"), row("a2")].map((r) => JSON.stringify(r, null, 0)).join("\r\n") + "\r\n");
    const sa = await scanDataset(a);
    const sb = await scanDataset(b);
    expect(sa.info.hash).toBe(sb.info.hash);
    expect(sa.info.path).not.toBe(sb.info.path);
    expect(sa.info).toMatchObject({ format: "native", rows: 2, skipped: 0 });
    // Other content, other identity; a limit hashes only the rows used.
    const c = writeJsonl("ident-c.jsonl", [row("a1"), row("a3")]);
    expect((await scanDataset(c)).info.hash).not.toBe(sa.info.hash);
    const one = writeJsonl("ident-one.jsonl", [row("a1")]);
    expect((await scanDataset(a, { limit: 1 })).info.hash).toBe((await scanDataset(one)).info.hash);
  });

  it("a missing file, an empty file or folder, a bad first row: file:line errors", async () => {
    await expect(scanDataset(join(tmp, "nope.jsonl"))).rejects.toThrow(/nope\.jsonl: cannot open/);
    await expect(scanDataset(writeJsonl("empty.jsonl", []))).rejects.toThrow(/empty dataset \(no rows\)/);
    mkdirSync(join(tmp, "empty-dir"));
    await expect(scanDataset(join(tmp, "empty-dir"))).rejects.toThrow(/empty dataset \(no design folders\)/);
    const badFirst = writeJsonl("bad-first.jsonl", [{ id: "x", rtl_files: [] }, row("ok")]);
    await expect(scanDataset(badFirst, { format: "native" })).rejects.toThrow(
      /bad-first\.jsonl:1 \(id x\): rtl_files: must have at least 1 item/,
    );
    const badJson = writeJsonl("bad-json.jsonl", ['{"id": "x",', row("ok")]);
    await expect(scanDataset(badJson)).rejects.toThrow(/bad-json\.jsonl:1: invalid JSON/);
  });

  it("rows that fail validation after the first are skipped with their reason, not fatal", async () => {
    const mixed = writeJsonl("mixed.jsonl", [
      row("m1"),
      "{not json",
      { id: "m2", rtl_files: [] },
      row("m1"),
      row("m3"),
    ]);
    const scan = await scanDataset(mixed);
    expect(scan.info).toMatchObject({ rows: 2, skipped: 3 });
    expect(scan.skipped.map((s) => [s.source.line, s.invalid])).toEqual([
      [2, true],
      [3, true],
      [4, true],
    ]);
    expect(skippedText(scan.skipped[0]!)).toMatch(/mixed\.jsonl:2: invalid JSON/);
    expect(skippedText(scan.skipped[1]!)).toMatch(/mixed\.jsonl:3 \(id m2\): rtl_files: must have/);
    expect(skippedText(scan.skipped[2]!)).toMatch(/duplicate id/);
    // Without skipInvalid the loader still stops at the first bad row.
    await expect(loadAll(mixed)).rejects.toThrow(/mixed\.jsonl:2: invalid JSON/);
  });

  it("an explicit format the rows do not have is an error, not a run of zero tasks", async () => {
    const native = writeJsonl("native-as-cvdp.jsonl", [row("n1")]);
    await expect(scanDataset(native, { format: "cvdp" })).rejects.toThrow(
      /native-as-cvdp\.jsonl:1: rows look like native rows, not cvdp/,
    );
    // CVDP rows of other categories only: nothing usable.
    const other = writeJsonl("cvdp-other.jsonl", [
      { id: "cvdp_x_0001", categories: ["cid003", "easy"], input: { prompt: "p", context: {} }, output: {} },
    ]);
    await expect(scanDataset(other, { format: "cvdp" })).rejects.toThrow(
      /no row is usable as cvdp \(1 skipped; first: .*cid003/,
    );
  });

  it("a directory dataset hashes by content: a copied folder tree has the same identity", async () => {
    const src = resolve(here, "../examples/designs");
    const a = await scanDataset(src);
    const copy = join(tmp, "designs-copy");
    cpSync(src, copy, { recursive: true });
    expect((await scanDataset(copy)).info.hash).toBe(a.info.hash);
    expect(a.info.format).toBe("dir");
  });
});
