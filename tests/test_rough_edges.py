"""Rough edges found when factcheck was tried as a new user would (issue 18, part 3)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).parent.parent
REGISTRY = str(ROOT / "quotes.toml")


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["--registry", REGISTRY, *args], input=stdin, catch_exceptions=False
    )


def test_check_of_an_empty_claim_is_an_error_as_in_batch() -> None:
    for claim in ("", "   "):
        r = run("check", claim)
        assert r.exit_code == 2 and "the claim is empty" in r.stderr
        assert r.stdout == ""


def test_check_dash_reads_the_claim_from_stdin() -> None:
    r = run(
        "check",
        "-",
        "--format",
        "json",
        stdin="Putin told Xi that Russia would supply 20 bcm of gas.\n",
    )
    assert r.exit_code == 1
    assert '"far-east-gas-deal"' in r.stdout


def test_check_has_the_batch_length_limit() -> None:
    from factcheck.batch import MAX_CLAIM

    r = run("check", "Russia shares a 4,209 km border with China. " * (MAX_CLAIM // 40))
    assert r.exit_code == 2 and "the limit" in r.stderr and r.stderr.count("\n") == 1
    ok = run("check", "Russia shares a 4,209 km border with China.")
    assert ok.exit_code == 0


def test_registry_load_finds_the_registry_as_the_cli_does(
    tmp_path: Path, monkeypatch: object
) -> None:
    import pytest

    from factcheck import Registry

    mp = monkeypatch
    assert isinstance(mp, pytest.MonkeyPatch)
    small = (ROOT / "tests" / "fixtures" / "mini.toml").read_text(encoding="utf-8")
    (tmp_path / "quotes.toml").write_text(small, encoding="utf-8")
    mp.chdir(tmp_path)
    mp.delenv("FACTCHECK_REGISTRY", raising=False)
    assert Registry.load().path == str(tmp_path / "quotes.toml")  # quotes.toml here
    elsewhere = tmp_path / "other.toml"
    elsewhere.write_text(small, encoding="utf-8")
    mp.setenv("FACTCHECK_REGISTRY", str(elsewhere))
    assert Registry.load().path == str(elsewhere)


def test_part_and_evidence_are_exported_and_to_dict_keeps_parts() -> None:
    import factcheck
    from factcheck import Evidence, Part, Registry, check

    assert "Part" in factcheck.__all__ and "Evidence" in factcheck.__all__
    result = check(
        "Russia shares a 4,209 km border with China, and the deal is for 20 bcm of gas.",
        Registry.load(REGISTRY),
    )
    assert len(result.parts) == 2 and isinstance(result.parts[0], Part)
    assert isinstance(result.parts[0].evidence[0], Evidence)
    parts = result.to_dict()["parts"]
    assert isinstance(parts, list)
    assert [(p["entry"], p["verdict"]) for p in parts] == [
        ("border-length", "supported"),
        ("far-east-gas-deal", "contradicted"),
    ]


INDENTED = (
    "Notes from the desk\n\n"
    "    Putin told Xi that Russia would supply 20 bcm of gas.\n\n"
    "# The leaders signed 30 agreements.\n"
)


def test_a_txt_draft_is_plain_text_not_markdown(tmp_path: Path) -> None:
    txt, md = tmp_path / "notes.txt", tmp_path / "notes.md"
    txt.write_text(INDENTED, encoding="utf-8")
    md.write_text(INDENTED, encoding="utf-8")
    as_text = run("scan", str(txt))
    # The indented line is prose in a .txt file (Markdown takes it for code).
    assert f"{txt}:3:44 contradicted figure “20 bcm”" in as_text.stdout
    assert f"{txt}:5:22 contradicted figure “30”" in as_text.stdout
    as_markdown = run("scan", str(md))
    assert "20 bcm" not in as_markdown.stdout


def test_plain_text_honours_suppression_comments(tmp_path: Path) -> None:
    txt = tmp_path / "notes.txt"
    txt.write_text(INDENTED.split("\n\n")[1] + "\n")
    assert "20 bcm" in run("scan", str(txt)).stdout
    txt.write_text("<!-- factcheck: ignore -->\n" + INDENTED.split("\n\n")[1] + "\n")
    r = run("scan", str(txt))
    assert r.exit_code == 0 and "20 bcm" not in r.stdout


def test_an_empty_draft_is_clean_as_ruff_and_black_take_it(tmp_path: Path) -> None:
    for content in ("", "\n\n  \n"):
        empty = tmp_path / "empty.md"
        empty.write_text(content, encoding="utf-8")
        r = run("scan", str(empty))
        assert r.exit_code == 0, r.stderr
        assert r.stdout == "" and "1 file scanned: nothing to check" in r.stderr


GAS = "Putin told Xi that Russia would supply 20 bcm of gas.\n"


def test_scan_of_a_folder_finds_its_drafts_minus_excludes(tmp_path: Path) -> None:
    (tmp_path / "a" / "old").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("a/one.md", "a/old/two.md", "three.txt", ".git/four.md", "notes.rst"):
        (tmp_path / name).write_text(GAS, encoding="utf-8")
    r = run("scan", str(tmp_path), "--exclude", "old")
    listed = sorted(line.split(":")[0] for line in r.stdout.splitlines())
    assert listed == sorted([str(tmp_path / "a" / "one.md"), str(tmp_path / "three.txt")])
    assert "2 files scanned" in r.stderr and r.exit_code == 1
    everything = run("scan", str(tmp_path))
    assert "two.md" in everything.stdout and "four.md" not in everything.stdout


def test_scan_of_a_folder_without_drafts_is_one_error_line(tmp_path: Path) -> None:
    r = run("scan", str(tmp_path))
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "no drafts" in r.stderr


def test_scan_output_file_and_quiet(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(GAS, encoding="utf-8")
    report = tmp_path / "report.json"
    r = run("scan", str(draft), "--format", "json", "--output", str(report), "--quiet")
    assert r.exit_code == 1 and r.stdout == "" and r.stderr == ""
    assert '"far-east-gas-deal"' in report.read_text(encoding="utf-8")
    loud = run("scan", str(draft))
    assert "1 file scanned" in loud.stderr


def test_terminal_text_is_wrapped_at_words_with_hanging_indents() -> None:
    import io

    from rich.cells import cell_len

    from factcheck import Registry, check
    from factcheck.output.text import Printer, plain, result_lines

    result = check("Putin told Xi that Russia would supply 20 bcm of gas.", Registry.load(REGISTRY))
    lines = result_lines(result)
    for width in (80, 120):
        buffer = io.StringIO()
        printer = Printer(buffer, color=True)
        assert printer.console is not None
        printer.console.width = width
        printer.lines(lines)
        shown = buffer.getvalue().splitlines()
        assert all(cell_len(line) <= width for line in shown), (width, shown)
        assert all(line == line.rstrip() for line in shown)
        words = " ".join(" ".join(shown).split())
        assert words == " ".join(" ".join(plain(x) for x in lines).split())  # no word lost
        reason = next(k for k, line in enumerate(shown) if line.startswith("  - 20 bcm"))
        if width == 80:  # the reason runs on: its next line sits under its first word
            assert shown[reason + 1].startswith("    ") and shown[reason + 1][4] != " "


def _on_a_terminal(args: list[str], stdout_file: Path | None) -> tuple[bytes, bytes]:
    """Run factcheck with stderr (and stdout, unless a file is given) on a pseudo-terminal."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    out = stdout_file.open("wb") if stdout_file else slave
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--registry", REGISTRY, *args],
        stdout=out,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "80"},
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(60)
    os.close(master)
    if stdout_file:
        out.close()  # type: ignore[union-attr]
    return seen, stdout_file.read_bytes() if stdout_file else b""


def test_batch_progress_bar_never_draws_over_rows_on_the_same_terminal(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("pty")
    claims = tmp_path / "claims.txt"
    claims.write_text("Russia shares a 4,209 km border with China.\n" * 100, encoding="utf-8")
    terminal, _ = _on_a_terminal(["batch", str(claims), "--format", "csv"], None)
    rows = [line for line in terminal.split(b"\r\n") if b"border-length" in line]
    assert len(rows) == 100
    assert b"\x1b[2K" not in terminal and b"\x1b[?25l" not in terminal  # no bar drawn
    # With stdout in a file, the terminal has the bar to itself.
    err, rows_file = _on_a_terminal(["batch", str(claims), "--format", "csv"], tmp_path / "o")
    assert rows_file.count(b"border-length") == 100 and b"border-length" not in err
