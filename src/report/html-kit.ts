// Shared pieces of the HTML reports: escaping, the page shell (inline CSS and a small inline
// script: no network, no external assets) and the coverage histogram.
import { pct } from "./text.js";

const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const SPECIAL = /[&<>"']/;

export const esc = (s: string): string => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITY[c]!) : s);

export const pctOrDash = (v: number | null | undefined): string => (v == null ? "–" : pct(v));

/** Family colours, shared by histograms, RTL marks and the legend. */
export const FAMILY_COLOR: Record<string, string> = {
  line: "#d9534f",
  branch: "#e08a1e",
  toggle: "#8e6bbf",
  expression: "#2a9d8f",
  fsm: "#3b6fb6",
  user: "#777",
};

const CSS = `
:root{--fg:#1d232a;--mut:#5c6670;--bd:#d6dbe0;--bg2:#f5f7f9;--acc:#2f6db5}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--fg);background:#fff}
main{max-width:1280px;margin:0 auto;padding:20px 28px 60px}h1{font-size:22px;margin:6px 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--bd);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}a{color:var(--acc)}code,pre,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:12.5px}
.mut{color:var(--mut)}.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}.kv dt{color:var(--mut)}.kv dd{margin:0}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid var(--bd);padding:3px 9px;text-align:right;vertical-align:top}th{background:var(--bg2);font-weight:600}
td.l,th.l{text-align:left}th[colspan]{text-align:center}table.sort th{cursor:pointer;user-select:none}table.sort th:after{content:" ⇅";color:#aaa;font-size:11px}
.grid{display:flex;flex-wrap:wrap;gap:14px}.card{border:1px solid var(--bd);border-radius:6px;padding:8px 10px;background:#fff}
.flag{background:#fff4e0;border:1px solid #f0b45a;border-radius:6px;padding:8px 12px;margin:10px 0}.err{color:#b02a2a}.ok{color:#1f7a3a}
.st{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;background:#eee;margin:1px}.st-pass{background:#d7f0dc}.st-compile_error,.st-build_error,.st-runtime_error{background:#f8d7d7}
.st-timeout,.st-no_finish,.st-rejected{background:#fbe6c8}.st-infra_error{background:#dde3ec}.st-no_testbench{background:#ece0f3}
details{border:1px solid var(--bd);border-radius:6px;margin:6px 0;background:#fff}details>summary{cursor:pointer;padding:5px 10px;background:var(--bg2);border-radius:6px}
details[open]>summary{border-bottom:1px solid var(--bd);border-radius:6px 6px 0 0}details>.in{padding:6px 10px}
pre{white-space:pre-wrap;word-break:break-word;margin:4px 0;background:var(--bg2);padding:6px 8px;border-radius:4px;max-height:420px;overflow:auto}
table.code{border:none;margin:0;width:100%;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:12.5px}
table.code td{border:none;padding:0 8px;text-align:left;white-space:pre-wrap;word-break:break-word}table.code td.n{color:#98a1aa;text-align:right;width:1%;white-space:nowrap;user-select:none;border-right:1px solid var(--bd)}
table.code td.m{width:1%;white-space:nowrap;padding:0 4px}.code-wrap{max-height:640px;overflow:auto;border:1px solid var(--bd);border-radius:4px}
pre.code{counter-reset:ln;margin:0;padding:0;background:#fff;max-height:none;border-radius:0;overflow:visible}
pre.code .L{display:block;position:relative;padding-left:4.6em;min-height:1.45em}pre.code .L.dg{background:#fdecea}
pre.code .L::before{counter-increment:ln;content:counter(ln);position:absolute;left:0;width:3.4em;text-align:right;color:#98a1aa;border-right:1px solid var(--bd);padding-right:.4em;user-select:none}
.k{color:#8b2bb0;font-weight:600}.c{color:#6a7f5a;font-style:italic}.s{color:#b4561b}.num{color:#1a6fb0}.sys{color:#0f7c7c}.dir{color:#a0337a}
tr.unc td.src{background:#fdecea}tr.unc-weak td.src{background:#f6f0fb}.chip{display:inline-block;width:14px;height:14px;border-radius:3px;color:#fff;font-size:10px;line-height:14px;text-align:center;margin-right:1px}
.legend>span{margin-right:12px}.bar{display:inline-block;height:10px;background:var(--acc);vertical-align:middle}.msg{white-space:pre-wrap}
input.filter{padding:4px 8px;border:1px solid var(--bd);border-radius:4px;width:260px}
nav.top{background:var(--bg2);border-bottom:1px solid var(--bd);padding:6px 28px;font-size:13px}
`;

