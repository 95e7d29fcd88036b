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

from factcheck.quotations.names import Mention, SpeakerIndex

_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|declared|declares|noted|notes|"
    "warned|warns|wrote|writes|asked|asks|urged|urges|argued|argues|insisted|insists|"
    "explained|explains|claimed|claims|remarked|replied|replies|commented|continued|"
    "described|describes|called|calls|proclaimed|reaffirmed|insisted|acknowledged|"
    "according to|quoted|read|reads|posted|posts|tweeted|tweets|recalled|recalls"
)
VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gen|Rep)\.?\s+|(?:President|Minister|Premier|Chancellor|Senator)\s+)"
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "If",
    "When",
    "While",
    "This",
    "That",
    "It",
}
_BEFORE = re.compile(rf"(?P<name>{_TITLE}?{_NAME})\s*(?:,[^,]{{1,100}},\s*)?$")
_AFTER = re.compile(rf"^\s*(?P<name>{_TITLE}?{_NAME})")
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
    masked, quote_start, quote_end = _window(masked, quote_start, quote_end)
    colon = _COLON.search(masked[:quote_start])
    if colon and masked[colon.end() - 1 : quote_start].strip() in ("", ":"):
        return _named(colon.group("name"), index)
    verb = _nearest_verb(masked, quote_start, quote_end)
    if verb is None:
        return None
    mentions = index.mentions(masked)
    return _subject(masked, verb, mentions, index)


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


def _subject(
    masked: str, verb: re.Match[str], mentions: list[Mention], index: SpeakerIndex
) -> Attribution | None:
    before = [m for m in mentions if m.end <= verb.start()]
    after = [m for m in mentions if m.start >= verb.end()]
    passive_verb = verb.group().lower() in (
        "according to",
        "said",
        "says",
        "added",
        "adds",
        "quoted",
    )
    pronoun = _PRONOUN.search(masked[: verb.start()])
    if pronoun:  # "he said": nothing stands closer to the verb
        return Attribution(pronoun.group("p"), pronoun=True)
    if before and _close(masked, before[-1].end, verb.start()):
        return Attribution(before[-1].text, before[-1].speaker)
    if after and passive_verb and _close(masked, verb.end(), after[0].start, words=3):
        return Attribution(after[0].text, after[0].speaker)
    named = _BEFORE.search(masked[: verb.start()].rstrip())
    if named is None and passive_verb:
        named = _AFTER.search(masked[verb.end() :])
    if named and _is_full_name(named.group("name")):
        return _named(named.group("name"), index)
    if before:
        return Attribution(before[-1].text, before[-1].speaker)
    return None


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
