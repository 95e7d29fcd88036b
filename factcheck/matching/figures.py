"""Which registry figure, if any, a figure in a claim is about.

A number only matches a figure about the same thing: the same dimension
(a length is not a count), for a count the same counted noun ("100,000
spectators" is not the troop figure), and every keyword group the registry
gives for that figure, met in the number's own clause ("a 4,209 km pipeline"
is not the border). Among the figures left, the one whose frame shares the
most distinctive words with the claim's clause wins.

Being the best candidate is not enough to contradict a claim. The match is
*confident* only when the frames do not name different places or entities,
and, for the numbers that a sentence uses in passing (small counts, ordinals,
years), when the clause shares a distinctive word beyond the counted noun
and the keywords. Otherwise the nearest figure is reported with the reason
it was not used, and the number stays unverified: a miss costs an editor
less than a false alarm.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from factcheck.figures.ranges import AGE, agree
from factcheck.figures.units import split_date
from factcheck.frames import Frame
from factcheck.frames.agree import Fit, fit, month_names, months_of, shared_near, years_of
from factcheck.frames.counted import PEOPLE_NOUNS
from factcheck.frames.figure import FigureFrame, figure_frame
from factcheck.frames.frame import IN_PASSING, name_key, names_a_place, place_after
from factcheck.matching.index import FigureInfo, Index
from factcheck.model import Quantity
from factcheck.text import keyword_groups_met, stem

NOUN_WINDOW = 4  # a count's noun may follow a few adjectives: "100,000 Russian troops"
# Numbers a sentence uses in passing ("the two leaders", "for the first time", "in 2022"):
# they must share a distinctive word with the figure beyond its noun and keywords.
SMALL_COUNT = 12
PASSING_DIMENSIONS = IN_PASSING
# About the weight of a word found in a fifth of the registry's figures (log(1 + 5)):
# an incidental word ("said", a capital city) does not make a passing number's frame.
STRONG_EXTRA = 1.75


# A named tuple, not a frozen dataclass: every look-up makes the class at import
# (a dataclass costs about a millisecond) and scan builds many of them.
class FigureMatch(NamedTuple):
    info: FigureInfo
    score: float
    confident: bool
    why_not: str = ""  # when not confident: why the nearest figure was not used


def find_figure(q: Quantity, claim: Frame, index: Index) -> FigureMatch | None:
    """The figure the number is about, best first; None when no figure could be."""
    total = _total(q, claim)
    candidates = [
        info
        for info in index.figure_candidates(q.dimension, set(claim.content))
        if (q.dimension != "count" or counts_same_thing(q, info) or total in info.nouns)
        and keyword_groups_met(info.figure.keywords, list(claim.stems))
        and not _group_for_one(q, info.figure.quantity)
    ]
    if not candidates:
        return None
    common, people = index.frame_words()
    # An age is about the person it names, even one who speaks in the sources:
    # "Harold Daggett is 78" is not about another speaker's age.
    base = (frozenset() if q.dimension == AGE else people) | _story_names(claim, index)
    people = base | (title_names(index) & {name_key(n) for n in claim.names})
    weights = index.figure_weights(set(claim.content))
    money, count = q.dimension.startswith("money"), q.dimension == "count"
    fits = _fits(claim, candidates, index, weights, (base, people), money, count)
    found = _choose(q, fits)
    if not found.confident and found.why_not == NO_SHARED_WORD:
        found = _the_only_count(q, claim, fits, index, people) or _the_same_span(q, fits) or found
    sure = _names_told(claim, frame_of(found.info, common), people) if found.confident else False
    if found.confident and _printed_beside(
        q, found.info, total, claim if sure else None, (common, people)
    ):
        why = "the number is another figure of the entry's own sentence, not the entry's"
        return FigureMatch(found.info, found.score, False, why)
    if found.confident and _of_another_span(q, found.info):
        why = "the claim's span of time is of another order than every source's"
        return FigureMatch(found.info, found.score, False, why)
    if found.confident and not _bears_out(q, found.info) and not found.info.figure.keywords:
        # An entry with keywords has its subject met by them; one without, by
        # its frame's words alone, which must then be enough to call it wrong.
        frame = frame_of(found.info, common)
        # Beside words the registry never uses, the story's names and the people
        # who announce figures say nothing of which figure it is ("the Fed expects").
        # Asked of the claim's own names: `people` may be an index's table of them.
        told = {stem(n) for n in claim.names if name_key(n) in people}
        why = _about_something_else(claim, frame, weights, told)
        why = why or _fate_unsaid(claim, frame)
        why = why or _generic_noun(q, claim, frame, found.info, index)
        why = why or _another_role(q, claim, found.info)
        why = why or _place_unsaid(claim, found.info, index)
        why = why or _year_unsaid(claim, frame, found.info, index)
        why = why or _quarter_unsaid(claim, found.info)
        why = why or _closer_elsewhere(fits, found)
        why = why or _another_gives_it(q, fits, found)
        why = why or _another_counts_it(q, claim, fits, found, index)
        if why:
            return FigureMatch(found.info, found.score, False, why)
    return found


def _fits(
    claim: Frame,
    candidates: list[FigureInfo],
    index: Index,
    weights: dict[str, float],
    people: tuple[AbstractSet[str], AbstractSet[str]],
    money: bool = False,
    count: bool = False,
) -> list[tuple[FigureInfo, Fit]]:
    """Each candidate's fit, best first. `people` are the names that say nothing
    of which figure it is, without and with the claim's headline names; `money`,
    whether the number is a sum, whose role (a loss, a revenue) tells figures apart;
    `count`, whether a count, told apart by the names of an entry's clause too."""
    from factcheck.frames.fates import fates_in

    common, _ = index.frame_words()
    mine = {name_key(n) for n in claim.names}
    fated = bool(fates_in(claim.content))
    fits, unfated = [], set()
    for info in candidates:
        frame = frame_of(info, common)
        # The claim's headline name says nothing only of an entry that names
        # nothing else: against "the Tracy fire" or the other side of "Chiefs
        # beat 49ers", "the Corral Fire" or "the 49ers" tells them apart.
        who = people[0] if _names_more(frame, mine, people[0]) else people[1]
        story = _its_story(frame, index) if count and claim.names and not frame.names else None
        fits.append((info, fit(claim, frame, lambda w: weights.get(w, 0.0), who, money, story)))
        if fated and not fates_in(frame.content | frame.beside):
            unfated.add(info.figure.id)
    # "Five firefighters were injured fighting the fire": an entry of what befell
    # them comes before one that says nothing befell them ("400 firefighters fought").
    fits.sort(key=lambda pair: (pair[0].figure.id in unfated, -pair[1].score, pair[0].figure.id))
    return fits


