// Writes the sim-throughput workload: for every bundled design (examples/designs) and every
// CVDP DEV design (benchmarks/cvdp_ecov_dev.jsonl, when the repo has it), two testbenches in
// different LLM styles and one that does not compile (a third of real LLM answers do not).
// Deterministic: the same inputs give byte-identical files. Run: npx tsx bench/workload/generate.ts
// (rerun it when the CVDP file lands: the manifest then also lists the CVDP jobs).
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHeader } from "./ports.js";
import { Rng } from "./rng.js";
import { STYLES, writeTestbench, type Design, type StyleName } from "./styles.js";

const repo = join(import.meta.dirname, "..", "..");
const out = import.meta.dirname;
const CVDP = join(repo, "benchmarks", "cvdp_ecov_dev.jsonl");

export interface ManifestJob {
  id: string;
  /** "examples/<dir>" or "cvdp:<row id>": where the bench reads the RTL from. */
  source: string;
  top: string;
  instance: string;
  tb: string;
  style: StyleName;
  expect: "runs" | "compile_error";
  mutation?: string;
}

interface Src {
  name: string;
  source: string;
  top: string;
  instance: string;
  rtl: { name: string; content: string }[];
}

async function exampleDesigns(): Promise<Src[]> {
  const root = join(repo, "examples", "designs");
  const out: Src[] = [];
  for (const dir of (await readdir(root)).sort()) {
    const meta = JSON.parse(await readFile(join(root, dir, "meta.json"), "utf8")) as {
      top: string;
      instance: string;
    };
    const files = (await readdir(join(root, dir, "rtl"))).sort();
    const rtl = await Promise.all(
      files.map(async (f) => ({
        name: `rtl/${f}`,
        content: await readFile(join(root, dir, "rtl", f), "utf8"),
      })),
    );
    out.push({ name: dir, source: `examples/${dir}`, top: meta.top, instance: meta.instance, rtl });
  }
  return out;
}

async function cvdpDesigns(): Promise<Src[]> {
  if (!existsSync(CVDP)) {
    console.warn(`note: ${CVDP} not in the repo yet: workload from examples/designs only`);
    return [];
  }
  const rows = (await readFile(CVDP, "utf8")).split("\n").filter((l) => l.trim());
  return rows.map((l) => {
    const r = JSON.parse(l) as {
      id: string;
      dut_module_name: string;
      dut_instance_name: string;
      rtl_files: { name: string; content: string }[];
    };
    return {
      name: r.id,
      source: `cvdp:${r.id}`,
      top: r.dut_module_name,
      instance: r.dut_instance_name,
      rtl: r.rtl_files,
    };
  });
}

/** The compile errors LLM testbenches typically have, applied to a generated testbench. */
function breakIt(tb: string, r: Rng): { text: string; mutation: string } {
  const lines = tb.split("\n");
  const candidates: { mutation: string; apply: () => string | null }[] = [
    {
      mutation: "wrong port name in the DUT instance",
      apply: () => {
        const inst = lines.findIndex((l) => /^\s*\) \w+ \($|^\s*\w+ \w+ \($/.test(l));
        const i = lines.findIndex(
          (l, k) => k > inst && /^\s*\.\w+\(\w+\),?$/.test(l) && !/clk|clock/i.test(l),
        );
        if (i < 0) return null;
        lines[i] = lines[i]!.replace(/\.(\w+)\(/, ".$1_i(");
        return lines.join("\n");
      },
    },
    {
      mutation: "counter declared under another name than used",
      apply: () => {
        const m = /^\s*(?:integer|int unsigned|int) (\w+) = 0;$/m.exec(tb);
        return m ? tb.replace(m[0], m[0].replace(m[1]!, `${m[1]}_total`)) : null;
      },
    },
    {
      mutation: "missing semicolon",
      apply: () => {
        const idx = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s+\w+ = .*;$/.test(l));
        if (!idx.length) return null;
        const [, i] = idx[Math.floor(idx.length / 2)]!;
        lines[i] = lines[i]!.replace(/;$/, "");
        return lines.join("\n");
      },
    },
    {
      mutation: "missing endtask",
      apply: () => {
        const i = lines.findIndex((l) => /^\s*endtask$/.test(l));
        if (i < 0) return null;
        lines.splice(i, 1);
        return lines.join("\n");
      },
    },
    {
      mutation: "call of a class method that does not exist",
      apply: () => (tb.includes("sb.report();") ? tb.replace("sb.report();", "sb.print_report();") : null),
    },
  ];
  for (let tries = 0; tries < 10; tries++) {
    const c = r.pick(candidates);
    const text = c.apply();
    if (text !== null) return { text, mutation: c.mutation };
  }
  throw new Error("no mutation applies");
}

async function main() {
  const designs = [...(await exampleDesigns()), ...(await cvdpDesigns())];
  const jobs: ManifestJob[] = [];
  for (const dir of await readdir(out, { withFileTypes: true }))
    if (dir.isDirectory()) await rm(join(out, dir.name), { recursive: true });
  for (const s of designs) {
    const header = parseHeader(s.rtl.map((f) => f.content).join("\n"), s.top);
    const design: Design = { header, instance: s.instance };
    const r = new Rng(`workload:${s.name}`);
    const names = Object.keys(STYLES) as StyleName[];
    const first = r.pick(names);
    const second = r.pick(names.filter((n) => n !== first));
    await mkdir(join(out, s.name), { recursive: true });
    const texts: Record<string, string> = {};
    for (const style of [first, second]) {
      const text = writeTestbench(design, style, `${s.name}:${style}`);
      texts[style] = text;
      const tb = `${s.name}/${style}.sv`;
      await writeFile(join(out, tb), text);
      jobs.push({
        id: `${s.name}/${style}`,
        source: s.source,
        top: s.top,
        instance: s.instance,
        tb,
        style,
        expect: "runs",
      });
    }
    const base = r.pick([first, second]);
    const broken = breakIt(texts[base]!, r);
    const tb = `${s.name}/${base}_broken.sv`;
    await writeFile(join(out, tb), broken.text);
    jobs.push({
      id: `${s.name}/${base}_broken`,
      source: s.source,
      top: s.top,
      instance: s.instance,
      tb,
      style: base,
      expect: "compile_error",
      mutation: broken.mutation,
    });
  }
  await writeFile(join(out, "manifest.json"), JSON.stringify({ jobs }, null, 2) + "\n");
  console.log(`${jobs.length} testbenches for ${designs.length} designs in ${out}`);
}

await main();
