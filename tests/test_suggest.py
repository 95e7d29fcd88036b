"""'Did you mean …?': a table of names that must and must not be offered."""

from __future__ import annotations

import pytest

from factcheck.batch import read_rows
from factcheck.registry import parse_registry
from factcheck.suggest import did_you_mean

IDS = ["s001-globe", "s002-times", "vladimir-putin", "xi-jinping", "wang-yi"]

MUST = [
    ("s01-globe", IDS, "s001-globe"),  # a dropped digit
    ("putin", IDS, "vladimir-putin"),  # the first name left out
    ("Xi-Jinping", IDS, "xi-jinping"),  # case
    ("quotation", ["schema", "sources", "speakers", "quotations", "figures"], "quotations"),
    ("claim", ["id", "claims", "date"], "claims"),
]
MUST_NOT = [
    ("nobody", IDS),  # nothing like it
    ("zz", IDS),  # too short to tell
    ("s003-courier", IDS),  # a different source, however alike the form
    ("wang-yi", IDS),  # the name itself is known
    ("putin", []),  # nothing to offer
]


@pytest.mark.parametrize(("written", "known", "offered"), MUST)
def test_offers_the_close_name(written: str, known: list[str], offered: str) -> None:
    assert did_you_mean(written, known) == f" (did you mean '{offered}'?)"


@pytest.mark.parametrize(("written", "known"), MUST_NOT)
def test_offers_nothing_unlike(written: str, known: list[str]) -> None:
    assert did_you_mean(written, known) == ""


def test_the_table_has_both_kinds() -> None:
    assert len(MUST) >= 3 and len(MUST_NOT) >= 3


REGISTRY = """
[[sources]]
id = "s001-globe"
outlet = "The Globe"

[[speakers]]
id = "vladimir-putin"
name = "Vladimir Putin"

[[quotations]]
id = "q1"
speaker = "putin"
text = "words of note"

  [[quotations.reports]]
  source = "s01-globe"
  sentence = "Putin said: \\"words of note\\"."
"""


def test_registry_problems_name_the_likely_id() -> None:
    _, problems = parse_registry(REGISTRY, "r.toml")
    found = [str(p) for p in problems]
    assert any("unknown speaker id 'putin' (did you mean 'vladimir-putin'?)" in p for p in found), (
        found
    )
    assert any("unknown source id 's01-globe' (did you mean 's001-globe'?)" in p for p in found), (
        found
    )


def test_unknown_top_level_key_names_the_likely_one() -> None:
    _, problems = parse_registry(REGISTRY.replace("[[speakers]]", "[[speaker]]"), "r.toml")
    assert any(
        "unknown top-level key 'speaker' (did you mean 'speakers'?)" in str(p) for p in problems
    )


def test_csv_without_a_claim_column_names_the_likely_one() -> None:
    rows = list(read_rows(["id,claims\n", "1,a claim\n"], "csv", "c.csv"))
    assert "(did you mean 'claims'?)" in rows[0].error