# A counted noun in this share of the registry's figures ("people") says little
# of which figure a count is: a contradiction then takes two shared words.
GENERIC_SHARE = 0.25


# How much better than the chosen entry another must fit the claim's words for
# its name conflict to leave the claim's subject in doubt.
CLOSER_ELSEWHERE = 1.5


def _closer_elsewhere(fits: list[tuple[FigureInfo, Fit]], chosen: FigureMatch) -> str:
    """Why the chosen entry does not call the claim wrong when another fits its
    words far better but names something else ("the Fed lowered its benchmark
    rate by 50 basis points" against "the Federal Reserve lowered its benchmark
    interest rate by 50 basis points"): which figure the claim is about is in
    doubt, so it is not the chosen one's to contradict."""
    for info, f in fits:
        if (
            info is not chosen.info
            and f.conflict
            and not f.apart_only  # the claim's period or stance is the chosen one's: no doubt
            and f.score >= CLOSER_ELSEWHERE * chosen.score
        ):
            return f"a closer entry, {info.figure.id}, fits its words better but {f.conflict}"
    return ""


def _another_gives_it(q: Quantity, fits: list[tuple[FigureInfo, Fit]], chosen: FigureMatch) -> str:
    """Why a date is not called wrong when another entry the clause shares words
    with gives it: a story has many dates, and "went missing on June 23" may be
    the June 23 entry's, though the words of "On 2 July, nine days after they
    went missing" fit better. (Not years or ordinals: a story's few ordinals and
    years meet other figures' too often.)"""
    if q.dimension != "date":
        return ""
    for info, f in fits:
        if info is not chosen.info and f.score > 0 and not f.conflict and _gives(q, info):
            return f"another entry, {info.figure.id}, gives {q.text}"
    return ""


