"""The README's bad-input table, row by row: each input, its one line, its exit status.

Every row of the table in README.md ("Bad input") has a case here under the
same name, and every case here has a row there; a structure test keeps the
two in step. A case builds its input in a temporary folder, runs the
command through CliRunner (stdout and stderr apart) or, for pipes and
signals, as a real process, and checks the line and the status.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli

HERE = Path(__file__).parent
ROOT = HERE.parent
MINI = (HERE / "fixtures" / "mini.toml").read_text(encoding="utf-8")
CLAIM = "The bridge is 1,200 metres long."  # a claim the mini registry knows


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_error_line(r: Result, *expected: str) -> None:
    """Exit 2, and stderr says it in one line that names every expected piece."""
    assert r.exit_code == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in r.stderr + r.stdout
    for piece in expected:
        assert piece in lines[0], (piece, lines[0])


# --- registry -------------------------------------------------------------


def registry_case(change: Callable[[str], str], *expected: str) -> Callable[[Path], None]:
    def case(tmp: Path) -> None:
        path = tmp / "quotes.toml"
        path.write_text(change(MINI), encoding="utf-8")
        r = run("--registry", str(path), "check", CLAIM)
        one_error_line(r, f"{path}:", *expected)

    return case


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def malformed_toml(tmp: Path) -> None:
    broken = MINI.replace('outlet = "Valley Courier"', 'outlet = "Valley Courier')
    path = tmp / "quotes.toml"
    path.write_text(broken, encoding="utf-8")
    r = run("--registry", str(path), "check", CLAIM)
    one_error_line(r, f"{path}:{line_of(broken, 'Valley Courier')}:", "TOML syntax")


# --- drafts ---------------------------------------------------------------


def scan_file(tmp: Path, name: str, content: bytes) -> Result:
    path = tmp / name
    path.write_bytes(content)
    return run("--registry", str(HERE / "fixtures" / "mini.toml"), "scan", str(path))


def draft_not_utf8(tmp: Path) -> None:
    r = scan_file(tmp, "d.md", b"# Title\n\nThe caf\xe9 is open.\n")
    one_error_line(r, "d.md:3:8:", "not UTF-8 text")


def draft_binary(tmp: Path) -> None:
    r = scan_file(tmp, "d.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    one_error_line(r, "d.md:3:", "binary file")  # NUL after two line ends


def draft_empty(tmp: Path) -> None:
    # Not bad input: an empty draft has nothing to check, as ruff and black take it.
    r = scan_file(tmp, "d.md", b"\n  \n")
    assert r.exit_code == 0 and r.stdout == "" and "nothing to check" in r.stderr


def draft_folder(tmp: Path) -> None:
    r = run("scan", str(tmp))  # a folder is searched for drafts; this one has none
    one_error_line(r, str(tmp), "no drafts")


def draft_missing(tmp: Path) -> None:
    one_error_line(run("scan", str(tmp / "nope.md")), "nope.md:", "no such file")


def draft_20mb(tmp: Path) -> None:
    r = scan_file(tmp, "big.md", (CLAIM + "\n").encode() * (20 * 1024 * 1024 // len(CLAIM)))
    one_error_line(r, "big.md:", "larger than 10 MB")


def draft_1mb_line(tmp: Path) -> None:
    # One paragraph on one line: an article pasted without line breaks, many times over.
    prose = "The bridge is 1,200 metres long, Varga said on the quay. " * 18_000
    path = tmp / "line.md"
    path.write_text(prose, encoding="utf-8")
    mini = str(HERE / "fixtures" / "mini.toml")
    r = run("--registry", mini, "scan", str(path), "--format", "jsonl")
    assert r.exit_code == 0 and "Traceback" not in r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 18_000 and {row["line"] for row in rows} == {1}
    assert rows[-1]["column"] == 1 + prose.rindex("1,200")


def draft_unbalanced(tmp: Path) -> None:
    text = (
        "Varga said “This bridge will open the harbour.\n\n"
        "The bridge is 2,000 metres long.\n\n"
        "“A quotation may run on,” she said. “Into the next paragraph\n\n"
        "“and close there,” Berg said.\n"
    )
    r = scan_file(tmp, "d.md", text.encode())
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    problems = r.stdout.splitlines()
    assert problems[0].startswith(f"{tmp / 'd.md'}:1:12 error quotation mark: “ opened here")
    assert any(":3:15 contradicted" in p for p in problems)  # the rest is still checked
    assert len([p for p in problems if " error " in p]) == 1  # a run-on quotation is not one


# --- batch ----------------------------------------------------------------


def batch_rows(tmp: Path, name: str, content: str) -> tuple[Result, list[dict[str, object]]]:
    path = tmp / name
    path.write_text(content, encoding="utf-8")
    mini = str(HERE / "fixtures" / "mini.toml")
    r = run("--registry", mini, "batch", str(path))
    return r, [json.loads(x) for x in r.stdout.splitlines()]


def error_row_and_run_goes_on(name: str, content: str, *expected: str) -> Callable[[Path], None]:
    def case(tmp: Path) -> None:
        r, rows = batch_rows(tmp, name, content)
        assert r.exit_code == 2 and "Traceback" not in r.stderr
        assert [row["verdict"] for row in rows] == ["supported", "error", "supported"]
        for piece in expected:
            assert piece in str(rows[1]["message"]), (piece, rows[1])

    return case


def good(claim_id: str) -> str:
    return json.dumps({"id": claim_id, "claim": CLAIM}) + "\n"


def batch_csv_without_claim(tmp: Path) -> None:
    r, rows = batch_rows(tmp, "c.csv", "id,text\n1,hello\n2,world\n")
    assert r.exit_code == 2 and len(rows) == 1
    assert "c.csv:1: the CSV header has no 'claim' column" in str(rows[0]["message"])


# --- output ---------------------------------------------------------------


def claims_file(tmp: Path, n: int) -> Path:
    path = tmp / "claims.txt"
    path.write_text((CLAIM + "\n") * n, encoding="utf-8")
    return path


def factcheck_process(tmp: Path, *args: str, **kw: object) -> subprocess.Popen[bytes]:
    mini = str(HERE / "fixtures" / "mini.toml")
    command = [sys.executable, "-m", "factcheck", "--registry", mini, *args]
    return subprocess.Popen(command, stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload, no-any-return]


def closed_pipe(tmp: Path) -> None:
    path = claims_file(tmp, 20_000)
    proc = factcheck_process(tmp, "batch", str(path), stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    json.loads(proc.stdout.readline())  # `| head -1`: one row read, then the pipe closes
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 2, err
    assert "Traceback" not in err
    assert re.fullmatch(r"factcheck: output closed after \d+ of 20000 rows; stopped\n", err)
    check = subprocess.run(
        f"{sys.executable} -m factcheck scan {path} --format jsonl --show all | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0 and check.stderr.count("Traceback") == 0


def ctrl_c_during_batch(tmp: Path) -> None:
    path = claims_file(tmp, 50_000)
    out = tmp / "out.jsonl"
    with out.open("wb") as sink:
        proc = factcheck_process(tmp, "batch", str(path), stdout=sink)
        deadline = time.monotonic() + 60
        while out.stat().st_size < 10_000 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        assert proc.wait() == 2, err
    done = re.fullmatch(
        r"factcheck: interrupted after (\d+) of 50000 rows; every finished row was written\n", err
    )
    assert done, err
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == int(done.group(1)) > 0  # every finished row, each whole
    assert [json.loads(row)["id"] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]


def early_ctrl_c_with_jobs(tmp: Path) -> None:
    """Before the first row (here: claims still coming on stdin), with workers asked
    for: the same report as later, never click's bare "Aborted!"."""
    proc = factcheck_process(
        tmp, "batch", "-", "--jobs", "2", stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write(((CLAIM + "\n") * 2_000).encode())
    proc.stdin.flush()
    wchan = Path(f"/proc/{proc.pid}/wchan")
    deadline = time.monotonic() + 60
    while not wchan.read_text().endswith("pipe_read") and time.monotonic() < deadline:
        time.sleep(0.05)  # until it waits for the rest of stdin
    proc.send_signal(signal.SIGINT)
    err = proc.stderr.read().decode()
    assert proc.wait() == 2, err
    assert err == "factcheck: interrupted after 0 rows; every finished row was written\n"


WRONG = "The bridge is 1,300 metres long."  # the mini registry says 1,200


def deep_nesting_read(tmp: Path) -> None:
    items = "".join("  " * i + "- level\n" for i in range(10)) + "  " * 10 + f"- {WRONG}\n"
    for name, text in [("list.md", items), ("quote.md", "> " * 20 + WRONG + "\n")]:
        r = scan_file(tmp, name, text.encode())
        assert r.exit_code == 1 and "contradicted" in r.stdout, (name, r.output)


def lines_the_parser_rewrites(tmp: Path) -> None:
    """Found by the million-input fuzzing run: the Markdown parser turns a tab into
    spaces and takes '>' with U+2029 for a blank line; findings must stay at their
    place in the file (they were two columns, or a line, off)."""
    for text, where in [
        (f"- on opening day\n\t{WRONG}\n", ":2:16 contradicted"),
        (f">\u2029\n{WRONG}\n", ":2:15 contradicted"),
    ]:
        r = scan_file(tmp, "d.md", text.encode())
        assert r.exit_code == 1 and r.stdout.startswith(f"{tmp / 'd.md'}{where}"), r.output


def deeper_than_read(tmp: Path) -> None:
    r = scan_file(tmp, "d.md", ("> " * 200 + WRONG + "\n").encode())
    assert r.exit_code == 2 and "Traceback" not in r.output, r.output
    assert "d.md:1:1 error nesting: lists or blockquotes nested more than 100 levels" in r.stdout


# --- bounds -----------------------------------------------------------------


def long_number_in_claim(tmp: Path) -> None:
    for digits in (310, 4_301):
        r = run("--registry", str(HERE / "fixtures" / "mini.toml"), "check",
                f"The bridge is {'9' * digits} metres long.")  # fmt: skip
        assert r.exit_code == 0 and "Traceback" not in r.stderr + r.stdout, r.output
        assert r.stdout.startswith("unverified")  # no figure anyone checks: left unread
    draft = tmp / "d.md"
    draft.write_text(f"The bridge is {'9' * 4_301} metres long.\n\n{CLAIM}\n", encoding="utf-8")
    r = run("--registry", str(HERE / "fixtures" / "mini.toml"), "scan", str(draft), "--show", "all")
    assert r.exit_code == 0 and "Traceback" not in r.output, r.output


def long_number_in_batch_row(tmp: Path) -> None:
    row = json.dumps({"id": "b", "claim": f"The bridge is {'9' * 4_301} metres long."}) + "\n"
    r, rows = batch_rows(tmp, "c.jsonl", good("a") + row + good("c"))
    assert "Traceback" not in r.stderr
    assert [x["verdict"] for x in rows] == ["supported", "unverified", "supported"]


def value_case(value: str, *expected: str) -> Callable[[Path], None]:
    return registry_case(
        lambda t: re.sub(r"(?m)^value = .*$", lambda _: f"value = {value}", t, count=1), *expected
    )


def non_finite_values(tmp: Path) -> None:
    for value, shown in [("nan", "nan"), ("-inf", "-inf"), ("1e400", "inf")]:
        value_case(value, f"[figures[0].value]: value {shown} is not a finite number")(tmp)


def nested_too_deep(tmp: Path) -> None:
    for deep in ("[" * 3_000 + "]" * 3_000, "{a = " * 3_000 + "1" + "}" * 3_000):
        value_case(deep, "nested too deeply")(tmp)


def not_regular_files(tmp: Path) -> None:
    import os

    fifo = tmp / "fifo"
    os.mkfifo(fifo)
    mini = str(HERE / "fixtures" / "mini.toml")
    for args, what in [
        (["--registry", str(fifo), "check", CLAIM], "a FIFO, not a regular file; not read as a registry"),
        (["--registry", "/dev/zero", "check", CLAIM], "a device, not a regular file"),
        (["--registry", mini, "scan", str(fifo)], "a FIFO, not a regular file; not read as a draft"),
        (["--registry", mini, "batch", "/dev/zero"], "a device, not a regular file; not read as claims"),
        (["--registry", mini, "batch", str(fifo)], "a FIFO, not a regular file; not read as claims"),
    ]:  # fmt: skip
        one_error_line(run(*args), what)
    # A configuration's registry = "/dev/zero" is refused as --registry is.
    (tmp / ".factcheck.toml").write_text('registry = "/dev/zero"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", CLAIM],
        cwd=tmp, capture_output=True, text=True, timeout=60,
        env={**os.environ, "FACTCHECK_REGISTRY": ""},
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "factcheck: error: /dev/zero: a device, not a regular file; not read as a registry"
    ], done.stderr


def csv_unclosed_quote(tmp: Path) -> None:
    text = f'id,claim\na,"{CLAIM}\nb,"{CLAIM}"\nc,"{CLAIM}"\n'
    r, rows = batch_rows(tmp, "c.csv", text)
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert [x["verdict"] for x in rows] == ["error", "supported", "supported"]
    assert "c.csv:2: a quoted cell opened on this line is never closed" in str(rows[0]["message"])


def csv_header_only(tmp: Path) -> None:
    r, rows = batch_rows(tmp, "c.csv", "id,claim\n")
    assert r.exit_code == 2 and len(rows) == 1
    assert "c.csv:1: the CSV has a header and no rows" in str(rows[0]["message"])


def csv_formula(tmp: Path) -> None:
    path = tmp / "c.csv"
    path.write_text('id,claim\n=1+1,"=HYPERLINK(""http://x"")"\n2,@SUM(A1)\n', encoding="utf-8")
    r = run(
        "--registry", str(HERE / "fixtures" / "mini.toml"), "batch", str(path), "--format", "csv"
    )
    import csv
    import io

    cells = [c for row in list(csv.reader(io.StringIO(r.stdout)))[1:] for c in row]
    assert "'=1+1" in cells and '\'=HYPERLINK("http://x")' in cells and "'@SUM(A1)" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def full_device(tmp: Path) -> None:
    mini = str(HERE / "fixtures" / "mini.toml")
    claims = claims_file(tmp, 3)
    for args in (["check", CLAIM], ["scan", str(claims), "--show", "all"], ["batch", str(claims)]):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "factcheck", "--registry", mini, *args],
                stdout=full, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().splitlines()[-1] == (
            "factcheck: cannot write the output: No space left on device"
        ), done.stderr
        assert "Traceback" not in done.stderr


