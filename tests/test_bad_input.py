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
