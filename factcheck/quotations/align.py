"""Word-level alignment of quoted words against a source's wording.

The words typed should be a contiguous part of the source's words, so the
alignment is semi-global: the source may start and end anywhere for free,
but every typed word must be accounted for. Substitutions, added words and
words dropped from inside the span each cost one; bracketed words and
ellipses cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.quotations.normalize import QWord

EQUAL, SUB, ADD, DROP, SKIP = "equal", "sub", "add", "drop", "skip"
# Weights of the dynamic programme. A change costs about a thousand and a
# word kept in place earns one, so among alignments with as few changes as
# possible the one keeping most words wins ("Russia's security" leaves out
# "reasonable" rather than putting "Russia's" where "reasonable" was).
CHANGE = 1000.0
SUB_COST = CHANGE + 1.0
KEEP = -1.0


@dataclass(frozen=True)
class Op:
    kind: str  # equal, sub (typed word differs), add (typed word not in source),
    #            drop (source word left out), skip (free: ellipsis or brackets)
    typed: QWord | None
    source: QWord | None


@dataclass(frozen=True)
class Alignment:
    ops: tuple[Op, ...]

    @property
    def cost(self) -> int:
        """How many words were changed, added or left out."""
        return len(self.changes)

    @property
    def matched(self) -> int:
        return sum(1 for op in self.ops if op.kind == EQUAL)

    @property
    def changes(self) -> list[Op]:
        return [op for op in self.ops if op.kind in (SUB, ADD, DROP)]

    def similarity(self, typed_count: int) -> float:
        if typed_count == 0:
            return 0.0
        return max(0.0, 1.0 - self.cost / max(typed_count, self.matched + self.cost))


def _add_cost(w: QWord) -> float:
    return 0.0 if w.optional or w.is_gap else CHANGE


def _drop_cost(w: QWord) -> float:
    return 0.0 if w.optional or w.is_gap else CHANGE


# A source word left out, when words left out are what is looked for (gapped()):
# cheaper than a change, so that the typed words' order in the source shows.
GAPPED_DROP = CHANGE / 10


def align(typed: list[QWord], source: list[QWord], drop: float = CHANGE) -> Alignment:
    """The cheapest alignment; `drop` is what leaving out a source word costs."""
    exact = _exact_run(typed, source)
    if exact is not None:
        return exact
    n, m = len(typed), len(source)
    inf = float("inf")
    # cost[i][j]: best cost of aligning typed[:i] ending just before source[j]
    cost = [[0.0] * (m + 1)] + [[inf] * (m + 1) for _ in range(n)]
    back: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    # The inner loop runs once per pair of words: look nothing up twice in it.
    norms = [s.norm for s in source]
    drops = [_drop_cost(s) and drop for s in source]
    for i in range(1, n + 1):
        t = typed[i - 1]
        row, prev, marks = cost[i], cost[i - 1], back[i]
        if t.is_gap:
            _gap_row(row, prev, marks)
            continue
        add, word = _add_cost(t), t.norm
        row[0] = prev[0] + add
        marks[0] = ADD
        for j in range(1, m + 1):
            same = word == norms[j - 1]
            diag = prev[j - 1] + (KEEP if same else SUB_COST)
            up = prev[j] + add
            left = row[j - 1] + drops[j - 1]
            if diag <= up and diag <= left:
                row[j], marks[j] = diag, (EQUAL if same else SUB)
            elif up <= left:
                row[j], marks[j] = up, ADD
            else:
                row[j], marks[j] = left, DROP
    end = min(range(m + 1), key=lambda j: (cost[n][j], j))
    return Alignment(tuple(_typo_at_edges(_trace(typed, source, back, n, end), source)))


MIN_TYPO_LETTERS = 4  # "is"/"in", "now"/"not": short words one letter apart are other words


def one_letter_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter changed, added, left out, or two neighbours
    swapped: the typo of "contxt" for "context"."""
    if a == b or min(len(a), len(b)) < MIN_TYPO_LETTERS or abs(len(a) - len(b)) > 1:
        return False
    head = next(
        (k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    if len(a) == len(b):
        rest_same = a[head + 1 :] == b[head + 1 :]
        swapped = a[head : head + 2] == b[head : head + 2][::-1] and a[head + 2 :] == b[head + 2 :]
        return rest_same or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[head + 1 :] == shorter[head:]


def _typo_at_edges(ops: list[Op], source: list[QWord]) -> list[Op]:
    """A typed first or last word one letter from the source word beside the span is
    that word misspelt, not a word the source lacks: the semi-global alignment
    would rather start or end the span a word early (an added word costs a hair less
    than a substitution), which hid the typo's diff."""
    on_source = [k for k, op in enumerate(ops) if op.source is not None]
    if not on_source:
        return ops
    at = {id(w): j for j, w in enumerate(source)}
    first, last = on_source[0], on_source[-1]
    before = at[id(ops[first].source)] - 1
    after = at[id(ops[last].source)] + 1
    # A last (first) typed word in place of the wording's own last (first) word is
    # that word changed, not a word added: "… of my career" for "… of my life".
    if last + 1 < len(ops) and after < len(source):
        op = ops[last + 1]
        ends = last + 2 == len(ops) and after == len(source) - 1
        if op.kind == ADD and op.typed and (ends or one_letter_apart(op.typed.norm, source[after].norm)):
            ops[last + 1] = Op(SUB, op.typed, source[after])
    if first > 0 and before >= 0:
        op = ops[first - 1]
        starts = first == 1 and before == 0
        if op.kind == ADD and op.typed and (starts or one_letter_apart(op.typed.norm, source[before].norm)):
            ops[first - 1] = Op(SUB, op.typed, source[before])
    return ops


def verbatim(typed: list[QWord], source: list[QWord], source_norms: frozenset[str]) -> bool:
    """Whether the typed words stand in the source unchanged (cost 0, a word kept).

    A typed word the source never uses must cost something, so most wordings
    are ruled out by a set test on the source's word forms (which the caller
    already holds) before any alignment is computed.
    """
    needed = {t.norm for t in typed if not (t.optional or t.is_gap)}
    if not needed <= source_norms:
        return False
    found = align(typed, source)
    return found.cost == 0 and found.matched > 0


def _exact_run(typed: list[QWord], source: list[QWord]) -> Alignment | None:
    """The typed words as one unbroken run of the source's: the common case of a
    correct quotation, which needs no dynamic programme (keeping every typed word
    is the best any alignment can do)."""
    if not typed or any(t.is_gap or t.optional for t in typed):
        return None
    want = [t.norm for t in typed]
    norms = [s.norm for s in source]
    n = len(want)
    for i in range(len(norms) - n + 1):
        if norms[i] == want[0] and norms[i : i + n] == want:
            return Alignment(tuple(Op(EQUAL, t, source[i + k]) for k, t in enumerate(typed)))
    return None


def _gap_row(row: list[float], prev: list[float], back: list[str]) -> None:
    """An ellipsis in the typed words may stand for any run of source words."""
    best, best_at = float("inf"), 0
    for j in range(len(row)):
        if prev[j] < best:
            best, best_at = prev[j], j
        row[j] = best
        back[j] = f"{SKIP}:{best_at}"


def _trace(
    typed: list[QWord], source: list[QWord], back: list[list[str]], i: int, j: int
) -> list[Op]:
    ops: list[Op] = []
    while i > 0:
        kind = back[i][j]
        if kind in (EQUAL, SUB):
            ops.append(Op(kind, typed[i - 1], source[j - 1]))
            i, j = i - 1, j - 1
        elif kind == ADD:
            ops.append(Op(ADD if _add_cost(typed[i - 1]) else SKIP, typed[i - 1], None))
            i -= 1
        elif kind == DROP:
            ops.append(Op(DROP if _drop_cost(source[j - 1]) else SKIP, None, source[j - 1]))
            j -= 1
        else:  # the typed ellipsis: continue from where the skipped run began
            ops.append(Op(SKIP, typed[i - 1], None))
            j = int(kind.split(":")[1])
            i -= 1
    ops.reverse()
    return ops