# --- the cache --------------------------------------------------------------


def cached_run(tmp: Path) -> tuple[Path, Callable[[], Result]]:
    registry = tmp / "quotes.toml"
    registry.write_text(MINI, encoding="utf-8")
    folder = tmp / "cache"
    env = {"FACTCHECK_CACHE_DIR": str(folder), "FACTCHECK_NO_CACHE": ""}

    def again() -> Result:
        return CliRunner().invoke(cli, ["--registry", str(registry), "check", CLAIM], env=env)

    assert again().exit_code == 0
    return folder, again


def answered_with_one_warning(r: Result, *expected: str) -> None:
    assert r.exit_code == 0 and r.stdout.startswith("supported"), r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, lines
    for piece in expected:
        assert piece in lines[0], (piece, lines[0])


class _RunsCode:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.system, ("touch PLANTED_RAN",))


def planted_cache(tmp: Path) -> None:
    import os
    import pickle

    from factcheck.registry import cache

    folder, again = cached_run(tmp)
    (file,) = folder.glob("*.json")
    payload = pickle.dumps(_RunsCode())
    file.write_bytes(cache.MAGIC + cache.blake2b(payload).digest()[:32] + payload)
    here = os.getcwd()
    os.chdir(tmp)
    try:
        r = again()
    finally:
        os.chdir(here)
    assert not (tmp / "PLANTED_RAN").exists()
    answered_with_one_warning(r, str(file), "damaged or not factcheck's", "not JSON")
    assert again().stderr == ""  # replaced: said once


