import { describe, expect, it } from "vitest";
import { analyzeModules, parseTestbench, stripThink } from "../src/agent/parse.js";

const ctx = { top: "counter", instance: "dut", rtlFileNames: ["rtl/counter.sv"] };

const tb = (inst = "dut", extra = "") =>
  `module tb_counter;\n  logic clk = 0;\n  counter ${inst} (.clk(clk));${extra}\n  initial #100 $finish;\nendmodule`;

const block = (body: string, lang = "systemverilog") => "```" + lang + "\n" + body + "\n```";

describe("parseTestbench", () => {
  it("takes the single fenced block", () => {
    const r = parseTestbench(`Here you go:\n\n${block(tb())}\n`, ctx);
    expect(r).toEqual({ ok: true, testbench: tb(), notes: [] });
  });

  it("ignores <think> content, closed or not", () => {
    const thinking = `<think>Maybe:\n${block(tb("wrong", " // draft"))}\n</think>`;
    const r = parseTestbench(`${thinking}\nFinal:\n${block(tb())}`, ctx);
    expect(r.ok && r.testbench).toBe(tb());
    // A chat template may open the block itself: only the closer is in the text.
    const orphan = parseTestbench(`draft ${block(tb("x"))}</think>\n${block(tb())}`, ctx);
    expect(orphan.ok && orphan.testbench).toBe(tb());
    // Unclosed: everything after <think> is reasoning, so there is no answer.
    const unclosed = parseTestbench(`<think>let me write\n${block(tb())}\nhmm`, ctx);
    expect(unclosed.ok).toBe(false);
    if (!unclosed.ok) expect(unclosed.reason).toContain("<think>");
    expect(stripThink("a<THINK>b</THINK>c")).toEqual({ answer: "ac", thinking: "b" });
  });

  it("chooses the block that instantiates the DUT, preferring the requested instance", () => {
    const rtlCopy = block("module counter(input clk);\nendmodule");
    const helper = block("module helper;\nendmodule", "verilog");
    const wrongInst = block(
      tb("u0", "\n  // a much longer testbench body ....................................."),
    );
    const answer = [rtlCopy, helper, wrongInst, block(tb()), block("print('x')", "python")].join("\n\n");
    const r = parseTestbench(answer, ctx);
    expect(r.ok && r.testbench).toBe(tb());
    expect(r.ok && r.notes.join(" ")).toContain("block 4 of 4");
    // Among blocks with the wrong instance name the longest wins, with a note.
    const r2 = parseTestbench([block(tb("u0")), block(tb("u1", " // longer"))].join("\n"), ctx);
    expect(r2.ok && r2.testbench).toBe(tb("u1", " // longer"));
    expect(r2.ok && r2.notes.join(" ")).toContain("not `dut`");
  });

  it("falls back to a block with any module, then to an unfenced module", () => {
    const r = parseTestbench(block("module tb;\n  initial $finish;\nendmodule", ""), ctx);
    expect(r.ok && r.notes.join(" ")).toContain("no block instantiates");
    const unfenced =
      "Sure.\n`timescale 1ns/1ps\nmodule tb_counter;\n  counter dut(.clk(c));\nendmodule\nThat is all.";
    const u = parseTestbench(unfenced, ctx);
    expect(u.ok && u.testbench).toBe(
      "`timescale 1ns/1ps\nmodule tb_counter;\n  counter dut(.clk(c));\nendmodule",
    );
    expect(u.ok && u.notes.join(" ")).toContain("unfenced");
  });

  it("returns ok:false with a reason when there is no testbench", () => {
    const r = parseTestbench("I cannot do this.\n```python\nprint(1)\n```", ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("no SystemVerilog module");
    expect(parseTestbench("", ctx).ok).toBe(false);
  });

  it("uses a named file only when it is not an RTL file", () => {
    const named = parseTestbench(`verif/tb_counter.sv:\n${block(tb())}`, ctx);
    expect(named.ok && named.fileName).toBe("verif/tb_counter.sv");
    const inside = parseTestbench(block(`// File: verif/my_tb.sv\n${tb()}`), ctx);
    expect(inside.ok && inside.fileName).toBe("verif/my_tb.sv");
    for (const answer of [
      block(`// File: rtl/counter.sv\n${tb()}`),
      `### rtl/counter.sv\n${block(tb())}`,
      `**counter.sv**\n${block(tb())}`,
    ]) {
      const r = parseTestbench(answer, ctx);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.fileName).toBeUndefined();
        expect(r.notes.join(" ")).toContain("RTL file");
      }
    }
  });

  it("notes a truncated (unclosed) block but still uses it", () => {
    const r = parseTestbench("```systemverilog\n" + tb(), ctx);
    expect(r.ok && r.testbench).toBe(tb());
    expect(r.ok && r.notes.join(" ")).toContain("not closed");
  });

  it("finds instantiations with parameters and ignores comments", () => {
    const src =
      "module tb; // counter fake (\n counter #(.W(4)) dut (.clk(c)); /* counter x (); */ endmodule";
    expect(analyzeModules(src, "counter")).toEqual({ modules: ["tb"], instances: ["dut"] });
  });
});
