"""Errors that reach the user: each names the file (and line, where there is one)."""

from __future__ import annotations


class MtqaError(Exception):
    """Base class of errors mtqa reports to the user (exit code 2)."""


class InputError(MtqaError):
    """A file that cannot be checked: unreadable, binary, empty, too big, undecodable."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # picklable, so worker processes can report it
        return (self.__class__, (self.path, self.message, self.line))


class ConfigError(InputError):
    """A configuration, glossary or baseline file that is malformed."""


class ProviderUnavailable(MtqaError):
    """A provider (dictionary, language detector, translator) cannot run here; checks that
    need it are skipped with a note."""


class DocumentSkipped(ProviderUnavailable):
    """A check cannot run on one document (no round-trip route for its language, say); it still
    runs on the others, and the document is named in a note. A check that runs on no document
    of a run counts as skipped."""