def _another_counts_it(
    q: Quantity, claim: Frame, fits: list[tuple[FigureInfo, Fit]], chosen: FigureMatch, index: Index
) -> str:
    """Why a count of what befell people is not called wrong when another entry
    counts the same noun, the same fate and the claim's very number ("15 people
    sustaining injuries" beside "at least 17 people on the flight were injured"):
    the sources give it, and the claim may be that outlet's, whatever it names."""
    from factcheck.frames.fates import fates_in

    ours = fates_in(claim.content)
    if q.dimension != "count" or not ours:
        return ""
    common, _ = index.frame_words()
    for info, f in fits:
        if info is chosen.info or f.score <= 0 or not counts_same_thing(q, info):
            continue
        frame = frame_of(info, common)
        if ours <= fates_in(frame.beside) and _bears_out(q, info):
            return f"another entry, {info.figure.id}, counts {q.text} of them"
    return ""


def _gives(q: Quantity, info: FigureInfo) -> bool:
    """Whether a source gives the claim's date, every part the claim gives
    ("Feb. 15" is not given by "February 2023", though the two agree)."""
    ours = split_date(q.value)
    reported = (split_date(r.quantity.value) for r in info.figure.reports)
    return any(all(t == m for m, t in zip(ours, theirs, strict=True) if m) for theirs in reported)


def _year_unsaid(claim: Frame, frame: FigureFrame, info: FigureInfo, index: Index) -> str:
    """Why a claim dated to a year or a month its entry's sources never give
    ("The Titanic sank in 1912 with 1,500 people aboard") is not called wrong
    by the entry: it may be about that other time."""
    sources = index.registry.sources
    dates = [sources[r.source].date for r in info.figure.reports if r.source in sources]
    ours = years_of(claim.numbers)
    theirs = set(frame.numbers) | {d[:4] for d in dates}
    if ours and not ours & theirs:
        return f"the claim speaks of {', '.join(sorted(ours))}, which the entry's sources do not"
    # Every month the claim dates it to must be one the entry's sources give,
    # where they give any: "July and August combined" is not July's figure.
    given = months_of(frame.numbers)
    missing = months_of(claim.numbers) - given if given else set()
    if missing:
        return f"the claim speaks of {month_names(missing)}, which the entry's sources do not"
    return ""


def _quarter_unsaid(claim: Frame, info: FigureInfo) -> str:
    """Why a claim of a quarter or half year ("third-quarter revenue") is not
    called wrong by an entry whose sources name another or none: a company
    reports one figure a quarter, and an undated one may be any of them."""
    ours = {_quarter_key(m) for m in _QUARTER.finditer(claim.text)}
    if not ours:
        return ""
    theirs = {_quarter_key(m) for r in info.figure.reports for m in _QUARTER.finditer(r.sentence)}
    if ours & theirs:
        return ""
    return f"the claim speaks of the {', '.join(sorted(ours))}, which the entry's sources do not"


_QUARTER = re.compile(
    r"\b(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?P<part>quarter|half)\b"
    r"|\b(?P<q>Q[1-4]|H[12])\b",
    re.IGNORECASE,
)
_NTH = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_SHORT = {"q": "quarter", "h": "half"}
_ORDINALS = ("first", "second", "third", "fourth")


