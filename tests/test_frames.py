"""What a figure is about: claims whose number must, and must not, be judged
against a registry figure. A made-up story (fixtures/storm.toml), so that no
rule can lean on the seed story's words.

Each row: the claim, the verdict it must get, and why (the kind of error).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.figures.reader import read_figures
from factcheck.frames import clause_span, read_frame
from factcheck.frames.agree import Fit
from factcheck.frames.frame import elided, names_in, restates, same_kind, same_name
from factcheck.matching.index import FigureInfo, figure_info
from factcheck.model import Figure, FigureReport, Registry, Result, Verdict
from factcheck.registry.loader import parse_registry
from factcheck.verdicts.engine import check

STORM = Path(__file__).parent / "fixtures" / "storm.toml"

C, S, U = Verdict.CONTRADICTED, Verdict.SUPPORTED, Verdict.UNVERIFIED

EXAMPLES: list[tuple[str, Verdict, str]] = [
    # The same frame: judged.
    ("The storm killed 14 people across Marrow County.", S, "right figure"),
    ("The storm killed 20 people across Marrow County.", C, "wrong figure"),
    ("Crews rescued 40 people from floodwater.", S, "right figure, other predicate"),
    ("Marrow's levee is 300 km long.", C, "wrong length"),
    ("Forecasters counted 25 tornadoes.", C, "plural -oes meets its keyword"),
    ("The county opened more than 30 shelters.", S, "bound agrees"),
    # A different place or entity: another figure, never a contradiction.
    ("Three people died in Harlow.", U, "a town's toll is not the county's"),
    ("Harlow officials said three people died.", U, "a town's officials give the town's toll"),
    ("Dunmore has a 15 km levee, while Marrow has a 212 km levee.", S, "two clauses"),
    ("Dunmore has a 15 km levee.", U, "another town's levee"),
    (
        "Harlow opened 20 shelters for families whose homes were flooded.",
        U,
        "a named part of an unnamed count",
    ),
    # Another predicate: the rescue count is not the death toll.
    ("12 people were rescued from floodwater.", C, "the rescue figure, not the toll"),
    # Numbers used in passing need a strong frame.
    ("The two crews died down to a trickle of work.", U, "a small count with only a keyword"),
    ("The 2024 Levee Festival drew crowds.", U, "a year that belongs to a name"),
    ("The levee was built in 1970.", C, "a year in its own frame"),
    # A number the source prints beside the entry's figure is that other figure.
    ("Seven pumps failed at the station overnight.", U, "the seven beside the eight"),
    ("The station has eight pumps.", S, "the entry's own figure"),
    ("The station has ten pumps.", C, "a wrong value of the entry's figure"),
]


@pytest.fixture(scope="module")
def storm() -> Registry:
    registry, problems = parse_registry(STORM.read_text(encoding="utf-8"), str(STORM))
    assert not problems
    return registry


@pytest.mark.parametrize(("claim", "verdict", "why"), EXAMPLES, ids=[e[2] for e in EXAMPLES])
def test_frame_examples(storm: Registry, claim: str, verdict: Verdict, why: str) -> None:
    assert check(claim, storm).verdict is verdict, why


def test_examples_cover_every_verdict_the_frames_decide() -> None:
    kinds = {v for _, v, _ in EXAMPLES}
    assert kinds == {C, S, U}


def test_an_unused_nearest_entry_is_named_with_the_reason(storm: Registry) -> None:
    result = check("Three people died in Harlow.", storm)
    data = result.to_dict()
    assert data["nearest"] == ["county-deaths"]
    assert any("Harlow" in r and "Marrow" in r for r in result.reasons)


def test_clause_ends_at_a_contrast_not_at_a_comma() -> None:
    text = "Dunmore, a town, has 15 km, while Marrow has 212 km; more later."
    lo, hi = clause_span(text, text.index("15"), text.index("15") + 5)
    assert text[lo:hi].strip() == "Dunmore, a town, has 15 km,"
    lo, hi = clause_span(text, text.index("212"), text.index("212") + 6)
    assert text[lo:hi].strip() == "Marrow has 212 km"
    text = "The Marrow flood is the worst since 1953, when 300 people died in Dunmore."
    lo, hi = clause_span(text, text.index("300"), text.index("300") + 3)
    assert text[lo:hi].strip() == "300 people died in Dunmore."
    # A "with" phrase after the number brings in someone else; one holding the
    # number keeps the clause before it.
    text = "The board voted 7 to 2, with Ana Lima favoring a delay of 3 weeks."
    lo, hi = clause_span(text, text.index("7 to 2"), text.index("7 to 2") + 6)
    assert text[lo:hi].strip() == "The board voted 7 to 2"
    lo, hi = clause_span(text, text.index("3 weeks"), text.index("3 weeks") + 7)
    assert text[lo:hi].strip().startswith("The board voted")
    # A second predicate of the subject ends the first one's clause, not its own.
    text = "The ferry had carried 9,000 riders and was sold to Dunmore in 2014."
    lo, hi = clause_span(text, text.index("9,000"), text.index("9,000") + 5)
    assert text[lo:hi].strip() == "The ferry had carried 9,000 riders"
    lo, hi = clause_span(text, text.index("2014"), text.index("2014") + 4)
    assert text[lo:hi].strip().startswith("The ferry had carried")


def test_names_leave_out_openers_days_and_possessives() -> None:
    assert names_in("The storm hit Marrow's levee on Friday.", frozenset({"the"})) == ["Marrow"]
    assert names_in("Officials said Putin-Xi", frozenset({"officials"})) == ["Putin", "Xi"]
    assert names_in("as a result of Tuesday’s floods in Marrow") == ["Marrow"]
    # Prepositions and adverbs opening a sentence, even ones the registry never
    # writes in lower case; a middle initial with or without its dot.
    assert names_in("Under Thursday's deal, Marrow rebuilt.") == ["Marrow"]
    assert names_in("Allegedly, the Marrow council paid.") == ["Marrow"]
    # Who said it is no name of the figure; what they said it of is.
    assert names_in("“We ran,” said Mia Ortiz of Marrow.") == []
    assert names_in("The officials said Marrow, in the hills, lost 40 homes.") == ["Marrow"]
    # A number word opening a sentence is the number, not a name.
    assert names_in("Fourteen of the injured left Marrow.") == ["Marrow"]
    assert names_in("Twenty-one homes in Marrow burned.") == ["Marrow"]
    # So is a plural of people by what they do; a surname is still a name.
    assert names_in("Investigators will examine the 63-pound plug.") == []
    assert names_in("Firefighters saved Marrow.") == ["Marrow"]
    assert names_in("Saunders won 12 states.") == ["Saunders"]
    assert names_in("Kelly Marrow spoke. Italy agreed.") == ["Kelly", "Marrow", "Italy"]
    assert names_in("Harold J. Daggett and Harold J Daggett") == ["Harold", "Daggett"] * 2
    assert names_in("at Terminal C, police") == ["Terminal", "C"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Russia", "Russian", True),
        ("China", "Chinese", True),
        ("Harlow", "Harrow", False),
        ("U.S.", "US", True),
        ("Marrow", "Marrow's", True),
        ("Iran", "Iraq", False),
        ("Austria", "Australia", False),  # five letters shared, but no demonym's ending
        ("Germany", "German", True),
        # A source's slip of the keys: neighbours swapped or a letter doubled.
        ("McCaffrey", "McCaffery", True),
        ("Mahomes", "Mahommes", True),
        ("Mali", "Mail", False),  # too short to tell a slip from another name
        ("Harlow", "Harrlow", True),
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(a.replace("'s", ""), b.replace("'s", "")) is same


def test_frame_of_a_number_before_a_name() -> None:
    text = "The 2024 Levee Festival drew crowds."
    frame = read_frame(text, 4, 8)
    assert frame.name_after[:2] == ("levee", "festival")


def test_a_number_before_a_name_the_sources_give_beside_it_is_about_that_name() -> None:
    # "the 400-metre Ever Given" of a source's "the 400-meter ship Ever Given",
    # whose subject does not name it.
    rows = [
        (
            "ship long",
            400,
            "m",
            "The 400-metre container ship Dunmore Star ran aground.",
            "400-metre",
        )
    ]
    rows += [("ship wide", 59, "m", "It is a 59-metre wide vessel.", "59-metre")]
    assert _against(rows, "The 400-metre Dunmore Star was refloated.").verdict is Verdict.SUPPORTED
    # A name alone is too little to call another length wrong.
    other = _against(rows, "The 300-metre Dunmore Star was refloated.")
    assert other.verdict is Verdict.UNVERIFIED, other.reasons


QUOTE_EXAMPLES: list[tuple[str, Verdict, str]] = [
    ('"[T]here has never been a storm like this in the county," Okafor said.', S, "[T]here"),
    ('"The US weather service warned us three days ago," Okafor said.', S, "US for U.S."),
    (
        'Okafor said "There has never been a storm like this in the county", while Patel '
        'said "We will rebuild every home that the water took from us".',
        S,
        "two speakers, each with their own clause",
    ),
    (
        'Patel said "There has never been a storm like this in the county", while Okafor '
        'said "We will rebuild every home that the water took from us".',
        C,
        "two speakers swapped",
    ),
    ('"[T]here has never been a flood like this in the county," Okafor said.', C, "altered"),
    (
        '"There has never been a storm (Hurricane Ida) like this in the county," Okafor said.',
        S,
        "a gloss in parentheses",
    ),
]


@pytest.mark.parametrize(
    ("claim", "verdict", "why"), QUOTE_EXAMPLES, ids=[e[2] for e in QUOTE_EXAMPLES]
)
def test_quotation_examples(storm: Registry, claim: str, verdict: Verdict, why: str) -> None:
    assert check(claim, storm).verdict is verdict, why


def test_words_beyond_what_a_source_printed_are_unknown_not_changed(storm: Registry) -> None:
    # The source printed a part; the claim quotes more of it around that part.
    longer = '"I said there has never been a storm like this in the county," Okafor said.'
    result = check(longer, storm)
    assert result.verdict is U
    assert result.parts[0].nearest == "okafor-worst"
    # A change inside the printed part is still a misquotation.
    changed = '"I said there has never been a flood like this in the county," Okafor said.'
    assert check(changed, storm).verdict is C


def test_two_figures_of_one_kind_share_their_clause_out() -> None:
    text = "Workers rejected the offer with 94.6% and voted to strike with 96% on Friday."
    a, b = text.index("94.6%"), text.index("96%")
    first = read_frame(text, a, a + 5, neighbours=[(b, b + 3)])
    second = read_frame(text, b, b + 3, neighbours=[(a, a + 5)])
    assert "reject" in first.content and "strike" not in first.content
    assert "strike" in second.content and "reject" not in second.content
    # Without neighbours the clause is one frame, as before.
    assert "strike" in read_frame(text, a, a + 5).content


def test_a_straight_and_a_curly_mark_do_not_swallow_the_figures_after_them() -> None:
    from factcheck.matching.index import index_for
    from factcheck.verdicts.engine import analyse

    registry, _ = parse_registry(STORM.read_text(encoding="utf-8"), str(STORM))
    parts, _ = analyse(
        '"Hold on.” The storm killed 20 people across Marrow County.', index_for(registry)
    )
    assert [p.verdict for p in parts if p.kind == "figure"] == [C]


@pytest.mark.parametrize(
    ("claimed", "entry", "conflict"),
    [
        (["NTSB"], ["National", "Transportation", "Safety", "Board"], False),
        (["National", "Transportation", "Safety", "Board"], ["NTSB"], False),
        (["NTSB"], ["Federal", "Aviation", "Administration"], True),
        (["Harlow"], ["Marrow"], True),
    ],
)
def test_an_acronym_meets_the_name_it_spells(
    claimed: list[str], entry: list[str], conflict: bool
) -> None:
    from factcheck.frames.agree import name_conflict

    assert bool(name_conflict(claimed, entry, frozenset())) is conflict


@pytest.mark.parametrize(
    ("text", "clock", "event"),
    [
        ("The train struck the truck at 12:42 p.m.", "12:42 p.m.", True),
        (
            "The strike started at 12:01 a.m. Friday, less than three hours after the vote.",
            "12:01 a.m.",
            True,
        ),
        ("The fire broke out Saturday around 2:40 p.m. near the lab.", "2:40 p.m.", True),
        ("The fire grew from 4,900 acres at 7:40 p.m. to 8,800 acres.", "7:40 p.m.", False),
        ("By 6 p.m. the agency said containment had reached 50%.", "6 p.m.", False),
        ("It was 10% contained as of 8:50 p.m.", "8:50 p.m.", False),
        ("Officials said Saturday around 7 p.m. that residents should leave.", "7 p.m.", False),
        ("The town had been without power since 11pm on Tuesday.", "11pm", True),
        ("About 3,000 homes since 11pm have been without power.", "11pm", False),
    ],
)
def test_a_clock_is_a_figure_only_when_it_says_when_something_happened(
    text: str, clock: str, event: bool
) -> None:
    from factcheck.figures.reader import read_figures
    from factcheck.frames.clock import event_time

    figures = read_figures(text)
    (q,) = [f for f in figures if f.text == clock]
    assert event_time(text, q, figures) is event


BLAZE = """schema = 1
[[sources]]
id = "a"
outlet = "A"
date = "2024-06-02"
"""


def _figure_tables(prefix: str, rows: list[tuple[str, float, str, str, str]]) -> str:
    """[[figures]] tables of source "a": (subject, value, unit, sentence, printed)."""
    return "".join(
        f"""[[figures]]
