// Reading text: the exact fence format our prompts use, and the lenient parser that finds the
// testbench in a model's answer. A missing testbench is a value (ok:false), never an exception:
// the workflow records it as a parse-failure state.
import { tokenizeSv } from "./rules.js";

/** A fence longer than any backtick run in `content`, so content can never close it. */
export function fenceFor(content: string): string {
  let longest = 0;
  let run = 0;
  for (const c of content) {
    run = c === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return "`".repeat(Math.max(3, longest + 1));
}

/** Fenced block; exactly one "\n" is added before the closing fence, and promptUnits removes it. */
export function fenced(content: string, lang: string): string {
  const f = fenceFor(content);
  return `${f}${lang}\n${content}\n${f}`;
}

export type Unit = { kind: "line"; text: string } | { kind: "block"; lang: string; content: string };

/** Exact inverse of `fenced` inside our own prompts: a block closes only on its opening fence. */
export function promptUnits(text: string): Unit[] {
  const lines = text.split("\n");
  const out: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    let n = 0;
    while (l[n] === "`") n++;
    const close = n >= 3 && !l.slice(n).includes("`") ? lines.indexOf(l.slice(0, n), i + 1) : -1;
    if (close < 0) {
      out.push({ kind: "line", text: l });
      continue;
    }
    out.push({ kind: "block", lang: l.slice(n), content: lines.slice(i + 1, close).join("\n") });
    i = close;
  }
  return out;
}

/** Removes reasoning: `<think>...</think>`, a leading orphan `</think>`, and an unclosed `<think>`. */
export function stripThink(text: string): { answer: string; thinking: string } {
  let answer = text;
  let thinking = "";
  const lower = () => answer.toLowerCase();
  const firstClose = lower().indexOf("</think>");
  const firstOpen = lower().indexOf("<think>");
  if (firstClose >= 0 && (firstOpen < 0 || firstOpen > firstClose)) {
    // Chat templates often open the think block themselves, so only the closer is in the text.
    thinking += answer.slice(0, firstClose);
    answer = answer.slice(firstClose + 8);
  }
  for (let open = lower().indexOf("<think>"); open >= 0; open = lower().indexOf("<think>")) {
    const close = lower().indexOf("</think>", open);
    const end = close < 0 ? answer.length : close + 8;
    thinking += answer.slice(open + 7, close < 0 ? answer.length : close);
    answer = answer.slice(0, open) + answer.slice(end);
  }
  return { answer, thinking };
}

interface Block {
  lang: string;
  content: string;
  closed: boolean;
  /** Text of the lines just before the opening fence (headings naming the file). */
  before: string;
}

const SV_LANGS = new Set(["", "systemverilog", "verilog", "sv", "v", "svh"]);

/** Lenient fence reader for model output: ``` or ~~~, any info string, unclosed at the end allowed. */
export function answerBlocks(text: string): Block[] {
  const lines = text.split("\n");
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    let j = i + 1;
    while (j < lines.length) {
      const c = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j] as string);
      if (c && (c[1] as string)[0] === fence[0] && (c[1] as string).length >= fence.length) break;
      j++;
    }
    const before = lines.slice(Math.max(0, i - 2), i).join("\n");
    const content = lines.slice(i + 1, j).join("\n");
    out.push({ lang: (open[2] as string).toLowerCase(), content, closed: j < lines.length, before });
    i = j;
  }
  return out;
}

export interface ModuleInfo {
  modules: string[];
  /** Instance names under which `top` is instantiated. */
  instances: string[];
}

function skipParens(toks: { text: string }[], i: number): number {
  let depth = 0;
  for (let k = i; k < toks.length; k++) {
    if (toks[k]?.text === "(") depth++;
    if (toks[k]?.text === ")" && --depth === 0) return k + 1;
  }
  return toks.length;
}

/** Module definitions and instantiations of `top` (comments ignored). */
export function analyzeModules(src: string, top: string): ModuleInfo {
  const toks = tokenizeSv(src);
  const info: ModuleInfo = { modules: [], instances: [] };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]?.text;
    if (t === "module" || t === "macromodule" || t === "program") {
      let k = i + 1;
      if (toks[k]?.text === "automatic" || toks[k]?.text === "static") k++;
      const name = toks[k]?.text;
      if (name) info.modules.push(name);
      i = k;
    } else if (t === top) {
      let k = i + 1;
      if (toks[k]?.text === "#") k = skipParens(toks, k + 1);
      const inst = toks[k]?.text;
      if (inst && /^[A-Za-z_]\w*$/.test(inst) && (toks[k + 1]?.text === "(" || toks[k + 1]?.text === "["))
        info.instances.push(inst);
    }
  }
  return info;
}

