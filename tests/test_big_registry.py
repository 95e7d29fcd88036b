"""Registries too large to hold: JSON Lines, and the index built streaming in chunks.

The streaming build must write exactly the rows the in-memory build writes
(so look-ups answer the same), and say exactly the problems the whole-file
parse says, at the same line and field, however the file is cut.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import InputError, RegistryProblems
from factcheck.matching import store
from factcheck.matching.bulk import stream_store
from factcheck.matching.store import build_store
from factcheck.registry.codec import decode_rows
from factcheck.registry.loader import parse_registry, read_registry

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "factcheck" / "data" / "quotes.toml"
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_registry import generate, shipped_lines  # noqa: E402

QUERIES = [
    "SELECT key, value FROM meta ORDER BY key",
    "SELECT id, blob FROM sources ORDER BY id",
    "SELECT id, blob FROM speakers ORDER BY id",
    "SELECT id, quotation, blob FROM wordings ORDER BY id",
    "SELECT id, dimension, blob FROM figures ORDER BY id",
    "SELECT term, docs FROM wording_terms ORDER BY term",
    "SELECT term, docs FROM figure_terms ORDER BY term",
    "SELECT rowid, words FROM figure_words ORDER BY rowid",
]


def rows(db: Path) -> list[object]:
    con = sqlite3.connect(db)
    try:
        found: list[object] = [con.execute(q).fetchall() for q in QUERIES]
        words = con.execute("SELECT rowid, words FROM wording_words ORDER BY rowid")
        found.append([(r, sorted(w.split())) for r, w in words])  # a set's order is free
        # Each word's figures of a dimension, whatever parts the build wrote them in.
        posts: dict[tuple[str, str], list[int]] = {}
        for t, d, blob in con.execute(
            "SELECT term, dimension, rows FROM figure_posts ORDER BY rowid"
        ):
            posts.setdefault((t, d), []).extend(decode_rows(blob))
        found.append(sorted(posts.items()))
        found.append(con.execute("SELECT term FROM figure_odd ORDER BY term").fetchall())
        return found
    finally:
        con.close()


def in_memory(path: Path, out: Path) -> Path:
    registry, problems = read_registry(path)
    assert not problems
    build_store(registry, out)
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.toml"
    generate(1_500, path, progress=False)
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_streaming_build_writes_the_rows_of_the_in_memory_build(
    generated: Path, tmp_path: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chunks of 37 entries: sources, speakers, quotations and figures cut many times;
    # the words' lists of figures written out every 700 row numbers, in many parts.
    monkeypatch.setattr(store, "FLUSH_POSTINGS", 700)
    stream_store(generated, str(generated), tmp_path / "s.sqlite", jobs=jobs, per_chunk=37)
    assert rows(tmp_path / "s.sqlite") == rows(in_memory(generated, tmp_path / "m.sqlite"))


def test_a_jsonl_registry_indexes_as_its_toml_twin(generated: Path, tmp_path: Path) -> None:
    twin = tmp_path / "big.jsonl"
    generate(1_500, twin, progress=False)
    stream_store(twin, str(generated), tmp_path / "j.sqlite", jobs=2, per_chunk=50)
    stream_store(generated, str(generated), tmp_path / "t.sqlite", jobs=1)
    # Every row but those holding the line an entry starts on (one a line in JSON Lines).
    jsonl, toml = rows(tmp_path / "j.sqlite"), rows(tmp_path / "t.sqlite")
    assert [jsonl[k] for k in (0, 1, 2, 5, 6, 7, 8)] == [toml[k] for k in (0, 1, 2, 5, 6, 7, 8)]
    toml_reg, _ = read_registry(generated)
    jsonl_reg, problems = read_registry(twin)
    assert not problems
    assert [q.text for q in jsonl_reg.quotations] == [q.text for q in toml_reg.quotations]
    assert [f.quantity for f in jsonl_reg.figures] == [f.quantity for f in toml_reg.figures]
    assert dict(jsonl_reg.sources) == dict(toml_reg.sources)


def where(problems: list[InputError]) -> list[tuple[int, str, str]]:
    return sorted((p.line, p.field, p.message) for p in problems)


BROKEN_TAIL = """
[[quotations]]
id = "late-q"
speaker = "nobody-known"
text = "words"

  [[quotations.reports]]
  source = "s000-newsroom"
  sentence = "words, he said"

