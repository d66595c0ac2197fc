"""``mtqa review``: the reviewers' terminal UI (Textual). Only ``mtqa review`` imports it."""