id = "{prefix}{k}"
subject = "{subject}"
keywords = []
value = {value}
unit = "{unit}"
  [[figures.reports]]
  source = "a"
  value = {value}
  text = "{printed}"
  sentence = "{sentence}"
"""
        for k, (subject, value, unit, sentence, printed) in enumerate(rows)
    )


BLAZE += _figure_tables(
    "f",
    [
        ("acres burned", 14168, "acres", "The Ridge Fire burned 14168 acres.", "14168"),
        ("homes destroyed", 1, "home", "The Ridge Fire destroyed one home.", "one"),
        (
            "firefighters at the scene",
            400,
            "firefighters",
            "About 400 firefighters fought the Ridge Fire.",
            "400",
        ),
        ("engines", 45, "engines", "Crews brought 45 engines to the Ridge Fire.", "45"),
        (
            "injured firefighters",
            2,
            "firefighters",
            "Two firefighters from Alameda County Fire Department were injured.",
            "Two",
        ),
    ],
)


def test_a_name_in_most_of_the_registry_names_the_story_not_another_figure() -> None:
    registry, problems = parse_registry(BLAZE, "blaze.toml")
    assert problems == []
    claim = "Five firefighters were injured fighting the Ridge Fire."
    assert check(claim, registry).verdict is Verdict.CONTRADICTED
    # A name the registry does not use so widely still makes another figure.
    assert (
        check("Five firefighters were injured in Harlow.", registry).verdict is Verdict.UNVERIFIED
    )


def test_one_bound_agreeing_with_another_does_not_bear_a_claim_out() -> None:
    text = BLAZE.replace(
        'value = 400\n  text = "400"', 'value = 400\n  qualifier = "at least"\n  text = "400"'
    )
    registry, problems = parse_registry(text, "blaze.toml")
    assert problems == []
    assert (
        check("At least 300 firefighters fought the Ridge Fire.", registry).verdict
        is Verdict.SUPPORTED
    )
    assert (
        check("At least 900 firefighters fought the Ridge Fire.", registry).verdict
        is Verdict.CONTRADICTED
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Crews brought up to 45 engines to the Ridge Fire.", Verdict.SUPPORTED),
        (
            "Crews brought up to 90 engines to the Ridge Fire.",
            Verdict.CONTRADICTED,
        ),  # another maximum
        ("Crews brought up to 30 engines to the Ridge Fire.", Verdict.CONTRADICTED),
    ],
)
def test_two_maximums_agree_only_when_their_numbers_do(claim: str, verdict: Verdict) -> None:
    text = BLAZE.replace(
        'value = 45\n  text = "45"', 'value = 45\n  qualifier = "at most"\n  text = "45"'
    )
    registry, problems = parse_registry(text, "blaze.toml")
    assert problems == []
    assert check(claim, registry).verdict is verdict


def _percent_entry(entry: str, value: float) -> FigureInfo:
    q = read_figures(f"{value:g}%")[0]
    report = FigureReport("a", q, f"The fire was {value:g}% contained.", f"{value:g}%")
    return figure_info(Figure(entry, "containment", (), q, (report,)))


@pytest.mark.parametrize(("claimed", "entry"), [("85%", "f85"), ("65%", "f30")])
def test_a_candidate_as_close_as_the_best_that_agrees_is_the_match(
    claimed: str, entry: str
) -> None:
    # Two entries the claim's words fit equally ("85% contained" beside the 30%
    # and the 85% of containment): the one that agrees is the match, so the
    # claim is not called wrong by the other. With none agreeing, the best stays.
    from factcheck.matching.figures import _choose

    sure = Fit(score=2.6, extra=2.6, conflict="", named=2.6)
    weak = Fit(score=2.6, extra=1.6, conflict="", named=1.6)
    fits = [(_percent_entry("f30", 30), sure), (_percent_entry("f85", 85), weak)]
    found = _choose(read_figures(claimed)[0], fits)
    assert (found.info.figure.id, found.confident) == (entry, True)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # One word shared ("crews") and several the registry never uses: the
        # claim may be about something else, so it is not called wrong.
        ("Crews expect 60 engines to stay idle next summer.", Verdict.UNVERIFIED),
        ("Crews brought 60 engines to the Ridge Fire.", Verdict.CONTRADICTED),
        ("Crews brought 60 engines.", Verdict.CONTRADICTED),  # two shared words
    ],
)
def test_a_contradiction_needs_more_than_one_shared_word_beside_new_ones(
    claim: str, verdict: Verdict
) -> None:
    registry, problems = parse_registry(BLAZE, "blaze.toml")
    assert problems == []
    result = check(claim, registry)
    assert result.verdict is verdict, result.reasons


def test_a_year_in_another_role_is_another_figure() -> None:
    # "in 2030" dates the claim; "since 2019" bounds a span: not the same year
    # wrongly given, but another figure.
    text = (
        BLAZE
        + """[[figures]]
