"""Scraped page furniture (B1xx): comment forms, related links, navigation, widgets, SEO lines.

Article text taken from web pages keeps the page around it: the comment form, the "read more"
links, previous/next navigation, reading-time widgets, share buttons, lone punctuation left from
list markup, and keyword lines added for search engines. None of it belongs to the article. The
phrases are data (``mtqa/checks/data/boilerplate.yaml``), per language; the shapes (a whole line,
a label followed by headlines, a run of keyword lines at the end) are the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from mtqa.checks.anyof import AnyOf
from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import all_languages, per_language
from mtqa.checks.rules import rule_checks
from mtqa.core.model import Document, Severity
from mtqa.core.text import per_text

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
def _whole_line(key: str, tail: str = r"[!.:]?") -> AnyOf:
    """A line that is one of the phrases of list ``key`` (asked with ``fullmatch``)."""
    phrases = sorted(all_languages("boilerplate", key), key=len, reverse=True)
    return AnyOf(f"boilerplate.{key}", [_phrase_rx(p) for p in phrases], tail=rf"\s*{tail}",
                 flags=re.IGNORECASE)


def _nonblank(doc: Document) -> tuple[tuple[int, int, str, int], ...]:
    """Non-blank lines as (start, end, text, line index), trimmed (computed once per document)."""
    return doc.nonblank_lines


def _by_text(doc: Document) -> dict[str, list[int]]:
    """Trimmed text -> the indices in _nonblank(doc) of the lines that hold it, in order."""
    return doc.nonblank_groups


def _per_text(doc: Document, fn) -> list[tuple[int, tuple[int, int, str, int], object]]:
    """``(index, line, fn(text))`` for the non-blank lines for which ``fn`` of their trimmed text
    is true, in order; ``fn`` runs once per distinct text (mtqa.core.text.per_text)."""
    return per_text(doc.nonblank_lines, doc.nonblank_groups, fn)


def _where(doc: Document, test) -> list[tuple[int, int, str, int]]:
    """The non-blank lines whose trimmed text passes ``test`` (run once per distinct text), in
    order."""
    return [line for _, line, _ in _per_text(doc, test)]


def _present(doc: Document, keys: tuple[str, ...]) -> tuple[str, ...]:
    """The ``keys`` that occur in the lower-cased text of ``doc``. A key that the lower case of
    a trimmed line holds is among them (``str.lower`` maps a character the same way in the line
    as in the text around it, blanks around a line included), so a per-line test of ``any(k in
    low for k in keys)`` needs only these, and none at all when there are none."""
    low = doc.lowered
    return tuple(k for k in keys if k in low)


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
        bad("Fim do texto.\n[[Seu endereço de e-mail não será publicado. Campos obrigatórios são "
            "marcados com *]]"),
        bad("Fim do texto.\n[[Junte-se à conversa]]"),
    ],
)
def comment_form(doc: Document, ctx) -> Iterator[Hit]:
    """A line that is the text of a web page's comment form.

    ## Why it matters
    Scrapers keep the form under the article (`LEAVE A REPLY`, `Please enter your comment!`,
    `Deixe um comentário`); published inside a translated article it is junk, often in another
    language.

    ## What fires
    A whole line (under 200 characters) equal to one of the comment-form phrases of any language
    (case and spacing ignored, a final `!`, `.` or `:` allowed). The same words inside a sentence
    stay silent.
    """
    rx = _whole_line("comment_form")
    for a, b, _, _ in _where(doc, lambda t: len(t) < 200 and rx.fullmatch(t) is not None):
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
        bad("Texto.\n[[Veja também: Governo anuncia novo pacote de obras.]]\nO texto continua aqui."),
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
    label followed by a lower-case sentence, or by a long one with commas, stays silent.
    """
    label_only = _whole_line("related_label", r":?")
    label_inline = _label_inline()
    lines = _nonblank(doc)
    # Only a line that is a label, or a label and its headline, starts anything: the others
    # are stepped over (their text decides, so each distinct text is tested once).
    starts = [k for k, _, _ in _per_text(
        doc, lambda t: (len(t) <= 40 and label_only.fullmatch(t)) or label_inline.fullmatch(t))]
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
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
        if m:
            rest = m.group("rest")
            short = rest[:-1] if rest.endswith(".") and not rest.endswith("..") else rest
            if _headline_like(short) and (short == rest or (_words(rest) <= 14 and "," not in rest)):
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

    def navigation(t: str) -> bool:
        if len(t) > 200:
            return False
        if line_rx.fullmatch(t):
            return True
        if marker_rx.fullmatch(t):
            rest = t.split(None, 1)[1] if len(t.split(None, 1)) > 1 else ""
            # A defining sentence ("NEXT é a sigla ...") ends with a period; a link does not
            # (an ellipsis or a closing quote is fine).
            if rest and rest[-1] == "." and not rest.endswith("..."):
                return False
            if rest and rest.split()[0].islower():
                return False
            return True
        return False

    for a, b, _, _ in _where(doc, navigation):
        yield Hit(a, b, suggestion="")


# --- B104 reading-time widgets ---------------------------------------------------------------------


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
    for a, b, _, _ in _where(doc, lambda t: _words(t) <= 12 and rx.fullmatch(t) is not None):
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
    for a, b, _, _ in _where(doc, lambda t: len(t) == 1 and _LONE.fullmatch(t) is not None):
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
    keywords = {t for t in _by_text(doc) if _keyword_like(t)}
    run: list[tuple[int, int, str, int]] = []
    for item in reversed(lines):
        if item[2] in keywords:
            run.append(item)
        else:
            break
    if len(run) >= 3:
        for a, b, _, _ in reversed(run):
            yield Hit(a, b, suggestion="")


# --- B108 publication-date lines -------------------------------------------------------------------

_TIME = r"\d{1,2}(?::\d{2}|h\d{0,2}(?:min)?)(?:\s*[ap]\.?\s?m\.?)?(?:\s+\(?[A-Z]{2,5}\)?)?"


