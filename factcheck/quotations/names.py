"""Finding registered speakers' names and aliases in text.

Apart from attribution (speakers.py) because the index holds a SpeakerIndex:
a look-up loads it from the cache without compiling the attribution patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.model import Speaker


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    speaker: str
    text: str


class SpeakerIndex:
    """Finds registered speakers' names in text, longest name first."""

    def __init__(self, speakers: Iterable[Speaker]) -> None:
        names: list[tuple[str, str]] = []
        for sp in speakers:
            names.extend((name, sp.id) for name in sp.names if name.strip())
        names.sort(key=lambda item: -len(item[0]))
        # (name, speaker id, its first word in lower case): a name whose first word
        # is nowhere in the text cannot be mentioned, so its pattern is not even
        # compiled. Patterns are compiled on first use and never pickled.
        self._entries = [(name, sid, name.split()[0].lower()) for name, sid in names]
        self._names = {sid: name for name, sid in names}
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_compiled": {}}

    def _pattern(self, name: str) -> re.Pattern[str]:
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = _name_pattern(name)
        return pattern

    def mentions(self, text: str) -> list[Mention]:
        taken: list[Mention] = []
        lowered = text.lower()
        for name, sid, first in self._entries:
            if first not in lowered:
                continue
            for m in self._pattern(name).finditer(text):
                if not any(m.start() < t.end and t.start < m.end() for t in taken):
                    taken.append(Mention(m.start(), m.end(), sid, m.group()))
        return sorted(taken, key=lambda t: t.start)

    def identify(self, name: str) -> str:
        """The registered speaker a free-standing name refers to, if any."""
        found = self.mentions(name)
        return found[0].speaker if found else ""


def _name_pattern(name: str) -> re.Pattern[str]:
    body = re.escape(name).replace(r"\ ", r"\s+")
    flags = re.IGNORECASE if name[:1].islower() else 0
    return re.compile(rf"(?<![\w’'-]){body}(?![\w-])", flags)
