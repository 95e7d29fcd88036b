"""ingest: what an article proposes (a table of attribution forms), and how it is merged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.ingest.merge import merge
from factcheck.ingest.propose import Proposal, propose
from factcheck.model import Registry, Source, Speaker
from factcheck.registry import load_registry, parse_registry

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
SOURCE = Source("herald", "Coast Herald", "", "", "", "", "")
WORDS = "We finished the work three months early"

# Each attribution form editors use, written once: the article and who must be found
# saying WORDS. A form with no example here is a form nobody has checked.
ATTRIBUTION_FORMS: dict[str, tuple[str, str]] = {
    "X said": (f'"{WORDS}," Anna Kowal said.', "Anna Kowal"),
    "said X": (f'"{WORDS}," said Anna Kowal, the site manager.', "Anna Kowal"),
    "X told Y": (f'Anna Kowal told reporters: "{WORDS}."', "Anna Kowal"),
    "according to X": (f'According to Anna Kowal, "{WORDS.lower()}."', "Anna Kowal"),
    "name before a colon": (f'Anna Kowal: "{WORDS}."', "Anna Kowal"),
    "a day or month before the name": (f'On Tuesday Anna Kowal said: "{WORDS}."', "Anna Kowal"),
    "a person after a body and a rank": (
        f'The Harbour Guard said: "The pier is closed."\n\n"{WORDS}," Harbour Guard Rear Adm. Anna Kowal told reporters.',
        "Anna Kowal",
    ),
    "a verb of hinting": (
        f'Mayor Anna Kowal hinted at a delay, as long as "{WORDS}."',
        "Anna Kowal",
    ),
    "a description that stated": (f'"{WORDS}," the company stated.', "Company"),
    "a person after a body and a title": (
        f'The Harbour Guard said: "The pier is closed."\n\n"{WORDS}," Harbour Guard Commander Anna Kowal said.',
        "Anna Kowal",
    ),
    "a person of a body with a country's initials": (
        f'On Friday, Rear Admiral Anna Kowal of the U.S. Harbour Guard said, "{WORDS}."',
        "Anna Kowal",
    ),
    "a second verb after an opening phrase": (
        f'Following the vote, Anna Kowal visited the site and called it "{WORDS}."',
        "Anna Kowal",
    ),
    "a body's name of four words": (
        f'The North Coast Harbour Authority, the port owner, said: "{WORDS}."',
        "North Coast Harbour Authority",
    ),
    "pronoun": (f'Anna Kowal spoke at the opening. She said: "{WORDS}."', "Anna Kowal"),
    "pronoun after a name in the sentence": (
        f'Anna Kowal and Tomas Berg toured the site.\n\nAfter Ms. Kowal’s tour, she said: "{WORDS}."',
        "Anna Kowal",
    ),
    "surname": (f'Anna Kowal spoke at the opening.\n\n"{WORDS}," Kowal said.', "Anna Kowal"),
    "a name with an accented capital": (f'"{WORDS}," Minister Óscar Ruiz said.', "Óscar Ruiz"),
    "noted X, past a job title": (f'"{WORDS}," noted Chief Economist Anna Kowal.', "Anna Kowal"),
    "X …, stating": (
        f'One resident, Anna Kowal, spoke of the works, stating, "{WORDS}."',
        "Anna Kowal",
    ),
    "X …, saying … that": (
        f'Anna Kowal praised the crews, saying at a news conference that people should "{WORDS.lower()}."',
        "Anna Kowal",
    ),
    "X … and called for": (
        f'Mayor Anna Kowal thanked the crews in a late statement and called for "{WORDS.lower()}."',
        "Anna Kowal",
    ),
    "X, a two-part appositive, told Y": (
        f'"{WORDS}," Anna Kowal, the mayor of Elm, a town in the valley, told the radio.',
        "Anna Kowal",
    ),
    "said X after a place and a description": (
        f'The crash happened on a road in Elm County, south of Brook, at a "{WORDS}" crossing,'
        " said Lt. Anna Kowal of the police.",
        "Anna Kowal",
    ),
    "a body by its initials": (
        f'In its statement on the works, the HWA said its crews were sure "{WORDS.lower()}."',
        "HWA",
    ),
    # Someone the article describes but never names is registered by the description,
    # never taken for the last person named.
    "he after someone unnamed": (
        f'Anna Kowal opened the bridge.\n\nA juror said the trial was long.\n\n"{WORDS}," he said.',
        "Juror",
    ),
    "he after the unnamed one again": (
        f'Anna Kowal opened the bridge.\n\nThe juror said the trial was long.\n\n"{WORDS}," he said.',
        "Juror",
    ),
    "said by someone unnamed": (
        f'Anna Kowal opened the bridge.\n\n"{WORDS}," a juror said.',
        "Juror",
    ),
    "described with a body's name": (
        f'Anna Kowal opened the bridge.\n\nA U.S. Navy official said the Navy heard "{WORDS.lower()}".',
        "U.S. Navy official",
    ),
    "a body's possessive in the appositive": (
        f"Anna Kowal, Harbourco’s co-founder and chief, said the bridge was “{WORDS.lower()}.”",
        "Anna Kowal",
    ),
    # A one-word name the article never gives a first name or a title, named twice.
    "a body by its one-word name": (
        f'The Harbourco plan was late.\n\n"{WORDS}," Harbourco said in a statement.',
        "Harbourco",
    ),
    # The full name may come later, or only inside a quotation.
    "a surname named in full later": (
        f'"{WORDS}," Kowal said.\n\nThe works were hard. Anna Kowal left.',
        "Anna Kowal",
    ),
    "a surname named in full in a quotation": (
        f'Tomas Berg said: "I called Anna Kowal." Beaming, Kowal said: "{WORDS}."',
        "Anna Kowal",
    ),
    # A possessive before the surname says whose, not who: no given name.
    "a possessive is no given name": (
        f'Labour’s Kowal spoke.\n\n"{WORDS}," Kowal said.\n\nAnna Kowal left.',
        "Anna Kowal",
    ),
    "he after a title, no one named yet": (
        f'After the Prime Minister had held his seat, he said: "{WORDS}."',
        "Prime Minister",
    ),
    "the description of a named person": (
        f'Mayor Anna Kowal opened the bridge.\n\nThe mayor said the works were hard.\n\n"{WORDS}," she said.',
        "Anna Kowal",
    ),
    "a possessive before the surname": (
        f'Anna Kowal spoke at the opening.\n\nPoland’s Kowal has described the works as "{WORDS.lower()}".',
        "Anna Kowal",
    ),
    "the description, then the name, said": (
        f'"{WORDS}," the site manager, Anna Kowal, said.',
        "Anna Kowal",
    ),
    "title and surname": (
        f'Anna Kowal spoke at the opening.\n\n"{WORDS}," Ms. Kowal said.',
        "Anna Kowal",
    ),
    # The full name only inside another's quotation, a body named since, and an
    # aside between the surname and its verb: "he" is still the surname's.
    "an aside before the verb, the full name quoted": (
        'The Herald wrote: "Former chief Tomas Berg was sentenced on Monday."\n\n'
        "A jury found him guilty of defrauding lenders to his firm Harbour Logic.\n\n"
        f'Berg, standing with his hands clasped, told the judge he was sorry. "{WORDS}," he said.',
        "Tomas Berg",
    ),
    # An initial without its stop is the given name; the body before a title is not.
    "an initial after a body and a title": (
        f'The pier was built on Launch Vessel Mark-II.\n\nHarbourco Chairman K Kowal spoke of the works. "{WORDS}," he said.',
        "K Kowal",
    ),
    # A body's name may hold "and", and its initialism follow it in parentheses.
    "a body's name with and, and its initialism": (
        f'"{WORDS}," the Harbour and Ports Authority (HPA) stated on Monday.',
        "Harbour and Ports Authority",
    ),
    # A paper that quotes someone is not the speaker: the one it quotes is.
    "a paper quoted X as saying": (
        f"Anna Kowal spoke.\n\nState-run Elm Herald newspaper quoted Kowal as saying that “{WORDS.lower()}.”",
        "Anna Kowal",
    ),
    "a paper quoted X saying": (
        f"State-run Elm Herald quoted Anna Kowal saying the works were “{WORDS.lower()}.”",
        "Anna Kowal",
    ),
    "continued across paragraphs": (
        f'"{WORDS}.\n\n"Nobody was hurt," Anna Kowal said.',
        "Anna Kowal",
    ),
    "whole-sentence quotation after the speaker": (
        f'The site was quiet, Anna Kowal said. "{WORDS}."',
        "Anna Kowal",
    ),
    "said in a document": (
        f'Anna Kowal and Tomas Berg said in the joint statement: "{WORDS}."',
        "Joint statement",
    ),
    "they after a document": (
        f'The joint statement praised the crews.\n\nThey also said "{WORDS.lower()}."',
        "Joint statement",
    ),
}

# Quotation marks that are not a quotation of anyone: nothing may be proposed.
NOT_QUOTATIONS: dict[str, str] = {
    "scare quote": 'The so-called "miracle" bridge opened on Monday.',
    "no speaker anywhere": f'A sign on the gate read "{WORDS}".',
    "a place and its region": f'Officials in Elm County, New York, said "{WORDS}."',
    "a participle of another subject": f'After Anna Kowal spoke, reporters left, saying "{WORDS}."',
    "what befell him": f'Anna Kowal spoke.\n\nHe was met with cheers and a chant of "{WORDS}" from the crowd.',
    # A surname alone, once, with no full name: whose it is is unknown.
    "a lone surname": f'The plan was late.\n\n"{WORDS}," Kowalczyk said.',
    "a crowd's chant": f'"Nobody was hurt," Anna Kowal said, as the crowd cheered and chanted: "{WORDS}."',
}


def _speakers_of(article: str) -> dict[str, Speaker]:
    """Each quotation ingest proposes for `article`, without its closing comma or
    stop, with the speaker it was given."""
    proposal = propose(article, _empty(), SOURCE)
    speakers = {s.id: s for s in proposal.speakers}
    return {q.text.rstrip(",."): speakers[q.speaker] for q in proposal.quotations}


def _empty() -> Registry:
    registry, _ = parse_registry("schema = 1\n", "new.toml")
    return registry


@pytest.mark.parametrize("form", sorted(ATTRIBUTION_FORMS))
def test_attribution_form_finds_speaker(form: str) -> None:
    article, speaker = ATTRIBUTION_FORMS[form]
    proposal = propose(article, _empty(), SOURCE)
    names = {s.id: s.name for s in proposal.speakers}
    found = [(names.get(q.speaker), q.text) for q in proposal.quotations]
    assert any(name == speaker and WORDS.lower() in text.lower() for name, text in found), found


def test_someone_unnamed_is_registered_as_a_description_that_no_claim_contradicts() -> None:
    from factcheck.verdicts.engine import check

    article = f'Anna Kowal opened the bridge.\n\n"{WORDS}," the engineering firm said.'
    proposal = propose(article, _empty(), SOURCE)
    (speaker,) = [s for s in proposal.speakers if s.name == "Engineering firm"]
    assert speaker.kind == "description"
    registry, problems = parse_registry(merge("schema = 1\n", proposal), "new.toml")
    assert not problems
    # The sources do not say which firm: a claim naming one is not misattributed.
    named = check(f'"{WORDS}," Berg Steel said.', registry)
    assert named.verdict.value == "supported", named.reasons
    assert any("do not name" in r for r in named.reasons)


def test_he_after_a_body_is_the_person_named_since_not_the_body() -> None:
    article = (
        '"We will return to the table and bargain," the Harbour Alliance said.\n\n'
        "On Monday, her deputy, Tomas J. Berg, joined a picket line in Elm.\n\n"
        f'"{WORDS}," he said.'
    )
    said = _speakers_of(article)
    assert said[WORDS].name == "Tomas Berg"
    body = said["We will return to the table and bargain"]
    assert (body.name, body.kind) == ("Harbour Alliance", "organisation")


def test_quotation_continued_across_paragraphs_is_one_quotation() -> None:
    proposal = propose(ATTRIBUTION_FORMS["continued across paragraphs"][0], _empty(), SOURCE)
    assert len(proposal.quotations) == 1
    assert proposal.quotations[0].text.endswith("Nobody was hurt")


def test_a_quotation_not_closed_ends_with_its_paragraph_unless_the_next_opens_with_a_mark() -> None:
    article = (
        f'Anna Kowal spoke. "Nobody was hurt," Kowal said. "{WORDS}.\'\n\n'
        "The bridge is 1,150 metres long.\n\n"
        '"Nobody was hurt," Tomas Berg said. "It will open in May.\n\n"We used steel from the valley."'
    )
    proposal = propose(article, _empty(), SOURCE)
    texts = [q.text for q in proposal.quotations]
    assert any(t.startswith(WORDS) and "metres" not in t for t in texts), texts
    # The quotation's own figure too (its words, "three months"), each once.
    assert [f.text for f in proposal.figures] == ["three months", "1,150 metres"]
    assert any("open in May" in t and "steel from the valley" in t for t in texts), texts


@pytest.mark.parametrize("case", sorted(NOT_QUOTATIONS))
def test_not_a_quotation_proposes_nothing(case: str) -> None:
    found = propose(NOT_QUOTATIONS[case], _empty(), SOURCE).quotations
    assert [q.text for q in found if WORDS.lower() in q.text.lower()] == []


def test_structure_every_form_has_an_example() -> None:
    assert all(text.strip() and who for text, who in ATTRIBUTION_FORMS.values())
    assert len(ATTRIBUTION_FORMS) >= 8 and NOT_QUOTATIONS


def test_known_quotation_and_figure_become_reports_of_existing_entries() -> None:
    registry = load_registry(MINI)
    article = (
        '"This bridge will open the harbour to the whole colourful valley," Varga said.\n\n'
        "The bridge is 1,150 metres long."
    )
    proposal = propose(article, registry, SOURCE)
    assert [(q.entry, q.new) for q in proposal.quotations] == [("varga-bridge-opens", False)]
    assert [(f.entry, f.new, f.value) for f in proposal.figures] == [
        ("bridge-length", False, "1,150 metres")
    ]


def test_new_figure_gets_value_unit_and_generated_id() -> None:
    proposal = propose("The council hired 340 divers for the harbour survey.", _empty(), SOURCE)
    (figure,) = proposal.figures
    assert (figure.value, figure.unit, figure.new) == (340, "divers", True)
    assert figure.entry.startswith("divers-")
    # No name stands next to it: no keywords, and its frame decides what it is about.
    assert figure.keywords == ()


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The strike shut two major plane assembly plants.", "plants"),
        ("The plane carried eight small children.", "children"),
        ("Two Indonesian domestic workers were found.", "workers"),
        ("Only 58 Super Bowls have been played.", "bowls"),
        ("Some 5,000 longshoremen joined picket lines.", "longshoremen"),
        ("The pact covers 45,000 workers at 36 ports.", "workers"),
        ("The number of unemployed people, at 6.8 million, changed little.", "people"),
        # A unit past a modifier is counted whole, as the reader counts it.
        ("The jet had logged 41,000 flight hours.", "flight hours"),
        # A capitalised plural after a lower-case word starts a name.
        ("The fire is 100 percent contained, KRCR News reported.", "percent"),
    ],
)
def test_a_count_is_filed_under_the_noun_past_its_modifiers(sentence: str, unit: str) -> None:
    first = propose(sentence, _empty(), SOURCE).figures[0]
    assert first.unit == unit


def test_a_figure_the_registry_could_not_read_back_is_left_out_not_the_article() -> None:
    # "billions" of a money unit: a count in words filed as dollars would fail
    # `registry check`, and with it the whole article's ingest.
    proposal = propose(
        "For six days, billions of dollars' worth of goods sat idle, and 400 ships waited.",
        _empty(),
        SOURCE,
    )
    assert [(f.value, f.unit) for f in proposal.figures] == [(6, "days"), (400, "ships")]
    assert parse_registry(merge("schema = 1\n", proposal), "new.toml")[1] == []


def test_a_figure_after_a_gain_or_loss_gets_its_subject_from_there() -> None:
    # "daily losses … at": the noun before "losses" starts the subject, whatever it is.
    proposal = propose(
        "Rabie stated that the canal’s daily losses were estimated at $12 to $15 million.",
        _empty(),
        SOURCE,
    )
    (losses,) = proposal.figures
    assert (losses.value, losses.unit) == ([12_000_000, 15_000_000], "USD")
    assert losses.subject.startswith("canal’s daily losses")


def test_a_figure_inside_a_quotation_is_filed_as_a_figure_too() -> None:
    proposal = propose(
        '"Harbourco has led the market for the past 20 years," the Harbour Board said.',
        _empty(),
        SOURCE,
    )
    assert [q.speaker for q in proposal.quotations] == ["harbour-board"]
    (years,) = proposal.figures
    assert (years.value, years.unit) == (20, "years")
    assert "the market" in years.subject


def _second_outlet(first: str, second: str) -> tuple[Registry, Proposal]:
    """The registry ingest makes of `first`, and what it proposes for `second`,
    another outlet's article: an outlet disputes another, never itself."""
    registry, problems = parse_registry(
        merge("schema = 1\n", propose(first, _empty(), SOURCE)), "r.toml"
    )
    assert not problems
    other = Source("courier", "Valley Courier", "", "", "", "", "")
    return registry, propose(second, registry, other)