def _quarter_key(m: re.Match[str]) -> str:
    """ "third quarter" of "third-quarter", "3rd quarter" or "Q3"."""
    if m.group("q"):
        short = m.group("q").lower()
        return f"{_ORDINALS[int(short[1]) - 1]} {_SHORT[short[0]]}"
    nth = m.group("nth").lower()
    return f"{_NTH.get(nth, nth)} {m.group('part').lower()}"


def _place_unsaid(claim: Frame, info: FigureInfo, index: Index) -> str:
    """Why a claim that names no place ("The Conservatives lost 251 seats") is not
    called wrong by a figure every source gives for one ("lost 12 seats in
    Wales"): that is a part of the whole the claim may count. The story's own
    place ("800 workers in the Suez Canal" of a story set there) is no part."""
    if info.figure.quantity.dimension != "count" or names_a_place(claim.text):
        return ""
    places = set()
    for r in info.figure.reports:
        at = r.sentence.find(r.text) if r.text else -1
        place = place_after(r.sentence, at + len(r.text)) if at >= 0 else ""
        if not place or _the_storys(place, index):
            return ""  # a report of no place: the figure may be the whole
        places.add(place)
    return f"the sources give it for {', '.join(sorted(places))}, which the claim does not name"


def _fate_unsaid(claim: Frame, frame: FigureFrame) -> str:
    """Why a count of what happened to people ("15 people were injured") is not
    judged by one whose sources say nothing happened to them ("379 people on
    board"): a total is not its injured, its dead or its rescued."""
    from factcheck.frames.fates import fates_in

    ours = fates_in(claim.content)  # the clause's: it only withholds a verdict
    if not ours or fates_in(frame.content | frame.beside):
        return ""
    return f"the claim says {', '.join(sorted(ours))}; the entry's sources say nothing of that"


# How many times longer or shorter than every source's span a claim's must be,
# in other units, to be another span: "spoke for 20 minutes" is no misprint of
# "sentenced to 25 years", though "nine and a half hours" may be "over two days".
OTHER_SPAN = 30.0


def _of_another_span(q: Quantity, info: FigureInfo) -> bool:
    """Whether a duration, in units no source uses, is OTHER_SPAN times off them all."""
    if q.dimension != "duration" or q.value <= 0:
        return False
    ours = (q.lo + q.hi) / 2
    for theirs in info.figure.reported():
        mid = (theirs.lo + theirs.hi) / 2
        if theirs.unit == q.unit or mid <= 0 or max(ours / mid, mid / ours) < OTHER_SPAN:
            return False
    return True


def _group_for_one(q: Quantity, theirs: Quantity) -> bool:
    """A span of ages ("aged 27 to 65") is a group's; one person's age is no
    evidence for or against it."""
    return q.dimension == AGE and q.lo != q.hi and theirs.lo == theirs.hi


def _generic_noun(
    q: Quantity, claim: Frame, frame: FigureFrame, info: FigureInfo, index: Index
) -> str:
    if q.dimension != "count" or not _counted_widely(info, index):
        return ""
    # A place the sentence names further off ("In the village of Letur …,
    # the mayor said six people were missing") says which count it is too.
    shared = set(shared_near(claim, frame)) | (set(claim.names) & frame.far_names)
    # The same period ("ships per day" of a rate of ships per day) says which count too.
    if claim.per and frame.per == {claim.per}:
        shared.add(f"per {claim.per}")
    if len(shared) > 1:
        return ""
    return (
        f"'{info.figure.quantity.unit}' is counted in many figures, and the clause shares "
        f"only {', '.join(sorted(shared)) or 'no word'} with this one"
    )


