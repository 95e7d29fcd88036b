"""propose(): the source, quotations, speakers and figures a new article adds.

Pure: the article's text and the registry in, a Proposal out. Each quotation
or figure the registry already holds becomes another report of that entry
(so a source that disagrees shows up in `factcheck conflicts`); the rest
become new entries with generated ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.draft.markdown import Block, read_blocks
from factcheck.draft.sentences import split_sentences
from factcheck.figures.quantities import QuantityError, make_quantity
from factcheck.figures.ranges import AGE
from factcheck.figures.units import EXACT_DIMENSIONS, SURFACE, factor_of, format_date
from factcheck.frames import Frame, clause_span, read_frame
from factcheck.frames.agree import name_conflict
from factcheck.frames.clause import REACH
from factcheck.frames.clock import event_time
from factcheck.frames.counted import TOTALS, counted_before, total_before
from factcheck.frames.fates import expectation_conflict, fate_conflict
from factcheck.frames.figure import figure_frame
from factcheck.frames.frame import (
    LOWER_WORD,
    PREPOSITIONS,
    elided,
    lender,
    neighbour_spans,
    own_span,
    restates,
    with_its_noun,
    words_ahead,
)
from factcheck.ingest.asof import as_of
from factcheck.matching.figures import PASSING_DIMENSIONS, SMALL_COUNT, FigureMatch, find_figure
from factcheck.matching.index import FigureInfo, Index, build_index
from factcheck.model import Figure, Quantity, Registry, Source, Speaker
from factcheck.quotations.names import BODY_HEADS, SpeakerIndex, spelt_alike
from factcheck.quotations.normalize import quote_words, real_words
from factcheck.quotations.spans import STRAIGHT_SINGLE, QuoteSpan, find_quotes, mask_quotes
from factcheck.quotations.speakers import BEFORE_NAMES as TITLES
from factcheck.quotations.speakers import VERB, Attribution, attribute
from factcheck.text import CAPITAL, STOPWORDS, WORD_RE, stems
from factcheck.verdicts.quotes import best_match

OPENING = '“"‘„'
# Who speaks when no person does: a document or a body, named by its head noun.
_BODY = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?P<phrase>(?:[\w’'–-]+(?:,[\w’'–-]+)*\s+){0,3}?"
    r"(?P<head>statement|declaration|communiqu[eé]|document|report|ministry|media|spokesperson"
    r"|spokesman|spokeswoman|government|agency|leaders|sides|office|readout))\b",
    re.IGNORECASE,
)
# "… said in the statement": the document is the speaker, whoever is named.
_IN_DOCUMENT = re.compile(
    r"\b(?:said|says|wrote|stated|declared)\s+in\s+(?:the|a|an|its|their)\s+"
    r"(?P<phrase>(?:[\w’'–-]+\s+){0,2}?(?:statement|declaration|communiqu[eé]|document|readout))\b",
    re.IGNORECASE,
)
# A subject of more than one: "Lee and Park", "the two leaders", "they".
_PLURAL_SUBJECT = re.compile(
    r"\b(?:and|they|both|leaders|sides|countries|nations|governments)\b[^.;]{0,80}$", re.IGNORECASE
)
# "… China and Russia called on NATO": more than one speaks, through the document.
_PLURAL_ANYWHERE = re.compile(
    rf"\b{CAPITAL}[\w’'-]*\s+and\s+{CAPITAL}[\w’'-]*|\b(?:they|both|leaders|sides)\b"
)
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
# A sentence whose subject is a pronoun: "They also voiced support for “…”". Not
# one who is or was something ("He was met with … a chant of “…”"): that says
# what befell them, not what they said.
_OPENING_PRONOUN = re.compile(
    r"^\s*(?P<p>He|She|They|We)\b(?!\s+(?:was|were|is|are|had been|has been)\b)"
)
_ACCORDING_NAME = re.compile(
    rf"\baccording to\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>{CAPITAL}[\w’'-]+(?: {CAPITAL}[\w’'-]+)?)"
)
_PRONOUN_WORD = re.compile(r"\b(?:he|she|they|we)\b", re.IGNORECASE)
_DOCUMENTS = frozenset(
    ["statement", "declaration", "communiqué", "communique", "document", "report", "readout"]
)
_ACCORDING = re.compile(
    rf"\baccording to\s+(?P<phrase>(?:{CAPITAL}[\w’'–-]*\s+)?[a-z]+\s+(?P<head>media|ministry|agency|government))\b"
)
# A surname alone beside a verb of saying, next to the quotation: "…," Peskov said.
_SURNAME_SAID = re.compile(
    rf"^[\s,]*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>{CAPITAL}[\w’'-]+)\s+(?:said|says|added|told|noted|wrote)\b"
    rf"|^[\s,]*(?:said|says|added)\s+(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?(?P<after>{CAPITAL}[\w’'-]+)\b"
)
_SURNAME_BEFORE = re.compile(
    rf"\b(?:[Aa]ccording to|(?P<name2>{CAPITAL}[\w’'-]+)\s+(?:said|says|told \w+|added))"
    rf"(?:\s+(?P<name>{CAPITAL}[\w’'-]+))?[\s,:]*$"
)
# Someone the article describes but does not name, saying something: "The juror
# said", "another juror told CNN", "“…,” a witness said", "a U.S. Navy official
# said" (whose body's name is part of the description). The head is the last word.
_NAMELESS = re.compile(
    r"(?:^\s*|[.;:,]\s+|\s\s|\b(?:and|but|as)\s+)(?P<det>(?i:the|a|an|another|one))\s+"
    r"(?P<described>(?:(?:[a-z][\w’'-]*|[A-Z][\w.’'-]*)\s+){0,3}(?P<head>[a-z][\w’'-]*))\s+"
    r"(?i:said|says|stated|states|told|tells|added|adds|wrote|explained|noted|recalled)\b"
)
# Initials that name a body ("FOMC", "NTSB"): capitals only, two to six of them.
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_CAPITALISED_BEFORE = re.compile(rf"\b(?P<name>{CAPITAL}[\w’'-]+)(?:\s+[a-z]+){{0,2}}\s*$")
_CAPITALISED_WORD = re.compile(rf"{CAPITAL}[\w-]+")
# A middle initial ("Dennis A. Daggett") is part of the run.
# An initial may go without its stop: "ISRO Chairman S Somanath".
_CAPITALISED_RUN = re.compile(
    rf"(?:{CAPITAL}(?:[\w’'–-]+\.?|\.)?\s{{1,3}}){{0,8}}{CAPITAL}[\w’'–-]+"
)
_INITIAL = re.compile(rf"{CAPITAL}\.?")


@dataclass(frozen=True)
class QuoteReport:
    entry: str  # an existing quotation's id, or the new one's
    new: bool
    speaker: str  # speaker id
    text: str  # as printed
    sentence: str


@dataclass(frozen=True)
class FigureReport:
    entry: str
    new: bool
    value: int | float | str | list[float]  # a number in `unit`, words, or a range [lo, hi]
    unit: str
    qualifier: str
    text: str
    sentence: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    as_of: str = ""  # when the sentence dates its figure otherwise than the article
    series: bool = False  # a running total ("the toll"), whose value is of its moment


@dataclass
class Proposal:
    source: Source
    speakers: list[Speaker] = field(default_factory=list)  # new ones only
    quotations: list[QuoteReport] = field(default_factory=list)
    figures: list[FigureReport] = field(default_factory=list)


@dataclass(frozen=True)
class _Sentence:
    text: str
    quotes: list[QuoteSpan]


def propose(article: str, registry: Registry, source: Source) -> Proposal:
    """What `article`, published as `source`, adds to `registry`."""
    proposal = Proposal(source)
    reader = _Reader(registry, proposal, frozenset(LOWER_WORD.findall(article)), article)
    for sentence in _sentences(article):
        reader.sentence(sentence)
    return proposal


def _sentences(article: str) -> Iterator[_Sentence]:
    """Every sentence of the article; a quotation continued into the next paragraph
    is joined to it, so that its words and its speaker stay together. It continues
    only where the next paragraph opens with a quotation mark, as copy marks a
    quotation running on; else it ends with its paragraph ("… it was a real trap.'"
    with a mismatched mark does not swallow the article's next paragraphs)."""
    carried = ""
    for block in read_blocks(article):
        if not isinstance(block, Block):
            continue
        text = " ".join(block.text.split())
        if carried and not text.startswith(tuple(OPENING)):
            yield _Sentence(carried, find_quotes(carried))
            carried = ""
        if carried:
            text, carried = carried + " " + text.lstrip(OPENING), ""
        quotes = find_quotes(text)
        bounds = split_sentences(text, quotes)
        if quotes and not quotes[-1].closed and bounds:
            carried = text[bounds[-1][0] :].strip()  # the open quotation's sentence waits
            bounds = bounds[:-1]
        for start, end in bounds:
            sentence = text[start:end].strip()
            yield _Sentence(sentence, find_quotes(sentence))
    if carried:
        yield _Sentence(carried, find_quotes(carried))


class _Reader:
    """Reads sentences in order, remembering speakers named so far."""

    def __init__(
        self, registry: Registry, proposal: Proposal, lower: frozenset[str], article: str
    ) -> None:
        self.article = article
        self.lower = lower  # the words the article writes in lower case
        # An article with no double quotes quotes speech in single ones ('…,' he said).
        self.single_speech = not any(mark in article for mark in '"“”„')
        self.shared = _shared_name_words(article)
        self.index: Index = build_index(registry)
        # Words written in lower case, here or in the registry: "Many" opening a
        # sentence is no name. And the people who announce figures.
        common, people = self.index.frame_words()
        self.common, self.people = common | lower, people
        self.registry = registry
        self.proposal = proposal
        self.speakers = dict(registry.speakers)
        self.names = SpeakerIndex(self.speakers.values(), whole_names=True)
        self.last: Attribution | None = None
        # Words of the sentences that named someone: "the president" after "President
        # Joe Biden said" is a description of a named person.
        self.named_words: set[str] = set()
        self.described: set[str] = set()  # speakers known only by a description
        # A person who opens a sentence after the last speaker was named: the
        # story has moved to them, and a following "she said" is theirs.
        self.newcomer = ""
        self.last_group: Attribution | None = None  # the last document or body quoted
        self.group_named = ""  # a document named since, not yet quoted ("the statement …")
        self.taken: set[str] = set(registry.entry_ids()) | set(registry.speakers)
        self.seen: set[tuple[str, str]] = set()  # (entry, printed text) already proposed
        # entry -> the values this article gave it, with the moment each holds for
        self.given: dict[str, list[tuple[Quantity, str]]] = {}
        self.full_names: list[str] = []  # two-word names met so far, latest last
        self.spoke = False  # whether the previous sentence attributed a quotation

    def sentence(self, sentence: _Sentence) -> None:
        masked = mask_quotes(sentence.text, sentence.quotes)
        self._remember_names(masked)
        spoke = False
        for span in sentence.quotes:
            spoke |= self._quotation(sentence.text, masked, span)
        self.spoke = spoke
        if not sentence.quotes:
            self._note_speaker(masked)
        figures = _figures(masked)
        for k in range(len(figures)):
            self._figure(sentence.text, masked, k, figures)
        for span in sentence.quotes:
            # A figure a speaker gives is one the article reports, in the speaker's
            # words ("for the past 20 years"): read inside the quotation alone.
            inner = sentence.text[span.content_start : span.content_end]
            said = _figures(inner)
            for k in range(len(said)):
                self._figure(inner, inner, k, said)

    def _remember_names(self, masked: str) -> None:
        for run in _CAPITALISED_RUN.finditer(masked):
            words = _name_words(run.group().split())
            words = _past_possessive(words)
            if len(words) >= 2 and words[0].lower() not in STOPWORDS:
                self.named_words.update(w.lower() for w in WORD_RE.findall(masked))
                self.full_names.append(" ".join(words[-2:]))
                if self._opens_as_person(masked, run.start(), words):
                    self.newcomer = self.full_names[-1]

    def _opens_as_person(self, masked: str, at: int, words: list[str]) -> bool:
        """A name that opens its sentence and looks like a person's: two or three
        words, none of them a word this text or the registry writes in lower case
        ("Fire Department" is a body, "Amanda Momaney" a person)."""
        opens = at == len(masked) - len(masked.lstrip())
        return opens and len(words) <= 3 and not self._written_lower(words)

    def _group(self, sid: str) -> str:
        """Remember a document or body as what a later "they" refers to."""
        if sid:
            self.last_group, self.group_named = Attribution(self.speakers[sid].name, sid), ""
        return sid

    def _note_speaker(self, masked: str) -> None:
        """ "Lee said the talks went well.": a later "he said" means Lee."""
        name = _sayer(masked)
        if len(name.split()) > 1 or self.names.identify(name):
            full = name
        else:  # the given name may stand only inside a quotation ("… Sam Lee was …")
            full = (self._full_name(name) or self._named_in_full(name)) if name else ""
        if full:
            self._speaking(Attribution(full, self.names.identify(full)))
            self.spoke = True  # "…, Mr. Lee said. “…”": the next quotation is Lee's
        elif self._nameless(masked):
            self.spoke = True
        document = _body(masked, documents_only=True)
        if document:  # the latest document named is what "they" now refers to
            self.group_named, self.last_group = document, None

    def _speaking(self, who: Attribution) -> None:
        """`who` is now the one a later "he said" means."""
        self.last, self.newcomer = who, ""

    def _nameless(self, masked: str) -> str:  # the description, or ""
        """The speaker the article describes but does not name, if one speaks here
        ("The juror said he thinks …", "“…,” a juror said"), registered by the
        description ("Juror"): a later "he said" is theirs, not the last named
        speaker's. "The" with a word of a sentence that named someone ("President
        Joe Biden said …", then "the president said") may mean them: no one."""
        found = _NAMELESS.search(masked)
        if found is None:
            return ""
        definite = found.group("det").lower() == "the"
        if definite and found.group("head").lower() in self.named_words:
            return ""
        words = " ".join(found.group("described").split())
        described = words[:1].upper() + words[1:]
        self.described.add(described)
        self._speaking(Attribution(described))
        return described

    def _pronoun(self, masked: str, at: int, singular: bool = True) -> Attribution | None:
        """Who the pronoun at `at` is: a person named before it in the same sentence
        ("Ahead of Mr. Lee's visit, he said …"), else a person who opened a sentence
        since the last speaker was named, else the last speaker (for "he" or
        "she", unless a body), else the last person named."""
        for word in reversed(_CAPITALISED_WORD.findall(masked[:at])):
            full = self._full_name(word) if word not in TITLES else ""
            if full:
                return Attribution(full, self.names.identify(full))
        if not (self.newcomer or self.last):
            title = _title_before(masked[:at])
            if title:  # "After the Prime Minister held his seat, he said": no one named yet
                self.described.add(title)
                return Attribution(title)
        if self.newcomer:
            name = self.newcomer
        elif self.last and not (singular and self._body(self.last)):
            return self.last
        else:  # "he" is no body: the last person named, if any
            name = next((n for n in reversed(self.full_names) if self._personal(n)), "")
            if not name:
                return self.last
        sid = self._register(name)
        return Attribution(name, sid) if sid else None

    def _body(self, who: Attribution) -> bool:
        speaker = self.speakers.get(who.speaker)
        return speaker is not None and speaker.kind in ("organisation", "document")

    def _personal(self, name: str) -> bool:
        """Whether a two-word name looks like a person's: no word of it written in
        lower case here or in the registry ("New Jersey" is a place), nor a body's."""
        return not _body_name(name) and not self._written_lower(name.split())

    def _written_lower(self, words: list[str]) -> bool:
        """Whether a word of a name is one this text or the registry writes in lower case."""
        return any(w.lower() in self.common for w in words)

    def _named_in_full(self, surname: str) -> str:
        """The surname with the given name the article writes before it anywhere
        (asked only when no full name was met before: it reads the whole article)."""
        given = _given_name(self.article, surname)
        return f"{given} {surname}" if given else ""

    def _full_name(self, single: str) -> str:
        """ "Kowal" or "Ms. Kowal" as the full name met before: Anna Kowal."""
        for name in reversed(self.full_names):
            first, last = name.split()
            if single in (first, last):
                return name
        return ""

    # --- quotations ---------------------------------------------------------

    def _quotation(self, text: str, masked: str, span: QuoteSpan) -> bool:
        """Propose the quotation at `span`; whether it had a speaker."""
        if text[span.start] == STRAIGHT_SINGLE and not self.single_speech:
            # Beside double quotes, straight single ones are a headline's ("'Old
            # friends' Xi and Putin agree"), a paraphrase more often than anyone's
            # words: the registry takes the body's double-quoted speech.
            return False
        words = text[span.content_start : span.content_end].strip()
        typed = quote_words(words)
        if len(real_words(typed)) < MIN_QUOTE_WORDS:
            return False
        speaker = self._who(text, masked, span)
        if not speaker:
            return False  # the registry holds words with a named speaker
        printed = words.rstrip(",")
        match = best_match(typed, self.index, speaker)
        if match is not None and match.exact and match.wording.quotation.speaker == speaker:
            self._add_quote(match.wording.quotation.id, False, speaker, printed, text)
        else:
            self._add_quote(self._new_id(speaker, printed), True, speaker, printed, text)
        return True

    def _who(self, text: str, masked: str, span: QuoteSpan) -> str:
        document = _IN_DOCUMENT.search(masked)
        if document and _PLURAL_SUBJECT.search(masked, 0, document.start()):
            # "Lee and Park said in the statement": the statement says it. One
            # person "said in a statement" is still that person speaking.
            return self._group(self._register(_phrase(document), kind="document"))
        who = attribute(masked, span.start, span.end, self.names)
        opening = _OPENING_PRONOUN.match(masked)
        if who is None and opening:  # "They also voiced support for “…”"
            who = Attribution(opening.group("p"), pronoun=True)
        if who is not None and who.pronoun:
            plural = who.name.lower() in ("they", "we")
            at = max((m.start() for m in _PRONOUN_WORD.finditer(masked, 0, span.start)), default=0)
            if plural and not self.last_group and self.group_named:
                self._group(self._register(self.group_named, kind="document"))
            who = (
                self.last_group
                if plural and self.last_group
                else self._pronoun(masked, at, not plural)
            )
        if who is None:
            surname = _surname(masked, span)
            if surname and _describes(masked, surname):
                surname = ""  # "a U.S. Navy official said": an official, not the Navy
            sid = self._register(surname) if surname else ""
            if sid:
                self._speaking(Attribution(surname, sid))
                return sid
            body = _body(masked)
            if body:
                return self._group(self._register(body, kind="document"))
            nameless = self._nameless(masked)
            if nameless:  # "“…,” a juror said": whom the article does not name
                return self._register(nameless, kind="description")
            # A quotation standing as a whole sentence after an attributed one is,
            # by the usual convention, the same speaker going on.
            if not (self.spoke and not text[: span.start].strip() and self.last):
                return ""
            who = self.last
        if not who.speaker and who.name in self.described:  # "the juror … he said"
            return self._register(who.name, kind="description")
        sid = who.speaker or self._register(_strip_title(who.name, self.lower))
        if sid:
            self._speaking(Attribution(who.name, sid))
        return sid

    def _add_quote(self, entry: str, new: bool, speaker: str, printed: str, text: str) -> None:
        if (entry, printed) in self.seen or (not new and self._reported(entry)):
            return
        self.seen.add((entry, printed))
        self.proposal.quotations.append(QuoteReport(entry, new, speaker, printed, text))

    def _reported(self, entry: str) -> bool:
        """Whether this source already reports the entry (ingesting twice adds nothing)."""
        mine = self.proposal.source.id
        quotes = [r.source for q in self.registry.quotations if q.id == entry for r in q.reports]
        figures = [r.source for f in self.registry.figures if f.id == entry for r in f.reports]
        return mine in quotes or mine in figures

    def _register(self, name: str, kind: str = "person") -> str:
        """The id of the speaker called `name`, registered now if new."""
        if kind == "person" and (_ACRONYM.fullmatch(name) or _body_name(name)):
            kind = "organisation"  # "the FOMC said", "the Maritime Alliance said": a body
        elif kind == "person" and len(name.split()) < 2:
            full = self._full_name(name) or self._named_in_full(name)
            if full and not self._personal(full):
                full = ""  # "New York said": a place, not a person
            if not full and _a_bodys_name(self.article, name):
                kind = "organisation"  # "“…,” CrowdStrike said": never anyone's surname
            elif not full:
                return ""  # "Mr. Wang" with no full name before: too little to register
            else:
                name = full
        # "a lengthy joint statement" is the joint statement already known.
        words = name.split()
        for i in range(len(words) if kind != "person" else 1):
            known = self._known(" ".join(words[i:]))
            if known:
                return known
        alike = self._spelt_alike(name) if kind == "person" else ""
        if alike:
            return alike
        sid = self._unique(_slug(name))
        # How later sentences refer to them: as the article does, or as "the statement".
        aliases = self._one_word_aliases(name) if kind == "person" else (f"the {name.lower()}",)
        speaker = Speaker(sid, name, aliases, kind)
        self.speakers[sid] = speaker
        self.proposal.speakers.append(speaker)
        self.names = SpeakerIndex(self.speakers.values(), whole_names=True)
        return sid

    def _one_word_aliases(self, name: str) -> tuple[str, ...]:
        """The words of `name` the article uses alone ("Mr. Wang", "Kowal said"), which
        no other speaker's name or alias has. Which word is the surname depends on the
        language ("Wang Yi", "Anna Kowal"), so the article's usage decides, not word
        order; a word two speakers share would name either, so it names neither (and is
        taken back from a speaker this article added)."""
        alone = _alone(self.article, name)
        words = name.split()
        aliases = []
        for word in dict.fromkeys(words):
            if word in self.shared or not _NAME_WORD.fullmatch(word) or word not in alone:
                continue
            shared = [
                sp for sp in self.speakers.values() if word in (*sp.name.split(), *sp.aliases)
            ]
            if not shared:
                aliases.append(word)
            for sp in shared:
                self._drop_alias(sp, word)
        return tuple(aliases)

    def _drop_alias(self, speaker: Speaker, word: str) -> None:
        """Take `word` back from a speaker this article added (the registry's stay)."""
        if speaker not in self.proposal.speakers or word not in speaker.aliases:
            return
        kept = Speaker(
            speaker.id, speaker.name, tuple(a for a in speaker.aliases if a != word), speaker.kind
        )
        self.proposal.speakers[self.proposal.speakers.index(speaker)] = kept
        self.speakers[speaker.id] = kept

    def _spelt_alike(self, name: str) -> str:
        """The person already known by a full name spelt with letters swapped or one
        doubled ("Ossama Rabei" of "Osama Rabie"): outlets transliterate one name
        their own ways (names.spelt_alike)."""
        if len(name.split()) < 2:
            return ""
        return next(
            (
                sp.id
                for sp in self.speakers.values()
                if sp.kind == "person" and len(sp.name.split()) > 1 and spelt_alike(name, sp.name)
            ),
            "",
        )

    def _known(self, name: str) -> str:
        """The speaker already called `name` (any case, with or without "the")."""
        wanted = name.lower().removeprefix("the ")
        for sp in self.speakers.values():
            called = (sp.name, *sp.aliases)
            if any(c.lower().removeprefix("the ") == wanted for c in called):
                return sp.id
        return ""

    # --- figures ------------------------------------------------------------

    def _figure(self, text: str, masked: str, k: int, figures: Sequence[Quantity]) -> None:
        """Propose figures[k] of the sentence `text` (`masked`: its quotations blanked)."""
        if restates(k, figures, masked):
            return  # "27kg (60lb)": the figure before, in another unit
        q, others = figures[k], neighbour_spans(k, figures)
        lent = lender(k, figures, masked)
        # "four apiece" with no count before it counts no "apiece".
        unit = _unit(lent or q, masked) if lent or not (elided(q) and q.following) else ""
        if not unit or (q.dimension == "time-of-day" and not event_time(masked, q, figures)):
            return  # a clock time that dates a count is its as_of, not a figure
        value: int | float | str | list[float] = _value(q)
        if not _reads_back(value, unit):
            return  # "billions of dollars": words of a count in a unit of money
        # No keywords: an ingested figure is matched by its frame (distinctive words,
        # names of place and entity), which a name list as keywords made too strict
        # ("the almost 300-metre-long vessel" needed "Maryland" from its sentence).
        keywords: tuple[str, ...] = ()
        frame = read_frame(masked, q.start, q.end, self.common, others, sayers=q.dimension == AGE)
        found = find_figure(with_its_noun(k, figures, masked), frame, self.index)
        # Another report of a known figure only when the frames agree (not another
        # place, entity or time) and the clause is mostly about it; or when it
        # measures the same thing in the same unit at nearly the same value.
        when = (
            ""
            if q.dimension in _FIXED
            else as_of(masked, self.proposal.source.date, (q.start, q.end), others)
        )
        moment = when or self.proposal.source.date
        same = (
            found.info
            if found is not None
            and found.confident
            and _share(frame, found.info) >= MIN_OVERLAP_TO_JOIN
            and _near_enough(q, _as_printed(found.info.figure))
            and not self._named_apart(frame, found.info)
            else self._close_figure(q, unit, frame)
        )
        if same is not None and self._said_otherwise(same.figure.id, q, moment):
            same = None  # an article does not dispute itself: "another two hours" is another figure
        if (
            same is None
            and found is not None
            and self._next_in_series(q, unit, frame, found, moment)
        ):
            same = found.info
        if same is not None and self._moves(q, same.figure, moment):
            # Dated, so that the entry is read as a series and not as a dispute
            # (a step of a series, joined just above, is always such a move).
            when = when or moment
        if same is not None:
            entry, new, subject = same.figure.id, False, ""
            # In the entry's unit the number may differ (3 days of a figure in years):
            # the printed words say it whatever the unit.
            value = q.text if q.dimension != "count" else value
        elif self._repeats(frame, unit, value, text):
            return
        else:
            subject = _subject(masked, q, others) + (_borrowed(masked, lent, unit) if lent else "")
            entry, new = self._unique(_slug(f"{unit} {subject}", MAX_ID_LENGTH)), True
        # The same printed figure again is the same report, unless it holds for
        # another moment ("grew overnight to 12,500 acres", "by 6 a.m. Sunday, 12,500").
        if (entry, f"{q.text}@{moment}") in self.seen or (not new and self._reported(entry)):
            return
        self.seen.add((entry, f"{q.text}@{moment}"))
        self.given.setdefault(entry, []).append((q, moment))
        qualifier = q.qualifier if q.qualifier not in ("exact", "vague", "range") else "exact"
        self.proposal.figures.append(
            FigureReport(
                entry, new, value, unit, qualifier, q.text, text, subject, keywords, when,
                series=new and unit in TOTALS and q.dimension == "count",
            )
        )  # fmt: skip

    def _said_otherwise(self, entry: str, q: Quantity, moment: str) -> bool:
        """Whether this article already gave the entry a different value for the
        same moment (a value for another moment is the figure changing)."""
        mine = self.proposal.source
        known = next((f for f in self.registry.figures if f.id == entry), None)
        earlier = [
            (r.quantity, r.as_of or mine.date)
            for r in (known.reports if known else ())
            if r.source == mine.id
        ]
        earlier += self.given.get(entry, [])
        return any(not _close(q, e, exact=False) and at == moment for e, at in earlier)

    def _next_in_series(
        self, q: Quantity, unit: str, frame: Frame, found: FigureMatch, moment: str
    ) -> bool:
        """Whether the number is the entry's figure at a moment it has no report
        for: a rising count ("4,900 acres as of 7:40", "14,168 acres" on Monday)
        may grow past the ratio two reports of one moment keep to, so it takes a
        clause mostly about the entry, in the entry's unit."""
        figure = found.info.figure
        return (
            found.confident
            and q.dimension not in EXACT_DIMENSIONS_TO_JOIN  # a date does not move
            and stems(figure.quantity.unit) == stems(unit)
            and _share(frame, found.info) >= SERIES_OVERLAP
            and _within(q, figure.quantity, SERIES_RATIO)
            and self._another_moment(figure, moment)
        )

    def _moves(self, q: Quantity, figure: Figure, moment: str) -> bool:
        """Whether a report far from the entry's value at a moment it has none
        for is the count moving (95 dead on Thursday, 202 on Friday), to be
        dated so that the entry is a series. Two outlets a few percent apart
        (16 agreements and 15) still disagree about one fact."""
        return (
            q.dimension not in EXACT_DIMENSIONS_TO_JOIN
            and not any(_close(q, r.quantity, exact=False) for r in figure.reports)
            and self._another_moment(figure, moment)
        )

    def _another_moment(self, figure: Figure, moment: str) -> bool:
        """Whether `moment` is one the entry has no report for, knowably: a report
        of no date (an undated source) may be of any moment, this one too."""
        known = self._moments(figure)
        return bool(moment) and "" not in known and moment not in known

    def _moments(self, figure: Figure) -> set[str]:
        """The moments the entry has reports for, in the registry and this article."""
        sources = self.registry.sources
        known = {
            r.as_of or (sources[r.source].date if r.source in sources else "")
            for r in figure.reports
        }
        return known | {at for _, at in self.given.get(figure.id, [])}

    def _named_apart(self, frame: Frame, info: FigureInfo) -> bool:
        """Whether the clause names another thing than the entry's sentence does,
        where the entry names none beside its number: "the Liberal Democrats' 12%
        vote share, which translated into 71 seats" is not the Conservatives'
        "winning only 121 seats". Asked of filing only: a claim may name less."""
        entry = figure_frame(info.figure, self.common)
        return not entry.names and bool(name_conflict(frame.names, entry.all_names, self.people))

    def _close_figure(self, q: Quantity, unit: str, frame: Frame) -> FigureInfo | None:
        """An entry in the same unit whose value is within CLOSE of this one (the
        same, for small counts and for dates, years and ordinals) and whose frame
        names nothing else: another outlet's report of one figure ("153,000
        acres", "151,600 acres"), which may then disagree or form a series."""
        exact = q.dimension in EXACT_DIMENSIONS_TO_JOIN or q.value <= SMALL_COUNT
        best: tuple[float, FigureInfo] | None = None
        for info in self.index.figures.get(q.dimension, []):
            theirs = info.figure.quantity
            # A measure compares in its base unit ("63-pound", "27kg"); a count
            # only counting the same noun.
            other_unit = q.dimension == "count" and stems(theirs.unit) != stems(unit)
            if other_unit or not _close(q, theirs, exact):
                continue
            frame_of = figure_frame(info.figure, self.common)
            # A count that names a place is one place's count ("3 died in Harlow"),
            # not the total's; a measure naming the one who found it is the measure.
            measure_of_nothing = q.dimension != "count" and not frame_of.names
            if not measure_of_nothing and name_conflict(frame.names, frame_of.names, self.people):
                continue
            if fate_conflict(frame.near, frame_of.beside, q.dimension.startswith("money")):
                continue  # "about 200 people missing" is not "176 people were killed"
            if expectation_conflict(frame.expected, frame_of.expected):
                continue  # "$12.94 billion expected" is not the revenue reported
            score = len(frame.content & frame_of.content)
            if not score and q.dimension.startswith("money"):
                continue  # a sum names no noun: "$10 billion" of savings is not of loans
            if best is None or score > best[0]:
                best = (score, info)
        return best[1] if best else None

    def _repeats(
        self, frame: Frame, unit: str, value: int | float | str | list[float], sentence: str
    ) -> bool:
        """Whether the article already gave this figure (the same value and unit,
        a frame naming nothing else): a lede's number repeated further down."""
        common, people = self.common, self.people
        for earlier in self.proposal.figures:
            if not earlier.new or earlier.unit != unit or earlier.value != value:
                continue
            if earlier.sentence == sentence:
                continue  # one sentence never repeats itself: "96% rejected … and 96% approved"
            at = earlier.sentence.find(earlier.text)
            before = read_frame(
                earlier.sentence, max(at, 0), max(at, 0) + len(earlier.text), common
            )
            if not name_conflict(frame.names, before.names, people):
                return True
        return False

    # --- ids ------------------------------------------------------------------

    def _new_id(self, speaker: str, words: str) -> str:
        content = [w for w in WORD_RE.findall(words.lower()) if w not in STOPWORDS][:4]
        return self._unique(_slug(f"{speaker} {' '.join(content)}"))

    def _unique(self, base: str) -> str:
        candidate, n = base or "entry", 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def _as_printed(figure: Figure) -> Quantity:
    """The entry's value with the precision its first report printed: a registry
    value of 4.0 reads back as "about 4" (3.9 to 4.1), but "4.0 percent" said 3.95
    to 4.05, which "4.1%" does not meet."""
    from factcheck.figures.reader import read_value

    for report in figure.reports:
        printed = read_value(report.text) if report.text else None
        if printed is not None and printed.dimension == figure.quantity.dimension:
            return printed
    return figure.quantity


def _near_enough(q: Quantity, theirs: Quantity) -> bool:
    """Whether two values may be reports of one figure: a date, a year or an
    ordinal only when it is the same (2025 is within a ratio of 2005, but
    another year), a number within its join ratio."""
    if q.dimension in EXACT_DIMENSIONS_TO_JOIN:
        return _close(q, theirs, exact=True)
    if q.dimension in EXACT_SHARES:
        return _overlap(q, theirs)
    return _within(q, theirs, _join_ratio(q))


# Figures that are one value or another, never near one: a date, a year, an
# ordinal, a tally (a 15-6 season is not a 19-16 lead, however close) and an
# age (the captain's 39 is not a crew member's 41).
EXACT_DIMENSIONS_TO_JOIN = PASSING_DIMENSIONS | {"tally", AGE}
# Shares are printed exactly ("4.75%", "5.25%"): two reports of one are the same
# number as each is rounded, not within a ratio or a few percent of each other.
EXACT_SHARES = frozenset({"percent", "percentage-points"})


def _overlap(a: Quantity, b: Quantity) -> bool:
    # Roundings that only touch ("4.0%" up to 4.05, "4.1%" from 4.05) are two values.
    return a.lo < b.hi and b.lo < a.hi


def _join_ratio(q: Quantity) -> float:
    """How far apart two reports of one figure may be: small counts ("two
    people on the train", "four people died") rarely differ by half again."""
    small = q.dimension == "count" and q.value <= SMALL_COUNT
    return SMALL_RATIO_TO_JOIN if small else MAX_RATIO_TO_JOIN


def _within(a: Quantity, b: Quantity, ratio: float) -> bool:
    """Whether two values are within a factor of `ratio` of each other."""
    mid_a, mid_b = abs(a.lo + a.hi) / 2, abs(b.lo + b.hi) / 2
    low, high = sorted((mid_a, mid_b))
    return high <= ratio * low if low > 0 else high == low


def _close(a: Quantity, b: Quantity, exact: bool) -> bool:
    if a.dimension in EXACT_SHARES and not exact:
        return _overlap(a, b)
    mid_a, mid_b = (a.lo + a.hi) / 2, (b.lo + b.hi) / 2
    if exact:
        return mid_a == mid_b
    return abs(mid_a - mid_b) <= CLOSE * max(abs(mid_a), abs(mid_b))


def _share(frame: Frame, info: FigureInfo) -> float:
    """Share of the clause's meaningful words that the figure's sources also use."""
    if not frame.content:
        return 0.0
    return len(frame.content & info.vocabulary) / len(frame.content)


# How much of a sentence's wording an existing figure's sources must share before a
# number in it is taken as another report of that figure rather than a new one.
MIN_OVERLAP_TO_JOIN = 0.25
# Reports of one figure, even of a count that rises, seldom differ by more than this:
# "3 firefighters were injured" is not another report of "1,000 firefighters battled".
MAX_RATIO_TO_JOIN = 2.0
SMALL_RATIO_TO_JOIN = 1.5
# A report for a moment the entry has none for may be the count moving, further
# than two reports of one moment differ (containment 10% on Saturday, 85% on
# Monday); the clause must then be mostly the entry's words.
SERIES_RATIO = 10.0
SERIES_OVERLAP = 0.5
# Reports of one figure by different outlets differ by a few percent (153,000 and
# 151,600 acres); beyond this, the same unit is more likely another figure.
CLOSE = 0.12
# A quotation of one word ("aggressive") is usually a scare quote, not a statement.
MIN_QUOTE_WORDS = 2
# Generated figure ids stay short enough to type.
MAX_ID_LENGTH = 40


def _figures(masked: str) -> list[Quantity]:
    from factcheck.figures.reader import read_figures

    return read_figures(masked)


def _unit(q: Quantity, masked: str) -> str:
    """The registry's unit: a unit name, or for a count the noun it counts."""
    if q.dimension != "count":
        return q.unit
    glued = q.text.rsplit("-", 1)
    if len(glued) == 2 and glued[1].isalpha():  # "5,400-word", "15-nation"
        return glued[1] if glued[1].endswith("s") else glued[1] + "s"
    if _CLAUSE_BREAK.match(masked, q.end):
        # "Health care companies gained 45,000, government agencies 31,000": what
        # follows a comma is the next item's, not what this number counts.
        return counted_before(masked, q.start, q.end)
    named = _after_a_name(masked[q.end : q.end + 120])
    if named:
        return named
    words = WORD_RE.findall(masked[q.end : q.end + 120])
    after = words[: MAX_MODIFIERS + 1]
    if after and after[0].lower() == "of":  # "tens of thousands of troops"
        after = words[1 : MAX_MODIFIERS + 2]
        if after and after[0].lower() in _OF_THE:  # "17 of the passengers"
            after = words[2 : MAX_MODIFIERS + 3]
    if not after or after[0].lower() in STOPWORDS | PREPOSITIONS or not after[0].isalpha():
        # "raised the death toll to 205 on Friday": the total named before it;
        # else "worth billions to build", "13:35": nothing counted.
        return counted_before(masked, q.start, q.end)
    noun = _head_noun(after)
    if (noun,) in SURFACE:
        # "41,000 flight hours": a unit past a modifier is what the count counts
        # (the reader took no unit), and filed whole it stays a count.
        lowered = [w.lower() for w in after]
        return " ".join(lowered[: lowered.index(noun) + 1])
    return noun


# A break right after a number: nothing after it is what it counts.
_CLAUSE_BREAK = re.compile(r"[ \t]{0,3}[,;:.!?)—–]")
# Words that may stand between a number and its noun: "two major plane assembly plants".
MAX_MODIFIERS = 3


def _head_noun(after: list[str]) -> str:
    """The noun a count counts: the first word, unless it is not plural and a
    plural follows it past words that modify it ("100,000 new troops", "eight
    medical transport helicopters", "Two Indonesian domestic workers")."""
    first = after[0]
    if not _plural(first):
        for k, word in enumerate(after[1:], 1):
            if word.lower() in STOPWORDS or not word.isalpha():
                break
            # A capitalised plural only ends a run of capitals ("58 Super Bowls"):
            # after a lower-case word it starts a name ("perfect contained, KRCR News").
            named = all(w[:1].isupper() for w in after[: k + 1])
            if _plural(word) and (word.islower() or named):
                return word.lower()
    return first.lower()


def _borrowed(masked: str, lender: Quantity, unit: str) -> str:
    """The words the count leaves out, in an editor's brackets for its subject:
    " [Super Bowl titles]", so that the entry is about them too."""
    after = masked[lender.end : lender.end + REACH]
    said = next((m for m in WORD_RE.finditer(after) if m.group().lower() == unit.lower()), None)
    words = after[: said.end()].split() if said else [unit]
    while len(words) > 1 and words[0].lower() in STOPWORDS:  # "of the passengers"
        words = words[1:]
    return f" [{' '.join(words)}]"


# Words between "of" and the noun of a part ("17 of the passengers").
_OF_THE = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})
MAX_NAME_WORDS = 5