@cache
def _date_line_rx() -> AnyOf:
    data = per_language("boilerplate", "date_line")
    months = per_language("boilerplate", "months")
    weekdays = per_language("boilerplate", "weekdays")
    alts = []
    for lang, patterns in data.items():
        m = "|".join(re.escape(w) for w in sorted(months.get(lang, ()), key=len, reverse=True))
        w = "|".join(re.escape(x) for x in sorted(weekdays.get(lang, ()), key=len, reverse=True))
        for p in patterns:
            alts.append(p.replace("MONTH", f"(?:{m})").replace("WEEKDAY", f"(?:{w})").replace("TIME", _TIME))
    return AnyOf("boilerplate.date_line", alts, flags=re.IGNORECASE)


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
        bad("O texto termina aqui.\n\n[[Última atualização: 12/05/2024]]"),
        good("A última atualização do sistema saiu em 12/05/2024, segundo a empresa."),
        good("Título da matéria\n\nPor Ana Souza, de Recife\n03/12/2024 18h42\n\nO texto começa aqui."),
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
    followed by text (a chronology entry), a date right under the byline (`Por Ana Souza, de
    Recife`: the article's own credit block) and a bare year stay silent. Information only: a
    chronology may list bare dates as headings.
    """
    rx = _date_line_rx()
    lines = _nonblank(doc)
    index = {a: i for i, (a, _, _, _) in enumerate(lines)}
    for a, b, _, _ in _where(doc, lambda t: len(t) <= 60 and rx.fullmatch(t) is not None):
        i = index.get(a)
        if i is not None and i > 0 and _BYLINE.match(lines[i - 1][2]) and lines[i - 1][3] >= lines[i][3] - 2:
            continue  # "Por Ana Souza, de São Paulo" then the date: the article's own credit block
        yield Hit(a, b, suggestion="")


#: A byline: the article's author, as a newsroom prints it above the date.
_BYLINE = re.compile(r"(?:Por|By|Di|De)[ \t\u00a0]+\w[\w.’'-]*(?:[ \t\u00a0]+\w[\w.’'-]*){0,5}(?:[ \t\u00a0]*[,—–|-][^\n]{0,60})?$")


# --- B109 link placeholders --------------------------------------------------------------------------


@cache
def _placeholder_rx() -> re.Pattern[str]:
    alt = _alt("link_placeholder")
    return re.compile(rf"[(\[]\s*(?:{alt})\s*[)\]]", re.IGNORECASE)


@check(
    "B109", "link-placeholder", Severity.WARNING,
    category="boilerplate",
    message="Link placeholder left in the text: '{text}'",
    examples=[
        bad("Depois da falha no sistema[[ (link)]], a empresa ofereceu descontos."),
        bad("O relatório completo[[ (ligação)]] foi publicado na segunda-feira."),
        bad("Leia o comunicado da agência[[ (abre em nova aba)]] para mais detalhes."),
        bad("[[(link)]] O relatório foi publicado."),
        good("O link entre as duas empresas ficou claro na audiência."),
        good("O ministro (à esquerda) conversa com o governador."),
        good("A Linx (empresa de software) foi comprada pela Stone."),
    ],
)
def link_placeholder(doc: Document, ctx) -> Iterator[Hit]:
    """A bracketed placeholder where a hyperlink was (`(link)`, `[link]`, `(opens in new tab)`).

    ## Why it matters
    When a page is converted to text, some tools replace each hyperlink with a marker; the
    marker survives the translation and interrupts the sentence.

    ## What fires
    Round or square brackets holding only a link word of any language (`link`, `ligação`,
    `hiperligação`, `url`, `here`) or a new-tab note. The word `link` in a sentence, and
    brackets holding anything else, stay silent.
    """
    rx = _placeholder_rx()
    text = doc.text
    if "(" not in text and "[" not in text:
        return
    for m in rx.finditer(text):
        a, b = m.start(), m.end()
        if a > 0 and text[a - 1] == " ":
            a -= 1  # deleting the placeholder deletes the space before it
        yield Hit(a, b, suggestion="", message=f"Link placeholder left in the text: '{m.group()}'")


# --- B110 image references and bare file names ----------------------------------------------------

_MD_IMAGE = re.compile(
    r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)"  # markdown image
    r"|</?(?:img|iframe|figure|figcaption|video|audio|source|picture|embed)\b[^>\n]{0,500}>"  # HTML media
    r"|\[/?(?:caption|gallery|embed|video|audio|playlist|vc_\w+|et_pb_\w+)\b[^\]\n]{0,300}\]",  # shortcodes
    re.IGNORECASE,
)
_MEDIA_EXT = r"(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic|mp4|mov|webm|mp3|m4a)"
_BARE_LINE = re.compile(
    rf"(?:https?://|www\.)[^/\s]+/[^/\s]+/\S+|(?:https?://|www\.)\S+[?=&]\S*"  # an address with a path
    rf"|[\w.~%()+-]{{1,120}}\.{_MEDIA_EXT}(?:\s*\(?\d{{2,5}}\s*[x×]\s*\d{{2,5}}\)?)?"  # a file name
    rf"|(?:[a-z0-9_-]+/){{0,6}}[a-z0-9]+(?:[-_][a-z0-9]+){{3,}}(?:\.html?)?/?",  # a URL slug or path
    re.IGNORECASE,
)


@check(
    "B110", "image-reference-line", Severity.WARNING,
    category="boilerplate",
    message="Image reference or address scraped with the article: '{text}'",
    examples=[
        bad("O preço subiu 3%.\n[[![Gráfico do preço](https://exemplo.com/img/grafico-01.png)]]\n"
            "A alta continuou."),
        bad("Primeiro parágrafo.\n\n[[IMG_20240612_101532.jpg]]\n\nSegundo parágrafo."),
        bad("Primeiro parágrafo.\n[[https://www.exemplo.com.br/noticias/2024/06/plano]]\nFim."),
        bad("[[governo-anuncia-novo-plano-de-obras]]\nGoverno anuncia novo plano de obras\n\nTexto."),
        good("Mais informações em www.exemplo.gov.br, segundo a prefeitura."),
        good("O arquivo relatorio.pdf foi enviado aos deputados."),
        bad("O texto.\n[[<iframe src=\"https://video.exemplo.com/v/1\">]][[</iframe>]]\nMais texto."),
        good("Temporada 2024-2025\n\nO campeonato começa em agosto."),
        good("Placar: Flamengo 2-1 Palmeiras\n\nO jogo foi no Maracanã."),
        good("SERVIÇO\nFestival de Inverno\nwww.festivaldeinverno.com.br\nhttps://ingressos.exemplo.com/festival"),
    ],
)
def image_reference_line(doc: Document, ctx) -> Iterator[Hit]:
    """A markdown image reference, or a line that is only an address, a file name or a slug.

    ## Why it matters
    Converted pages keep their images as `![alt](address)` references, hot-linked file names
    (`IMG_2024.jpg`) or the page's URL slug (`governo-anuncia-novo-plano`); a reader of the
    article sees a string of code.

    ## What fires
    Any markdown image reference, HTML media tag (`<img>`, `<iframe>`, `<figure>`) or
    blog shortcode (`[caption ...]`, `[/caption]`), and any line that is nothing but a web
    address with a path of two steps or a query, a media file name (`.jpg`, `.png`, `.webp`,
    `.mp4`, ...) or a slug of four or more lower-case words joined by hyphens. An address or
    file name inside a sentence, and a site's bare address on its own line (a service box),
    stay silent.
    """
    text = doc.text
    seen: set[int] = set()
    if "![" in text or "<" in text or "[" in text:
        for m in _MD_IMAGE.finditer(text):
            seen.add(m.start())
            yield Hit(m.start(), m.end(), suggestion="")
    bare = _where(doc, lambda t: len(t) <= 300 and " " not in t.strip() and _BARE_LINE.fullmatch(t) is not None)
    for a, b, _, _ in bare:
        if a not in seen:
            yield Hit(a, b, suggestion="")


# --- B111 page widgets -----------------------------------------------------------------------------


@cache
def _widget_rx() -> AnyOf:
    alts = all_languages("boilerplate", "widget_line")
    arrows = re.escape(_ARROWS + "▶►▼▲✕×+")
    return AnyOf("boilerplate.widget_line", alts, head=rf"[{arrows}\s]*",
                 tail=rf"\s*[!.:…]?[{arrows}\s]*", flags=re.IGNORECASE)


@check(
    "B111", "page-widget-line", Severity.WARNING,
    category="boilerplate",
    message="Page widget scraped with the article: '{text}'",
    examples=[
        bad("Título do relatório\n\n[[Índice]]\n\nIntrodução\n\nO estudo começa aqui."),
        bad("[[Terminar sessão]]\n[[Entrar ou registar-se]]\n\n"
            "Como configurar a impressora da escola."),
        bad("[[Reserve agora]]\n[[Compre online!]]\n\nHorários de visita"),
        bad("O governo anunciou o plano.\n[[Publicidade]]\nA oposição criticou a medida."),
        bad("[[Skip to content]]\nThe government announced a plan.", language="en"),
        bad("O primeiro parágrafo termina aqui.\n[[Continue lendo após a publicidade]]\nMais texto."),
        good("O índice subiu 0,5% em maio, segundo o IBGE."),
        good("Publicidade infantil volta à pauta do Congresso\n\nO projeto proíbe anúncios."),
        good("Reserve um tempo para ler o relatório, recomendou o professor."),
        good("Menu degustação custa R$ 300\n\nO restaurante abriu em março."),
        good("Entrar na Justiça foi a saída, disse a advogada."),
        bad("O prazo termina na sexta-feira.\n[[Leia mais]]"),
        bad("Texto.\n[[Este site utiliza cookies para melhorar a sua experiência.]]\nMais texto."),
        good("Leia mais:\nO texto segue normalmente, com um ponto final."),
        bad("O prazo termina na sexta-feira.\n[[Facebook Twitter WhatsApp]]\nO texto continua."),
        good("O Facebook e o Twitter recorreram da decisão."),
        good("A empresa explicou o que são cookies e como o navegador os guarda."),
        good("Usamos cookies de três tipos, como mostra a tabela abaixo:"),
        bad("O texto começa aqui.\n[[Conteúdo exclusivo para assinantes. Já é assinante? Faça login.]]"),
        good("O número de assinantes do jornal cresceu 10% em 2024, informou a empresa."),
        bad("O texto termina aqui.\n\n[[Termos de uso | Política de privacidade | Fale conosco]]"),
        bad("O texto termina aqui.\n\n[[Notícias Esportes Economia Cultura]]"),
        bad("O texto termina aqui.\n\n[[Início > Notícias > Cidades]]"),
        bad("O texto termina aqui.\n\n[[Digite seu e-mail]]\n\n[[Todos os direitos reservados © 2024]]"),
        good("Política, Economia e Cultura ganham cadernos novos em março."),
        good("Cultura e Saúde dividem o orçamento da secretaria."),
        bad("O texto termina aqui.\n[[1,2 mil curtidas]]\n[[Imagem meramente ilustrativa]]"),
        bad("Quer as notícias do dia no seu celular?\n[[Inscreva-se gratuitamente]]\nO texto segue."),
        bad("O texto termina aqui.\n[[Leia a matéria completa no site original]]"),
        bad("The text ends here.\n[[Posted in Technology, Science]]\n[[2.4k views]]", language="en"),
        good("O vídeo teve 1,2 mil curtidas em uma hora, segundo a emissora."),
        good("A inscrição é gratuita e termina na sexta-feira."),
        bad("O texto termina aqui.\n[[Veja a galeria de fotos]]\n[[Clique na imagem para ampliar]]"),
        bad("O texto termina aqui.\n\n[[Mundo | Cultura & Lazer | Podcasts | Colunistas]]"),
        bad("[[Início  Produtos  Preços  Blog  Contato]]\n\nO texto começa aqui."),
        bad("O texto termina aqui.\n\n[[Postado por Ana Lima às 10:30]]\n[[Postar um comentário]]\n"
            "[[Postagem mais recente Postagem mais antiga Página inicial]]"),
        bad("O texto termina aqui.\n\n[[Nome*]]\n[[E-mail *]]\n[[Enviar consulta]]"),
        bad("[[Pular para a receita]]\n\nO bolo de fubá é simples."),
        good("A página inicial do site mudou; o nome é obrigatório; a receita foi impressa."),
        bad("O texto termina aqui.\n\n[[Deixe uma resposta Cancelar resposta]]"),
        good("Por Ana Souza | 12/03/2024 | 14h30\n\nO texto começa aqui."),
        good("Foto: Ana Lima | Agência Sul\n\nSão Paulo, Rio de Janeiro e Belo Horizonte lideram."),
        good("Ela disse: publique. Ele respondeu: cancele. Ninguém publicou."),
        bad("O texto termina aqui.\n[[Cadastre seu e-mail e receba nossas notícias]]\n[[Enviar por e-mail]]"),
        good("O museu pede que o visitante veja a galeria de fotos antes da sala principal."),
    ],
)
def page_widget_line(doc: Document, ctx) -> Iterator[Hit]:
    """A line that is a page widget: contents label, sign-in menu, booking button, ad label.

    ## Why it matters
    Web pages surround the article with controls (`Índice`, `Iniciar sessão`, `Reserve já`,
    `Publicidade`, `Continue lendo`, `Fechar`, `Skip to content`, cookie buttons); scraped into
    the text and translated, each is a stray line the reader cannot act on.

    ## What fires
    A whole line of eight words or fewer that is one of the widget phrases of any language
    (case ignored, a final `!`, `.`, `:` or `…` and arrows allowed), a "read more" label that
    is the last line of the text or has no colon (a button, not a label introducing a list),
    a share bar (`Facebook Twitter WhatsApp`), a menu of three or more capitalised section names
    (`Notícias Esportes Economia`), a row of three or more short items between ` | ` or ` • `
    with no digit (`Mundo | Cultura & Lazer | Podcasts`), two or three widget phrases fused on
    one line (`Deixe uma resposta Cancelar resposta`), a row of footer links (`Termos de uso | Fale conosco`: the
    separators do not count as words), and a cookie-banner sentence (`Este site utiliza cookies`)
    that asks for consent (`aceitar`, `concorda`, `continuar a navegar`), and a line of twenty
    words or fewer with a subscription, paywall, newsletter or app prompt (`Já é assinante?`,
    `Baixe o nosso app`, `Clique aqui`).
    The same words inside a sentence or a headline (`Publicidade infantil volta à pauta`) stay
    silent.
    """
    lines = _nonblank(doc)
    last = len(lines) - 1
    for i, (a, b, t, _), (widget, label, other) in _per_text(
            doc, lambda t: (f := _widget_line_facts(t)) != (False, False, False) and f):
        if widget:
            yield Hit(a, b, suggestion="")
        elif label and (i == last or t[-1] != ":"):
            yield Hit(a, b, suggestion="")  # "Leia mais" as a button, not introducing a list
        elif other:
            yield Hit(a, b, suggestion="")


@lru_cache(maxsize=1 << 16)
def _widget_line_facts(t: str) -> tuple[bool, bool, bool]:
    """For the trimmed line ``t``: a widget phrase, a "read more" label, a share row, cookie
    banner or prompt. Remembered per text: page furniture repeats across the articles of a
    batch, and junk input repeats its lines by the thousand."""
    n = _words(t)
    # A footer or menu of links counts its words, not its separators (`Termos | Contato`).
    n_links = n - sum(1 for w in t.split() if w in _SEPARATORS)
    widget = bool(len(t) <= 70 and n_links <= 8 and _widget_rx().fullmatch(t))
    label = bool(n <= 4 and _whole_line("related_label", r"[:.…»›→]?").fullmatch(t))
    low = t.lower()
    other = bool(
        (2 <= n <= 12 and _share_row(t))
        or (3 <= n <= 24 and _pipe_menu(t))
        or (2 <= n <= 12 and t[-1] not in ".?" and _fused_widgets(t))
        or (3 <= n <= 14 and _menu_row(t))
        or (n <= 40 and "cookie" in low and _cookie_rx().search(t) and _consent().search(t))
        or (n <= 20 and any(k in low for k in _PROMPT_KEYS) and _prompt_rx().search(t))
    )
    return widget, label, other


#: Separators between the items of a menu or footer row written on one line.
_ROW_SEPARATOR = re.compile(r"[ \t\u00a0]+[|•·][ \t\u00a0]+|[ \t\u00a0]{2,}")


def _pipe_menu(t: str) -> bool:
    """A row of three or more short items between ` | `, ` • `, ` · ` or two spaces (`Política | Economia
    | Esportes`, `Ouvir no Spotify | YouTube | RSS`): each item of one to four words that does
    not end as a sentence, no digit in the row (a byline with its date, a score, a price list)."""
    if any(c.isdigit() for c in t):
        return False
    items = _ROW_SEPARATOR.split(t.strip(" |•·"))
    return (len(items) >= 3 and all(1 <= len(x.split()) <= 4 and x[-1] not in ".!?;:," for x in items)
            and sum(x[0].isupper() for x in items) * 2 > len(items))


def _one_widget(t: str) -> bool:
    """``t`` alone is a widget phrase, a comment-form phrase, a "read more" label or a share name."""
    return bool(_widget_rx().fullmatch(t) or _whole_line("comment_form").fullmatch(t)
                or _whole_line("related_label", r"[:.…»›→]?").fullmatch(t)
                or (len(t.split()) == 1 and t.lower().strip(":") in _share_words()))


@cache
def _widget_vocab() -> frozenset[str]:
    """Every word of three letters or more in the widget, comment-form and "read more" lists
    (read from their patterns), and the share names: a line none of whose words is here holds
    no widget phrase."""
    words: set[str] = set(_share_words())
    for key in ("widget_line", "comment_form", "related_label"):
        for source in all_languages("boilerplate", key):
            words.update(re.findall(r"[a-zà-öø-ÿ]{3,}", source.lower()))
    # Patterns spell endings as alternations (`postage(?:m|ns)`): a word's first five letters
    # stand for it too.
    return frozenset(words | {w[:5] for w in words if len(w) >= 5})


def _in_vocab(word: str, vocab: frozenset[str]) -> bool:
    return word in vocab or (len(word) >= 5 and word[:5] in vocab)


def _fused_widgets(t: str) -> bool:
    """Two or three widget phrases written on one line, as a scraper joins neighbouring buttons
    (`Deixe um comentário Cancelar resposta`, `Compartilhar Seguir`)."""
    words = t.split()
    n = len(words)
    vocab = _widget_vocab()
    low = [w.lower().strip(":.!") for w in words]
    long_words = [w for w in low if len(w) >= 3]
    hits = sum(_in_vocab(w, vocab) for w in long_words)
    if not _in_vocab(low[0], vocab) or hits < 2 or hits * 3 < len(long_words) * 2:
        return False  # widget words make up a widget row: junk lines are let go before any regex
    for i in range(1, n):
        left = " ".join(words[:i])
        if not _one_widget(left):
            continue
        rest = words[i:]
        if _one_widget(" ".join(rest)):
            return True
        for j in range(1, len(rest)):
            if _one_widget(" ".join(rest[:j])) and _one_widget(" ".join(rest[j:])):
                return True
    return False


@cache
def _share_words() -> frozenset[str]:
    return frozenset(w.lower() for w in all_languages("boilerplate", "share_button"))


def _share_row(t: str) -> bool:
    """A line made only of share-button names (`Facebook Twitter WhatsApp E-mail`)."""
    words = _share_words()
    toks = [x.strip(":,") for x in t.lower().split()]
    names = [x for x in toks if x and x not in "|·•"]
    return len(names) >= 2 and all(x in words for x in toks if x)


@cache
def _section_words() -> frozenset[str]:
    return frozenset(w.lower() for w in all_languages("boilerplate", "section_name"))


def _menu_row(t: str) -> bool:
    """A line made only of three or more names of a news site's sections, each capitalised
    (`Notícias Esportes Economia Cultura`): the site's menu."""
    words = _section_words()
    toks = [x.strip(":,") for x in t.split()]
    names = [x for x in toks if x and x not in _SEPARATORS]
    return (len(names) >= 3 and all(x[0].isupper() for x in names)
            and all(x.lower() in words for x in names))


@cache
def _consent() -> re.Pattern[str]:
    stems = all_languages("boilerplate", "cookie_banner_consent")
    return re.compile("|".join(map(re.escape, stems)), re.IGNORECASE)


#: Separators between the links of a footer or menu line.
_SEPARATORS = frozenset("|·•/>»›")

#: Every subscription or app prompt holds one of these (a cheap test before the patterns).
_PROMPT_KEYS = ("limite de", "microsoft edge", "siga-nos", "gostou", "quer receber", "compartilhe com", "partilhe com", "follow us",
                "enjoy", "like this", "like the", "share it", "share with", "want more", "want to receive",
                "assin", "subscr", "receba", "inscrev", "cadastr", "regist", "app", "aplica", "aqui", "click", "clique",
                "newsletter", "janela", "aba", "guia", "window", "tab", "patrocin", "sponsor",
                "comercial", "publicit", "de marca", "publi", "parceria", "paid")


@cache
def _prompt_rx() -> AnyOf:
    return AnyOf("boilerplate.widget_prompt", all_languages("boilerplate", "widget_prompt"),
                 flags=re.IGNORECASE)


@cache
def _cookie_rx() -> AnyOf:
    return AnyOf("boilerplate.cookie_banner", all_languages("boilerplate", "cookie_banner"),
                 flags=re.IGNORECASE)


# --- B112 media-player prompts ---------------------------------------------------------------------


#: Every media-player pattern holds one of these (a cheap test before the patterns).
_MEDIA_KEYS = ("ouv", "ouç", "escut", "listen", "navegador", "browser", "vídeo", "video", "áudio",
               "audio", "ouvir")


@cache
def _media_rx() -> re.Pattern[str]:
    alts = all_languages("boilerplate", "media_prompt")
    return re.compile("|".join(f"(?:{p})" for p in alts), re.IGNORECASE)


@check(
    "B112", "media-player-prompt", Severity.WARNING,
    category="boilerplate",
    message="Audio or video player text scraped with the article: '{text}'",
    examples=[
        bad("[[AO VIVOAgora você já pode escutar as matérias da Rádio Serra!]]\n"
            "O governo anunciou um plano."),
        bad("O presidente discursou.\n[[O seu navegador não suporta o vídeo.]]\nDepois, saiu."),
        bad("[[Your browser does not support the audio element.]]\nText.", language="en"),
        good("Hoje você pode escutar a voz da avó em fitas antigas, contou a neta."),
        good("Os ouvintes podem ouvir o programa na rádio às 8h."),
    ],
)
def media_player_prompt(doc: Document, ctx) -> Iterator[Hit]:
    """Text of an audio or video player (`Ouça esta matéria`, `browser ... video`).

    ## Why it matters
    Article pages offer a "listen to this article" button or embed videos with a fallback
    message for old browsers; the scraper keeps their text, which has nothing to do with the
    article.

    ## What fires
    A line of twenty words or fewer that offers to listen to the article or says that the
    browser cannot play the media, in Portuguese or in the page's language. The whole line is
    reported.
    """
    rx = _media_rx()
    keys = _present(doc, _MEDIA_KEYS)
    if not keys:
        return
    for a, b, t, _ in _nonblank(doc):
        if _words(t) > 20:
            continue
        low = t.lower()
        if any(k in low for k in keys) and rx.search(t):
            yield Hit(a, b, suggestion="")


# --- B113 photo credits ------------------------------------------------------------------------------


@cache
def _credit_parts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    agencies = sorted(all_languages("boilerplate", "photo_agency"), key=len, reverse=True)
    long_ = "|".join(_phrase_rx(a) for a in agencies if len(a) > 4)
    short = "|".join(re.escape(a.upper()) for a in agencies if len(a) <= 4)
    agency = re.compile(rf"(?i:\b(?:{long_})\b)|\b(?:{short})\b")
    labels = sorted(all_languages("boilerplate", "photo_label"), key=len, reverse=True)
    label = re.compile(rf"\s*(?:{'|'.join(_phrase_rx(x) for x in labels)})\s*:\s*\S", re.IGNORECASE)
    joiner = re.compile(r"/|;|\b(?:via|through|by|for|por\s+meio\s+d[aoe]|através\s+d[aoe]|para)\b",
                        re.IGNORECASE)
    return agency, label, joiner


@cache
def _caption_rx() -> re.Pattern[str]:
    labels = sorted(all_languages("boilerplate", "caption_label"), key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(_phrase_rx(x) for x in labels)})\s*:\s*\S", re.IGNORECASE)