def _filed_apart(first: str, second: str) -> bool:
    """Whether the second article's figure got an entry of its own."""
    registry, proposal = _second_outlet(first, second)
    (figure,) = proposal.figures
    return figure.new and figure.entry not in registry.entry_ids()


def test_another_outlets_count_for_another_party_is_another_figure() -> None:
    registry, proposal = _second_outlet(
        "Rishi Lee's Tories suffered their worst defeat, winning only 121 seats, with a 23.7% vote share.",
        "The Liberal Democrats' 12% vote share translated into 71 seats.",
    )
    (seats,) = [f for f in proposal.figures if f.unit == "seats"]
    assert seats.new and seats.entry not in registry.entry_ids()


def test_an_apposition_before_the_verb_keeps_the_whole_name() -> None:
    # Another outlet quoted Anton Kowal; this one's Jonas Kowal, described
    # between his name and "told", is who "he said" means, not Anton.
    registry, proposal = _second_outlet(
        '"We ran out into the field," Anton Kowal said.',
        "Jonas Kowal, a Swede who was on board the ferry with his family, told a newspaper "
        f'that the cabin filled with smoke.\n\n"{WORDS}," he said.',
    )
    names = {s.id: s.name for s in proposal.speakers} | {
        sid: s.name for sid, s in registry.speakers.items()
    }
    (quote,) = proposal.quotations
    assert names[quote.speaker] == "Jonas Kowal"


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        # Close in value, both in dollars, but savings are not loans: a sum names
        # no noun that could make them one figure, so a word they share must.
        (
            "Elm Steel will get $11 billion in loans.",
            "It plans a $10 billion cost reduction.",
            True,
        ),
        (
            "Elm Steel will get $11 billion in loans.",
            "Elm Steel will get $10 billion in loans.",
            False,
        ),
        # An expectation is not the outcome, however alike the words.
        (
            "Elm Steel revenue slid to $12.8 billion.",
            "Analysts expected Elm Steel revenue of $12.9 billion.",
            True,
        ),
        (
            "Elm Steel revenue slid to $12.8 billion.",
            "Elm Steel revenue fell to $12.9 billion.",
            False,
        ),
    ],
)
def test_another_outlets_close_figure_joins_only_the_same_kind(
    first: str, second: str, apart: bool
) -> None:
    assert _filed_apart(first, second) is apart


