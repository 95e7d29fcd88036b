"""Every JSON format factcheck writes validates against its published schema.

The schema (factcheck/schema/output-1.json, printed by `factcheck schema`) is
what a newsroom's tools are written against; this keeps it true of what the
commands write. jsonschema is a test dependency only: factcheck writes JSON,
it never needs to validate it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

jsonschema = pytest.importorskip("jsonschema")

HERE = Path(__file__).parent
ROOT = HERE.parent
SCHEMA_FILE = ROOT / "factcheck" / "schema" / "output-1.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
SERIES = HERE / "fixtures" / "series.toml"
DRAFT = ROOT / "examples" / "draft.md"


def validate(document: object, name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    schema = {**SCHEMA, "$ref": f"#/$defs/{name}"}
    schema.pop("anyOf")
    jsonschema.Draft202012Validator(schema).validate(document)


def run(*args: str) -> Any:
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert r.exit_code in (0, 1, 2) and "Traceback" not in r.stderr, r.stderr
    return r.stdout


CLAIMS = [
    "Putin told Xi that Russia would supply 20 bcm of gas.",  # contradicted figure
    'Wang Yi said "Russia\'s reasonable security concerns should be taken seriously"',
    "Mount Everest is 8,849 metres high.",  # unverified
    "Russia shares a 4,209 km border with China.",
]


@pytest.mark.parametrize("claim", CLAIMS)
def test_check_json(claim: str) -> None:
    validate(json.loads(run("check", claim, "--format", "json")), "check")


def test_check_json_of_a_series_with_outdated() -> None:
    out = run(
        "--registry", str(SERIES), "check", "60 people were killed by the storm", "--format", "json"
    )
    document = json.loads(out)
    assert "outdated" in document
    validate(document, "check")


@pytest.fixture
def claims_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    rows = [{"id": f"c{i}", "claim": c} for i, c in enumerate(CLAIMS)]
    rows.append({"id": "empty", "claim": ""})  # an error row, with its message
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    return path


def test_batch_json_and_each_jsonl_row(claims_file: Path) -> None:
    document = json.loads(run("batch", str(claims_file), "--format", "json"))
    assert any(r["verdict"] == "error" and r.get("message") for r in document)
    validate(document, "batch")
    rows = run("batch", str(claims_file), "--format", "jsonl").splitlines()
    assert len(rows) == len(document)
    for row in rows:
        validate(json.loads(row), "batch-row")


def test_scan_json_and_each_jsonl_row() -> None:
    document = json.loads(run("scan", str(DRAFT), "--format", "json"))
    assert {f["kind"] for f in document} == {"figure", "quotation"}
    validate(document, "scan")
    for row in run("scan", str(DRAFT), "--format", "jsonl").splitlines():
        validate(json.loads(row), "scan-row")


@pytest.mark.parametrize("words", ["no limits to how far and deep", "reasonable security concerns"])
def test_quote_json(words: str) -> None:
    document = json.loads(run("quote", words, "--format", "json"))
    assert document
    validate(document, "quote")


def test_the_schema_rejects_what_is_not_the_format() -> None:
    good = json.loads(run("check", CLAIMS[0], "--format", "json"))
    for bad in ({**good, "verdict": "true"}, {k: v for k, v in good.items() if k != "parts"}):
        with pytest.raises(jsonschema.ValidationError):
            validate(bad, "check")


def test_factcheck_schema_prints_the_shipped_file() -> None:
    assert run("schema") == SCHEMA_FILE.read_text(encoding="utf-8")
    assert run("schema", "--path").strip() == str(SCHEMA_FILE)
    assert SCHEMA["$id"].endswith(":1")
