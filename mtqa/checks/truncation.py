"""Text cut off (T1xx): a paragraph that stops in the middle of a word, a dangling credit label.

Scrapers and length limits cut articles short: the last word is left half-written (`turísti`) or
a byline label is left with nothing after it (`Editado por:`). Labels and word endings are data
(``mtqa/checks/data/truncation.yaml``), per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import all_languages, per_language
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document, Severity
from mtqa.core.text import per_text

#: Longer than any word of the languages checked (the longest Portuguese one has 46 letters).
_LONGEST_WORD = 50
_LAST_WORD = re.compile(r"(?<![\w'’-])([^\W\d_]{3,})$")
_SENTENCE_END = re.compile(r"[.!?…]$|[.!?…][\"'”’»)\]]+$")


def _lines(doc: Document) -> tuple[tuple[int, int, str, int], ...]:
    """The non-blank lines, trimmed, as (start, end, text, line index): Document.nonblank_lines,
    which the page-furniture checks read too (four checks here read them)."""
    return doc.nonblank_lines


def _per_text(doc: Document, fn) -> list[tuple[int, tuple[int, int, str, int], object]]:
    """``(index, line, fn(text))`` for the lines of _lines(doc) for which ``fn`` of their text
    is true, in order; ``fn`` runs once per distinct text (mtqa.core.text.per_text)."""
    return per_text(doc.nonblank_lines, doc.nonblank_groups, fn)


@cache
def _endings(language: str) -> tuple[str, ...]:
    table = per_language("truncation", "completion_endings")
    return tuple(dict.fromkeys(table.get(language, ())))


@check(
    "T101", "truncated-word", Severity.WARNING,
    category="truncation",
    message="Text ends in the middle of a word: '{text}' (did it continue as '{completion}'?)",
    languages=("pt", "en", "it", "es"),
    needs=("dictionary",),
    examples=[
        bad("O governo anunciou um novo plano para o setor [[turísti]]"),
        bad("A reunião terminou.\n\nOs dois países assinaram um acordo de cooperação [[econômi]]\n"),
        good("O governo anunciou um novo plano para o setor turístico"),
        good("Reação dos mercados\n\nO dólar caiu."),
        good("Por Ana Souza, de Belo Horizonte\n\nO texto começa aqui."),
        good("Jornais e emissoras lembraram o caso, segundo o think tank"),
        good("O presidente viajou a Kharkiv"),
    ],
)
def truncated_word(doc: Document, ctx) -> Iterator[Hit]:
    """A paragraph that ends in the middle of a word.

    ## Why it matters
    A cut-off text (`... o setor turísti`) lost its end; the reader notices at once, and the
    missing part may hold information.

    ## What fires
    A line with no final punctuation whose last word is lower-case, unknown to the target
    language's dictionary (and to the English one), and becomes a known word when a common
    ending is added (`turísti` + `ca`). Headings end on complete words and stay silent; so do
    names and foreign words at the end of a line.
    """
    lang = doc.language or ""
    endings = _endings(lang)
    if not endings:
        return
    dictionary = ctx.providers.get("dictionary")
    if not dictionary.has(lang, doc.variant):
        raise ProviderUnavailable(f"dictionary: no word list for {lang} installed")
    english = lang != "en" and dictionary.has("en", "US")

    def cut(t: str) -> tuple[int, str] | None:
        """Where the cut word starts in the line ``t``, and its completion."""
        if _SENTENCE_END.search(t):
            return None
        m = _LAST_WORD.search(t)
        if not m:
            return None
        word = m.group(1)
        if len(word) > _LONGEST_WORD:
            return None  # not a word (a run of letters in junk input), and slow to look up
        if word != word.lower() or dictionary.known(word, lang, doc.variant):
            return None
        if english and dictionary.known(word, "en", "US"):
            return None
        completion = next(
            (word + e for e in endings if dictionary.known(word + e, lang, doc.variant)), None
        )
        return (m.start(1), completion) if completion else None

    # The verdict on a line depends on its text alone: each distinct text is read once.
    for _, (a, b, _t, _), (start, completion) in _per_text(doc, cut):
        yield Hit(a + start, b, args={"completion": completion}, evidence={"completion": completion})


# --- T102 dangling labels -------------------------------------------------------------------------


@cache
def _label_rx() -> re.Pattern[str]:
    labels = sorted(all_languages("truncation", "byline_label"), key=len, reverse=True)
    multi = "|".join(r"\s+".join(map(re.escape, x.split())) for x in labels if " " in x)
    single = "|".join(re.escape(x) for x in labels if " " not in x)
    return re.compile(rf"(?:(?:{multi})\s*:?|(?:{single})\s*:)", re.IGNORECASE)


@check(
    "T102", "dangling-label", Severity.WARNING,
    category="truncation",
    message="Credit label with nothing after it: '{text}'",
    examples=[
        bad("O acordo foi assinado no sábado.\n[[Editado por:]]"),
        bad("The deal was signed on Saturday.\n\n[[Edited by:]]\n"),
        bad("Texto do artigo.\n[[Reportagem:]]\n\nO governo anunciou hoje um novo plano de obras."),
        good("O acordo foi assinado no sábado.\n\nEdição: Carlos Lima"),
        good("Por:\nAna Souza"),
        good("Texto do artigo.\n\nEditado por: Maria Lima"),
    ],
)
def dangling_label(doc: Document, ctx) -> Iterator[Hit]:
    """A byline or credit label left with nothing after it (`Editado por:`).

    ## Why it matters
    The name after the label was cut off; the label alone is a visible defect.

    ## What fires
    A line that is only a credit label (`Editado por:`, `Por:`, `Edited by:`, `Reportagem:`)
    at the end of the text, or followed by a full sentence instead of a name.
    """
    rx = _label_rx()
    lines = _lines(doc)
    for i, (a, b, _t, _), _ in _per_text(doc, lambda t: len(t) <= 40 and rx.fullmatch(t) is not None):
        nxt = lines[i + 1][2] if i + 1 < len(lines) else None
        if nxt is None or (len(nxt.split()) >= 8 and _SENTENCE_END.search(nxt)):
            yield Hit(a, b, suggestion="")


# --- T103 teasers cut with an ellipsis -------------------------------------------------------------

_CUT_MARK = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\))\s*$")
_TRAIL_ELLIPSIS = re.compile(r"(?<=[^\W\d_])\s*(?:\.\.\.|…)$")
#: Lines after a cut teaser that are still part of the teaser's furniture.
_MORE = re.compile(
    r"[\W_]*(?:leia\s+mais|ler\s+mais|continue\s+(?:lendo|a\s+ler)|continuar\s+(?:lendo|a\s+ler)|"
    r"saiba\s+mais|ver\s+mais|veja\s+mais|read\s+more|continue\s+reading|more)[\W_]*",
    re.IGNORECASE,
)

_ELLIPSIS_MORE = re.compile(
    r"(?<=[^\W\d_])\s*(\.\.\.|…)\s*(?:leia\s+mais|ler\s+mais|continue\s+(?:lendo|a\s+ler)|"
    r"continuar\s+(?:lendo|a\s+ler)|saiba\s+mais|ver\s+mais|veja\s+mais|read\s+more|"
    r"continue\s+reading)[\W_]*$",
    re.IGNORECASE,
)


@check(
    "T103", "cut-teaser", Severity.WARNING,
    category="truncation",
    message="Text cut off with an ellipsis: '{text}'",
    examples=[
        bad("O governo anunciou um plano de obras para as capitais e prometeu[[ (...)]]"),
        bad("O governo anunciou um plano de obras para as capitais e prometeu[[ (…)]]\n\nOutro texto."),
        bad("Primeiro parágrafo.\n\nO ministro disse que a medida entra em vigor na próxima semana e"
            "[[…]]\nLeia mais"),
        bad("Texto.\n\nA prefeitura informou que as obras devem começar em março, mas os moradores[[...]]"),
        good("“Não vamos aceitar (...) nenhuma mudança”, disse o ministro."),
        good("O álbum “O Futuro Pertence à... Jovem Guarda” saiu em 2021."),
        good("E agora?\n\nSerá que vai chover...\n\nO dia amanheceu nublado em todo o estado."),
        good("“Vamos ver…”, disse o técnico depois do jogo."),
        bad("Quem é a nova técnica da seleção? Tudo o que se sabe sobre[[...]]\n\nO texto segue aqui."),
        good("— Eu só queria dizer que...\n\nA frase ficou no ar, e o público aplaudiu."),
        bad("Texto.\n\nA prefeitura informou que as obras devem começar em março, e os moradores[[…]] "
            "Leia mais\n\nOutro texto."),
    ],
)
def cut_teaser(doc: Document, ctx) -> Iterator[Hit]:
    """A paragraph cut off and closed with `[...]`, `(…)` or a bare ellipsis.

    ## Why it matters
    Feeds and listing pages publish a teaser cut at a fixed length and closed with an
    ellipsis; scraped as the article, the text stops in the middle of a sentence.

    ## What fires
    A bracketed ellipsis (`[...]`, `[…]`, `(...)`) at the end of a line, and a bare ellipsis
    glued to a word at the end of a paragraph of eight words or more that is the last of the
    text or is followed only by a "read more" link (on the next lines or on the same line), and
    an ellipsis right after a preposition, an article or a conjunction at the end of any line
    (`Tudo o que se sabe sobre...`: no phrase ends there). An ellipsis inside a quotation or a title,
    and a short line that trails off, stay silent.
    """
    lines = _lines(doc)

    def candidate(t: str) -> bool:
        """A line that can hold a cut mark or a trailing ellipsis (its text decides)."""
        if t[-1] in ")]":
            return _CUT_MARK.search(t) is not None
        if t[-1] in ".…" and t[0] not in "—–-“\"«" and _CUT_AFTER_FUNCTION_WORD.search(t, max(0, len(t) - 16)):
            return True
        return not (len(t) < 30 or ("…" not in t and "..." not in t) or len(t.split()) < 8)

    for i, (a, b, t, _), _ in _per_text(doc, candidate):
        last = t[-1]
        m = (_CUT_AFTER_FUNCTION_WORD.search(t, max(0, len(t) - 16))
             if last in ".…" and t[0] not in "—–-“\"«" else None)  # the pattern ends the line
        if m and t.count("“") <= t.count("”"):
            yield Hit(a + m.start("cut"), b, suggestion="")  # "Tudo o que sabemos sobre...": cut mid-phrase
            continue
        if last in ")]":
            m = _CUT_MARK.search(t)
            if m:
                yield Hit(a + m.start(), b, suggestion="")
            continue
        if len(t) < 30 or ("…" not in t and "..." not in t) or len(t.split()) < 8:
            continue
        m = _TRAIL_ELLIPSIS.search(t) if last in ".…" else None
        if m and all(_MORE.fullmatch(x[2]) for x in lines[i + 1 :]):
            yield Hit(a + m.start(), b, suggestion="")
            continue
        m = _ELLIPSIS_MORE.search(t)  # "... e os prefeitos… Leia mais" on one line
        if m:
            yield Hit(a + m.start(1), a + m.end(1), suggestion="")


#: An ellipsis right after a word no phrase ends with (a preposition, an article, a
#: conjunction): a teaser cut in the middle of a phrase (`Tudo o que sabemos sobre...`).
_CUT_AFTER_FUNCTION_WORD = re.compile(
    r"(?<![\w-])(?:sobre|de|do|da|dos|das|com|para|pela|pelo|em|no|na|nos|nas|o|a|os|as|um|uma|e|"
    r"que|por|entre|ao|à|the|of|to|and|for|with|about|on|in|a|an)(?P<cut>\.\.\.|…)$", re.IGNORECASE)


# --- T104 dangling list numbers --------------------------------------------------------------------

_ITEM = re.compile(r"(?<![\w(])\(?(\d{1,2})\)[ \t]+(?=[A-ZÀ-Ý])")


@check(
    "T104", "dangling-list-number", Severity.WARNING,
    category="truncation",
    message="List number {n} with no item {prev} before it: '{text}'",
    examples=[
        bad("A pesquisa ouviu professores de quatro redes de ensino. [[(3)]] A rede municipal "
            "teve a maior queixa sobre salários."),
        bad("Resultados principais:\n[[2)]] A taxa caiu.\n3) O consumo subiu."),
        good("Os resultados: (1) a taxa caiu; (2) o consumo subiu. (3) O emprego ficou estável."),
        good("1) A taxa caiu.\n2) O consumo subiu."),
        good("Hamilton lidera com 256 pontos, à frente de Bottas (179) e Verstappen (162)."),
        good("O nível chegou a 2m84cm nesta quinta-feira (28). (Ele) Disse que vai baixar."),
    ],
)
def dangling_list_number(doc: Document, ctx) -> Iterator[Hit]:
    """A list number such as `(3)` at the start of a sentence, with no `(1)`/`(2)` before it.

    ## Why it matters
    When an abstract or a list is shortened, the numbering stays: a sentence that opens with
    `(3)` refers to items the reader never saw.

    ## What fires
    A number in brackets (`(3)`, `3)`) at the start of a line or of a sentence, followed by a
    capital, when the number before it does not appear, in the same style, earlier in the text.
    Numbers after a word (`Bottas (179)`, `quinta-feira (28)`) and complete lists stay silent.
    """
    text = doc.text
    if ")" not in text:
        return
    for m in _ITEM.finditer(text):
        # Only at a line start or after a sentence's end.
        window = text[max(0, m.start() - 40) : m.start()]
        before = window[-2:]
        indent = window.rstrip(" \t")
        line_start = indent.endswith("\n") or (not indent and m.start() <= 40)
        if m.start() and not (line_start or (before[-1:] in " \t" and before[:1] in ".!?;:")):
            continue
        n = int(m.group(1))
        if n < 2 or n > 20:
            continue
        a = m.start(1) - (1 if text[m.start(1) - 1 : m.start(1)] == "(" else 0)
        b = m.end(1) + 1
        token = text[a:b]
        prev = token.replace(str(n), str(n - 1), 1)
        if prev not in text[:a]:
            yield Hit(a, b, args={"n": token, "prev": prev}, suggestion="")


# --- T105 paragraph ends in the middle of a sentence ----------------------------------------------


@cache
def _dangling_words(language: str) -> frozenset[str]:
    return frozenset(per_language("truncation", "dangling_words").get(language, ()))


_TAIL_WORD = re.compile(r"(?<![\w'’-])([^\W\d_]+)$")


@check(
    "T105", "ends-mid-sentence", Severity.WARNING,
    category="truncation",
    message="Paragraph ends in the middle of a sentence, on '{text}'",
    languages=("pt", "en"),
    examples=[
        bad("O governo anunciou um plano de obras para as capitais e disse que as obras começam [[em]]"),
        bad("A banda tem tocado em festivais por toda [[a]]\n\nO novo disco sai em março."),
        good("Guia do Estudante\n\nComo se preparar para\n\nO texto segue."),
        bad("Primeira parte do texto, com um ponto final.\n\nA prefeitura informou que a nova "
            "ponte deve ficar pronta em março e que o custo total da obra será [[de]]\n\nOutro "
            "parágrafo do texto."),
        bad("Texto.\n\nO relatório, divulgado nesta segunda-feira pelo instituto, mostra que a "
            "produção cresceu. Segundo os técnicos, a alta se deve ao clima favorável e à "
            "[[demanda]]"),
        good("Reação dos mercados e do governo\n\nO dólar caiu."),
        good("Por Ana Souza, de Belo Horizonte\n\nO texto começa aqui."),
        good("O texto termina aqui.\n\nFonte: Ministério da Saúde e secretarias estaduais de"
             " saúde de todo o país"),
        good("Ingredientes:\n- 2 xícaras de farinha de trigo\n- 1 colher de chá de fermento em pó e"),
    ],
)
def ends_mid_sentence(doc: Document, ctx) -> Iterator[Hit]:
    """A paragraph that stops in the middle of a sentence (no final punctuation, a dangling word).

    ## Why it matters
    Length limits and broken extraction cut paragraphs short; the sentence never ends, and the
    reader loses what followed.

    ## What fires
    A paragraph (a line followed by a blank line or by the end of the text) of twelve words or
    more (six when the last word is one no heading ends with: `a`, `pela`, `para`, `e`), with
    no final punctuation, whose last word is an article, a preposition or a conjunction (`de`,
    `em`, `e`, `que`); and the last line of the text when it has twenty
    words or more, already holds a sentence end or a comma, and stops without punctuation on a
    lower-case word. Headings, bylines, labels (`Fonte: ...`) and list items stay silent.
    """
    dangling = _dangling_words(doc.language or "")
    if not dangling:
        return
    text = doc.text
    lines = _lines(doc)

    def open_end(t: str) -> bool:
        """A long line of text that does not end as a sentence (its text decides)."""
        if _SENTENCE_END.search(t) or t[-1] in ",;:-–—)]”\"'»":
            return False
        return not (len(t.split()) < 6 or t[0] in "-–—*•·" or _LABEL.match(t))

    for i, (a, b, t, _), _ in _per_text(doc, open_end):
        last = i == len(lines) - 1
        # A paragraph ends at a blank line or at the end of the text.
        if not last and "\n" not in text[b : lines[i + 1][0]].replace("\n", "", 1):
            continue
        words = t.split()
        if len(words) < 6 or t[0] in "-–—*•·" or _LABEL.match(t):
            continue
        m = _TAIL_WORD.search(t)
        if not m:
            continue
        w = m.group(1)
        if w in dangling and (len(words) >= 12 or w in _NEVER_LAST):
            yield Hit(a + m.start(1), b)
        elif last and len(words) >= 20 and w.islower() and _INNER_STOP.search(t):
            yield Hit(a + m.start(1), b)


#: Words no heading or label ends with: a paragraph of six words or more that stops on one was cut.
_NEVER_LAST = frozenset("a o as os um uma da do das dos na no nas nos pela pelo pelas pelos ao aos à às "
                        "para por com de em entre e que the of to and".split())
_LABEL = re.compile(r"[^\W\d_][\w ]{0,30}:\s")
_INNER_STOP = re.compile(r"[.!?;,]\s")


# --- T106 credit labels left empty ------------------------------------------------------------------


@cache
def _empty_credit_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    labels = sorted(all_languages("truncation", "photo_credit_label"), key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, x.split())) for x in labels)
    bracket = re.compile(rf"[(\[]\s*(?:{alt})\s*:?\s*[)\]]", re.IGNORECASE)
    # After a sentence or a caption, at the end of the line: "A praça vista do alto. Foto:".
    tail = re.compile(rf"(?<=[.!?…”\"»)]\s)[ \t]*(?:{alt})\s*:[ \t]*$", re.IGNORECASE | re.MULTILINE)
    return bracket, tail


@check(
    "T106", "empty-credit", Severity.WARNING,
    category="truncation",
    message="Credit label with the name missing: '{text}'",
    examples=[
        bad("A nova ponte foi aberta ao tráfego. [[(Foto: )]]"),
        bad("A nova ponte vista do alto. [[Imagem:]]\nO texto continua."),
        bad("The bridge opened on Monday. [[(Photo:)]]", language="en"),
        good("A nova ponte vista do alto. Foto: Ana Lima/Prefeitura do Rio"),
        good("O ministro (foto) falou com a imprensa."),
        good("Fonte: Ministério da Saúde"),
    ],
)
def empty_credit(doc: Document, ctx) -> Iterator[Hit]:
    """A photo or source credit label whose name was cut off (`(Foto: )`, `... alto. Imagem:`).

    ## Why it matters
    Scrapers that drop the credit's link or span leave the label alone; the reader sees a
    credit that credits no one.

    ## What fires
    Brackets that hold only a credit label (`(Foto: )`, `[Imagem:]`, `(Photo:)`), and a credit
    label with its colon at the end of a line, right after a sentence. A label followed by a
    name, and `(foto)` pointing at a picture, stay silent.
    """
    text = doc.text
    if ":" not in text:
        return
    bracket, tail = _empty_credit_rx()
    for m in bracket.finditer(text):
        if ":" in m.group():
            yield Hit(m.start(), m.end(), suggestion="")
    for m in tail.finditer(text):
        a = m.start() + len(m.group()) - len(m.group().lstrip())
        yield Hit(a, m.end(), suggestion="")


CHECKS = (
    truncated_word,
    dangling_label,
    cut_teaser,
    dangling_list_number,
    ends_mid_sentence,
    empty_credit,
)
