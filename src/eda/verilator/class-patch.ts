// Workaround for Verilator < 5.008 (verilator#3998): any SV class plus --coverage emits C++
// that does not compile ('vlSymsp' was not declared). Class coverage points belong to the
// testbench only, so we drop their registration: the counters stay, the points are never
// written, and the DUT's coverage is untouched.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { readJobFile, writeJobFile } from "../job-fs.js";

const INSERT_CALL = /^\s*vlSelf->__vlCoverInsert\(&\(vlSymsp->__Vcoverage\[\d+\]\).*\);\s*$/gm;
const COVER_INSERT_BODY = /VL_COVER_INSERT\(vlSymsp->_vm_contextp__->coveragep\(\)[\s\S]*?\);/g;

/** Patches generated class files in `objDir`; returns how many files changed. */
export async function patchClassCoverage(objDir: string): Promise<number> {
  const files = (await readdir(objDir)).filter((f) => f.includes("__Vclpkg") && f.endsWith(".cpp"));
  let changed = 0;
  for (const f of files) {
    const path = join(objDir, f);
    // The sandboxed verilate stage wrote these files: no symlink following, no special files.
    const text = await readJobFile(path);
    if (text === null) continue;
    const patched = text
      .replace(INSERT_CALL, "    /* llm4cov: class coverage point not registered (verilator#3998) */")
      .replace(
        COVER_INSERT_BODY,
        "(void)countp; (void)filenamep; (void)lineno; (void)column; (void)hierp; (void)pagep; (void)commentp; (void)linescovp;",
      );
    if (patched !== text) {
      await writeJobFile(path, patched);
      changed++;
    }
  }
  return changed;
}
