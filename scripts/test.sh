#!/usr/bin/env bash
# The one test command (`npm test`): installs what the tests need on a fresh machine, then runs
# every test. Azurite is started by the tests themselves (vitest global setup) from node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependencies exactly as locked; skipped when node_modules is newer than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Browser tests use Debian's Chromium (never a browser downloaded by a test tool).
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npx vitest run "$@"