@cache
def _stock_libraries() -> frozenset[str]:
    return frozenset(x.lower() for x in all_languages("boilerplate", "stock_library"))


_NAME_TOKEN = re.compile(r"[A-ZÀ-Ý][\w.'’-]*")


def _agency_line(t: str, agency: re.Pattern[str], joiner: re.Pattern[str]) -> bool:
    """A line that is only a picture credit without a label: a stock library's name
    (`Getty Images`), or agencies and photographers joined by `/`, `;` or `via`
    (`AFP via Getty Images`, `Ana Lima/Reuters`)."""
    found = list(agency.finditer(t))
    if not found:
        return False
    if len(found) == 1 and found[0].group().lower() == t.strip().lower():
        return t.strip().lower() in _stock_libraries()
    if not (len(found) >= 2 or joiner.search(t)):
        return False
    rest = agency.sub(" ", t)
    rest = joiner.sub(" ", rest)
    names = [w for w in re.split(r"[\s,]+", rest) if w]
    return len(names) <= 4 and all(_NAME_TOKEN.fullmatch(w) for w in names)


_PAREN = re.compile(r"\(([^()\n]{3,240})\)")
_CREDIT_BY = re.compile(
    r"\s*(?:photo|image|picture|foto|imagem|fotografia|ilustração)\s+(?:by|via|courtesy\s+of|por|de|via)"
    r"\s+(?-i:[A-ZÀ-Ý])",
    re.IGNORECASE,
)


