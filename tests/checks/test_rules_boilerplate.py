"""Boilerplate checks (B1xx) beyond their declared examples."""

from __future__ import annotations

from mtqa.checks import get_check
from mtqa.core.model import Document
from tests.checks._rules import run_checks


def _run(code: str, text: str, language: str = "pt"):
    doc = Document("t.txt", text, language=language, variant="BR")
    return [(line, t) for _, line, t in run_checks(doc, [get_check(code)])[0]]


def test_related_links_stop_at_the_next_real_paragraph():
    text = (
        "Primeiro parágrafo do texto.\n"
        "Leia mais:\n"
        "Governo anuncia pacote\n"
        "Oposição critica calendário\n"
        "O debate ocorre em meio à renegociação da dívida, estimada em R$ 160 bilhões.\n"
        "Último parágrafo curto sem ponto\n"
    )
    assert _run("B102", text) == [
        (2, "Leia mais:"), (3, "Governo anuncia pacote"), (4, "Oposição critica calendário")
    ]


def test_related_label_without_headlines_is_silent():
    assert _run("B102", "Leia mais:\nO texto segue normalmente, com um ponto final.") == []


def test_comment_form_of_another_language_fires_in_a_portuguese_article():
    assert _run("B101", "Texto em português.\nLascia un commento\nDeja un comentario") == [
        (2, "Lascia un commento"), (3, "Deja un comentario")
    ]


def test_seo_lines_must_end_the_text_and_be_three_or_more():
    two = "Texto.\n\nglobo com ao vivo\n\njornal da globo\n"
    assert _run("B107", two) == []
    middle = "Texto.\n\nglobo com ao vivo\no globo jornal\njornal da globo\n\nOutro parágrafo."
    assert _run("B107", middle) == []
    headings = "Texto.\n\nReação dos mercados\n\nAgenda cheia\n\nA torcida\n"
    assert _run("B107", headings) == []


def test_whitespace_only_lines_are_not_lone_punctuation():
    assert _run("B106", "Texto.\n\u00a0\n \nFim.") == []


def test_navigation_marker_must_be_in_capitals():
    assert _run("B103", "Next week the council meets again", language="en") == []
    assert _run("B103", "NEXT Council meets again next week", language="en") == [
        (1, "NEXT Council meets again next week")
    ]


def test_reading_time_inside_a_byline_line():
    assert _run("B104", "Por Ana Souza · 5 min de leitura\n\nTexto.") == [(1, "5 min de leitura")]


def test_new_phrase_tables_are_valid_regular_expressions():
    import re

    from mtqa.checks.data import per_language

    for key in ("widget_line", "widget_prompt", "media_prompt", "credit_line", "disclaimer",
                "cookie_banner", "wiki_line"):
        for items in per_language("boilerplate", key).values():
            for rx in items:
                re.compile(rx)


def test_read_more_label_fires_as_a_button_not_as_a_label_before_prose():
    prose = "O texto segue normalmente, com um ponto final e palavras suficientes para ser prosa."
    assert _run("B111", f"Primeiro parágrafo.\nLeia mais\n{prose}") == [(2, "Leia mais")]
    assert _run("B111", f"Primeiro parágrafo.\nLeia mais:\n{prose}") == []


def test_photo_credit_needs_a_credit_shape():
    assert _run("B113", "PARIS, 3 fev (Reuters) - O euro subiu 1%.") == []
    assert _run("B113", "A agência (AFP) informou o horário.") == []
    assert _run("B113", "O ministro chega. (Foto: Ana Lima)") == [(1, "(Foto: Ana Lima)")]


def test_stray_line_needs_running_text_on_both_sides():
    prose = "O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país."
    assert _run("B120", f"mais vistos da semana\n\n{prose}") == []
    assert _run("B120", f"{prose}\n\nmais vistos da semana\n\n{prose}") == [(3, "mais vistos da semana")]