def test_a_count_that_names_nothing_is_filed_under_the_noun_before_it() -> None:
    proposal = propose(
        "The Lions have six league titles, followed by the Owls with five each.", _empty(), SOURCE
    )
    six, five = proposal.figures
    assert (six.value, six.unit, five.value, five.unit) == (6, "titles", 5, "titles")
    # The words it leaves out, in an editor's brackets.
    assert five.subject.endswith("[league titles]")
    # A part of a whole counts the whole's noun, and a count a verb follows counts it too.
    hurt = propose(
        "Officials said 17 of the passengers were injured, and four were taken to hospital.",
        _empty(),
        SOURCE,
    )
    assert [(f.value, f.unit) for f in hurt.figures] == [(17, "passengers"), (4, "passengers")]
    assert hurt.figures[1].subject.endswith("[passengers]")
    # A running total names its own noun: "the toll", not the count before it.
    toll = propose(
        "Five people died on Monday and the toll rose to 20 on Friday.", _empty(), SOURCE
    )
    assert [f.unit for f in toll.figures] == ["people", "toll"]
    # With no count before it, "apiece" is not what it counts, and the 49ers are no figure.
    alone = propose("The Elks, like the 49ers, won four apiece.", _empty(), SOURCE)
    assert alone.figures == []


def test_an_age_or_a_date_has_no_moment_of_its_own() -> None:
    dated = Source("herald", "Coast Herald", "", "", "2018-07-10", "", "")
    proposal = propose(
        "Divers freed four boys, plus the 25-year-old coach, on Tuesday afternoon.", _empty(), dated
    )
    # The count is Tuesday's; the coach is 25 whatever the day.
    assert [(f.unit, f.as_of) for f in proposal.figures] == [
        ("boys", "2018-07-10T15:00"),
        ("years old", ""),
    ]


