"""Pydantic response models (what /docs documents)."""
