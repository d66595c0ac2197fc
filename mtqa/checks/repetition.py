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
from mtqa.checks.data import per_language
from mtqa.core.model import Document, Severity

# A site name appended to a title: " – NewsNation", " | Globo", " - BBC News".
_SITE_SUFFIX = re.compile(r"\s+[–—|-]\s+[\w.&' ]{2,30}$")


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
    ],
)
def repeated_line(doc: Document, ctx) -> Iterator[Hit]:
    """A line (a title, a paragraph) that already appeared earlier in the document.

    ## Why it matters
    Scraped pages repeat the title (page header, body, social card); each copy after the first
    is noise the reader has to skip.

    ## What fires
    Every later copy of a line of four or more words, compared after normalising whitespace.
    A copy that differs only by a site name appended after a dash (` – NewsNation`) counts as
    the same line. The first copy stays silent.
    """
    seen: dict[str, int] = {}
    for n, line in enumerate(doc.lines, 1):
        if len(line.text) < 16:
            continue
        parts = line.text.split()
        if len(parts) < 4:
            continue
        key = " ".join(parts)
        # A site suffix needs a dash or a bar: most lines skip the pattern.
        base = _SITE_SUFFIX.sub("", key) if any(c in key for c in "–—|-") else key
        if len(base.split()) < 4:
            base = key
        first = seen.get(key) or seen.get(base)
        if first is not None:
            t = line.text
            a = len(t) - len(t.lstrip())
            b = len(t.rstrip())
            yield Hit(line.start + a, line.start + b, suggestion="",
                      args={"first": first, "short": _short(key)})
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
    for m in _RUN.finditer(doc.text):
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
    Two identical words (case ignored) with only spaces between them. Numbers, names written
    twice with capitals (`Bora Bora`) and the language's legitimate doubles (`se se`, `bye bye`,
    `that that`) stay silent; a comma between the words (`muito, muito`) is not a doubling.
    """
    allowed = _allowed(doc.language or "")
    for m in _DOUBLE.finditer(doc.text):
        w1, w2 = m.group(1), m.group(2)
        lw = w1.lower()
        if lw in allowed or not lw.isalpha():
            continue
        if w2[:1].isupper() and len(w1) > 1:
            continue  # a name written twice: Bora Bora, Duran Duran
        yield Hit(m.start(), m.end(), suggestion=w1)


CHECKS = (repeated_line, stuttered_sequence, doubled_word)
