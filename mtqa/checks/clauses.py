"""Clauses (Q1xx): the conjunction English may leave out and Portuguese may not.

English reports speech with or without `that` (`the media said Mr Putin spoke`); Portuguese
needs `que` (`a mídia disse que o senhor Putin falou`). Machine translation follows the English
and joins the reporting verb straight to the reported clause: `A mídia estatal russa disse
Senhor Putin falou`. The verbs are data (``mtqa/checks/data/clauses.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.articles import trie_pattern
from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan
from mtqa.lang import GAP

_GAP = GAP  # spaces, tabs, no-break spaces between two words (mtqa.lang)
_CAP = r"[A-ZÀ-ÖØ-Þ]"
#: The word right before the verb, with only blanks between (no comma, quote or dash).
_PREV = re.compile(rf"(?<![\w-])(?P<prev>[\w-]+){_GAP}$")


@cache
def _pattern(language: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    data = load("clauses")
    verbs = (data.get("reporting_verbs") or {}).get(language)
    if not verbs:
        return None
    stop = frozenset((data.get("inverting_words") or {}).get(language) or ())
    rx = re.compile(
        # a verb of saying and a capitalised word; the word before the verb (the end of its
        # subject, with no punctuation between) is looked at afterwards
        rf"(?<![\w-])(?P<verb>{trie_pattern(verbs)}){_GAP}(?P<next>{_CAP}[\w-]*)"
    )
    return rx, stop


def _has_que_soon(text: str, pos: int, words: int = 4) -> bool:
    """True when `que` comes within the next few words (an inverted subject: `disse Lula que`)."""
    following = text[pos:pos + 80].split("\n", 1)[0].split()[:words]
    return any(w.strip(",;:").lower() == "que" for w in following)


@check(
    "Q101", "reported-speech-without-que", Severity.WARNING,
    category="calque",
    message="'{text}': Portuguese joins a reported clause with 'que'; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("A mídia estatal russa [[disse]] Senhor Putin falou com Senhor Kim por duas horas.",
            suggest="disse que"),
        bad("O porta-voz [[afirmou]] Moscou não aceitará as condições.", suggest="afirmou que"),
        bad("Os analistas [[dizem]] Pyongyang enviou mais tropas.", suggest="dizem que"),
        good("A mídia estatal russa disse que Putin falou com Kim por duas horas."),
        good("“A situação está a agravar-se”, disse Kim."),
        good("«Os mísseis salvam cidades», afirmou Zelensky, à chegada à reunião."),
        good("Como disse Lula na abertura, o país voltou."),
        good("Foi o que disse Putin aos jornalistas."),
        good("Em entrevista disse Lula que o acordo sai neste ano."),
        good("O ministro disse à Reuters que o acordo está próximo."),
        good("A CBF anunciou Dorival Júnior como novo técnico."),
    ],
)
def reported_speech_without_que(doc: Document, ctx) -> Iterator[Hit]:
    """A reporting verb joined straight to the reported clause, without `que` (`disse Putin falou`).

    ## Why it matters
    English can drop `that` after `said`; Portuguese cannot drop `que`. `A mídia disse Senhor
    Putin falou` is English syntax in Portuguese words, and the reader has to guess where the
    reported clause begins.

    ## What fires
    A verb of saying (`disse`, `afirmou`, `dizem`, … — verbs that take a clause, not a person,
    as object) after the end of its subject, followed at once by a capitalised word (a name
    starting the reported clause), with no `que` in the next words.

    ## What stays silent
    The inverted verb after a quote or a comma (`”, disse Kim`), after `como`, `segundo`, `o que`
    (`como disse Lula`), an inverted subject followed by `que` (`disse Lula que`), and a
    preposition after the verb (`disse à Reuters`).
    """
    pat = _pattern(doc.language or "pt")
    if pat is None:
        return
    rx, stop = pat
    text = doc.text
    for m in scan(rx, text):
        p = _PREV.search(text, max(0, m.start() - 40), m.start())
        if p is None:
            continue  # the verb starts a line or follows punctuation: an inverted subject
        prev = p.group("prev")
        if prev.lower() in stop or prev.isdigit():
            continue
        if _has_que_soon(text, m.end("verb")):
            continue
        yield Hit(m.start("verb"), m.end("verb"), suggestion=f"{m.group('verb')} que")





@cache
def _que_infinitive(language: str) -> re.Pattern[str] | None:
    data = load("clauses")
    words = list((data.get("subjunctive_triggers") or {}).get(language) or ())
    copulas = (data.get("subjunctive_copulas") or {}).get(language) or ()
    adjectives = (data.get("subjunctive_adjectives") or {}).get(language) or ()
    words += [f"{c} {a}" for c in copulas for a in adjectives]  # a space matches any blanks
    if not words:
        return None
    alts = trie_pattern(sorted({f for w in words for f in (w, w[:1].upper() + w[1:])}))
    return re.compile(rf"(?<![\w-])(?P<trigger>{alts}){_GAP}(?P<que>que){_GAP}"
                      rf"(?P<verb>[a-zà-öø-ÿ]{{2,}}(?:ar|er|ir|or|ôr|pôr))(?![\w-])")


@check(
    "Q102", "infinitive-after-que", Severity.WARNING,
    category="calque",
    message="'{text}': after '{trigger}', 'que' takes a finite verb (the subjunctive); write "
            "'{suggestion}' or 'que' + subjunctive",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("Sugerimos [[que baixar]] o aplicativo antes de viajar.", suggest="baixar"),
        bad("A empresa pede [[que enviar]] os documentos até sexta-feira.", suggest="enviar"),
        bad("É importante [[que verificar]] a data de validade.", suggest="verificar"),
        bad("Será preciso [[que renovar]] o contrato.", suggest="renovar"),
        good("Sugerimos que você baixe o aplicativo antes de viajar."),
        good("Sugerimos baixar o aplicativo; temos que baixar o outro também."),
        good("Não sabemos o que fazer, e não há nada que fazer agora."),
        good("A empresa pede que os clientes enviem os documentos."),
        good("É importante que o mar esteja calmo."),
    ],
)
def infinitive_after_que(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """An infinitive right after `que` where a finite verb belongs (`sugerimos que baixar`).

    ## Why it matters
    English says `we recommend to install` and `it is important to check`; Portuguese either
    drops `que` (`recomendamos instalar`, `é importante verificar`) or conjugates the verb
    (`recomendamos que você instale`). Machine translation produces a blend of the two that no
    writer of Portuguese produces: `sugerimos que baixar`.

    ## What fires
    A verb or phrase that takes a clause in the subjunctive (`recomendamos`, `pede`, `sugere`,
    `é importante`, `será preciso`… lists in the data), `que`, and a word the lexicon knows as
    an infinitive. The suggestion drops `que`.

    ## What stays silent
    `ter que` + infinitive (`temos que instalar`), `o que fazer`, `nada que fazer`, `que` +
    a finite verb or a subject (`que você instale`, `que o mar esteja`), and nouns that end like
    an infinitive (`que o mar`: only a verb right after `que` counts).
    """
    rx = _que_infinitive(doc.language or "pt")
    if rx is None or "que" not in doc.text:
        return
    lexicon = ctx.providers.get("lexicon")
    for m in scan(rx, doc.text):
        verb = m.group("verb")
        if not lexicon.is_verb(verb):
            continue
        yield Hit(m.start("que"), m.end("verb"), suggestion=verb, args={"trigger": m.group("trigger")})


CHECKS = (reported_speech_without_que, infinitive_after_que)
