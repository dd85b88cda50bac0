// A hardware repository (the R of a state s = (R, tb, o)): DUT sources, specification, and
// what the testbench must reach. Every dataset loader produces this one type.
import { z } from "zod";
import { CoverageTarget } from "./protocol.js";

export const NamedFile = z.object({ name: z.string().min(1), content: z.string() });
export type NamedFile = z.infer<typeof NamedFile>;

/** Our native dataset row: the benchmark row schema of benchmarks/README.md. */
export const NativeRow = z.object({
  id: z.string().min(1),
  source: z.string().optional(),
  category: z.string().optional(),
  source_file: z.string().optional(),
  difficulty: z.string().optional(),
  is_agentic: z.boolean().optional(),
  spec_files: z.array(NamedFile).default([]),
  rtl_files: z.array(NamedFile).min(1),
  dut_module_name: z.string().min(1),
  dut_instance_name: z.string().min(1),
  defines: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
  tb_file: z.string().min(1).optional(),
  instruction: z.string().optional(),
  targets: z.array(CoverageTarget).default([]),
  license_note: z.string().optional(),
  license_clear: z.boolean().optional(),
  notes: z.string().optional(),
});
export type NativeRow = z.infer<typeof NativeRow>;

export interface Repository {
  id: string;
  rtl: NamedFile[];
  spec: NamedFile[];
  top: string;
  instance: string;
  defines: Record<string, string>;
  targets: CoverageTarget[];
  /** Where the testbench file goes, e.g. verif/tb_counter.sv. */
  tbFile: string;
  instruction?: string;
  difficulty?: string;
  source?: string;
}

export function repositoryFromRow(row: NativeRow): Repository {
  return {
    id: row.id,
    rtl: row.rtl_files,
    spec: row.spec_files,
    top: row.dut_module_name,
    instance: row.dut_instance_name,
    defines: row.defines,
    targets: row.targets.length
      ? row.targets
      : [{ inst_name: row.dut_instance_name, metric: "overall", target_percentage: 100 }],
    tbFile: row.tb_file ?? `verif/tb_${row.dut_module_name}.sv`,
    instruction: row.instruction,
    difficulty: row.difficulty,
    source: row.source,
  };
}

export function rowFromRepository(repo: Repository): NativeRow {
  return {
    id: repo.id,
    source: repo.source,
    difficulty: repo.difficulty,
    spec_files: repo.spec,
    rtl_files: repo.rtl,
    dut_module_name: repo.top,
    dut_instance_name: repo.instance,
    defines: repo.defines,
    tb_file: repo.tbFile,
    instruction: repo.instruction,
    targets: repo.targets,
  };
}
