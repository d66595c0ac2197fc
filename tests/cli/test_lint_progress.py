"""Round-trip progress: `mtqa lint --roundtrip` reports "file i/n, sentence j/m" on a terminal."""

from __future__ import annotations

import io

import pytest

from mtqa.checks import CheckContext
from mtqa.checks import roundtrip as rt
from mtqa.cli.lint import ProgressBar
from mtqa.core.config import Config
from mtqa.core.text import load_document
from mtqa.providers import Providers
from mtqa.providers.cache import MemoryCache
from mtqa.providers.translate import FakeTranslator, TranslationService

SENTENCES = [f"O ministro {n} falou com os jornalistas na capital do país." for n in range(1, 14)]
LONG = " ".join(SENTENCES) + "\n"
OTHER = "A ministra falou com os jornalistas no aeroporto.\n"


class Tty(io.StringIO):
    def isatty(self):
        return True


def _service(jobs: int = 1) -> TranslationService:
    return TranslationService(FakeTranslator(), MemoryCache(), jobs=jobs)


def test_sentence_progress_draws_file_and_sentence_counts():
    s = Tty()
    bar = ProgressBar(s, min_interval=0)
    bar.files_total = 3
    bar.sentences("a.txt", 4, 10)
    assert "file 1/3, sentence 4/10 a.txt" in s.getvalue()
    bar(1, 3, "a.txt")
    bar.sentences("b.txt", 10, 10)
    out = s.getvalue()
    assert "file 2/3, sentence 10/10 b.txt" in out
    # Two of three files done: the bar is two-thirds full.
    assert "[" + "#" * 20 + "." * 10 + "]" in out.rsplit("\r", 1)[-1]
    bar.close()
    assert s.getvalue().endswith("\r")
    quiet = io.StringIO()
    bar = ProgressBar(quiet, min_interval=0)
    bar.sentences("a.txt", 1, 2)
    assert quiet.getvalue() == ""


def test_sentence_progress_is_throttled_but_always_shows_the_end():
    s = Tty()
    bar = ProgressBar(s, min_interval=3600)
    bar.sentences("a.txt", 0, 5)  # first draw: the clock starts far from 0
    for j in range(1, 5):
        bar.sentences("a.txt", j, 5)
    assert "sentence 3/5" not in s.getvalue()
    bar.sentences("a.txt", 5, 5)
    assert "sentence 5/5" in s.getvalue()


@pytest.mark.parametrize("jobs", [1, 2])
def test_round_trip_reports_each_step_and_keeps_the_result(jobs):
    service = _service(jobs)
    texts = [f"frase {i}" for i in range(11)]
    calls = []
    forth, back = rt._round_trip(service, texts, "pt", "en", lambda *a: calls.append(a), "x.txt")
    assert (forth, back) == _service(jobs).round_trip(texts, "pt", "en")
    step = jobs * rt.PROGRESS_STEP
    want = [0, *range(step, 11, step), 11]
    assert calls == [("x.txt", j, 11) for j in want]
    # Without a callback: one call for the whole document, as before.
    assert rt._round_trip(service, texts, "pt", "en", None, "x.txt") == (forth, back)


def test_document_trip_reports_through_ctx_progress(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    cfg = Config(language="pt", variant="BR")
    prov = Providers(cfg, {"translator": _service(1)})
    ctx = CheckContext(cfg, prov)
    calls = []
    ctx.progress = lambda *a: calls.append(a)
    doc = load_document(path, language="pt", variant="BR")
    trip = rt.document_trip(doc, ctx)
    m = len(trip.sentences)
    assert m == len(SENTENCES)
    assert calls[0] == (doc.path, 0, m) and calls[-1] == (doc.path, m, m)
    assert [c[1] for c in calls] == sorted({0, *range(rt.PROGRESS_STEP, m, rt.PROGRESS_STEP), m})


def test_lint_roundtrip_shows_sentence_progress(monkeypatch, tmp_path):
    """End to end through the CLI with the fake translator: `--progress` forces the bar (as on a
    terminal); every step of the round trip reaches it; without a terminal nothing is drawn."""
    from click.testing import CliRunner

    from mtqa.cli import lint as lint_mod
    from mtqa.providers import translate

    (tmp_path / "a.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    services = []

    def fake_from_config(config):
        services.append(_service(1))
        return services[-1]

    monkeypatch.setattr(translate, "from_config", fake_from_config)
    seen = []
    original = ProgressBar.sentences

    def spy(self, path, done, total):
        seen.append((path.rsplit("/", 1)[-1], done, total))
        original(self, path, done, total)

    monkeypatch.setattr(ProgressBar, "sentences", spy)
    args = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--roundtrip", "--isolated",
            "--language", "pt", "--variant", "BR", "--select", "R", "--exit-zero"]
    r = CliRunner().invoke(lint_mod.lint, [*args, "--progress"])
    assert r.exit_code == 0, r.output
    m = len(SENTENCES)
    assert [x for x in seen if x[0] == "a.txt"] == [("a.txt", j, m) for j in sorted({0, *range(rt.PROGRESS_STEP, m, rt.PROGRESS_STEP), m})]
    assert ("b.txt", 1, 1) in seen
    assert services and services[0].translated == 2 * (m + 1)  # every sentence, both directions
    assert f"file 1/2, sentence {m}/{m}" in r.stderr and "file 2/2, sentence 1/1" in r.stderr

    seen.clear()
    r = CliRunner().invoke(lint_mod.lint, args)  # stderr is not a terminal: no bar
    assert r.exit_code == 0, r.output
    assert seen == [] and "\r[" not in r.stderr
