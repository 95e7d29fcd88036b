"""Every verdict, on the shipped registry and on a fictional one."""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.model import Registry, Result, Verdict
from factcheck.verdicts.conflicts import find_conflicts


@pytest.mark.parametrize(
    ("claim", "verdict", "entry"),
    [
        ("The bridge is 1,200 metres long.", Verdict.SUPPORTED, "bridge-length"),
        ("The bridge is about 1.2 km long.", Verdict.SUPPORTED, "bridge-length"),
        ("The bridge is 1,500 metres long.", Verdict.CONTRADICTED, "bridge-length"),
        ("The bridge is 1,200 feet long.", Verdict.CONTRADICTED, "bridge-length"),
        ("450 workers built the bridge.", Verdict.DISPUTED, "bridge-workers"),
        ("900 workers built the bridge.", Verdict.CONTRADICTED, "bridge-workers"),
        ("900 spectators watched the bridge open.", Verdict.UNVERIFIED, ""),
        ("The tunnel is 1,200 metres long.", Verdict.UNVERIFIED, ""),
        (
            'Varga said: "This bridge will open the harbour to the whole colorful valley."',
            Verdict.SUPPORTED,
            "varga-bridge-opens",
        ),
        (
            'Varga said: "This bridge opens the harbor to the whole colourful valley."',
            Verdict.SUPPORTED,
            "varga-bridge-opens",
        ),
        (
            'Varga said: "This bridge will close the harbour to the whole valley."',
            Verdict.CONTRADICTED,
            "varga-bridge-opens",
        ),
        (
            'Berg said: "This bridge will open the harbour to the whole colourful valley."',
            Verdict.CONTRADICTED,
            "varga-bridge-opens",
        ),
        ('Varga said: "the whole colourful valley"', Verdict.SUPPORTED, "varga-bridge-opens"),
        ('Varga said: "we will build a second bridge next year"', Verdict.UNVERIFIED, ""),
        ("Nothing here at all.", Verdict.UNVERIFIED, ""),
    ],
)
def test_engine_on_a_fictional_registry(
    mini: Registry, claim: str, verdict: Verdict, entry: str
) -> None:
    result = check(claim, mini)
    assert (result.verdict, result.entry) == (verdict, entry), result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The speaker's surname after another given name: the wrong name, even
        # for words too few to say whose they are.
        ('Marta Varga said: "whole colourful valley"', Verdict.CONTRADICTED),
        ('Marta Varga said: "This bridge will open the harbour to the whole colourful valley."',
         Verdict.CONTRADICTED),
        # The initial of her surname is no sign of her given name.
        ('Vera Varga said: "whole colourful valley"', Verdict.CONTRADICTED),
        # Her name, her initial, a title, a name with her initial (Ellie, perhaps).
        ('Elena Varga said: "whole colourful valley"', Verdict.SUPPORTED),
        ('E. Varga said: "whole colourful valley"', Verdict.SUPPORTED),
        ('Mayor Varga said: "whole colourful valley"', Verdict.SUPPORTED),
        ('Ellie Varga said: "whole colourful valley"', Verdict.SUPPORTED),
        # A surname the registry does not know, after the words: someone else named.
        ('"This bridge will open the harbour to the whole colourful valley," Nowak said.',
         Verdict.CONTRADICTED),
        # A word of her own name is hers.
        ('"This bridge will open the harbour to the whole colourful valley," Elena said.',
         Verdict.SUPPORTED),
        # Her name spelt another way ("Rabie", "Rabei"): letters swapped or doubled.
        ('"This bridge will open the harbour to the whole colourful valley," Vagra said.',
         Verdict.SUPPORTED),
        ('"This bridge will open the harbour to the whole colourful valley," Ellena Varga said.',
         Verdict.SUPPORTED),
        # A letter replaced makes another name, and another given name someone else.
        ('"This bridge will open the harbour to the whole colourful valley," Vargo said.',
         Verdict.CONTRADICTED),
        ('"This bridge will open the harbour to the whole colourful valley," Ilona Vagra said.',
         Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_wrong_given_name_is_a_wrong_speaker(
    mini: Registry, claim: str, verdict: Verdict
) -> None:
    result = check(claim, mini)
    assert result.verdict is verdict, result.reasons
    if verdict is Verdict.CONTRADICTED:
        assert "; the speaker is Elena Varga" in result.reasons[-1], result.reasons


BODY_REGISTRY = """schema = 1
[[sources]]
id = "post"
outlet = "Harbour Post"
[[speakers]]
id = "hpa"
name = "Harbour and Ports Authority"
kind = "organisation"
[[quotations]]
id = "hpa-rivals"
speaker = "hpa"
text = "The merger could harm rivals by refusing them access to the docks"
  [[quotations.reports]]
  source = "post"
  sentence = '"The merger could harm rivals by refusing them access to the docks," it said.'
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A body's initialism is the body.
        ('"The merger could harm rivals by refusing them access to the docks," HPA said.',
         Verdict.SUPPORTED),
        # Another body's is another speaker.
        ('"The merger could harm rivals by refusing them access to the docks," FTC said.',
         Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_bodys_initialism_is_the_body(claim: str, verdict: Verdict) -> None:
    result = _checked(BODY_REGISTRY, claim)
    assert result.verdict is verdict, result.reasons


def _checked(registry_text: str, claim: str) -> Result:
    """The verdict on `claim` against a registry written out in the test."""
    from factcheck.registry import parse_registry

    registry, problems = parse_registry(registry_text, "test.toml")
    assert problems == []
    return check(claim, registry)


def test_reasons_say_what_is_wrong_in_plain_words(mini: Registry) -> None:
    wrong_value = check("The bridge is 1,500 metres long.", mini)
    assert wrong_value.reasons[0].startswith("1,500 metres; the source says 1,200 metres")
    altered = check('Varga said: "This bridge will close the harbour to the whole valley."', mini)
    assert "'close' where the source has 'open'" in altered.reasons
    assert "leaves out 'colourful'" in altered.reasons
    wrong_speaker = check(
        'Berg said: "This bridge will open the harbour to the whole colourful valley."', mini
    )
    assert wrong_speaker.reasons == ("attributed to Berg; the speaker is Elena Varga",)


def test_evidence_names_source_outlet_date_and_sentence(mini: Registry) -> None:
    result = check("450 workers built the bridge.", mini)
    assert [(e.source, e.outlet, e.date, e.agrees) for e in result.evidence] == [
        ("gazette", "Harbour Gazette", "2024-05-01", True),
        ("courier", "Valley Courier", "", False),
    ]
    assert result.evidence[1].sentence == "In all, 600 workers built the bridge."


def test_conflicts_lists_disagreeing_figures_only(mini: Registry) -> None:
    assert [c.figure.id for c in find_conflicts(mini)] == ["bridge-workers"]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("A 4,209 km pipeline runs from Russia to China.", Verdict.UNVERIFIED),
        ("About 100,000 spectators watched the opening ceremony.", Verdict.UNVERIFIED),
        ("Russia shares a 4,209 miles border with China.", Verdict.CONTRADICTED),
        ("Russia shares a 4,300 km border with China.", Verdict.CONTRADICTED),
        ("The two countries signed 16 agreements.", Verdict.DISPUTED),
        (
            'Webster said Russia wants "an extra gesture of verbal support from China".',
            Verdict.CONTRADICTED,
        ),
        (
            'The joint statement called on NATO to "abandon the ideologised approaches of the cold war".',
            Verdict.SUPPORTED,
        ),
    ],
)
def test_shipped_registry(registry: Registry, claim: str, verdict: Verdict) -> None:
    assert check(claim, registry).verdict is verdict


SMALL = 'Andrew Small said the visit would be "significant in a normal {}"'


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (SMALL.format("contxt"), "'contxt' where the source has 'context' (one letter differs)"),
        (
            'Wang Yi said "Russia\'s reasonable security concerns should be taken seriusly"',
            "'seriusly' where the source has 'seriously' (one letter differs)",
        ),
        (
            'Xi described Putin as his "best frend"',
            "'frend' where the source has 'friend' (one letter differs)",
        ),
        (
            'Xi described Putin as his "bset friend"',
            "'bset' where the source has 'best' (one letter differs)",
        ),
    ],
)
def test_a_one_letter_typo_is_a_misquote_with_its_diff(
    registry: Registry, claim: str, reason: str
) -> None:
    result = check(claim, registry)
    assert result.verdict is Verdict.CONTRADICTED
    assert reason in result.reasons


@pytest.mark.parametrize(
    "claim",
    [
        'Xi described Putin as his "good friend"',  # two words, one other word: unknown
        'Xi described Putin as his "best friendship"',  # more than a letter
    ],
)
def test_short_words_that_are_no_typo_stay_unverified(registry: Registry, claim: str) -> None:
    assert check(claim, registry).verdict is Verdict.UNVERIFIED


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Wang Yi said 'Russia's reasonable security concerns should be taken seriously'",
         Verdict.SUPPORTED),
        ("Wang Yi said 'Russia's legitimate security concerns should be taken seriously'",
         Verdict.CONTRADICTED),
        ("Andrew Small said the visit would be 'significant in an abnormal context'",
         Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_straight_single_quotes_are_quotations(
    registry: Registry, claim: str, verdict: Verdict
) -> None:
    assert check(claim, registry).verdict is verdict


GAPPED = """schema = 1

[[sources]]
id = "gazette"
outlet = "Harbour Gazette"

[[speakers]]
id = "engineer"
name = "Tomas Berg"
aliases = ["Berg"]

[[quotations]]
id = "berg-steel"
speaker = "engineer"
text = "We used twice as much steel, said the crew at the yard on the river, as the old design needed, and they worked through the night in the cold, and every rivet was checked by hand"

  [[quotations.reports]]
  source = "gazette"
  sentence = "x"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # Most words in the source's order, a run of its words left out: altered.
        ('Berg said: "We used twice as much steel as the old design needed and every rivet'
         ' was checked by hand."', Verdict.CONTRADICTED),
        # The words as printed, and a part of them, are still the source's.
        ('Berg said: "they worked through the night in the cold"', Verdict.SUPPORTED),
        # Too few words in order to be sure it is this quotation at all.
        ('Berg said: "We used twice as much concrete as the plan said, and every nail was'
         ' tested"', Verdict.UNVERIFIED),
        # A long passage reworded throughout, half its words still the source's in
        # order (another translation): the source's words altered.
        ('Berg said: "We used double the steel, the crew at the river yard said, that the'
         ' former design called for, and they laboured all night long in the cold, and'
         ' each rivet was inspected by hand"', Verdict.CONTRADICTED),
        # As long, sharing a third of its words with the source: other words.
        ('Berg said: "The crew at the yard said the river was high in the cold night, and'
         ' the design of the new bridge was checked by the council in the spring before'
         ' any work began"', Verdict.UNVERIFIED),
    ],
)  # fmt: skip
def test_a_long_quotation_with_words_left_out_is_altered(claim: str, verdict: Verdict) -> None:
    result = _checked(GAPPED, claim)
    assert result.verdict is verdict, result.reasons
    if verdict is Verdict.CONTRADICTED and "twice" in claim:
        assert any(r.startswith("leaves out 'and they worked") for r in result.reasons)
    if verdict is Verdict.CONTRADICTED and "double" in claim:
        assert result.reasons[0].startswith("worded differently throughout: ")


HONEST = """
[[sources]]
id = "gazette"
outlet = "Harbour Gazette"

[[speakers]]
id = "berg"
name = "Ola Berg"

[[quotations]]
id = "berg-honest"
speaker = "berg"
text = "We did nothing wrong. I am a very honest man. It is a new day for the yard."

  [[quotations.reports]]
  source = "gazette"
  sentence = "x"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ('Berg said: "I am a very honest man"', Verdict.SUPPORTED),
        # One word changed among five, two of them words of meaning ("honest",
        # "man"): the source's words altered, though one of them has three letters.
        ('Berg said: "I am a totally honest man"', Verdict.CONTRADICTED),
        # Function words and one short word of meaning in common: anyone's words.
        ('Berg said: "it is a big day"', Verdict.UNVERIFIED),
    ],
)
def test_a_three_letter_word_of_meaning_counts_toward_an_alteration(
    claim: str, verdict: Verdict
) -> None:
    result = _checked(HONEST, claim)
    assert result.verdict is verdict, result.reasons
