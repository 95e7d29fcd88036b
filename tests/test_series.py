"""Figures over time: a rising count across four reports is a series, not a dispute."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli as main
from factcheck.model import Registry, Verdict
from factcheck.registry import parse_registry
from factcheck.verdicts.conflicts import find_conflicts
from factcheck.verdicts.engine import check
from factcheck.verdicts.series import find_series

SERIES = Path(__file__).parent / "fixtures" / "series.toml"


@pytest.fixture(scope="module")
def storm() -> Registry:
    reg, problems = parse_registry(SERIES.read_text(encoding="utf-8"), str(SERIES))
    assert problems == []
    return reg


@pytest.mark.parametrize(
    ("claim", "verdict", "outdated"),
    [
        ("72 people were killed by the storm", Verdict.SUPPORTED, ""),
        ("At least 60 people were killed by the storm", Verdict.SUPPORTED, ""),
        ("60 people were killed by the storm", Verdict.CONTRADICTED, "2026-03-05"),
        ("31 people were killed by the storm", Verdict.CONTRADICTED, "2026-03-03"),
        ("By Thursday 60 people had died in the storm", Verdict.SUPPORTED, ""),
        ("On Thursday 60 people had died in the storm", Verdict.SUPPORTED, ""),
        ("In March 2026 the storm killed 72 people", Verdict.SUPPORTED, ""),
        ("On March 3 the storm had killed 31 people", Verdict.SUPPORTED, ""),
        ("On Tuesday the storm had killed 60 people", Verdict.CONTRADICTED, ""),
        # "Since Tuesday" starts the span a total runs over; its moment is the latest.
        ("Since Tuesday the storm has killed 72 people", Verdict.SUPPORTED, ""),
        ("500 people were killed by the storm", Verdict.CONTRADICTED, ""),
        ("45 people were killed by the storm", Verdict.CONTRADICTED, ""),
    ],
)
def test_a_claim_is_judged_at_its_own_moment(
    storm: Registry, claim: str, verdict: Verdict, outdated: str
) -> None:
    result = check(claim, storm)
    assert result.verdict is verdict, result.reasons
    field = result.to_dict().get("outdated")
    if outdated:
        assert field == {"matches_report_of": outdated, "compared_with_report_of": "2026-03-08"}
        assert result.reasons[0].startswith(
            f"outdated: it matches the report of {outdated}; the latest, 2026-03-08, says 72"
        )
    else:
        assert field is None


def test_a_series_is_never_disputed(storm: Registry) -> None:
    for n in (12, 31, 60, 72, 100):
        assert check(f"{n} people were killed by the storm", storm).verdict is not Verdict.DISPUTED
    assert find_conflicts(storm) == []


def test_two_sources_at_one_moment_still_dispute(storm: Registry) -> None:
    text = SERIES.read_text(encoding="utf-8").replace("value = 31", "value = 35")
    text = text.replace('date = "2026-03-03"', 'date = "2026-03-02"')
    reg, _ = parse_registry(text, "r.toml")
    assert check("12 people were killed by the storm", reg).verdict is not Verdict.SUPPORTED
    assert check("On Monday 12 people were killed by the storm", reg).verdict is Verdict.DISPUTED


def test_conflicts_lists_the_series_in_date_order() -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["--registry", str(SERIES), "conflicts", "--format", "json"])
    assert out.exit_code == 0, out.output
    (entry,) = json.loads(out.stdout)
    assert entry["entry"] == "storm-toll" and entry["series"]
    assert [m["as_of"] for m in entry["series"]] == [
        "2026-03-02",
        "2026-03-03",
        "2026-03-05",
        "2026-03-08",
    ]
    assert [m["reports"][0]["says"] for m in entry["series"]] == [
        "12 people",
        "31 people",
        "60 people",
        "72 people",
    ]
    text = runner.invoke(main, ["--registry", str(SERIES), "conflicts"]).stdout
    assert text.index("2026-03-02") < text.index("2026-03-05") < text.index("2026-03-08")


def test_series_of_the_registry_are_found(storm: Registry) -> None:
    (series,) = find_series(storm)
    assert [d for d, _ in series.moments] == sorted(d for d, _ in series.moments)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '  as_of = "last week"\n',
            "[figures[0].reports[0].as_of]: as_of 'last week' is not a date",
        ),
        ("series = 3\n", "[figures[0].series]: series must be true or false"),
    ],
)
def test_bad_time_fields_name_their_field(line: str, message: str) -> None:
    text = SERIES.read_text(encoding="utf-8")
    if line.startswith("  "):
        text = text.replace("  value = 12\n", f"  value = 12\n{line}")
    else:
        text = text.replace("series = true\n", line)
    _, problems = parse_registry(text, "r.toml")
    assert any(message in str(p) and str(p).startswith("r.toml:") for p in problems), problems


TWO_MOMENTS = """schema = 1
[[sources]]
id = "a"
outlet = "A"
date = "2026-03-02"
[[sources]]
id = "b"
outlet = "B"
date = "2026-03-03"
[[figures]]
id = "missing"
subject = "people missing after the fire"
keywords = ["missing|account|unaccounted"]
value = 271
unit = "people"
  [[figures.reports]]
  source = "a"
  value = 267
  as_of = "2026-03-02T15:00"
  sentence = "By Monday afternoon officials could not account for 267 people."
  [[figures.reports]]
  source = "b"
  value = 271
  sentence = "271 people remained unaccounted for."