const FILE_TOKEN = /([\w./-]+\.(?:sv|svh|v|vh))\b/;

function namedFile(block: string, before: string): string | undefined {
  const head = block
    .split("\n")
    .filter((l) => l.trim())
    .slice(0, 3);
  for (const l of head) {
    const m = /^\s*\/\/\s*(?:file(?:name)?\s*:\s*)?(\S+\.(?:sv|svh|v|vh))\s*$/i.exec(l);
    if (m) return m[1];
  }
  const lines = before.split("\n").filter((l) => l.trim());
  const last = lines.at(-1);
  return last && last.length < 160 ? FILE_TOKEN.exec(last)?.[1] : undefined;
}

/** The part of an unfenced answer from the first `module` (with its directives) to the last `endmodule`. */
function unfencedModule(text: string): { content: string; before: string } | null {
  const lines = text.split("\n").filter((l) => !/^\s*(`{3,}|~{3,})/.test(l));
  let first = lines.findIndex((l) => /^\s*module\s+\w/.test(l));
  let last = -1;
  lines.forEach((l, i) => {
    if (/^\s*endmodule\b/.test(l)) last = i;
  });
  if (first < 0 || last < first) return null;
  while (first > 0 && /^\s*(`\w+|\/\/|$)/.test(lines[first - 1] as string)) first--;
  return {
    content: lines.slice(first, last + 1).join("\n"),
    before: lines.slice(Math.max(0, first - 2), first).join("\n"),
  };
}

export interface ParseContext {
  top: string;
  instance: string;
  rtlFileNames: string[];
}

export type ParsedAnswer =
  { ok: true; testbench: string; fileName?: string; notes: string[] } | { ok: false; reason: string };

const base = (p: string) => p.split("/").at(-1) ?? p;

export function parseTestbench(answer: string, ctx: ParseContext): ParsedAnswer {
  const { answer: text, thinking } = stripThink(answer);
  const notes: string[] = [];
  const blocks = answerBlocks(text).filter((b) => SV_LANGS.has(b.lang));
  const scored = blocks.map((b, idx) => ({ b, idx, info: analyzeModules(b.content, ctx.top) }));
  const tbs = scored.filter((s) => s.info.instances.length && s.info.modules.some((m) => m !== ctx.top));
  const rank = (s: (typeof scored)[number]) =>
    (s.info.instances.includes(ctx.instance) ? 1e9 : 0) + s.b.content.length;
  let pick = [...tbs].sort((a, b) => rank(b) - rank(a))[0];
  if (!pick) {
    pick = scored
      .filter((s) => s.info.modules.length)
      .sort((a, b) => b.b.content.length - a.b.content.length)[0];
    if (pick)
      notes.push(`no block instantiates \`${ctx.top}\`; used the longest block that defines a module`);
  }
  let testbench: string;
  let fileName: string | undefined;
  if (pick) {
    testbench = pick.b.content;
    fileName = namedFile(pick.b.content, pick.b.before);
    if (blocks.length > 1) notes.push(`picked fenced block ${pick.idx + 1} of ${blocks.length}`);
    if (!pick.b.closed) notes.push("the fenced block is not closed: the answer may be truncated");
  } else {
    const un = unfencedModule(text);
    if (!un) {
      const inThink = /\bmodule\b[\s\S]*\bendmodule\b/.test(thinking);
      return {
        ok: false,
        reason: inThink
          ? "the answer holds no testbench outside the <think> block"
          : "the answer holds no SystemVerilog module (no fenced block and no module ... endmodule)",
      };
    }
    testbench = un.content;
    fileName = namedFile(un.content, un.before);
    notes.push("no fenced block: took the unfenced module ... endmodule text");
  }
  const info = analyzeModules(testbench, ctx.top);
  if (!info.instances.length) notes.push(`the testbench does not instantiate \`${ctx.top}\``);
  else if (!info.instances.includes(ctx.instance))
    notes.push(`\`${ctx.top}\` is instantiated as \`${info.instances[0]}\`, not \`${ctx.instance}\``);
  if (info.modules.includes(ctx.top)) notes.push(`the testbench redefines the DUT module \`${ctx.top}\``);
  if (fileName && ctx.rtlFileNames.some((r) => r === fileName || base(r) === base(fileName as string))) {
    notes.push(
      `the answer names the file \`${fileName}\`, which is an RTL file; not used as the testbench name`,
    );
    fileName = undefined;
  }
  if (!testbench.trim()) return { ok: false, reason: "the testbench block is empty" };
  return fileName ? { ok: true, testbench, fileName, notes } : { ok: true, testbench, notes };
}
