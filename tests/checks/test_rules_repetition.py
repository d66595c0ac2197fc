"""Repetition checks (D1xx) beyond their declared examples."""

from __future__ import annotations

from mtqa.checks import get_check
from mtqa.core.model import Document
from tests.checks._rules import run_checks


def _run(code: str, text: str, language: str = "pt"):
    doc = Document("t.txt", text, language=language, variant="BR")
    return [(line, t) for _, line, t in run_checks(doc, [get_check(code)])[0]]


def test_title_repeated_with_and_without_site_suffix():
    text = "Acordo histórico é assinado em Pyongyang – Jornal X\n\nAcordo histórico é assinado em Pyongyang\n"
    assert _run("D101", text) == [(3, "Acordo histórico é assinado em Pyongyang")]


def test_short_lines_may_repeat():
    assert _run("D101", "E agora?\n\nTexto.\n\nE agora?\n") == []


def test_stutter_of_three_words_cut_short():
    assert _run("D102", "O presidente Luiz Inácio Lula Luiz Inácio L falou.") == [(1, "Luiz Inácio L")]


def test_lower_case_words_are_not_taken_as_cut_short():
    assert _run("D102", "Ele fez um acordo de acordo de a lei.") == []


def test_doubled_word_exceptions_are_per_language():
    assert _run("D103", "He said that that was wrong.", language="en") == []
    assert _run("D103", "Disse que that that era errado.", language="pt") == [(1, "that that")]
    assert _run("D103", "Se se confirmar, vai chover.", language="pt") == []


def test_doubled_word_across_a_line_break_is_not_flagged():
    assert _run("D103", "Ele falou de\nde novo.") == []


def test_repeated_line_ignores_case_markers_and_final_dots():
    from mtqa.checks import get_check
    from mtqa.core.model import Document
    from tests.checks._rules import run_checks

    doc = Document("t.txt", "Putin visita a Coreia do Norte\n\n## PUTIN VISITA A COREIA DO NORTE.\n",
                   language="pt", variant="BR")
    hits, _ = run_checks(doc, [get_check("D101")])
    assert [(line, t) for _, line, t in hits] == [(3, "## PUTIN VISITA A COREIA DO NORTE.")]


def test_contents_label_followed_by_prose_is_silent():
    from mtqa.checks import get_check
    from mtqa.core.model import Document
    from tests.checks._rules import run_checks

    text = ("Índice\n\nO índice de preços subiu 0,4% em maio, segundo o IBGE, puxado pelos "
            "alimentos e pela energia elétrica.\n")
    hits, _ = run_checks(Document("t.txt", text, language="pt", variant="BR"), [get_check("D107")])
    assert hits == []
