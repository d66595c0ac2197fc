#!/usr/bin/env bash
# Render the HTML review report of the seeds and take a screenshot of it in headless Chromium.
#
#   scripts/html_report_screenshot.sh [OUT_DIR]      (default: a new temporary folder)
#
# Prints the paths of the HTML file and the PNG. Needs Debian's `chromium` (apt-get install -y
# chromium). Exit 0 on success, 3 when Chromium is missing, 1 on any other failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="${1:-$(mktemp -d)}"
mkdir -p "$OUT"
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$CHROMIUM" ]]; then
    echo "chromium not installed (apt-get install -y chromium)" >&2
    exit 3
fi
HTML="$OUT/report.html"
PNG="$OUT/report.png"
# The seeds are copied so that nothing here can touch the originals; one finding of the first
# document is dismissed and one accepted, so the page shows every review state.
cp -r "$ROOT/seeds" "$OUT/seeds"
(cd "$OUT" && "$PY" - "$HTML" <<'PYEOF'
import sys
from mtqa.core.config import Config
from mtqa.engine.runner import run
from mtqa.core.review import Decision
from mtqa.reports import html

cfg = Config(language="pt", variant="BR", review_file="")
result = run(["seeds"], cfg, use_review=False)
first = [f for f in result.findings if f.path == result.documents[0].path]
decisions = {}
if len(first) >= 2:
    decisions[first[0].fingerprint] = Decision(first[0].fingerprint, "dismissed", note="example")
    decisions[first[1].fingerprint] = Decision(first[1].fingerprint, "accepted")
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    html.render(result, fh, decisions=decisions, title="mtqa review: seeds")
print(f"{len(result.documents)} documents, {len(result.findings)} findings", file=sys.stderr)
PYEOF
)
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,900 \
    --screenshot="$PNG" "file://$HTML" >/dev/null 2>&1
test -s "$PNG"
echo "$HTML"
echo "$PNG"
