"""Every command through CliRunner, stdout and stderr kept apart; exit codes; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import COMMANDS as LAZY_COMMANDS
from factcheck.cli import cli

ROOT = Path(__file__).parent.parent
MINI = str(Path(__file__).parent / "fixtures" / "mini.toml")


def run(*args: str, stdin: str | bytes | None = None, registry: str | None = None):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    prefix = ["--registry", registry] if registry else []
    return runner.invoke(
        cli, [*prefix, *args], input=stdin, catch_exceptions=False, prog_name="factcheck"
    )


def test_check_supported_exit_0() -> None:
    r = run("check", "Russia shares a 4,209 km border with China.")
    assert r.exit_code == 0
    assert r.stdout.startswith("supported  border-length")
    assert "s000-newsroom · Newsroom · 2022-02-07" in r.stdout


def test_check_contradicted_exit_1_and_json() -> None:
    r = run("check", "Putin told Xi that Russia would supply 20 bcm of gas.", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["verdict"] == "contradicted" and data["entry"] == "far-east-gas-deal"
    assert data["reasons"][0].startswith("20 bcm; the source says 10 billion cubic metres")
    assert data["evidence"][0]["source"] == "s003-globe"


@pytest.mark.parametrize(
    ("claim", "fail_on", "code"),
    [
        ("The two countries signed 16 agreements.", None, 0),
        ("The two countries signed 16 agreements.", "disputed", 1),
        ("Mount Everest is 8,849 metres high.", "disputed", 0),
        ("Mount Everest is 8,849 metres high.", "unverified", 1),
    ],
)
def test_fail_on_tightens_exit_status(claim: str, fail_on: str | None, code: int) -> None:
    args = ["check", claim] + (["--fail-on", fail_on] if fail_on else [])
    assert run(*args).exit_code == code


def test_quote_shows_diff_and_wording_differences() -> None:
    r = run("quote", "Russia's legitimate security concerns should be taken seriously")
    assert r.exit_code == 0
    assert "wang-yi-reasonable-concerns · Wang Yi" in r.stdout
    assert "[-reasonable-]{+legitimate+}" in r.stdout
    r = run("quote", "abandon its ideologized Cold War approaches", "--format", "json")
    first = json.loads(r.stdout)[0]
    assert first["entry"] == "statement-abandon-cold-war-approaches" and first["worded_differently"]
    assert run("quote", "nothing like any words ever printed zebra").exit_code == 1


def test_conflicts_and_sources() -> None:
    r = run("conflicts", "--format", "json")
    entries = [c["entry"] for c in json.loads(r.stdout)]
    assert "agreements-at-summit" in entries and "troops-near-ukraine" in entries
    assert "entries with disagreeing sources" in r.stderr
    r = run("sources")
    assert r.stdout.count("\n") == 5 and "s003-globe · The Globe" in r.stdout


def test_batch_jsonl_keeps_order_ids_and_reports_bad_rows() -> None:
    rows = "\n".join(
        [
            json.dumps({"id": "a", "claim": "The bridge is 1,500 metres long.", "extra": 1}),
            "{broken json",
            json.dumps({"claim": "The bridge is 1,200 metres long."}),
            json.dumps({"id": "d", "claim": ""}),
        ]
    )
    r = run("batch", "-", stdin=rows, registry=MINI)
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(o["id"], o["verdict"]) for o in out] == [
        ("a", "contradicted"),
        ("2", "error"),
        ("3", "supported"),
        ("d", "error"),
    ]
    assert "not valid JSON" in out[1]["message"] and "<stdin>:2" in out[1]["message"]
    assert r.exit_code == 2
    assert "4 claims" in r.stderr and r.stderr.count("\n") == 1


def test_batch_csv_and_text_inputs(tmp_path: Path) -> None:
    csv_in = tmp_path / "c.csv"
    csv_in.write_text('id,claim\nx,"The bridge is 1,200 metres long."\n')
    r = run("batch", str(csv_in), "--format", "csv", registry=MINI)
    assert r.exit_code == 0
    assert r.stdout.splitlines()[1].startswith('x,"The bridge is 1,200 metres long.",supported')
    txt = tmp_path / "c.txt"
    txt.write_text("The bridge is 1,200 metres long.\n\nThe bridge is 9 metres long.\n")
    r = run("batch", str(txt), "--format", "table", registry=MINI)
    assert [line.split()[:2] for line in r.stdout.splitlines()[1:]] == [
        ["1", "supported"],
        ["3", "contradicted"],
    ]
    bad = tmp_path / "n.csv"
    bad.write_text("id,text\n1,hello\n")
    r = run("batch", str(bad), registry=MINI)
    assert "has no 'claim' column" in json.loads(r.stdout)["message"]


def test_batch_long_claim_is_an_error_row() -> None:
    r = run("batch", "-", "--input-format", "text", stdin="word " * 30_000, registry=MINI)
    assert json.loads(r.stdout)["verdict"] == "error"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "binary file"),
        (b"caf\xe9 claims", "not UTF-8 text"),
    ],
)
def test_scan_bad_files_one_line_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    good = tmp_path / "good.md"
    good.write_text("Russia shares a 5,000 km border with China.\n")
    r = run("scan", str(bad), str(good))
    assert r.exit_code == 2
    assert "good.md:1:17 contradicted" in r.stdout  # the other file is still scanned
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and message in errors[0] and "bad.md:1" in errors[0]


def test_scan_missing_file_and_directory(tmp_path: Path) -> None:
    r = run("scan", str(tmp_path / "nope.md"), str(tmp_path))
    assert r.exit_code == 2
    assert "nope.md: no such file" in r.stderr and "no drafts" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_scan_formats(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "The leaders signed 16 agreements.\n\nRussia shares a 5,000 km border with China.\n"
    )
    gh = run("scan", str(draft), "--format", "github").stdout.splitlines()
    assert gh[0].startswith(f"::warning file={draft},line=1,col=20,")
    assert gh[1].startswith(f"::error file={draft},line=3,col=17,")
    sarif = json.loads(run("scan", str(draft), "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["FC002", "FC001"]
    assert results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    found = json.loads(run("scan", str(draft), "--format", "json").stdout)
    assert {f["verdict"] for f in found} == {"disputed", "contradicted"}
    assert all(
        {"path", "line", "column", "end_line", "end_column", "message", "evidence"} <= set(f)
        for f in found
    )
    lines = run("scan", str(draft), "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 2


def test_scan_reads_stdin_and_show_supported() -> None:
    r = run(
        "scan", "-", "--show", "supported", stdin="Russia shares a 4,209 km border with China.\n"
    )
    assert r.stdout.startswith("<stdin>:1:17 supported")


def test_config_file_sets_format_fail_on_and_ignore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nformat = "jsonl"\nfail-on = "disputed"\nignore = ["border-length"]\ncolour = 1\n'
    )
    (tmp_path / "d.md").write_text(
        "Russia shares a 5,000 km border with China. The leaders signed 16 agreements.\n"
    )
    monkeypatch.chdir(tmp_path)
    r = run("scan", "d.md")
    found = [json.loads(x) for x in r.stdout.splitlines()]
    assert [f["entry"] for f in found if f["verdict"] != "unverified"] == ["agreements-at-summit"]
    assert r.exit_code == 1
    assert "unknown key 'colour' ignored" in r.stderr


def test_registry_check_good_and_bad(tmp_path: Path) -> None:
    r = run("registry", "check", str(ROOT / "quotes.toml"))
    assert r.exit_code == 0 and "no problems" in r.stderr and r.stdout == ""
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nid = "a"\n\n[[figures]]\nid = "f"\n')
    r = run("registry", "check", str(bad))
    assert r.exit_code == 2
    assert f"{bad}:1 [sources[0].outlet]: missing field 'outlet'" in r.stdout.splitlines()
    assert (
        f"{bad}:4 [figures[0].reports]: needs at least one [[…reports]] entry naming a source"
        in r.stdout
    )


def test_a_broken_registry_stops_other_commands_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = [\n")
    r = run("check", "anything", registry=str(bad))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"factcheck: error: {bad}:1:") and r.stderr.count("\n") == 1


def test_usage_error_is_exit_2() -> None:
    assert run("check").exit_code == 2
    assert run("scan", "x.md", "--format", "pdf").exit_code == 2


# Every command the CLI has (a new one fails here until the README shows its help).
COMMANDS = [[name] for name in sorted(LAZY_COMMANDS) if name != "registry"] + [
    ["registry", "check"]
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_readme_shows_each_commands_help_verbatim(command: list[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = run(*command, "--help").stdout.strip()
    block = f"$ factcheck {' '.join(command)} --help\n{help_text}\n```"
    assert block in readme, f"README's help for {' '.join(command)} differs from --help"
    assert "Example" in help_text


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"```sh\n{ci_command}\n```" in readme


def test_batch_bad_files_one_line_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "claims.jsonl"
    binary.write_bytes(b'{"claim": "x"}\n\x00\x01')
    r = run("batch", str(binary), registry=MINI)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == f"factcheck: error: {binary}:2: binary file (NUL byte), not claims\n"
    assert "no such file" in run("batch", str(tmp_path / "none.jsonl"), registry=MINI).stderr


@pytest.mark.parametrize(
    ("verdicts", "fail_on", "code"),
    [
        (["supported", "unverified", "disputed"], "contradicted", 0),
        (["supported", "contradicted"], "contradicted", 1),
        (["disputed"], "disputed", 1),
        (["unverified"], "disputed", 0),
        (["unverified"], "unverified", 1),
        (["supported", "error"], "unverified", 0),
    ],
)
def test_exit_status_table(verdicts: list[str], fail_on: str, code: int) -> None:
    from factcheck.cli.common import exit_status
    from factcheck.model import Verdict

    assert exit_status([Verdict(v) for v in verdicts], fail_on) == code
    assert exit_status([Verdict(v) for v in verdicts], fail_on, errors=True) == 2


def test_batch_jsonl_lines_end_only_at_newline() -> None:
    # U+2028 and form feeds are legal inside a JSON string; str.splitlines cut there.
    claim = "The bridge is 1,200 metres long.\u2028\x0cIt opened in May."
    r = run(
        "batch",
        "-",
        "--input-format",
        "jsonl",
        stdin=json.dumps({"claim": claim}, ensure_ascii=False) + "\n",
        registry=MINI,
    )
    rows = [json.loads(line) for line in r.stdout.split("\n") if line]
    assert [row["claim"] for row in rows] == [claim]


# --- ClaimReview ---------------------------------------------------------------


def _is_claim_review(review: dict[str, object]) -> None:
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    assert str(review["datePublished"])[:2] == "20"
    rating = review["reviewRating"]
    assert isinstance(rating, dict) and rating["@type"] == "Rating" and rating["alternateName"]
    item = review["itemReviewed"]
    assert isinstance(item, dict) and item["@type"] == "Claim"


def test_check_claimreview_rates_contradicted_1_of_5_with_author_and_appearance() -> None:
    r = run(
        "check", "Putin told Xi that Russia would supply 20 bcm of gas.", "--format", "claimreview"
    )
    review = json.loads(r.stdout)
    _is_claim_review(review)
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Contradicted by the sources",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    # The Globe reported the true figure: it is no author of the false claim, nor
    # an appearance of it. The sources are what the review cites.
    assert review["itemReviewed"] == {"@type": "Claim"}
    (cited,) = review["citation"]
    assert cited["publisher"]["name"] == "The Globe" and "10 billion" in cited["text"]
    assert r.exit_code == 1


def test_claimreview_quotation_author_is_the_speaker_and_unverified_has_no_value() -> None:
    r = run(
        "check",
        'Wang Yi said "Russia\'s reasonable security concerns should be taken seriously"',
        "--format",
        "claimreview",
    )
    review = json.loads(r.stdout)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Wang Yi"}
    assert review["reviewRating"]["ratingValue"] == 5
    r = run("check", "Mount Everest is 8,849 metres high.", "--format", "claimreview")
    rating = json.loads(r.stdout)["reviewRating"]
    assert "ratingValue" not in rating and rating["alternateName"].startswith("Unverified")


def test_batch_and_scan_claimreview_one_review_per_row_and_finding(tmp_path: Path) -> None:
    claims = tmp_path / "c.jsonl"
    claims.write_text('{"claim": "Russia shares a 4,209 km border with China."}\n{"claim": ""}\n')
    reviews = json.loads(run("batch", str(claims), "--format", "claimreview").stdout)
    assert len(reviews) == 2
    for review in reviews:
        _is_claim_review(review)
    assert reviews[1]["reviewRating"]["alternateName"].startswith("Not checked")
    scan = run("scan", str(ROOT / "examples" / "draft.md"), "--format", "claimreview")
    found = json.loads(scan.stdout)
    assert found
    # From scan the claim appears in the draft, and only there.
    appearances = [r["itemReviewed"]["appearance"] for r in found]
    assert all(len(a) == 1 for a in appearances)
    places = [a[0]["name"] for a in appearances]
    assert all(p.startswith(str(ROOT / "examples" / "draft.md") + ":") for p in places)


def test_claimreview_has_a_rating_for_every_verdict() -> None:
    from factcheck.model import Verdict
    from factcheck.output.claimreview import RATINGS

    assert set(RATINGS) == set(Verdict)
