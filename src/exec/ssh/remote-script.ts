// The POSIX sh that runs on a host. Each script is one line run as `sh -c '<script>' arg...`,
// so it works whatever the login shell is (csh included); every value travels as a positional
// argument, never spliced into the script. Linux hosts (/proc) are assumed for the sweep.
//
// Layout under the work directory B (default ${TMPDIR:-/tmp}/llm4cov-<uid>):
//   B/sessions/s-<hostname>-<pid>/   one stdio server session: its FIFO and its job dirs
//   B/legacy/j-<hostname>-<pid>/     one legacy job
//   B/cache/<sha256>                 legacy mode's content-addressed file cache (LRU by mtime)
// A directory named after a process that no longer exists is swept by the next session.

export const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const PRELUDE = [
  "B=${1:-${TMPDIR:-/tmp}/llm4cov-$(id -u)}",
  'case $B in "~/"*) B=$HOME/${B#"~/"};; esac',
  "H=$(hostname 2>/dev/null || echo host)",
  // Kill whatever still runs inside a directory (cwd below it, or naming it on its command line,
  // e.g. a sandbox that binds it elsewhere), then remove it.
  'sweep() { [ -n "$1" ] || return 0; for p in /proc/[0-9]*; do [ "${p#/proc/}" = $$ ] && continue;' +
    ' case "$(readlink "$p/cwd" 2>/dev/null)|$(tr "\\0" " " <"$p/cmdline" 2>/dev/null)" in' +
    ' "$1|"*|"$1/"*|*"$1/"*) kill -9 "${p#/proc/}" 2>/dev/null;; esac; done; rm -rf "$1"; }',
  // Sweep directories whose owning process ($1-<pid>) is gone.
  'janitor() { for d in "$1"-*; do [ -d "$d" ] || continue; kill -0 "${d##*-}" 2>/dev/null || sweep "$d"; done; }',
];

const TRAPS = ['trap "exit 129" HUP', 'trap "exit 143" TERM', 'trap "exit 130" INT'];

// One line; `a &; b` is a syntax error, so a background statement is followed by a space only.
const line = (stmts: string[]) =>
  stmts.map((x, i) => (i === 0 ? "" : /&$/.test(stmts[i - 1]!) ? " " : "; ") + x).join("");
const command = (script: string, args: string[]) =>
  `sh -c ${shq(script)} llm4cov-ssh ${args.map(shq).join(" ")}`;

/**
 * Starts the stdio server in a session directory. The server reads a FIFO that `cat` feeds from
 * the channel. Whichever ends first takes the whole session down (`kill 0`, the session's own
 * process group): the channel (we closed it, or the connection dropped) or the server (its exit
 * code goes to stderr as LLM4COV-EXIT). Then leftover tool processes are killed (they run in
 * their own process groups; found by working directory) and the session directory is removed.
 */
export function stdioServerCommand(workDir: string | null, serverCommand: string, slots: number): string {
  const script = line([
    ...PRELUDE,
    'mkdir -p "$B/sessions" || exit 70',
    'janitor "$B/sessions/s-$H"',
    "S=$B/sessions/s-$H-$$",
    'mkdir -p "$S/jobs" && mkfifo "$S/in" || exit 70',
    'fin() { sweep "$S"; }',
    "trap fin EXIT",
    ...TRAPS,
    '{ eval "$2 --slots $3 --work-dir \\"\\$S/jobs\\"" <"$S/in"; echo "LLM4COV-EXIT $?" >&2; kill -TERM 0; } &',
    'cat >"$S/in"',
    "kill -TERM 0",
  ]);
  return command(script, [workDir ?? "", serverCommand, String(slots)]);
}

/** Legacy mode, on connect: the tools exist, the directories exist, stale jobs are swept. */
export function legacyCheckCommand(workDir: string | null, legacyCommand: string): string {
  const script = line([
    ...PRELUDE,
    'mkdir -p "$B/cache" "$B/legacy" || exit 70',
    'janitor "$B/legacy/j-$H"',
    'for t in timeout tar; do command -v $t >/dev/null 2>&1 || { echo "$t not found on the host" >&2; exit 127; }; done',
    "set -- $2",
    "while case $1 in *=*) true;; *) false;; esac; do shift; done",
    'P=$(command -v "$1" 2>/dev/null) || { echo "legacy command not found: $1" >&2; exit 127; }',
    'echo "LLM4COV-LEGACY $P"',
  ]);
  return command(script, [workDir ?? "", legacyCommand]);
}

