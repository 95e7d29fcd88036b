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