# What a year does in its sentence, by the word before it: dates an event ("in
# 2025"), or bounds a span ("since 2005", "until 2030").
_YEAR_ROLES = {"in": "in", "during": "in", "since": "since", "from": "since", "until": "until",
               "till": "until", "through": "until", "by": "by", "before": "before", "after": "after"}  # fmt: skip


def _another_role(q: Quantity, claim: Frame, info: FigureInfo) -> str:
    """Why a year is not the entry's: "in 2025" is not "since 2005"."""
    if q.dimension != "calendar-year":
        return ""
    ours = _role(claim.text, claim.text.find(q.text))
    # A report whose year no such word stands before ("the 2001 election") says
    # nothing of its role; the others still do.
    theirs = {_role(r.sentence, r.sentence.find(r.text)) for r in info.figure.reports if r.text}
    theirs.discard("")
    if not ours or not theirs or ours in theirs:
        return ""
    return f"the claim's year is {ours} {q.text}, the entry's is {' or '.join(sorted(theirs))} it"


def _role(text: str, at: int) -> str:
    words = text[:at].split() if at > 0 else []
    return _YEAR_ROLES.get(words[-1].lower(), "") if words else ""


# Words a claim's clause uses that no figure's sources do, beside a single shared
# one, before a contradiction is withheld: one new verb ("fighting") is an
# editor's own wording; two ("stay", "unemployment") are more likely another topic.
MIN_UNKNOWN = 2


def _about_something_else(
    claim: Frame, frame: FigureFrame, weights: dict[str, float], told: set[str]
) -> str:
    """Why a contradiction would rest on too little: the clause shares one word
    with the entry ("expect") and speaks of things no figure's sources mention
    ("stay", "unemployment"), so it may well be about those."""
    shared = shared_near(claim, frame) - told
    unknown = sorted(w for w in claim.content - claim.name_stems if w not in weights)
    if len(shared) > 1 or len(unknown) < MIN_UNKNOWN:
        return ""
    return (
        f"the clause shares only {', '.join(sorted(shared)) or 'no word'} with the entry and speaks "
        f"of {', '.join(unknown)}, which no figure's sources mention"
    )


def _total(q: Quantity, claim: Frame) -> tuple[str, ...]:
    """For a bare count ("the toll stood at 95"), the stems of the total it is
    the value of; else nothing, which no entry's noun is."""
    if q.dimension != "count":
        return ("",)
    from factcheck.frames.counted import counted_before
    from factcheck.text import stems

    at = claim.text.find(q.text)
    noun = counted_before(claim.text, at, at + len(q.text)) if at >= 0 else ""
    return tuple(stems(noun)) if noun else ("",)


def _names_told(claim: Frame, frame: FigureFrame, people: AbstractSet[str]) -> bool:
    """Whether the claim names things, beyond the story's people, and the entry's
    frame names every one of them: it says which figure it is about."""
    mine = _own_names(claim, people)
    return bool(mine) and mine <= {name_key(n) for n in frame.names}


def _own_names(claim: Frame, people: AbstractSet[str]) -> set[str]:
    """The name keys of the claim beyond the story's people."""
    # Membership only: an on-disk index's `people` is looked up, never listed.
    return {k for n in claim.names if (k := name_key(n)) not in people}


def _printed_beside(
    q: Quantity,
    info: FigureInfo,
    total: tuple[str, ...],
    claim: Frame | None,
    words: tuple[frozenset[str], AbstractSet[str]],
) -> bool:
    """Whether the claim's number is one the source prints beside the entry's
    figure and the entry's own reports do not bear out: "Seven of the eight
    cars" is about the seven, "four killed and 150 injured" about the injured.
    A `claim` given names what the entry is about: then not a number whose own
    names it does not name ("six titles each [Steelers, Patriots], followed by
    the 49ers and Cowboys with five each" against "the 49ers and Cowboys have six")."""
    from factcheck.figures.ranges import agree
    from factcheck.frames.agree import name_conflict
    from factcheck.frames.figure import printed_beside
    from factcheck.verdicts.figures import agrees_with_any

    if agrees_with_any(q, info.figure):
        return False
    # "The toll rose to 182" names what it counts: the entry's total. A number
    # beside it that counts a noun of its own ("about 200 people remained
    # missing") is not the toll; a bare one ("from 95 to 158") may be.
    of_total = total != ("",) and total in info.nouns
    common, people = words
    return any(
        o.dimension == q.dimension
        and agree(q.dimension, (q.lo, q.hi), (o.lo, o.hi))
        and not (of_total and _counts_a_noun(o))
        and not (claim and name_conflict(claim.names, theirs.names, people))
        for o, theirs in printed_beside(info.figure, common)
    )


