// `llm4cov curate ...` and `llm4cov rounds`: thin wrappers over src/curate (docs/curation.md).
import { Command, InvalidArgumentError, Option } from "commander";
import { existsSync } from "node:fs";
import { pathProblem } from "../../core/safe-path.js";
import { join } from "node:path";
import { formatContamination, runContamination } from "../../curate/contamination.js";
import { EXPORT_FORMATS, exportRows, type ExportFormat } from "../../curate/export.js";
import { exportToHub, HubPushError, type HubExportOptions } from "../../curate/hub.js";
import { DEFAULT_FILTER, filterRows, formatFilterReport } from "../../curate/filter.js";
import { readRows, RowFileError } from "../../curate/io.js";
import { parseRuns } from "../../curate/parse.js";
import { formatRounds, roundsReport } from "../../curate/rounds.js";
import { computeStats, formatStats } from "../../curate/stats.js";
import { loadTokenizer } from "../../curate/tokens.js";
import { DatasetError, type DatasetFormat } from "../../data/index.js";
import { Ledger, LEDGER_FILE } from "../../store/ledger.js";
import { CliError, type CliContext } from "../context.js";

/** --name becomes a file name in --out: one safe segment (src/core/safe-path.ts). */
function safeName(v: string): string {
  const problem = pathProblem(v) ?? (v.includes("/") ? "must be a single file name, without /" : null);
  if (problem) throw new InvalidArgumentError(problem);
  return v;
}

/** A number, or a fraction written a/b (e.g. 1/3). */
export function parseFraction(v: string): number {
  const m = /^\s*([\d.]+)\s*\/\s*([\d.]+)\s*$/.exec(v);
  const x = m ? Number(m[1]) / Number(m[2]) : Number(v);
  if (!Number.isFinite(x)) throw new CliError(`not a number: ${v}`);
  return x;
}

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`not a non-negative integer: ${v}`);
  return n;
};

function requireRun(dir: string): void {
  if (!existsSync(join(dir, LEDGER_FILE))) throw new CliError(`${dir}: no ${LEDGER_FILE} here`);
}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new CliError(`${path}: no such file or directory`);
}

/** Bad input files are the user's to fix: a message, exit code 2, no stack trace. */
function userErrors<A extends unknown[]>(fn: (...a: A) => Promise<void>): (...a: A) => Promise<void> {
  return async (...a: A) => {
    try {
      await fn(...a);
    } catch (e) {
      if (e instanceof RowFileError || e instanceof DatasetError || e instanceof SyntaxError)
        throw new CliError(e.message);
      throw e;
    }
  };
}

const show = (ctx: CliContext, json: boolean | undefined, value: unknown, text: string) =>
  ctx.out(json ? JSON.stringify(value, null, 2) : text);

function parseCmd(ctx: CliContext): Command {
  return new Command("parse")
    .description(
      "run ledgers -> SFT rows (memoryless prompt of the true input state, the testbench as answer)",
    )
    .requiredOption("--run <dir...>", "run directory (repeatable)")
    .requiredOption("--out <file>", "output rows (JSONL)")
    .option("--keep-duplicates", "write identical rows (same prompt and answer) more than once")
    .option("--json", "print the report as JSON")
    .action(
      userErrors(async (o: { run: string[]; out: string; keepDuplicates?: boolean; json?: boolean }) => {
        o.run.forEach(requireRun);
        const r = await parseRuns(o.run, o.out, { keepDuplicates: o.keepDuplicates });
        const text = [
          `parse: ${r.rows} rows to ${r.out}${r.duplicates ? ` (${r.duplicates} duplicates skipped)` : ""}`,
          ...r.runs.map(
            (x) =>
              `  ${x.run} (${x.run_type}, from ${x.source}): ${x.seen} seen, ${x.rows} rows` +
              Object.entries(x.skipped)
                .map(([k, v]) => `, ${v} ${k}`)
                .join(""),
          ),
        ].join("\n");
        show(ctx, o.json, r, text);
      }),
    );
}

interface FilterCli {
  in: string;
  out: string;
  delta: number;
  minCoverage: number;
  maxTokens: number;
  shortTokens: number;
  keepShortDirect: number;
  keepShortAgentic: number;
  seed: string;
  tokenizer?: string;
  json?: boolean;
}

