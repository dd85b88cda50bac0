// One task's page: every sample's rounds (status, score per family), and per round the testbench
// (line numbers, syntax colouring), diagnostics, log excerpt, the feedback the model was given
// and the prompt messages of the LLM call (rule block stripped); the RTL with the uncovered points
// of a chosen state marked per family.
import { z } from "zod";
import { stripRules } from "../prompt/prompt.js";
import type { FullState, SampleRow } from "../store/report-reader.js";
import { FAMILY_COLOR, esc, page, pctOrDash, statusChip } from "./html-kit.js";
import { FAMILIES, stateStatus, type RunOverview, type TaskSummary } from "./run-data.js";
import { highlightLines } from "./sv-highlight.js";

const RepoShape = z.looseObject({
  id: z.string(),
  rtl: z.array(z.object({ name: z.string(), content: z.string() })),
  top: z.string().optional(),
  instance: z.string().optional(),
  tbFile: z.string().optional(),
  targets: z
    .array(
      z.looseObject({ inst_name: z.string(), metric: z.string().optional(), target_percentage: z.number() }),
    )
    .optional(),
});
type RepoShape = z.infer<typeof RepoShape>;

const ResultShape = z.looseObject({
  simulator: z.looseObject({ name: z.string(), version: z.string() }).optional(),
  status: z.string(),
  reason: z.string().optional(),
  coverage: z
    .looseObject({
      uncovered: z.array(
        z.looseObject({
          kind: z.string(),
          file: z.string(),
          line: z.number(),
          detail: z.string().optional(),
        }),
      ),
      uncoveredTotal: z.number().optional(),
    })
    .nullable()
    .optional(),
  diagnostics: z
    .array(
      z.looseObject({
        severity: z.string(),
        code: z.string().optional(),
        file: z.string().optional(),
        line: z.number().optional(),
        message: z.string(),
        rule: z.string().optional(),
      }),
    )
    .optional(),
  log: z.string().optional(),
  logDroppedBytes: z.number().optional(),
});
type ResultShape = z.infer<typeof ResultShape>;

const Messages = z.array(z.object({ role: z.string(), content: z.string() }));

/** Parses a stored result leniently: a report shows what it can rather than failing the run. */
function resultOf(s: FullState): { r: ResultShape | null; raw: Record<string, unknown> | null } {
  if (!s.result_json) return { r: null, raw: null };
  const raw = JSON.parse(s.result_json) as Record<string, unknown>;
  const p = ResultShape.safeParse(raw);
  return { r: p.success ? p.data : null, raw };
}

const LOG_LINES = 40;
const LOG_CHARS = 6000;

function logExcerpt(log: string): string {
  const lines = log.trimEnd().split("\n");
  let text =
    lines.length <= LOG_LINES * 2
      ? lines.join("\n")
      : [
          ...lines.slice(0, LOG_LINES),
          `… ${lines.length - LOG_LINES * 2} lines …`,
          ...lines.slice(-LOG_LINES),
        ].join("\n");
  if (text.length > LOG_CHARS) text = `${text.slice(0, LOG_CHARS / 2)}\n…\n${text.slice(-LOG_CHARS / 2)}`;
  return text;
}

/** Numbered, coloured code (numbers drawn by CSS counters: half the markup of a table). */
export function codeView(src: string, marked: Map<number, string> = new Map()): string {
  const lines = highlightLines(src)
    .map((h, i) => {
      const m = marked.get(i + 1);
      return `<span class="L${m ? ` dg" title="${esc(m)}` : ""}">${h}</span>`;
    })
    .join(""); // block spans: no newline between them, or every line would be doubled
  return `<div class="code-wrap"><pre class="code">${lines}</pre></div>`;
}

const FAMILY_LETTER: Record<string, string> = {
  line: "L",
  branch: "B",
  toggle: "T",
  expression: "E",
  fsm: "F",
  user: "U",
};

interface Mark {
  h: string;
  t: string;
  w?: 1;
}

/** Per RTL line, which families left points uncovered there (and what they are). */
function marksOf(r: ResultShape | null, files: string[]): Record<string, Mark> {
  const out: Record<string, Mark> = {};
  const byLine = new Map<string, { kinds: Set<string>; details: string[] }>();
  for (const u of r?.coverage?.uncovered ?? []) {
    const fi = files.indexOf(u.file);
    if (fi < 0) continue;
    const key = `${fi}:${u.line}`;
    const e = byLine.get(key) ?? { kinds: new Set<string>(), details: [] };
    e.kinds.add(u.kind);
    if (e.details.length < 12) e.details.push(`${u.kind}: ${u.detail ?? ""}`.trim());
    byLine.set(key, e);
  }
  for (const [key, e] of byLine) {
    const kinds = [...e.kinds].sort((a, b) => FAMILIES.indexOf(a as never) - FAMILIES.indexOf(b as never));
    out[key] = {
      h: kinds
        .map(
          (k) =>
            `<span class="chip" style="background:${FAMILY_COLOR[k] ?? "#555"}">${FAMILY_LETTER[k] ?? "?"}</span>`,
        )
        .join(""),
      t: `uncovered ${e.details.join("; ")}`,
      ...(kinds.every((k) => k === "toggle") ? { w: 1 as const } : {}),
    };
  }
  return out;
}

