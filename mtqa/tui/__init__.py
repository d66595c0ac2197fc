"""mtqa review: the reviewers' Textual terminal UI. Only `mtqa review` imports this package."""
