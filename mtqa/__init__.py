"""mtqa: find machine-translation artifacts in translated news articles."""

__version__ = "0.1.0"
