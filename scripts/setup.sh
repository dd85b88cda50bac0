#!/usr/bin/env bash
# Idempotent setup: installs what is missing and nothing else.
#  - Debian packages the simulators and tests need (skipped when already installed)
#  - npm packages (skipped when node_modules matches package-lock.json)
#  - a modern Verilator (scripts/verilator-build.sh: built once from Debian's source package)
# Safe to run many times; `npm run demo` and `npm test` both call it (`--tests` adds what only
# the test suite needs: redis-server for the queue tests, chromium for the report screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

# verilator: the system one stays as the fallback (and the 5.006 path's tests);
# z3: SMT solver for randomize() with constraints; dpkg-dev autoconf flex bison: the source build.
DEB_PACKAGES=(verilator iverilog ccache g++ make bubblewrap openssh-server openssh-client z3
  dpkg-dev autoconf flex bison libfl-dev rsync)
if [ "${1:-}" = "--tests" ]; then DEB_PACKAGES+=(redis-server chromium); fi

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # apt may be busy right after boot; wait for the lock instead of failing.
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

bash scripts/verilator-build.sh

# npm packages: install when node_modules is absent or older than the lock file.
stamp=node_modules/.llm4cov-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "setup: installing npm packages" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  touch "$stamp"
fi

# Compile the TypeScript sources when dist/ is missing or older than any source file.
if [ ! -f dist/cli/main.js ] || [ -n "$(find src -newer dist/cli/main.js -name '*.ts' -print -quit)" ]; then
  echo "setup: building" >&2
  npx tsc -p tsconfig.build.json >&2
fi