def test_a_range_and_the_moment_of_a_figure_are_proposed_and_merge_cleanly() -> None:
    dated = Source("herald", "Coast Herald", "", "", "2026-03-06", "", "")
    article = (
        "The waves reached 8 to 10 feet along the coast. "
        "On Thursday 60 homes were without power. "
        "As of 6 a.m., 72 homes were without power."
    )
    proposal = propose(article, _empty(), dated)
    by_text = {f.text: f for f in proposal.figures}
    assert by_text["8 to 10 feet"].value == [8, 10]
    assert by_text["8 to 10 feet"].qualifier == "exact"
    assert by_text["60"].as_of == "2026-03-05"
    assert by_text["72"].as_of == "2026-03-06T06:00"
    assert "6 a.m." not in by_text  # a clock time is when, not a figure
    assert by_text["8 to 10 feet"].as_of == ""  # the article's own date is the default
    merged = merge("schema = 1\n", proposal)
    registry, problems = parse_registry(merged, "merged.toml")
    assert problems == []
    waves = next(f for f in registry.figures if f.quantity.unit == "ft")
    assert waves.quantity.qualifier == "range"
    assert {r.as_of for f in registry.figures for r in f.reports} >= {"2026-03-05"}


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        ("HARBOURTON, March 6, 2026 — The storm", "2026-03-06"),
        ("# Storm\n\nPublished 6 March 2026\n\nThe storm", "2026-03-06"),
        ("2026-03-06\nThe storm", "2026-03-06"),
        ("The storm hit on March 6.", ""),
        ("February 30, 2026: nonsense", ""),
    ],
)
def test_an_articles_date_line_dates_it(head: str, iso: str) -> None:
    from factcheck.ingest.asof import dateline

    assert dateline(head) == iso


def test_merge_keeps_comments_and_passes_registry_check() -> None:
    text = MINI.read_text(encoding="utf-8")
    article = '"Every rivet was checked twice by hand," said Tomas Berg.'
    merged = merge(text, propose(article, parse_registry(text)[0], SOURCE))
    assert merged.startswith(text.split("\n", 1)[0])  # the opening comment is still there
    assert "# A fictional story" in merged
    registry, problems = parse_registry(merged, "merged.toml")
    assert problems == []
    assert "herald" in registry.sources
    assert any(q.text.startswith("Every rivet") for q in registry.quotations)


# --- the command ---------------------------------------------------------------


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    target = tmp_path / "quotes.toml"
    shutil.copy(MINI, target)
    return target


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "herald.md"
    path.write_text(
        "# Bridge opens\n\n"
        "The bridge is 1,150 metres long, the Herald measured.\n\n"
        '"Every rivet was checked twice by hand," said Tomas Berg.\n',
        encoding="utf-8",
    )
    return path


def _ingest(registry: Path, article: Path, *extra: str):  # type: ignore[no-untyped-def]
    args = ["--registry", str(registry), "ingest", str(article), "--source-id", "herald", *extra]
    return CliRunner().invoke(cli, args, catch_exceptions=False, prog_name="factcheck")


def test_dry_run_prints_a_diff_and_writes_nothing(registry_copy: Path, article: Path) -> None:
    before = registry_copy.read_bytes()
    r = _ingest(registry_copy, article, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"--- {registry_copy}\n+++ ")
    assert '+id = "herald"' in r.stdout and '+text = "Every rivet' in r.stdout
    assert registry_copy.read_bytes() == before
    assert r.stderr.startswith("would add source herald")


def test_ingest_writes_registry_and_shows_new_disagreement(
    registry_copy: Path, article: Path
) -> None:
    r = _ingest(registry_copy, article)
    assert r.exit_code == 0, r.stderr
    assert "new disagreements: bridge-length" in r.stderr
    assert r.stdout == ""
    check = CliRunner().invoke(cli, ["--registry", str(registry_copy), "registry", "check"])
    assert check.exit_code == 0, check.output
    conflicts = CliRunner().invoke(cli, ["--registry", str(registry_copy), "conflicts"])
    assert "bridge-length" in conflicts.stdout and "1,150 metres" in conflicts.stdout
    assert list(registry_copy.parent.glob(".quotes.toml.*")) == []  # no temporary file left


def test_same_source_twice_is_refused(registry_copy: Path, article: Path) -> None:
    assert _ingest(registry_copy, article).exit_code == 0
    after_first = registry_copy.read_bytes()
    r = _ingest(registry_copy, article)
    assert r.exit_code == 2
    assert "source id 'herald' is already in the registry" in r.stderr
    assert registry_copy.read_bytes() == after_first


def test_new_registry_file_is_started(tmp_path: Path, article: Path) -> None:
    target = tmp_path / "new.toml"
    assert _ingest(target, article).exit_code == 0
    registry = load_registry(target)
    assert list(registry.sources) == ["herald"] and registry.quotations


