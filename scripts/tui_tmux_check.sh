#!/usr/bin/env bash
# Drive the real `mtqa review` in tmux on a copy of seeds/ and check what the screen shows.
#
#   scripts/tui_tmux_check.sh            (exit 0 when every check passes; prints each step)
#
# Works on a temporary copy, so the seeds and the repository's decisions are never touched.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MTQA="${MTQA:-$ROOT/.venv/bin/mtqa}"
WORK="$(mktemp -d)"
SESSION="mtqa-check-$$"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"' EXIT

cp -r "$ROOT/seeds" "$WORK/seeds"
printf 'language = "pt"\nvariant = "BR"\n' > "$WORK/mtqa.toml"
cd "$WORK"

fail() { echo "FAIL: $*" >&2; echo "--- screen ---" >&2; screen >&2; exit 1; }
screen() { tmux capture-pane -p -t "$SESSION"; }
# wait_for TEXT [SECONDS]: poll the screen until TEXT appears
wait_for() {
    local deadline=$((SECONDS + ${2:-15}))
    until screen | grep -qF -- "$1"; do
        (( SECONDS < deadline )) || fail "screen never showed '$1'"
        sleep 0.2
    done
    echo "ok: screen shows '$1'"
}
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.3; }

before=$("$MTQA" lint seeds --no-review --exit-zero | wc -l)

tmux new-session -d -s "$SESSION" -x 80 -y 24 -c "$WORK" "$MTQA review seeds"
wait_for "Documents" 20
wait_for "reviewed" 20
wait_for "000_26149f8c" 20
wait_for "reviewed │ 5 docs" 60                         # every document checked in the background
screen | grep -qE "⟧[0-9]+[EWI]·[A-Z]{2}" || fail "no highlighted span marker in the article"
echo "ok: article shows span markers"
wait_for "n Next"                             # footer from the binding table

keys a
wait_for "accepted"
[[ $(wc -l < mtqa-review.jsonl) -eq 1 ]] || fail "decision not on disk after 'a'"
echo "ok: decision written at once"

keys x
wait_for "as a false positive"
keys Enter
wait_for "dismissed"
[[ $(grep -c '"dismissed"' mtqa-review.jsonl) -eq 1 ]] || fail "dismissal not on disk"
echo "ok: dismissal written at once"

keys n n p
keys ?
wait_for "mtqa review — keys"
wait_for "next finding"
keys Escape
wait_for "Findings"

keys v
wait_for "Filter findings"
keys -l "sev:warning"
wait_for "sev:warning"
keys Enter
wait_for "filter: sev:warning"
keys v
wait_for "Filter findings"
keys C-u
keys Enter
wait_for "filter cleared"

keys e
wait_for "Export a report"
keys Enter
wait_for "exported html to mtqa-review.html"
grep -q "<mark " mtqa-review.html || fail "export has no highlights"
echo "ok: HTML export written"

keys q
for _ in $(seq 50); do tmux has-session -t "$SESSION" 2>/dev/null || break; sleep 0.1; done
tmux has-session -t "$SESSION" 2>/dev/null && fail "q did not quit"
echo "ok: quit"

after=$("$MTQA" lint seeds --exit-zero | wc -l)
[[ $after -eq $((before - 1)) ]] || fail "lint reported $after findings, expected $((before - 1))"
echo "ok: mtqa lint honours the dismissal ($before -> $after findings)"

# reopening shows the decisions
tmux new-session -d -s "$SESSION" -x 120 -y 30 -c "$WORK" "$MTQA review seeds"
wait_for "2/" 20
screen | grep -q "✓" || fail "accepted mark not shown after reopening"
screen | grep -q "✗" || fail "dismissed mark not shown after reopening"
echo "ok: decisions shown after reopening"
keys q
echo "all tmux checks passed"
