#!/usr/bin/env bash
# Build a registry for each story from its source articles with `factcheck ingest`
# only (no hand edits), then score its labelled claims and draft with score.py.
#
# Usage, from the project's root with the project installed:
#   eval/stories/run.sh              # every story folder
#   eval/stories/run.sh corral-fire  # one story
#   FACTCHECK=".venv/bin/factcheck" PY=.venv/bin/python eval/stories/run.sh
# The registries are built in a temporary folder (kept when KEEP=1, path printed).
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCORE="${SCORE:-$HERE/../../../shared/eval/score.py}"
FACTCHECK="${FACTCHECK:-factcheck}"
PY="${PY:-python3}"
TMP="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$TMP"' EXIT

stories=("$@")
[ ${#stories[@]} -gt 0 ] || stories=($(cd "$HERE" && ls -d */ | tr -d /))
status=0
for story in "${stories[@]}"; do
  dir="$HERE/$story"
  reg="$TMP/$story/quotes.toml"
  mkdir -p "$TMP/$story/articles"
  echo "== $story" >&2
  for src in "$dir"/sources/*.txt; do
    name="$(basename "$src" .txt)"
    # Header lines "Key: value" up to the first blank line; the body is the article.
    title="$(sed -n '/^$/q;s/^Title: //p' "$src")"
    outlet="$(sed -n '/^$/q;s/^Outlet: //p' "$src")"
    date="$(sed -n '/^$/q;s/^Date: //p' "$src")"
    url="$(sed -n '/^$/q;s/^URL: //p' "$src")"
    body="$TMP/$story/articles/$name.md"
    sed '1,/^$/d' "$src" > "$body"
    args=(--source-id "s$name" --outlet "$outlet" --title "$title" --url "$url")
    [ -n "$date" ] && args+=(--date "$date")
    $FACTCHECK --registry "$reg" ingest "$body" "${args[@]}" >/dev/null || { echo "ingest failed: $src" >&2; status=2; }
  done
  $FACTCHECK --registry "$reg" registry check >&2 || status=2
  echo "-- $story claims" >&2
  $PY "$SCORE" --factcheck "$FACTCHECK --registry $reg" --claims "$dir/claims.jsonl" --only claims || status=1
  echo "-- $story draft" >&2
  $PY "$SCORE" --factcheck "$FACTCHECK --registry $reg" --draft "$dir/draft.md" --expected "$dir/draft.expected.jsonl" --only draft || status=1
done
[ "${KEEP:-0}" = 1 ] && echo "registries kept in $TMP" >&2
exit $status
