"""The public Python API: check a string or files with one loaded engine, reused across calls.

    >>> import mtqa
    >>> checker = mtqa.Checker(language="pt-BR")
    >>> [f.code for f in checker.check_text("O líder norte -coreano chegou.")]
    ['S101']

Findings are :class:`mtqa.core.model.Finding` objects with the same fields as ``mtqa lint
--format json`` (``finding.to_dict()`` is that JSON object). Suppressions apply as in ``mtqa
lint``: inline ``<!-- mtqa: ignore CODE -->`` comments, ``per_file_ignores``, a baseline and the
reviewers' dismissals when the configuration names them, and one finding per span
(``merge_same_span``). The CLI and the server are built on this module.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from mtqa.core.config import Config, load_config, parse_language
from mtqa.core.model import Document, Finding
from mtqa.core.text import decode

__all__ = ["Checker", "check_text", "check_files"]


class Checker:
    """A configured engine: checks chosen and providers loaded once, reused for every call.

    ``language`` may be ``"pt"``, a tag such as ``"pt-BR"`` or ``"pt_PT"``, or None to detect it
    per document (``variant`` likewise). ``config`` is a :class:`~mtqa.core.config.Config`;
    without one, the nearest ``pyproject.toml``/``mtqa.toml`` is read when ``search_config`` is
    true, else the defaults. ``select``/``ignore`` take what ``--select``/``--ignore`` take.

    ``lazy=True`` loads the engine on first use instead of at once.

    A Checker may be shared by threads: calls run one at a time on its engine (the checks keep
    per-document state), so a server runs one Checker per worker thread or accepts the queue.
    """

    def __init__(
        self,
        language: str | None = None,
        variant: str | None = None,
        *,
        config: Config | None = None,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        search_config: bool = False,
        lazy: bool = False,
    ) -> None:
        from mtqa.engine.runner import Engine

        cfg = config if config is not None else load_config(None, search=search_config)
        if language is not None or variant is not None:
            lang = cfg.language if language is None else language
            var = variant if variant is not None else ("" if language else cfg.variant)
            cfg.language, cfg.variant = parse_language(lang, var, "Checker(language=..., variant=...)")
        if select is not None:
            cfg.select = list(select)
        if ignore is not None:
            cfg.ignore = [*cfg.ignore, *ignore]
        self.config = cfg
        self._engine: Engine | None = None
        # Re-entrant: a call holding it may load the engine on first use (``lazy=True``).
        self._lock = threading.RLock()
        self._baseline: dict | None = None
        self._dismissed: set[str] | None = None
        if not lazy:
            self._engine = Engine(cfg)

    @property
    def engine(self):
        """The loaded engine (built on first use when the checker was made with ``lazy=True``)."""
        if self._engine is None:
            from mtqa.engine.runner import Engine

            with self._lock:
                if self._engine is None:
                    self._engine = Engine(self.config)
        return self._engine

    def use_aligner(self, aligner) -> None:
        """Give the A1xx checks an :class:`~mtqa.engine.align.Aligner` (``mtqa lint --source``,
        ``--pairs``): bound to this checker's providers."""
        self.engine.providers.set("aligner", aligner.bind(self.engine.providers))

    def report_sentences(self, callback) -> None:
        """Call ``callback`` as the round trip translates sentences (progress bars)."""
        self.engine.ctx.progress = callback

    @property
    def codes(self) -> list[str]:
        """Codes of the checks this checker runs."""
        return [c.code for c in self.engine.checks]

    def _suppressions(self) -> tuple[dict, set[str]]:
        if self._baseline is None:
            from mtqa.core.review import load_decisions
            from mtqa.engine import suppress

            cfg = self.config
            self._baseline = suppress.load_baseline(cfg.resolve(cfg.baseline)) if cfg.baseline else {}
            review = cfg.resolve(cfg.review_file) if cfg.review_file else None
            decisions = load_decisions(review) if review is not None and review.is_file() else {}
            self._dismissed = {fp for fp, d in decisions.items() if d.decision == "dismissed"}
        return self._baseline, self._dismissed or set()

    def check_document(self, doc: Document, *, suppressed: bool = False) -> list[Finding]:
        """Findings of one :class:`~mtqa.core.model.Document` (language and variant detected
        when neither the document nor the configuration says them), in document order."""
        from mtqa.engine.runner import postprocess

        with self._lock:
            findings = self.engine.check_document(doc)
            postprocess(doc, findings, self.config, *self._suppressions())
        return [f for f in findings if suppressed or not f.suppressed_by]

    def check_text(self, text: str | bytes, *, path: str = "<text>", language: str | None = None,
                   variant: str | None = None) -> list[Finding]:
        """Findings of one text. ``bytes`` are decoded as files are (UTF-8 with or without BOM,
        UTF-16/32 with BOM, Windows-1252). ``path`` is the name findings carry; nothing is read
        from it. ``language``/``variant`` override the checker's for this text only."""
        return self.check_document(self.document(text, path=path, language=language, variant=variant))

    def document(self, text: str | bytes, *, path: str = "<text>", language: str | None = None,
                 variant: str | None = None) -> Document:
        """The :class:`~mtqa.core.model.Document` :meth:`check_text` checks (after the check, its
        ``language``, ``variant`` and ``meta`` hold what was detected)."""
        if isinstance(text, bytes):
            text, _enc = decode(text, path, self.config.encoding)
        lang, var = parse_language(language or "", variant or "", "check_text(language=..., variant=...)")
        return Document(path, text, language=lang or None, variant=var or None)

    def check_files(self, paths: Iterable[str | Path], *, progress: Any = None,
                    baseline: str | Path | None = None, use_review: bool = True,
                    stdin_name: str | None = None, processes: bool = False) -> Any:
        """Check files and folders as ``mtqa lint`` does; returns its result object (``findings``,
        ``suppressed``, ``documents``, ``errors``, ``skipped``, ``notes``, ``signature``).

        ``baseline`` overrides the configuration's baseline file; ``use_review=False`` ignores
        the reviewers' dismissals; ``stdin_name`` is the path standard input (``-``) is checked
        as. With ``processes=True`` the run may fan out to ``config.jobs`` worker processes, each
        loading its own engine, unless this checker's engine is already loaded (an aligner or a
        progress callback was given): that is how ``mtqa lint`` runs."""
        from mtqa.engine.runner import run

        engine = self._engine if processes else self.engine
        with self._lock:
            return run([str(p) for p in paths], self.config, engine=engine, progress=progress,
                       baseline=Path(baseline) if baseline else None, use_review=use_review,
                       stdin_name=stdin_name)

    def iter_findings(self, paths: Iterable[str | Path]) -> Iterator[Finding]:
        """The findings of :meth:`check_files`, one by one."""
        yield from self.check_files(paths).findings


_DEFAULT: dict[tuple[str, str], Checker] = {}
_DEFAULT_LOCK = threading.Lock()


def _default(language: str | None, variant: str | None) -> Checker:
    key = parse_language(language or "", variant or "", "language/variant")
    with _DEFAULT_LOCK:
        if key not in _DEFAULT:
            _DEFAULT[key] = Checker(key[0] or None, key[1] or None)
        return _DEFAULT[key]


def check_text(text: str | bytes, language: str | None = None, variant: str | None = None) -> list[Finding]:
    """Findings of ``text`` with the default checks (a shared :class:`Checker` per language)."""
    return _default(language, variant).check_text(text)


def check_files(paths: Iterable[str | Path], language: str | None = None, variant: str | None = None) -> Any:
    """:meth:`Checker.check_files` with the default checks."""
    return _default(language, variant).check_files(paths)
