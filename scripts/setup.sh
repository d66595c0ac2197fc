#!/usr/bin/env bash
# Set up everything mtqa needs on a fresh Debian machine with Python 3.11+:
#   - Debian's hunspell dictionaries and libenchant (word lists for language and spelling checks);
#   - a virtual environment in .venv with mtqa and its test dependencies.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
DEBS="libenchant-2-2 hunspell-pt-br hunspell-pt-pt hunspell-en-us hunspell-it"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages with sudo:$missing" >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "setup: cannot install$missing (not root, no apt-get); mtqa will skip the checks that need them" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 \
  | grep -v "^WARNING: Location" || true
# Byte-compile mtqa itself: an editable install writes no .pyc, and with PYTHONDONTWRITEBYTECODE
# set (as on this machine and many CI runners) Python never does, so every `mtqa lint` would
# compile mtqa's ~30,000 lines from source again (0.1-0.2 s of its start). Stale files are
# harmless: Python checks each one against its source and recompiles in memory when it changed.
.venv/bin/python -m compileall -q -j 0 mtqa >/dev/null
.venv/bin/python -c "import mtqa" >/dev/null
echo "setup: ready (.venv)" >&2