"""


def test_two_moments_are_a_change_or_a_disagreement_so_an_earlier_value_is_disputed() -> None:
    reg, problems = parse_registry(TWO_MOMENTS, "two.toml")
    assert problems == [] and reg.figures[0].series
    earlier = check("Officials could not account for 267 people after the fire.", reg)
    assert earlier.verdict is Verdict.DISPUTED, earlier.reasons
    assert "differ over time" in earlier.reasons[0]
    assert check("271 people remained unaccounted for.", reg).verdict is Verdict.SUPPORTED
    assert check("500 people were missing after the fire.", reg).verdict is Verdict.CONTRADICTED


ONE_DAY = """schema = 1
[[sources]]
id = "mon"
outlet = "A"
date = "2026-06-01"
[[sources]]
id = "tue"
outlet = "B"
date = "2026-06-02"
[[figures]]
id = "toll"
subject = "people killed in the crash"
keywords = ["killed|dead|died"]
value = 4
unit = "people"
  [[figures.reports]]
  source = "mon"
  value = 3
  sentence = "Three people were killed in the crash."
  [[figures.reports]]
  source = "mon"
  value = 4
  as_of = "2026-06-01T15:00"
  sentence = "By Monday afternoon four people had died."
  [[figures.reports]]
  source = "tue"
  value = 4
  sentence = "Four people were killed in the crash."
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A toll that rose during the day it names agrees with either report of it.
        ("On Monday three people were killed in the crash.", Verdict.SUPPORTED),
        ("On Monday four people were killed in the crash.", Verdict.SUPPORTED),
        ("On Monday 15 people were killed in the crash.", Verdict.CONTRADICTED),
        # A clock before the day still names the day.
        ("By 9 p.m. Tuesday three people had been killed in the crash.", Verdict.CONTRADICTED),
        ("By 9 p.m. Tuesday four people had been killed in the crash.", Verdict.SUPPORTED),
    ],
)
def test_a_named_day_is_judged_by_every_report_of_that_day(claim: str, verdict: Verdict) -> None:
    reg, problems = parse_registry(ONE_DAY, "day.toml")
    assert problems == []
    result = check(claim, reg)
    assert result.verdict is verdict, result.reasons


def test_an_earlier_bound_is_not_a_value_the_claim_matches() -> None:
    text = ONE_DAY.replace("value = 4\n  as_of", 'value = 4\n  qualifier = "at least"\n  as_of')
    reg, problems = parse_registry(text, "day.toml")
    assert problems == []
    result = check("Six people were killed in the crash.", reg)
    assert result.verdict is Verdict.CONTRADICTED, result.reasons
    assert not result.reasons[0].startswith("outdated")


@pytest.mark.parametrize(
    "claim",
    [
        "On Saturday the storm had killed 72 people",  # the latest value, another day
        "On Wednesday the storm had killed 45 people",  # between two reports
    ],
)
def test_a_day_no_report_is_for_is_unverified(storm: Registry, claim: str) -> None:
    # A count that moves is known only at its reports' moments.
    result = check(claim, storm)
    assert result.verdict is Verdict.UNVERIFIED, result.reasons
    assert "not used: the sources give no report on " in result.reasons[1]


@pytest.mark.parametrize(
    ("as_of", "claim", "verdict"),
    [
        (
            "2026-03-05T18:00",
            "By 6 p.m. Thursday 60 people had died in the storm",
            Verdict.SUPPORTED,
        ),
        (
            "2026-03-05T18:00",
            "By 6 p.m. Thursday 50 people had died in the storm",
            Verdict.CONTRADICTED,
        ),
        # The morning: the day's report holds for the evening, not for then.
        (
            "2026-03-05T18:00",
            "By 6 a.m. Thursday 60 people had died in the storm",
            Verdict.UNVERIFIED,
        ),
        (
            "2026-03-05T18:00",
            "By 6 a.m. Thursday 50 people had died in the storm",
            Verdict.UNVERIFIED,
        ),
        (
            "2026-03-05T24:00",
            "By midnight Thursday 60 people had died in the storm",
            Verdict.SUPPORTED,
        ),
        # Half past midnight is not the day's end that the report holds for.
        (
            "2026-03-05T24:00",
            "By 12:30 a.m. Thursday 60 people had died in the storm",
            Verdict.UNVERIFIED,
        ),
    ],
)
def test_a_time_of_day_is_judged_by_the_report_of_that_time(
    as_of: str, claim: str, verdict: Verdict
) -> None:
    text = SERIES.read_text(encoding="utf-8").replace(
        'value = 60\n  text = "60 people"',
        f'value = 60\n  as_of = "{as_of}"\n  text = "60 people"',
    )
    reg, problems = parse_registry(text, "r.toml")
    assert problems == []
    result = check(claim, reg)
    assert result.verdict is verdict, result.reasons
