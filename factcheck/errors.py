"""Domain exceptions. The core raises these; only the CLI turns them into messages."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the process exit status means."""

    CLEAN = 0  # nothing contradicted (or nothing --fail-on names)
    FINDINGS = 1  # something contradicted, or what --fail-on names
    ERROR = 2  # usage or input error


class FactcheckError(Exception):
    """Base of every error factcheck reports to the user."""


class InputError(FactcheckError):
    """Bad input, located as precisely as we can: file, line, column, field."""

    def __init__(
        self,
        message: str,
        path: str = "",
        line: int = 0,
        column: int = 0,
        field: str = "",
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self.location() + message)

    def __reduce__(self) -> tuple[object, ...]:
        # Sent from a worker process: keep the place, not only the text.
        return (type(self), (self.message, self.path, self.line, self.column, self.field))

    def location(self) -> str:
        where = self.path
        if self.path and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        if self.field:
            where += f" [{self.field}]" if where else f"[{self.field}]"
        return f"{where}: " if where else ""


class RegistryError(InputError):
    """The registry file cannot be used."""


class RegistryProblems(RegistryError):
    """Validation found one or more problems; each is an InputError."""

    def __init__(self, problems: list[InputError]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first.message + more, first.path, first.line, first.column, first.field)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problems,))
