"""Limits shared by the commands, in a module that imports nothing: a look-up
that needs only a number must not load the batch reader (csv, json) for it."""

MAX_CLAIM = 10_000  # characters; a longer "claim" is a pasted article, not a claim
