"""Repetition (D1xx): repeated lines and titles, stuttered names and n-grams, doubled words.

Scrapers repeat a title from the page header and the article body; machine translation stutters
on names it does not know (`Kim Jong Un Jong U`) and doubles short words (`de de`). Legitimate
reduplications are data (``mtqa/checks/data/repetition.yaml``), per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import all_languages, per_language
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan

# A site name appended to a title: " – NewsNation", " | Globo", " - BBC News".
_SITE_SUFFIX = re.compile(r"\s+[–—|-]\s+[\w.&' ]{2,30}$")


_MARKER = re.compile(
    r"^(?:#{1,6}|[-*•·>]|\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*(?=\s+[A-ZÀ-Ý]))\s+"
)


def _norm(parts: list[str]) -> str:
    """A line compared with another: spaces, case, a list or heading marker and end dots ignored."""
    key = _MARKER.sub("", " ".join(parts)).casefold().strip("*_ #¶")
    return key.rstrip(".:;?!")


def _short(t: str, n: int = 60) -> str:
    return t if len(t) <= n else t[: n - 1] + "…"


@check(
    "D101", "repeated-line", Severity.WARNING,
    category="repetition",
    message="Line repeated from line {first}: '{short}'",
    examples=[
        bad("Putin e Kim firmano un accordo per aiutarsi\n\n"
            "[[Putin e Kim firmano un accordo per aiutarsi]]\n"
            "[[Putin e Kim  firmano un accordo per aiutarsi]]\n\nIl testo."),
        bad("Russia and North Korea sign a deal\n\nJune 19\n"
            "[[Russia and North Korea sign a deal – NewsNation]]\n\nText."),
        good("Como fica a disputa?\n\nO time avança.\n\nE o Brasileirão?\n\nO time joga."),
        good("Sim.\n\nSim.\n\nNão sei."),
        good("O acordo foi assinado.\n\nO acordo foi assinado ontem em Pyongyang."),
        bad("Putin visita a Coreia do Norte\n\nÍndice\n\n[[1. Putin visita a Coreia do Norte]]\n\nTexto."),
        bad("PUTIN VISITA A COREIA DO NORTE\n\n[[Putin visita a Coreia do Norte]]\n\nTexto."),
        bad("Câncer de mama\n\nConteúdo\n\n[[Câncer de mama]]\n\nO texto começa aqui."),
        good("Reação dos mercados\n\nO dólar caiu.\n\nReação dos mercados\n\nA bolsa subiu."),
        bad("Putin visita a Coreia do Norte pela primeira vez\n\n[[Putin visita a Coreia do…]]\n\nTexto."),
        good("O presidente disse que vai esperar...\n\nO presidente disse que vai esperar o fim do mês."),
    ],
)
def repeated_line(doc: Document, ctx) -> Iterator[Hit]:
    """A line (a title, a paragraph) that already appeared earlier in the document.

    ## Why it matters
    Scraped pages repeat the title (page header, body, social card); each copy after the first
    is noise the reader has to skip.

    ## What fires
    Every later copy of a line of four or more words, compared after normalising whitespace
    and case and dropping a list or heading marker (`#`, `-`, `1.`) and a final period. A copy
    that differs only by a site name appended after a dash (` – NewsNation`) counts as the
    same line. A title of two or three words (ten characters or more) in the first two lines
    counts too when it comes back within the first twelve lines with no running text between,
    and so does a copy cut short with an ellipsis (`Putin visita a Coreia do…`).
    The first copy stays silent.
    """
    seen: dict[str, int] = {}
    top: dict[str, int] = {}  # short lines at the top of the text (a title), by key
    nonblank = 0
    for n, line in enumerate(doc.lines, 1):
        parts = line.text.split()
        if not parts:
            continue
        nonblank += 1
        if len(parts) >= 8 or line.text.rstrip().endswith((".", "!", "?")):
            top.clear()  # running text: a later copy is a heading, not a repeated title
        if len(parts) < 4 or len(line.text) < 16:
            # A short title repeated right below (by a contents or sharing widget).
            if 2 <= len(parts) <= 3 and len(line.text.strip()) >= 10 and nonblank <= 12:
                key = _norm(parts)
                first = top.get(key)
                if first is not None:
                    t = line.text
                    a = len(t) - len(t.lstrip())
                    yield Hit(line.start + a, line.start + len(t.rstrip()), suggestion="",
                              args={"first": first, "short": _short(" ".join(parts))})
                elif nonblank <= 2 and not line.text.rstrip().endswith((".", ":")):
                    top[key] = n
            continue
        key = _norm(parts)
        # A site suffix needs a dash or a bar: most lines skip the pattern.
        base = _SITE_SUFFIX.sub("", key) if any(c in key for c in "–—|-") else key
        if len(base.split()) < 4:
            base = key
        first = seen.get(key) or seen.get(base)
        if first is None and key.endswith(("…", "...")) and len(key) <= 200:
            # A copy cut short by the widget that shows it: "Putin visita a Coreia do…".
            stem = key.rstrip(".… ")
            if len(stem.split()) >= 4:
                first = next((k_n for k, k_n in seen.items() if k.startswith(stem) and k != stem), None)
        if first is not None:
            t = line.text
            a = len(t) - len(t.lstrip())
            b = len(t.rstrip())
            yield Hit(line.start + a, line.start + b, suggestion="",
                      args={"first": first, "short": _short(" ".join(parts))})
        else:
            seen.setdefault(key, n)
            seen.setdefault(base, n)


_W = r"\w+(?:[-'’]\w+)*"
# Two or more words with nothing but spaces between them (punctuation ends a run).
_RUN = re.compile(rf"(?<![\w'’-]){_W}(?:[ \t\u00a0]+{_W})+")
_WORD = re.compile(_W)


@check(
    "D102", "stuttered-sequence", Severity.WARNING,
    category="repetition",
    message="Stuttered repeat of '{repeated}': '{text}'",
    examples=[
        bad("Coréia do Norte‘s Kim Jong Un [[Jong U]] reiterou seu apoio", suggest=""),
        bad("o presidente Vladimir Putin [[Vladimir Putin]] chegou", suggest=""),
        bad("de acordo com [[de acordo com]] a agência", suggest=""),
        good("Kim Jong Un e Kim Yo Jong chegaram juntos."),
        good("New York, New York é uma canção."),
        good("Aos poucos, pouco a pouco, a cidade voltou ao normal."),
        good("O placar foi 2 a 2 e depois 3 a 3."),
        good("Pouco a pouco a cidade voltou ao normal, e dia a dia a rotina mudou."),
        good("Ficaram frente a frente a noite toda, lado a lado."),
    ],
)
def stuttered_sequence(doc: Document, ctx) -> Iterator[Hit]:
    """A sequence of two or more words repeated at once, possibly cut short (`Jong Un Jong U`).

    ## Why it matters
    Machine translation stutters on names and phrases it does not segment well; the repeat
    garbles the name or the sentence.

    ## What fires
    Two to six words followed immediately (only spaces between) by the same words again, the
    last one possibly cut short (`Un` → `U`). Sequences separated by punctuation (`New York,
    New York`) and sequences of numbers stay silent.
    """
    for m in scan(_RUN, doc.text):
        # A run holds only words and spaces, so split() gives its words.
        group = m.group()
        low = group.lower().split()
        n = len(low)
        if n < 4 or len(set(low)) == n:
            continue  # no word comes back: nothing can repeat
        base = m.start()
        run: list[tuple[int, int, str]] | None = None  # (start, end, word), built on first use
        i = 0
        while i < n:
            kmax = min(6, (n - i) // 2)
            if kmax < 2:
                break  # too few words left for a repeat of two
            wi = low[i]
            if wi not in low[i + 2 : i + kmax + 1]:
                i += 1  # a repeat starting here brings word i back 2 to kmax words later
                continue
            hit = None
            for k in range(kmax, 1, -1):
                if low[i + k] != wi:
                    continue
                first, second = low[i : i + k], low[i + k : i + 2 * k]
                if first[:-1] != second[:-1] or not first[-1].startswith(second[-1]):
                    continue
                if not any(c.isalpha() for w in first for c in w):
                    continue
                if run is None:
                    run = [(base + w.start(), base + w.end(), w.group()) for w in _WORD.finditer(group)]
                last = run[i + 2 * k - 1][2]
                if first[-1] != second[-1] and not last[:1].isupper():
                    continue  # only names are cut short this way ("Jong Un Jong U")
                mid = run[i + 1][2]
                if k == 2 and len(mid) <= 3 and mid.islower():
                    continue  # "pouco a pouco a", "dia a dia a": a reduplication, then a word
                hit = k
                break
            if hit:
                k = hit
                assert run is not None
                a, b = run[i + k][0], run[i + 2 * k - 1][1]
                repeated = doc.text[run[i][0] : run[i + k - 1][1]]
                yield Hit(a, b, suggestion="", args={"repeated": repeated})
                i += 2 * k
            else:
                i += 1


_DOUBLE = re.compile(r"(?<![\w'’-])(\w+)[ \t\u00a0]+(\1)(?![\w'’-])", re.IGNORECASE)


@cache
def _allowed(language: str) -> frozenset[str]:
    return frozenset(per_language("repetition", "allowed_doubles").get(language, ()))


@check(
    "D103", "doubled-word", Severity.WARNING,
    category="repetition",
    message="Word doubled: '{text}'",
    examples=[
        bad("o acordo [[de de]] cooperação", suggest="de"),
        bad("He said [[the the]] deal was done.", suggest="the", language="en"),
        bad("[[O o]] governo anunciou", suggest="O"),
        bad("Norris largou em segundo. Na volta 30, [[Norris Norris]] passou Piastri, e Norris venceu.",
            suggest="Norris"),
        good("A banda Duran Duran tocou em Bora Bora; Duran Duran voltou em 2024."),
        good("É muito, muito emocionante."),
        good("Se se confirmar a previsão, vai chover."),
        good("Pouco a pouco, dia a dia, a cidade mudou."),
        good("O placar terminou 20 20 no primeiro tempo."),
        good("A banda Duran Duran tocou em Bora Bora."),
        good("He said that that was wrong.", language="en"),
    ],
)
def doubled_word(doc: Document, ctx) -> Iterator[Hit]:
    """The same word twice in a row (`de de`, `the the`).

    ## Why it matters
    A doubled word is a typing or assembly slip that machine translation and scraping both
    produce; it is easy to miss and looks careless in print.

    ## What fires
    Two identical words (case ignored) with only spaces between them; a capitalised name written
    twice only when the text also names it alone at least twice (`Norris Norris`). Numbers,
    names written twice with capitals (`Bora Bora`) and the language's legitimate doubles (`se se`, `bye bye`,
    `that that`) stay silent; a comma between the words (`muito, muito`) is not a doubling.
    """
    allowed = _allowed(doc.language or "")
    matches = list(scan(_DOUBLE, doc.text))
    doubles: dict[str, int] = {}
    for m in matches:
        if m.group(2)[:1].isupper():
            doubles[m.group(1)] = doubles.get(m.group(1), 0) + 1
    counts: dict[str, int] | None = None
    for m in matches:
        w1, w2 = m.group(1), m.group(2)
        lw = w1.lower()
        if lw in allowed or not lw.isalpha():
            continue
        if w2[:1].isupper() and len(w1) > 1:
            # A name written twice (Bora Bora, Duran Duran) stays silent, unless the text names
            # it alone too: "Norris ultrapassou ... Norris Norris venceu" doubles a surname.
            if counts is None:  # every word counted in one pass, only when a name is doubled
                counts = {}
                for w in _NAME_TOKEN.findall(doc.text):
                    counts[w] = counts.get(w, 0) + 1
            if counts.get(w1, 0) - 2 * doubles.get(w1, 0) < 2:
                continue
        yield Hit(m.start(), m.end(), suggestion=w1)


#: Words as _DOUBLE reads them (D103 counts a name's occurrences with it).
_NAME_TOKEN = re.compile(r"(?<![\w'’-])\w+(?![\w'’-])")


# --- D104 a word repeated after a measure ----------------------------------------------------------

_AFTER_MEASURE = re.compile(
    r"(?<![\w'’-])([^\W\d_]{4,})[ \t]+(?P<prep>(?:de|com|em|a|por|of|at|with|up\s+to|até)[ \t]+)?"
    r"(\d[\d.,]*)[ \t]*(?P<unit>[^\W\d_]{1,12}\b|%|°[CF]?)?[ \t]+(\1)(?![\w'’-])",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s*(?:[^\W\d_]{1,4}|%)?\s*$")


@check(
    "D104", "word-repeated-after-measure", Severity.WARNING,
    category="repetition",
    message="'{word}' repeated after the measure: '{text}'",
    examples=[
        bad("um aspirador silencioso de 60 dB [[silencioso]] e leve", suggest=""),
        bad("uma panela funda de 24 centímetros [[funda]] e pesada", suggest=""),
        good("O preço passou de 20 reais a 30 reais em um mês."),
        good("entre 5 milhões e 10 milhões de pessoas"),
        good("A mala de 23 kg vai no porão, e a mala de 10 kg, na cabine."),
        good("O placar terminou 3 a 1; no outro jogo, 2 a 1."),
        good("Leia o capítulo 3 capítulo 4 e capítulo 5 do livro."),
    ],
)
def word_repeated_after_measure(doc: Document, ctx) -> Iterator[Hit]:
    """A word said again right after a number and its unit (`silencioso de 60 dB silencioso`).

    ## Why it matters
    English puts the measure before the noun (`a 60 dB quiet motor`); a translation that moves
    the adjective and keeps it in place too says the word twice around the number.

    ## What fires
    A word of four letters or more, then (after at most one preposition) a number with an
    optional unit, then the same word again, with no punctuation between. The same noun after
    two numbers (`de 20 reais a 30 reais`) stays silent: the first copy must not follow a number
    itself.
    """
    text = doc.text
    for m in scan(_AFTER_MEASURE, text):
        w = m.group(1)
        if not w.islower() and not w.istitle():
            continue
        if _NUMBER_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        if not (m.group("prep") or m.group("unit")):
            continue  # "capítulo 3 capítulo 4": a numbered list, not a measure
        yield Hit(m.start(5), m.end(5), suggestion="", args={"word": w})


# --- D105 a verb repeated in a coordinated clause --------------------------------------------------


@cache
def _verb_parts(language: str) -> tuple[tuple[str, ...], re.Pattern[str]] | None:
    endings = per_language("repetition", "verb_endings").get(language)
    if not endings:
        return None
    conj = {"pt": "e", "en": "and"}.get(language, "e")
    # The conjunction and the word after it; the words before are looked at in code.
    after = re.compile(rf"(?<![\w'’-]){conj}[ \t]+([^\W\d_]{{6,}})(?![\w'’-])")
    return tuple(sorted(endings, key=len, reverse=True)), after


_CLAUSE_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@check(
    "D105", "repeated-coordinated-verb", Severity.WARNING,
    category="repetition",
    message="Verb '{word}' repeated in the coordinated clause: '{text}'",
    languages=("pt", "en"),
    examples=[
        bad("Os convidados chegaram cedo e [[chegaram]] com flores para a noiva.", suggest=""),
        bad("Os preços subiram muito e [[subiram]] de novo em maio.", suggest=""),
        good("Correu, correu e chegou a tempo."),
        good("Ele falou e falou, mas ninguém ouviu."),
        good("Os preços subiram em maio e caíram em junho."),
        good("Os alunos estudaram muito e estudaram bem, disse a diretora, ao elogiar a turma."),
        good("Os preços subiram em maio e subiram de novo em junho."),
    ],
)
def repeated_coordinated_verb(doc: Document, ctx) -> Iterator[Hit]:
    """The same verb after `e` in a short coordinated clause (`chegaram cedo e chegaram com`).

    ## Why it matters
    Machine translation renders two source verbs close in meaning (`arrived early, came with`)
    with the same Portuguese verb; the clause then says the same thing twice.

    ## What fires
    A verb form of six letters or more (by its ending: `-aram`, `-ou`, `-iam`, ...), one
    lower-case word, `e`, and the same verb again. Emphatic doubling (`falou e falou`) has no words
    between and stays silent; so does a parallel pair marked as such by a comma after it
    (`estudaram muito e estudaram bem, disse`).
    """
    parts = _verb_parts(doc.language or "")
    if parts is None:
        return
    endings, after = parts
    text = doc.text
    for m in scan(after, text):
        w = m.group(1)
        if not w.islower() or not w.endswith(endings):
            continue
        # The one to three words before the conjunction, with only spaces between them.
        before = text[max(0, m.start() - 80) : m.start()]
        if not before.endswith((" ", "\t")):
            continue
        chunk = re.split(r"[^\w \t'’-]", before)[-1]
        words = chunk.split()
        # Exactly one word between, itself lower case: "chegaram cedo e chegaram".
        if len(words) < 2 or words[-2] != w or not words[-1].isalpha() or not words[-1].islower():
            continue
        k = 2
        # A parallel pair: the second verb is followed by the same number of words and a comma.
        tail = text[m.end(1) : m.end(1) + 40].split(",", 1)
        if len(tail) == 2 and len(tail[0].split()) <= k - 1:
            continue
        yield Hit(m.start(1), m.end(1), suggestion="", args={"word": w})


# --- D106 a label repeated with its value ---------------------------------------------------------

_FUSED = re.compile(
    r"(?<![\w'’-])([^\W\d_]{3,})(?:[ \t]*(?:\*\*|__|</?\w{1,6}>|\|)|:(?=\S))+[ \t]*(\1)(?![\w'’-])",
    re.IGNORECASE,
)
#: A capitalised word twice at the start of a line, then a colon or a figure: a doubled label.
_DOUBLED_LABEL = re.compile(
    r"[ \t]*((?-i:[A-ZÀ-Ý])[^\W\d_]{2,})[ \t]+(\1)(?=[ \t]*:|[ \t]+(?:R\$|US\$|€|\$|\d))", re.IGNORECASE
)
#: Words that open a sentence: after a repeated label they show a value, not a longer name.
_SENTENCE_OPENERS = frozenset(
    "O A Os As Um Uma Este Esta Estes Estas Esse Essa É Em No Na Nos Nas Com Para Por Se The This It"
    " A It's".split()
)
# A capital right after a lower-case letter: where a word glued to a capitalised copy of itself
# ("PreçoPreço", "preçoPreço") can be.
_CAMEL_SEAM = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]")
_MARKUP = re.compile(r"\*\*|__|</?\w{1,6}>|\||(?<=[^\W\d_]):(?=[^\W\d_])")


def _word_start(text: str, pos: int, floor: int) -> int:
    """The start of the word that ends at or holds ``pos`` (not before ``floor``)."""
    i = pos
    while i > floor and text[i - 1].isalpha():
        i -= 1
    return i


@check(
    "D106", "label-repeated-in-value", Severity.WARNING,
    category="repetition",
    message="Label repeated with its value: '{text}'",
    examples=[
        bad("Ficha técnica\nPotência\n[[Potência]]: 1.200 W\nCapacidade\n[[Capacidade]]: 2 litros"),
        bad("Ficha técnica\n**Preço**[[Preço]] R$ 3.000"),
        bad("Ficha técnica\nMarca[[Marca]] Arvelo\nCor:[[cor]] preta"),
        good("Comprei um bombom e um tutu de feijão. Hora: 10h"),
        bad("Ficha técnica\nPreço [[Preço]]: R$ 3.000\nPeso [[Peso]] 180 g"),
        bad("Descrição\n[[Descrição]] O liquidificador tem copo de vidro e cinco velocidades."),
        bad("Ficha técnica\nCor | [[Cor]] preta"),
        good("Bora Bora é uma ilha da Polinésia Francesa.\nBora Bora\n\nO hotel fica na praia."),
        good("Paris\nParis Saint-Germain venceu o Lyon por 2 a 0 neste domingo, no Parque dos Príncipes."),
        good("Inflação\n\nInflação sobe 0,4% em maio e pressiona o Banco Central, dizem analistas."),
        good("Edição: Carlos Lima"),
        good("Serviço\nServiço de ônibus será ampliado na próxima semana."),
    ],
)
def label_repeated(doc: Document, ctx) -> Iterator[Hit]:
    """A label written twice, fused with its value across a line break or markup (`Peso Peso:`).

    ## Why it matters
    Spec tables and definition lists keep their label twice when a page is converted to text
    (once as a cell, once as the start of the value); the translation reads `Peso Peso: 2 kg`.

    ## What fires
    A line of one to three words followed by a line that starts with the same words and then a
    colon, a short value (not a sentence) or a new sentence (`Descrição`, then `Descrição O
    aparelho ...`);
    a capitalised word doubled at the start of a line before a colon or a figure (`Preço Preço:
    R$ 10`); a word repeated across markup or a colon with no space (`**Preço**Preço`, `Cor |
    Cor`, `Cor:cor`); and a word glued to a capitalised copy of itself (`MarcaMarca`).
    A heading followed by a sentence that opens with the same word stays silent.
    """
    text = doc.text
    lines = [ln for ln in doc.lines if ln.text.strip()]
    for first, second in zip(lines, lines[1:], strict=False):
        label = " ".join(first.text.split())
        if not 1 <= len(label.split()) <= 3 or label[-1:] in ".!?;,":
            continue
        label = label.rstrip(":")
        if not label[:1].isalpha():
            continue  # "#", "-", "1.": markers, not labels
        t = second.text.lstrip()
        if not t.lower().startswith(label.lower()) or len(t) == len(label):
            continue
        rest = t[len(label) :]
        if rest[:1].isalnum():
            continue  # "Tela" then "Telas ...": another word
        value = rest.lstrip(" :\t")
        opener = value.split(None, 1)[0] if value else ""
        if (rest.lstrip(" \t")[:1] == ":" or (len(value.split()) <= 6 and value[-1:] not in ".!?")
                or (" " not in label and opener in _SENTENCE_OPENERS)):
            a = second.start + (len(second.text) - len(t))
            yield Hit(a, a + len(label), suggestion="")
    for line in lines:
        # "Preço Preço: R$ 10": a capitalised label doubled on its own line, then the value.
        m = _DOUBLED_LABEL.match(line.text)
        if m:
            yield Hit(line.start + m.start(2), line.start + m.end(2), suggestion="")
    n = len(text)
    done = -1
    for m in scan(_MARKUP, text):
        # A label fused with its value needs a word right before the markup (spaces aside).
        p = m.start()
        while p > 0 and text[p - 1] in " \t" and m.start() - p < 3:
            p -= 1
        a = _word_start(text, p, max(0, p - 40))
        if a == p or a < done:
            continue
        f = _FUSED.match(text, a)
        if f:
            done = f.end()
            yield Hit(f.start(2), f.end(2), suggestion="")
    done = -1
    for m in scan(_CAMEL_SEAM, text):
        a, b = _word_start(text, m.start(), max(0, m.start() - 40)), m.end()
        if a < done:
            continue
        while b < n and text[b].isalpha():
            b += 1
        w = text[a:b]
        h = len(w) // 2
        if len(w) >= 6 and len(w) % 2 == 0 and w[h].isupper() and w[:h].lower() == w[h:].lower():
            done = b
            yield Hit(a + h, b, suggestion="")


# --- D107 a table of contents repeating the headings -----------------------------------------------


@cache
def _toc_rx() -> re.Pattern[str]:
    alts = sorted(all_languages("repetition", "toc_label"), key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, a.split())) for a in alts)
    return re.compile(rf"[#*\s]*(?:{alt})\s*[:.]?[*\s]*", re.IGNORECASE)


@check(
    "D107", "table-of-contents-repeat", Severity.WARNING,
    category="repetition",
    message="Table-of-contents entry repeating a heading of the text: '{text}'",
    examples=[
        bad("Como plantar tomates\n\nÍndice\n\n[[Preparo do solo]]\n[[Colheita]]\n\n"
            "Preparo do solo\n\nO texto começa aqui, com um ponto.\n\nColheita\n\nOs frutos ficam vermelhos."),
        bad("Sumário:\n[[1. Ingredientes]]\n[[2. Modo de preparo]]\n\nIngredientes\nFarinha, ovos e leite.\n\n"
            "Modo de preparo\nMisture tudo e asse por meia hora."),
        good("O índice subiu.\n\nResultados\n\nO método funciona.\n\nResultados\n\nDe novo."),
        good("Índice\n\nO Índice de Preços subiu 0,4% em maio, segundo o IBGE."),
        bad("Como plantar tomates\nÍndice [[Como plantar tomates Preparo Colheita]]\n\nTexto."),
        good("Índice de preços sobe\n\nÍndice de preços sobe 0,4% em maio, diz o IBGE."),
    ],
)
def toc_repeat(doc: Document, ctx) -> Iterator[Hit]:
    """Lines of a table-of-contents widget that repeat the title or headings of the text.

    ## Why it matters
    A contents widget (`Índice`, `Sumário`, `Table of contents`) lists the article's title and
    headings; scraped into the text, each of them comes twice. Short headings (`Introdução`)
    are below the length at which D101 compares lines.

    ## What fires
    After a line that is only a contents label, each of the following short lines (up to the
    first paragraph of running text) that also appears elsewhere in the text as a line,
    compared without list numbers, case and final punctuation; and the rest of a line that
    opens with the label, when it starts with another line of the text (the widget on one
    line). The label alone, or a label followed by prose, stays silent.
    """
    rx = _toc_rx()
    lines = [(ln.start, ln.text) for ln in doc.lines if ln.text.strip()]
    keys_all: dict[str, int] | None = None
    for i, (start, t) in enumerate(lines):
        m = rx.match(t)
        if m and m.end() < len(t.rstrip()) and len(t) <= 300:
            # "Índice Como plantar tomates ...": the label and the entries on one line.
            rest = t[m.end() :].rstrip()
            if keys_all is None:
                keys_all = {}
                for k, (_, lt) in enumerate(lines):
                    if len(lt.split()) >= 3:
                        keys_all.setdefault(_norm(lt.split()), k)
            low = _norm(rest.split())
            hit = next((key for key, k in keys_all.items() if k != i and low.startswith(key)), None)
            if hit and m.end() > 0 and not t[m.end() - 1].isalnum():
                yield Hit(start + m.end(), start + m.end() + len(rest), suggestion="")
            continue
        if len(t) > 40 or not rx.fullmatch(t):
            continue
        entries = []
        seen: set[str] = set()
        j = i + 1
        while j < len(lines) and len(entries) < 40:
            et = lines[j][1].strip()
            key = _norm(et.split())
            if len(et.split()) > 15 or (et[-1:] in ".!?" and len(et.split()) > 8) or key in seen:
                break  # running text, or the headings come again: the body has begun
            seen.add(key)
            entries.append(j)
            j += 1
        keys = {}
        for k, (_, lt) in enumerate(lines):
            if not i < k < j:
                keys.setdefault(_norm(lt.split()), k)
        for k in entries:
            start, lt = lines[k]
            if _norm(lt.split()) in keys:
                a = start + len(lt) - len(lt.lstrip())
                yield Hit(a, start + len(lt.rstrip()), suggestion="")


# --- D108 a line that holds its text twice ---------------------------------------------------------

_TWICE = re.compile(r"(?P<x>\S.{14,}?\S)\s*(?:[|–—-]\s*)?(?P=x)", re.IGNORECASE)


@check(
    "D108", "line-text-doubled", Severity.WARNING,
    category="repetition",
    message="Text repeated within the line: '{short}'",
    examples=[
        bad("Como regar as plantas durante as férias[[Como regar as plantas durante as "
            "férias]]\n\nTexto."),
        bad("Governo anuncia plano de obras nas capitais [[Governo anuncia plano de obras nas capitais]]"),
        good("Governo anuncia plano de obras; oposição anuncia plano de obstrução."),
        good("É muito, muito emocionante, muito, muito mesmo."),
        good("New York, New York é uma canção de 1977."),
    ],
)
def line_text_doubled(doc: Document, ctx) -> Iterator[Hit]:
    """A line whose text comes twice in a row (`Título do artigoTítulo do artigo`).

    ## Why it matters
    A title or a heading exported from two page elements (the visible heading and a hidden
    copy for screen readers or social cards) ends up glued to itself on one line; D102 only
    compares up to six words.

    ## What fires
    A line that is a stretch of fifteen characters or more (three words at least) followed at
    once, or after a space, a dash or a bar, by the same stretch again, case ignored, and
    nothing else.
    """
    for line in doc.lines:
        t = line.text.strip()
        if not 32 <= len(t) <= 400:
            continue
        half = t[: len(t) // 2 + 1]
        # Cheap prefilter: the line's first eight characters come back in its second half.
        if t.find(t[:8], len(half) - 8) < 0:
            continue
        m = _TWICE.fullmatch(t)
        if m and len(m.group("x").split()) >= 3:
            a = line.start + (len(line.text) - len(line.text.lstrip()))
            second = a + t.lower().rfind(m.group("x").lower())
            yield Hit(second, second + len(m.group("x")), suggestion="",
                      args={"short": _short(m.group("x"))})


CHECKS = (
    repeated_line,
    stuttered_sequence,
    doubled_word,
    word_repeated_after_measure,
    repeated_coordinated_verb,
    label_repeated,
    toc_repeat,
    line_text_doubled,
)
