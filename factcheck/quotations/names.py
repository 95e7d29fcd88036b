"""Finding registered speakers' names and aliases in text.

Apart from attribution (speakers.py) because the index holds a SpeakerIndex:
a look-up loads it from the cache without compiling the attribution patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from factcheck.figures.units import MONTH_NAMES, WEEKDAYS
from factcheck.model import Speaker
from factcheck.text import CAPITAL, LazyPattern, slip_of_keys


class Mention(NamedTuple):
    """A registered speaker's name found in a text. A named tuple, not a frozen
    dataclass: every look-up imports it, and a tuple's class is made far faster."""

    start: int
    end: int
    speaker: str
    text: str


class SpeakerIndex:
    """Finds registered speakers' names in text, longest name first."""

    def __init__(self, speakers: Iterable[Speaker], whole_names: bool = False) -> None:
        # whole_names: a one-word name is no mention where another capitalised word
        # follows it ("Wang" in "Wang Wenbin" is not Wang Yi). Ingest reads so, as it
        # registers new people by their full names.
        self.whole_names = whole_names
        names: list[tuple[str, str]] = []
        for sp in speakers:
            names.extend((name, sp.id) for name in sp.names if name.strip())
        names.sort(key=lambda item: -len(item[0]))
        # (name, speaker id) by the name's first run of word characters, lower-cased:
        # a name matches only where that run is a whole word of the text, so only
        # names keyed by the text's words are tried, however many speakers there
        # are. Patterns are compiled on first use and never pickled.
        self._by_key: dict[str, list[tuple[int, str, str]]] = {}
        for rank, (name, sid) in enumerate(names):
            self._by_key.setdefault(_key(name), []).append((rank, name, sid))
        self._names = {sid: name for name, sid in names}
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._surnames: dict[str, set[str]] | None = None  # built on first use

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_compiled": {}}

    def to_data(self) -> list[object]:
        """The index as plain lists, for the cache (registry/codec.py)."""
        return [[[key, rank, name, sid] for key, entries in self._by_key.items()
                 for rank, name, sid in entries], sorted(self._names.items())]  # fmt: skip

    @classmethod
    def from_data(cls, data: object) -> SpeakerIndex:
        """The index to_data() wrote; a wrong shape raises TypeError or ValueError."""
        if not isinstance(data, list) or len(data) != 2:
            raise ValueError("not a speaker index")
        entries: list[list[object]] = data[0]
        names: list[list[object]] = data[1]
        index = cls(())
        for key, rank, name, sid in entries:
            if not all(type(v) is str for v in (key, name, sid)) or type(rank) is not int:
                raise TypeError("a speaker name that is not text")
            index._by_key.setdefault(str(key), []).append((int(str(rank)), str(name), str(sid)))
        index._names = {str(sid): str(name) for sid, name in names}
        return index

    def entries(self) -> Iterator[tuple[str, int, str, str]]:
        """Each registered name as (key, rank, name, speaker id), rank 0 the longest."""
        for key, found in self._by_key.items():
            for rank, name, sid in found:
                yield key, rank, name, sid

    def _entries_for(self, keys: set[str]) -> list[tuple[int, str, str]]:
        """(rank, name, speaker id) of the names keyed by `keys` (an index on disk
        reads only these)."""
        return [e for k in keys & self._by_key.keys() for e in self._by_key[k]]

    @property
    def registered_names(self) -> list[str]:
        return [name for entries in self._by_key.values() for _, name, _ in entries]

    def _pattern(self, name: str) -> re.Pattern[str]:
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = _name_pattern(name, self.whole_names)
        return pattern

    def mentions(self, text: str) -> list[Mention]:
        taken: list[Mention] = []
        keys = {"", *_WORD().findall(text.lower())}
        tried = sorted(self._entries_for(keys))
        for _, name, sid in tried:  # longest name first, as registered
            for m in self._pattern(name).finditer(text):
                if not _stands_alone(text, m, self.whole_names and _one_capitalised(name)):
                    continue
                if " " not in name and _another_first_name(text, m.start()):
                    continue  # "Hunter Biden" is not the Biden registered as Joe Biden
                if not any(m.start() < t.end and t.start < m.end() for t in taken):
                    taken.append(Mention(m.start(), m.end(), sid, m.group()))
        return sorted(taken, key=lambda t: t.start)

    def by_surname(self, word: str) -> str:
        """The one speaker whose full name ends in `word` ("Weiss" for David Weiss),
        or "" when none or several do: copy names people by surname although the
        registry lists only the aliases its sources used."""
        if self._surnames is None:
            self._surnames = {}
            for entries in self._by_key.values():
                for _, name, sid in entries:
                    if surname := surname_of(name):
                        self._surnames.setdefault(surname, set()).add(sid)
        found = self._surnames.get(word, set())
        return next(iter(found)) if len(found) == 1 else ""

    def identify(self, name: str) -> str:
        """The registered speaker a free-standing name refers to, if any."""
        found = self.mentions(name)
        return found[0].speaker if found else ""


