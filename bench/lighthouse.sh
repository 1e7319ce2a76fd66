#!/usr/bin/env bash
# Lighthouse (mobile preset) on Next up and a brief page, against the system Chromium.
# Installs the npm package `lighthouse` into a cache folder on first use (never a browser).
#   bench/lighthouse.sh            RUNS=1 bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"   # 13.x needs Node >= 22
LIGHTHOUSE_DIR="${LIGHTHOUSE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tipoff-lighthouse}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH: run 'make chromium'" >&2; exit 1; }
if [ ! -x "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" ]; then
  echo "installing lighthouse@$LIGHTHOUSE_VERSION into $LIGHTHOUSE_DIR" >&2
  mkdir -p "$LIGHTHOUSE_DIR"
  npm install --prefix "$LIGHTHOUSE_DIR" --no-audit --no-fund --loglevel=error \
    "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi
export LIGHTHOUSE="$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse"
exec .venv/bin/python bench/lighthouse.py