function rtlSection(
  repo: RepoShape,
  states: { id: string; label: string; r: ResultShape | null }[],
  chosen: string,
): string {
  const files = repo.rtl.map((f) => f.name);
  const data: Record<string, Record<string, Mark>> = {};
  for (const s of states) data[s.id] = marksOf(s.r, files);
  const initial = data[chosen] ?? {};
  const options = states
    .map((s) => `<option value="${esc(s.id)}"${s.id === chosen ? " selected" : ""}>${esc(s.label)}</option>`)
    .join("");
  const chosenR = states.find((s) => s.id === chosen)?.r;
  const listed = chosenR?.coverage?.uncovered.length ?? 0;
  const total = chosenR?.coverage?.uncoveredTotal ?? listed;
  const legend = FAMILIES.map(
    (f) =>
      `<span><span class="chip" style="background:${FAMILY_COLOR[f]}">${FAMILY_LETTER[f]}</span>${f}</span>`,
  ).join("");
  const fileViews = repo.rtl
    .map((f, fi) => {
      const rows = highlightLines(f.content)
        .map((h, i) => {
          const m = initial[`${fi}:${i + 1}`];
          return `<tr data-f="${fi}" data-l="${i + 1}"${m ? ` class="${m.w ? "unc-weak" : "unc"}" title="${esc(m.t)}"` : ""}><td class="n">${i + 1}</td><td class="m">${m ? m.h : ""}</td><td class="src">${h || " "}</td></tr>`;
        })
        .join("");
      return `<h3 class="mono">${esc(f.name)}</h3><div class="code-wrap"><table class="code rtl">${rows}</table></div>`;
    })
    .join("");
  // </script> inside the JSON would end the block: escape the slash of every "</".
  const json = JSON.stringify(data).replace(/<\//g, "<\\/");
  return `<h2 id="rtl">RTL coverage</h2>
<p>State: <select id="rtl-state">${options}</select> <span class="mut">(${listed} of ${total} uncovered points listed in this result)</span></p>
<p class="legend mut">Marks show uncovered points per family (hover a line for details): ${legend} Toggle-only lines are shaded lighter.</p>
${fileViews}<script type="application/json" id="marks-data">${json}</script>`;
}

function famCells(raw: Record<string, unknown> | null): string {
  const cov = (raw?.coverage ?? null) as Record<string, unknown> | null;
  return FAMILIES.map((f) => {
    const v = cov?.[f];
    return `<td>${typeof v === "number" ? pctOrDash(v) : "–"}</td>`;
  }).join("");
}

/**
 * Messages already shown on this page (the system and repository messages repeat in every call
 * of a task): later calls link to the first copy instead of repeating it, which keeps task pages
 * of long runs small.
 */
class Shown {
  private readonly seen = new Map<string, string>();
  private n = 0;
  anchor(content: string): { id: string; first: boolean } {
    const had = this.seen.get(content);
    if (had) return { id: had, first: false };
    const id = `m${++this.n}`;
    this.seen.set(content, id);
    return { id, first: true };
  }
}

function messagesView(
  json: string | null,
  shown: Shown,
  inputTb: { tb: string; href: string } | null,
): string {
  if (!json) return `<p class="mut">No LLM call recorded for this state (copied input state).</p>`;
  const p = Messages.safeParse(JSON.parse(json));
  if (!p.success) return `<p class="err">Stored messages are not in chat form.</p>`;
  // Stored prompts never hold the rule block (the workflow strips it); strip again for older ledgers.
  return stripRules(p.data as never)
    .map((m, i) => {
      const head = `message ${i + 1}: <b>${esc(m.role)}</b> <span class="mut">(${m.content.length} chars)</span>`;
      if (m.role === "assistant" && inputTb && inputTb.tb.length > 0 && m.content.includes(inputTb.tb))
        return `<p>${head}: the <a href="${esc(inputTb.href)}">input state's testbench</a> in a fenced block</p>`;
      const a = shown.anchor(m.content);
      if (!a.first)
        return `<p>${head}: same as <a href="#${a.id}">this message</a> shown earlier on this page</p>`;
      return `<details id="${a.id}"><summary>${head}</summary><div class="in"><pre>${esc(m.content)}</pre></div></details>`;
    })
    .join("");
}

/** The answer without the testbench block the page already shows. */
function answerRest(answer: string, testbench: string | null): string | null {
  if (!testbench || !answer.includes(testbench)) return answer;
  const rest = answer.replace(testbench, "[the testbench shown above]").trim();
  return rest.replace(/```\w*\s*\[the testbench shown above\]\s*```/, "").trim() ? rest : null;
}

/** The feedback the model saw for this round: the last user turn after the repository message. */
function feedbackOf(json: string | null): string | null {
  if (!json) return null;
  const p = Messages.safeParse(JSON.parse(json));
  if (!p.success || p.data.length <= 2) return null;
  const last = p.data.at(-1)!;
  return last.role === "user" ? last.content : null;
}

function roundDetails(
  s: FullState,
  r: ResultShape | null,
  tbFile: string,
  shown: Shown,
  inputTb: { tb: string; href: string } | null,
): string {
  const parts: string[] = [];
  const fb = feedbackOf(s.messages_json);
  parts.push(
    fb
      ? `<h3>Feedback the model was given</h3><pre>${esc(fb)}</pre>`
      : `<p class="mut">First round: the model saw the repository only (no feedback).</p>`,
  );
  if (s.parse_error) parts.push(`<p class="err">No testbench in the answer: ${esc(s.parse_error)}</p>`);
  if (s.call_error) parts.push(`<p class="err">LLM call failed: ${esc(s.call_error)}</p>`);
  if (s.testbench !== null) {
    const diagLines = new Map<number, string>();
    for (const d of r?.diagnostics ?? [])
      if (d.line && (!d.file || d.file.endsWith(tbFile.split("/").at(-1)!)))
        diagLines.set(d.line, `${d.severity}: ${d.message.split("\n")[0]}`);
    parts.push(`<h3>Testbench</h3>${codeView(s.testbench, diagLines)}`);
  }
  if (r) {
    parts.push(
      `<p>${statusChip(r.status)} ${esc(r.reason ?? "")} <span class="mut">${r.simulator ? esc(`${r.simulator.name} ${r.simulator.version}`) : ""}</span></p>`,
    );
    const diags = r.diagnostics ?? [];
    if (diags.length)
      parts.push(
        `<h3>Diagnostics (${diags.length})</h3><table><tr><th class="l">severity</th><th class="l">where</th><th class="l">code</th><th class="l">message</th><th class="l">rule</th></tr>${diags
          .slice(0, 50)
          .map(
            (d) =>
              `<tr><td class="l">${esc(d.severity)}</td><td class="l mono">${esc(`${d.file ?? "?"}:${d.line ?? "?"}`)}</td><td class="l">${esc(d.code ?? "")}</td><td class="l msg">${esc(d.message.slice(0, 600))}</td><td class="l">${esc(d.rule ?? "")}</td></tr>`,
          )
          .join("")}</table>`,
      );
    if (r.log?.trim())
      parts.push(
        `<details><summary>Log excerpt${r.logDroppedBytes ? ` (${r.logDroppedBytes} bytes dropped by the simulator result)` : ""}</summary><div class="in"><pre>${esc(logExcerpt(r.log))}</pre></div></details>`,
      );
  }
  parts.push(
    `<details><summary>Prompt messages of this LLM call</summary><div class="in">${messagesView(s.messages_json, shown, inputTb)}</div></details>`,
  );
  const rest = s.answer === null ? null : answerRest(s.answer, s.testbench);
  if (rest !== null)
    parts.push(
      `<details><summary>Answer text</summary><div class="in"><pre>${esc(rest)}</pre></div></details>`,
    );
  if (s.reasoning)
    parts.push(
      `<details><summary>Reasoning</summary><div class="in"><pre>${esc(s.reasoning)}</pre></div></details>`,
    );
  return parts.join("\n");
}

export interface TaskPageInput {
  run: RunOverview;
  task: TaskSummary;
  repoJson: string | null;
  samples: SampleRow[];
  states: FullState[];
  indexHref: string;
}

export function taskPageHtml(t: TaskPageInput): string {
  const repoP = t.repoJson ? RepoShape.safeParse(JSON.parse(t.repoJson)) : null;
  const repo = repoP?.success ? repoP.data : null;
  const parsed = t.states.map((s) => ({ s, ...resultOf(s) }));
  const bySample = new Map<string, typeof parsed>();
  for (const p of parsed) bySample.set(p.s.sample_id, [...(bySample.get(p.s.sample_id) ?? []), p]);
  const synth = t.run.kind === "synth";
  const label = (p: (typeof parsed)[number]) => {
    const si = t.samples.find((x) => x.sample_id === p.s.sample_id)?.sample_index ?? "?";
    const which = synth
      ? p.s.call_id
        ? `candidate ${p.s.state_id.split(":").at(-2)}`
        : "input"
      : `round ${p.s.round}`;
    return `sample ${si} ${which}: ${stateStatus(p.s)} ${pctOrDash(p.s.score)}`;
  };
  const shown = new Shown();
  const byId = new Map(t.states.map((s) => [s.state_id, s]));
  const inputTbOf = (s: FullState) => {
    const input = s.input_state_id ? byId.get(s.input_state_id) : undefined;
    return input?.testbench ? { tb: input.testbench, href: `#${input.state_id}` } : null;
  };
  let chosen = parsed[0];
  for (const p of parsed) if (chosen && p.s.score > chosen.s.score) chosen = p;

  const head = `<h1>${esc(t.task.task_id)}</h1>
<dl class="kv"><dt>run</dt><dd><a href="${esc(t.indexHref)}">${esc(t.run.name)}</a> (${esc(t.run.model)}, ${esc(t.run.workflow)})</dd>
<dt>source</dt><dd class="mono">${esc(t.task.source ?? "–")}</dd>
<dt>DUT</dt><dd class="mono">${esc(repo?.top ?? "?")} as ${esc(repo?.instance ?? "?")}; RTL ${esc((repo?.rtl ?? []).map((f) => f.name).join(", "))}</dd>
<dt>targets</dt><dd>${esc((repo?.targets ?? []).map((x) => `${x.inst_name} ${x.metric ?? "overall"} >= ${x.target_percentage}%`).join(", ") || "–")}</dd>
<dt>result</dt><dd>Cov Pass ${t.task.cov_pass}/${t.task.samples}, Sim Pass ${t.task.sim_pass}/${t.task.samples}, best ${pctOrDash(t.task.best)}, mean ${pctOrDash(t.task.mean)}</dd></dl>`;

  const sampleSections = t.samples
    .map((smp) => {
      const list = bySample.get(smp.sample_id) ?? [];
      const rows = list
        .map(
          (p) =>
            `<tr><td class="l"><a href="#${esc(p.s.state_id)}">${synth && p.s.call_id ? `c${esc(p.s.state_id.split(":").at(-2)?.slice(1) ?? "")}` : p.s.round}</a></td><td class="l">${statusChip(stateStatus(p.s))}</td><td><b>${pctOrDash(p.s.score)}</b></td>${famCells(p.raw)}<td>${p.s.cov_pass ? "yes" : "no"}</td><td>${(p.s.prompt_tokens ?? 0) + (p.s.completion_tokens ?? 0) || "–"}</td><td>${p.s.latency_ms != null ? (p.s.latency_ms / 1000).toFixed(1) + " s" : "–"}</td>${synth ? `<td class="l">${p.s.call_id ? (p.s.accepted ? "accepted" : esc(p.s.reason ?? "rejected")) : "input"}</td>` : ""}</tr>`,
        )
        .join("");
      const details = list
        .map(
          (p) =>
            `<details id="${esc(p.s.state_id)}"><summary>${esc(label(p))}</summary><div class="in">${roundDetails(p.s, p.r, repo?.tbFile ?? "tb.sv", shown, inputTbOf(p.s))}</div></details>`,
        )
        .join("");
      const err =
        smp.status !== "done"
          ? `<p class="err">Sample ${smp.status}: ${esc(smp.error ?? "interrupted")}</p>`
          : "";
      return `<h2 id="sample-${smp.sample_index}">Sample ${smp.sample_index}</h2>${err}
<table><tr><th class="l">${synth ? "state" : "round"}</th><th class="l">status</th><th>score</th>${FAMILIES.map((f) => `<th>${f}</th>`).join("")}<th>cov pass</th><th>tokens</th><th>latency</th>${synth ? `<th class="l">decision</th>` : ""}</tr>${rows}</table>
${details}`;
    })
    .join("\n");

  const rtl =
    repo && chosen
      ? rtlSection(
          repo,
          parsed.map((p) => ({ id: p.s.state_id, label: label(p), r: p.r })),
          chosen.s.state_id,
        )
      : `<p class="mut">No repository or state stored for this task.</p>`;
  return page(`${t.task.task_id} · ${t.run.name}`, `${head}\n${rtl}\n${sampleSections}`, {
    nav: `<a href="${esc(t.indexHref)}">← ${esc(t.run.name)} report</a>`,
  });
}