function filterCmd(ctx: CliContext): Command {
  const d = DEFAULT_FILTER;
  return new Command("filter")
    .description("improvement threshold, minimum coverage, token length, short-row rebalancing")
    .requiredOption("--in <file>", "input rows (JSONL)")
    .requiredOption("--out <file>", "kept rows (JSONL, with token lengths in meta.tokens)")
    .option("--delta <x>", "minimum coverage gain over the input state", parseFraction, d.delta)
    .option(
      "--min-coverage <x>",
      "minimum coverage of the answer (stage 0: 0.5)",
      parseFraction,
      d.minCoverage,
    )
    .option("--max-tokens <n>", "drop rows longer than this (prompt + answer)", int, d.maxTokens)
    .option("--short-tokens <n>", "a row is short at or below this many tokens", int, d.shortTokens)
    .option("--keep-short-direct <x>", "fraction of short direct rows kept", parseFraction, d.keepShortDirect)
    .option(
      "--keep-short-agentic <x>",
      "fraction of short agentic rows kept",
      parseFraction,
      d.keepShortAgentic,
    )
    .option("--seed <s>", "seed of the rebalancing choice", String(d.seed))
    .option("--tokenizer <path>", "a local tokenizer.json (default: Qwen3's, installed offline)")
    .option("--json", "print the report as JSON")
    .action(
      userErrors(async (o: FilterCli) => {
        requireFile(o.in);
        if (o.tokenizer) requireFile(o.tokenizer);
        const tok = await loadTokenizer(o.tokenizer);
        const r = await filterRows(o.in, o.out, tok, {
          delta: o.delta,
          minCoverage: o.minCoverage,
          maxTokens: o.maxTokens,
          shortTokens: o.shortTokens,
          keepShortDirect: o.keepShortDirect,
          keepShortAgentic: o.keepShortAgentic,
          seed: o.seed,
        });
        show(ctx, o.json, r, formatFilterReport(r));
      }),
    );
}

const formatOption = (flag: string, what: string) =>
  new Option(flag, what).choices(["auto", "native", "cvdp", "codev", "dir"]).default("auto");

function contaminationCmd(ctx: CliContext): Command {
  return new Command("contamination")
    .description("drop training repositories with a file whose ROUGE-L against a benchmark file is >= 0.5")
    .requiredOption(
      "--train <path>",
      "training data: SFT rows, or a dataset (native, CVDP, CodeV, directory)",
    )
    .requiredOption("--eval <path>", "benchmark dataset whose spec and RTL files are checked against")
    .requiredOption("--out <path>", "training data without the dropped repositories")
    .option("--report <file>", "pairs found and counts (default <out>.contamination.json)")
    .option("--threshold <x>", "ROUGE-L F1 at or above which a pair counts", parseFraction, 0.5)
    .option("--workers <n>", "worker threads (0: check in the main thread; default: cores)", int)
    .addOption(formatOption("--train-format <f>", "training dataset format"))
    .addOption(formatOption("--eval-format <f>", "benchmark dataset format"))
    .option("--json", "print the report as JSON")
    .action(
      userErrors(
        async (o: {
          train: string;
          eval: string;
          out: string;
          report?: string;
          threshold: number;
          workers?: number;
          trainFormat: DatasetFormat;
          evalFormat: DatasetFormat;
          json?: boolean;
        }) => {
          requireFile(o.train);
          requireFile(o.eval);
          const r = await runContamination(o);
          show(ctx, o.json, r, formatContamination(r));
        },
      ),
    );
}

function statsCmd(ctx: CliContext): Command {
  return new Command("stats")
    .description("token lengths (min, quartiles, max) and composition of a row file")
    .requiredOption("--in <file>", "rows (JSONL)")
    .option("--tokenizer <path>", "count with this tokenizer.json (recounts rows counted with another)")
    .option("--json", "print JSON")
    .action(
      userErrors(async (o: { in: string; tokenizer?: string; json?: boolean }) => {
        requireFile(o.in);
        if (o.tokenizer) requireFile(o.tokenizer);
        const s = await computeStats(readRows(o.in), () => loadTokenizer(o.tokenizer), {
          recount: !!o.tokenizer,
        });
        show(ctx, o.json, s, formatStats(s));
      }),
    );
}