@check(
    "B113", "photo-credit", Severity.WARNING,
    category="boilerplate",
    message="Photo credit scraped into the text: '{text}'",
    examples=[
        bad("O goleiro comemora a defesa no segundo tempo. [[(Ana Lima/Lance via Getty Images)]]"),
        bad("O ministro chega à reunião em Bruxelas. [[(Foto: John Thys/AFP)]]\nA reunião durou horas."),
        bad("Os bombeiros trabalham no local. [[(Carlos Souza/Reuters; Maria Dias/AP)]]"),
        good("LONDRES, 12 mar (Reuters) - O preço do cobre subiu 2% nesta terça-feira."),
        good("Moura comemora a pole no pit lane. Foto: Luísa Prado/Agência Pista"),
        good("A agência (AFP) informou que o voo foi cancelado."),
        bad("A cidade vista do alto. [[(Imagem: Prefeitura de Recife)]]"),
        good("A foto (de 1964) mostra a praça antes da reforma."),
        bad("O ministro chega à reunião.\n[[Foto: Ana Lima/Reuters]]\nA reunião durou horas."),
        good("Fotos: o antes e o depois da reforma da praça."),
        good("O acordo com a Bloomberg (empresa de dados) foi assinado em maio."),
        bad("O goleiro comemora o título.\n[[Getty Images]]\nO time volta a campo amanhã."),
        bad("O goleiro comemora o título.\n[[Ana Lima/AFP via Getty Images]]\nO texto segue."),
        bad("O texto começa aqui.\n[[Legenda: O prefeito visita a obra da ponte nova.]]\nO texto segue."),
        good("O texto começa aqui.\nReuters\nBloomberg e Reuters publicaram a notícia."),
        good("A agência Reuters informou o resultado.\nA Bloomberg confirmou."),
        good("A legenda do partido foi registrada em 1980, lembrou o presidente."),
    ],
)
def photo_credit(doc: Document, ctx) -> Iterator[Hit]:
    """A photo credit in brackets inside the text (`(Ana Lima/CBS via Getty Images)`).

    ## Why it matters
    The credit belongs under a picture that is no longer there; left in the running text, it
    interrupts it, and machine translation often garbles it (the agency's name or the joining
    `via` turned into other words).

    ## What fires
    Round brackets that open with a credit label (`Foto:`, `Imagem:`, `Photo:`, `Crédito:`) or
    a credit phrase (`Photo by`, `Imagem de`), that name Getty, or that name a photo agency or
    stock library (Reuters, AFP, AP, Shutterstock, ...) together with a photographer joined by
    `/`, `;` or `via`; a line of eight words or fewer that is only such a credit (`Foto:
    Ana Lima/Reuters`); a line that is only a stock library's name (`Getty Images`) or
    agencies and photographers joined by `/`, `;` or `via` (`AFP via Getty Images`); and a
    caption scraped as a line of its own (`Legenda: ...`). A dateline `(Reuters) -`, an agency named in a sentence and a credit at
    the end of a caption sentence stay silent.
    """
    text = doc.text
    agency, label, joiner = _credit_parts()
    def credit_line(t: str) -> bool:
        # A line that is only a credit: "Foto: Ana Lima/Reuters", "Photo by Ana Lima".
        n = _words(t)
        if n <= 8 and t[-1] not in ".!?" and (label.match(t) or _CREDIT_BY.match(t)):
            return True
        if n <= 6 and t[-1] not in ".!?:" and _agency_line(t, agency, joiner):
            return True  # "Getty Images", "AFP via Getty Images"
        return n <= 40 and _caption_rx().match(t) is not None  # "Legenda: O ministro ..."

    for a, b, _, _ in _where(doc, credit_line):
        yield Hit(a, b, suggestion="")
    if "(" not in text:
        return
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if label.match(inner) or _CREDIT_BY.match(inner) or "getty" in inner.lower():
            yield Hit(m.start(), m.end(), suggestion="")
        elif joiner.search(inner) and agency.search(inner):
            yield Hit(m.start(), m.end(), suggestion="")


# --- B114 all-capitals headlines in the body --------------------------------------------------------

_CLOSES = ".!?…:;"


def _prose(t: str) -> bool:
    """A paragraph of running text: twelve words or more, ending as a sentence."""
    return _words(t) >= 12 and t.rstrip("\"'”’»)]")[-1:] in tuple(".!?…:")


