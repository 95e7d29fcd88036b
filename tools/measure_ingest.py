"""How much of the shipped registry `factcheck ingest` recovers from the seed articles.

    python tools/measure_ingest.py [--seeds ../shared/seeds]

Starts from an empty registry, ingests each seed article in turn (the same
propose and merge steps as the command), and compares the result with the
shipped quotes.toml, report by report:

- a quotation report is recovered when the same source yields the same words
  (as factcheck compares quotations) from a speaker with one of the shipped
  speaker's names;
- a figure report is recovered when the same source yields the same printed
  figure with the same value and unit (compared as quantities, so 10 bcm is
  10 billion cubic metres).

Recall is per shipped report and per shipped entry (an entry counts when any
of its reports is recovered); precision is the share of ingested reports
that are a shipped one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.ingest.merge import merge  # noqa: E402
from factcheck.ingest.propose import propose  # noqa: E402
from factcheck.model import Figure, Quotation, Registry, Speaker  # noqa: E402
from factcheck.quotations.normalize import quote_words, real_words  # noqa: E402
from factcheck.registry.loader import parse_registry  # noqa: E402


def ingest_all(shipped: Registry, seeds: Path) -> Registry:
    text = "schema = 1\n"
    for source in sorted(shipped.sources.values(), key=lambda s: s.id):
        registry, _ = parse_registry(text, "built.toml")
        article = (seeds / source.file).read_text(encoding="utf-8")
        text = merge(text, propose(article, registry, source))
    built, problems = parse_registry(text, "built.toml")
    if problems:
        raise SystemExit(f"the merged registry has problems: {problems[0]}")
    return built


def words(text: str) -> tuple[str, ...]:
    return tuple(w.norm for w in real_words(quote_words(text)))


def same_words(a: str, b: str) -> bool:
    x, y = words(a), words(b)
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    n = len(short)
    return (
        n > 0
        and any(long[i : i + n] == short for i in range(len(long) - n + 1))
        and n >= 0.8 * len(long)
    )


def names(sp: Speaker) -> set[str]:
    return {n.lower() for n in sp.names}


def quote_reports(r: Registry) -> list[tuple[Quotation, str, str]]:
    return [(q, rep.source, rep.text or q.text) for q in r.quotations for rep in q.reports]


def figure_reports(r: Registry) -> list[tuple[Figure, str, str, tuple[object, ...]]]:
    out = []
    for f in r.figures:
        for rep in f.reports:
            q = rep.quantity
            noun = q.following[0] if q.dimension == "count" and q.following else ""
            key = (q.dimension, round(q.lo, 6), round(q.hi, 6), noun)
            out.append((f, rep.source, rep.text, key))
    return out


def measure(shipped: Registry, built: Registry) -> dict[str, tuple[int, int]]:
    got_q = quote_reports(built)
    want_q = quote_reports(shipped)

    def q_hit(w: tuple[Quotation, str, str], g: tuple[Quotation, str, str], speaker: bool) -> bool:
        if w[1] != g[1] or not same_words(w[2], g[2]):
            return False
        return not speaker or bool(
            names(shipped.speakers[w[0].speaker]) & names(built.speakers[g[0].speaker])
        )

    q_found = [w for w in want_q if any(q_hit(w, g, True) for g in got_q)]
    q_true = [g for g in got_q if any(q_hit(w, g, False) for w in want_q)]
    got_f, want_f = figure_reports(built), figure_reports(shipped)

    def f_hit(
        w: tuple[Figure, str, str, tuple[object, ...]],
        g: tuple[Figure, str, str, tuple[object, ...]],
        unit: bool,
    ) -> bool:
        same_place = w[1] == g[1] and (g[2] in w[2] or w[2] in g[2])
        return same_place and (not unit or w[3] == g[3])

    f_found = [w for w in want_f if any(f_hit(w, g, True) for g in got_f)]
    f_true = [g for g in got_f if any(f_hit(w, g, False) for w in want_f)]
    return {
        "quotation reports, right speaker (recall)": (len(q_found), len(want_q)),
        "quotation entries, right speaker (recall)": (
            len({w[0].id for w in q_found}),
            len(shipped.quotations),
        ),
        "quotation reports (precision)": (len(q_true), len(got_q)),
        "figure reports, right value and unit (recall)": (len(f_found), len(want_f)),
        "figure entries, right value and unit (recall)": (
            len({w[0].id for w in f_found}),
            len(shipped.figures),
        ),
        "figure reports (precision)": (len(f_true), len(got_f)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--registry", type=Path, default=ROOT / "quotes.toml")
    parser.add_argument("--missed", action="store_true", help="list what was not recovered")
    args = parser.parse_args()
    shipped = Registry.load(str(args.registry))
    built = ingest_all(shipped, args.seeds)
    results = measure(shipped, built)
    for label, (hit, total) in results.items():
        print(f"{label:<48} {hit:>4} / {total:<4} {hit / total if total else 0:6.1%}")
    if args.missed:
        show_missed(shipped, built)
    return 0


def show_missed(shipped: Registry, built: Registry) -> None:
    got = quote_reports(built)
    for q, source, text in quote_reports(shipped):
        same = [g for g in got if g[1] == source and same_words(text, g[2])]
        if not same:
            print("missed quotation", source, q.speaker, text[:70])
        elif not any(
            names(shipped.speakers[q.speaker]) & names(built.speakers[g[0].speaker]) for g in same
        ):
            print("wrong speaker", source, q.speaker, [g[0].speaker for g in same], text[:50])
    gotf = figure_reports(built)
    for f, source, text, key in figure_reports(shipped):
        hits = [g for g in gotf if g[1] == source and (g[2] in text or text in g[2])]
        if not hits or all(g[3] != key for g in hits):
            print("missed figure", source, f.id, text, key, [g[3] for g in hits])


if __name__ == "__main__":
    raise SystemExit(main())
