"""A recorded terminal session: factcheck run in tmux at 80 and 120 columns.

What a user sees is what tmux's screen holds (capture-pane), not what a pipe
receives: text wrapped at words with hanging indents, and batch rows intact
whichever way stdout reaches the terminal, with the progress bar only where
it cannot draw over a row. The captures at 80 and 120 columns are kept in
tests/cases/terminal/ (FACTCHECK_UPDATE_GOLDEN=1 rewrites them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

HERE = Path(__file__).parent
ROOT = HERE.parent
GOLDEN = HERE / "cases" / "terminal"
REGISTRY = str(ROOT / "quotes.toml")
CLAIM = "Putin told Xi that Russia would supply 20 bcm of gas."
ROW_CLAIM = "Russia shares a 4,209 km border with China."


CAPTURE = ("capture-pane", "-p", "-S", "-", "-t", "t")


class Terminal:
    """One tmux session on a private server, a plain shell in it."""

    def __init__(self, socket: Path, width: int) -> None:
        self.socket, self.width = socket, width
        bin_dir = Path(sys.executable).parent
        env = {
            **os.environ,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "TERM": "xterm-256color",
            "PS1": "$ ",
            "FACTCHECK_REGISTRY": REGISTRY,
        }
        env.pop("NO_COLOR", None)
        env.pop("COLUMNS", None)
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(width), "-y", "50",
                  "bash --norc --noprofile", env=env)  # fmt: skip
        self.tmux("set-option", "-t", "t", "history-limit", "100000")

    def tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True, text=True, env=env, timeout=30, check=True,
        )  # fmt: skip
        return done.stdout

    def run(self, command: str, timeout: float = 120) -> list[str]:
        """Type `command`, wait for it to end; the lines it left on the screen."""
        self.tmux("send-keys", "-t", "t", "clear", "Enter")
        self.tmux("clear-history", "-t", "t")
        self.tmux("send-keys", "-t", "t", f"echo '## start'; {command}; echo '## end'", "Enter")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = [line.rstrip() for line in self.tmux(*CAPTURE).splitlines()]
            if "## end" in shown:
                break
            time.sleep(0.2)
        else:
            raise AssertionError(f"{command!r} did not end in {timeout} s")
        start = len(shown) - 1 - shown[::-1].index("## start")
        return shown[start + 1 : shown.index("## end")]

    def joined(self) -> list[str]:
        """The scroll-back with the lines tmux wrapped joined again (capture-pane -J)."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t").splitlines()


@pytest.fixture(params=[80, 120], ids=["80-columns", "120-columns"])
def terminal(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Terminal]:
    socket = tmp_path_factory.mktemp("tmux") / "socket"
    term = Terminal(socket, request.param)
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-S", str(socket), "kill-server"], capture_output=True, timeout=30)


def test_check_is_wrapped_at_words_and_aligned(terminal: Terminal) -> None:
    screen = terminal.run(f"factcheck check '{CLAIM}'")
    golden = GOLDEN / f"check-{terminal.width}.txt"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text("\n".join(screen) + "\n", encoding="utf-8")
    assert screen == golden.read_text(encoding="utf-8").splitlines()
    assert all(len(line) <= terminal.width for line in screen)
    piped = subprocess.run(
        [sys.executable, "-m", "factcheck", "--registry", REGISTRY, "check", CLAIM],
        capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
    ).stdout  # fmt: skip
    assert " ".join(" ".join(screen).split()) == " ".join(piped.split())  # no word broken or lost
    # A reason or a source's sentence runs on under its own first word.
    reason = next(k for k, line in enumerate(screen) if line.startswith("  - "))
    runs_on = not screen[reason + 1].startswith("  evidence:")
    assert runs_on == (terminal.width == 80)
    if runs_on:
        assert screen[reason + 1].startswith("    ") and screen[reason + 1][4] != " "
    quoted = next(k for k, line in enumerate(screen) if line.lstrip().startswith("“"))
    indent = len(screen[quoted]) - len(screen[quoted].lstrip())
    assert screen[quoted + 1][:indent].strip() == "" and screen[quoted + 1][indent] != " "


@pytest.mark.parametrize(
    "how",
    [
        "{cmd}",  # stdout and stderr on the terminal
        "{cmd} | cat",  # stdout through a pipe back to the same terminal
        "{cmd} | tee {dir}/tee.csv",
        "{cmd} > {dir}/rows.csv; cat {dir}/rows.csv",  # stdout in a file: the bar is seen
    ],
)
def test_batch_rows_are_intact_on_the_terminal(
    terminal: Terminal, tmp_path: Path, how: str
) -> None:
    claims = tmp_path / "claims.txt"
    claims.write_text(f"{ROW_CLAIM}\n" * 600, encoding="utf-8")
    expected = subprocess.run(
        [sys.executable, "-m", "factcheck", "--registry", REGISTRY, "batch", str(claims),
         "--format", "csv"],
        capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
    ).stdout.splitlines()  # fmt: skip
    assert len(expected) == 601
    cmd = f"factcheck batch {claims} --format csv"
    terminal.run(how.format(cmd=cmd, dir=tmp_path))
    joined = [line.rstrip() for line in terminal.joined()]
    rows = [line for line in joined if "border-length" in line]
    assert rows == expected[1:], "a row was drawn over or lost"
    assert not any("━" in line or "checking" in line for line in joined)  # the bar left nothing