id = "dissent-year"
subject = "the last dissent at the Ridge council"
keywords = []
value = 2019
unit = "calendar-year"
  [[figures.reports]]
  source = "a"
  value = 2019
  text = "2019"
  sentence = "She became the first Ridge council member since 2019 to vote against the budget."
"""
    )
    registry, problems = parse_registry(text, "blaze.toml")
    assert problems == []
    assert (
        check("Ridge council members expect to vote on the budget in 2030.", registry).verdict is U
    )
    assert (
        check(
            "She became the first Ridge council member since 2015 to vote against the budget.",
            registry,
        ).verdict
        is C
    )


# A bare count after a running total: the total it is the value of, or "".
TOTALS_READ: list[tuple[str, str]] = [
    ("Rescuers raised the death toll to 205 on Friday.", "toll"),
    ("The toll stood at 95.", "toll"),
    ("The tally of votes reached 4,100, officials said.", "tally"),
    (
        "Officials raised the death toll in the worst floods in years to 205 as troops arrived.",
        "toll",
    ),
    # "The number of" a plural is a count of that plural.
    ("The number of unemployed people, at 6.8 million, changed little.", "people"),
    ("The number of diverted flights was 30.", "flights"),
    ("Its total of cancelled flights since Friday reached almost 4,700.", "flights"),
    # So is a backlog, a tailback or a queue of them, after an auxiliary too.
    ("By the end, the tailback of ships had reached 425 at the two ends.", "ships"),
    ("The backlog of cargo ships grew to 369.", "ships"),
    ("The price of shares reached 45.", ""),
    # A gain or a loss of a count is of its noun: "job gains" are jobs.
    ("August's job gain was revised to 159,000.", "jobs"),
    ("Seat losses reached 40 on Friday.", "seats"),
    # Not a bare count, or no total before it.
    ("The number of them was 30.", ""),
    ("The toll rose to 205 people.", ""),
    ("The storm killed 205.", ""),
    ("The toll road is 40 km long.", ""),
]


@pytest.mark.parametrize(("text", "total"), TOTALS_READ)
def test_a_bare_count_after_a_total_counts_the_total(text: str, total: str) -> None:
    from factcheck.frames.counted import counted_before

    q = read_figures(text)[0]
    assert counted_before(text, q.start, q.end) == total


def test_totals_have_examples_of_both_kinds() -> None:
    assert {bool(t) for _, t in TOTALS_READ} == {True, False}


PEOPLE = _figure_tables(
    "people-",
    [
        ("evacuated", 3000, "people", "Deputies evacuated 3000 people from Harlow.", "3000"),
        ("sheltered", 120, "people", "The school sheltered 120 people overnight.", "120"),
        ("treated", 6, "people", "Medics treated 6 people for smoke.", "6"),
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Deputies evacuated 5000 people from Harlow.", C),
        ("The school sheltered 300 people overnight.", C),
        # "people" is counted in a third of the figures: one shared word
        # ("deputies") does not say which of them the claim is about.
        ("Deputies saw 5000 people.", U),
    ],
)
def test_a_generic_counted_noun_needs_two_shared_words_to_contradict(
    claim: str, verdict: Verdict
) -> None:
    registry, problems = parse_registry(BLAZE + PEOPLE, "blaze.toml")
    assert problems == []
    result = check(claim, registry)
    assert result.verdict is verdict, result.reasons


def test_determiners_are_no_words_of_a_frame() -> None:
    from factcheck.text import content_stems

    assert not {"each", "every", "both", "another"} & set(
        content_stems("each every both another tower")
    )


def test_the_storys_name_is_no_shared_word_beside_unknown_ones() -> None:
    # "Ridge" names the story (it is in most of the figures); with two words no
    # figure uses, a claim sharing only it and "crews" with an entry is not judged.
    registry, problems = parse_registry(BLAZE, "blaze.toml")
    assert problems == []
    claim = "Ridge Fire crews expect 60 engines to stay idle next summer."
    assert check(claim, registry).verdict is U


def test_a_claim_repeating_the_sources_bound_is_borne_out() -> None:
    # "At least 3000" against the source's "at least 3000": the same bound, not
    # one bound agreeing with another, so the generic noun needs no second word.
    text = (BLAZE + PEOPLE).replace(
        'value = 3000\n  text = "3000"', 'value = 3000\n  qualifier = "at least"\n  text = "3000"'
    )
    registry, problems = parse_registry(text, "blaze.toml")
    assert problems == []
    result = check("At least 3000 people were evacuated.", registry)
    assert result.verdict is S, result.reasons
    assert check("At least 2000 people were evacuated.", registry).verdict is U


TOLL = _figure_tables(
    "toll-",
    [
        (
            "death toll",
            128,
            "toll",
            "The death toll rose to 128 on Friday, while about 200 people remained missing.",
            "128",
        ),
        ("injured toll", 158, "toll", "The injury toll rose from 95 to 158 on Thursday.", "158"),
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # 182 is near "about 200 people", but a toll is not the people missing.
        ("The death toll rose to 182 on Friday.", C),
        ("The death toll rose to 128 on Friday.", S),
        # 95 is the toll before it rose, printed beside the entry's 158: not judged.
        ("The injury toll rose to 95.", U),
    ],
)
def test_a_running_total_is_not_the_noun_counted_beside_it(claim: str, verdict: Verdict) -> None:
    registry, problems = parse_registry(BLAZE + TOLL, "blaze.toml")
    assert problems == []
    result = check(claim, registry)
    assert result.verdict is verdict, result.reasons


def test_a_name_alone_in_common_does_not_make_a_contradiction() -> None:
    # The clause shares only "Harlow" with the duration: which of Harlow's
    # figures 25 years would be is unsaid.
    shelter = _figure_tables(
        "shelter-",
        [("shelter open", 11, "days", "Harlow kept its shelter open for 11 days.", "11 days")],
    )
    registry, problems = parse_registry(BLAZE + shelter, "blaze.toml")
    assert problems == []
    result = check("Harlow faces up to 25 years.", registry)
    assert result.verdict is U, result.reasons
    assert check("Harlow kept its shelter open for 30 days.", registry).verdict is C


# What happened to what is counted: pairs of clauses that name different fates
# (no contradiction between them) and pairs that name one.
FATE_PAIRS: list[tuple[str, str, bool]] = [
    ("12 people were rescued", "the storm killed 12 people", True),
    ("61 people are receiving hospital treatment", "the fire killed at least 44 people", True),
    ("about 200 people remained missing", "176 people were killed", True),
    ("police arrested 15 people", "15 people were injured", True),
    ("the fire destroyed 40 homes", "the order affected 40 homes under evacuation", True),
    ("500 people were displaced", "500 people were evacuated", True),
    ("the storm damaged 30 homes", "the storm destroyed 30 homes", True),
    # One fate in other words, or no fate on one side: the frames decide.
    ("14 people died", "the storm killed 14 people", False),
    ("40 people were hurt", "left 40 injured", False),
    ("about 100 people were unaccounted for", "about 200 people missing", False),
    ("more than 4,600 people live in the estate", "the fire killed 44 people", False),
    ("3,000 people in the town", "3,000 people were evacuated", False),
]


def _near_of(text: str, money: bool = False) -> frozenset[str]:
    """The words beside the text's first number (its first sum, for `money`)."""
    q = next(q for q in read_figures(text) if not money or q.dimension.startswith("money"))
    return read_frame(text, q.start, q.end).near


@pytest.mark.parametrize(("claim", "entry", "differ"), FATE_PAIRS)
def test_fates(claim: str, entry: str, differ: bool) -> None:
    from factcheck.frames.fates import fate_conflict

    assert bool(fate_conflict(_near_of(claim), _near_of(entry))) is differ


def test_every_fate_has_an_example_that_differs() -> None:
    from factcheck.frames.fates import FATES, fates_in

    def fates(text: str) -> frozenset[str]:
        q = read_figures(text)[0]
        return fates_in(read_frame(text, q.start, q.end).near)

    named = {
        f for claim, entry, differ in FATE_PAIRS if differ for f in fates(claim) | fates(entry)
    }
    assert named == set(FATES)


TRAILER_PARK = _figure_tables(
    "toll-",
    [("killed", 14, "people", "The Ridge Fire killed 14 people in the Harlow trailer park.", "14")],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("In the Harlow trailer park, 20 people were missing.", U),
        ("In the Harlow trailer park, 20 people were injured.", U),
        ("In the Harlow trailer park, 20 people were killed.", C),
        ("In the Harlow trailer park, 14 people died.", S),
    ],
)
def test_a_count_with_another_fate_is_not_the_toll(claim: str, verdict: Verdict) -> None:
    registry, problems = parse_registry(BLAZE + TRAILER_PARK, "blaze.toml")
    assert problems == []
    result = check(claim, registry)
    assert result.verdict is verdict, result.reasons


