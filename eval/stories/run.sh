#!/usr/bin/env bash
# Build each story's registry with `factcheck ingest` alone (no hand edits),
# then score its labelled claims and draft with ../shared/eval/score.py.
#
# Usage, from the project's root:  eval/stories/run.sh [STORY ...]
# Needs ../shared/eval/score.py (the shared scorer) and factcheck installed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCORE="${SCORE:-$HERE/../../../shared/eval/score.py}"
PY="${PY:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
stories=("$@")
if [ ${#stories[@]} -eq 0 ]; then
    for d in "$HERE"/*/; do stories+=("$(basename "$d")"); done
fi
for story in "${stories[@]}"; do
    dir="$HERE/$story"
    registry="$WORK/$story.toml"
    tail -n +2 "$dir/sources.tsv" | while IFS=$'\t' read -r file id outlet date url; do
        factcheck --registry "$registry" ingest "$dir/sources/$file" \
            --source-id "$id" --outlet "$outlet" --date "$date" --url "$url" >/dev/null
    done
    echo "== $story ($(grep -c '^\[\[figures\]\]' "$registry") figures, $(grep -c '^\[\[quotations\]\]' "$registry") quotations)"
    "$PY" "$SCORE" --factcheck "factcheck --registry $registry" \
        --claims "$dir/claims.jsonl" --draft "$dir/draft.md" --expected "$dir/draft.expected.jsonl" \
        | { if [ -n "${VERBOSE:-}" ]; then cat; else tail -n 1; fi; }
done