// Sort on header click; filter rows by text; re-mark the RTL view for the chosen state.
const JS = `
document.querySelectorAll("table.sort").forEach(function(t){t.querySelectorAll("th").forEach(function(th,i){th.addEventListener("click",function(){
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),dir=th.dataset.dir==="a"?"d":"a";th.dataset.dir=dir;
rows.sort(function(x,y){var p=x.cells[i].dataset.v!==undefined?x.cells[i].dataset.v:x.cells[i].textContent,q=y.cells[i].dataset.v!==undefined?y.cells[i].dataset.v:y.cells[i].textContent;
var a=parseFloat(p),c=parseFloat(q),r=(!isNaN(a)&&!isNaN(c))?a-c:String(p).localeCompare(String(q));return dir==="a"?r:-r;});
rows.forEach(function(r){b.appendChild(r);});});});});
document.querySelectorAll("input.filter").forEach(function(inp){var t=document.getElementById(inp.dataset.table);inp.addEventListener("input",function(){
var q=inp.value.toLowerCase();Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?"":"none";});});});
var marks=document.getElementById("marks-data");if(marks){var data=JSON.parse(marks.textContent),sel=document.getElementById("rtl-state");
var show=function(id){var m=data[id]||{};document.querySelectorAll("tr[data-f]").forEach(function(tr){var k=tr.dataset.f+":"+tr.dataset.l,e=m[k];
tr.className=e?(e.w?"unc-weak":"unc"):"";tr.cells[1].innerHTML=e?e.h:"";tr.title=e?e.t:"";});};
sel.addEventListener("change",function(){show(sel.value);});}
`;

export function page(title: string, body: string, opts: { nav?: string } = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><link rel="icon" href="data:,"><style>${CSS}</style></head>
<body>${opts.nav ? `<nav class="top">${opts.nav}</nav>` : ""}<main>
${body}
</main><script>${JS}</script></body></html>
`;
}

export function statusChip(status: string): string {
  return `<span class="st st-${esc(status.replace(/[^a-z_]/gi, ""))}">${esc(status)}</span>`;
}

/** A small bar histogram of ten 10 % bins. */
export function histogram(title: string, bins: number[], color: string, note: string): string {
  const w = 230;
  const h = 120;
  const pad = { l: 26, b: 22, t: 20 };
  const max = Math.max(1, ...bins);
  const bw = (w - pad.l - 4) / bins.length;
  const bars = bins
    .map((c, i) => {
      const bh = ((h - pad.t - pad.b) * c) / max;
      const x = pad.l + i * bw;
      const y = h - pad.b - bh;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${color}"><title>${i * 10}-${i === 9 ? 100 : i * 10 + 10}%: ${c}</title></rect>`;
    })
    .join("");
  const axis = [0, 50, 100]
    .map(
      (v) =>
        `<text x="${pad.l + (v / 100) * (w - pad.l - 4)}" y="${h - 8}" font-size="10" text-anchor="middle">${v}%</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" role="img" aria-label="${esc(title)}">
<text x="2" y="13" font-size="12" font-weight="bold">${esc(title)}</text><text x="${w - 2}" y="13" font-size="10" text-anchor="end" fill="#5c6670">${esc(note)}</text>
<line x1="${pad.l}" x2="${w - 4}" y1="${h - pad.b}" y2="${h - pad.b}" stroke="#999"/><text x="${pad.l - 4}" y="${pad.t + 8}" font-size="10" text-anchor="end">${max}</text>${bars}${axis}</svg>`;
}
