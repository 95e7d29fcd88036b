"""Quotation normalisation, alignment, spans and attribution."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.model import Speaker
from factcheck.quotations.align import align, verbatim
from factcheck.quotations.names import SpeakerIndex
from factcheck.quotations.normalize import quote_words
from factcheck.quotations.spans import find_quotes, mask_quotes
from factcheck.quotations.speakers import Attribution, attribute


def norms(text: str) -> list[str]:
    return [w.norm for w in quote_words(text)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ideologised", "ideologized"),
        ("colour revolution", "color revolution"),
        ("Russia’s", "Russia's"),
        ("centre", "center"),
        ("co-ordination", "coordination"),
        ("One-China principle", "One China principle"),
        ("ABANDON, the approaches!", "abandon the approaches"),
        ("defence", "defense"),
        # Contractions are the same words written short.
        ("We’re confident that it’s not going", "We are confident that it is not going"),
        (
            "They don't know, I'm sure they've seen it",
            "They do not know, I am sure they have seen it",
        ),
        ("We can't and won't stop", "We cannot and will not stop"),
        ("Let's go", "let us go"),
    ],
)
def test_not_a_misquote(a: str, b: str) -> None:
    assert norms(a) == norms(b)


def test_a_possessive_s_is_no_contraction() -> None:
    assert norms("Russia's plan, Xi's aides") == ["russias", "plan", "xis", "aides"]
    assert norms("it's") == ["it", "is"] and norms("its") == ["its"]


def changes(typed: str, source: str) -> list[tuple[str, str, str]]:
    a = align(quote_words(typed), quote_words(source))
    return [
        (op.kind, op.typed.text if op.typed else "", op.source.text if op.source else "")
        for op in a.changes
    ]


def test_a_shorter_exact_part_matches() -> None:
    assert changes("taken seriously", "should be taken seriously and resolved") == []


def test_substitution_addition_and_drop() -> None:
    src = "Russia's reasonable security concerns should be taken seriously"
    assert changes("Russia's legitimate security concerns should be taken seriously", src) == [
        ("sub", "legitimate", "reasonable")
    ]
    assert changes("Russia's security concerns should be taken seriously", src) == [
        ("drop", "", "reasonable")
    ]
    assert changes(
        "Russia's reasonable security concerns should really be taken seriously", src
    ) == [("add", "really", "")]


def test_a_word_in_place_of_the_wordings_first_or_last_is_that_word_changed() -> None:
    src = "Yesterday was the worst day of my life"
    assert changes("Yesterday was the worst day of my career", src) == [("sub", "career", "life")]
    assert changes("Today was the worst day of my life", src) == [("sub", "Today", "Yesterday")]
    # Where the wording goes on past the word replaced, it may be a word added.
    longer = "Yesterday was the worst day of my life so far"
    assert changes("the worst day of my career", longer) == [("add", "career", "")]


def test_brackets_and_ellipsis_cost_nothing() -> None:
    src = "a closer relationship with [China], that is not the case"
    assert changes("a closer relationship with, that is not the case", src) == []
    assert changes("a closer relationship … not the case", src) == []
    # A reporter's gloss in parentheses is the reporter's, as a bracket is an editor's.
    glossed = "still it (Vikram) will make a landing"
    assert changes("still it will make a landing", glossed) == []
    assert changes("still it will make no landing", glossed) != []


def test_spans_curly_straight_nested_and_unclosed() -> None:
    text = 'He said “no ‘forbidden’ areas” and "more" then “unclosed'
    spans = find_quotes(text)
    contents = [text[s.content_start : s.content_end] for s in spans]
    assert contents == ["no ‘forbidden’ areas", "more", "unclosed"]
    assert spans[-1].closed is False
    assert len(mask_quotes(text, spans)) == len(text)


@given(st.text())
def test_spans_never_raise_and_lie_inside(text: str) -> None:
    for s in find_quotes(text):
        assert 0 <= s.start < s.content_start <= s.content_end <= s.end <= len(text)


_PIECES = st.sampled_from(["a", "b", "c", "d", "[a]", "[e]", "…", "b-c"])


@given(st.lists(_PIECES, max_size=8), st.lists(_PIECES, max_size=10))
def test_verbatim_is_an_alignment_without_changes(typed: list[str], source: list[str]) -> None:
    t, s = quote_words(" ".join(typed)), quote_words(" ".join(source))
    found = align(t, s)
    norms = frozenset(w.norm for w in s)
    assert verbatim(t, s, norms) == (found.cost == 0 and found.matched > 0)


INDEX = SpeakerIndex(
    [
        Speaker("ann", "Ann Lee", ("Lee", "Ms. Lee")),
        Speaker("bob", "Bob Ray", ("Ray",)),
        Speaker("doc", "the report", ("the study",), "document"),
    ]
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Ann Lee said "the bridge is safe".', "ann"),
        ('"The bridge is safe," said Bob Ray, an engineer.', "bob"),
        ('Ms. Lee, a senior engineer at the firm, said: "the bridge is safe".', "ann"),
        ('According to Ray, "the bridge is safe".', "bob"),
        ('Lee told Ray that "the bridge is safe".', "ann"),
        ('The study said the bridge "is safe".', "doc"),
        ('Ray: "the bridge is safe"', "bob"),
        # A title or a description before the name is not the speaker.
        ('"The bridge is safe," said the Report spokeswoman Ann Lee.', "ann"),
        ('"The bridge is safe," said Harbor Battalion Chief Bob Ray.', "bob"),
        ('The Report spokeswoman Ann Lee said "the bridge is safe".', "ann"),
        # An organisation after the person, or in their appositive, is not either.
        ('Bob Ray of the Report said "the bridge is safe".', "bob"),
        ('Ann Lee, a spokeswoman for the Report, said "the bridge is safe".', "ann"),
    ],
)
def test_attribution(sentence: str, expected: str) -> None:
    span = find_quotes(sentence)[0]
    masked = mask_quotes(sentence, [span])
    found = attribute(masked, span.start, span.end, INDEX)
    assert found is not None and found.speaker == expected


NAMES = SpeakerIndex(
    [
        Speaker("ob", "Seán O'Brien", ("O'Brien",)),
        Speaker("lee", "Ann Lee", ("Lee",)),
        Speaker("rep", "the report", ()),
        *(Speaker(f"x{k}", f"Person{k} Other{k}", ()) for k in range(2_000)),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seán O'Brien spoke, then O'Brien left.", ["ob", "ob"]),
        ("SEÁN O'BRIEN", []),  # a capitalised name is matched as written
        ("The Report found, and Lee agreed; Person1999   Other1999 too", ["rep", "lee", "x1999"]),
        ("Leeds and Obrien and Person19 Other1999", []),  # part of a word is not a name
        ("Ann Lee, not Lee alone", ["lee", "lee"]),  # the longest name first, then the alias
    ],
)
def test_mentions_among_many_speakers(text: str, expected: list[str]) -> None:
    found = NAMES.mentions(text)
    assert [m.speaker for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


def test_the_longest_name_wins_where_names_overlap() -> None:
    assert [m.text for m in NAMES.mentions("Ann Lee, not Lee alone")] == ["Ann Lee", "Lee"]


def test_unregistered_full_name_pronoun_and_none() -> None:
    def who(sentence: str):  # type: ignore[no-untyped-def]
        span = find_quotes(sentence)[0]
        return attribute(mask_quotes(sentence, [span]), span.start, span.end, INDEX)

    stranger = who('John Smith said "the bridge is safe".')
    assert stranger is not None and stranger.name == "John Smith" and stranger.speaker == ""
    pronoun = who('She said "the bridge is safe".')
    assert pronoun is not None and pronoun.pronoun
    assert who('Officials say the bridge is "safe".') is None
    for sentence, name in [
        ('"The bridge is safe," said evacuee John Smith.', "John Smith"),
        ('"The bridge is safe," said Port Authority Capt. John Smith on Sunday.', "John Smith"),
        ('"The bridge is safe," said Port Authority spokesman John Smith.', "John Smith"),
        ('Port Authority spokesman John Smith said "the bridge is safe".', "John Smith"),
    ]:
        found = who(sentence)
        assert found is not None and (found.name, found.speaker) == (name, ""), sentence


def test_a_straight_opening_mark_is_closed_by_a_curly_one() -> None:
    from factcheck.quotations.spans import find_quotes

    text = '"We take it one day at a time.” Shares are down 36 per cent. "Next," he said.'
    spans = find_quotes(text)
    assert [text[s.content_start : s.content_end] for s in spans] == [
        "We take it one day at a time.",
        "Next,",
    ]


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("contxt", "context", True),  # a letter left out
        ("contexxt", "context", True),  # one too many
        ("contaxt", "context", True),  # one changed
        ("cnotext", "context", True),  # neighbours swapped
        ("context", "context", False),
        ("contest", "context", True),
        ("cntxt", "context", False),  # two letters
        ("not", "now", False),  # short words one letter apart are other words
        ("form", "from", True),
    ],
)
def test_one_letter_apart(a: str, b: str, apart: bool) -> None:
    from factcheck.quotations.align import one_letter_apart

    assert one_letter_apart(a, b) is apart
    assert one_letter_apart(b, a) is apart


def test_a_typo_in_the_first_or_last_word_is_a_substitution_not_an_added_word() -> None:
    src = "Russia's reasonable security concerns should be taken seriously and resolved"
    assert changes("reasonable security concerns should be taken seriusly", src) == [
        ("sub", "seriusly", "seriously")
    ]
    assert changes("resonable security concerns should be taken", src) == [
        ("sub", "resonable", "reasonable")
    ]
    # A word that is not one letter from its neighbour is still a word added.
    assert changes("reasonable security concerns should be taken gravely", src) == [
        ("add", "gravely", "")
    ]


# Straight single quotes: quotations where they cannot be apostrophes, and never
# where they can. Each row: the text, and the passages read as quotations.
STRAIGHT_SINGLE_QUOTES: list[tuple[str, list[str]]] = [
    # must read
    ("Wang said 'Russia's concerns should be taken seriously'.",
     ["Russia's concerns should be taken seriously"]),
    ("He called it 'a matter of days' and left.", ["a matter of days"]),
    ("Small said it was 'significant in a normal context.'", ["significant in a normal context."]),
    ("He said: 'We will not back down,' and walked off.", ["We will not back down,"]),
    ("Putin ('our best friend') spoke.", ["our best friend"]),
    ("It is the 'no limits' partnership, Xi's aides say.", ["no limits"]),
    ("'The leaders' summit will be historic,' he said.", ["The leaders' summit will be historic,"]),
    ("The workers' union said 'no deal' today.", ["no deal"]),
    ("Class of '24 graduates said 'we did it' together.", ["we did it"]),
    # must not read
    ("I don't think Xi's visit mattered.", []),
    ("In the '90s, rock 'n' roll was big.", []),
    ("The leaders' summit opened on Monday.", []),
    ("The ministers' meeting and the leaders' summit were held.", []),
    ("He said 'no' and left.", []),  # one word: an elision or a scare quote
    ("The 'miracle' bridge opened.", []),
    ("He wrote 'this is\n\nnot closed", []),  # an apostrophe never runs on
    ("Rock 'n' roll and the '60s 'counterculture", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quoted"), STRAIGHT_SINGLE_QUOTES)
def test_straight_single_quotes(text: str, quoted: list[str]) -> None:
    spans = find_quotes(text)
    assert [text[s.content_start : s.content_end] for s in spans] == quoted
    assert all(s.closed for s in spans)


def test_a_surname_alone_names_the_one_speaker_whose_name_ends_in_it() -> None:
    index = SpeakerIndex(
        [
            Speaker("dw", "David Weiss", ()),
            Speaker("jb", "Joe Carter", ()),
            Speaker("hb", "Hunter Carter", ()),
        ]
    )

    def who(sentence: str) -> Attribution | None:
        span = find_quotes(sentence)[0]
        return attribute(mask_quotes(sentence, [span]), span.start, span.end, index)

    found = who('"We will appeal the ruling," Weiss said.')
    assert found is not None and found.speaker == "dw"
    inverted = who('"We will appeal the ruling," said Weiss.')
    assert inverted is not None and inverted.speaker == "dw"
    carter = who('"We will appeal the ruling," Carter said.')
    assert carter is None or carter.speaker == ""  # two Carters: either could be meant
    # A possessive after "said" is what was said, not who said it.
    possessive = who('Ann Lee said Mr. Ray\'s visit would be "significant in a normal context".')
    assert possessive is not None and possessive.name == "Ann Lee"


def test_a_possessive_before_a_surname_is_whose_not_another_first_name() -> None:
    index = SpeakerIndex([Speaker("ak", "Anna Kowal", ("Kowal",))], whole_names=True)
    assert [m.speaker for m in index.mentions("Poland’s Kowal has described it")] == ["ak"]
    assert index.mentions("Jan Kowal has described it") == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Fed Chair Jerome Powell defended the cut, saying “we want to stay ahead of it”.", "p"),
        ("Powell defended the cut and called for “patience from everyone now”.", "p"),
        # Another clause, another subject: not the name that opens the sentence.
        ("After Powell spoke, reporters left, saying “we want to know more about it”.", ""),
    ],
)
def test_a_participle_or_second_verb_shares_the_opening_subject(
    sentence: str, speaker: str
) -> None:
    index = SpeakerIndex([Speaker("p", "Jerome Powell", ("Powell",))])
    span = find_quotes(sentence)[0]
    found = attribute(mask_quotes(sentence, [span]), span.start, span.end, index)
    assert (found.speaker if found else "") == speaker, found