def _after_a_name(text: str) -> str:
    """ "16 National Transportation Safety Board investigators": the noun after a name."""
    words = WORD_RE.findall(text)[: MAX_NAME_WORDS + 1]
    k = 0
    # A number inside the name is of it: "171 Boeing 737 Max 9 planes".
    while k < min(len(words), MAX_NAME_WORDS) and (
        words[k][:1].isupper() or (k > 0 and words[k].isdigit())
    ):
        k += 1
    if 0 < k < len(words) and words[k].islower() and _plural(words[k]):
        return str(words[k])
    return ""


# Counted nouns whose plural has no -s: "14 people across the county" counts people.
_IRREGULAR_PLURALS = frozenset(
    [
        "people",
        "children",
        "men",
        "women",
        "police",
        "staff",
        "personnel",
        "cattle",
        "feet",
        "teeth",
        "mice",
        "geese",
    ]
)


def _body_name(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and words[-1].lower() in BODY_HEADS


def _plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS or low.endswith("men"):  # "eight small children", "longshoremen"
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in STOPWORDS


# What does not move from one day of a story to the next, and so has no moment:
# "their 25-year-old coach, on Tuesday afternoon" is not Tuesday's age.
_FIXED = frozenset({AGE, "date", "calendar-year", "ordinal"})


def _name_words(run: list[str]) -> list[str]:
    """The words of a capitalised run that name: those after its last title (a body
    before it is the title's: "ISRO Chairman S Somanath"), and no initials ("John F.
    Kennedy"), unless an initial is all the given name there is ("S Somanath")."""
    titled = [k for k, w in enumerate(run) if w in TITLES]
    words = run[titled[-1] + 1 :] if titled and titled[-1] < len(run) - 1 else run
    words = [w for w in words if w not in TITLES]
    named = [w for w in words if not _INITIAL.fullmatch(w)]
    if len(named) == 1 and len(words) >= 2 and _INITIAL.fullmatch(words[-2]):
        return words[-2:]
    return named


def _reads_back(value: int | float | str | list[float], unit: str) -> bool:
    """Whether the registry would read the proposed value in its unit: one figure
    it could not would fail the whole article's ingest, not just itself."""
    try:
        make_quantity(value, unit)
    except QuantityError:
        return False
    return True


def _value(q: Quantity) -> int | float | str | list[float]:
    if q.qualifier == "vague" or (q.qualifier == "range" and q.dimension in EXACT_DIMENSIONS):
        return q.text  # "tens of thousands", "February 4-20": the words are the value
    if q.dimension == "percentage-points" and not any(c.isdigit() for c in q.text):
        return q.text  # "at least a quarter-point" is rounded to quarters, not to 0.01
    if q.dimension == "tally":
        return q.describe()  # "11–1", not the one number that holds both sides
    if q.qualifier == "range":  # "8 to 10 feet": both ends, in the unit
        factor = factor_of(q.unit)
        return [_plain(q.lo / factor), _plain(q.hi / factor)]
    if q.dimension == "date":
        return format_date(q.value)
    return int(q.value) if q.value == int(q.value) else q.value


def _plain(value: float) -> float:
    """A range end as written: 8, not 8.000000000000002 after a unit's factor."""
    return round(value, 6)


_EDGE = ".,;:!?()[]“”\"‘’'"


MAX_TOTAL_WORDS = 8  # of a subject that starts at a total: "death toll in … floods to"


def _subject(masked: str, q: Quantity, others: Sequence[tuple[int, int]]) -> str:
    """Words around the figure, for the editor to reword: the registry's subject."""
    # Whitespace words, so that "1,150" stays one word; punctuation at their ends goes.
    # Within the figure's clause: the other clause of "A has 3, while B has 5" is not it;
    # nor the words of the figures beside it ("from $6 million (manufacturing) to").
    lo, hi = own_span(masked, q.start, q.end, others, clause_span(masked, q.start, q.end))
    before = [w.strip(_EDGE) for w in masked[max(lo, q.start - 200) : q.start].split()[-5:]]
    total, at = total_before(masked, q.start, q.end)
    if total and at >= lo:
        # "the death toll in Spain's worst floods … to 205": the total is the subject.
        start = max(lo, at - 40)
        words = masked[start : q.start].split()
        named = len(masked[start:at].split())  # the words before the total's own
        before = [w.strip(_EDGE) for w in words[max(0, named - 1) :][:MAX_TOTAL_WORDS]]
    after = [
        w.strip(_EDGE) for w in words_ahead(masked[q.end : min(hi, q.end + 200)], 6, q.dimension)
    ]
    return " ".join(w for w in [*before, "…", *after] if w)


# "the Prime Minister", "the Mayor": a title held by someone, with "the".
_THE_TITLE = re.compile(
    rf"\b[Tt]he[^\S\n]{{1,3}}(?P<title>(?:{CAPITAL}[a-z]+[^\S\n]{{1,3}}){{0,2}}{CAPITAL}[a-z]+)"
)


def _title_before(text: str) -> str:
    """The last title `text` names with "the" ("the Prime Minister"), or ""."""
    found = [m.group("title") for m in _THE_TITLE.finditer(text)]
    titles = [t for t in found if all(w in TITLES for w in t.split())]
    return titles[-1] if titles else ""


def _describes(masked: str, name: str) -> bool:
    """Whether `name` is part of a description of who speaks ("a U.S. Navy official")."""
    found = _NAMELESS.search(masked)
    return found is not None and name in found.group("described").split()


def _surname(masked: str, span: QuoteSpan) -> str:
    """A lone surname saying the quotation: "…," Yu said / said Wan / According to Yu, "…"."""
    after = _SURNAME_SAID.search(masked[span.end : span.end + 60])
    if after:
        return str(after.group("name") or after.group("after") or "")
    before = _SURNAME_BEFORE.search(masked[max(0, span.start - 60) : span.start])
    if before:
        return str(before.group("name") or before.group("name2") or "")
    # "Lee said that the minister “…”": the subject of the verb nearest the quotation,
    # not of another ("Lee said, as the crowd chanted: “…”").
    return _sayer(masked, span)


def _sayer(masked: str, quotation: QuoteSpan | None = None) -> str:
    """Who says something, quotation or not: "according to Lee", "Lee said that …".
    With `quotation`, only the verb nearest it is asked."""
    according = _ACCORDING_NAME.search(masked)
    if according:
        return according.group("name")
    verbs = list(VERB.finditer(masked))
    if quotation is not None and verbs:
        verbs = [min(verbs, key=lambda v: _distance(v, quotation))]
    for verb in verbs:
        before = masked[max(0, verb.start() - 60) : verb.start()]
        # "Lee, standing with his hands clasped, told the judge": the aside
        # between the subject and the verb describes the subject, whose whole
        # name stands before it ("Jonas Deibe, a Swede who …, told").
        aside = _ASIDE_BEFORE.search(masked, max(0, verb.start() - 120), verb.start())
        if aside:
            named = _NAME_AT_END.search(masked, max(0, aside.start() - 60), aside.start())
            if named and named.group("name") not in TITLES:
                return named.group("name")
        subject = _CAPITALISED_BEFORE.search(before)
        if subject and subject.group("name") not in TITLES:
            return subject.group("name")
    return ""


# An aside that describes its subject: a participle ("standing …"), an
# apposition ("a former …") or a relative clause; not a place ("…, New York,").
_ASIDE_BEFORE = re.compile(
    r",[^\S\n]{1,3}(?:[a-z]{2,20}(?:ing|ed)|a|an|the|who|whose|now|once|still)\b[^,;.!?\d]{0,80},\s*$"
)
_NAME_AT_END = re.compile(
    rf"(?P<name>(?:{CAPITAL}[\w’'-]+[^\S\n]{{1,3}}){{0,3}}{CAPITAL}[\w’'-]+)$"
)


def _distance(verb: re.Match[str], span: QuoteSpan) -> int:
    return span.start - verb.end() if verb.end() <= span.start else verb.start() - span.end


def _body(masked: str, documents_only: bool = False) -> str:
    """A document or body that says something in this sentence ("the statement said")."""
    saying = not documents_only and VERB.search(masked) is not None
    for found in (*_ACCORDING.finditer(masked), *_BODY.finditer(masked)):
        if _IN_BEFORE.search(masked, 0, found.start()) and not _PLURAL_ANYWHERE.search(masked):
            continue  # "the president said in a statement": the statement is not the speaker
        # A document speaks by being there ("a joint statement calling for '…'");
        # people and bodies need a verb of saying.
        if saying or found.group("head").lower() in _DOCUMENTS:
            return _phrase(found)
    return ""


def _phrase(found: re.Match[str]) -> str:
    phrase = " ".join(found.group("phrase").split())
    return phrase[:1].upper() + phrase[1:]


def _strip_title(name: str, lower: frozenset[str] = frozenset()) -> str:
    """The name without the titles and descriptions before it: "Battalion Chief",
    and a word the article writes in lower case ("Resident Harry Cheung", when
    it also writes "residents"), as long as two words of the name are left."""
    parts = name.split()
    while len(parts) > 2 and (parts[0] in TITLES or _common(parts[0], lower)):
        parts = parts[1:]
    while parts and parts[0] in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def _past_possessive(words: list[str]) -> list[str]:
    """The name after a possessive that opens its run: "Poland’s Anna Kowal" is Anna
    Kowal, and "Poland’s Kowal" no full name at all."""
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), default=0)
    return words[cut:]