def _all_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 0.9 * len(letters)


@check(
    "B114", "capitals-headline-in-body", Severity.WARNING,
    category="boilerplate",
    message="Headline of another article inserted in the text: '{text}'",
    examples=[
        bad("A padaria funciona no bairro desde 1998 e vende cerca de dois mil pães por dia.\n"
            "[[PREFEITURA MUDA HORÁRIO DAS FEIRAS LIVRES A PARTIR DE MAIO]]\n"
            "O dono pretende abrir uma segunda loja no centro da cidade no ano que vem."),
        bad("O time venceu por 3 a 1 e assumiu a liderança do campeonato brasileiro neste domingo.\n\n"
            "[[CLIQUE AQUI PARA RECEBER AS NOTÍCIAS NO CELULAR]]\n\nO técnico elogiou o grupo."),
        good("GOVERNO ANUNCIA NOVO PLANO DE OBRAS PARA AS CAPITAIS\n\nO governo federal anunciou "
             "nesta segunda-feira um plano de obras para as capitais do país."),
        good("BELO HORIZONTE - Duas pessoas morreram em um acidente na rodovia BR-040 nesta quarta."),
        good("O índice foi divulgado pelo IBGE nesta terça-feira, com alta de 0,4% no mês.\n\n"
             "SERVIÇO\n\nA exposição fica aberta até domingo."),
    ],
)
def capitals_headline(doc: Document, ctx) -> Iterator[Hit]:
    """A line in capitals between paragraphs: another article's headline inserted in the body.

    ## Why it matters
    News sites insert links to other stories between paragraphs, styled in capitals; the
    scraper keeps them as lines of the article, and the translation keeps the capitals.

    ## What fires
    A line of four words or more, nine tenths of its letters capitals, without a final period,
    that comes right after a paragraph of running text, or before one when running text came
    earlier too. A title in capitals at the top of the
    article, a one-word section label (`SERVIÇO`) and a dateline (`BELO HORIZONTE - ...`)
    followed by lower-case text stay silent.
    """
    lines = _nonblank(doc)
    for i in range(1, len(lines)):
        a, b, t, _ = lines[i]
        if _words(t) < 4 or len(t) > 200 or t[-1] == "." or not _all_caps(t):
            continue
        if _prose(lines[i - 1][2]) or (i >= 2 and i + 1 < len(lines) and _prose(lines[i + 1][2])
                                       and any(_prose(x[2]) for x in lines[:i])):
            yield Hit(a, b, suggestion="")


# --- B115 breadcrumb and SEO lines above the title ------------------------------------------------

_CRUMB_SEP = re.compile(r"\s[»›>]\s|\s/\s")
_HOME = re.compile(r"home|início|inicio|página\s+inicial|capa|notícias|news", re.IGNORECASE)


@check(
    "B115", "breadcrumb-line", Severity.WARNING,
    category="boilerplate",
    message="Breadcrumb or search-keyword line above the title: '{text}'",
    examples=[
        bad("[[loja de tintas para parede]]\n\nCasa Cores: como escolher o tom da sala\n\nTexto."),
        bad("[[Início » Notícias » Economia]]\nGoverno anuncia novo plano de obras\n\nO texto."),
        good("Governo anuncia novo plano de obras\n\nO texto começa aqui."),
        good("iPhone 16 chega às lojas\n\nO aparelho custa R$ 7.000."),
        good("O texto começa aqui, sem título.\nE continua na linha seguinte."),
        bad("12/06/2024\n[[Início › Esportes]]\nFlamengo vence o clássico\n\nTexto."),
        good("Agenda cultural\n\nshows e exposições\n\nO fim de semana tem muitas opções."),
        bad("Jornal do Porto\n[[tintas e vernizes baratos]]\nComo pintar uma varanda\n\nTexto."),
    ],
)
def breadcrumb_line(doc: Document, ctx) -> Iterator[Hit]:
    """A lower-case keyword line or a breadcrumb trail above the article's title.

    ## Why it matters
    Pages put a category trail (`Início » Notícias » Economia`) or a search phrase
    (`loja de tintas para parede`) above the headline; scraped into the article, it reads as
    a broken first line.

    ## What fires
    One of the first three lines, before any paragraph of running text: a line of two to eight
    words, all lower-case, without any punctuation, followed by a line that starts with a
    capital and does not end with a period (the title), and that comes after nothing but short
    lines (a date, a site name); or a trail of short items separated by `»`, `›`, `>` or ` / ` (three
    items, or two after `Início`/`Home`).
    """
    lines = _nonblank(doc)
    for i, (a, b, t, _) in enumerate(lines[:3]):
        if i + 1 < len(lines) and i and _prose(lines[i - 1][2]):
            return  # the article has begun
        parts = _CRUMB_SEP.split(t)
        if (len(t) <= 120 and t[-1] not in _FINAL and all(0 < _words(p) <= 4 for p in parts)
                and (len(parts) >= 3 or (len(parts) == 2 and _HOME.fullmatch(parts[0])))):
            yield Hit(a, b, suggestion="")
        elif (i + 1 < len(lines) and 2 <= _words(t) <= 8 and t == t.lower()
                and all(_words(p[2]) <= 4 and p[2][-1] not in ".!?" for p in lines[:i])
                and _KEYWORD_LINE.fullmatch(t) and lines[i + 1][2][:1].isupper()
                and lines[i + 1][2][-1] not in ".!"):
            yield Hit(a, b, suggestion="")


# --- B116 author and translator credit lines ---------------------------------------------------------


_BIO = re.compile(
    r"(?:[A-ZÀ-Ý][\w'’.-]+\s+){1,3}(?:[A-ZÀ-Ý][\w'’.-]+)\s+(?:é|is)\s+(?:um[a]?\s+|an?\s+)?"
    r"(?:(?:\w+\s+){0,2})?(?:repórter|redator[a]?|editor[a]?|jornalista|correspondente|produtor[a]?|"
    r"colaborador[a]?|colunista|estagiári[oa]|reporter|writer|editor|journalist|correspondent|"
    r"producer|contributor|columnist|intern)\b"
)
_SEGMENT = re.compile(r"(?<=[|·•—–]\s)[^|·•—–]+?(?=\s*[|·•—–]|\s*$)")


@cache
def _credit_line_rx() -> re.Pattern[str]:
    alts = all_languages("boilerplate", "credit_line")
    return re.compile("|".join(f"(?:{p})" for p in alts), re.IGNORECASE)


@check(
    "B116", "translator-credit-line", Severity.WARNING,
    category="boilerplate",
    message="Author or translator credit scraped with the article: '{text}'",
    examples=[
        bad("O acordo foi assinado no sábado.\n\n[[Traduzido por: Ana Lima]]"),
        bad("Texto do artigo.\n[[Tradução: Carlos Souza]]\n[[Autor: João Pereira]]"),
        bad("Texto do artigo.\n[[Este artigo foi traduzido automaticamente do inglês.]]"),
        bad("Texto do artigo.\n\n[[Revisado por Pedro Lima]]"),
        good("Por Ana Souza, de Belo Horizonte\n\nO texto começa aqui."),
        good("O texto começa aqui.\n\nEdição: Carlos Lima"),
        good("A tradução do livro foi feita por dois professores da USP."),
        good("Autor de cinco livros, o professor lança agora um romance."),
        bad("Por Ana Souza | [[Tradução: Carlos Lima]]\n\nO texto."),
        bad("Título\n\nO texto do artigo.\n\n[[Ana Lima é repórter do Jornal da Cidade e cobre economia.]]"),
        good("Título\n\nO texto do artigo.\n\nAna Lima é professora de economia da USP."),
    ],
)
def translator_credit(doc: Document, ctx) -> Iterator[Hit]:
    """A line crediting the translator or the author of the source page (`Traduzido por: X`).

    ## Why it matters
    Credit lines of the original page (`Translated by`, `Autor:`, `Este artigo foi traduzido
    automaticamente`) are carried into the translation; they describe the page, not the news.

    ## What fires
    A whole line of fifteen words or fewer that is a translation credit, a machine-translation
    notice or an author label (`Autor:`, `Escrito por`, `Written by`) with a name, and one of
    the last two lines when it is the author's note (`Ana Lima é repórter do Jornal X ...`).
    The byline `Por Ana Souza` and an `Edição:` line stay silent.
    """
    rx = _credit_line_rx()
    lines = _nonblank(doc)
    for a, b, t, _ in lines[-2:] if len(lines) > 2 else ():
        # The author's note at the foot of the page: "Ana Lima é repórter do Jornal X."
        if _words(t) <= 40 and _BIO.match(t):
            yield Hit(a, b, suggestion="")

    def credits(t: str) -> tuple[tuple[int, int], ...]:
        if _words(t) > 15:
            return ()
        if rx.fullmatch(t):
            return ((0, len(t)),)
        return tuple(m.span() for m in _SEGMENT.finditer(t)  # "Por Ana Souza | Tradução: Carlos Lima"
                     if m.start() and rx.fullmatch(m.group()))

    for _, (a, _b, _t, _), spans in _per_text(doc, credits):
        for s, e in spans:
            yield Hit(a + s, a + e, suggestion="")