/** Prints which of the given hashes the cache lacks (and marks the others used). */
export function legacyProbeCommand(workDir: string | null, hashes: string[]): string {
  const script = line([
    ...PRELUDE,
    "C=$B/cache",
    'mkdir -p "$C" "$B/legacy" || exit 70',
    'janitor "$B/legacy/j-$H"',
    "shift",
    'for h in "$@"; do if [ -f "$C/$h" ]; then touch "$C/$h"; else echo "$h"; fi; done',
  ]);
  return command(script, [workDir ?? "", ...hashes]);
}

/**
 * Adds files to the cache: a tar of `<sha256>` entries on stdin, moved in atomically, then the
 * cache is cut back to `cacheBytes`, least recently used (mtime) first. Jobs hold hard links to
 * what they use, so eviction never pulls a file from under a running job.
 */
export function legacyPutCommand(workDir: string | null, cacheBytes: number): string {
  const script = line([
    ...PRELUDE,
    "C=$B/cache",
    'mkdir -p "$C" || exit 70',
    'P=$(mktemp -d "$C/.put-XXXXXX") || exit 70',
    'tar -xf - -C "$P" || { rm -rf "$P"; exit 71; }',
    'for f in "$P"/*; do [ -f "$f" ] && mv -f "$f" "$C/${f##*/}"; done',
    'rm -rf "$P"',
    'find "$C" -maxdepth 1 -type f -printf "%T@ %s %p\\n" 2>/dev/null | sort -rn |' +
      ' awk -v m="$2" "{t+=\\$2} t>m {print \\$3}" | xargs -r rm -f',
  ]);
  return command(script, [workDir ?? "", String(cacheBytes)]);
}

export interface LegacyJobArgs {
  workDir: string | null;
  /** Seconds given to the tool as --timeout. */
  timeoutSec: number;
  /** After timeoutSec + killGraceSec the tool gets SIGTERM, killGraceSec later SIGKILL. */
  killGraceSec: number;
  legacyCommand: string;
  top: string;
  tbName: string;
  rtl: { name: string; sha256: string }[];
}

/**
 * One legacy job: unpacks the testbench (a tar on stdin), links the repository files from the
 * cache, runs the tool under `timeout` (its own process group, killed whole), prints
 * result.json, and always removes the job directory.
 * Exit 97 + `LLM4COV-NEED <sha>...`: the cache lost a file; send it and run again.
 */
export function legacyJobCommand(a: LegacyJobArgs): string {
  const run =
    `cd "$J" && exec ${a.legacyCommand} --workdir "$J" --tb "$J/$TB" --sv_files "$@"` +
    ` --dut ${shq(a.top)} --timeout "$T" --outfile "$J/result.json"`;
  const script = line([
    ...PRELUDE,
    "C=$B/cache",
    "J=$B/legacy/j-$H-$$",
    "T=$2",
    "K=$3",
    "RUN=$4",
    "TB=$5",
    "shift 5",
    "TP=",
    'mkdir -p "$C" "$J" || exit 70',
    'fin() { [ -z "$TP" ] || kill -9 -"$TP" 2>/dev/null; sweep "$J"; }',
    "trap fin EXIT",
    ...TRAPS,
    'echo "LLM4COV-PID $$" >&2',
    'tar -xf - -C "$J" || exit 71',
    "need=",
    "k=0",
    'for a do shift; if [ $k = 0 ]; then n=$a; k=1; else k=0; mkdir -p "$(dirname "$J/$n")";' +
      ' if [ -f "$C/$a" ]; then ln -f "$C/$a" "$J/$n" 2>/dev/null || cp "$C/$a" "$J/$n"; touch "$C/$a";' +
      ' else need="$need $a"; fi; set -- "$@" "$J/$n"; fi; done',
    'if [ -n "$need" ]; then echo "LLM4COV-NEED$need"; exit 97; fi',
    "export J TB T",
    'timeout -k "$K" "$((T + K))" sh -c "$RUN" llm4cov-legacy "$@" >"$J/.log" 2>&1 & TP=$!',
    'wait "$TP"',
    "rc=$?",
    "TP=",
    'if [ -s "$J/result.json" ]; then cat "$J/result.json"; else tail -c 8000 "$J/.log" >&2; fi',
    "exit $rc",
  ]);
  const files = a.rtl.flatMap((f) => [f.name, f.sha256]);
  return command(script, [
    a.workDir ?? "",
    String(a.timeoutSec),
    String(a.killGraceSec),
    run,
    a.tbName,
    ...files,
  ]);
}

/** Stops a legacy job (its wrapper's TERM trap kills the tool's process group and cleans up). */
export const killCommand = (pid: number): string => `kill -TERM ${pid} 2>/dev/null; true`;
