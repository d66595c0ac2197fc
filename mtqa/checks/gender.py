"""Gender agreement (V102): a determiner of one gender before a noun of the other.

`à combate` (for `ao combate`), `um guerra`, `da problema`: machine translation picks the
determiner from a word nearby, or fuses `a` with an article the noun does not take. The nouns'
genders come from the annotated European Portuguese hunspell list (the ``lexicon`` provider); the
determiners and the exceptions are data (``mtqa/checks/data/gender.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.articles import trie_pattern
from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity
from mtqa.core.text import line_closes

_GENDER_NAME = {"m": "masculine", "f": "feminine"}


@cache
def _data(language: str):
    data = load("gender")
    pairs = (data.get("determiners") or {}).get(language)
    if not pairs:
        return None
    gender = {}
    other = {}
    for masc, fem in pairs.items():
        gender[masc], gender[fem] = "m", "f"
        other[masc], other[fem] = fem, masc
    dets = trie_pattern(sorted({w for d in gender for w in (d, d[0].upper() + d[1:])}))
    rx = re.compile(rf"(?<![\w-])(?P<det>{dets})[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{{3,}})(?![\w-])")
    either = frozenset((data.get("either_gender") or {}).get(language) or ())
    persons = tuple((data.get("person_endings") or {}).get(language) or ())
    return rx, gender, other, either, persons


def _keyword_line(doc: Document, pos: int) -> bool:
    """True on a line of lower-case words with no closing punctuation: search keywords and
    lower-cased brand names scraped with the article (`jornal da globo`), not prose."""
    if line_closes(doc, pos):
        return False
    start, end = doc.line_bounds(pos)
    line = doc.text[start:end]
    return line == line.lower()


def _match_case(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


@check(
    "V102", "determiner-gender-mismatch", Severity.WARNING,
    category="agreement",
    message="'{text}': '{det}' is {det_gender} but '{noun}' is {noun_gender}; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("Todas as medidas no que diz respeito [[à combate]] à causa raiz da crise.", suggest="ao combate"),
        bad("O governo enfrenta [[um crise]] política.", suggest="uma crise"),
        bad("A solução [[do guerra]] passa por Moscou.", suggest="da guerra"),
        bad("[[Este semana]] o Senado vota a reforma.", suggest="Esta semana"),
        good("Todas as medidas no que diz respeito ao combate à causa raiz da crise."),
        good("A presidente da comissão recebeu a agente da Polícia Federal."),
        good("O segurança do prédio chamou um guarda e pesou um grama de ouro."),
        good("A jornalista entrevistou a atleta e a dirigente do clube."),
        good("Ao longo do dia, o sistema e o problema do mapa foram discutidos."),
        good("No entanto, na verdade, pela primeira vez, à medida que a crise avança."),
        good("globo com ao vivo\n\njornal da globo\n\nuol conteúdo"),
    ],
)
def determiner_gender_mismatch(doc: Document, ctx) -> Iterator[Hit]:
    """A determiner of one gender before a noun of the other (`à combate`, `um crise`).

    ## Why it matters
    Every Portuguese noun has a gender and its determiners agree with it: `o combate`, `a
    guerra`. A translation that fuses `a` with an article the noun does not take (`à combate`
    for `ao combate`) or carries a determiner over from a nearby word reads as a plain error.

    ## What fires
    A determiner whose gender is certain (`um/uma`, `do/da`, `no/na`, `pelo/pela`, `ao/à`,
    `este/esta`, …) directly before a noun the lexicon knows as a noun of the other gender
    only. The suggestion is the determiner of the noun's gender.

    ## What stays silent
    `o/a/os/as` (also pronouns and a preposition: `a pé`, `o ajuda`), plurals, nouns that are
    also adjectives or verbs in the lexicon, nouns said with either gender (`o segurança`, `um
    grama`, `o sanduíche`), nouns of persons after a feminine determiner (`a presidente`, `a
    agente`, `a jornalista`), words the lexicon does not know, and lines of lower-case keywords
    with no closing punctuation (`jornal da globo`).
    """
    d = _data(doc.language or "pt")
    if d is None:
        return
    rx, gender, other, either, persons = d
    lexicon = ctx.providers.get("lexicon")
    text = doc.text
    for m in rx.finditer(text):
        det, noun = m.group("det"), m.group("noun")
        g = lexicon.gender(noun)
        if g is None:
            continue
        dg = gender.get(det.lower())
        if dg is None or g == dg or noun in either:
            continue
        if dg == "f" and noun.endswith(persons):
            continue
        if _keyword_line(doc, m.start()):
            continue
        fix = _match_case(other[det.lower()], det)
        yield Hit(m.start(), m.end(), suggestion=f"{fix} {noun}",
                  args={"det": det, "noun": noun, "det_gender": _GENDER_NAME[dg],
                        "noun_gender": _GENDER_NAME[g]})


_ADJ_NOUN = re.compile(r"(?<![\w-])(?P<adj>[a-zà-öø-ÿ]+a)[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,}s)(?![\w-])")


@cache
def _not_plural_nouns(language: str) -> frozenset[str]:
    return frozenset((load("gender").get("not_plural_nouns") or {}).get(language) or ())


@check(
    "V103", "singular-adjective-before-plural-noun", Severity.WARNING,
    category="agreement",
    message="'{text}': the adjective '{adj}' is singular but '{noun}' is plural; they must agree",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("Lavrov disse que Putin espera [[contínua contatos]] diretos com Kim."),
        bad("O governo anunciou [[nova medidas]] contra a inflação."),
        good("Lavrov disse que Putin espera contatos diretos e contínuos com Kim."),
        good("A empresa limpa ruas e a prefeitura junta forças com o estado."),
        good("A atriz ficou famosa anos depois, e a peça nova dos alunos estreou."),
        good("A política externa mudou; a cidade russa fica perto das montanhas."),
    ],
)
def singular_adjective_before_plural_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A feminine singular adjective right before a plural noun (`contínua contatos`).

    ## Why it matters
    An adjective agrees in number with its noun: `contatos diretos contínuos`, `novas medidas`.
    A translation that moves `continued` in front of the noun and keeps it in the singular
    (`espera contínua contatos`) reads as two phrases glued together.

    ## What fires
    The feminine singular of an adjective the lexicon lists only as an adjective (`contínua`,
    `nova`, `russa`), then a word in -s whose singular the dictionary knows (`contatos`).

    ## What stays silent
    Adjectives that are also verb forms (`limpa ruas`, `junta forças`) or words of their own
    (`política`), plural function words and measures of time after it (`ficou famosa anos
    depois`, `nova dos`), and words the lexicon does not know.
    """
    lexicon = ctx.providers.get("lexicon")
    dictionary = ctx.providers.get("dictionary")
    skip = _not_plural_nouns(doc.language or "pt")
    for m in _ADJ_NOUN.finditer(doc.text):
        adj, noun = m.group("adj"), m.group("noun")
        if noun in skip or not lexicon.feminine_singular_adjective(adj):
            continue
        if not dictionary.known(noun[:-1], doc.language or "pt", doc.variant):
            continue
        yield Hit(m.start(), m.end(), args={"adj": adj, "noun": noun})


CHECKS = (determiner_gender_mismatch, singular_adjective_before_plural_noun)
