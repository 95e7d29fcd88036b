"""The published JSON Schema of factcheck's JSON output, shipped as package data."""

from __future__ import annotations

from pathlib import Path

OUTPUT_VERSION = 1
# Each version is its own file, so a consumer that pinned one keeps it.
OUTPUT_SCHEMA = Path(__file__).parent / f"output-{OUTPUT_VERSION}.json"
