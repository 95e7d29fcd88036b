"""The simplest matcher a user could script: the batch benchmark's yardstick.

    python benchmarks/baseline_matcher.py REGISTRY CLAIMS.jsonl > out.jsonl

Every registry string (quotation wordings, sentences, figure subjects) in one
list; for each claim, rapidfuzz `process.extractOne` with `token_set_ratio`
over all of it, one call per claim, and the best string's score written out.
It gives no verdict, no reasons and no evidence: only the nearest string.
"""

from __future__ import annotations

import json
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from rapidfuzz import fuzz, process


def registry_strings(path: str) -> list[str]:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    strings: list[str] = []
    for q in data.get("quotations", []):
        strings.append(q["text"])
        for r in q.get("reports", []):
            strings.extend(s for s in (r.get("text"), r.get("sentence")) if s)
    for fig in data.get("figures", []):
        strings.append(fig.get("subject", ""))
        strings.extend(r["sentence"] for r in fig.get("reports", []) if r.get("sentence"))
    return strings


def main() -> int:
    strings = registry_strings(sys.argv[1])
    out = sys.stdout
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            claim = json.loads(line)["claim"]
            best = process.extractOne(claim, strings, scorer=fuzz.token_set_ratio)
            out.write(
                json.dumps({"match": best[0] if best else "", "score": best[1] if best else 0})
            )
            out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