# Compiled on first use: a figure look-up imports this module for the index only.
_WORD = LazyPattern(r"\w+")
_WORD_BEFORE = LazyPattern(rf"({CAPITAL}[\w'’-]*\.?)[ \t]+$")
# Words that stand before a name without being part of it. One home for
# attribution (speakers.py) and for mentions here.
TITLES = frozenset(
    [
        "Sir",
        "Dame",
        "Lord",
        "President",
        "Vice",
        "Prime",
        "Premier",
        "Minister",
        "Secretary",
        "Chancellor",
        "Senator",
        "Sen.",
        "Governor",
        "Gov.",
        "General",
        "Gen.",
        "Mayor",
        "Ambassador",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "King",
        "Queen",
        "Prince",
        "Pope",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Foreign",
        "Defence",
        "Defense",
        "Deputy",
        "Chief",
        "State",
        "Captain",
        "Capt.",
        "Lieutenant",
        "Lt.",
        "Sergeant",
        "Sgt.",
        "Officer",
        "Detective",
        "Det.",
        "Inspector",
        "Insp.",
        "Superintendent",
        "Supt.",
        "Sheriff",
        "Judge",
        "Justice",
        "Commissioner",
        "Director",
        "Commander",
        "Colonel",
        "Col.",
        "Admiral",
        "Adm.",
        "Rep.",
        "Representative",
        "Councillor",
        "Councilman",
        "Councilwoman",
        "Coach",
        "Bishop",
        "Cardinal",
        "Rev.",
        "CEO",
        "Corporal",
        "Cpl.",
        "Attorney",
        "Counsel",
        "Special",
        "Former",
        "First",
        "Leader",
        # Job titles before a name: "Chief Economist Eugenio Alemán".
        "Economist",
        "Analyst",
        "Strategist",
        "Professor",
        "Executive",
        "Manager",
        "Founder",
        "Head",
        "Editor",
        "Correspondent",
        "Senior",
        "Assistant",
        "Associate",
        "Treasurer",
    ]
)
# Honorifics stay with the name: "Ms. Lee" is how copy refers to her.
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof"})
# The last word of a body's name, in English: "the Maritime Alliance said" is no
# "he". Words, not any story's names, so they live here as data.
BODY_HEADS = frozenset(
    [
        "alliance",
        "association",
        "union",
        "roundtable",
        "council",
        "department",
        "ministry",
        "agency",
        "board",
        "commission",
        "company",
        "corporation",
        "inc",
        "group",
        "institute",
        "foundation",
        "federation",
        "authority",
        "office",
        "service",
        "bureau",
        "committee",
        "party",
        "court",
        "university",
        "bank",
        "fund",
        "reserve",
        "administration",
        "organization",
        "organisation",
        "coalition",
        "chamber",
        "league",
        "network",
    ]
)

# Capitalised words that open a sentence or a clause, never a name.
OPENERS = frozenset(
    "The A An In On At But And As If When While This That It Then".split()  # noqa: SIM905
)
CALENDAR_NAMES = frozenset(w.capitalize() for w in (*WEEKDAYS, *(m for m in MONTH_NAMES if m)))
# Capitalised words that may stand before a surname without making it another
# person's name: titles, honorifics, and words that open a sentence or a date.
NOT_FIRST_NAMES = TITLES | HONORIFICS | {f"{h}." for h in HONORIFICS} | OPENERS | CALENDAR_NAMES


def _another_first_name(text: str, at: int) -> bool:
    """Whether the capitalised word before `at` makes a full name of its own."""
    found = _WORD_BEFORE().search(text, max(0, at - 30), at)
    if found is None or found.group(1).endswith(("'s", "’s")):
        return False  # "China’s Xi" is Xi: a possessive says whose, not which Xi
    return found.group(1) not in NOT_FIRST_NAMES


def surname_of(name: str) -> str:
    """The last word of a full name ("" for one word, or a name in lower case)."""
    return name.split()[-1] if name[:1].isupper() and " " in name else ""


# A surname this long with two neighbouring letters swapped or one doubled is one
# name spelt two ways ("Rabie", "Rabei" in one article; "Osama", "Ossama").
MIN_VARIANT_LENGTH = 5


def spelt_alike(name: str, other: str) -> bool:
    """Whether two names are one person's spelt two ways ("Osama Rabie", "Ossama
    Rabei"): the surnames alike, and the given names too when it gives one."""
    mine, theirs = name.split(), other.split()
    if not mine or not theirs or not _alike(mine[-1], theirs[-1]):
        return False
    if len(mine) == 1:
        return True  # "Rabie said": the surname is all it gives
    # A given name is compared with a full name's, never passed by a lone alias.
    return len(theirs) > 1 and _alike(mine[0], theirs[0])


# Words a body's initialism leaves out: "the Competition and Markets Authority" is CMA.
_UNINITIALLED = frozenset({"and", "of", "the", "for", "&"})


def initials_of(initialism: str, name: str) -> bool:
    """Whether `initialism` ("CMA", "U.S.") is made of the initials of `name`'s words."""
    letters = initialism.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
        return False
    heads = [w[0].upper() for w in name.split() if w.lower() not in _UNINITIALLED]
    return "".join(heads) == letters


def _alike(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or slip_of_keys(a, b, MIN_VARIANT_LENGTH)


def _key(name: str) -> str:
    """The first run of word characters in a name ("" for a name without one)."""
    found = _WORD().search(name.lower())
    return found.group() if found else ""


def _name_pattern(name: str, whole_names: bool = False) -> re.Pattern[str]:
    """The name as written, any run of spaces between its words. Where it must
    stand alone is checked in code (_stands_alone): a word-character class in a
    lookaround costs a millisecond to compile, for every name of every look-up."""
    body = re.escape(name).replace(r"\ ", r"\s+")
    return re.compile(body, re.IGNORECASE if name[:1].islower() else 0)


_ANOTHER_WORD = LazyPattern(rf"\s{{1,3}}{CAPITAL}[a-z]")


def _one_capitalised(name: str) -> bool:
    return name[:1].isupper() and " " not in name


def _stands_alone(text: str, m: re.Match[str], whole: bool) -> bool:
    """Not part of a longer word ("Leeds" is no "Lee"); with `whole`, not the
    first of two capitalised words ("Wang Wenbin" is no "Wang")."""
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if before and (before.isalnum() or before in "_’'-"):
        return False
    if after and (after.isalnum() or after in "_-"):
        return False
    return not (whole and _ANOTHER_WORD().match(text, m.end()))
