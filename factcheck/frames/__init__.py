"""What a figure is about: its frame, read from the clause its number stands in.

One home for the question, so that matching (is this claim's number about
that registry figure?) and ingest (which entry does this new report belong
to?) answer it the same way. Pure functions over text; no registry I/O.
"""

from factcheck.frames.clause import clause_span
from factcheck.frames.frame import Frame, read_frame, same_kind

__all__ = ["Frame", "clause_span", "read_frame", "same_kind"]