def test_a_relative_aside_is_another_nouns_frame_not_the_numbers() -> None:
    from factcheck.frames.clause import without_asides
    from factcheck.frames.figure import figure_frame

    text = "Two lanes, except the one where the crash happened, reopened at 9:30 p.m., police said."
    at = text.index("9:30")
    blanked = without_asides(text, at, at + 9)
    assert len(blanked) == len(text) and "crash" not in blanked and "reopened" in blanked
    # An aside that holds the number is its clause, and stays.
    inside = "The lanes, which reopened at 9:30 p.m., were closed."
    at = inside.index("9:30")
    assert without_asides(inside, at, at + 9) == inside
    q = read_figures("9:30 p.m.")[0]
    aside = "The ferry, which left Dunmore, docked at 9:30 p.m., the port said."
    frame = figure_frame(Figure("docked", "", (), q, (FigureReport("a", q, aside, "9:30 p.m."),)))
    # "left" is not what happened at 9:30, but a claim may still name Dunmore.
    assert "left" not in frame.content and "dock" in frame.content
    assert "Dunmore" in frame.all_names


def _checked(tables: str, claim: str) -> Result:
    """The verdict on `claim` against source "a" and the given [[figures]] tables."""
    registry, problems = parse_registry(BLAZE + tables, "blaze.toml")
    assert problems == []
    return check(claim, registry)


def _against(rows: list[tuple[str, float, str, str, str]], claim: str) -> Result:
    """The verdict on `claim` against figures of source "a" (see _figure_tables)."""
    return _checked(_figure_tables("t-", rows), claim)


AGES = (
    _figure_tables(
        "age-",
        [
            (
                "Mia Ortiz",
                52,
                "years old",
                "“We ran,” said Mia Ortiz, 52, who lives on the ridge.",
                "52",
            ),
            (
                "Harold J. Daggett",
                78,
                "years old",
                "Harold J. Daggett, the 78-year-old president of the union, spoke.",
                "78-year-old",
            ),
            (
                "crew members",
                [27, 56],
                "years old",
                "The six crew members, aged from 27 to 56, were rescued.",
                "27 to 56",
            ),
        ],
    )
    + """[[speakers]]
id = "mia-ortiz"
name = "Mia Ortiz"
"""
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A speaker's age is about the speaker: her name is the frame.
        ("Mia Ortiz is 52.", S),
        ("Mia Ortiz is 25.", C),
        ("Ridge resident Mia Ortiz, 25, fled.", C),
        # Another person of the same surname is another age.
        ("Dennis Daggett, the union's vice president, is 78.", U),
        ("Harold Daggett is 87.", C),
        # A span is a group's youngest and oldest: another span is wrong, and one
        # person's age neither bears it out nor contradicts it.
        ("The crew members were aged from 27 to 56.", S),
        ("The crew members were aged between 27 and 65.", C),
        ("The ridge residents were aged 50 to 60.", U),
    ],
)
def test_an_age_is_about_the_person_it_names(claim: str, verdict: Verdict) -> None:
    result = _checked(AGES, claim)
    assert result.verdict is verdict, result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "boys" is in every figure, so it says little; both ends met say the rest.
        ("The boys are aged between 11 and 16.", S),
        # Another span is left unverified: the words are too few to call it wrong.
        ("The boys are aged between 13 and 18.", U),
    ],
)
def test_a_span_met_end_for_end_is_borne_out_by_few_words(claim: str, verdict: Verdict) -> None:
    boys = [
        (f"boys {k}", k, "boys", f"Rescuers freed {k} boys on day {k}.", str(k)) for k in (4, 8)
    ]
    boys += [
        ("boys aged", [11, 16], "years old", "The 12 boys, aged 11 to 16, were freed.", "11 to 16")
    ]
    boys += [("boys", 12, "boys", "All 12 boys were freed.", "12")]
    result = _against(boys, claim)
    assert result.verdict is verdict, result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The total on board says nothing of who was hurt: not evidence against 15.
        ("15 people on the ferry were injured.", U),
        ("Nine people on the ferry were killed in the crash.", U),
        ("All 370 people on the ferry got out safely.", C),
        ("All 379 people on the ferry got out safely.", S),
    ],
)
def test_a_total_is_not_what_happened_to_some_of_it(claim: str, verdict: Verdict) -> None:
    on_board = _figure_tables(
        "ferry-",
        [
            (
                "people on board the ferry",
                379,
                "people",
                "All occupants of the ferry, believed to total 379 people, got out safely.",
                "379",
            )
        ],
    )
    result = _checked(on_board, claim)
    assert result.verdict is verdict, result.reasons


def test_names_nearer_another_figure_of_its_kind_are_that_figures() -> None:
    markets = _figure_tables(
        "index-",
        [
            (
                "Nasdaq Composite added",
                0.7,
                "percent",
                "The Dow Jones fell 0.2% and the Nasdaq Composite added 0.7%.",
                "0.7%",
            )
        ],
    )
    registry, problems = parse_registry(BLAZE + markets, "blaze.toml")
    assert problems == []
    assert check("The Nasdaq Composite added 0.7%.", registry).verdict is S
    # The Dow is named in the entry's sentence, but beside its own 0.2%.
    result = check("The Dow Jones added 0.7%.", registry)
    assert result.verdict is U, result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The walkout began at 12:01 a.m. Tuesday.", S),
        ("The walkout began at 12:01 a.m. on Monday.", C),
        ("The walkout began at 12:01 a.m.", S),
        ("The walkout began at 1:01 a.m. Tuesday.", C),
    ],
)
def test_the_weekday_written_with_a_clock_time_is_part_of_the_moment(
    claim: str, verdict: Verdict
) -> None:
    walkout = _figure_tables(
        "walkout-",
        [
            (
                "dockworkers began the walkout",
                '"12:01 a.m."',
                "time",
                "At 12:01 a.m. Tuesday, dockworkers began the walkout at the ports.",
                "12:01 a.m.",
            )
        ],
    )
    result = _checked(walkout, claim)
    assert result.verdict is verdict, result.reasons
    if verdict is C and "Monday" in claim:
        assert "Tuesday" in result.parts[0].reasons[0]


def test_a_name_keeps_the_number_that_tells_it_from_another() -> None:
    text = "The agency grounded 171 Marrow 737 Max 9 planes."
    (count,) = read_figures(text)
    assert "plane" in count.following  # what it counts, past the name's numbers
    assert {"Marrow 737", "Max 9"} <= set(names_in(text))
    assert names_in("On Tuesday 15 people died in Marrow.") == ["Marrow"]
    rows = [
        (
            "planes grounded",
            171,
            "planes",
            "It led to the grounding of 171 Marrow 737 Max 9 planes.",
            "171",
        )
    ]
    assert (
        _against(rows, "Regulators grounded 250 Marrow 737 Max 9 planes.").verdict
        is Verdict.CONTRADICTED
    )
    other = _against(rows, "Regulators grounded 250 Marrow 737 Max 8 planes.")
    assert other.verdict is Verdict.UNVERIFIED, other.reasons


def test_a_number_run_on_into_letters_is_a_name() -> None:
    assert "49ers" in names_in("The Chiefs beat the 49ers in overtime")
    assert names_in("the 1970s and the 20th time, 5km away") == []


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("Bob found the 27kg (60lb) door plug.", True),
        ("The border is 4,209 km, or 2,615 miles, long.", True),
        ("The river is 4,209 km (about 2,615 miles) long.", True),
        # Two measures, not one twice: each is a figure.
        ("It fell 3 metres and then 10 feet.", False),
        ("The fire burned 14,168 acres (57 homes).", False),
        ("The tower is 300 m (300 m with its mast).", False),
    ],
)
def test_a_measure_in_another_unit_in_brackets_is_the_same_figure(text: str, again: bool) -> None:
    figures = read_figures(text)
    assert len(figures) == 2, figures
    assert restates(1, figures, text) is again
    assert not restates(0, figures, text)