function exportCmd(ctx: CliContext): Command {
  return new Command("export")
    .description(
      "rows -> OpenAI JSONL, LlamaFactory ShareGPT/Alpaca, Parquet, or a Hugging Face dataset folder",
    )
    .requiredOption("--in <file>", "rows (JSONL)")
    .addOption(
      new Option("--format <f>", "output format (hf with --push-to-hub)").choices([...EXPORT_FORMATS]),
    )
    .option("--out <path>", "a file (openai, parquet) or a folder (sharegpt, alpaca, hf)")
    .option("--size <n>", "resize to exactly n rows (seeded down- or up-sampling)", int)
    .option("--shuffle", "seeded shuffle")
    .option("--seed <s>", "seed for resizing, shuffling and the test split", "0")
    .option("--name <name>", "dataset name (dataset_info.json, card)", safeName, "llm4cov")
    .option("--test-fraction <x>", "hf: fraction of tasks in a test split", parseFraction, 0)
    .option(
      "--push-to-hub <namespace/name>",
      "push the hf dataset to this Hub dataset repo (token: HF_TOKEN)",
    )
    .option("--private", "--push-to-hub: create the repository private")
    .option("--split <name>", "--push-to-hub: put every row in this split")
    .option("--hub-url <url>", "--push-to-hub: Hub endpoint (default https://huggingface.co)")
    .option("--json", "print the report as JSON")
    .action(
      userErrors(
        async (o: {
          in: string;
          format?: ExportFormat;
          out?: string;
          size?: number;
          shuffle?: boolean;
          seed: string;
          name: string;
          testFraction: number;
          json?: boolean;
          pushToHub?: string;
          private?: boolean;
          split?: string;
          hubUrl?: string;
        }) => {
          requireFile(o.in);
          if (o.pushToHub) return pushCmd(ctx, o, o.pushToHub);
          if (!o.format || !o.out)
            throw new CliError("curate export needs --format and --out (or --push-to-hub)");
          const r = await exportRows(o.in, { ...o, format: o.format, out: o.out });
          const splits = Object.entries(r.splits)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ");
          show(
            ctx,
            o.json,
            r,
            `export ${r.format}: ${r.written} rows (${splits || "none"}) from ${r.input}\n  ${r.files.join("\n  ")}`,
          );
        },
      ),
    );
}

/** `--push-to-hub`: the hf folder, pushed (src/curate/hub.ts); HF_TOKEN is read here and never printed. */
async function pushCmd(
  ctx: CliContext,
  o: {
    in: string;
    format?: string;
    out?: string;
    json?: boolean;
    private?: boolean;
    hubUrl?: string;
  } & HubExportOptions,
  repo: string,
): Promise<void> {
  if (o.format && o.format !== "hf")
    throw new CliError(`--push-to-hub pushes the hf format, not --format ${o.format}`);
  const token = process.env.HF_TOKEN;
  if (!token) throw new CliError("--push-to-hub needs a Hub token in the HF_TOKEN environment variable");
  try {
    const r = await exportToHub(o.in, o, { repo, token, hubUrl: o.hubUrl, private: o.private });
    const splits = Object.entries(r.splits)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const text = `pushed ${r.written} rows (${splits || "none"}) to ${repo}${r.hub.created ? " (created)" : ""}: ${r.hub.files.join(", ")}`;
    show(ctx, o.json, r, text);
  } catch (e) {
    if (e instanceof HubPushError) throw new CliError(e.message, e.badInput ? 2 : 1);
    throw e;
  }
}

export function curateCommand(ctx: CliContext): Command {
  const cmd = new Command("curate").description(
    "turn run ledgers into fine-tuning data (parse, filter, contamination, stats, export)",
  );
  for (const sub of [parseCmd(ctx), filterCmd(ctx), contaminationCmd(ctx), statsCmd(ctx), exportCmd(ctx)])
    cmd.addCommand(sub.exitOverride());
  return cmd;
}

export function roundsCommand(ctx: CliContext): Command {
  return new Command("rounds")
    .description("pass rate and coverage by round cap, and per-round improvements, of an agentic run")
    .requiredOption("--run <dir>", "run directory")
    .option("--json", "print JSON")
    .action(
      userErrors(async (o: { run: string; json?: boolean }) => {
        requireRun(o.run);
        const ledger = Ledger.openExisting(o.run);
        try {
          const r = roundsReport(ledger, o.run);
          show(ctx, o.json, r, formatRounds(r));
        } finally {
          ledger.close();
        }
      }),
    );
}
