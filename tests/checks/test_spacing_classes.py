"""S110-S127: spacing and punctuation classes seen on real machine-translated pages.

The texts here are written for these tests. CLEAN holds what Portuguese news writes correctly
and a naive spacing check would flag; BAD holds one artifact of each class.
"""

from __future__ import annotations

import time

import pytest

from mtqa.checks import CheckContext
from mtqa.checks import spacing as sp
from mtqa.core.config import Config
from mtqa.core.model import Document

NEW = [c for c in sp.CHECKS if c.code >= "S110"]
ALL = list(sp.CHECKS)

CLEAN = """\
SÃO PAULO — O ex-presidente norte-americano chegou na segunda-feira (14) ao Brasil.

Por Ana Souza, de Belo Horizonte

A partida terminou 3-1 e o time (28 jogos, 17 vitórias) segue líder; a Linha 9-Esmeralda parou.
O atleta saltou 2m84cm, correu em 1min07s508 e chegou às 11h30min; a volta durou 34,508 segundos.
O período 2019-2020 e a Covid-19 mudaram o dia-a-dia; o tudo-em-um custa R$ 1.250,00 (US$ 250).
Disse-lhe que sim e vendeu-a; Kim Jong-un, Moon Jae-in e Ji-eun estiveram lá.
“Não prometemos o que não podemos cumprir”, afirmou. «Há famílias à espera», disse a deputada.
Ele falou em ‘mundo multipolar’ e na caixa d’água; o ator O’Neill e o rock ’n’ roll.
A chuva parou - e o jogo recomeçou. — Vamos embora — disse ele. —Já vou.
E então... silêncio. Que bom :) até amanhã ;) Escolha: a) sim; b) não; iv) talvez.
1) Primeiro passo
2) Segundo passo
- item com hífen
Acesse www.exemplo.com.br/noticias?id=3, escreva para contato@jornal.com.br ou baixe nota.pdf.
A biblioteca Node.js, o ASP.NET, a função main() e a chamada print(x) aparecem no código.
J. R. R. Tolkien, o Sr. Silva, a Warner Bros. e a Ltda. assinaram; o Dr. Souza e a Profa. Lima também.
O iPhone, o eBay, o WhatsApp, a JPMorgan, a BNDESPar, o PCdoB e as ONGs; a tela Ultra-HD+ e a TV+.
O pré- e o pós-operatório das micro- e pequenas empresas; o 1º lugar, a 2.ª fase, 20 °C e 5000mAh.
Os E.U.A. e a U.E.; o a.C. e o d.C.; a taxa de 3,5% e o placar 2,1; às 10:30 e o std::vector.
A palavra smartphone, a pole position, o stand-up comedy e o álbum "Let It Be" de 1970.
O facto, o Irão, as secções e o stresse; a facção e a detecção; o aluno(s) e o(a) funcionário(a).
A (re)construção da ponte e a (des)informação; a marca Coisa(R) e os itens 1,a e 2,b.
O nome chinês 北京（Pequim）aparece assim; a soma 2 + 2 e o combo Arroz + feijão.
"""

BAD = {
    "S110": ("segundo a reportagem (via Agência ), o aparelho sai", "Agência )"),
    "S111": ("o ministro falou em “ paz duradoura” ontem", "“ paz"),
    "S112": ("concluiu o programa de Apoio(PAE) no fim do ano", "Apoio(PAE)"),
    "S113": ("a treinadora avisou que\"o time vai reagir\"", 'que"o'),
    "S114": ("o clube subiu de divisão em 2019-bem antes da reforma", "2019-bem"),
    "S115": ("AOVIVOVeja a transmissão da partida", "AOVIVOVeja"),
    "S116": ("a estreia da Temporada 3além de bater o recorde", "3além"),
    "S117": ("a diária sai grátis (incl.cama) e o jogo terminou.Depois disso", "incl.cama"),
    "S118": ("a versão sai “no fim do ano”. “\nO estúdio confirmou.", "“"),
    "S119": ("o monitor exibe imagens Ultra-HD + no modo noturno", "Ultra-HD +"),
    "S120": ("o governo, , segundo a nota, recuou", ", ,"),
    "S121": ("o escritor ( ) nasceu em Lisboa", "( )"),
    "S122": ("as máquinas，segundo o relatório，cresceram", "，"),
    "S123": ("as armas chegam à frente\n. Outra frase.", "."),
    "S124": ("o ex - presidente falou na segunda - feira", "ex - presidente"),
    "S125": ("a decisão doGoverno saiu em2026", "doGoverno"),
    "S126": ("O escritor (nascido em Lisboa viveu no Porto.", "("),
    "S127": ("ficou em 1 º lugar e pagou R $ 10", "1 º"),
    "S128": ('Ele disse que "o acordo é histórico e saiu.', '"'),
    "S136": ("O plano de desenvol- vimento foi aprovado.", "desenvol- vimento"),
    "S137": ("Ele citou o livro ''Memórias'' na palestra.", "''"),
}


def _run(chk, text, language="pt", variant="BR"):
    doc = Document("t.txt", text, language=language, variant=variant)
    return list(chk.run(doc, CheckContext(Config(language=language, variant=variant))))


@pytest.mark.parametrize("variant", ["BR", "PT"])
@pytest.mark.parametrize("chk", ALL, ids=lambda c: c.code)
def test_clean_portuguese_is_silent(chk, variant):
    hits = _run(chk, CLEAN, variant=variant)
    assert hits == [], [(CLEAN[h.start:h.end], h.suggestion) for h in hits]


def test_every_new_check_has_a_bad_case():
    assert {c.code for c in NEW} == set(BAD)


@pytest.mark.parametrize("chk", NEW, ids=lambda c: c.code)
def test_each_class_fires(chk):
    text, span = BAD[chk.code]
    got = [text[h.start:h.end] for h in _run(chk, text)]
    assert span in got, got


@pytest.mark.parametrize("chk", NEW, ids=lambda c: c.code)
def test_findings_stay_inside_the_text(chk):
    text, _ = BAD[chk.code]
    for h in _run(chk, text):
        assert 0 <= h.start < h.end <= len(text)


def test_near_windows_find_what_a_full_scan_finds():
    text = ("palavra (via Fonte ) e outra " * 50) + ("x" * 500) + " que\"Roma e 2019-bem " * 20
    for rx, anchor in ((sp._SPACE_BEFORE_CLOSE, sp._CLOSE_BRACKET), (sp._GLUED_QUOTE, sp._QUOTE_BEFORE_LETTER),
                       (sp._HYPHEN_DASH, sp._DASH)):
        assert [m.span() for m in sp._near(text, anchor, rx)] == [m.span() for m in rx.finditer(text)]


def test_french_guillemets_are_not_checked_in_french():
    chk = sp.space_inside_quotes
    assert _run(chk, "il a dit « bonjour » hier", language="fr", variant="") == []
    assert _run(chk, "ele disse « olá » ontem") != []


def test_long_single_line_stays_fast():
    piece = "o programa (via Fonte ) e que\"Roma, 2019-bem, AOVIVOVeja, 3além, incl.café, doGoverno "
    text = piece * 8000  # about 700 kB on one line, 8,000 hits per class
    start = time.perf_counter()
    for chk in NEW:
        _run(chk, text)
    assert time.perf_counter() - start < 20
