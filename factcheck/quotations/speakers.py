"""Who a sentence says spoke the quoted words.

Attribution in news copy hangs on a verb of saying: "X said", "said X",
"X told Y", "according to X", "X: …". We take the verb nearest the
quotation and the name that is its subject: a registered speaker's name or
alias, else a capitalised full name, else a pronoun for the caller to
resolve. Anything vaguer ("officials say") is no attribution at all, and a
quotation with no attribution is never called misattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.quotations.names import (
    BODY_HEADS,
    CALENDAR_NAMES,
    HONORIFICS,
    OPENERS,
    TITLES,
    Mention,
    SpeakerIndex,
)
from factcheck.text import CAPITAL, STOPWORDS

_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|declared|declares|noted|notes|"
    "warned|warns|wrote|writes|asked|asks|urged|urges|argued|argues|insisted|insists|"
    "explained|explains|claimed|claims|remarked|replied|replies|commented|continued|"
    "described|describes|called|calls|proclaimed|reaffirmed|insisted|acknowledged|"
    "according to|quoted|read|reads|posted|posts|tweeted|tweets|recalled|recalls|"
    "hinted|hints|cautioned|cautions|conceded|concedes|admitted|admits|vowed|vows|"
    "pledged|pledges|promised|promises|confirmed|confirms|announced|announces|"
    "saying|stating|noting|writing|warning|"
    # Crowds' words: "members cheered and chanted: “Strike!”" are the members'.
    "chanted|chants|chanting|shouted|shouts|shouting|yelled|yells|yelling"
)
VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gen|Rep)\.?\s+|(?:President|Minister|Premier|Chancellor|Senator)\s+)"
# Up to four words: a body's name may be that long ("United States Maritime Alliance").
# A body's may hold "and" when it ends in a body's head word ("the Competition and
# Markets Authority", "the Food and Drug Administration"); a person's never does
# ("Biden and Harris said" is Harris, as before).
_HEADS = "|".join(sorted((h.capitalize() for h in BODY_HEADS), key=len, reverse=True))
_AND_BODY = (
    rf"{CAPITAL}[\w'’-]+(?:\s+{CAPITAL}[\w'’-]+){{0,2}}\s+(?:and|&)\s+"
    rf"(?:{CAPITAL}[\w'’-]+\s+){{0,2}}(?:{_HEADS})\b"
)
_NAME = rf"{CAPITAL}[\w'’-]+(?:\s+{CAPITAL}[\w'’-]+){{0,3}}"
# Only the name just before a verb may be such a body's (a pattern that holds every
# head word costs its compiling at each start: one pattern pays it, not five).
_NAME_OR_BODY = rf"(?:{_AND_BODY}|{_NAME})"
# A body's initialism in parentheses after its name: "the … Authority (CMA) stated".
_INITIALISM = r"(?:\s*\([A-Z][A-Z.&]{1,8}\))?"
_NOT_NAMES = OPENERS
_HONORIFICS = HONORIFICS
# Every word that may stand before a name without being part of it.
BEFORE_NAMES = TITLES | _HONORIFICS | {f"{h}." for h in _HONORIFICS}
# Where the name after "said" ends: punctuation, or a word that starts what
# follows it ("said Lee of the agency", "said Lee, who …").
_PHRASE_STOP = frozenset(
    [
        "of",
        "from",
        "at",
        "in",
        "on",
        "who",
        "which",
        "that",
        "to",
        "for",
        "with",
        "and",
        "during",
        "after",
        "before",
        "when",
        "while",
        "as",
        "by",
        "about",
        "this",
        "last",
        "yesterday",
        "today",
    ]
)
_TOKEN = re.compile(r"\S+")
# "of the", "from", "at": what stands between a person and their organisation.
# "of the U.S. Coast Guard": a country's initials may stand before the body.
_AFFILIATION = re.compile(r"\s(?:of|from|at|with)(?:\s+the)?(?:\s+(?:[A-Z]\.){2,3})?\s+$")
# The appositive describes the person ("Juliette, a Cal Fire spokeswoman, said"); one
# that opens with a capital is more often a place's ("in Elm County, New York, said").
# An appositive may open with a body's possessive ("Jonatan Hatzor, Parametrix’s
# co-founder, said"), which names no place.
_NO_PLACE = rf"(?!\s*{CAPITAL}(?![\w.-]{{0,40}}[’']s\s))"
_BEFORE = re.compile(
    rf"(?P<name>{_TITLE}?{_NAME_OR_BODY}){_INITIALISM}\s*(?:,{_NO_PLACE}[^,]{{1,100}},\s*)?$"
)
# A name that opens the words before its verb may carry an appositive of two parts
# ("“…,” Ricardo Gabaldón, the mayor of Utiel, a town in Valencia, told …"); further
# in, two commas' parts are more often a place and a description ("a road in
# Chariton County, southwest of Mendon, at …, said Lt. Eric Brown").
# A name set off as the appositive of a description: "the site manager, Anna Kowal,
# said". The description ends in a lower-case word: "in Elm County, New York, said"
# names places.
_APPOSED = re.compile(rf"\b[a-z][\w’'-]*\s*,\s*(?P<name>{_TITLE}?{_NAME})\s*,\s*$")
_OPENING_BEFORE = re.compile(
    rf"^\W*(?P<name>{_TITLE}?{_NAME})\s*(?:,{_NO_PLACE}[^,]{{1,100}}){{2}},\s*$"
)
# How far from its quotation a speaker may be named, in characters: longer than
# any sentence in the seed articles (the longest is under 400).
ATTRIBUTION_REACH = 500
_PRONOUN = re.compile(r"\b(?P<p>he|she|they)\s*$", re.IGNORECASE)
_COLON = re.compile(rf"(?P<name>{_TITLE}?{_NAME})\s*:\s*$")


@dataclass(frozen=True)
class Attribution:
    name: str  # as written
    speaker: str = ""  # registered speaker id, if any
    pronoun: bool = False


def attribute(
    masked: str, quote_start: int, quote_end: int, index: SpeakerIndex
) -> Attribution | None:
    """The speaker of the quotation at [quote_start, quote_end) of a sentence.

    `masked` is the sentence with every quotation blanked out, so words
    inside quotations are never taken for attribution.
    """
    whole = quote_start <= ATTRIBUTION_REACH  # the window starts where the sentence does
    masked, quote_start, quote_end = _window(masked, quote_start, quote_end)
    colon = _COLON.search(masked[:quote_start])
    if colon and masked[colon.end() - 1 : quote_start].strip() in ("", ":"):
        return _named(colon.group("name"), index)
    verb = _nearest_verb(masked, quote_start, quote_end)
    if verb is None:
        return None
    mentions = index.mentions(masked)
    return _subject(masked, verb, mentions, index, whole, quote_end)


def _window(masked: str, quote_start: int, quote_end: int) -> tuple[str, int, int]:
    """The quotation shrunk to a placeholder, with a sentence's length either side.

    Speakers are named within a sentence of their words; looking further only
    costs time, and on a megabyte-long line it would cost it once per quotation.
    """
    before = masked[max(0, quote_start - ATTRIBUTION_REACH) : quote_start]
    after = masked[quote_end : quote_end + ATTRIBUTION_REACH]
    return before + "   " + after, len(before), len(before) + 3


def _nearest_verb(masked: str, qs: int, qe: int) -> re.Match[str] | None:
    best: tuple[int, re.Match[str]] | None = None
    for m in VERB.finditer(masked):
        distance = qs - m.end() if m.end() <= qs else m.start() - qe
        if distance < 0:
            continue
        if best is None or distance < best[0]:
            best = (distance, m)
    return best[1] if best else None


# Verbs of saying a speaker may follow ("…," noted Eugenio Alemán): after these,
# the name is the subject. Not "told" or "called", whose object follows them.
INVERTING = frozenset(
    [
        "according to",
        "said",
        "says",
        "added",
        "adds",
        "quoted",
        "noted",
        "notes",
        "wrote",
        "writes",
        "explained",
        "explains",
        "continued",
        "asked",
        "asks",
        "replied",
        "replies",
        "recalled",
        "recalls",
        "warned",
        "warns",
        "insisted",
        "insists",
        "remarked",
        "commented",
        "declared",
        "declares",
        "stated",
        "states",
        "argued",
        "argues",
    ]
)


def _subject(
    masked: str,
    verb: re.Match[str],
    mentions: list[Mention],
    index: SpeakerIndex,
    whole: bool = False,
    quote_end: int = -1,
) -> Attribution | None:
    # A name with another verb of saying after it is that verb's subject ("Kowal said,
    # as the crowd cheered and chanted: “…”"), not this one's.
    before = [
        m
        for m in mentions
        if m.end <= verb.start() and not VERB.search(masked, m.end, verb.start())
    ]
    after = [m for m in mentions if m.start >= verb.end()]
    passive_verb = verb.group().lower() in INVERTING
    pronoun = _PRONOUN.search(masked[: verb.start()])
    if pronoun:  # "he said": nothing stands closer to the verb
        return Attribution(pronoun.group("p"), pronoun=True)
    named = _named_before(masked[: verb.start()].rstrip())
    if before and _close(masked, before[-1].end, verb.start()):
        return _nearer(before[-1], named, index)
    person = _person(named.group("name").split()) if named else ""
    if person and _is_full_name(person):
        return _named(person, index)
    quoted = _QUOTED_AS.search(masked, 0, verb.start()) if verb.group() == "saying" else None
    if quoted is not None:
        return _the_quoted(quoted, before, index)
    surname = named.group("name") if named and not before else ""
    sid = index.by_surname(surname) if surname else ""
    if sid:  # "…," Weiss said
        return Attribution(surname, sid)
    if whole and _headless(masked, verb):
        opening = _opening_subject(masked, mentions, index) or _after_opener(
            masked, mentions, index
        )
        if opening is not None:
            return opening
    if passive_verb:
        found = _after(masked, verb.end(), after, index)
        if found is not None:
            return found
    if before:
        return Attribution(before[-1].text, before[-1].speaker)
    if (
        surname
        and surname not in BEFORE_NAMES
        and named
        and _after_quotation(masked, named, quote_end)
    ):
        # "“…,” Sunak said" of no speaker the registry knows: still someone named
        # (not "Officials say …", which opens a sentence).
        return Attribution(surname)
    return None


# "The Herald quoted Kowal as saying": the paper reports, the one it quotes speaks.
_QUOTED_AS = re.compile(rf"\b(?:quoted|cited)\s+(?P<name>{_TITLE}?{_NAME})\s+(?:as\s+)?$")


def _the_quoted(quoted: re.Match[str], mentions: list[Mention], index: SpeakerIndex) -> Attribution:
    """The speaker a paper quotes: a registered name, a full name or a surname."""
    name = _person(quoted.group("name").split())
    return _mention_at(*quoted.span("name"), mentions) or _by_name(name, index) or Attribution(name)


# What stands before a verb that has no subject of its own: "…, saying", "… and
# called for": the verb shares the subject that opens the sentence.
_SHARED_SUBJECT = re.compile(r"(?:,|\band|\bbut|\bthen|\balso)\s*(?:\w+ly\s+)?$")
_OPENING_RUN = re.compile(rf"^\s*(?P<run>(?:{CAPITAL}[\w'’.-]*\s+)*?{CAPITAL}[\w'’-]+)\s+[a-z]")


# A clause of its own, with a subject of its own: "…, as the crowd cheered and chanted".
_SUBCLAUSE = re.compile(
    r"(?:,|\b(?:and|but))\s*(?:as|while|when|after|before|because|since|although|though"
    r"|where|who|which|whom)\b",
    re.IGNORECASE,
)


def _headless(masked: str, verb: re.Match[str]) -> bool:
    """A participle ("saying", "stating") or a second verb of one subject ("expressed
    his condolences … and called for"), in no clause of its own: the subject is the
    sentence's own."""
    if _SUBCLAUSE.search(masked, 0, verb.start()):
        return False
    return verb.group().lower().endswith("ing") or bool(
        _SHARED_SUBJECT.search(masked, 0, verb.start())
    )


# A phrase that opens a sentence before its subject: "Following the tragedy, ",
# "On Friday, ", "In a statement, ".
_OPENER = re.compile(r"^[^,;:.“”\"]{1,60},\s")


def _after_opener(masked: str, mentions: list[Mention], index: SpeakerIndex) -> Attribution | None:
    """The subject after an opening phrase ("Following the tragedy, Indian Prime
    Minister Narendra Modi … called the incident “…”")."""
    found = _OPENER.match(masked)
    if found is None:
        return None
    rest = found.end()
    shifted = [
        m._replace(start=m.start - rest, end=m.end - rest) for m in mentions if m.start >= rest
    ]
    return _opening_subject(masked[rest:], shifted, index)


def _opening_subject(
    masked: str, mentions: list[Mention], index: SpeakerIndex
) -> Attribution | None:
    """The person who opens the sentence, past their titles ("Fed Chair Jerome
    Powell justified …"): a registered name, a full name, or a known surname."""
    found = _OPENING_RUN.match(masked)
    if found is None:
        return None
    registered = _mention_at(*found.span("run"), mentions)
    if registered is not None:
        return registered
    words = found.group("run").split()
    if words[0] in _NOT_NAMES or words[0].lower() in STOPWORDS:
        return None  # "The committee …", "After Powell spoke, …": no person opens it
    if any(w.endswith(("'s", "’s")) for w in words):
        return None  # "Powell's decision …": whose, not who
    return _by_name(_person(words), index)


def _mention_at(a: int, b: int, mentions: list[Mention]) -> Attribution | None:
    """The registered speaker named at [a, b) of the text, if any (the last)."""
    hit = [m for m in mentions if m.start < b and a < m.end]
    return Attribution(hit[-1].text, hit[-1].speaker) if hit else None


def _by_name(name: str, index: SpeakerIndex) -> Attribution | None:
    """A full name (registered or not), or a surname only one speaker has; None
    for a surname the registry does not know."""
    if _is_full_name(name):
        return _named(name, index)
    sid = index.by_surname(name)
    return Attribution(name, sid) if sid else None


def _nearer(mention: Mention, named: re.Match[str] | None, index: SpeakerIndex) -> Attribution:
    """The registered name before the verb, unless a person is named between it and
    the verb ("Cal Fire spokeswoman Cecile Juliette said") or it stands inside the
    subject's appositive ("Juliette, a Cal Fire spokeswoman, said")."""
    if named:
        # The person the run ends in, past titles and bodies ("Coast Guard Rear
        # Adm. John Mauger told reporters"): is that one a full name, and apart?
        run = named.group("name")
        person = _person(run.split())
        a = named.start("name") + run.rfind(person)
        b = a + len(person)
        if _is_full_name(person) and not (mention.start < b and a < mention.end):
            return _named(person, index)
    return Attribution(mention.text, mention.speaker)


def _after_quotation(masked: str, named: re.Match[str], quote_end: int) -> bool:
    """Whether the name stands right after the quotation ("“…,” Sunak said")."""
    return 0 <= quote_end <= named.start("name") and not masked[
        quote_end : named.start("name")
    ].strip(" ,”\"’'")


def _named_before(text: str) -> re.Match[str] | None:
    """The name that ends `text` (the words before a verb of saying), past an
    affiliation: in "Andrew Small of the German Marshall Fund" it is Small."""
    named = _OPENING_BEFORE.match(text) or _BEFORE.search(text) or _APPOSED.search(text)
    while named is not None:
        affiliation = _AFFILIATION.search(text, 0, named.start("name"))
        if affiliation is None:
            return named
        text = text[: affiliation.start()]
        named = _BEFORE.search(text)
    return None


def _after(
    masked: str, start: int, mentions: list[Mention], index: SpeakerIndex
) -> Attribution | None:
    """ "said [Cal Fire spokeswoman] Cecile Juliette": the person after a verb of
    saying is the last capitalised run of its noun phrase, past any description."""
    found = _name_after(masked, start)
    if found is None:
        return None
    a, b, name = found
    # "…," said Mahomes: the one speaker of that surname.
    who = _mention_at(a, b, mentions) or _by_name(name, index)
    if who is not None:
        return who
    inside = [m for m in mentions if m.end <= b]
    return Attribution(inside[-1].text, inside[-1].speaker) if inside else None


def _name_after(masked: str, start: int) -> tuple[int, int, str] | None:
    """The span and text of the name in the noun phrase that starts at `start`."""
    run: list[tuple[int, int, str]] = []
    last: list[tuple[int, int, str]] = []
    for k, token in enumerate(_TOKEN.finditer(masked, start, start + 160)):
        word = token.group()
        core = word.rstrip(',;:!?)”"’')
        stop = core != word
        if core.endswith(".") and not _abbreviation(core):
            core, stop = core[:-1], True
        if not core or k >= 10:
            break
        if core[0].isupper():
            run.append((token.start(), token.start() + len(core), core))
        elif core.lower() in _PHRASE_STOP:
            break
        elif run:  # "Cal Fire spokeswoman …": the run was a description
            last, run = run, []
        if stop:
            break
    run = run or last
    if not run or run[-1][2].endswith(("'s", "’s")):
        return None  # "said Mr. Putin's visit …": a possessive is no speaker
    name = _person([w for _, _, w in run])
    kept = len(name.split())
    return run[-kept][0], run[-1][1], name


def _abbreviation(word: str) -> bool:
    """ "Capt.", "Dr.", "J.", "U.S.": a full stop that does not end the sentence."""
    return word in TITLES or word[:-1] in _HONORIFICS or len(word) == 2 or "." in word[:-1]


# A sentence's opening word or a date's ("On Tuesday Harold Daggett said"): never
# the first word of the name after it.
_BEFORE_A_PERSON = OPENERS | CALENDAR_NAMES


def _person(words: list[str]) -> str:
    """The person in a run of capitalised words: what follows its last title word,
    and no more than a first and last name (with a middle initial) of a longer run."""
    cut = 0
    for i, word in enumerate(words):
        if (
            word in TITLES
            or word in _BEFORE_A_PERSON
            or (word.endswith(".") and word[:-1] not in _HONORIFICS and len(word) > 3)
        ):
            cut = i + 1
        elif word.endswith(("'s", "’s")) and i + 1 < len(words):
            cut = i + 1  # "China’s Xi", "Spain’s Óscar Puente": whose, not who
    name = words[cut:] or words[-1:]
    if name[-1].lower() in BODY_HEADS:
        return " ".join(name)  # a body, not a person: its whole name
    if len(name) > 3:
        name = name[-3:] if len(name[-2]) == 2 and name[-2].endswith(".") else name[-2:]
    return " ".join(name)


def _close(masked: str, a: int, b: int, words: int = 16) -> bool:
    """Whether two places are within a few words of each other, appositive allowed."""
    return len(masked[a:b].split()) <= words


def _is_full_name(name: str) -> bool:
    parts = name.split()
    if parts[0] in _NOT_NAMES:
        return False
    titled = parts[0].rstrip(".") in {
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Sen",
        "Gen",
        "Rep",
        "President",
    }
    return len(parts) >= 2 or titled


def _named(name: str, index: SpeakerIndex) -> Attribution:
    return Attribution(name.strip(), index.identify(name))