def test_a_count_that_names_nothing_counts_the_noun_before_it() -> None:
    text = "The Lions and Hawks have six league titles each, followed by the Owls with five each."
    six, five = read_figures(text)
    assert elided(five) and not elided(six)
    assert same_kind(six, five)
    # So each count's names are its own: the Owls are the five's, not the six's.
    frame = read_frame(text, five.start, five.end, neighbours=[(six.start, six.end)])
    assert "Owls" in frame.names and "Lions" not in frame.names


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Owls have five league titles.", S),
        # The six the sentence prints is the Lions' and Hawks': the claim names
        # the Owls, whose number it is not.
        ("The Owls have six league titles.", C),
        # A claim naming no one may mean the other number the sentence prints.
        ("Six league titles each.", U),
    ],
)
def test_a_number_printed_beside_for_others_does_not_hide_a_wrong_one(
    claim: str, verdict: Verdict
) -> None:
    sentence = (
        "The Lions and Hawks have six league titles each, followed by the Owls with five each."
    )
    result = _against(
        [("the Owls with … each [league titles]", 5, "titles", sentence, "five")], claim
    )
    assert result.verdict is verdict, result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The sentence names the town in the clause before the number's.
        ("None of the 300 passengers of the ferry that ran aground near Corvo were hurt.", S),
        ("None of the 400 passengers of the ferry that ran aground near Corvo were hurt.", C),
        # A town the sentence never names is still something else.
        ("None of the 300 passengers of the ferry that ran aground near Flores were hurt.", U),
        # Nor one the sentence names for another count of its kind.
        ("None of the 300 passengers of the ferry near Pico were hurt.", U),
    ],
)
def test_a_number_naming_nothing_takes_the_names_of_its_sentence(
    claim: str, verdict: Verdict
) -> None:
    sentence = (
        "A ferry ran aground off Corvo on Sunday although none of the 300 passengers"
        " were hurt, while at Pico 40 passengers waited."
    )
    result = _against(
        [("none of the … passengers were hurt", 300, "passengers", sentence, "300")], claim
    )
    assert result.verdict is verdict, result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("In Corvo, six people were missing.", S),
        # The village opens the sentence, far from the number: still its place.
        ("In Corvo, 16 people were missing.", C),
        ("In Pico, 16 people were missing.", U),
    ],
)
def test_a_place_the_sentence_opens_with_says_which_count_of_people(
    claim: str, verdict: Verdict
) -> None:
    rows = [
        (
            "Mayor Ana Lima said … people were missing",
            6,
            "people",
            "In the village of Corvo in the hills to the north of the bay, Mayor Ana Lima said"
            " six people were missing.",
            "six",
        ),
        ("people died in Flores", 10, "people", "Ten people died in Flores.", "Ten"),
        ("people were rescued in Faial", 4, "people", "Four people were rescued in Faial.", "Four"),
        ("people fled in Faial", 90, "people", "About 90 people fled their homes in Faial.", "90"),
    ]
    result = _against(rows, claim)
    assert result.verdict is verdict, result.reasons


def test_what_happened_follows_what_it_happened_to() -> None:
    text = "Seventeen passengers were injured and four were taken to hospital."
    seventeen, four = read_figures(text)
    assert four.following == ()  # a verb follows it: it names nothing it counts
    first = read_frame(text, seventeen.start, seventeen.end, neighbours=[(four.start, four.end)])
    second = read_frame(text, four.start, four.end, neighbours=[(seventeen.start, seventeen.end)])
    assert "injur" in first.content and "injur" not in second.content
    assert {"take", "hospital"} <= second.content


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Seventeen passengers were injured and four were taken to hospital.", S),
        ("Seventeen passengers were injured and nine were taken to hospital.", C),
        ("Four passengers were taken to hospital.", S),
    ],
)
def test_a_count_after_its_noun_counts_it(claim: str, verdict: Verdict) -> None:
    rows = [
        (
            "… were taken to hospital [passengers]",
            4,
            "passengers",
            "Of the ferry's 300 passengers, 17 were injured, and four were taken to hospital.",
            "four",
        ),
    ]
    result = _against(rows, claim)
    assert result.verdict is verdict, result.reasons
    assert result.parts[-1].entry == "t-0"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The lifeboat volunteers were aged from 19 to 64.", S),
        ("The lifeboat volunteers were aged from 19 to 46.", C),
    ],
)
def test_an_aside_is_about_the_noun_before_it(claim: str, verdict: Verdict) -> None:
    rows = [
        (
            "boat whose ages ranged from …",
            '"19 to 64"',
            "years old",
            "Four of the five lifeboat volunteers on board the small boat, whose ages ranged"
            " from 19 to 64, were rescued at dawn.",
            "19 to 64",
        )
    ]
    result = _against(rows, claim)
    assert result.verdict is verdict, result.reasons


def _headlined(titles: list[str], rows: list[tuple[str, float, str, str, str]]) -> Registry:
    """A registry whose source "a" and more sources carry these headlines."""
    sources = "".join(
        f'[[sources]]\nid = "{"a" if k == 0 else f"t{k}"}"\noutlet = "O{k}"\ntitle = "{t}"\n'
        for k, t in enumerate(titles)
    )
    registry, problems = parse_registry(
        "schema = 1\n" + sources + _figure_tables("h-", rows), "headlines.toml"
    )
    assert problems == []
    return registry


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The headlines name the fire: a claim naming it names no other figure.
        ("Five firefighters were injured fighting the Ridge Fire.", C),
        ("Two firefighters were injured fighting the Ridge Fire.", S),
        # A place no headline names is still something else.
        ("Five firefighters were injured fighting the Oak Fire.", U),
        # And an entry naming something else (another fire) is that one's.
        ("The Ridge Fire destroyed 30 homes.", U),
    ],
)
def test_a_name_the_headlines_share_names_the_story(claim: str, verdict: Verdict) -> None:
    titles = ["Ridge Fire grows to 9,000 acres", "Ridge Fire: crews hold the line", "Rain ahead"]
    rows = [
        ("… firefighters were injured", 2, "firefighters",
         "Two firefighters were injured while battling the blaze on Sunday.", "Two"),
        ("homes destroyed", 12, "homes", "The Elm Fire, miles to the south, destroyed 12 homes.", "12"),
        # Other figures, so that the words of the first are distinctive.
        ("acres burned", 9000, "acres", "The Ridge Fire has burned 9,000 acres.", "9,000"),
        ("crews on the line", 400, "crews", "Some 400 crews worked overnight.", "400"),
        ("roads closed", 5, "roads", "Police closed five roads.", "five"),
    ]  # fmt: skip
    result = check(claim, _headlined(titles, rows))
    assert result.verdict is verdict, result.reasons


def test_headlines_naming_two_sides_still_tell_them_apart() -> None:
    titles = ["Hawks beat Owls in overtime", "Owls fall to Hawks", "Hawks win the final"]
    rows = [
        ("The Hawks finished … on the season", '"15-6"', "tally",
         "The Hawks finished 15-6 on the season.", "15-6"),
        ("the final's crowd", 60000, "fans", "Some 60,000 fans watched the final.", "60,000"),
        ("yards passing", 333, "yards", "Lee passed for 333 yards.", "333"),
        ("seasons coached", 11, "seasons", "Reid has coached 11 seasons.", "11"),
    ]  # fmt: skip
    registry = _headlined(titles, rows)
    assert check("The Hawks finished the season 15-6.", registry).verdict is S
    result = check("The Owls finished the season 15-6.", registry)
    assert result.verdict is U, result.reasons


def test_the_later_end_of_a_change_shares_the_words_before_it() -> None:
    text = "Marrow raised the harbour levy from 5 euros to 7 euros, and the toll to 9 euros."
    five, seven, nine = read_figures(text)
    spans = [(q.start, q.end) for q in (five, seven, nine)]
    frame = read_frame(text, seven.start, seven.end, neighbours=[spans[0], spans[2]])
    assert {"harbour", "levy"} <= frame.content
    # The next figure is no end of that change: the levy's words are not its own.
    toll = read_frame(text, nine.start, nine.end, neighbours=spans[:2])
    assert "harbour" not in toll.content and "toll" in toll.content


def test_individuals_and_souls_count_people() -> None:
    text = "At least 28 individuals were killed in the Marrow dormitory building."
    rows = [("killed in the dormitory", 28, "individuals", text, "At least 28")]
    said = _against(rows, "At least 28 people were killed in the Marrow dormitory building.")
    assert said.verdict is Verdict.SUPPORTED, said.reasons
    other = _against(rows, "At least 28 students were killed in the Marrow dormitory building.")
    assert other.verdict is Verdict.UNVERIFIED, other.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("At least 200 people were killed in the Marrow floods.", Verdict.SUPPORTED),
        # A floor far below the source's says another count, or a wrong one.
        ("At least 28 people were killed in the Marrow floods.", Verdict.CONTRADICTED),
    ],
)
def test_a_floor_far_below_the_sources_is_not_borne_out(claim: str, verdict: Verdict) -> None:
    text = "The Marrow floods killed at least 240 people, officials said."
    tables = _figure_tables("t-", [("killed in the floods", 240, "people", text, "at least 240")])
    tables = tables.replace("  value = 240\n", '  value = 240\n  qualifier = "at least"\n')
    said = _checked(tables, claim)
    assert said.verdict is verdict, said.reasons


def test_two_figures_share_out_their_words_whole() -> None:
    text = "The 787 had logged 41,000 flight hours."
    model, hours = read_figures(text)
    frame = read_frame(text, hours.start, hours.end, neighbours=[(model.start, model.end)])
    words = (
        frame.content
        | read_frame(text, model.start, model.end, neighbours=[(hours.start, hours.end)]).content
    )
    assert "log" in words and "ogg" not in words and "l" not in words


# Figures of another kind, so that a test's own entry counts a small share of them.
PORT_ROWS = [
    (n, k, n, f"Marrow port has {k} {n}.", str(k)) for k, n in enumerate(["tugs", "piers"], 2)
]


