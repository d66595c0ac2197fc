"""The seed articles: every artifact the glossaries are meant to catch is flagged, with a suggestion.

Runs the real engine (`mtqa lint --isolated --language pt --variant BR seeds/`, glossary and
consistency checks) and looks each expected artifact up by file, text and (where a text occurs more
than once) its context.
"""

from __future__ import annotations

import pytest

from mtqa.core.config import Config
from mtqa.engine.runner import run
from tests.conftest import SEEDS

# (file prefix, flagged text, text that must follow it in the article — to pin the occurrence, code)
EXPECTED = [
    ("000", "Coréia", " do Norte pela primeira vez", "G103"),
    ("000", "Coréia", " do Norte pela primeira vez", "C101"),
    ("000", "Senhor Putin", " falei", "G102"),
    ("000", "Senhor Kim", " esteve", "G102"),
    ("000", "económica", " e transferências", "G104"),
    ("000", "está a agravar-se", " e a mudar", "G104"),
    ("000", "eventualmente", " voltar à frente", "G101"),
    ("000", "alinharam-se nas ruas", " para saudar", "G102"),
    ("001", "estressa", " a aliança", "G101"),
    ("001", "Moscow", " durante a visita", "G106"),
    ("001", "mídia do estado", ", enquanto", "G102"),
    ("001", "estadual", " da Coréia do Norte, KCNA", "G101"),
    ("001", "República Popular Democrata", " da Coréia", "G107"),
    ("001", "telegrama", " dos dois homens", "G105"),
    ("001", "vôos", " duas vezes por semana", "G103"),
    ("001", "Coréia", " do Norte, que forneceu tropas", "G103"),
    ("001", "venceriam a vitória", " ao realizar", "G102"),
    ("001", "tropas", " e armas para apoiar Moscou", "G102"),
    ("004", "estadual", " de Pyongyang", "G101"),
    ("004", "rodadas", " de artilharia", "G101"),
    ("004", "Coréia", " do Norte enviou milhares", "G103"),
    ("004", "confiança quente", "”", "G102"),
    ("004", "trocaram visões", " em “uma", "G102"),
    ("004", "caixões de bandeira", " do que parecia", "G102"),
]


@pytest.fixture(scope="module")
def result():
    cfg = Config(language="pt", variant="BR", select=["G", "C"], review_file="")
    return run([str(SEEDS)], cfg, use_review=False)


def _doc(result, prefix):
    return next(d for d in result.documents if d.path.rsplit("/", 1)[-1].startswith(prefix))


@pytest.mark.parametrize(("prefix", "text", "after", "code"), EXPECTED, ids=lambda v: str(v)[:24])
def test_seed_artifact_flagged_with_suggestion(result, prefix, text, after, code):
    doc = _doc(result, prefix)
    start = doc.text.index(text + after)
    # A code may be merged into another check's finding on the same span (listed in ``also``).
    hits = [f for f in result.findings if f.path == doc.path and f.start == start
            and f.end == start + len(text) and code in (f.code, *f.also)]
    assert hits, f"{code} {text!r} not flagged in {doc.path}"
    assert hits[0].suggestion and hits[0].suggestion != text


def test_every_pre_reform_spelling_in_the_pt_seeds_is_flagged(result):
    """Every word of the Portuguese seeds that hunspell pt_BR rejects and whose form without the
    pre-reform accent or diaeresis it accepts is flagged by G103."""
    enchant = pytest.importorskip("enchant")
    import re
    import unicodedata

    br = enchant.Dict("pt_BR")
    for prefix in ("000", "001", "004"):
        doc = _doc(result, prefix)
        flagged = {(f.start, f.end) for f in result.findings if f.path == doc.path and f.code == "G103"}
        for m in re.finditer(r"\w+", doc.text):
            w = m.group()
            new = w.replace("éi", "ei").replace("ói", "oi").replace("ôo", "oo").replace("êem", "eem")
            new = unicodedata.normalize("NFC", new.replace("ü", "u"))
            if new != w and not br.check(w) and br.check(new):
                assert m.span() in flagged, f"{doc.path}: {w!r} not flagged"


def test_the_english_and_italian_seeds_are_left_to_the_language_checks(result):
    """002 (Italian) and 003 (English) are detected as other languages: no glossary noise there
    (when a language detector is available)."""
    doc = _doc(result, "003")
    if doc.meta.get("detected_language") != "en":
        pytest.skip("no language detector available")
    assert not [f for f in result.findings if f.path == doc.path and f.code.startswith("G")]