def test_failed_write_leaves_registry_as_it_was(
    registry_copy: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = registry_copy.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    r = _ingest(registry_copy, article)
    assert r.exit_code == 2
    said, error = r.stderr.strip().splitlines()  # which file it tried, then why it could not
    assert said == f"factcheck: writing {registry_copy}"
    assert error.startswith(f"factcheck: error: {registry_copy}: cannot write")
    assert registry_copy.read_bytes() == before
    assert list(registry_copy.parent.glob(".quotes.toml.*")) == []


def test_shipped_registry_is_never_rewritten(article: Path) -> None:
    env = {"FACTCHECK_REGISTRY": ""}
    r = CliRunner(env=env).invoke(
        cli, ["ingest", str(article), "--source-id", "herald"], prog_name="factcheck"
    )
    assert r.exit_code == 2
    assert "give --registry PATH" in r.stderr


def test_a_figure_repeated_in_one_article_is_one_entry() -> None:
    article = (
        "The storm killed 14 people across Marrow County.\n\n"
        "Officials said on Friday that 14 people had died in the county.\n\n"
        "In Dunmore, 14 people were treated in hospital."
    )
    proposal = propose(article, _empty(), SOURCE)
    people = [f for f in proposal.figures if f.unit == "people"]
    # The repeat is dropped; the same number in another town is another figure.
    assert len(people) == 2, people
    assert "Dunmore" in people[1].sentence


def test_ingest_says_which_registry_it_writes(registry_copy: Path, article: Path) -> None:
    r = _ingest(registry_copy, article)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith(f"factcheck: writing {registry_copy}\n")


def test_ingest_through_a_symlink_writes_the_file_and_keeps_the_link(
    registry_copy: Path, article: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(registry_copy)
    r = _ingest(link, article)
    assert r.exit_code == 0, r.stderr
    assert link.is_symlink() and link.resolve() == registry_copy.resolve()
    assert "herald" in load_registry(registry_copy).sources
    assert f"writing {link} (a link to {registry_copy.resolve()})" in r.stderr


def test_temporary_files_a_killed_ingest_left_are_removed(
    registry_copy: Path, article: Path
) -> None:
    from factcheck import fileio

    stale = registry_copy.parent / f".{registry_copy.name}.abc123.tmp"
    fresh = registry_copy.parent / f".{registry_copy.name}.def456.tmp"
    stale.write_text("half a registry, from kill -9")
    fresh.write_text("another run, writing right now")
    old = stale.stat().st_mtime - fileio.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    assert _ingest(registry_copy, article).exit_code == 0
    assert not stale.exists() and fresh.exists()


def test_another_outlets_different_year_is_not_joined_as_a_close_value() -> None:
    # Values within 12% in one unit join one entry when nothing else ties them,
    # but a year is exact: a school built in 2014 is not the tunnel of 2013.
    first = propose("The harbour tunnel opened in 2013.", _empty(), SOURCE)
    text = merge("schema = 1\n", first)
    registry, problems = parse_registry(text, "r.toml")
    assert not problems
    other = Source("courier", "Valley Courier", "", "", "", "", "")
    second = propose("A school was built in 2014.", registry, other)
    years = [f for f in second.figures if f.unit == "calendar-year"]
    assert years and all(f.new for f in years), years


def test_she_said_after_a_new_person_opens_a_sentence_is_that_person() -> None:
    article = (
        '"The crews held the line," Anna Kowal said.\n\n'
        "Maria Lund and her family were allowed home to gather clothes.\n\n"
        f'"{WORDS}," she said.'
    )
    said = {text: speaker.name for text, speaker in _speakers_of(article).items()}
    assert said[WORDS] == "Maria Lund", said
    assert said["The crews held the line"] == "Anna Kowal"


@pytest.mark.parametrize(
    ("sentence", "figure", "moment"),
    [
        (
            "By 6 a.m. Sunday, 12,500 acres had burned and the fire was 15% contained.",
            "12,500",
            "2024-06-02T06:00",
        ),
        (
            "By 6 a.m. Sunday, 12,500 acres had burned and the fire was 15% contained.",
            "15%",
            "2024-06-02T06:00",
        ),
        (
            "It grew from 4,900 acres on Saturday as of 7:40 p.m. to 8,800 acres as of 8:50 p.m.",
            "4,900",
            "2024-06-01T19:40",
        ),
        (
            "It grew from 4,900 acres on Saturday as of 7:40 p.m. to 8,800 acres as of 8:50 p.m.",
            "8,800",
            "2024-06-01T20:50",
        ),
        (
            "Officials said Sunday afternoon the fire was 30% contained, up since early Sunday morning.",
            "30%",
            "2024-06-02T15:00",
        ),
        ("Crews reached 75 percent containment Monday morning.", "75 percent", "2024-06-03T09:00"),
        # A time not tied to the figure (the fire's start) says nothing of it.
        (
            "The fire, which began burning Saturday afternoon, grew overnight to 12,500 acres.",
            "12,500",
            "",
        ),
        ("The fire grew to 14,000 acres Sunday.", "14,000", ""),  # the article's own date
    ],
)
def test_the_moment_of_a_figure_is_the_time_tied_to_it(
    sentence: str, figure: str, moment: str
) -> None:
    from factcheck.figures.reader import read_figures
    from factcheck.ingest.asof import as_of

    spans = [(q.start, q.end) for q in read_figures(sentence) if q.dimension != "time-of-day"]
    at = sentence.index(figure)
    mine = next(s for s in spans if s[0] <= at < s[1])
    others = [s for s in spans if s != mine]
    assert (
        as_of(sentence, "2024-06-03" if "Monday" in sentence else "2024-06-02", mine, others)
        == moment
    )


def test_one_person_said_in_a_statement_is_that_person_and_surnames_stay_apart() -> None:
    article = (
        f'"{WORDS}," Joe Carter said in a statement.\n\n'
        '"We will appeal the ruling today," said Hunter Carter.\n\n'
        "The court sat for three hours. On the second day it sat another two hours."
    )
    proposal = propose(article, _empty(), SOURCE)
    names = {s.id: s for s in proposal.speakers}
    said = {q.text.rstrip(",."): names[q.speaker].name for q in proposal.quotations}
    assert said == {WORDS: "Joe Carter", "We will appeal the ruling today": "Hunter Carter"}
    assert "Carter" not in proposal.speakers[1].aliases
    hours = [f for f in proposal.figures if f.unit in ("hours", "h")]
    assert len({f.entry for f in hours}) == 2, hours  # "another two hours" is not the three


def test_a_time_at_which_something_happened_does_not_date_a_count() -> None:
    from factcheck.ingest.asof import as_of

    sentence = "The train with 243 passengers hit the truck at 1:42 p.m. near the town."
    at = sentence.index("243")
    assert as_of(sentence, "2022-06-27", (at, at + 3)) == ""
    sentence = "The hospital reported caring for 18 patients as of noon Tuesday."
    at = sentence.index("18")
    assert as_of(sentence, "2022-06-28", (at, at + 2)) == "2022-06-28T12:00"


def test_a_count_before_a_name_counts_the_noun_after_the_name() -> None:
    article = "A team of 16 National Transportation Safety Board investigators began work."
    (figure,) = propose(article, _empty(), SOURCE).figures
    assert (figure.value, figure.unit) == (16, "investigators")
    # The name's own numbers are of the name.
    article = "It led to the grounding of 171 Marrow 737 Max 9 planes in the region."
    (figure,) = propose(article, _empty(), SOURCE).figures
    assert (figure.value, figure.unit) == (171, "planes")


# --- the same article twice, a bad source id, one-word aliases ----------------


def test_same_article_under_another_source_id_is_refused(
    registry_copy: Path, article: Path
) -> None:
    assert _ingest(registry_copy, article).exit_code == 0
    after_first = registry_copy.read_bytes()
    args = ["--registry", str(registry_copy), "ingest", str(article), "--source-id", "herald-2"]
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 2
    (line,) = r.stderr.strip().splitlines()
    assert "already in the registry as source 'herald'" in line and "nothing written" in line
    assert registry_copy.read_bytes() == after_first


def test_same_url_under_another_source_id_is_refused(
    registry_copy: Path, article: Path, tmp_path: Path
) -> None:
    url = "https://herald.example/bridge"
    assert _ingest(registry_copy, article, "--url", url).exit_code == 0
    other = tmp_path / "other.md"
    other.write_text('"The river was calm all week," said Tomas Berg.\n', encoding="utf-8")
    args = ["--registry", str(registry_copy), "ingest", str(other), "--source-id", "again"]
    r = CliRunner().invoke(cli, [*args, "--url", url + "/"], catch_exceptions=False)
    assert r.exit_code == 2
    assert "source 'herald'" in r.stderr and "same URL" in r.stderr


@pytest.mark.parametrize("bad", ["", "  ", "s005 gazette", 'a"b', "herald\n"])
def test_invalid_source_id_is_refused_before_anything_is_read(
    registry_copy: Path, article: Path, bad: str
) -> None:
    before = registry_copy.read_bytes()
    args = ["--registry", str(registry_copy), "ingest", str(article), "--source-id", bad]
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 2
    (line,) = r.stderr.strip().splitlines()
    assert "--source-id" in line and "merged registry" not in line
    assert registry_copy.read_bytes() == before


def test_the_loader_refuses_an_id_that_is_not_one_word(registry_copy: Path) -> None:
    text = registry_copy.read_text(encoding="utf-8").replace(
        'id = "engineer"', 'id = "the engineer"'
    )
    _, problems = parse_registry(text, "quotes.toml")
    assert any("[speakers[1].id]" in str(p) and "not one word" in str(p) for p in problems)


def _aliases(article: str) -> dict[str, tuple[str, ...]]:
    empty = Registry(path="", sources={}, speakers={}, quotations=(), figures=())
    return {s.name: s.aliases for s in propose(article, empty, SOURCE).speakers}


def test_an_alias_is_a_name_the_article_uses_alone() -> None:
    # "Wang Yi" throughout: "Yi", his given name, is no name to look for.
    chinese = (
        'Foreign Minister Wang Yi met the envoy. "We finished the work three months early,"'
        " said Wang Yi. Wang Yi later left for Beijing."
    )
    assert _aliases(chinese) == {"Wang Yi": ()}
    # The paper's own usage decides: "Mr. Wang" makes "Wang" an alias, "Kowal" too.
    assert _aliases(chinese + " Mr. Wang did not take questions.") == {"Wang Yi": ("Wang",)}
    western = f'Anna Kowal spoke at the opening.\n\n"{WORDS}," Kowal said.'
    assert _aliases(western) == {"Anna Kowal": ("Kowal",)}


def test_a_surname_two_speakers_share_is_no_alias() -> None:
    article = (
        f'"{WORDS}," said Wang Yi. Wang arrived on Monday.\n\n'
        '"The talks will go on through the winter," said Wang Wenbin. Wang spoke briefly.'
    )
    assert _aliases(article) == {"Wang Yi": (), "Wang Wenbin": ()}


def test_a_full_name_spelt_a_letter_apart_is_the_registered_person() -> None:
    rabei = Speaker("ossama-rabei", "Ossama Rabei", ("Rabei",), "person")
    registry = Registry(
        path="", sources={}, speakers={"ossama-rabei": rabei}, quotations=(), figures=()
    )
    alike = propose(f'"{WORDS}," Osama Rabie said.', registry, SOURCE)
    assert (alike.speakers, [q.speaker for q in alike.quotations]) == ([], ["ossama-rabei"])
    # Another given name, or a surname two letters away, is another person.
    for other in ("Amal Rabie", "Ossama Rabina"):
        apart = propose(f'"{WORDS}," {other} said.', registry, SOURCE)
        assert [s.name for s in apart.speakers] == [other]


def test_a_registered_surname_does_not_take_a_longer_name() -> None:
    wang = Speaker("wang-yi", "Wang Yi", ("Wang",), "person")
    registry = Registry(path="", sources={}, speakers={"wang-yi": wang}, quotations=(), figures=())
    article = f'"{WORDS}," said Wang Wenbin, a ministry spokesman.'
    proposal = propose(article, registry, SOURCE)
    assert [s.name for s in proposal.speakers] == ["Wang Wenbin"]
    assert [q.speaker for q in proposal.quotations] == ["wang-wenbin"]


def test_a_document_speaks_for_a_plural_subject_even_after_in() -> None:
    article = (
        "In a long joint statement released on Friday, Lanvia and Ostria called on the bloc "
        f'to "{WORDS.lower()}".'
    )
    proposal = propose(article, _empty(), SOURCE)
    names = {s.id: s.name for s in proposal.speakers}
    assert [names[q.speaker] for q in proposal.quotations] == ["Long joint statement"], names


def _ingest_in(folder: Path, article: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """`factcheck ingest` without --registry, run from `folder`."""
    import os

    here = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner(env={"FACTCHECK_REGISTRY": "", **(env or {})}).invoke(
            cli, ["ingest", str(article), "--source-id", "herald"], prog_name="factcheck"
        )
    finally:
        os.chdir(here)


def test_ingest_never_writes_a_registry_found_in_a_folder_above(
    registry_copy: Path, article: Path
) -> None:
    below = registry_copy.parent / "stories" / "bridge"
    below.mkdir(parents=True)
    before = registry_copy.read_bytes()
    r = _ingest_in(below, article)
    assert r.exit_code == 2, r.stderr
    assert r.stderr == (
        f"factcheck: error: no registry in this folder to add to ({registry_copy} is in a "
        "folder above); give --registry PATH\n"
    )
    assert registry_copy.read_bytes() == before


def test_ingest_writes_where_a_configuration_points_and_says_which_file_first(
    registry_copy: Path, article: Path
) -> None:
    project = registry_copy.parent
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\nregistry = "data/newsroom.toml"\n', encoding="utf-8"
    )
    below = project / "stories"
    below.mkdir()
    (project / "data").mkdir()
    r = _ingest_in(below, article)
    target = project / "data" / "newsroom.toml"
    assert r.exit_code == 0, r.stderr
    first = r.stderr.splitlines()[0]
    assert first == f"factcheck: writing {target}, named by {project / 'pyproject.toml'}"
    assert 'id = "herald"' in target.read_text(encoding="utf-8")  # a new file, as configured
    assert 'id = "herald"' not in registry_copy.read_text(encoding="utf-8")


def test_ingest_names_the_environment_variable_that_chose_the_registry(
    registry_copy: Path, article: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = _ingest_in(elsewhere, article, {"FACTCHECK_REGISTRY": str(registry_copy)})
    assert r.exit_code == 0, r.stderr
    assert (
        r.stderr.splitlines()[0]
        == f"factcheck: writing {registry_copy}, named by $FACTCHECK_REGISTRY"
    )


def test_ingest_refuses_a_fifo_as_registry_without_waiting(article: Path, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "quotes.toml"
    os.mkfifo(fifo)
    r = _ingest(fifo, article)
    assert r.exit_code == 2
    assert (
        r.stderr
        == f"factcheck: error: {fifo}: a FIFO, not a regular file; not read as a registry\n"
    )


def _two_articles(first: str, second: str, dates: tuple[str, str]) -> list[tuple[str, str]]:
    """The figure entries after ingesting two dated articles: (entry, printed)."""
    registry = _registry_of(first, second, dates)
    return [(f.id, r.text) for f in registry.figures for r in f.reports]


@pytest.mark.parametrize(
    ("second_day", "monday", "entries"),
    [
        # Containment quadrupled between Saturday and Monday: beyond the ratio two
        # reports of one moment keep to, but the clause is the entry's and the day new.
        ("2025-07-07", "Monday", 1),
        # The same day and four times the value: two figures, not a dispute.
        ("2025-07-05", "Saturday", 2),
    ],
)
def test_a_far_value_is_the_series_on_a_new_day_and_another_figure_on_the_same(
    second_day: str, monday: str, entries: int
) -> None:
    reports = _two_articles(
        "The Ridge Fire was 20% contained by firefighters on Saturday, officials said.",
        f"The Ridge Fire was 80% contained by firefighters on {monday}, officials said.",
        ("2025-07-05", second_day),
    )
    percents = [(e, t) for e, t in reports if t.endswith("%")]
    assert len({e for e, _ in percents}) == entries, percents


def test_one_article_may_give_a_figure_at_two_moments() -> None:
    # "An article does not dispute itself" holds for one moment; at two, the
    # second value is the figure changing and joins the entry it matches.
    reports = _two_articles(
        "The Ridge Fire was 20% contained by firefighters on Saturday, officials said.",
        "The Ridge Fire was 20% contained by firefighters on Saturday, officials said. "
        "The Ridge Fire was 35% contained by firefighters on Sunday, officials said.",
        ("2025-07-05", "2025-07-06"),
    )
    percents = [(e, t) for e, t in reports if t.endswith("%")]
    assert len({e for e, _ in percents}) == 1, percents
    assert sorted(t for _, t in percents) == ["20%", "20%", "35%"]


def test_another_year_or_date_is_never_another_report_of_one() -> None:
    # 2025 is within any ratio of 2005, and July 2023 of March 2022: still other
    # figures, however alike their sentences.
    reports = _two_articles(
        "The Fed has raised rates 11 times since March 2022, officials said.",
        "The Fed has raised rates 11 times since July 2023, officials said.",
        ("2024-09-18", "2024-09-19"),
    )
    dates = [(e, t) for e, t in reports if t in ("March 2022", "July 2023")]
    assert len({e for e, _ in dates}) == 2, dates


def test_a_running_total_is_filed_under_it_as_a_series() -> None:
    one = Source("wire", "The Wire", date="2025-03-07")
    text = merge(
        "schema = 1\n", propose("Rescuers raised the death toll to 205 on Friday.", _empty(), one)
    )
    registry, problems = parse_registry(text, "r.toml")
    assert not problems
    (figure,) = registry.figures
    assert (figure.quantity.unit, figure.series) == ("toll", True)
    assert "toll" in figure.subject
    from factcheck.verdicts.engine import check

    # (In a registry of one figure no word is distinctive: the claims use the source's.)
    assert check("Rescuers raised the death toll to 205.", registry).verdict.value == "supported"
    assert check("Rescuers raised the death toll to 250.", registry).verdict.value == "contradicted"
    # Of another day the one report says nothing.
    wednesday = "On Wednesday rescuers raised the death toll to 95."
    assert check(wednesday, registry).verdict.value == "unverified"


@pytest.mark.parametrize(
    ("article", "speakers"),
    [
        # No double quotes anywhere: the article quotes speech in single ones.
        (f"Anna Kowal spoke at the opening. '{WORDS},' she said.", {"Anna Kowal"}),
        # Beside double quotes, single ones are a headline's or a paraphrase.
        (f"'{WORDS}' at the site.\n\n\"Nobody was hurt,\" Anna Kowal said.", {"Anna Kowal"}),
    ],
)
def test_single_quotes_are_speech_only_where_the_article_has_no_double_ones(
    article: str, speakers: set[str]
) -> None:
    proposal = propose(article, _empty(), SOURCE)
    names = {s.id: s.name for s in proposal.speakers}
    said = {q.text.rstrip(",.") for q in proposal.quotations}
    assert {names[q.speaker] for q in proposal.quotations} == speakers
    assert (WORDS in said) == ('"' not in article)


def test_a_description_the_article_writes_in_lower_case_is_no_part_of_a_name() -> None:
    article = (
        "Many residents fled the tower.\n\n"
        f'Resident Maria Lund, who has lived there for years, said, "{WORDS}."'
    )
    proposal = propose(article, _empty(), SOURCE)
    assert [s.name for s in proposal.speakers] == ["Maria Lund"]


def _registry_of(first: str, second: str, dates: tuple[str, str]) -> Registry:
    one = Source("herald", "Coast Herald", date=dates[0])
    two = Source("courier", "Valley Courier", date=dates[1])
    text = merge("schema = 1\n", propose(first, _empty(), one))
    registry, _ = parse_registry(text, "r.toml")
    text = merge(text, propose(second, registry, two))
    registry, problems = parse_registry(text, "r.toml")
    assert not problems
    return registry


def test_a_far_value_a_day_later_makes_the_entry_a_series() -> None:
    from factcheck.verdicts.engine import check

    registry = _registry_of(
        "The storm in Marrow killed at least 95 people, officials said.",
        "The storm in Marrow killed 190 people, officials said.",
        ("2025-03-06", "2025-03-07"),
    )
    (figure,) = [f for f in registry.figures if f.quantity.unit == "people"]
    assert figure.series and len(figure.reports) == 2
    claim = "The storm in Marrow killed 190 people, officials said."
    assert check(claim, registry).verdict.value == "supported"


def test_two_outlets_a_few_percent_apart_still_disagree() -> None:
    from factcheck.verdicts.engine import check

    registry = _registry_of(
        "The leaders of Marrow and Dunmore signed 16 agreements at the summit.",
        "The leaders of Marrow and Dunmore signed 15 agreements at the summit.",
        ("2025-03-06", "2025-03-07"),
    )
    (figure,) = registry.figures
    assert not figure.series
    claim = "The leaders of Marrow and Dunmore signed 16 agreements at the summit."
    assert check(claim, registry).verdict.value == "disputed"


@pytest.mark.parametrize(
    ("first", "second", "entries"),
    [
        ("5.25%", "4.75%", 2),  # a rate and the one before it: two figures
        ("96%", "96.1%", 1),  # one share, rounded differently
    ],
)
def test_shares_join_only_when_their_roundings_meet(first: str, second: str, entries: int) -> None:
    registry = _registry_of(
        f"The Marrow council set the harbour levy at {first} of the fare, officials said.",
        f"The Marrow council set the harbour levy at {second} of the fare, officials said.",
        ("2025-03-06", "2025-03-06"),
    )
    assert len(registry.figures) == entries, [
        (f.id, [r.text for r in f.reports]) for f in registry.figures
    ]


def test_another_tally_is_never_another_report_of_one() -> None:
    registry = _registry_of(
        "The Marrow Gulls finished the season 15-6, officials said.",
        "The Marrow Gulls took a 19-16 lead in the season final, officials said.",
        ("2025-03-06", "2025-03-07"),
    )
    tallies = [f for f in registry.figures if f.quantity.dimension == "tally"]
    assert len(tallies) == 2, [(f.id, [r.text for r in f.reports]) for f in tallies]


def test_a_count_with_another_fate_is_filed_apart() -> None:
    # 61 is near 44 and counts people too, but they are treated, not killed.
    first = propose(
        "The fire at the Harlow estate has killed at least 44 people.", _empty(), SOURCE
    )
    registry, problems = parse_registry(merge("schema = 1\n", first), "merged.toml")
    assert problems == []
    later = Source("gazette", "Gazette", "", "", "2026-03-07", "", "")
    article = "At the Harlow estate, 61 people are receiving hospital treatment after the fire."
    (treated,) = [f for f in propose(article, registry, later).figures if f.unit == "people"]
    assert treated.new, treated


def test_one_measure_in_two_units_is_one_entry_and_its_bracketed_restatement_none() -> None:
    from factcheck.verdicts.engine import check

    registry = _registry_of(
        "Crews lifted the 30-tonne Marrow bell from the river.",
        "Crews lifted the 29,000kg (64,000lb) Marrow bell from the river.",
        ("2025-03-06", "2025-03-07"),
    )
    (figure,) = registry.figures
    assert [r.text for r in figure.reports] == ["30-tonne", "29,000kg"]
    assert check("Crews lifted the 40-tonne Marrow bell.", registry).verdict.value == "contradicted"


def test_a_measure_is_joined_by_a_report_naming_who_found_it_but_a_count_is_not() -> None:
    measure = _registry_of(
        "Investigators will now examine the 30-tonne bell.",
        "Mia Ortiz came across the 29,000kg bell on the riverbed.",
        ("2025-03-06", "2025-03-07"),
    )
    assert len(measure.figures) == 1, [f.id for f in measure.figures]
    # A count naming a place is that place's count, not another report of the total.
    count = _registry_of(
        "The storm destroyed 40 homes, officials said.",
        "In Marrow the storm destroyed 40 homes, officials said.",
        ("2025-03-06", "2025-03-07"),
    )
    assert len(count.figures) == 2, [f.id for f in count.figures]


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        # After a comma the words are the next item's; a preposition counts nothing.
        ("Marrow added 45,000, Dunmore 31,000 and Elm 27,000 jobs.", ["jobs"]),
        ("Nonfarm payrolls rose by 254,000 during the month.", []),
    ],
)
def test_what_follows_a_break_or_a_preposition_is_not_what_a_count_counts(
    sentence: str, units: list[str]
) -> None:
    found = propose(sentence, _empty(), SOURCE).figures
    assert [f.unit for f in found] == units, [(f.unit, f.value) for f in found]


def test_a_share_joins_only_what_its_printed_precision_meets() -> None:
    from factcheck.figures.reader import read_value
    from factcheck.ingest.propose import _as_printed, _near_enough

    registry = _registry_of(
        "The Marrow council said average wages have increased by 4.0 percent.",
        "The Marrow council said Dunmore wages have increased by 5%.",
        ("2025-03-06", "2025-03-06"),
    )
    (wages,) = [f for f in registry.figures if f.reports[0].text == "4.0 percent"]
    later = read_value("4.1%")
    assert later is not None
    # Read back from the registry, 4.0 is "about 4", which 4.1% meets; as printed
    # ("4.0 percent", 3.95 to 4.05) it does not.
    assert _near_enough(later, wages.quantity)
    assert not _near_enough(later, _as_printed(wages))


def test_a_figures_subject_leaves_out_the_words_of_the_figure_beside_it() -> None:
    sentence = "Losses ranged from $6 million (ferries) to $143 million (tankers) a firm."
    proposal = propose(sentence, _empty(), SOURCE)
    subjects = {f.text: f.subject for f in proposal.figures}
    assert "ferries" in subjects["$6 million"] and "tankers" not in subjects["$6 million"]
    assert "tankers" in subjects["$143 million"] and "ferries" not in subjects["$143 million"]


def test_a_report_of_no_date_leaves_no_moment_for_a_series_to_move_from() -> None:
    from factcheck.verdicts.engine import check

    # The first source is undated: the second's far value may be of the same
    # moment, so it is not the figure moving, and no series judges the first.
    registry = _registry_of(
        "The storm in Marrow killed 190 people, officials said.",
        "The storm in Marrow killed at least 95 people, officials said.",
        ("", "2025-03-07"),
    )
    people = [f for f in registry.figures if f.quantity.unit == "people"]
    assert not any(f.series for f in people), people
    claim = "The storm in Marrow killed 190 people, officials said."
    assert check(claim, registry).verdict.value in ("supported", "disputed")


def test_a_count_with_none_before_it_takes_the_noun_of_the_count_after_and() -> None:
    proposal = propose(
        "The Marrow party won a majority of 174 and a projected total of 412 seats.",
        _empty(),
        SOURCE,
    )
    assert [(f.value, f.unit) for f in proposal.figures] == [(174, "seats"), (412, "seats")]
    # Not across a clause of its own: "174 voted and the council has 12 seats".
    apart = propose("In Marrow 174 voted, and the council now has 12 seats.", _empty(), SOURCE)
    assert [(f.value, f.unit) for f in apart.figures] == [(12, "seats")]
