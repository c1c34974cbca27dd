"""Pydantic response models of the status routes (what /docs documents)."""
