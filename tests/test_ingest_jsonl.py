"""ingest into a JSON Lines registry: lines appended, an entry's line gaining its reports."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import tomli
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.registry import parse_registry

EXAMPLES = Path(__file__).parent.parent / "examples"
ARGS = ["--source-id", "herald", "--outlet", "Coast Herald", "--date", "2024-05-06"]
KINDS = (("sources", "source"), ("speakers", "speaker"),
         ("quotations", "quotation"), ("figures", "figure"))  # fmt: skip


def _as_jsonl(toml_path: Path, out: Path) -> Path:
    """The same registry written as JSON Lines, one table a line, in file order."""
    raw = tomli.loads(toml_path.read_text(encoding="utf-8"))
    lines = ['{"schema": 1}']
    for table, kind in KINDS:
        for entry in raw.get(table, []):
            lines.append(json.dumps({"type": kind, **entry}, ensure_ascii=False, default=str))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _ingest(registry: Path, *extra: str):  # type: ignore[no-untyped-def]
    article = EXAMPLES / "harbour-article.md"
    args = ["--registry", str(registry), "ingest", str(article), *ARGS, *extra]
    return CliRunner().invoke(cli, args, catch_exceptions=False, prog_name="factcheck")


@pytest.fixture
def both(tmp_path: Path) -> tuple[Path, Path]:
    toml = tmp_path / "harbour.toml"
    shutil.copy(EXAMPLES / "harbour.toml", toml)
    return toml, _as_jsonl(toml, tmp_path / "harbour.jsonl")


def _tables(path: Path) -> tuple[object, ...]:
    registry, problems = parse_registry(path.read_text(encoding="utf-8"), str(path))
    assert problems == []
    # Where each entry stands in its file differs between the two layouts.
    quotations = tuple(replace(q, line=0) for q in registry.quotations)
    figures = tuple(replace(f, line=0) for f in registry.figures)
    return dict(registry.sources), dict(registry.speakers), quotations, figures


def test_ingest_into_jsonl_reads_back_as_the_same_registry_as_into_toml(
    both: tuple[Path, Path],
) -> None:
    toml, jsonl = both
    assert _tables(toml) == _tables(jsonl)  # the same registry to start with
    before = jsonl.read_text(encoding="utf-8").splitlines()
    for path in both:
        done = _ingest(path)
        assert done.exit_code == 0, done.output
    assert _tables(toml) == _tables(jsonl)
    after = jsonl.read_text(encoding="utf-8").splitlines()
    # The user's lines stay as written, but for those of entries that gained a report;
    # the new source, speakers and entries come after them.
    changed = [k for k, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    assert changed, "the article adds a report to an existing entry"
    for k in changed:
        old, new = json.loads(before[k]), json.loads(after[k])
        assert new["reports"][: len(old["reports"])] == old["reports"]
        assert new["reports"][-1]["source"] == "herald"
        assert {**new, "reports": old["reports"]} == old
    added = [json.loads(line) for line in after[len(before) :]]
    assert added[0] == {"type": "source", "id": "herald", "outlet": "Coast Herald",
                        "date": "2024-05-06", "file": "harbour-article.md"}  # fmt: skip
    assert {t["type"] for t in added[1:]} <= {"speaker", "quotation", "figure"}


def test_dry_run_on_jsonl_prints_the_diff_and_writes_nothing(both: tuple[Path, Path]) -> None:
    _, jsonl = both
    before = jsonl.read_bytes()
    done = _ingest(jsonl, "--dry-run")
    assert done.exit_code == 0, done.output
    assert f"+++ {jsonl} (after ingest)" in done.output and '+{"type": "source"' in done.output
    assert jsonl.read_bytes() == before


def test_a_new_jsonl_registry_is_started(tmp_path: Path) -> None:
    target = tmp_path / "new.jsonl"
    done = _ingest(target)
    assert done.exit_code == 0, done.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"schema": 1}' and len(lines) > 2
    sources, _, quotations, figures = _tables(target)
    assert list(sources) == ["herald"] and quotations and figures  # type: ignore[call-overload]


def test_the_same_source_twice_into_jsonl_is_refused(both: tuple[Path, Path]) -> None:
    _, jsonl = both
    assert _ingest(jsonl).exit_code == 0
    again = jsonl.read_bytes()
    done = CliRunner().invoke(
        cli,
        ["--registry", str(jsonl), "ingest", str(EXAMPLES / "harbour-article.md"), *ARGS],
    )
    assert done.exit_code == 2 and "already in the registry" in done.output
    assert "Traceback" not in done.output and jsonl.read_bytes() == again


def test_an_entry_written_with_escaped_keys_still_gains_its_report(
    both: tuple[Path, Path],
) -> None:
    # JSON may spell any key with escapes; the quick look for '"id"' must not lose
    # the report of such an entry.
    toml, jsonl = both
    escaped = [
        line.replace('"id":', '"\\u0069d":') if '"type": "figure"' in line else line
        for line in jsonl.read_text(encoding="utf-8").splitlines()
    ]
    jsonl.write_text("\n".join(escaped) + "\n", encoding="utf-8")
    for path in both:
        assert _ingest(path).exit_code == 0
    assert _tables(toml) == _tables(jsonl)
