"""Maintenance tools (generators of shipped data)."""
