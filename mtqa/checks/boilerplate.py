"""Scraped page furniture (B1xx): comment forms, related links, navigation, widgets, SEO lines.

Article text taken from web pages keeps the page around it: the comment form, the "read more"
links, previous/next navigation, reading-time widgets, share buttons, lone punctuation left from
list markup, and keyword lines added for search engines. None of it belongs to the article. The
phrases are data (``mtqa/checks/data/boilerplate.yaml``), per language; the shapes (a whole line,
a label followed by headlines, a run of keyword lines at the end) are the rules.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import all_languages, per_language
from mtqa.core.model import Document, Segment, Severity

_ARROWS = "«»‹›←→<>|/·•"
_FINAL = ".!?…;,:"


def _phrase_rx(phrase: str) -> str:
    return r"\s+".join(re.escape(p) for p in phrase.split())


@cache
def _alt(key: str) -> str:
    """One regex alternation of every phrase of a list, longest first."""
    phrases = sorted(all_languages("boilerplate", key), key=len, reverse=True)
    return "|".join(_phrase_rx(p) for p in phrases)


@cache
def _whole_line(key: str, tail: str = r"[!.:]?") -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt(key)})\s*{tail}", re.IGNORECASE)


def _stripped(line: Segment) -> tuple[int, int, str]:
    """Offsets and text of a line without surrounding whitespace (NBSP included)."""
    t = line.text
    a = len(t) - len(t.lstrip())
    b = len(t.rstrip())
    return line.start + a, line.start + b, t[a:b]


#: The trimmed non-blank lines of each document, shared by the checks of this module.
_NONBLANK: weakref.WeakKeyDictionary[Document, tuple[tuple[int, int, str, int], ...]] = (
    weakref.WeakKeyDictionary()
)


def _nonblank(doc: Document) -> tuple[tuple[int, int, str, int], ...]:
    """Non-blank lines as (start, end, text, line index), trimmed (computed once per document)."""
    out = _NONBLANK.get(doc)
    if out is None:
        found = []
        for i, line in enumerate(doc.lines):
            a, b, t = _stripped(line)
            if t:
                found.append((a, b, t, i))
        out = _NONBLANK[doc] = tuple(found)
    return out


def _words(text: str) -> int:
    return len(text.split())


# --- B101 comment forms ---------------------------------------------------------------------------


@check(
    "B101", "comment-form", Severity.WARNING,
    category="boilerplate",
    message="Comment-form text scraped with the article: '{text}'",
    examples=[
        bad("Lavrov elogiou Wonsan.\n\n[[LEAVE A REPLY]]\n\n[[Please enter your comment!]]\n"
            "[[Please enter your name here]]"),
        bad("Fim do texto.\n[[Deixe um comentário]]\n[[Cancelar resposta]]"),
        bad("Fine dell'articolo.\n[[Lascia un commento]]"),
        bad("Fin del artículo.\n[[Deja una respuesta]]"),
        good("Os leitores podem deixar um comentário no site do jornal até sexta-feira."),
        good("“Deixe um comentário”, pediu o apresentador ao encerrar o programa."),
    ],
)
def comment_form(doc: Document, ctx) -> Iterator[Hit]:
    """A line that is the text of a web page's comment form.

    ## Why it matters
    Scrapers keep the form under the article (`LEAVE A REPLY`, `Please enter your comment!`,
    `Deixe um comentário`); published inside a translated article it is junk, often in another
    language.

    ## What fires
    A whole line equal to one of the comment-form phrases of any language (case and spacing
    ignored, a final `!`, `.` or `:` allowed). The same words inside a sentence stay silent.
    """
    rx = _whole_line("comment_form")
    for a, b, t, _ in _nonblank(doc):
        if len(t) < 80 and rx.fullmatch(t):
            yield Hit(a, b, suggestion="")


# --- B102 related-link blocks -----------------------------------------------------------------------


def _headline_like(t: str) -> bool:
    """A short line without sentence-final punctuation, starting with a capital or digit."""
    if not t or t[-1] in _FINAL or not (t[0].isupper() or t[0].isdigit() or t[0] in "“\"'‘«"):
        return False
    return 2 <= _words(t) <= 18


@cache
def _label_inline() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('related_label')})\s*:\s*(?P<rest>.+)", re.IGNORECASE)


@check(
    "B102", "related-links", Severity.WARNING,
    category="boilerplate",
    message="Related-links block scraped with the article: '{text}'",
    examples=[
        bad("O líder falou com a imprensa.\n[[Consulte Mais informação:]]\n"
            "[[Análise: Putin visita diplomata a dois dedos do Ocidente]]\n"
            "[[Tiros de alerta após soldados cruzarem a fronteira]]\n"
            "A Coreia do Norte está sob pesadas sanções do Conselho de Segurança."),
        bad("Texto.\n\n[[Leia também:]]\n\n[[Governo anuncia novo pacote de medidas]]\n\n"
            "O ministro falou depois."),
        bad("Fine.\n[[Leggi anche: Il governo approva la manovra]]\nIl testo prosegue qui con altro."),
        good("Saiba mais: o programa oferece bolsas para estudantes de baixa renda."),
        good("Leia mais sobre o caso na edição de domingo, que traz uma entrevista com o juiz."),
        good("Como reagiram os vizinhos?\n\nO governo da Coreia do Sul convocou uma reunião."),
    ],
)
def related_links(doc: Document, ctx) -> Iterator[Hit]:
    """A "read more" label and the related-article headlines listed after it.

    ## Why it matters
    Related-link widgets (`Consulte Mais informação:`, `Leia mais:`, `Read more:`, `Leggi
    anche:`) are page furniture: their headlines point to other articles and break the text.

    ## What fires
    A line that is only a label (colon optional), and each following line that looks like a
    headline (short, starts with a capital, no final punctuation) up to the next real paragraph
    or blank-separated sentence. A label followed on the same line by one headline also fires. A
    label followed by a sentence ending in a period stays silent.
    """
    label_only = _whole_line("related_label", r":?")
    label_inline = _label_inline()
    lines = _nonblank(doc)
    i = 0
    while i < len(lines):
        a, b, t, _ = lines[i]
        if len(t) <= 40 and label_only.fullmatch(t):
            heads = []
            j = i + 1
            while j < len(lines) and len(heads) < 8 and _headline_like(lines[j][2]):
                heads.append(lines[j])
                j += 1
            if heads:
                label = t
                yield Hit(a, b, suggestion="", message=f"Related-links label '{label}'")
                for ha, hb, ht, _ in heads:
                    yield Hit(ha, hb, suggestion="",
                              message=f"Related-link headline after '{label}': '{ht}'")
                i = j
                continue
        m = label_inline.fullmatch(t)
        if m and _headline_like(m.group("rest")):
            yield Hit(a, b, suggestion="")
        i += 1


# --- B103 previous/next navigation ------------------------------------------------------------------


@cache
def _nav_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    markers = sorted(all_languages("boilerplate", "nav_marker"), key=len, reverse=True)
    lines = sorted(all_languages("boilerplate", "nav_line"), key=len, reverse=True)
    arrows = re.escape(_ARROWS)
    # Upper-case marker then a headline: "PREV Cherquis Bialo ha denunciato ...".
    upper = "|".join(re.escape(m.upper()) for m in markers)
    marker_rx = re.compile(rf"[{arrows}\s]*(?:{upper})\b(?:[\s{arrows}:]+\S.*)?")
    alt = "|".join(_phrase_rx(p) for p in lines)
    line_rx = re.compile(rf"[{arrows}\s]*(?:{alt})[\s{arrows}]*", re.IGNORECASE)
    return marker_rx, line_rx


@check(
    "B103", "prev-next-navigation", Severity.WARNING,
    category="boilerplate",
    message="Previous/next navigation scraped with the article: '{text}'",
    examples=[
        bad("Fim.\n\n[[PREV Cherquis Bialo ha denunciato le minacce]]\n"
            "[[NEXT La parola di Tronco dopo lo scandalo]]"),
        bad("Fim do texto.\n[[« Previous]]\n[[Next »]]"),
        bad("Fim do texto.\n[[Próximo artigo]]"),
        bad("Fim do texto.\n[[ANTERIOR]]"),
        good("Próximo passo: o governo vai enviar o projeto ao Congresso."),
        good("O próximo jogo será no domingo.\nAnterior ao acordo, houve tensão."),
        good("NEXT é a sigla do programa de intercâmbio da universidade."),
    ],
)
def prev_next_navigation(doc: Document, ctx) -> Iterator[Hit]:
    """A previous/next navigation line (`PREV …`, `NEXT …`, `« Previous`, `Próximo artigo`).

    ## Why it matters
    Navigation links to the neighbouring articles are page furniture, with headlines that have
    nothing to do with the text.

    ## What fires
    A line opened by a navigation marker written in capitals (`PREV`, `NEXT`, `ANTERIOR`,
    `PRÓXIMO`, ...) followed by a headline without final period, or a line that is only a
    navigation phrase (`Previous`, `Próximo artigo`), arrows allowed. Sentences that start with
    `Próximo` or mention the words stay silent.
    """
    marker_rx, line_rx = _nav_patterns()
    for a, b, t, _ in _nonblank(doc):
        if len(t) > 200:
            continue
        if line_rx.fullmatch(t):
            yield Hit(a, b, suggestion="")
        elif marker_rx.fullmatch(t):
            rest = t.split(None, 1)[1] if len(t.split(None, 1)) > 1 else ""
            # A defining sentence ("NEXT é a sigla ...") ends with a period; a link does not
            # (an ellipsis or a closing quote is fine).
            if rest and rest[-1] == "." and not rest.endswith("..."):
                continue
            if rest and rest.split()[0].islower():
                continue
            yield Hit(a, b, suggestion="")


# --- B104 reading-time widgets ---------------------------------------------------------------------


@cache
def _reading_rx() -> re.Pattern[str]:
    alts = [p.replace("N", r"\d{1,3}") for p in all_languages("boilerplate", "reading_time")]
    return re.compile("|".join(f"(?:{p})" for p in alts), re.IGNORECASE)


@check(
    "B104", "reading-time", Severity.WARNING,
    category="boilerplate",
    message="Reading-time widget scraped with the article: '{text}'",
    examples=[
        bad("June 19, 2024\n[[4 mins read]]\nRussia and North Korea sign a deal."),
        bad("Por Ana Souza | [[Leitura: 3 min]]\n\nO texto começa aqui."),
        bad("[[3 min de leitura]]\nO texto começa aqui."),
        bad("[[Tempo di lettura: 5 minuti]]\nIl testo."),
        good("O vídeo tem 4 minutos de duração e foi visto por milhões."),
        good("A leitura do relatório levou 3 minutos de leitura em voz alta, disse o deputado."),
    ],
)
def reading_time(doc: Document, ctx) -> Iterator[Hit]:
    """A reading-time widget (`4 mins read`, `Leitura: 3 min`, `3 min de leitura`).

    ## Why it matters
    The estimate belongs to the page header, not to the article.

    ## What fires
    A reading-time phrase on a short line (ten words or fewer) that does not end as a sentence.
    """
    rx = _reading_rx()
    for a, _b, t, _ in _nonblank(doc):
        if _words(t) > 10 or t[-1] in "!?" or (t.endswith(".") and not rx.fullmatch(t)):
            continue
        for m in rx.finditer(t):
            yield Hit(a + m.start(), a + m.end(), suggestion="")


# --- B105 follow/share prompts ---------------------------------------------------------------------


@cache
def _follow_rx() -> re.Pattern[str]:
    alts = all_languages("boilerplate", "follow_share")
    return re.compile(r"(?:" + "|".join(f"(?:{p})" for p in alts) + r")\s*[!.:]?", re.IGNORECASE)


@check(
    "B105", "follow-share-prompt", Severity.WARNING,
    category="boilerplate",
    message="Follow/share prompt scraped with the article: '{text}'",
    examples=[
        bad("Fine.\n\u00a0\n[[For Latest Updates Follow us on Google News]]\n\u00a0\n"),
        bad("Fim do texto.\n[[Siga-nos no Instagram]]\n[[Compartilhe]]"),
        bad("End.\n[[Share this article]]"),
        good("Compartilhe sua opinião nos comentários, pediu a emissora aos telespectadores."),
        good("Os torcedores foram convidados a seguir o clube nas redes sociais."),
    ],
)
def follow_share(doc: Document, ctx) -> Iterator[Hit]:
    """A follow-us or share prompt (`Follow us on Google News`, `Siga-nos no …`, `Compartilhe`).

    ## Why it matters
    Social buttons and follow prompts are page furniture; in a translated article they are
    usually left in the page's language.

    ## What fires
    A whole line (twelve words or fewer) that is a follow or share prompt of any language.
    """
    rx = _follow_rx()
    for a, b, t, _ in _nonblank(doc):
        if _words(t) <= 12 and rx.fullmatch(t):
            yield Hit(a, b, suggestion="")


# --- B106 lone punctuation lines -------------------------------------------------------------------

_LONE = re.compile(r"[.\-*•·–—_|,;:~=+#]")


@check(
    "B106", "lone-punctuation-line", Severity.WARNING,
    category="boilerplate",
    message="Line with nothing but '{text}'",
    examples=[
        bad("[[.]]\nVladimir Putin e Kim Jong Un prometeram ajudar-se.\n[[.]]"),
        bad("Texto.\n\n[[-]]\n\nPREV"),
        bad("Texto.\n[[*]]\nMais texto."),
        good("Primeira parte.\n\n***\n\nSegunda parte."),
        good("Primeira parte.\n\n---\n\nSegunda parte."),
        good("Temperatura: -5 graus.\n- item da lista"),
    ],
)
def lone_punctuation(doc: Document, ctx) -> Iterator[Hit]:
    """A line that is a single punctuation mark (`.`, `-`, `*`).

    ## Why it matters
    Empty list items, separators and stray periods are left behind when a page is converted to
    text; they show up as meaningless lines in the article.

    ## What fires
    A line whose only visible character is one punctuation mark. Section breaks of several
    characters (`***`, `---`) stay silent.
    """
    for a, b, t, _ in _nonblank(doc):
        if len(t) == 1 and _LONE.fullmatch(t):
            yield Hit(a, b, suggestion="")


# --- B107 SEO keyword lines ------------------------------------------------------------------------

_KEYWORD_LINE = re.compile(r"[^\W\d_]+(?:[ \t'’-][^\W\d_]+|[ \t]\d{1,4}){0,5}")


def _keyword_like(t: str) -> bool:
    """Lower-case words only, six or fewer, no punctuation: a search query, not a sentence."""
    return t == t.lower() and _KEYWORD_LINE.fullmatch(t) is not None


@check(
    "B107", "seo-keyword-lines", Severity.WARNING,
    category="boilerplate",
    message="Search-keyword line appended to the article: '{text}'",
    examples=[
        bad("O texto termina aqui.\n\n[[globo com ao vivo]]\n\n[[o globo jornal]]\n\n"
            "[[jornal da globo]]\n\n[[uol conteúdo]]\n"),
        bad("Fim do texto.\n[[notícias de hoje]]\n[[previsão do tempo sp]]\n[[resultado certo rs]]"),
        good("O texto termina aqui.\n\nReação dos mercados\n\nO dólar caiu."),
        good("Agenda:\nsegunda-feira: reunião\nterça-feira: votação\nquarta-feira: sessão."),
        good("Texto.\n\nglobo com ao vivo\n\njornal da globo\n\nO texto continua aqui, normal."),
        good("Lista de compras\narroz\nfeijão\n\nÉ o que ela levou ao mercado."),
    ],
)
def seo_keyword_lines(doc: Document, ctx) -> Iterator[Hit]:
    """Search-engine keyword lines appended at the end of the article.

    ## Why it matters
    Pages add lines of search terms after the text (`globo com ao vivo`, `jornal da globo`);
    they are not part of the article and read as gibberish.

    ## What fires
    A run of three or more lines at the very end of the text (blank lines between allowed), each
    of one to six lower-case words with no punctuation at all, and no line starting with a
    capital. Position, length and the absence of sentence punctuation decide, not the words.
    """
    lines = _nonblank(doc)
    run: list[tuple[int, int, str, int]] = []
    for item in reversed(lines):
        if _keyword_like(item[2]):
            run.append(item)
        else:
            break
    if len(run) >= 3:
        for a, b, _, _ in reversed(run):
            yield Hit(a, b, suggestion="")


# --- B108 publication-date lines -------------------------------------------------------------------

_TIME = r"\d{1,2}(?::\d{2}|h\d{0,2}(?:min)?)(?:\s*[ap]\.?\s?m\.?)?(?:\s+\(?[A-Z]{2,5}\)?)?"


@cache
def _date_line_rx() -> re.Pattern[str]:
    data = per_language("boilerplate", "date_line")
    months = per_language("boilerplate", "months")
    weekdays = per_language("boilerplate", "weekdays")
    alts = []
    for lang, patterns in data.items():
        m = "|".join(re.escape(w) for w in sorted(months.get(lang, ()), key=len, reverse=True))
        w = "|".join(re.escape(x) for x in sorted(weekdays.get(lang, ()), key=len, reverse=True))
        for p in patterns:
            alts.append(p.replace("MONTH", f"(?:{m})").replace("WEEKDAY", f"(?:{w})").replace("TIME", _TIME))
    return re.compile("|".join(f"(?:{a})" for a in alts), re.IGNORECASE)


@check(
    "B108", "date-line", Severity.INFO,
    category="boilerplate",
    message="Publication date scraped with the article: '{text}'",
    examples=[
        bad("[[June 19, 2024]]\n4 mins read\nRussia and North Korea sign a deal."),
        bad("Título da matéria\n\n[[Publicado em 19/06/2024 às 14h30]]\n\nO texto começa aqui."),
        bad("[[Atualizado em 3 de março de 2025, 10:15]]\nO texto começa aqui."),
        bad("[[quarta-feira, 19 de junho de 2024]]\n\nO texto começa aqui."),
        bad("[[19 giugno 2024]]\nIl testo.", language="it"),
        good("Lisboa, 19 de junho de 2024 — O Governo aprovou o orçamento."),
        good("O acordo foi assinado em 19 de junho de 2024, em Pyongyang."),
        good("19 de junho de 2024: Putin chega a Pyongyang para a primeira visita em 24 anos."),
        good("Em 2024, a economia cresceu 3%.\n\n2025\n\nO ano começou bem."),
    ],
)
def date_line(doc: Document, ctx) -> Iterator[Hit]:
    """A line that is only a publication date (`June 19, 2024`, `Publicado em 19/06/2024 às 14h30`).

    ## Why it matters
    The date (and time) of publication sits in the page header; scraped into the article body
    it is a stray line that a reader of the translation does not expect, often in the source
    language's date format.

    ## What fires
    A whole line that is a date, optionally with a weekday, a clock time, and a `Published`,
    `Updated`, `Publicado em`, `Atualizado em` label, in English, Portuguese, Italian or Spanish.
    A dateline with a place (`Lisboa, 19 de junho de 2024 — …`), a date inside a sentence, a date
    followed by text (a chronology entry) and a bare year stay silent. Information only: a
    chronology may list bare dates as headings.
    """
    rx = _date_line_rx()
    for a, b, t, _ in _nonblank(doc):
        if len(t) <= 60 and rx.fullmatch(t):
            yield Hit(a, b, suggestion="")


CHECKS = (
    comment_form,
    related_links,
    prev_next_navigation,
    reading_time,
    follow_share,
    lone_punctuation,
    seo_keyword_lines,
    date_line,
)
