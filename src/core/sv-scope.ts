// Which function, task or process a source line belongs to, for naming uncovered code in
// feedback ("function incr_vec: never entered"). A line scan, not a parser: headers start a
// scope, endfunction/endtask/endmodule or the next header end it. Good enough for naming.

export interface Scope {
  /** e.g. "function incr_vec", "task send_byte", "always_ff @(posedge clk)". */
  name: string;
  /** First line of the scope (its header). */
  start: number;
}

const SUBROUTINE = /^(?:(?:virtual|static|protected|local|extern|pure)\s+)*(function|task)\b(.*)$/;
const PROCESS = /^(always_ff|always_comb|always_latch|always|initial|final)\b(.*)$/;
const END = /^(endfunction|endtask|endmodule|module|endclass|endinterface|endpackage)\b/;

function stripLineComments(lines: string[]): string[] {
  let inBlock = false;
  return lines.map((l) => {
    let out = "";
    for (let i = 0; i < l.length; i++) {
      if (inBlock) {
        if (l.startsWith("*/", i)) {
          inBlock = false;
          i++;
        }
      } else if (l.startsWith("/*", i)) {
        inBlock = true;
        i++;
      } else if (l.startsWith("//", i)) break;
      else out += l[i];
    }
    return out.trim();
  });
}

/** Name of a function or task from the rest of its header: the identifier before ( or ;. */
function subroutineName(rest: string): string | null {
  const m = /([A-Za-z_]\w*)\s*(?:\(|;|$)/.exec(rest.replace(/\b(?:automatic|static)\b/g, " "));
  return m ? m[1]! : null;
}

/** Process header as written, up to `begin` (bounded): "always_ff @(posedge clk)". */
function processName(kind: string, rest: string): string {
  const head = rest.split(/\bbegin\b/)[0]!.trim();
  const event = /^@\s*(\*|\([^)]*\))/.exec(head);
  const label = event ? `${kind} @${event[1]!.replace(/\s+/g, " ")}` : kind;
  return label.length > 60 ? `${label.slice(0, 57)}...` : label;
}

/** Returns a lookup from a 1-based line number to the scope that contains it (null: none). */
export function scopeFinder(text: string): (line: number) => Scope | null {
  const lines = stripLineComments(text.split("\n"));
  const at: (Scope | null)[] = [null];
  let cur: Scope | null = null;
  let inSubroutine = false;
  lines.forEach((l, i) => {
    const n = i + 1;
    const sub = SUBROUTINE.exec(l);
    const proc = inSubroutine ? null : PROCESS.exec(l);
    if (sub && !/^\s*(?:import|export)\b/.test(l)) {
      const name = subroutineName(sub[2]!);
      cur = { name: name ? `${sub[1]} ${name}` : sub[1]!, start: n };
      inSubroutine = true;
    } else if (proc) {
      cur = { name: processName(proc[1]!, proc[2]!), start: n };
    }
    at.push(cur);
    if (END.test(l)) {
      cur = null;
      inSubroutine = false;
    }
  });
  return (line) => at[line] ?? null;
}
