#!/usr/bin/env bash
# Provides a modern Verilator (>= the pinned minimum) without touching the system's apt setup.
#   1. LLM4COV_VERILATOR_ROOT, `verilator` on PATH, or an earlier build in the cache that is
#      new enough: nothing to do.
#   2. Otherwise fetch Debian's source package with a private apt configuration (own sources
#      list with a deb-src line for unstable, own lists and cache dirs), build only the
#      optimised binary (`make -C src opt`), and install a relocatable tree into
#      $LLM4COV_CACHE/verilator/<version>/ (bin/ + include/, used with VERILATOR_ROOT).
# Never fatal: on failure it says why and the system Verilator stays in use (with a warning,
# also in `llm4cov eda check`). Idempotent; a lock keeps concurrent setups from building twice.
set -uo pipefail
cd "$(dirname "$0")/.."

PIN="$(tr -d ' \n' < assets/verilator/VERSION)" # e.g. 5.048-1
MIN_UPSTREAM="${PIN%%-*}"                        # 5.048
CACHE="${LLM4COV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/llm4cov}"
VROOT="$CACHE/verilator"

log() { echo "setup: verilator: $*" >&2; }

# Version of a `verilator` wrapper as MAJOR.MINOR (e.g. 5.048), or empty.
version_of() {
  local out
  out="$("$@" --version 2>/dev/null | head -1)" || return 0
  [[ "$out" =~ Verilator[[:space:]]+([0-9]+)\.([0-9]+) ]] && printf '%d.%03d' "${BASH_REMATCH[1]}" "$((10#${BASH_REMATCH[2]}))"
}
new_enough() { [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$MIN_UPSTREAM" "$1" | sort -V | head -1)" = "$MIN_UPSTREAM" ]; }

if [ -n "${LLM4COV_VERILATOR_ROOT:-}" ]; then
  v="$(VERILATOR_ROOT="$LLM4COV_VERILATOR_ROOT" version_of "$LLM4COV_VERILATOR_ROOT/bin/verilator")"
  if new_enough "$v"; then exit 0; fi
  log "LLM4COV_VERILATOR_ROOT=$LLM4COV_VERILATOR_ROOT holds Verilator '${v:-none}', older than $MIN_UPSTREAM; looking further"
fi
if command -v verilator >/dev/null 2>&1 && new_enough "$(version_of verilator)"; then exit 0; fi
for d in "$VROOT"/*/; do
  [ -f "$d/READY" ] || continue
  if new_enough "$(VERILATOR_ROOT="${d%/}" version_of "${d%/}/bin/verilator")"; then exit 0; fi
done

if [ "${LLM4COV_SKIP_VERILATOR_BUILD:-}" = "1" ]; then
  log "LLM4COV_SKIP_VERILATOR_BUILD=1: using the system Verilator ($(version_of verilator || true))"
  exit 0
fi

mkdir -p "$VROOT"
exec 9>"$VROOT/.build.lock"
log "waiting for the build lock" && flock 9
# Another setup may have finished the build while we waited.
for d in "$VROOT"/*/; do
  [ -f "$d/READY" ] && new_enough "$(VERILATOR_ROOT="${d%/}" version_of "${d%/}/bin/verilator")" && exit 0
done

fail() {
  log "WARNING: could not build Verilator $PIN: $*"
  # Kept for `llm4cov eda check`, which repeats the reason beside its fallback warning.
  { echo "$(date -u +%FT%TZ) building Verilator $PIN failed: $*"; } > "$VROOT/LAST_FAILURE" 2>/dev/null
  if [ -n "${work:-}" ] && [ -d "$work" ]; then
    rm -rf "$VROOT/last-failure-logs" && mkdir -p "$VROOT/last-failure-logs" && cp "$work"/*.log "$VROOT/last-failure-logs/" 2>/dev/null
    log "build logs kept in $VROOT/last-failure-logs"
  fi
  log "WARNING: falling back to the system Verilator ($(version_of verilator || echo none)); results record the version used"
  exit 0
}

work="$(mktemp -d "$VROOT/build.XXXXXX")" || fail "cannot create a build directory under $VROOT"
trap 'rm -rf "$work"' EXIT

# The Debian archive the system already uses (its first deb URI ending in /debian).
mirror="$(
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
    grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed -E 's/\[[^]]*\]//' | awk '{print $2}'
  } | grep -E '/debian/?$' | head -1
)"
[ -n "$mirror" ] || fail "no Debian archive found in the system's apt sources"

apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror%/} unstable main" > "$apt_dir/sources.list"
APT=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)

log "fetching the source package index (private apt configuration in $apt_dir)"
apt-get "${APT[@]}" update -qq >"$work/apt.log" 2>&1 || fail "apt-get update failed: $(tail -1 "$work/apt.log")"
available="$(apt-cache "${APT[@]}" showsrc verilator 2>/dev/null | awk '/^Version:/{print $2}' | sort -V | tail -1)"
[ -n "$available" ] || fail "the archive serves no verilator source package"
want="$PIN"
if ! apt-cache "${APT[@]}" showsrc verilator 2>/dev/null | grep -qx "Version: $PIN"; then
  log "NOTE: the archive no longer serves $PIN; building its newest, $available"
  want="$available"
fi

for tool in dpkg-source autoconf flex bison g++ make perl python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (setup installs dpkg-dev autoconf flex bison)"
done

cd "$work" || fail "cannot enter $work"
log "downloading verilator $want"
apt-get "${APT[@]}" source --download-only "verilator=$want" >>"$work/apt.log" 2>&1 ||
  fail "apt-get source failed: $(tail -1 "$work/apt.log")"
dpkg-source -x ./verilator_*.dsc src >"$work/extract.log" 2>&1 || fail "dpkg-source -x failed: $(tail -1 "$work/extract.log")"
cd src || fail "the source package did not unpack"

upstream="${want%%-*}"
start=$(date +%s)
log "configuring $upstream"
{ autoconf && ./configure --prefix="$VROOT/$upstream"; } >"$work/configure.log" 2>&1 ||
  fail "configure failed: $(tail -3 "$work/configure.log" | tr '\n' ' ')"
log "building the optimised binary with $(nproc) jobs (about 5 minutes on 2 cores)"
make -C src opt -j"$(nproc)" >"$work/build.log" 2>&1 || fail "make failed: $(grep -m1 -i error "$work/build.log")"

# Relocatable tree: the wrapper, the binary and the runtime headers, used with VERILATOR_ROOT.
dest="$VROOT/$upstream"
stage="$VROOT/.stage-$upstream-$$"
rm -rf "$stage" && mkdir -p "$stage" || fail "cannot write $stage"
cp -a bin "$stage/bin" && cp -a include "$stage/include" || fail "copying the build failed"
VERILATOR_ROOT="$stage" new_enough "$(VERILATOR_ROOT="$stage" version_of "$stage/bin/verilator")" ||
  fail "the built verilator does not run"
printf 'debian-source %s\nbuilt %s in %ss\n' "$want" "$(date -u +%FT%TZ)" "$(($(date +%s) - start))" > "$stage/READY"
rm -rf "$dest" && mv "$stage" "$dest" || fail "cannot install into $dest"
rm -rf "$VROOT/LAST_FAILURE" "$VROOT/last-failure-logs"
chmod -R a+rX "$dest"
log "installed Verilator $want into $dest in $(($(date +%s) - start)) s"