def cache_folder_others_write(tmp: Path) -> None:
    folder, again = cached_run(tmp)
    folder.chmod(0o777)
    answered_with_one_warning(again(), str(folder), "writable by other users (mode 0o777)")
    folder.chmod(0o700)
    import os

    if os.geteuid() == 0:  # only root can give the folder to another user
        os.chown(folder, 65534, 65534)
        answered_with_one_warning(again(), str(folder), "belongs to another user; not using it")


def damaged_index_page(tmp: Path) -> None:
    """A large registry's on-disk index with bad pages: answered, said once, rebuilt."""
    registry = tmp / "quotes.toml"
    registry.write_text(MINI + "#" + "x" * 500_000 + "\n", encoding="utf-8")  # large: indexed
    env = {"FACTCHECK_CACHE_DIR": str(tmp / "cache"), "FACTCHECK_NO_CACHE": ""}

    def again() -> Result:
        return CliRunner().invoke(cli, ["--registry", str(registry), "check", CLAIM], env=env)

    assert again().exit_code == 0
    (db,) = (tmp / "cache").glob("*.sqlite")
    raw = bytearray(db.read_bytes())
    for page in range(8192, len(raw), 4096):
        raw[page : page + 8] = b"\xff" * 8  # no page type SQLite knows
    db.write_bytes(bytes(raw))
    r = again()
    assert r.exit_code == 0 and r.stdout.startswith("supported"), r.output
    said = r.stderr.splitlines()
    assert said[0] == f"factcheck: index {db} is damaged; not used, indexing afresh", said
    assert said[-1] == "factcheck: index ready" and "Traceback" not in r.stderr
    assert again().stderr == ""  # indexed afresh: nothing more to say


