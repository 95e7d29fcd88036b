"""scan --fix and --diff: the fix core's edits, written atomically; what is left, said."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.draft.fixes import apply_edits, fixes, suppression
from factcheck.draft.scan import scan_text
from factcheck.model import Registry

ROOT = Path(__file__).parent.parent
REGISTRY = str(ROOT / "quotes.toml")
DRAFT = (
    "# Notes\n\n"
    "The leaders signed 16 agreements, including a deal for 20 bcm of gas.\n\n"
    "Andrew Small said the visit would be “significant in a normal contxt”.\n\n"
    "Russia shares a 4,209 km border with China.\n"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--registry", REGISTRY, *args], catch_exceptions=False)


def test_fix_writes_the_sources_words_and_leaves_the_disputed(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    r = run("scan", str(draft), "--fix")
    fixed = draft.read_text(encoding="utf-8")
    assert "a deal for 10 billion cubic metres of gas." in fixed
    assert "“significant in a normal context”." in fixed
    assert "signed 16 agreements" in fixed  # the sources disagree: left as written
    assert "4,209 km" in fixed
    assert f"{draft}:3:56: fixed figure “20 bcm” → “10 billion cubic metres”" in r.stderr
    assert f"{draft}:3:20: left disputed figure “16”: no unambiguous fix" in r.stderr
    assert "fixed 2 findings in 1 file; 1 left" in r.stderr
    assert r.stdout == ""
    assert r.exit_code == 0  # a disputed figure fails only with --fail-on disputed
    assert run("scan", str(draft), "--fix", "--fail-on", "disputed").exit_code == 1


def test_diff_shows_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    r = run("scan", str(draft), "--diff")
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert "-The leaders signed 16 agreements, including a deal for 20 bcm of gas.\n" in r.stdout
    assert "+The leaders signed 16 agreements, including a deal for 10 billion cubic metres" in (
        r.stdout
    )
    assert "would fix 2 findings in 1 file" in r.stderr
    assert r.exit_code == 1  # nothing changed: the contradicted findings stand


def test_fix_keeps_a_bom_crlf_and_permissions(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode("utf-8"))
    draft.chmod(0o640)
    run("scan", str(draft), "--fix")
    data = draft.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"20 bcm" not in data
    assert data.count(b"\r\n") == DRAFT.count("\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert draft.stat().st_mode & 0o777 == 0o640


def test_fix_refuses_stdin() -> None:
    r = CliRunner().invoke(cli, ["scan", "-", "--fix"], input=DRAFT)
    assert r.exit_code == 2 and "cannot fix stdin" in r.stderr


def test_no_fix_where_the_sources_disagree_or_the_quote_is_cut(registry: Registry) -> None:
    text = (
        "The leaders signed 16 agreements.\n\n"
        "Andrew Small said the visit would be “significant … context”.\n"
    )
    assert fixes(text, scan_text(text, registry)) == []


def test_suppression_edit_silences_only_that_entry(registry: Registry) -> None:
    findings = scan_text(DRAFT, registry)
    gas = next(f for f in findings if f.part.entry == "far-east-gas-deal")
    edit = suppression(DRAFT, gas)
    assert edit is not None
    after = scan_text(apply_edits(DRAFT, [edit]), registry)
    entries = {f.part.entry for f in after}
    assert "far-east-gas-deal" not in entries and "agreements-at-summit" in entries


def test_a_memo_gives_the_same_findings_after_each_edit(registry: Registry) -> None:
    from factcheck.draft.scan import BlockMemo

    draft = (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")
    memo = BlockMemo()
    edits = [
        draft,
        "New first paragraph.\n\n" + draft,  # every block moves down two lines
        draft.replace("Joseph Webster", "Andrew Small"),  # the speaker carried on changes
        draft.replace("20 bcm", "10 billion cubic metres"),
    ]
    for text in edits:
        assert scan_text(text, registry, memo=memo) == scan_text(text, registry)
    assert memo.seen  # blocks were remembered
