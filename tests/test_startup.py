"""What a look-up leaves undone: the patterns only another kind of claim needs.

Each runs in a fresh interpreter, since this one has compiled them all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIGURE_CLAIM = "Russia shares a 4,209 km border with China."
QUOTATION_MODULES = (
    "factcheck.quotations.normalize",
    "factcheck.quotations.names",
    "factcheck.quotations.spans",
)
PROBE = """
import contextlib, importlib, io, json, sys
from factcheck.cli import main
from factcheck.text import LazyPattern

claim, modules = sys.argv[1], sys.argv[2:]
sys.argv = ["factcheck", "check", claim]
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main()
lazy = {}
for name in modules:
    module = importlib.import_module(name)
    for attr, value in vars(module).items():
        items = value.values() if isinstance(value, dict) else [value]
        items = [i for v in items for i in (v if isinstance(v, (list, tuple)) else [v])]
        for item in items:
            if isinstance(item, LazyPattern):
                lazy[f"{name}.{attr}.{item.source[:20]}"] = item.compiled
print(json.dumps(lazy))
"""


def test_a_figure_look_up_compiles_none_of_the_quotation_patterns(tmp_path: Path) -> None:
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path), "NO_COLOR": "1", "PATH": ""}
    command = [sys.executable, "-c", PROBE, FIGURE_CLAIM, *QUOTATION_MODULES]
    subprocess.run(command, capture_output=True, check=True, env=env, cwd=tmp_path)  # cached
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=tmp_path)
    lazy = json.loads(out.stdout)
    assert len(lazy) >= 10, lazy  # the quotation modules' patterns wait for a quotation
    assert not [name for name, compiled in lazy.items() if compiled]


GC_PROBE = """
import atexit, gc, sys
from factcheck.__main__ import run

# At exit: collection on again, the start-up's objects frozen out of its sweeps.
atexit.register(lambda: print("collection", gc.isenabled(), gc.get_freeze_count() > 0))
sys.argv = ["factcheck", *sys.argv[1:]]
run()
"""


def test_collection_waits_while_a_command_starts_and_no_longer(tmp_path: Path) -> None:
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path), "NO_COLOR": "1", "PATH": ""}
    for _ in range(2):  # the first run writes the cache, the second reads it
        out = subprocess.run(
            [sys.executable, "-c", GC_PROBE, "check", FIGURE_CLAIM],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines()[-1] == "collection True True"