[[figures]]
id = "late-q"
subject = "a figure"
keywords = ["figure"]
value = 12
unit = "furlongs-of-nothing"

  [[figures.reports]]
  source = "no-such-source"
  value = 12
  sentence = "12 furlongs"

[[quotations]]
id = "border-length"
speaker = "putin"

[[sources]]
id = "bad source"
outlet = "X"

[[quotations]]
id = "not one word"
speaker = "putin"
text = "words"

  [[quotations.reports]]
  source = "s000-newsroom"
  sentence = "words, he said"
"""


def test_streaming_problems_are_the_whole_file_problems(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8") + BROKEN_TAIL
    path = tmp_path / "quotes.toml"
    path.write_text(text, encoding="utf-8")
    _, expected = parse_registry(text, str(path))
    assert len(expected) >= 4
    for per_chunk in (1, 3, 1000):
        with pytest.raises(RegistryProblems) as caught:
            stream_store(
                path, str(path), tmp_path / f"{per_chunk}.sqlite", jobs=2, per_chunk=per_chunk
            )
        assert where(caught.value.problems) == where(expected)


def test_a_toml_syntax_error_deep_in_the_file_names_its_line(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8") + '\n[[figures]]\nid = "x\n'
    path = tmp_path / "quotes.toml"
    path.write_text(text, encoding="utf-8")
    from factcheck.errors import RegistryError

    with pytest.raises(RegistryError) as whole:
        parse_registry(text, str(path))
    with pytest.raises(RegistryError) as streamed:
        stream_store(path, str(path), tmp_path / "s.sqlite", jobs=2, per_chunk=5)
    assert (streamed.value.line, streamed.value.message) == (whole.value.line, whole.value.message)
    assert streamed.value.line == text.count("\n")


BAD_LINES = [
    ('{"type": "quotation", "id": "q1", "speaker": "putin", "text": "x"', 1, "", "JSON: "),
    ('["not", "an", "object"]', 2, "", "each line must be a JSON object"),
    ('{"id": "q2"}', 3, "type", "missing field 'type'"),
    ('{"type": "quotaton", "id": "q3"}', 4, "type", "did you mean 'quotation'"),
    (
        '{"type": "figure", "id": "f1", "subject": "s", "keywords": ["k"], "unit": "km",'
        ' "reports": [{"source": "s000-newsroom", "value": 5, "sentence": "5 km"}]}',
        5,
        "value",
        "missing field 'value'",
    ),
    (
        '{"type": "quotation", "id": "q4", "speaker": "putin", "text": "x",'
        ' "reports": [{"source": "nope", "sentence": "x"}]}',
        6,
        "reports[0].source",
        "unknown source id 'nope'",
    ),
]


def jsonl_registry(tmp_path: Path, extra: list[str]) -> Path:
    lines = shipped_lines(SHIPPED.read_text(encoding="utf-8"))
    path = tmp_path / "quotes.jsonl"
    path.write_text("\n".join([*extra, *lines]) + "\n", encoding="utf-8")
    return path


def test_jsonl_bad_lines_each_name_line_and_field(tmp_path: Path) -> None:
    path = jsonl_registry(tmp_path, [line for line, *_ in BAD_LINES])
    _, problems = read_registry(path)
    got = {(p.line, p.field): p.message for p in problems}
    for _, line, field, message in BAD_LINES:
        assert message in got[(line, field)], (line, field, got)
    with pytest.raises(RegistryProblems) as caught:
        stream_store(path, str(path), tmp_path / "s.sqlite", jobs=2, per_chunk=2)
    assert where(caught.value.problems) == where(problems)


def test_jsonl_registry_on_the_command_line(tmp_path: Path) -> None:
    good = jsonl_registry(tmp_path, [])
    run = [sys.executable, "-m", "factcheck", "--registry", str(good), "check"]
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    ok = subprocess.run(
        [*run, "Russia shares a 4,209 km border with China.", "--format", "json"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["verdict"] == "supported"
    bad = tmp_path / "bad" / "quotes.jsonl"
    bad.parent.mkdir()
    bad.write_text(good.read_text(encoding="utf-8") + '{"type": "figure", "id": 5}\n')
    run[4] = str(bad)
    failed = subprocess.run(
        [*run, "anything"], capture_output=True, text=True, env=env, check=False
    )
    assert failed.returncode == 2
    last = good.read_text(encoding="utf-8").count("\n") + 1
    assert f"quotes.jsonl:{last} [id]" in failed.stderr, failed.stderr
    assert "Traceback" not in failed.stderr


def test_a_layout_that_cannot_be_cut_is_read_whole(tmp_path: Path) -> None:
    from factcheck.registry.cache import index_file

    # A report table continued after another array's header: legal TOML, and no cut
    # at [[figures]] can keep it with its quotation.
    text = SHIPPED.read_text(encoding="utf-8")
    text += (
        '\n[[quotations]]\nid = "split-q"\nspeaker = "putin"\ntext = "a split quotation"\n'
        '\n[[figures]]\nid = "split-f"\nsubject = "things"\nkeywords = ["things"]\n'
        'value = 3\nunit = "km"\n  [[figures.reports]]\n  source = "s000-newsroom"\n'
        '  value = 3\n  sentence = "3 km of things"\n'
        '\n[[quotations.reports]]\nsource = "s000-newsroom"\nsentence = "a split quotation"\n'
    )
    path = tmp_path / "quotes.toml"
    path.write_text(text, encoding="utf-8")
    index_file(path, str(path), tmp_path / "s.sqlite", lambda _: None)
    assert rows(tmp_path / "s.sqlite") == rows(in_memory(path, tmp_path / "m.sqlite"))


@pytest.mark.parametrize("fixture", ["series.toml", "storm.toml", "shipped"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_conflicts_and_sources_from_the_index_read_no_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: str, fmt: str
) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli
    from factcheck.registry import cache, loader

    source = SHIPPED if fixture == "shipped" else ROOT / "tests" / "fixtures" / fixture
    path = tmp_path / "quotes.toml"
    path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["--registry", str(path)]
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    expected = {
        c: CliRunner().invoke(cli, [*args, c, "--format", fmt], catch_exceptions=False)
        for c in ("conflicts", "sources")
    }
    monkeypatch.delenv("FACTCHECK_NO_CACHE")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "STORE_MIN_BYTES", 0)  # every registry on disk
    CliRunner().invoke(cli, [*args, "check", "anything"], catch_exceptions=False)  # indexes it

    def refuse(*_: object) -> None:
        raise AssertionError("read the whole registry")

    monkeypatch.setattr(loader, "parse_registry", refuse)
    monkeypatch.setattr(loader, "load_registry", refuse)
    for command, want in expected.items():
        got = CliRunner().invoke(cli, [*args, command, "--format", fmt], catch_exceptions=False)
        assert (got.exit_code, got.stdout) == (want.exit_code, want.stdout)


@pytest.mark.parametrize("build", ["stream", "memory"])
def test_the_index_keeps_the_speakers_name_words(tmp_path: Path, build: str) -> None:
    from factcheck.matching.index import build_index
    from factcheck.matching.store import StoredIndex
    from factcheck.registry import load_registry

    db = tmp_path / "s.sqlite"
    if build == "stream":
        stream_store(SHIPPED, str(SHIPPED), db)
    else:
        in_memory(SHIPPED, db)
    con = sqlite3.connect(db)
    kept = con.execute("SELECT count(*) FROM people").fetchone()[0]
    con.close()
    assert kept > 0  # read, not reckoned from every speaker, at each look-up
    memory = build_index(load_registry(SHIPPED))
    stored = StoredIndex(db)
    lower, people = memory.frame_words()
    assert stored.frame_words()[0] == lower
    words = stored.frame_words()[1]
    assert all(w in words for w in sorted(people)[:50]) and "zzz-no-one" not in words
    assert len(words.known) == 51  # asked a word at a time, never all of them
    assert set(words) == people and "zzz-no-one" in (words | {"zzz-no-one"})


@pytest.mark.parametrize("block", [512, 4096])
def test_a_file_read_in_small_blocks_says_the_same_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    # Blocks without a triple quote are cut by a quicker path that counts lines only
    # at a chunk's start; a multi-line string holding a header-like line sits among
    # them, and each problem must still name the line the whole-file parse names.
    from factcheck.registry import chunks

    monkeypatch.setattr(chunks, "BLOCK", block)
    shipped = SHIPPED.read_text(encoding="utf-8")
    cut = shipped.index("[[quotations]]")
    filler = "a line of the note\n" * 60  # longer than a block: the string spans blocks
    note = f'note = """{filler}[[quotations]]\nid = "not a header"\n{filler}"""\n'
    source = shipped.index("\n", shipped.index("[[sources]]")) + 1
    text = shipped[:source] + note + shipped[source:cut] + shipped[cut:] + BROKEN_TAIL
    path = tmp_path / "quotes.toml"
    path.write_text(text, encoding="utf-8")
    _, expected = parse_registry(text, str(path))
    for per_chunk in (1, 7):
        with pytest.raises(RegistryProblems) as caught:
            stream_store(
                path, str(path), tmp_path / f"{per_chunk}.sqlite", jobs=1, per_chunk=per_chunk
            )
        assert where(caught.value.problems) == where(expected)


def test_a_jsonl_source_written_unusually_is_still_read_first(tmp_path: Path) -> None:
    # The first reading skips lines that are surely entries without decoding them; a
    # source whose "type" key is escaped, or given twice, must not be skipped.
    lines = shipped_lines(SHIPPED.read_text(encoding="utf-8"))
    extra = [
        '{"\\u0074ype": "source", "id": "s-escaped", "outlet": "X", "title": "T"}',
        '{"type": "quotation", "id": "s-twice", "outlet": "X", "title": "T", "type": "source"}',
        '{"type": "quotation", "id": "q-esc", "speaker": "putin", "text": "words of it",'
        ' "reports": [{"source": "s-escaped", "sentence": "\\u201cwords of it,\\u201d he said"}]}',
        '{"type": "quotation", "id": "q-twice", "speaker": "putin", "text": "words of it",'
        ' "reports": [{"source": "s-twice", "sentence": "\\u201cwords of it,\\u201d he said"}]}',
    ]
    path = tmp_path / "quotes.jsonl"
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    registry, problems = read_registry(path)
    assert not problems and "s-escaped" in registry.sources and "s-twice" in registry.sources
    stream_store(path, str(path), tmp_path / "s.sqlite", jobs=2, per_chunk=3)
    build_store(registry, tmp_path / "m.sqlite")
    assert rows(tmp_path / "s.sqlite")[1] == rows(tmp_path / "m.sqlite")[1]


@pytest.mark.parametrize("build", ["stream", "memory"])
def test_a_look_up_reads_only_the_names_the_text_holds(
    generated: Path, tmp_path: Path, build: str
) -> None:
    from factcheck.matching.store import StoredIndex
    from factcheck.quotations.names import SpeakerIndex

    db = tmp_path / "s.sqlite"
    if build == "stream":
        stream_store(generated, str(generated), db, jobs=1)
    else:
        in_memory(generated, db)
    registry, _ = read_registry(generated)
    memory = SpeakerIndex(registry.speakers.values())
    stored = StoredIndex(db).speakers
    speakers = list(registry.speakers.values())
    texts = [f"{speakers[-1].name} said so, and {sp.name.split()[-1]} agreed" for sp in speakers]
    texts += ["Vladimir Putin met Xi Jinping", "nobody of note said it", speakers[3].name]
    for text in texts[:40] + texts[-3:]:
        assert stored.mentions(text) == memory.mentions(text), text
    for sp in speakers[:40]:
        surname = sp.name.split()[-1]
        assert stored.by_surname(surname) == memory.by_surname(surname), surname
    # The names read are those keyed by the texts' words, not every speaker's.
    read = sum(len(found) for found in stored._by_key.values())
    assert 0 < read < len(memory.registered_names) / 2