def ingest_below_the_registry(tmp: Path) -> None:
    import os

    (tmp / "quotes.toml").write_text(MINI, encoding="utf-8")
    below = tmp / "stories"
    below.mkdir()
    article = below / "a.md"
    article.write_text("The bridge is 1,150 metres long.\n", encoding="utf-8")
    here = os.getcwd()
    os.chdir(below)
    try:
        r = CliRunner(env={"FACTCHECK_REGISTRY": ""}).invoke(
            cli, ["ingest", "a.md", "--source-id", "herald"]
        )
    finally:
        os.chdir(here)
    one_error_line(r, "no registry in this folder to add to", "is in a folder above")
    assert (tmp / "quotes.toml").read_text(encoding="utf-8") == MINI


# --- the table --------------------------------------------------------------

CASES: dict[str, Callable[[Path], None]] = {
    "malformed TOML": malformed_toml,
    "an entry missing a field": registry_case(
        lambda t: t.replace('text = "We used twice', 'words = "We used twice'),
        "[quotations[1].text]: missing field 'text'",
    ),
    "an entry citing an unknown source": registry_case(
        lambda t: t.replace('source = "courier"', 'source = "nowhere"', 1),
        "[quotations[0].reports[1].source]: unknown source id 'nowhere'",
    ),
    "duplicate ids": registry_case(
        lambda t: t.replace('id = "berg-steel"', 'id = "varga-bridge-opens"'),
        "duplicate entry id 'varga-bridge-opens'",
    ),
    "an id that is not one word": registry_case(
        lambda t: t.replace('id = "engineer"', 'id = "the engineer"'),
        "[speakers[1].id]: id 'the engineer' is not one word of letters, digits and . _ - :",
    ),
    "a value that does not parse": registry_case(
        lambda t: re.sub(r"(?m)^value = .*$", 'value = "lots and lots"', t, count=1),
        "[figures[0].value]: value 'lots and lots' does not read as a figure",
    ),
    "an empty registry": registry_case(
        lambda t: t[: t.index("[[quotations]]")], "the registry has no quotations and no figures"
    ),
    "a draft that is not UTF-8": draft_not_utf8,
    "a binary file": draft_binary,
    "an empty file": draft_empty,
    "a folder": draft_folder,
    "a missing file": draft_missing,
    "a 20 MB draft": draft_20mb,
    "a 1 MB line": draft_1mb_line,
    "unbalanced quotation marks": draft_unbalanced,
    "a broken JSON line": error_row_and_run_goes_on(
        "c.jsonl", good("a") + '{"claim": broken\n' + good("c"), "c.jsonl:2:", "not valid JSON"
    ),
    "a CSV without a claim column": batch_csv_without_claim,
    "an empty claim": error_row_and_run_goes_on(
        "c.jsonl", good("a") + '{"claim": "  "}\n' + good("c"), "c.jsonl:2:", "is empty"
    ),
    "a 100 kB claim": error_row_and_run_goes_on(
        "c.jsonl",
        good("a") + json.dumps({"claim": "word " * 20_000}) + "\n" + good("c"),
        "c.jsonl:2:",
        "the limit is 10,000",
    ),
    "output into a closed pipe": closed_pipe,
    "Ctrl-C during a batch": ctrl_c_during_batch,
    "Ctrl-C before the first row, with --jobs 2": early_ctrl_c_with_jobs,
    "a list item ten levels deep, a blockquote twenty deep": deep_nesting_read,
    "a blockquote 200 deep": deeper_than_read,
    "a tab or U+2029 that the Markdown parser rewrites": lines_the_parser_rewrites,
    "a number of 310 or 4,301 digits": long_number_in_claim,
    "such a number in a batch row": long_number_in_batch_row,
    "nan, inf or 1e400 as a value": non_finite_values,
    "a 4,301-digit integer in the registry": value_case(
        "9" * 4_301, "an integer of over 4,300 digits"
    ),
    "arrays or inline tables nested 3,000 deep": nested_too_deep,
    "a 100 kB value": value_case(
        '"' + "word " * 20_000 + '"', "[figures[0].value]: value 'word word"
    ),
    "a FIFO or device as registry, draft or claims": not_regular_files,
    "a lone surrogate in a JSON row": error_row_and_run_goes_on(
        "c.jsonl",
        good("a") + '{"claim": "x \\udfff y"}\n' + good("c"),
        "c.jsonl:2:",
        "lone surrogate",
    ),
    "an unclosed quote in a CSV row": csv_unclosed_quote,
    "a CSV with a header only": csv_header_only,
    "a CSV cell that would run as a formula": csv_formula,
    "output to a full device": full_device,
    "a planted cache file": planted_cache,
    "a cache folder others can write": cache_folder_others_write,
    "an on-disk index with damaged pages": damaged_index_page,
    "ingest in a folder below the registry": ingest_below_the_registry,
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(name: str, tmp_path: Path) -> None:
    CASES[name](tmp_path)


def readme_rows() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("<!-- bad-input-table -->")[1].lstrip("\n")
    table = after.split("\n\n", 1)[0]  # the table ends at the first blank line
    return re.findall(r"(?m)^\| (?!input |---)([^|]+?) \|", table)


def test_every_readme_row_has_a_case_and_every_case_a_row() -> None:
    assert readme_rows() == list(CASES)


def test_a_second_ctrl_c_in_batch_stops_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import os

    from factcheck.cli.batch_run import _deferred_interrupt

    with pytest.raises(SystemExit) as stopped, _deferred_interrupt() as interrupted:
        os.kill(os.getpid(), signal.SIGINT)  # the first: stop between rows
        assert interrupted()
        os.kill(os.getpid(), signal.SIGINT)  # the second: at once
        time.sleep(1)  # the handler runs here
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "factcheck: interrupted twice; stopped at once\n"
