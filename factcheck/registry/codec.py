"""The parsed registry and its index as plain JSON data, and back.

The cache (cache.py) and the on-disk index (matching/store.py) keep what they
read back from disk in this form, never as pickles: decoding builds only the
model's own dataclasses from strings, numbers and lists, so a planted or
damaged file can at worst fail to decode (DecodeError), never run code.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections import Counter
from collections.abc import Callable
from typing import Any

from factcheck.matching.index import FigureInfo, Index, QuotationPart, Wording, quotation_part
from factcheck.model import (
    Figure,
    FigureReport,
    Quantity,
    Quotation,
    QuoteReport,
    Registry,
    Source,
    Speaker,
)
from factcheck.quotations.names import SpeakerIndex
from factcheck.quotations.normalize import QWord, quote_words

Data = Any  # what json.loads returns


class DecodeError(ValueError):
    """Data that is not what encode_* wrote: a damaged, foreign or planted file."""


# allow_nan: a value of inf is a registry error, but the codec need not know that.
# One encoder for every call: json.dumps() with options builds a new one each time,
# and an index build encodes a row per entry.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(data: Data) -> bytes:
    return _ENCODE(data).encode("utf-8")


def loads(raw: bytes | str) -> Data:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise DecodeError(f"not JSON: {exc}") from None


def guarded(decode: Any, data: Data) -> Any:
    """`decode(data)`, with any failure of a wrong shape reported as DecodeError."""
    try:
        return decode(data)
    except DecodeError:
        raise
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise DecodeError(f"unexpected shape: {type(exc).__name__}: {exc}") from None


# Row numbers as 4-byte integers (a C int is 4 bytes wherever CPython runs; a long
# is 8 on most 64-bit systems), little-endian in the file.
_ROW_TYPE = "i" if array("i").itemsize == 4 else "l"
_SWAP = sys.byteorder == "big"


def encode_rows(rows: array[int]) -> bytes:
    """Row numbers, packed: a list of thousands reads back in microseconds, where
    parsing them from text or making a row object each cost milliseconds."""
    packed = array(_ROW_TYPE, rows)
    if _SWAP:
        packed.byteswap()
    return packed.tobytes()


def decode_rows(*parts: object) -> array[int]:
    """What encode_rows() wrote, of one or more parts in turn; anything else is a
    DecodeError (a planted blob can only name rows, never run code)."""
    if not all(isinstance(p, bytes) and len(p) % 4 == 0 for p in parts):
        raise DecodeError("a list of rows that is not packed 4-byte integers")
    rows = array(_ROW_TYPE)
    rows.frombytes(b"".join(parts))  # type: ignore[arg-type]  # checked above
    if _SWAP:
        rows.byteswap()
    return rows


def encode_source(s: Source) -> Data:
    return [s.id, s.outlet, s.title, s.author, s.date, s.file, s.url]


def decode_source(d: Data) -> Source:
    return Source(*_strings(d, 7))


def encode_speaker(s: Speaker) -> Data:
    return [s.id, s.name, list(s.aliases), s.kind]


def decode_speaker(d: Data) -> Speaker:
    sid, name, aliases, kind = d
    return Speaker(_str(sid), _str(name), tuple(_strings(aliases)), _str(kind))


def encode_quantity(q: Quantity) -> Data:
    return [q.value, q.unit, q.dimension, q.qualifier, q.lo, q.hi, q.text, q.start, q.end,
            list(q.following)]  # fmt: skip


def decode_quantity(d: Data) -> Quantity:
    value, unit, dimension, qualifier, lo, hi, text, start, end, following = d
    return Quantity(
        _num(value), _str(unit), _str(dimension), _str(qualifier), _num(lo), _num(hi),
        _str(text), _int(start), _int(end), tuple(_strings(following)),
    )  # fmt: skip


def encode_quotation(q: Quotation) -> Data:
    reports = [[r.source, r.text, r.sentence] for r in q.reports]
    return [q.id, q.speaker, q.text, reports, q.said, q.line]


def decode_quotation(d: Data) -> Quotation:
    qid, speaker, text, reports, said, line = d
    return Quotation(
        _str(qid), _str(speaker), _str(text),
        tuple(QuoteReport(*_strings(r, 3)) for r in reports), _str(said), _int(line),
    )  # fmt: skip


def encode_figure(f: Figure) -> Data:
    reports = [
        [r.source, encode_quantity(r.quantity), r.sentence, r.text, r.as_of] for r in f.reports
    ]
    return [f.id, f.subject, list(f.keywords), encode_quantity(f.quantity), reports,
            list(f.unit_aliases), f.line, f.series]  # fmt: skip


def decode_figure(d: Data) -> Figure:
    fid, subject, keywords, quantity, reports, aliases, line, series = d
    if not isinstance(series, bool):
        raise DecodeError("series is not true or false")
    return Figure(
        _str(fid), _str(subject), tuple(_strings(keywords)), decode_quantity(quantity),
        tuple(
            FigureReport(_str(s), decode_quantity(q), _str(sentence), _str(text), _str(as_of))
            for s, q, sentence, text, as_of in reports
        ),
        tuple(_strings(aliases)), _int(line), series,
    )  # fmt: skip


def registry_to_data(r: Registry) -> Data:
    return {
        "path": r.path,
        "sources": [encode_source(s) for s in r.sources.values()],
        "speakers": [encode_speaker(s) for s in r.speakers.values()],
        "quotations": [encode_quotation(q) for q in r.quotations],
        "figures": [encode_figure(f) for f in r.figures],
    }


def registry_from_data(d: Data) -> Registry:
    sources = [decode_source(s) for s in d["sources"]]
    speakers = [decode_speaker(s) for s in d["speakers"]]
    return Registry(
        path=_str(d["path"]),
        sources={s.id: s for s in sources},
        speakers={s.id: s for s in speakers},
        quotations=tuple(decode_quotation(q) for q in d["quotations"]),
        figures=tuple(decode_figure(f) for f in d["figures"]),
    )


def encode_words(words: tuple[QWord, ...]) -> Data:
    return [[w.norm, w.text, w.start, w.end, w.optional] for w in words]


def decode_words(d: Data) -> tuple[QWord, ...]:
    return tuple(QWord(_str(n), _str(t), _int(s), _int(e), opt is True) for n, t, s, e, opt in d)


def encode_wording(w: Wording) -> Data:
    """A wording's row in the on-disk index: its quotation and which report. The
    words are not written: they are quote_words() of the report's text, read again
    on decoding, which costs about what decoding them cost, while writing them made
    an index build a fifth slower and its file twice as large."""
    return wording_data(w.quotation, w.report_index)


def wording_data(quotation: Quotation, report_index: int) -> Data:
    return [encode_quotation(quotation), report_index]


def decode_wording(d: Data) -> Wording:
    quotation, report_index = d
    q, r = decode_quotation(quotation), _int(report_index)
    return Wording(q, r, tuple(quote_words(q.reports[r].text)))


def encode_figure_info(i: FigureInfo) -> Data:
    return [encode_figure(i.figure), [list(n) for n in i.nouns], sorted(i.vocabulary)]


def decode_figure_info(d: Data) -> FigureInfo:
    figure, nouns, vocabulary = d
    return FigureInfo(
        decode_figure(figure),
        tuple(tuple(_strings(n)) for n in nouns),
        frozenset(_strings(vocabulary)),
    )


def index_to_data(index: Index) -> Data:
    """The index of index.registry; entries are named by their place in the registry."""
    index.quotations_ready()
    quotations = {id(q): k for k, q in enumerate(index.registry.quotations)}
    figures = {id(f): k for k, f in enumerate(index.registry.figures)}
    return {
        "wordings": [
            [quotations[id(w.quotation)], w.report_index, encode_words(w.words)]
            for w in index.wordings
        ],
        "postings": index.postings,
        "idf": index.idf,
        "figures": {
            dim: [
                [figures[id(i.figure)], [list(n) for n in i.nouns], sorted(i.vocabulary)]
                for i in infos
            ]
            for dim, infos in index.figures.items()
        },
        "speakers": index.speakers.to_data(),
        # What frames need of the whole registry, worked out once (see Index.frame_words).
        "frame_words": [sorted(w) for w in index.frame_words()],
        "figure_docs": _figure_docs(index),
    }


def _quotation_part(d: Data, registry: Registry) -> QuotationPart:
    quotations = registry.quotations
    wordings = [Wording(quotations[q], _int(r), decode_words(w)) for q, r, w in d["wordings"]]
    by_quotation: dict[str, list[Wording]] = {}
    for w in wordings:
        by_quotation.setdefault(w.quotation.id, []).append(w)
    postings = {_str(k): [_int(i) for i in v] for k, v in d["postings"].items()}
    if any(i >= len(wordings) for ks in postings.values() for i in ks):
        raise DecodeError("a posting names no wording")
    return wordings, postings, by_quotation, {_str(k): _num(v) for k, v in d["idf"].items()}


def _pending_quotations(d: Data, registry: Registry) -> Callable[[], QuotationPart]:
    """The quotation part, decoded when first needed. The file's checksum held, so
    a shape that is still wrong was planted: the part is then made again from the
    registry, which was decoded and checked already."""
    if not isinstance(d, dict) or not all(k in d for k in ("wordings", "postings", "idf")):
        raise DecodeError("no quotation index")

    def load() -> QuotationPart:
        try:
            part: QuotationPart = guarded(lambda data: _quotation_part(data, registry), d)
        except DecodeError:
            return quotation_part(registry)
        return part

    return load


def index_from_data(d: Data, registry: Registry) -> Index:
    figures = registry.figures
    return Index(
        registry,
        _pending=_pending_quotations(d, registry),
        figures={
            _str(dim): [
                FigureInfo(
                    figures[f], tuple(tuple(_strings(n)) for n in nouns), frozenset(_strings(vocab))
                )
                for f, nouns, vocab in infos
            ]
            for dim, infos in d["figures"].items()
        },
        speakers=SpeakerIndex.from_data(d["speakers"]),
        _figure_docs=_decode_docs(d["figure_docs"]),
        _frame_words=_decode_frame_words(d["frame_words"]),
    )


def _figure_docs(index: Index) -> Data:
    docs, total = index.figure_docs()
    return [dict(docs), total]


def _decode_docs(d: Data) -> tuple[Counter[str], int]:
    docs, total = d
    return Counter({_str(k): _int(v) for k, v in docs.items()}), _int(total)


def _decode_frame_words(d: Data) -> tuple[frozenset[str], frozenset[str]]:
    lower, people = d
    return frozenset(_strings(lower)), frozenset(_strings(people))


def _str(v: Data) -> str:
    if type(v) is not str:
        raise DecodeError(f"expected a string, found {type(v).__name__}")
    return v


def _int(v: Data) -> int:
    if type(v) is not int:
        raise DecodeError(f"expected an integer, found {type(v).__name__}")
    return v


def _num(v: Data) -> float:
    if type(v) not in (int, float):
        raise DecodeError(f"expected a number, found {type(v).__name__}")
    kept: float = v  # an int stays an int, as the loader made it
    return kept


def _strings(v: Data, n: int | None = None) -> list[str]:
    if type(v) is not list or (n is not None and len(v) != n):
        raise DecodeError("expected a list of strings")
    return [_str(s) for s in v]