def _crew_rows(*counts: int) -> list[tuple[str, float, str, str, str]]:
    first = "The jet carried 230 passengers and {} crew from Marrow."
    rows = [(f"crew {n}", n, "crew", first.format(n), str(n)) for n in counts]
    rows.append(("passengers", 230, "passengers", "Some 230 passengers boarded.", "230"))
    rows.append(("died", 241, "people", "Air Marrow has confirmed 241 people died.", "241"))
    # Other figures, so that "crew" is counted in a small share of them.
    for k, noun in enumerate(["engines", "runways", "hangars", "gates", "tankers"], 2):
        rows.append((noun, k, noun, f"Marrow airport has {k} {noun}.", str(k)))
    return rows


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("There were 12 crew on the flight.", Verdict.SUPPORTED),
        ("There were 14 crew on the flight.", Verdict.CONTRADICTED),
        # Another place's crew, or people (counted in much of the registry).
        ("There were 14 crew on the Ohio ferry.", Verdict.UNVERIFIED),
        ("There were 200 people on the flight.", Verdict.UNVERIFIED),
        # Nor is what happened to some of them the count of them all.
        ("Four crew were injured on the flight.", Verdict.UNVERIFIED),
    ],
)
def test_a_noun_only_one_figure_counts_says_which_figure(claim: str, verdict: Verdict) -> None:
    said = _against(_crew_rows(12), claim)
    assert said.verdict is verdict, said.reasons


def test_a_dated_only_count_can_bear_a_claim_out_but_never_fault_it() -> None:
    # A report dated by its sentence makes the entry a series, which may have
    # moved on since: its one value bears "12 crew" out, and says nothing
    # against "14 crew".
    tables = _figure_tables("t-", _crew_rows(12)).replace(
        'value = 12\n  text = "12"', 'value = 12\n  as_of = "2024-01-02"\n  text = "12"'
    )
    assert 'as_of = "2024-01-02"' in tables
    assert _checked(tables, "There were 12 crew on the flight.").verdict is Verdict.SUPPORTED
    said = _checked(tables, "There were 14 crew on the flight.")
    assert said.verdict is Verdict.UNVERIFIED, said.reasons


def test_a_noun_two_figures_count_differently_says_nothing_alone() -> None:
    said = _against(_crew_rows(12, 10), "There were 14 crew on the flight.")
    assert said.verdict is Verdict.UNVERIFIED, said.reasons


def test_a_claim_dated_to_a_year_no_source_gives_is_not_called_wrong() -> None:
    rows = [("aboard", 5, "people", "The Marrow sub sank with five people on board.", "five")]
    rows += PORT_ROWS
    other_time = _against(rows, "The Marrow sub sank in 1912 with 1,500 people on board.")
    assert other_time.verdict is Verdict.UNVERIFIED, other_time.reasons
    assert any("1912" in r for r in other_time.reasons)
    assert (
        _against(rows, "The Marrow sub sank with 15 people on board.").verdict
        is Verdict.CONTRADICTED
    )


def test_people_are_never_the_only_count_of_their_noun() -> None:
    rows = [row for row in _crew_rows(12) if row[2] != "people"]
    rows.append(("boarded", 242, "people", "Some 242 people boarded in Marrow.", "242"))
    said = _against(rows, "There were 300 people on the flight.")
    assert said.verdict is Verdict.UNVERIFIED, said.reasons


def test_a_clipped_name_is_the_name_it_begins() -> None:
    from factcheck.frames.agree import name_conflict

    assert name_conflict(["Fed"], ["Federal", "Reserve"], frozenset()) == ""
    assert name_conflict(["Calif"], ["California"], frozenset()) == ""
    # Not a word that merely starts alike, nor initials.
    assert name_conflict(["Marrow"], ["Marrowfield"], frozenset()) != ""
    assert name_conflict(["FED"], ["Federal", "Dunmore"], frozenset()) != ""


def test_a_far_closer_entry_naming_something_else_leaves_the_subject_in_doubt() -> None:
    september = "The Marrow Central Bank lowered its benchmark interest rate by 50 basis points in September."
    rows = [
        ("the September cut", 50, "bp", september, "50 basis points"),
        (
            "the next cut",
            25,
            "bp",
            "Traders think the benchmark rate will be lowered again by 25 basis points.",
            "25 basis points",
        ),
        ("tugs", 3, "tugs", "Marrow port has 3 tugs.", "3"),
        ("piers", 4, "piers", "Marrow port has 4 piers.", "4"),
    ]
    claim = "The Dunmore bank lowered its benchmark interest rate by 75 basis points in September."
    said = _against(rows, claim)
    assert said.verdict is Verdict.UNVERIFIED, said.reasons
    assert any("a closer entry, t-0" in r for r in said.reasons), said.reasons


def test_a_month_of_the_claim_the_sources_do_not_give_is_another_figure() -> None:
    rows = [
        ("jobs", 254000, "jobs", "The Marrow economy added 254,000 jobs in September.", "254,000"),
        (
            "rate",
            4.1,
            "percent",
            "Marrow unemployment fell to 4.1% in September, from 4.2% in August.",
            "4.1%",
        ),
    ]
    assert (
        _against(rows, "The Marrow economy added 254,000 jobs in September.").verdict
        is Verdict.SUPPORTED
    )
    october = _against(rows, "The Marrow economy added 254,000 jobs in October.")
    assert october.verdict is Verdict.UNVERIFIED, october.reasons
    # The month of the neighbour's words is the neighbour's.
    said = _against(rows, "Marrow unemployment fell to 4.1%, from 4.2% in August.")
    assert said.parts[0].verdict is Verdict.SUPPORTED, said.reasons


def test_a_claim_of_months_its_entry_does_not_give_is_not_called_wrong() -> None:
    july = "Marrow revised July's count up by 5,000 to 144,000 jobs."
    rows = [("july", 144000, "jobs", july, "144,000")]
    rows += PORT_ROWS
    both = _against(rows, "Marrow revised July and August up by a combined 72,000 jobs.")
    assert both.verdict is Verdict.UNVERIFIED, both.reasons
    assert (
        _against(rows, "Marrow revised July's count to 124,000 jobs.").verdict
        is Verdict.CONTRADICTED
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The entry is the claim's "12 divers"; the 480, forty times off it, is
        # another figure (the whole search's), which the registry does not hold.
        ("The search used 480 divers, or 12 divers a crew on average.", Verdict.SUPPORTED),
        ("The search used 480 divers, or 14 divers a crew on average.", Verdict.CONTRADICTED),
        # Of the entry's order, a wrong number is wrong whatever else the claim says.
        ("The crews averaged 14 divers per crew over 2 days.", Verdict.CONTRADICTED),
    ],
)
def test_an_entry_the_claims_other_figure_bears_out_is_that_figures(
    claim: str, verdict: Verdict
) -> None:
    rows = [("divers a crew", 12, "divers", "The search crews averaged 12 divers per crew.", "12")]
    rows += PORT_ROWS
    said = _against(rows, claim)
    assert said.verdict is verdict, said.reasons


def test_a_year_that_dates_is_not_a_year_that_bounds_a_span_whatever_one_report_says() -> None:
    # One report says the year bounds a span ("since 2001"); another gives it no
    # role word ("the 2001 election"): a claim's "in 2019" is still not it.
    entry = """[[figures]]
id = "turnout-since"
subject = "turnout the lowest since"
keywords = []
value = 2001
unit = "calendar-year"
  [[figures.reports]]
  source = "a"
  value = 2001
  text = "2001"
  sentence = "Marrow turnout stood at 60%, the lowest since 2001."
  [[figures.reports]]
  source = "a"
  value = 2001
  text = "2001"
  sentence = "Marrow turnout was the second-lowest, the lowest being the 2001 election."
"""
    tables = entry + _figure_tables("t-", PORT_ROWS)
    said = _checked(tables, "Marrow turnout in 2019 was 67%, the lowest.")
    assert said.verdict is Verdict.UNVERIFIED, said.reasons
    assert (
        _checked(tables, "Marrow turnout was the lowest since 2005.").verdict
        is Verdict.CONTRADICTED
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Marrow party lost 12 seats in Dunmore.", Verdict.SUPPORTED),
        ("The Marrow party lost 21 seats in Dunmore.", Verdict.CONTRADICTED),
        # No place named: the whole, of which Dunmore's 12 is a part.
        ("The Marrow party lost 251 seats.", Verdict.UNVERIFIED),
    ],
)
def test_a_count_given_for_a_place_does_not_fault_a_claim_naming_none(
    claim: str, verdict: Verdict
) -> None:
    rows = [
        ("lost seats in Dunmore", 12, "seats", "The Marrow party lost 12 seats in Dunmore.", "12")
    ]
    rows += PORT_ROWS
    said = _against(rows, claim)
    assert said.verdict is verdict, said.reasons


