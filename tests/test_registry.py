"""The loader, the validator and the shipped registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import RegistryError, RegistryProblems
from factcheck.registry import (
    find_registry,
    load_registry,
    parse_registry,
    read_registry,
    shipped_registry,
)

GOOD = """
[[sources]]
id = "a"
outlet = "A Daily"

[[speakers]]
id = "p"
name = "Pat Doe"

[[quotations]]
id = "q1"
speaker = "p"
text = "words of note"

  [[quotations.reports]]
  source = "a"
  sentence = "Pat Doe said: \\"words of note\\"."
"""


def problems(text: str) -> list[str]:
    _, found = parse_registry(text, "r.toml")
    return [str(p) for p in found]


def test_good_registry_has_no_problems() -> None:
    assert problems(GOOD) == []


def test_toml_syntax_error_names_line_and_column() -> None:
    with pytest.raises(RegistryError) as err:
        parse_registry(GOOD.replace('outlet = "A Daily"', 'outlet = "A Daily'), "r.toml")
    assert str(err.value).startswith("r.toml:4:")
    assert (err.value.line, err.value.column) == (4, 18)
    with pytest.raises(RegistryError) as err:
        parse_registry(GOOD + "broken = [", "r.toml")
    assert err.value.line == GOOD.count("\n") + 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('outlet = "A Daily"\n', ""), "r.toml:2 [sources[0].outlet]: missing field 'outlet'"),
        (
            ('source = "a"', 'source = "zz"'),
            "r.toml:16 [quotations[0].reports[0].source]: unknown source id 'zz'",
        ),
        (
            ('speaker = "p"', 'speaker = "nobody"'),
            "r.toml:12 [quotations[0].speaker]: unknown speaker id 'nobody'",
        ),
        (('text = "words of note"\n', ""), "r.toml:10 [quotations[0].text]: missing field 'text'"),
    ],
)
def test_field_problems_name_file_line_and_field(change: tuple[str, str], expected: str) -> None:
    assert expected in problems(GOOD.replace(*change))


def test_duplicate_ids_are_reported_with_the_first_line() -> None:
    dup = GOOD + GOOD.split("[[quotations]]")[1].join(["[[quotations]]", ""])
    found = problems(dup)
    assert any("duplicate entry id 'q1' (first at line 10)" in p for p in found)


def figure(value: str = "3", extra: str = "", report: str = "", unit: str = "things") -> str:
    """A registry with one figure, varied where a test needs it."""
    return GOOD + (
        f'\n[[figures]]\nid = "f"\nsubject = "s"\nkeywords = ["k"]\nvalue = {value}\n'
        f'unit = "{unit}"\n{extra}'
        f'  [[figures.reports]]\n  source = "a"\n  value = 3\n{report}'
        f'  sentence = "3 things"\n'
    )


def test_value_that_does_not_parse() -> None:
    found = problems(figure(value='"many, many"'))
    assert any(
        "[figures[0].value]: value 'many, many' does not read as a figure" in p for p in found
    )


def test_bad_qualifier_and_printed_text_not_in_sentence() -> None:
    found = problems(
        figure(extra='qualifier = "roughly-ish"\n', report='  text = "three things"\n')
    )
    assert any("qualifier 'roughly-ish' is not one of" in p for p in found)
    assert any("the printed figure does not occur in its sentence" in p for p in found)


def test_a_figure_without_problems() -> None:
    assert problems(figure()) == []


@pytest.mark.parametrize("written", ["%", "per cent", "Percent", " percent "])
def test_a_unit_may_be_written_any_way_the_reader_knows(written: str) -> None:
    registry, found = parse_registry(figure(unit=written), "r.toml")
    assert found == []
    assert registry.figures[0].quantity.unit == "percent"
    assert registry.figures[0].quantity.dimension == "percent"


def test_a_percentage_is_not_a_count_of_anything() -> None:
    from factcheck.verdicts.engine import check

    registry, _ = parse_registry(figure(unit="%"), "r.toml")
    assert check("k rose by 5%", registry).verdict == "contradicted"
    # A number counting something else is not about the percentage at all.
    assert check("k had 5 faces", registry).verdict == "unverified"


def test_an_alias_without_words_does_not_match_every_count() -> None:
    from factcheck.verdicts.engine import check

    registry, _ = parse_registry(figure(extra='unit_aliases = ["—"]\n'), "r.toml")
    # 50, not 5: a small count needs more than a keyword to be about the figure.
    assert check("k had 50 things", registry).verdict == "contradicted"
    assert check("k had 50 faces", registry).verdict == "unverified"


def test_a_unit_without_words_is_a_problem() -> None:
    found = problems(figure(unit="—"))
    assert any(
        "[figures[0].unit]: unit '—' is neither a known unit nor a counted noun" in p for p in found
    )


def test_empty_registry_is_a_problem() -> None:
    assert problems('[[sources]]\nid = "a"\noutlet = "A"\n') == [
        "r.toml: the registry has no quotations and no figures"
    ]


def test_missing_file_directory_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="no such registry file"):
        read_registry(tmp_path / "nope.toml")
    with pytest.raises(RegistryError, match="is a folder"):
        read_registry(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'x = "ok"\ny = "\xff"\n')
    with pytest.raises(RegistryError) as err:
        read_registry(bad)
    assert err.value.line == 2


def test_load_raises_all_problems_at_once() -> None:
    broken = GOOD.replace('source = "a"', 'source = "zz"').replace('speaker = "p"', 'speaker = "q"')
    _, found = parse_registry(broken, "r.toml")
    with pytest.raises(RegistryProblems) as err:
        raise RegistryProblems(found)
    assert len(err.value.problems) == 2
    assert str(err.value).endswith("(and 1 more)")


def test_shipped_registry_is_valid_and_is_the_repository_one() -> None:
    root = Path(__file__).parent.parent / "quotes.toml"
    registry = load_registry(shipped_registry())
    assert shipped_registry().read_bytes() == root.read_bytes()
    assert len(registry.sources) == 5
    assert len(registry.quotations) >= 60 and len(registry.figures) >= 30


def test_every_wording_and_sentence_is_printed_exactly_in_its_seed(seeds_dir: Path) -> None:
    registry = load_registry(Path(__file__).parent.parent / "quotes.toml")
    texts = {
        sid: (seeds_dir / s.file).read_text(encoding="utf-8") for sid, s in registry.sources.items()
    }
    missing = []
    for q in registry.quotations:
        for r in q.reports:
            if r.text not in texts[r.source] or r.sentence not in texts[r.source]:
                missing.append(q.id)
    for f in registry.figures:
        for fr in f.reports:
            if fr.sentence not in texts[fr.source] or fr.text not in fr.sentence:
                missing.append(f.id)
    assert missing == []


def test_every_speaker_in_the_issue_is_quoted(registry) -> None:  # type: ignore[no-untyped-def]
    quoted = {registry.speakers[q.speaker].name for q in registry.quotations}
    for name in [
        "Vladimir Putin",
        "Xi Jinping",
        "Wang Yi",
        "Dmitry Peskov",
        "Wang Wenbin",
        "Ned Price",
        "Peter Harrell",
        "Andrew Small",
        "Joseph Webster",
        "Chen Jun",
        "Artyom Lukin",
        "Wan Qingsong",
        "Danil Bochkov",
        "Yang Cheng",
        "Katrina Yu",
    ]:
        assert name in quoted


def test_discovery_order(tmp_path: Path) -> None:
    (tmp_path / "quotes.toml").write_text(GOOD)
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    assert find_registry(start=inner, environ={}) == tmp_path / "quotes.toml"
    assert find_registry("x.toml", start=inner, environ={"FACTCHECK_REGISTRY": "y"}) == Path(
        "x.toml"
    )
    assert find_registry(start=inner, environ={"FACTCHECK_REGISTRY": "y"}) == Path("y")
    assert find_registry(configured="c.toml", start=inner, environ={}) == Path("c.toml")
    lonely = Path("/")
    assert find_registry(start=lonely, environ={}) == shipped_registry()


@pytest.mark.parametrize("value", ['"8 to 10 feet"', '"8 to 10"', '"between 8 and 10"', "[8, 10]"])
def test_a_source_range_is_entered_as_a_range(value: str) -> None:
    reg, found = parse_registry(figure(value=value, unit="ft"), "r.toml")
    assert found == []
    q = reg.figures[0].quantity
    assert q.qualifier == "range"
    assert (q.lo, q.hi) == pytest.approx((8 * 0.3048, 10 * 0.3048))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[10, 8]", "the low end must come first"),
        ("[8]", "a range value is two numbers"),
        ('[8, "ten"]', "a range value is two numbers"),
    ],
)
def test_a_bad_range_names_its_line_and_field(value: str, message: str) -> None:
    found = problems(figure(value=value, unit="ft"))
    line = figure(value=value).splitlines().index(f"value = {value}") + 1
    assert any(p.startswith(f"r.toml:{line} [figures[0].value]:") and message in p for p in found)
