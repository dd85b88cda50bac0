// (System)Verilog syntax colouring for the report's code views: one HTML string per source
// line (a block comment spanning lines is closed and reopened at each line end).
import { esc } from "./html-kit.js";

const KEYWORDS = new Set(
  (
    "module endmodule input output inout logic wire reg bit byte int integer longint shortint real time " +
    "always always_ff always_comb always_latch initial final begin end if else case casez casex endcase default " +
    "for foreach while do repeat forever assign parameter localparam typedef enum struct union packed signed " +
    "unsigned function endfunction task endtask return automatic static generate endgenerate genvar posedge " +
    "negedge or and not fork join join_any join_none wait disable class endclass extends new virtual interface " +
    "endinterface modport package endpackage import export program endprogram property endproperty sequence " +
    "endsequence assert assume cover covergroup endgroup coverpoint bins iff unique priority constraint rand randc " +
    "void string event null this super const var ref timeunit timeprecision break continue inside with"
  ).split(" "),
);

const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"?)|(\$[A-Za-z_][\w$]*)|(`[A-Za-z_]\w*)|(\d[\d_]*'[sS]?[bBoOdDhH][0-9a-fA-FxXzZ_?]+|'[sS]?[bBoOdDhH][0-9a-fA-FxXzZ_?]+|\d[\d_]*(?:\.\d+)?(?:[munpf]?s)?|'[01xXzZ])|([A-Za-z_][\w$]*)/g;

export function highlightLines(src: string): string[] {
  const lines: string[] = [""];
  const emit = (text: string, cls: string | null) => {
    if (!text.includes("\n")) {
      if (text) lines[lines.length - 1] += cls ? `<span class="${cls}">${esc(text)}</span>` : esc(text);
      return;
    }
    const parts = text.split("\n");
    parts.forEach((p, i) => {
      if (i > 0) lines.push("");
      if (p) lines[lines.length - 1] += cls ? `<span class="${cls}">${esc(p)}</span>` : esc(p);
    });
  };
  let last = 0;
  for (const m of src.matchAll(TOKEN)) {
    if (m.index > last) emit(src.slice(last, m.index), null);
    const [tok, comment, string, sys, dir, num, ident] = m;
    const cls = comment
      ? "c"
      : string
        ? "s"
        : sys
          ? "sys"
          : dir
            ? "dir"
            : num
              ? "num"
              : ident && KEYWORDS.has(ident)
                ? "k"
                : null;
    emit(tok, cls);
    last = m.index + tok.length;
  }
  if (last < src.length) emit(src.slice(last), null);
  if (src.endsWith("\n")) lines.pop();
  return lines;
}