def test_the_storys_own_place_is_no_part_of_a_whole() -> None:
    # A story set in Dunmore names it in most figures: "800 workers in Dunmore"
    # is the story's count of workers, not one place's share of a larger one.
    rows = [("workers", 800, "workers", "There are 800 workers in Dunmore who freed it.", "800")]
    rows += [
        (n, k, n, f"Dunmore port has {k} {n}.", str(k))
        for k, n in enumerate(["tugs", "piers", "cranes"], 2)
    ]
    said = _against(rows, "Officials said 8,000 workers freed it.")
    assert said.verdict is Verdict.CONTRADICTED, said.reasons


# How often a figure holds: the words after a number that give it a period, and
# those that only date it or span it.
PERIOD_READINGS: list[tuple[str, str]] = [
    ("held up $9.6 billion worth of cargo each day", "day"),
    ("90 ships per day", "day"),
    ("could cost Boeing $1 billion a week", "week"),
    ("10 bcm of gas a year", "year"),
    ("14,000 jobs a month", "month"),
    ("5 million visitors annually", "year"),
    ("three people a day earlier", ""),
    ("$5 million a year ago", ""),
    ("at 5.25%-5.50% for over a year", ""),
    ("40 homes in a week", ""),
    ("six days of blockage", ""),
]


@pytest.mark.parametrize(("text", "period"), PERIOD_READINGS)
def test_the_period_of_a_number(text: str, period: str) -> None:
    q = read_figures(text)[0]
    assert read_frame(text, q.start, q.end).per == period


def test_every_period_has_an_example() -> None:
    from factcheck.frames.rates import PERIODS

    read = {p for _, p in PERIOD_READINGS if p}
    assert read >= set(PERIODS.values()) - {"hour"}  # hours: the units read them ("km/h")
    assert any(not p for _, p in PERIOD_READINGS)


DAILY = _figure_tables(
    "rate-",
    [
        ("cargo held up", 9.6e9, "USD", "The blockage held up $9.6 billion of cargo each day.", "$9.6 billion"),
        ("ships crossed", 532, "ships", "Since then 532 ships crossed the canal.", "532"),
        ("pace of ships", 90, "ships", "They went at a rate of 90 ships per day.", "90"),
    ],
)  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A day's figure is not a total, and a total is not a day's.
        ("The blockage held up $5 billion of cargo.", U),
        ("The blockage held up $6.9 billion of cargo each day.", C),
        ("Ships crossed the canal at a rate of 190 ships per day.", C),
        ("Ships crossed the canal at a rate of 90 ships per day.", S),
        ("Since then 190 ships crossed the canal.", C),
    ],
)
def test_a_figure_of_another_period_is_another_figure(claim: str, verdict: Verdict) -> None:
    result = _checked(DAILY, claim)
    assert result.verdict is verdict, result.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The bound's own number, its qualifier left out: a loose report, not wrong.
        ("The divers searched for nine days.", Verdict.SUPPORTED),
        ("The divers searched for more than nine days.", Verdict.SUPPORTED),
        # Below the floor is still wrong.
        ("The divers searched for six days.", Verdict.CONTRADICTED),
    ],
)
def test_a_bounds_own_number_without_its_qualifier_is_no_contradiction(
    claim: str, verdict: Verdict
) -> None:
    floor = """[[figures]]
id = "search"
subject = "days the divers searched"
keywords = []
value = 9
qualifier = "over"
unit = "days"
  [[figures.reports]]
  source = "a"
  value = 9
  qualifier = "over"
  text = "over nine days"
  sentence = "The divers searched for over nine days."
"""
    said = _checked(floor, claim)
    assert said.verdict is verdict, said.reasons


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The words fit the July 2 entry better ("went missing"), but another
        # entry gives June 23: a story has many dates, and it may be that one's.
        ("The boys went missing on June 23.", (Verdict.SUPPORTED, Verdict.UNVERIFIED)),
        # A date no entry gives is still wrong.
        ("Divers found the boys on July 5.", (Verdict.CONTRADICTED,)),
    ],
)
def test_a_date_another_entry_gives_is_not_called_wrong(
    claim: str, verdict: tuple[Verdict, ...]
) -> None:
    tables = "".join(
        f"""[[figures]]
id = "d-{k}"
subject = "when"
keywords = []
value = "{day}"
unit = "date"
  [[figures.reports]]
  source = "a"
  value = "{day}"
  text = "{day}"
  sentence = "{sentence}"
"""
        for k, (day, sentence) in enumerate(
            [
                ("July 2", "On July 2, nine days after they went missing, divers found the boys."),
                ("June 23", "The boys and their coach got trapped on June 23."),
            ]
        )
    )
    said = _checked(tables + _figure_tables("t-", PORT_ROWS), claim)
    assert said.verdict in verdict, said.reasons


# What a sum of money is: pairs of clauses that give it different roles (no
# contradiction between them) and pairs that give it one, or none.
MONEY_ROLE_PAIRS: list[tuple[str, str, bool]] = [
    ("Elm Steel lost $1.6 billion", "Apollo will invest $1.6 billion in the mill", True),
    ("revenue slipped to $12.8 billion", "down from a profit of $1.5 billion", True),
    ("the mill is worth $3 billion", "sales of $3 billion last year", True),
    ("a loss of $2 billion", "a deficit of $2.5 billion", False),
    ("posted revenue of $12.8 billion", "sales rose to $12.9 billion", False),
    ("the deal pays $5 billion", "a profit of $5 billion", False),
]


@pytest.mark.parametrize(("claim", "entry", "differ"), MONEY_ROLE_PAIRS)
def test_money_roles(claim: str, entry: str, differ: bool) -> None:
    from factcheck.frames.fates import fate_conflict

    ours, theirs = _near_of(claim, money=True), _near_of(entry, money=True)
    assert bool(fate_conflict(ours, theirs, money=True)) is differ
    # A count's fates never read a sum's roles: "15,000 jobs as losses mount".
    assert not fate_conflict(ours, theirs)


def test_every_money_role_has_an_example_that_differs() -> None:
    from factcheck.frames.fates import MONEY_ROLES

    named = {
        role
        for claim, entry, differ in MONEY_ROLE_PAIRS
        if differ
        for text in (claim, entry)
        for role, words in MONEY_ROLES.items()
        if words & _near_of(text, money=True)
    }
    assert named == set(MONEY_ROLES)


# Whether the number (second) is one somebody expected (third).
EXPECTATIONS: list[tuple[str, str, bool]] = [
    ("below the $14.35 billion analysts had expected", "$14.35", True),
    ("The consensus was 31 cents a share and $9.2 billion in revenue.", "$9.2", True),
    ("Economists forecast 150,000 new jobs.", "150,000", True),
    ("Officials projected growth of 2.1% this year.", "2.1%", True),
    # A word that only looks like one: a project is not a projection.
    ("The $2 billion project opened on Monday.", "$2", False),
    # Beside the other number of the clause, not this one.
    ("Revenue rose to $8.1 billion, beating the $7.9 billion analysts expected.", "$8.1", False),
    ("Revenue rose to $8.1 billion, beating the $7.9 billion analysts expected.", "$7.9", True),
    ("Revenue slid to $12.8 billion.", "$12.8", False),
    # A document of projections opening the clause does not make its figures expected.
    ("Projections released on Monday showed 10 of 19 officials favored a cut.", "10 of 19", False),
]


@pytest.mark.parametrize(("text", "number", "expected"), EXPECTATIONS)
def test_an_expected_figure(text: str, number: str, expected: bool) -> None:
    found = read_figures(text)
    k = next(k for k, q in enumerate(found) if q.text.startswith(number) or number in q.text)
    from factcheck.frames.frame import neighbour_spans

    q = found[k]
    frame = read_frame(text, q.start, q.end, neighbours=neighbour_spans(k, found))
    assert frame.expected is expected


EXPECTED_REVENUE = _figure_tables(
    "rev-",
    [
        ("revenue", 12.8e9, "USD", "Elm Steel revenue slid to $12.8 billion.", "$12.8 billion"),
        ("expected", 12.9e9, "USD", "Analysts had expected $12.9 billion.", "$12.9 billion"),
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Analysts had expected revenue of $14 billion.", C),
        ("Analysts had expected revenue of $12.9 billion.", S),
        ("Elm Steel revenue slid to $12.8 billion.", S),
        ("Elm Steel revenue slid to $13.9 billion.", C),
    ],
)
def test_an_expectation_is_judged_by_expectations_and_an_outcome_by_outcomes(
    claim: str, verdict: Verdict
) -> None:
    result = _checked(EXPECTED_REVENUE, claim)
    assert result.verdict is verdict, result.reasons
    assert result.entry == ("rev-1" if "expected" in claim else "rev-0")


def test_a_subject_and_verb_after_as_or_after_open_a_clause() -> None:
    def clause(text: str, number: str) -> str:
        at = text.index(number)
        lo, hi = clause_span(text, at, at + len(number))
        return text[lo:hi].strip()

    text = "Labour won a landslide as the Tories fell to 121 seats."
    assert clause(text, "121") == "the Tories fell to 121 seats."
    text = "Shares slid 12% on Thursday after the firm said it would cut 15% of its staff."
    assert clause(text, "12%") == "Shares slid 12% on Thursday"
    assert clause(text, "15%") == "the firm said it would cut 15% of its staff."
    # No subject and verb: a phrase of the clause ("as many as", "after 10 days").
    assert clause("As many as 20 people died.", "20") == "As many as 20 people died."
    assert clause("After 10 days, 4 people were found.", "4").startswith("After 10 days")