def _counts_a_noun(q: Quantity) -> bool:
    """Whether a count is followed by what it counts ("200 people"), not by a
    preposition or another number ("95 to 158", "128 on Friday")."""
    from factcheck.text import STOPWORDS

    first = q.following[0] if q.following else ""
    return first.isalpha() and first.lower() not in STOPWORDS


# A name in this share of the registry's figures (and in at least a few) names
# the story, not one figure of it: "the Corral Fire" is in most of a fire's
# sources, so a claim naming it names nothing the others do not.
STORY_SHARE = 1 / 3
STORY_MIN_FIGURES = 3


def _story_names(claim: Frame, index: Index) -> frozenset[str]:
    keys = {name_key(n) for n in claim.names}
    return frozenset(k for k in keys if _throughout(k, index))


def _its_story(frame: FigureFrame, index: Index) -> frozenset[str]:
    """The keys of the entry's clause names that name the story, not the figure."""
    keys = {name_key(n) for n in frame.all_names}
    return frozenset(k for k in keys if _throughout(k, index)) | title_names(index)


def _the_storys(place: str, index: Index) -> bool:
    """Whether every word of a place's name is one the story names throughout."""
    return all(_throughout(name_key(n), index) for n in place.split())


def _throughout(key: str, index: Index) -> bool:
    """Whether a name's key is in the share of the registry's figures that makes
    it the story's own name."""
    docs, total = index.figure_docs()
    return docs.get(stem(key), 0) >= max(STORY_MIN_FIGURES, total * STORY_SHARE)


def _names_more(frame: FigureFrame, mine: set[str], people: AbstractSet[str]) -> bool:
    """Whether the entry names something the claim does not, beyond the story's people."""
    return any((k := name_key(n)) not in mine and k not in people for n in frame.names)


# A registry of more sources than this is many stories: no headline names them all.
MAX_TITLED_SOURCES = 200
TITLE_SHARE = 0.5
TITLE_MIN_SOURCES = 2


def title_names(index: Index) -> frozenset[str]:
    """Name keys that half or more of the sources' headlines use (at least two):
    "Corral Fire spreads to 12,500 acres", "Corral Fire: Firefighter out of
    hospital" name the story, so a claim naming it names no other figure. A
    headline's capitals are its style ("Containment Grows To 75%"): only words
    the registry never writes in lower case count."""
    if index.title_keys is None:
        from collections import Counter

        from factcheck.frames.frame import names_in

        sources = index.registry.sources
        titles = (
            [s.title for s in sources.values() if s.title]
            if len(sources) <= MAX_TITLED_SOURCES
            else []
        )
        lower, _ = index.frame_words()
        counts: Counter[str] = Counter()
        for title in titles:
            counts.update({name_key(w) for w in names_in(title) if w.lower() not in lower})
        enough = max(TITLE_MIN_SOURCES, TITLE_SHARE * len(titles))
        index.title_keys = frozenset(k for k, n in counts.items() if n >= enough)
    return index.title_keys


