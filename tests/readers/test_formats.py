"""Each reader gives the findings the same prose gives as .txt, at offsets of the original file."""

from __future__ import annotations

from tests.readers.conftest import EXPECTED, P1, P2, P3, PARAGRAPHS, assert_slices, found, said


def _txt(tmp_path, lint):
    p = tmp_path / "same.txt"
    p.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    res = lint(p)
    assert found(res) == EXPECTED  # the reference the other formats are held to
    return said(res)


def test_markdown_skips_code_front_matter_comments_and_link_targets(tmp_path, lint):
    raw = (
        "---\n"
        "title: Uma visita de de dois dias\n"
        "tags: [norte -coreano]\n"
        "---\n"
        "# Cúpula em Moscou\n"
        "\n"
        f"{P1[:40]}\n{P1[40:]}\n"  # a paragraph wrapped over two lines
        "\n"
        "<!-- nota da redação: a informacao de de ontem -->\n"
        "\n"
        f"> {P2}\n"
        "\n"
        "```text\n"
        "saida do comando de de teste com informacao\n"
        "```\n"
        "\n"
        f"Leia [a reportagem completa](<https://example.org/norte -coreano> \"de de\") e veja `de de`. {P3}\n"
    )
    p = tmp_path / "a.md"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert found(res) == EXPECTED
    assert_slices(res, p, raw)
    # Each finding is where the prose is, not in the front matter, comment, code or link.
    starts = [f.start for f in res.findings]
    assert starts == [raw.index("norte -coreano", 60), raw.index("de de", raw.index("# Cúpula")),
                      raw.index("informacao", raw.index("> "))]
    assert res.documents[0].format == "markdown"


def test_markdown_keeps_link_and_alt_text(tmp_path, lint):
    raw = ("O repórter publicou [a informacao](https://example.org/a) e a foto "
           "![o líder norte -coreano em Moscou](foto.jpg) na capa do jornal de hoje.\n")
    p = tmp_path / "b.md"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert ("S101", "norte -coreano") in found(res)
    assert ("O105", "informacao") in found(res)
    assert_slices(res, p, raw)


def test_html_text_nodes_with_entities(tmp_path, lint):
    raw = (
        "<!DOCTYPE html>\n<html><head><title>Cúpula em Moscou</title>\n"
        "<style>.de { content: 'de de' }</style>\n"
        "<script>var informacao = 'norte -coreano';</script></head>\n<body>\n"
        f"<p>{P1.replace('Moscou', '<b>Moscou</b>')}</p>\n"
        "<!-- a informacao de de -->\n"
        f"<p>{P2.replace('agência', 'ag&ecirc;ncia').replace('manhã', 'manh&atilde;')}</p>\n"
        f"<div>\n  {P3[:31]}\n  {P3[32:]}\n</div>\n"
        "</body></html>\n"
    )
    assert P3[31] == " "
    p = tmp_path / "a.html"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert said(res) == _txt(tmp_path, lint)
    assert_slices(res, p, raw)
    assert res.documents[0].format == "html"
    assert res.documents[0].prose.text == "\n\n".join(("Cúpula em Moscou", *PARAGRAPHS))


def test_po_msgstr_with_msgid_as_source(tmp_path, lint):
    raw = (
        '# Portuguese translation.\nmsgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: news.py:10\nmsgid "The North Korean leader arrived in Moscow."\n'
        f'msgstr "{P1[:30]}"\n"{P1[30:]}"\n\n'
        '#, fuzzy\nmsgid "According to the agency..."\n'
        f'msgstr "{P2}"\n\n'
        f'msgid "The president said..."\nmsgstr "{P3}"\n\n'
        '#~ msgid "Old"\n#~ msgstr "Uma visita de de ontem com informacao."\n'
    )
    p = tmp_path / "a.po"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert said(res) == _txt(tmp_path, lint)
    assert_slices(res, p, raw)
    doc = res.documents[0]
    assert [u.source for u in doc.prose.units] == [
        "The North Korean leader arrived in Moscow.", "According to the agency...",
        "The president said..."]


def test_po_escapes_map_to_their_source(tmp_path, lint):
    raw = ('msgid "a"\nmsgstr "Ele disse \\"sim\\" ao líder norte -coreano em Moscou nesta quarta-feira."\n')
    p = tmp_path / "b.po"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert ("S101", "norte -coreano") in found(res)
    assert_slices(res, p, raw)
    prose = res.documents[0].prose
    i = prose.text.index('"sim"')
    s, e = prose.offsets.span(i, i + 5)
    assert raw[s:e] == '\\"sim\\"'


def _xliff12(units: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            ' <file source-language="en" target-language="pt-BR" datatype="plaintext" original="a">\n'
            f'  <body>\n{units}  </body>\n </file>\n</xliff>\n')


def test_xliff12_targets(tmp_path, lint):
    t1 = P1.replace("norte -coreano", 'norte <g id="b">-coreano</g>')
    units = (
        '   <trans-unit id="1"><source>The North Korean leader arrived.</source>\n'
        f'    <target>{t1}</target>\n'
        '    <alt-trans><target>Uma visita de de ontem com informacao.</target></alt-trans>\n'
        '   </trans-unit>\n'
        f'   <trans-unit id="2"><source>According to the agency.</source><target>{P2.replace("ê", "&#234;")}</target></trans-unit>\n'
        f'   <trans-unit id="3"><source>The president &amp; more.</source><target><![CDATA[{P3}]]></target></trans-unit>\n'
        '   <trans-unit id="4" translate="no"><source>de de</source><target>de de</target></trans-unit>\n'
    )
    raw = _xliff12(units)
    p = tmp_path / "a.xlf"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert said(res) == _txt(tmp_path, lint)
    assert_slices(res, p, raw)
    # The span crossing the <g> tag covers it in the file, and its suggestion is not offered
    # for writing over the tag (it stays in the evidence).
    first = res.findings[0]
    assert first.text == 'norte <g id="b">-coreano'
    assert first.suggestion is None and first.evidence["prose_suggestion"] == "norte-coreano"
    assert found(res)[1:] == EXPECTED[1:]
    assert [u.source for u in res.documents[0].prose.units] == [
        "The North Korean leader arrived.", "According to the agency.", "The president & more."]


def test_xliff20_segments(tmp_path, lint):
    t2 = P2.replace(", a", ',<ph id="1"/> a')
    t3 = P3.replace("cooperação", 'coopera<cp hex="00E7"/>ão')
    raw = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="pt-BR">\n'
        ' <file id="f1">\n'
        f'  <unit id="u1"><segment><source>One.</source><target>{P1}</target></segment></unit>\n'
        f'  <unit id="u2"><segment><source>Two.</source><target>{t2}</target></segment></unit>\n'
        f'  <unit id="u3"><segment><source>Three.</source><target>{t3}</target></segment></unit>\n'
        ' </file>\n</xliff>\n'
    )
    p = tmp_path / "b.xliff"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert said(res) == _txt(tmp_path, lint)
    assert_slices(res, p, raw)


def test_crlf_file_keeps_line_and_column(tmp_path, lint):
    raw = ("<p>Primeiro parágrafo sem problemas.</p>\r\n"
           f"<p>{P1}</p>\r\n")
    p = tmp_path / "c.html"
    p.write_bytes(raw.encode("utf-8"))
    res = lint(p)
    assert found(res) == EXPECTED[:2]
    assert_slices(res, p, raw)
    assert res.findings[0].line == 2 and res.findings[0].column == 3 + P1.index("norte") + 1
