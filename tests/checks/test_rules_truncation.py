"""Truncation checks (T1xx) beyond their declared examples."""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext, get_check
from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document
from mtqa.providers import Providers
from mtqa.providers.dictionary import WordSetDictionary


def _ctx(words):
    cfg = Config(language="pt", variant="BR")
    return CheckContext(cfg, Providers(cfg, {"dictionary": WordSetDictionary(words)}))


def _texts(code, text, ctx, language="pt"):
    doc = Document("t.txt", text, language=language, variant="BR")
    return [doc.text[h.start : h.end] for h in get_check(code).run(doc, ctx)]


def test_truncated_word_with_a_word_list_double():
    ctx = _ctx({"pt_BR": {"o", "setor", "turístico", "turística"}, "en_US": {"the"}})
    hits = get_check("T101").run(Document("t", "O plano do setor turísti", language="pt"), ctx)
    assert [(h.args["completion"]) for h in hits] == ["turística"]
    # Unknown word that no ending completes: a name or a foreign word, not a truncation.
    assert _texts("T101", "O plano do setor Kharkivv xyzq", ctx) == []
    # Final punctuation: the paragraph ended.
    assert _texts("T101", "O plano do setor turísti.", ctx) == []


def test_truncated_word_needs_the_language_word_list():
    ctx = _ctx({"en_US": {"the"}})
    with pytest.raises(ProviderUnavailable):
        list(get_check("T101").run(Document("t", "O setor turísti", language="pt"), ctx))


def test_dangling_label_followed_by_a_name_is_silent():
    ctx = _ctx({})
    assert _texts("T102", "Texto.\n\nReportagem:\nAna Souza e Carlos Lima", ctx) == []
    assert _texts("T102", "Texto.\n\nReportagem:", ctx) == ["Reportagem:"]
    assert _texts("T102", "Texto.\n\nPor", ctx) == []  # a one-word label needs its colon


def test_list_numbers_in_order_are_silent():
    ctx = _ctx({})
    assert _texts("T104", "Passos:\n1) Abrir.\n2) Fechar.\n3) Sair.", ctx) == []
    assert _texts("T104", "Passos: (1) abrir; (2) fechar. (3) Sair.", ctx) == []
    assert _texts("T104", "O método funciona. (4) O resultado melhora.", ctx) == ["(4)"]


def test_paragraph_ending_on_a_function_word_needs_length():
    ctx = _ctx({})
    assert _texts("T105", "Reação do governo e da\n\nO texto.", ctx) == []  # a short heading
    long_ = ("O governo anunciou um plano de obras para as capitais e disse que o início será "
             "em março ou em")
    assert _texts("T105", long_ + "\n\nOutro parágrafo.", ctx) == ["em"]


def test_empty_credit_in_brackets_and_at_a_line_end():
    ctx = _ctx({})
    assert _texts("T106", "A ponte foi aberta. (Foto: )", ctx) == ["(Foto: )"]
    assert _texts("T106", "A ponte foi aberta. Foto: Ana Lima", ctx) == []
