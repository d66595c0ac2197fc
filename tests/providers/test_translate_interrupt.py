"""Interrupting a round trip (Ctrl-C) keeps every batch already translated in the cache."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from mtqa.providers.cache import TranslationCache
from mtqa.providers.translate import FakeTranslator, TranslationService

TEXTS = [f"Frase número {i} do artigo." for i in range(12)]


def upper(text: str) -> str:
    return text.upper()


class CountingCache(TranslationCache):
    """The SQLite cache, counting the batches written."""

    def __init__(self, path) -> None:
        super().__init__(path)
        self.batches = 0
        self.written = threading.Condition()

    def put_many(self, *args, **kwargs) -> None:
        super().put_many(*args, **kwargs)
        with self.written:
            self.batches += 1
            self.written.notify_all()


class InterruptedTranslator(FakeTranslator):
    """Translates the first ``ok`` batches, then raises KeyboardInterrupt (as Ctrl-C would)."""

    def __init__(self, ok: int) -> None:
        super().__init__({("pt", "en"): upper})
        self.ok = ok
        self.batches = 0
        self.lock = threading.Lock()

    def translate_batch(self, texts, source, target):
        with self.lock:
            self.batches += 1
            n = self.batches
        if n > self.ok:
            raise KeyboardInterrupt
        return super().translate_batch(texts, source, target)


def _rerun(path) -> tuple[int, list[str]]:
    """A fresh process's view: a new cache object on the same file, a translator that works."""
    fresh = FakeTranslator({("pt", "en"): upper})
    out = TranslationService(fresh, TranslationCache(path), jobs=1, batch=2).translate(TEXTS, "pt", "en")
    return fresh.calls, out


def test_interrupt_keeps_finished_batches_sequential(tmp_path):
    path = tmp_path / "t.sqlite3"
    cache = CountingCache(path)
    service = TranslationService(InterruptedTranslator(ok=3), cache, jobs=1, batch=2)
    with pytest.raises(KeyboardInterrupt):
        service.translate(TEXTS, "pt", "en")
    assert cache.batches == 3
    cached = TranslationCache(path).get_many("fake", "fake-1", "pt", "en", TEXTS)
    assert sorted(cached) == sorted(TEXTS[:6]) and all(v == k.upper() for k, v in cached.items())
    calls, out = _rerun(path)
    assert calls == len(TEXTS) - 6  # only the texts of the batches that never finished
    assert out == [t.upper() for t in TEXTS]


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs POSIX signals")
def test_ctrl_c_during_threaded_round_trip_keeps_stored_batches(tmp_path):
    """A real SIGINT reaches the main thread while the pool translates; what the pool finished
    and the service stored before it stays in the cache, and a rerun translates only the rest."""
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is not handled by Python's default handler here")
    path = tmp_path / "t.sqlite3"
    cache = CountingCache(path)
    release = threading.Event()

    class SlowAfterTwo(FakeTranslator):
        def __init__(self) -> None:
            super().__init__({("pt", "en"): upper})
            self.n = 0
            self.lock = threading.Lock()

        def translate_batch(self, texts, source, target):
            with self.lock:
                self.n += 1
                n = self.n
            if n == 3:
                # Two batches are done: wait until they are stored, then press Ctrl-C.
                with cache.written:
                    cache.written.wait_for(lambda: cache.batches >= 2, timeout=10)
                os.kill(os.getpid(), signal.SIGINT)
            if n >= 3:
                release.wait(10)  # the remaining batches are still running when Ctrl-C lands
            return super().translate_batch(texts, source, target)

    service = TranslationService(SlowAfterTwo(), cache, jobs=2, batch=2)
    try:
        with pytest.raises(KeyboardInterrupt):
            service.translate(TEXTS, "pt", "en")
            time.sleep(10)  # not reached unless the interrupt came late
    finally:
        release.set()
        service.close()
    stored = TranslationCache(path).get_many("fake", "fake-1", "pt", "en", TEXTS)
    assert len(stored) == 4 and all(v == k.upper() for k, v in stored.items())
    time.sleep(0.2)  # let the released workers finish: their results were dropped, not stored
    calls, out = _rerun(path)
    assert calls == len(TEXTS) - 4
    assert out == [t.upper() for t in TEXTS]