def _choose(q: Quantity, fits: list[tuple[FigureInfo, Fit]]) -> FigureMatch:
    """The best candidate without doubt; but a number that a close, plausible
    candidate bears out (a frame that names nothing else) is not a
    contradiction of another one."""

    sure = [(info, f) for info, f in fits if not _doubt(q, f, info.figure.keywords)]
    bar = 0.5 * (sure[0][1].score if sure else fits[0][1].score)
    for info, f in fits:
        if _plausible(f, info) and f.score >= bar and _bears_out(q, info):
            return FigureMatch(info, f.score, True)
    if sure:
        tie = _tie_bearing_out(q, fits, sure[0][1].score)
        return tie or FigureMatch(sure[0][0], sure[0][1].score, True)
    info, f = fits[0]
    return FigureMatch(info, f.score, False, _doubt(q, f, info.figure.keywords))


def _tie_bearing_out(
    q: Quantity, fits: list[tuple[FigureInfo, Fit]], best: float
) -> FigureMatch | None:
    """A candidate as close as the best that bears the number out: the words
    cannot tell which of the two the claim is about, and one of them agrees
    ("85% contained" beside entries of 30% and 85% containment), so the claim
    is not called wrong by the other."""
    for info, f in fits:
        if f.score < best - 1e-9:
            break  # best first (a sum of the same weights in another order may differ)
        if not f.conflict and f.name_fits is not False and _bears_out(q, info):
            return FigureMatch(info, f.score, True)
    return None


def _bears_out(q: Quantity, info: FigureInfo) -> bool:
    """Whether a source's value agrees with the claim's number, other than one
    bound agreeing with another ("at least 120" and "at least 85" can both be
    true, but the source does not bear the claim out; the same bound does)."""
    from factcheck.figures.ranges import BOUNDS
    from factcheck.verdicts.figures import _agrees

    bound = q.qualifier in BOUNDS
    return any(
        _agrees(q, r)
        and (not (bound and r.quantity.qualifier in BOUNDS) or _same_bound(q, r.quantity))
        for r in info.figure.reports
    )


def _same_bound(a: Quantity, b: Quantity) -> bool:
    """ "At least 51" and "at least 51": the claim repeats the source's bound."""
    return (a.qualifier, a.lo, a.hi) == (b.qualifier, b.lo, b.hi)


def _plausible(f: Fit, info: FigureInfo) -> bool:
    """A frame that names nothing else and, for an entry without keywords,
    shares a distinctive word: close enough to bear a number out."""
    weak = not info.figure.keywords and f.named < STRONG_EXTRA
    return not f.conflict and f.name_fits is not False and not weak


def _doubt(q: Quantity, f: Fit, keywords: tuple[str, ...]) -> str:
    """Why the match is not sure, or "". Two keyword groups, all met, are as
    strong as a distinctive word ("gas" and "supplier")."""
    if f.conflict:
        return f.conflict
    if not keywords and (f.extra if _in_passing(q) else f.named) < STRONG_EXTRA:
        # Nothing the registry asked for: the frames themselves must meet.
        return NO_SHARED_WORD
    if not keywords and f.extra <= 0 and not _in_passing(q) and q.dimension != AGE:
        # Only a name in common ("Biden"): which of that name's figures is unsaid.
        # A person has one age, so for an age the name is enough.
        return "the clause shares only names with the entry, no word of what it counts"
    if not _in_passing(q):
        return ""
    if f.name_fits is False:
        return "the number belongs to a name the entry is not about"
    if f.name_fits is None and f.extra < STRONG_EXTRA and len(keywords) < 2:
        return "a number used in passing, and its clause shares no distinctive word with the entry"
    return ""


NO_SHARED_WORD = "the entry has no keywords, and the clause shares no distinctive word with it"


