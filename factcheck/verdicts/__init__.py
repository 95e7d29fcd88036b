"""Verdicts: supported, contradicted, disputed or unverified, with reasons and evidence."""

from factcheck.verdicts.engine import analyse, check, combine

__all__ = ["analyse", "check", "combine"]
