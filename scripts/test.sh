#!/usr/bin/env bash
# The one test command (`npm test`): installs what the tests need on a fresh machine, then runs
# every test. Azurite is started by the tests themselves (vitest global setup) from node_modules.
# It says what it installs before it does; README.md ("Tests") lists the same.
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependencies exactly as locked; skipped when node_modules is newer than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "test.sh: installing the locked npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

# Browser tests use a Chromium on this machine, never one downloaded by a test tool:
# CHROMIUM_PATH if set, else the usual places, else Debian's package via apt-get.
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x "$CHROMIUM_PATH" ]; then echo "test.sh: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2; exit 1; fi
  echo "test.sh: browser tests use CHROMIUM_PATH=$CHROMIUM_PATH"
elif [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || [ -x /usr/bin/google-chrome ] || [ -x /usr/bin/google-chrome-stable ]; then
  :
elif command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  echo "test.sh: no Chromium found; installing Debian's 'chromium' package: ${SUDO:+sudo }apt-get update && apt-get install chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
else
  echo "test.sh: no Chromium found and no apt-get to install one: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/it" >&2
  exit 1
fi

# Charts are rasterised with fonts given by file (DejaVu Sans), so text renders the same everywhere.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ ! -f /usr/share/fonts/dejavu/DejaVuSans.ttf ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    echo "test.sh: chart fonts missing; installing Debian's 'fonts-dejavu-core' package: ${SUDO:+sudo }apt-get install fonts-dejavu-core"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core
  else
    echo "test.sh: DejaVu Sans not found and no apt-get: install the DejaVu fonts (fonts-dejavu-core)" >&2
    exit 1
  fi
fi

npx vitest run "$@"
