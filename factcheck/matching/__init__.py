"""Matching: retrieving and choosing the registry entries a claim is about."""