def test_and_before_a_number_opens_a_clause_only_with_a_verb_of_its_own() -> None:
    def clause(text: str, number: str) -> str:
        at = text.index(number)
        lo, hi = clause_span(text, at, at + len(number))
        return text[lo:hi].strip()

    listed = "The consensus was 31 cents a share and $9.2 billion in revenue."
    assert clause(listed, "$9.2").startswith("The consensus")
    assert (
        clause("Members rejected the deal and 96% approved a strike.", "96%")
        == "96% approved a strike."
    )
    assert clause("Four were killed and 150 injured in the blast.", "150").startswith("150 injured")


@pytest.mark.parametrize(
    ("one", "other"),
    [("won", "winning"), ("lost", "losses"), ("rose", "rising"), ("fell", "falls"),
     ("took", "taking"), ("paid", "pays"), ("sold", "sells"), ("struck", "strikes")],
)  # fmt: skip
def test_an_irregular_form_meets_its_regular_ones(one: str, other: str) -> None:
    from factcheck.text import stem

    assert stem(one) == stem(other)


def test_an_irregular_verb_meets_the_sources_wording() -> None:
    seats = _figure_tables(
        "seats-",
        [("seats", 121, "seats", "The Tories suffered a rout, winning only 121 seats.", "121")],
    )
    assert _checked(seats, "The Tories won 121 seats.").verdict is S
    assert _checked(seats, "The Tories won 112 seats.").verdict is C


SENTENCE_OF_TWO = _figure_tables(
    "ride-",
    [
        (
            "riders",
            275,
            "riders",
            "About 275 riders and 12 crew were aboard the Elm ferry.",
            "About 275",
        ),
        ("crew", 12, "crew", "About 275 riders and 12 crew were aboard the Elm ferry.", "12"),
        (
            "riders when it sank",
            207,
            "riders",
            "The Elm ferry carried 207 riders and crew when it sank.",
            "207",
        ),
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The 12 is borne out: the sentence it came from says what the 375 is.
        ("The port said about 375 riders and 12 crew were aboard the Elm ferry.", C),
        ("The port said about 275 riders and 12 crew were aboard the Elm ferry.", S),
        # With the 12 wrong too, nothing anchors the other number.
        ("The port said about 375 riders and 13 crew were aboard the Elm ferry.", C),
    ],
)
def test_a_number_beside_one_borne_out_is_told_by_its_sentence(
    claim: str, verdict: Verdict
) -> None:
    result = _checked(SENTENCE_OF_TWO, claim)
    assert result.verdict is verdict, result.reasons
    parts = {p.text: p for p in result.parts}
    if verdict is C and "12 crew" in claim:
        assert parts["about 375"].entry == "ride-0"


def test_a_sum_beside_one_borne_out_keeps_its_own_role() -> None:
    loss = _figure_tables(
        "q-",
        [
            ("net loss", 1.61e9, "USD",
             "Elm Steel had a $1.61 billion net loss, against a profit of $1.47 billion a year ago.", "$1.61 billion"),
            ("profit a year ago", 1.47e9, "USD",
             "Elm Steel had a $1.61 billion net loss, against a profit of $1.47 billion a year ago.", "$1.47 billion"),
        ],
    )  # fmt: skip
    result = _checked(
        loss, "Elm Steel posted a loss of $1.61 billion as revenue slipped to $12.8 billion."
    )
    assert result.verdict is S, result.reasons
    assert [p.verdict for p in result.parts] == [S, U]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # Minutes are no misprint of years, whatever the clause shares with them.
        ("Berg spoke for 20 minutes before he was sentenced.", U),
        ("Berg was sentenced to 20 years.", C),
        ("Berg was sentenced to 25 years.", S),
        ("Berg was sentenced to 300 months.", S),
    ],
)
def test_a_span_of_another_order_is_another_span(claim: str, verdict: Verdict) -> None:
    sentence = _figure_tables(
        "term-",
        [("sentence", 25, "years", "Tomas Berg was sentenced to 25 years in prison.", "25 years")],
    )
    assert _checked(sentence, claim).verdict is verdict


def test_jobs_and_the_people_who_hold_them_are_counted_alike() -> None:
    cuts = _figure_tables(
        "cut-",
        [
            (
                "layoffs",
                17500,
                "employees",
                "The layoffs will affect about 17,500 employees.",
                "about 17,500",
            )
        ],
    )
    assert _checked(cuts, "The layoffs will affect about 17,500 jobs.").verdict is S
    assert _checked(cuts, "The layoffs will affect about 15,000 jobs.").verdict is C


def test_a_pronouns_clause_after_as_keeps_whose_it_is() -> None:
    text = "Robert Buckland lost, as his vote share plummeted by 25 per cent."
    at = text.index("25")
    lo, hi = clause_span(text, at, at + 2)
    assert text[lo:hi].startswith("Robert Buckland")


def test_a_year_in_passing_is_not_about_the_participle_after_it() -> None:
    from factcheck.frames.frame import words_ahead

    after = ", winning only 121 seats, representing a 23.7% vote share."
    assert words_ahead(after, 8, "calendar-year") == []
    assert "found" in words_ahead(", divers found the boys.", 8, "date")  # what that day saw
    # A count's words run on: "171 Marrow 737 Max 9 planes" names what it counts.
    assert words_ahead(" Marrow 737 Max 9 planes", 8, "count")[-1] == "planes"
    year = _figure_tables(
        "yr-",
        [("founding", 1834, "calendar-year",
          "The Tories had their worst result since the party's founding in 1834, winning only 121 seats.",
          "1834")],
    )  # fmt: skip
    assert _checked(year, "The Greens won 48 seats in 2019.").verdict is U
    assert _checked(year, "The party's founding was in 1843.").verdict is C


def test_a_weekday_alone_makes_no_figure_the_claims() -> None:
    rate = _figure_tables(
        "rate-",
        [("jobless rate", 4.1, "percent",
          "The jobless rate dropped to 4.1%, the Marrow statistics office said Friday.", "4.1%")],
    )  # fmt: skip
    assert _checked(rate, "The Marrow index rose 1% on Friday.").verdict is U
    assert _checked(rate, "The jobless rate dropped to 4.5% on Friday.").verdict is C


def test_an_entrys_expectation_is_read_from_its_own_words() -> None:
    from factcheck.frames.figure import figure_frame

    sentence = "Labour won with a landslide majority of 174 and a projected total of 412 seats."

    def frame(printed: str) -> bool:
        q = next(q for q in read_figures(sentence) if q.text == printed)
        report = FigureReport("a", q, sentence, printed)
        return figure_frame(Figure("f", "", (), q, (report,))).expected

    assert frame("174") is False and frame("412") is True


def test_a_count_whose_clause_names_another_party_is_not_its_figure() -> None:
    seats = _figure_tables(
        "seat-",
        [("seats", 121, "seats",
          "Rishi Lee's Tories suffered their worst defeat since 1834, winning only 121 seats.", "121")],
    )  # fmt: skip
    result = _checked(seats, "Reform won 14% of the vote and the Greens four seats.")
    assert [p.verdict for p in result.parts if p.text == "four"] == [U], result.reasons
    assert _checked(seats, "The Tories won 112 seats.").verdict is C


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The entry gives no quarter: a third quarter's figure may be another one.
        ("Analysts had expected third-quarter revenue of $14.35 billion.", U),
        ("Analysts had expected Q3 revenue of $14.35 billion.", U),
        ("Analysts had expected revenue of $14.35 billion.", C),
    ],
)
def test_a_quarter_the_entrys_sources_do_not_give_is_not_called_wrong(
    claim: str, verdict: Verdict
) -> None:
    assert _checked(EXPECTED_REVENUE, claim).verdict is verdict


def test_a_count_another_entry_gives_for_the_same_fate_is_not_called_wrong() -> None:
    injured = (
        BLAZE.split("[[figures]]")[0]
        + """[[figures]]
id = "hurt-17"
subject = "people on the flight were injured"
keywords = []
value = 17
qualifier = "at least"
unit = "people"
  [[figures.reports]]
  source = "a"
  value = 17
  qualifier = "at least"
  text = "at least 17"
  sentence = "Broadcaster NHK reported that at least 17 people on the flight were injured."
"""
        + _figure_tables(
            "hurt-",
            [("hurt in the evacuation", 15, "people",
              "All were evacuated, with 15 people sustaining injuries.", "15")],
        )
    )  # fmt: skip
    registry, problems = parse_registry(injured, "hurt.toml")
    assert problems == []
    assert check("15 people on the flight were injured.", registry).verdict is U
    assert check("12 people on the flight were injured.", registry).verdict is C
