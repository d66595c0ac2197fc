"""Capitalization checks (U1xx) beyond their declared examples."""

from __future__ import annotations

from mtqa.checks import CheckContext, get_check
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.providers import Providers
from mtqa.providers.dictionary import WordSetDictionary
from tests.checks._rules import run_checks


def _run(code: str, text: str, language: str = "pt", ctx=None):
    doc = Document("t.txt", text, language=language, variant="BR")
    return [(line, t) for _, line, t in run_checks(doc, [get_check(code)], ctx)[0]]


def test_function_words_come_from_the_language_data():
    it = "Il presidente ha parlato Nella capitale con i ministri."
    assert _run("U101", it, language="it") == [(1, "Nella")]
    # The same sentence checked as Portuguese: "Nella" is no Portuguese function word.
    assert _run("U101", it, language="pt") == []


def test_language_without_data_is_silent():
    assert _run("U101", "Kim met Lavrov On the coast.", language="de") == []


def test_after_colon_dash_and_bracket_is_a_sentence_start():
    text = "Ele resumiu: Na prática, nada muda. O plano — Na verdade, dois — saiu (Em tese, hoje)."
    assert _run("U101", text) == []


def test_common_word_check_is_opt_in():
    assert get_check("U102").default is False


def test_common_word_check_with_a_word_list_double():
    cfg = Config(language="pt", variant="BR")
    words = {"pt_BR": {"ofensivo", "meio", "da", "de", "no"}}
    ctx = CheckContext(cfg, Providers(cfg, {"dictionary": WordSetDictionary(words)}))
    text = "Os laços cresceram no meio de Ofensivo da Rússia."
    assert _run("U102", text, ctx=ctx) == [(1, "Ofensivo")]
    # Written the same way twice in the document: taken as a name.
    twice = text + " A Ofensivo respondeu."
    assert _run("U102", twice, ctx=ctx) == []
