"""Fill every `<!-- run: COMMAND -->` block of README.md with the command's real output.

Usage: python tools/update_readme.py   (from the repository root, factcheck installed)

Each marker is followed by a ```text block, which is replaced by `$ COMMAND`,
its stdout, then its stderr, then its exit status when it is not 0. The test
suite checks that the help blocks match `--help`, so run this after changing
a command. The `<!-- results -->` block gets the table of the latest full
benchmark run from benchmarks/RESULTS.md (a test checks that they agree).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

MARKER = re.compile(r"<!-- run: (?P<cmd>.+?) -->\n```text\n.*?```", re.DOTALL)
RESULTS_BLOCK = re.compile(r"<!-- results -->\n.*?<!-- /results -->", re.DOTALL)


def benchmark_table(results_md: str) -> str:
    """The "Measured by" line and the table under it, as RESULTS.md has them."""
    start = results_md.index("Measured by")
    end = results_md.find("\n\n", results_md.index("| benchmark", start))
    return results_md[start : end if end >= 0 else None].strip("\n")


def render(cmd: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, env=env, check=False)
    out = proc.stdout.strip("\n")
    if proc.stderr.strip():
        out = (out + "\n" if out else "") + proc.stderr.strip("\n")
    if proc.returncode:
        out += f"\n(exit status {proc.returncode})"
    return f"<!-- run: {cmd} -->\n```text\n$ {cmd}\n{out}\n```"


def main() -> int:
    readme = Path("README.md")
    text = readme.read_text(encoding="utf-8")
    new = MARKER.sub(lambda m: render(m.group("cmd")), text)
    table = benchmark_table(Path("benchmarks/RESULTS.md").read_text(encoding="utf-8"))
    new = RESULTS_BLOCK.sub(lambda _: f"<!-- results -->\n{table}\n<!-- /results -->", new)
    if new != text:
        tmp = readme.with_suffix(".md.tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(readme)
        print("README.md updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