def _common(word: str, lower: frozenset[str]) -> bool:
    low = word.lower()
    return low in lower or f"{low}s" in lower


def _shared_name_words(article: str) -> frozenset[str]:
    """Words of two or more of the article's names ("Wang" of Wang Yi and Wang Wenbin)."""
    seen: dict[str, set[str]] = {}
    for run in _NAME_RUN.finditer(article):
        words = [w for w in run.group().split() if w not in TITLES]
        if len(words) < 2 or words[0].lower() in STOPWORDS:
            continue
        for word in words[-2:]:
            seen.setdefault(word, set()).add(" ".join(words[-2:]))
    return frozenset(w for w, names in seen.items() if len(names) > 1)


_NAME_RUN = re.compile(rf"{CAPITAL}[\w’'-]+(?:[ \t\n]+{CAPITAL}[\w’'-]+)+")  # no full stop inside
_NAME_WORD = re.compile(rf"{CAPITAL}[\w’'-]+")


MIN_BODY_MENTIONS = 2
# A word and what stands between it and the word before (space only, or more).
_WORD_AND_GAP = re.compile(r"([^\s]{1,80})(\s{0,3})")
_TOKEN_EDGE = "“”\"'‘’(),.:;!?—–"


@lru_cache(maxsize=64)  # asked once per quotation a lone name says: one scan a name
def _words_before(article: str, word: str) -> tuple[str, ...]:
    """The word right before each writing of `word` in the article, on its line
    ("" at a line's start): what may be its given name or title."""
    found, before = [], ""
    for m in _WORD_AND_GAP.finditer(article):
        token = m.group(1)
        if token.strip(_TOKEN_EDGE).removesuffix("’s").removesuffix("'s") == word:
            found.append(before)
        before = token if m.group(2) and "\n" not in m.group(2) else ""
    return tuple(found)


