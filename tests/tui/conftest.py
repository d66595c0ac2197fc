"""Fixtures for the review UI: a folder of small articles, checks declared here (so the tests do
not move when the real checks change), and a fake round trip that never loads a model."""

from __future__ import annotations

import asyncio
import inspect
import re
import time
from pathlib import Path

import pytest

from mtqa.checks.base import Hit, check
from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Severity
from mtqa.engine.runner import Engine
from mtqa.providers import Providers

ARTICLES = {
    "a.txt": (
        "O líder norte -coreano recebeu o Senhor Putin em Pyongyang.\n"
        "\n"
        "A mídia do estado disse que o Senhor Putin falou com Kim durante duas horas.\n"
    ),
    "b.txt": (
        "Consulte Mais informação:\n"
        "O presidente, comprometendo -se a ajudar, viajou ontem.\n"
    ),
    "c.txt": "Um texto limpo, sem nenhum problema para revisar.\n",
}


@check("X901", "test-spaced-hyphen", Severity.WARNING, category="spacing_punctuation",
       message="Space before the hyphen: '{text}'")
def spaced_hyphen(doc, ctx):
    """A space before a joining hyphen (test check)."""
    for m in re.finditer(r"(?<=\w)( +-)(?=\w)", doc.text):
        yield Hit(m.start(1), m.end(1), suggestion="-")


@check("X902", "test-senhor", Severity.ERROR, category="calque", message="'{text}' is a calque")
def senhor(doc, ctx):
    """'Senhor' before a name (test check, no suggestion)."""
    for m in re.finditer(r"\bSenhor\b", doc.text):
        yield Hit(m.start(), m.end())


@check("X903", "test-more-info", Severity.INFO, category="boilerplate",
       message="Related-links label")
def more_info(doc, ctx):
    """A related-links label (test check)."""
    for m in re.finditer(r"^Consulte Mais informação:$", doc.text, re.M):
        yield Hit(m.start(), m.end(), suggestion="")


TEST_CHECKS = (spaced_hyphen, senhor, more_info)

#: Seconds the fake round trip takes (it sleeps, releasing the GIL like the real translator): long
#: enough that a key handled while it runs is handled before it ends, even on a loaded machine.
ROUNDTRIP_SECONDS = 2.0


@check("R901", "test-roundtrip", Severity.INFO, category="quality",
       message="Round trip changed '{text}'")
def fake_roundtrip(doc, ctx):
    """A round trip that repairs 'falou' (test double of the round-trip checks)."""
    time.sleep(ROUNDTRIP_SECONDS)
    sent = doc.sentences[0]
    m = re.search(r"\w+$", sent.text.rstrip("."))
    if m:
        yield Hit(sent.start + m.start(), sent.start + m.end(), suggestion="Pionguiangue",
                  evidence={"round_trip": sent.text.replace("Senhor Putin", "presidente Putin"),
                            "pivot": "The North Korean leader received Mr Putin in Pyongyang.",
                            "chrf": 71.5, "bleu": 48.2})


@check("R902", "test-roundtrip-offline", Severity.INFO, category="quality", message="never")
def offline_roundtrip(doc, ctx):
    """A round trip whose translator is missing."""
    raise ProviderUnavailable("no pt-en model here")
    yield  # pragma: no cover


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests in a fresh event loop (no async plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch):
    """Freeze cursor blinking so screenshots do not depend on timing."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MTQA_REVIEW_FILE", raising=False)
    return tmp_path


@pytest.fixture
def config() -> Config:
    return Config(language="pt", variant="BR")


@pytest.fixture
def make(workdir, config):
    """``make(paths=..., roundtrip=..., **config overrides)`` -> a ReviewApp with test checks."""
    from mtqa.tui.app import make_app

    def build(paths=("a.txt", "b.txt", "c.txt"), roundtrip=(fake_roundtrip,), keymap=None,
              glossary=None, extra_checks=()):
        if keymap:
            config.tui.keymap = keymap
        # no language detector: the documents' language is configured
        providers = Providers(config, overrides={"langid": None})
        engine = Engine(config, checks=[*TEST_CHECKS, *extra_checks], providers=providers)
        rt = (Engine(config, checks=list(roundtrip), providers=providers)
              if roundtrip is not None else None)
        return make_app(list(paths), config, engine=engine, roundtrip_engine=rt, glossary=glossary)

    return build


async def wait_for(pilot, predicate, timeout: float = 5.0) -> None:
    """Pause until ``predicate()`` holds (the app's workers run in threads)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.01)


async def ready(pilot) -> None:
    """Wait until the first document is shown with its findings."""
    app = pilot.app
    await wait_for(pilot, lambda: getattr(app.screen, "shown_doc", None) is not None)
    await pilot.pause()