# --- B117 betting and commercial disclaimers ------------------------------------------------------


#: Every disclaimer pattern holds one of these (a cheap test before the patterns).
_DISCLAIMER_KEYS = ("aposta", "betting involves", "ofertas que", "offers that", "respons", "18+", "+18", "&", "termos e condições", "terms and conditions",
                    "afilia", "affiliat", "podemos receber", "podemos ganhar", "may earn",
                    "may receive", "gambl", "moderação", "forma", "maneira", "modo", "viciante",
                    "dependência", "maiores de 18", "novos clientes", "new customers", "addictive")


@cache
def _disclaimer_rx() -> re.Pattern[str]:
    alts = all_languages("boilerplate", "disclaimer")
    return re.compile("|".join(f"(?:{p})" for p in alts), re.IGNORECASE)


@check(
    "B117", "commercial-disclaimer", Severity.WARNING,
    category="boilerplate",
    message="Betting or commercial disclaimer scraped with the article: '{text}'",
    examples=[
        bad("O time é favorito para a final.\n\n[[18+ | Jogue com responsabilidade]]"),
        bad("As odds mudaram depois da lesão.\n[[Aplicam-se termos e condições. Aposte com responsabilidade.]]"),
        bad("Review of the phone.\n[[This article contains affiliate links.]]", language="en"),
        good("O filme é proibido para menores de 16 anos e estreia na quinta."),
        good("O jogador de 18 anos marcou dois gols."),
        good("O governo quer regulamentar as apostas esportivas até o fim do ano, disse o ministro."),
    ],
)
def commercial_disclaimer(doc: Document, ctx) -> Iterator[Hit]:
    """A betting or affiliate disclaimer (`18+ | Jogue com responsabilidade`, `T&Cs apply`).

    ## Why it matters
    Betting and shopping pages end every block with legal small print; it is not part of the
    article and marks the text as a scraped advertisement.

    ## What fires
    A responsible-gambling note, an age mark `18+` beside betting words, a terms-and-conditions
    note or an affiliate-link notice; a line of twelve words or fewer is reported whole.
    """
    rx = _disclaimer_rx()
    keys = _present(doc, _DISCLAIMER_KEYS)
    if not keys:
        return

    def disclaimer(t: str) -> tuple[int, int] | None:
        low = t.lower()
        if not any(k in low for k in keys):
            return None
        m = rx.search(t)
        if m:
            return (0, len(t)) if _words(t) <= 12 else m.span()
        return None

    for _, (a, _b, _t, _), (s, e) in _per_text(doc, disclaimer):
        yield Hit(a + s, a + e, suggestion="")


# --- B118 widget words glued to the text or left at a paragraph's end -----------------------------


#: A related-links label or an ad label in the middle of a line, right after a sentence.
_MIDLINE = re.compile(
    r"[.!?…”\"] (?:((?:LEIA|VEJA|LER|VER) (?:MAIS|TAMBÉM|AINDA)|(?:Leia|Veja|Ler|Ver) (?:mais|também|ainda)"
    r"|RELACIONAD[OA]S?|Relacionad[oa]s?|READ MORE|Read more|RELATED|Related|SEE ALSO|See also)(?=\s*:)"
    r"|(PUBLICIDADE|Publicidade|ANÚNCIO|Anúncio|ADVERTISEMENT|Advertisement)(?= [A-ZÀ-Ý]))"
)
#: An ad label opening a paragraph of running text: "Publicidade O ministro disse que ...".
_AD_HEAD = re.compile(r"(?m)^[ \t]*(PUBLICIDADE|Publicidade|ANÚNCIO|Anúncio|ADVERTISEMENT|Advertisement)"
                      r"(?= [A-ZÀ-Ý])")
#: A capital letter glued to a capital that starts a word: where a badge meets the text.
_CAPS_SEAM = re.compile(r"[A-ZÀ-Ý](?=[A-ZÀ-Ý](?:[a-zà-ÿ]|\s))")


@cache
def _tails() -> tuple[str, ...]:
    return tuple(" ".join(x.lower().split()) for x in all_languages("boilerplate", "read_more_tail"))


@cache
def _glued_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    badges = sorted(all_languages("boilerplate", "glued_badge"), key=len, reverse=True)
    alt = "|".join(r"\s".join(map(re.escape, x.split())) for x in badges)
    glued = re.compile(
        rf"(?:(?<=^)|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?]))[ \t]*({alt})"
        r"(?=[A-ZÀ-Ý][a-zà-ÿ]|[AOEÉÀ]\s+[a-zà-ÿA-ZÀ-Ý][a-zà-ÿ])"
    )
    tails = sorted(all_languages("boilerplate", "read_more_tail"), key=len, reverse=True)
    tail_alt = "|".join(_phrase_rx(x) for x in tails)
    tail = re.compile(
        rf"(?<=[.!?…”\"»)\]])[ \t]*((?:{tail_alt})[ \t]*(?:»|›|→|>>|\.\.\.|…|\+)?)[ \t]*$",
        re.IGNORECASE,
    )
    return glued, tail


@check(
    "B118", "glued-widget-text", Severity.WARNING,
    category="boilerplate",
    message="Widget text glued to the article: '{text}'",
    examples=[
        bad("[[NOVO]]Agora o aplicativo tem modo escuro.\nO resto do texto."),
        bad("O prazo termina na sexta-feira, informou o ministério.[[ Leia mais]]"),
        bad("O prazo termina na sexta-feira, informou o ministério.[[ Continue lendo »]]\nFim."),
        bad("O texto acaba aqui.[[PUBLICIDADE]]O texto continua depois do anúncio."),
        good("NOVOS TEMPOS PARA A ECONOMIA\n\nO texto começa aqui."),
        good("NOVO BANCO anuncia lucro.\n\nO banco português lucrou mais."),
        good("Quem quiser saber mais pode ler mais sobre o caso na edição de domingo."),
        good("A OTAN se reuniu. NATO é a sigla em inglês."),
        bad("O prazo termina na sexta. [[Leia também]]: Governo prorroga prazo. O texto segue."),
        bad("O dólar caiu. [[PUBLICIDADE]] O ministro falou depois."),
        good("O dólar caiu. Publicidade é o tema do debate. Veja também a agenda."),
        bad("[[Publicidade]] O ministro da Fazenda disse que as medidas valem a partir de junho."),
        bad("O ministro disse que as medidas valem a partir de junho.[[ Continua após a publicidade]]"),
        good("Publicidade Infantil: o debate volta ao Congresso\n\nO projeto proíbe anúncios."),
        good("Publicidade: O Guia\n\nO texto começa aqui e segue por várias linhas de prosa."),
    ],
)
def glued_widget_text(doc: Document, ctx) -> Iterator[Hit]:
    """A widget word glued to the text (`NOVOAgora ...`) or a "read more" button ending a paragraph.

    ## Why it matters
    Badges (`NOVO`, `AO VIVO`, `PUBLICIDADE`) and buttons (`Leia mais`, `Continue lendo »`) lose
    their layout when a page becomes text: the badge is glued to the next word and the button
    to the end of the paragraph.

    ## What fires
    A badge in capitals at the start of a line or right after a sentence, glued without a space
    to a capitalised word; and a "read more" phrase after the last sentence of a line, with
    nothing after it but an arrow. Capitals followed by a space (`NOVO BANCO`) and the words in
    a sentence stay silent. A related-links label followed by a colon (`Leia também:`) or an ad
    label before a capital, in the middle of a line right after a sentence, fires too, and so
    does an ad label opening a paragraph of running text (`Publicidade O ministro disse ...`).
    """
    glued, tail = _glued_rx()
    text = doc.text
    for m in _CAPS_SEAM.finditer(text):
        # A run of capitals glued to a capitalised word: test the badges from the line start
        # or the sentence end before it.
        a = m.start()
        while a > 0 and (text[a - 1].isupper() or text[a - 1] == " ") and m.start() - a < 20:
            a -= 1
        g = glued.match(text, a)
        if g and g.end(1) == m.start() + 1:
            yield Hit(g.start(1), g.end(1), suggestion="")
    for m in _MIDLINE.finditer(text):
        g = 1 if m.group(1) else 2
        yield Hit(m.start(g), m.end(g), suggestion="")
    if "ublicidade" in text or "UBLICIDADE" in text or "núncio" in text or "dvertisement" in text:
        for m in _AD_HEAD.finditer(text):
            end = text.find("\n", m.end())
            rest = text[m.end(): end if end >= 0 else len(text)].strip()
            if _words(rest) >= 8 and rest[-1:] in ".!?…":  # the label, then a sentence
                yield Hit(m.start(1), m.end(1), suggestion="")

    def tail_span(t: str) -> tuple[int, int] | None:
        if not t.lower().rstrip(" »›→>.…+").endswith(_tails()):
            return None
        m = tail.search(t)
        return m.span(1) if m else None

    for _, (a0, _b, _t, _), (s, e) in _per_text(doc, tail_span):
        a = a0 + s
        if text[a - 1 : a] == " ":
            a -= 1
        yield Hit(a, a0 + e, suggestion="")


