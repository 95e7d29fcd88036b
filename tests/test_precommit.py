"""The real pre-commit framework runs the hook this repository defines.

A commit of a draft with a misquotation fails; a clean draft passes. The
hook is installed from this repository's HEAD, so it tests what is committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **IDENTITY}
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_precommit_blocks_a_misquotation_and_passes_a_clean_draft(tmp_path: Path) -> None:
    beside = Path(sys.executable).parent / "pre-commit"
    pre_commit = str(beside) if beside.exists() else shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    head = git(ROOT, "rev-parse", "HEAD")
    if head.returncode != 0:
        pytest.skip("not inside a git checkout of factcheck")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert git(repo, "init", "-q").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: factcheck\n"
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    installed = subprocess.run(
        [pre_commit, "install"], cwd=repo, capture_output=True, text=True, env=env
    )
    assert installed.returncode == 0, installed.stderr

    def commit(word: str) -> subprocess.CompletedProcess[str]:
        draft = f'Wang Yi said "Russia\'s {word} security concerns should be taken seriously".\n'
        (repo / "draft.md").write_text(draft)
        git(repo, "add", ".")
        cmd = ["git", "commit", "-qm", word]
        return subprocess.run(
            cmd, cwd=repo, capture_output=True, text=True, env={**env, **IDENTITY}
        )

    bad = commit("legitimate")
    assert bad.returncode != 0
    assert "draft.md:1:15 contradicted" in bad.stdout + bad.stderr
    good = commit("reasonable")
    assert good.returncode == 0, good.stdout + good.stderr
