"""Which registry file a command uses.

In order: the --registry option, the FACTCHECK_REGISTRY variable, the
`registry` key of the project configuration, a `quotes.toml` in the current
folder or a parent, and last the registry shipped inside the package.
"""

from __future__ import annotations

import os
from pathlib import Path

REGISTRY_NAME = "quotes.toml"
ENV_VAR = "FACTCHECK_REGISTRY"


def shipped_registry() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / REGISTRY_NAME


def find_registry(
    explicit: str | None = None,
    configured: str | None = None,
    start: Path | None = None,
    environ: dict[str, str] | None = None,
) -> Path:
    env = os.environ if environ is None else environ
    if explicit:
        return Path(explicit)
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    if configured:
        return Path(configured)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / REGISTRY_NAME
        if candidate.is_file():
            return candidate
    return shipped_registry()
