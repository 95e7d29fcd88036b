"""The release a user pins and the shell completion the README documents.

The version is written in three places a user meets (pyproject.toml, `factcheck
--version`, the README's pre-commit `rev`); they must agree, or a pinned hook
names a tag that is not this release. Completion is click's, run through the
installed `factcheck` as a shell would run it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def factcheck_binary() -> str:
    beside = Path(sys.executable).parent / "factcheck"
    found = str(beside) if beside.exists() else shutil.which("factcheck")
    if found is None:
        pytest.skip("the factcheck script is not installed (pip install -e .)")
    return found


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [factcheck_binary(), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_pyproject_version_and_readme_pin_agree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["version"] == __version__
    printed = run({}, "--version").stdout
    assert printed.strip() == f"factcheck, version {__version__}"
    revs = re.findall(r"^\s*rev: (\S+)", README, flags=re.M)
    assert revs == [f"v{__version__}"], "the pre-commit snippet pins another release"
    assert f"`v{__version__}` for this release" in README


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _factcheck_completion factcheck"),
        ("zsh", "compdef _factcheck_completion factcheck"),
        ("fish", "complete --no-files --command factcheck"),
    ],
)
def test_each_documented_completion_script_is_produced(shell: str, marker: str) -> None:
    line = f"_FACTCHECK_COMPLETE={shell}_source factcheck"
    assert line in README, f"README does not show {shell} completion"
    script = run({"_FACTCHECK_COMPLETE": f"{shell}_source"})
    assert script.returncode == 0, script.stderr
    assert marker in script.stdout


def complete(words: str) -> list[str]:
    env = {
        "_FACTCHECK_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    done = run(env)
    assert done.returncode == 0, done.stderr
    return [row.split(",", 1)[1] for row in done.stdout.splitlines()]


def test_completion_completes_commands_and_choices() -> None:
    assert complete("factcheck sc") == ["scan", "schema"]
    assert complete("factcheck sca") == ["scan"]
    assert complete("factcheck scan --format ") == [
        "text",
        "json",
        "jsonl",
        "github",
        "sarif",
        "claimreview",
    ]
