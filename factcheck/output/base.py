"""The interface every result format implements."""

from __future__ import annotations

from typing import TextIO

from factcheck.model import Result


class BaseResultWriter:
    """Writes results one at a time, flushed as it goes, so an interrupted
    batch keeps every finished row."""

    def __init__(self, stream: TextIO, **options: object) -> None:
        self.stream = stream
        self.options = options

    def begin(self) -> None:
        """Called once before the first result."""

    def write(self, result: Result) -> None:
        raise NotImplementedError

    def render(self, result: Result) -> str | None:
        """The text write() adds for `result` alone, when it owes nothing to the other
        results (a batch worker then sends text, not the result); None when it does."""
        return None

    def write_rendered(self, text: str) -> None:
        """What render() gave, written as write() would have written it."""
        self.stream.write(text)
        self.stream.flush()

    def end(self) -> None:
        """Called once after the last result."""
        self.stream.flush()
