"""'Did you mean …?' for a name the user wrote that matches nothing known.

A registry edited by hand gets ids slightly wrong ("s01-globe" for
"s001-globe", "putin" for "vladimir-putin"); naming the likely one saves a
search through the file. rapidfuzz is imported only once something is
already wrong, so a clean load never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable

# WRatio on rapidfuzz's 0-100 scale: high enough that an unrelated name is
# never offered, low enough for a dropped digit or a missing first name.
SUGGEST_MIN = 85.0
SHORTEST = 3  # below this, any known name looks alike


def did_you_mean(written: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' naming the closest known name, or ''."""
    candidates = sorted(k for k in known if k != written)  # ties: the same answer each run
    if len(written.strip()) < SHORTEST or not candidates:
        return ""
    from rapidfuzz import fuzz, process, utils

    found = process.extractOne(
        written,
        candidates,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=SUGGEST_MIN,
    )
    return f" (did you mean '{found[0]}'?)" if found else ""