def _names_it(before: str) -> bool:
    """Whether the word before a name is a given name or a title ("Anna", "Mayor",
    "Mr."): not a sentence's last word ("… from Microsoft. CrowdStrike said"), nor
    a function word opening one ("The CrowdStrike update")."""
    if not before[:1].isupper():
        return False
    return before in TITLES or (before[-1:].isalpha() and before.lower() not in STOPWORDS)


def _a_bodys_name(article: str, word: str) -> bool:
    """Whether a one-word speaker the article never writes after a capitalised word
    (no given name, no title: "the CrowdStrike update", "“…,” CrowdStrike said") is
    a body's name, which it names at least twice, rather than a surname whose
    person the article has not named in full."""
    if not _NAME_WORD.fullmatch(word):
        return False
    before = _words_before(article, word)
    return len(before) >= MIN_BODY_MENTIONS and not any(_names_it(b) for b in before)


def _given_name(article: str, word: str) -> str:
    """The given name the article writes before a surname anywhere, its
    quotations included ("I’ve called Sir Keir Starmer", then "Starmer said"), or ""."""
    if not _NAME_WORD.fullmatch(word):
        return ""
    # Not a title, nor a possessive ("Labour’s Starmer"): whose, not who.
    given = [
        b
        for b in _words_before(article, word)
        if _names_it(b) and b not in TITLES and not b.endswith(("’s", "'s"))
    ]
    return next((b for b in given if _NAME_WORD.fullmatch(b)), "")


def _alone(text: str, name: str) -> set[str]:
    """The words of `text` outside each writing of the whole `name`."""
    words, parts = _TOKEN.findall(text), name.split()
    out: set[str] = set()
    i = 0
    while i < len(words):
        if words[i : i + len(parts)] == parts:
            i += len(parts)
            continue
        out.add(words[i])
        i += 1
    return out


_TOKEN = re.compile(r"[\w’'-]+")


def _slug(text: str, limit: int = 0) -> str:
    """An id from words: lower case, joined by hyphens, cut at a word within `limit`."""
    words = [w.lower() for w in WORD_RE.findall(text.replace("’", "").replace("'", ""))]
    slug = "-".join(words)
    while limit and len(slug) > limit and len(words) > 1:
        words.pop()
        slug = "-".join(words)
    return slug