# --- B119 wiki furniture ---------------------------------------------------------------------------


#: Every wiki line pattern holds one of these (a cheap test before the patterns).
_WIKI_KEYS = ("wiki", "para", "artigo", "article", "página", "page", "recuperado", "retrieved",
              "obtid", "licença", "disponível", "jump", "categori", "referências", "ligações",
              "links externos", "leitura", "bibliogra", "mensagem", "references", "external links",
              "further reading", "message", "consultado", "acesso em", "acessado", "arquivado",
              "accessed", "archived", "coordenadas", "coordinates", "autoridade", "authority",
              "v t e", "v · t · e", "v • t • e", "editar", "edit", "esboço", "stub", "rascunho", "toco")


@cache
def _wiki_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    tags = sorted(all_languages("boilerplate", "wiki_inline"), key=len, reverse=True)
    alt = "|".join(r"\s*\|\s*".join(_phrase_rx(p) for p in t.split("|")) for t in tags)
    inline = re.compile(
        rf"\[\s*(?:{alt})\s*\]|(?<=[^\W\d_]|[.,;:)”\"])\[(?:\d{{1,3}}|nota\s+\d{{1,3}}|note\s+\d{{1,3}}|[a-z])\]",
        re.IGNORECASE,
    )
    lines = all_languages("boilerplate", "wiki_line")
    line = re.compile("|".join(f"(?:{p})" for p in lines), re.IGNORECASE)
    return inline, line


@check(
    "B119", "wiki-furniture", Severity.WARNING,
    category="boilerplate",
    message="Wiki page furniture scraped with the article: '{text}'",
    examples=[
        bad("[[Origem: Wikipédia, a enciclopédia livre.]]\nSão Paulo é um município brasileiro."),
        bad("Economia\n[[Artigo principal: Economia de São Paulo]]\nA cidade é o maior centro financeiro."),
        good("O placar foi [3] a [1], segundo a súmula."),
        bad("A vila tem 300 habitantes.\n\n[[^ \"Censo de 2010\". Instituto do Sul. Consultado em 3 de maio de 2020.]]\n[[v t e]]"),
        bad("A vila tem 300 habitantes.\n\n[[Este artigo sobre geografia é um esboço. Você pode ajudar a Wikipédia expandindo-o.]]"),
        bad("[[Para outros usos, veja Hansa (desambiguação).]]\n\nA Liga Hanseática foi uma aliança."),
        good("O relatório foi consultado em 3 de maio pelos vereadores, que o arquivaram."),
        good("A Wikipédia, a enciclopédia livre, completou 20 anos em 2021, lembrou o jornal."),
        good("O artigo principal da Constituição trata dos direitos."),
    ],
)
def wiki_furniture(doc: Document, ctx) -> Iterator[Hit]:
    """Furniture of a wiki page: `[editar]` links, `[3]` note marks, `Artigo principal:` lines.

    ## Why it matters
    Translated wiki mirrors are a common kind of machine-translated page; they keep the edit
    links, note numbers, maintenance tags and navigation lines of the wiki, none of which
    belong in the text.

    ## What fires
    Bracketed edit links and maintenance tags (`[editar]`, `[citação necessária]`, `[edit]`),
    note marks glued to a word or a punctuation mark (`1554.[3]`), and whole lines such as
    `Origem: Wikipédia, a enciclopédia livre`, `Saltar para a navegação`, `Artigo principal:
    ...`, `Esta página foi editada pela última vez ...`, maintenance notices (`Este artigo
    carece de fontes ...`, `Saiba como e quando remover esta mensagem`), category lines
    (`Categorias: ...`) and footer headings alone on a line (`Referências`, `Ligações
    externas`, `Leitura adicional`). Brackets after a space and the words in a sentence stay
    silent.
    """
    # Bracketed hits cannot be marked with [[...]] in examples: tests/checks/test_chrome_classes.py
    # holds them.
    inline, line = _wiki_rx()
    text = doc.text
    i = text.find("[")
    while i >= 0:
        m = inline.match(text, i)
        if m:
            yield Hit(m.start(), m.end(), suggestion="")
        i = text.find("[", i + 1)
    keys = _present(doc, _WIKI_KEYS)
    if not keys:
        return
    for a, b, _, _ in _where(doc, lambda t: len(t) <= 300 and any(k in t.lower() for k in keys)
                             and line.fullmatch(t) is not None):
        yield Hit(a, b, suggestion="")


# --- B120 stray fragments between paragraphs ---------------------------------------------------------

