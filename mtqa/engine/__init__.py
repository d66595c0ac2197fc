"""Runs the selected checks over documents, applies suppressions and baselines."""