def _the_only_count(
    q: Quantity,
    claim: Frame,
    fits: list[tuple[FigureInfo, Fit]],
    index: Index,
    people: AbstractSet[str],
) -> FigureMatch | None:
    """The figure a count is about when its noun says so alone: every figure of
    the registry that counts it ("crew", "Portuguese", not "people") gives one
    value, so "14 crew were on board" can only be about that one, whatever
    else the clause says. The claim must name nothing the entry does not
    ("three vehicles were pulled from the Ohio River" is another river's), and
    say the same of what happened to them."""
    if q.dimension != "count":
        return None
    same = [(info, f) for info, f in fits if counts_same_thing(q, info)]
    if not same or _is_generic(same[0][0], index):
        return None
    first = same[0][0].figure.quantity
    for info, f in same:
        # A running figure may have moved on since its sources: the one value it
        # gave can bear a claim out, never say it is wrong.
        if f.conflict or f.name_fits is False or (info.figure.series and not _bears_out(q, info)):
            return None
        values = info.figure.reported()
        if not all(agree("count", (v.lo, v.hi), (first.lo, first.hi)) for v in values):
            return None  # two counts of it, or a dispute: the noun cannot tell
    from factcheck.frames.fates import fates_in

    info, f = same[0]
    frame = frame_of(info, index.frame_words()[0])
    if not _own_names(claim, people) <= {name_key(n) for n in frame.names}:
        return None
    # What happened to them must not be said otherwise: "241 people died" is
    # not the count of "200 people on the flight", nor "12 crew on board" of
    # "12 crew were injured".
    ours = fates_in(claim.content)
    if not fates_in(frame.beside) <= ours or not ours <= fates_in(frame.content | frame.beside):
        return None
    return FigureMatch(info, f.score, True)


def _the_same_span(q: Quantity, fits: list[tuple[FigureInfo, Fit]]) -> FigureMatch | None:
    """The entry a span bears out end for end ("aged between 11 and 16" of a
    source's "aged 11 to 16"), when the clause shares any word with it: two numbers
    met at once are a match no coincidence makes. It may only bear the claim out."""
    if q.qualifier != "range":
        return None
    for info, f in fits:
        if (
            f.score > 0
            and not f.conflict
            and f.name_fits is not False
            and any((r.quantity.lo, r.quantity.hi) == (q.lo, q.hi) for r in info.figure.reports)
        ):
            return FigureMatch(info, f.score, True)
    return None


def _is_generic(info: FigureInfo, index: Index) -> bool:
    """Whether the noun the entry counts is counted in much of the registry, or
    is "people" (or its like), which counts anyone, whatever the registry holds."""
    if not info.nouns or info.figure.quantity.unit.lower() in PEOPLE_NOUNS:
        return True
    return _counted_widely(info, index)


def _counted_widely(info: FigureInfo, index: Index) -> bool:
    """Whether the noun the entry counts is in GENERIC_SHARE or more of the
    registry's figures ("people")."""
    if not info.nouns:
        return False
    docs, total = index.figure_docs()
    return docs.get(info.nouns[0][-1], 0) >= GENERIC_SHARE * total


def _in_passing(q: Quantity) -> bool:
    if q.dimension in PASSING_DIMENSIONS:  # the dimension of these units is the unit
        return True
    return q.dimension == "count" and q.qualifier == "exact" and q.value <= SMALL_COUNT


_FRAMES: dict[int, tuple[object, FigureFrame]] = {}


def frame_of(info: FigureInfo, common: frozenset[str]) -> FigureFrame:
    """The figure's frame (frames/figure.py), read once per figure object: the
    frame of a registry figure never changes."""
    hit = _FRAMES.get(id(info.figure))
    if hit is not None and hit[0] is info.figure:
        return hit[1]
    frame = figure_frame(info.figure, common)
    if len(_FRAMES) > 100_000:
        _FRAMES.clear()
    _FRAMES[id(info.figure)] = (info.figure, frame)
    return frame


def counts_same_thing(q: Quantity, info: FigureInfo) -> bool:
    window = list(q.following[:NOUN_WINDOW])
    for noun in info.nouns:
        n = len(noun)
        if any(window[i : i + n] == list(noun) for i in range(len(window) - n + 1)):
            return True
    return False
