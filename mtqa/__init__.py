"""mtqa: find machine-translation artifacts in translated news articles.

The public API (docs/api.md): :class:`Checker`, :func:`check_text`, :func:`check_files`, and the
:class:`Finding` and :class:`Config` they use. They are imported on first use, so ``import mtqa``
stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Checker", "Config", "Finding", "Severity", "check_files", "check_text", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from mtqa.api import Checker, check_files, check_text
    from mtqa.core.config import Config
    from mtqa.core.model import Finding, Severity

_LAZY = {
    "Checker": "mtqa.api", "check_text": "mtqa.api", "check_files": "mtqa.api",
    "Config": "mtqa.core.config", "Finding": "mtqa.core.model", "Severity": "mtqa.core.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mtqa' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