_WIDGET_MARKS = re.compile(r"[►▶▷➤➔→»›]\s*$|^\s*[►▶▷➤➔→»›]|(?:\s\|\s.*){2,}|(?:^|\s)#\w+.*\s#\w+|@\w{3,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


@check(
    "B120", "stray-line-between-paragraphs", Severity.WARNING,
    category="boilerplate",
    message="Stray line between paragraphs, likely page furniture: '{text}'",
    examples=[
        bad("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n\n"
            "[[mais vistos da semana]]\n\nSegundo o ministério, as licitações começam em março, e as obras em julho."),
        bad("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n"
            "[[Economia | Política | Mundo]]\n"
            "Segundo o ministério, as licitações começam em março deste ano, e as obras em julho."),
        bad("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n"
            "[[Ana Souza – ana.souza@exemplo.com.br]]\n"
            "Segundo o ministério, as licitações começam em março deste ano, e as obras em julho."),
        good("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n\n"
             "Reação dos governadores\n\nSegundo o ministério, as licitações começam em março."),
        good("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n\n"
             "iPhone chega mais caro\n\nSegundo a empresa, o aparelho custa R$ 9 mil a partir de março."),
        good("A lista de obras inclui:\npontes\nestradas\n\nO ministério divulga o resto em março."),
        good("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n\n"
             "e-commerce volta a crescer no Brasil\n\nSegundo a associação do setor, as vendas "
             "subiram 12% no trimestre."),
    ],
)
def stray_line(doc: Document, ctx) -> Iterator[Hit]:
    """A short line between paragraphs that cannot be a heading: lower-case, or with widget marks.

    ## Why it matters
    Menus, tag clouds, "most read" boxes and author contact lines sit between the paragraphs of
    a web page; scraped with the article, each becomes a short stray line. A heading looks
    similar, so only lines no heading would look like are reported.

    ## What fires
    A line of eight words or fewer, without final punctuation, between two paragraphs of
    running text, that is all lower case (`mais vistos da semana`), or that
    holds widget marks: an arrow at its start or end, two or more ` | ` separators, two
    hashtags, an `@handle` or an e-mail address. Capitalised headings, headings that open
    with a lower-case term (`e-commerce cresce`, `iPhone`), and lists after a colon stay
    silent.
    """
    lines = _nonblank(doc)
    prose = {t for t in _by_text(doc) if _prose(t)}
    if not prose:
        return  # no paragraph of running text: nothing stands between two
    short = _per_text(doc, lambda t: _words(t) <= 12 and t[-1] not in ".!?;:,")
    for i, (a, b, t, _), _ in short:
        if not 1 <= i < len(lines) - 1:
            continue
        n = _words(t)
        if not (lines[i - 1][2] in prose and lines[i + 1][2] in prose):
            continue
        # All lower case, no hyphenated or brand-like first word: a keyword line, not a heading.
        lower = t == t.lower() and t.split()[0].isalpha() and n >= 2
        if (lower and n <= 8) or _WIDGET_MARKS.search(t) or _EMAIL.search(t):
            yield Hit(a, b, suggestion="")


# --- B121 menu runs -----------------------------------------------------------------------------

#: A menu item: one to three words, the first capitalised, no digit, no final or inner
#: punctuation but hyphens, apostrophes and `&` (`Início`, `Fale conosco`, `Ciência & Saúde`).
_MENU_ITEM = re.compile(r"[^\W\d_][^\W\d_’'&-]*(?:[ \t\u00a0]+[^\W\d_’'&-]+){0,2}")


def _menu_item(t: str) -> bool:
    return t[0].isupper() and _MENU_ITEM.fullmatch(t) is not None


@cache
def _box_labels() -> frozenset[str]:
    return frozenset(all_languages("boilerplate", "content_box_label"))


def _box_label(t: str) -> bool:
    return t.rstrip(":").strip().lower() in _box_labels()


def _name_like(t: str) -> bool:
    """Two or three capitalised words: a person's name, as in a list of names or a cast."""
    words = t.split()
    return len(words) >= 2 and all(w[0].isupper() for w in words)


@check(
    "B121", "menu-run", Severity.WARNING,
    category="boilerplate",
    message="Run of short lines with no sentence among them, likely a scraped menu or a flattened list: '{text}'",
    examples=[
        bad("[[Início\nPolítica\nEconomia\nFale conosco]]\nO governo anunciou nesta segunda-feira um "
            "pacote de obras para as capitais do país."),
        bad("O governo anunciou nesta segunda-feira um pacote de obras para as capitais do país.\n"
            "[[Quem somos\nAnuncie aqui\nTrabalhe conosco]]"),
        good("Elenco\n\nAna Souza\nPedro Lima\nJoão Carvalho\n\nA peça estreia em março."),
        good("Ingredientes\n2 xícaras de farinha\n3 ovos\n1 colher de fermento"),
        good("Rio de Janeiro\n\nO governo anunciou nesta segunda-feira um pacote de obras.\n\nReação\n\n"
             "Os governadores elogiaram."),
        good("Os finalistas:\nBrasil\nArgentina\nFrança\nCroácia"),
        good("Fim de obra\nA ponte foi entregue.\nNovo prazo\nA estrada fica para maio."),
        good("A mostra abre no sábado.\n\nServiço\nSertão em Luz\nMuseu de Arte\nEntrada gratuita"),
    ],
)
def menu_run(doc: Document, ctx) -> Iterator[Hit]:
    """Three or more short capitalised lines in a row, with no blank line between them.

    ## Why it matters
    A page's navigation (`Início`, `Notícias`, `Esportes`, `Fale conosco`) is a column of short
    links; scraped with the article, it becomes a column of short lines above or below the
    text. Each item alone looks like a heading, but an article never stacks three headings
    with nothing between them.

    ## What fires
    Three or more consecutive lines, each of one to three words that start with a letter, the
    first one capitalised, with no digit and no punctuation but hyphens, apostrophes and `&`.
    The whole run is reported once. A run whose lines are all names (two or three capitalised
    words each: a cast, a list of authors), a list introduced by a colon, and lines with
    quantities (`2 xícaras de farinha`) stay silent; so do a box that opens with a label of the
    article's own (`Serviço`, `Elenco`, `Ficha técnica`: data `content_box_label`) and headings
    separated by paragraphs or blank lines.
    """
    lines = _nonblank(doc)
    n = len(lines)
    # A run starts at a menu item: the lines of other texts are stepped over (each distinct
    # text is tested once).
    items = {t for t in _by_text(doc) if _menu_item(t)}
    starts = [k for k, _, _ in _per_text(doc, items.__contains__)]
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        j = i
        while j < n and (j == i or lines[j][3] == lines[j - 1][3] + 1) and lines[j][2] in items:
            j += 1
        if j - i >= 3:
            run = [t for _, _, t, _ in lines[i:j]]
            joined = i > 0 and lines[i - 1][3] == lines[i][3] - 1
            after_colon = joined and lines[i - 1][2].endswith(":")
            boxed = _box_label(run[0]) or (joined and _box_label(lines[i - 1][2]))
            if not all(_name_like(t) for t in run) and not after_colon and not boxed:
                yield Hit(lines[i][0], lines[j - 1][1], suggestion="")
        i = max(j, i + 1)


# --- B130 short lines after the end of the article ------------------------------------------------

#: Lines an article of its own may end with: credits of the newsroom, a source, a list item.
_OWN_TAIL = re.compile(
    r"(?:[*(]|Edição|Edi[çc][ãa]o|Colabor|Com\s|Supervisão|Sob\s+supervisão|Reportagem|Texto|Fotos?\b|"
    r"Fonte|Fontes|Estagiári|Agência|Lusa\b|Redação|Redacção|Atualizad|Actualizad|Publicad|[-–—•·]\s|\d+[.)]\s|"
    r"Notas?\b|Serviço|Ficha)", re.IGNORECASE)


@check(
    "B130", "short-line-after-article", Severity.WARNING,
    category="boilerplate",
    message="Short line after the end of the article, likely page furniture: '{text}'",
    examples=[
        bad("O prefeito anunciou nesta segunda-feira um pacote de obras para os bairros da zona norte.\n\n"
            "Segundo a secretaria, as licitações começam em março, e as obras, em julho.\n\n"
            "[[Assuntos relacionados]]\n[[Obras públicas e mobilidade]]"),
        bad("O prefeito anunciou nesta segunda-feira um pacote de obras para os bairros da zona norte.\n\n"
            "[[Avalie esta notícia]]\n\n[[Próximo: a agenda do fim de semana]]"),
        good("O prefeito anunciou nesta segunda-feira um pacote de obras para os bairros da zona norte.\n\n"
             "Com informações da Agência Brasil\n*Estagiária sob supervisão de Ana Lima"),
        good("O índice fechou em alta de 1,4% nesta sexta-feira, puxado pelas ações de bancos e de energia.\n\n"
             "Resumo do dia:\nIbovespa em alta\nDólar em queda"),
        good("O prefeito anunciou nesta segunda-feira um pacote de obras para os bairros da zona norte.\n\n"
             "- Ponte do Rio Claro\n- Avenida Central\n\nFonte: Secretaria de Obras"),
        good("Título da matéria\n\nO prefeito anunciou nesta segunda-feira um pacote de obras para os bairros."),
    ],
)
def short_line_after_article(doc: Document, ctx) -> Iterator[Hit]:
    """A short line after the last paragraph of running text: the page's furniture under the article.

    ## Why it matters
    Under the last paragraph a web page stacks tags, share and rating buttons, "more news"
    labels, headlines of other articles, newsletter and comment boxes. An article ends with its
    last paragraph (and, in a newsroom's copy, a credit); scraped together, the furniture is
    translated and published as part of the text.

    ## What fires
    A line of ten words or fewer, after the last paragraph of running text (twelve words or
    more, ending as a sentence), that does not end with `.`, `!`, `?`, `;` or `:`. Credits and
    notes of the newsroom (`Com informações de`, `Edição:`, `*Estagiária...`, `Fonte:`), list
    items (`- …`, `1. …`), lines of a box introduced by a label with a colon (`Resumo do dia:`)
    and lines before the first paragraph stay silent.
    """
    lines = _nonblank(doc)
    last = -1
    for i in range(len(lines) - 1, -1, -1):
        if _prose(lines[i][2]):
            last = i
            break
    if last < 0:
        return
    boxed = False
    for i in range(last + 1, len(lines)):
        a, b, t, k = lines[i]
        if t.endswith(":"):
            boxed = True  # a label: the lines under it belong to its box
            continue
        if boxed and lines[i - 1][3] == k - 1:
            continue
        boxed = False
        if _words(t) > 10 or t[-1] in ".!?;:" or _OWN_TAIL.match(t):
            continue
        yield Hit(a, b, suggestion="")


# --- B131 rows of article metadata -----------------------------------------------------------------

#: A field of article metadata: a publication or update label, a reading time, categories or tags.
_META_FIELD = re.compile(
    r"(?:publicad[oa]|atualizad[oa]|actualizad[oa]|postad[oa]|updated|posted|published|categorias?|"
    r"categories|tags|reading\s+time|tempo\s+de\s+leitura|min(?:utos)?\s+de\s+leitura|min\s+read|leitura\s*:)",
    re.IGNORECASE)
_META_SEPARATOR = re.compile(r"[ \t\u00a0][·|•][ \t\u00a0]")


@check(
    "B131", "metadata-row", Severity.WARNING,
    category="boilerplate",
    message="Row of the page's article metadata scraped with the text: '{text}'",
    examples=[
        bad("Como escolher um notebook\n[[Por Ana Lima · Atualizado em 3 de maio · 6 min de leitura]]\n\nO texto começa aqui."),
        bad("Como escolher um notebook\n[[Publicado: 3 de maio de 2025 | Tecnologia, Guias]]\n\nO texto começa aqui."),
        bad("How to choose a laptop\n[[By Ana Lima | Updated May 3 | 6 min read]]", language="en"),
        good("Como escolher um notebook\n\nPor Ana Lima — São Paulo\n03/05/2025 10h15\n\nO texto começa aqui."),
        good("Foto: Ana Lima | Agência Sul\n\nO texto foi atualizado às 10h com a nota da prefeitura."),
    ],
)
def metadata_row(doc: Document, ctx) -> Iterator[Hit]:
    """A row of article metadata between `·` or `|` (`Por Ana Lima · Atualizado há 2 horas · 3 min de leitura`).

    ## Why it matters
    Pages print the author, the date of publication or update, the reading time and the
    categories in one row of fields between dots or bars; scraped and translated, the row reads
    as a line of the article, often with English labels left in.

    ## What fires
    A line of thirty words or fewer, not ending as a sentence, with fields between ` · `, ` | `
    or ` • `, one of which holds a publication or update label, a reading time or a list of
    categories or tags. A newsroom's byline with a dash (`Por Ana Lima — São Paulo`) and a
    photo credit (`Foto: Ana Lima | Agência Sul`) stay silent.
    """
    for a, b, _, _ in _where(doc, lambda t: _words(t) <= 30 and t[-1] not in ".!?"
                             and _META_SEPARATOR.search(t) is not None and _META_FIELD.search(t) is not None):
        yield Hit(a, b, suggestion="")


CHECKS = (
    comment_form,
    related_links,
    prev_next_navigation,
    follow_share,
    lone_punctuation,
    seo_keyword_lines,
    date_line,
    link_placeholder,
    image_reference_line,
    page_widget_line,
    media_player_prompt,
    photo_credit,
    capitals_headline,
    breadcrumb_line,
    translator_credit,
    commercial_disclaimer,
    glued_widget_text,
    wiki_furniture,
    stray_line,
    menu_run,
    short_line_after_article,
    metadata_row,
) + rule_checks(__name__)
