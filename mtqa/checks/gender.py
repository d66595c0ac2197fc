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


@cache
def _phrase_data(language: str):
    data = load("gender")
    strong = dict((data.get("determiners") or {}).get(language) or {})
    strong.update((data.get("possessives") or {}).get(language) or {})
    weak = dict((data.get("articles") or {}).get(language) or {})
    if not strong:
        return None
    gender, other = {}, {}
    for table in (strong, weak):
        for masc, fem in table.items():
            gender[masc], gender[fem] = "m", "f"
            other[masc], other[fem] = fem, masc
    weak_words = frozenset(w for pair in weak.items() for w in pair)
    dets = trie_pattern(sorted({w for d in gender for w in (d, d[0].upper() + d[1:])}))
    word = "[a-zà-öø-ÿ]{2,}"
    rx = re.compile(rf"(?<![\w-])(?P<det>{dets})[ \t\u00a0]+(?P<adj>{word})[ \t\u00a0]+"
                    rf"(?P<noun>{word})(?![\w-])")
    not_nouns = frozenset((data.get("not_nouns_after_ordinal") or {}).get(language) or ())
    return rx, gender, other, weak_words, not_nouns


def _feminine_of(adj: str) -> str:
    return adj[:-1] + "a"


def _masculine_of(adj: str) -> str:
    return adj[:-1] + "o"


@check(
    "V104", "noun-phrase-gender-mismatch", Severity.WARNING,
    category="agreement",
    message="'{text}': {detail}; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("A média [...] o preço.",
            suggest="uma poderosa resistência"),
        bad("A empresa previu [[sua segundo trimestre]] abaixo do esperado.",
            suggest="seu segundo trimestre"),
        bad("Os analistas temem que [[[...]]] não se sustente.", suggest="o recente feito"),
        bad("O governo assinou [[um nova acordo]] com os sindicatos.", suggest="um novo acordo"),
        good("A média está provando ser uma poderosa resistência; o recente feito é notável."),
        good("Os planos a longo prazo e a curto prazo, a médio prazo; relegado a segundo plano."),
        good("A grande maioria, a maior parte, uma grande jornalista e a jovem presidente."),
        good("A decisão foi sua, segundo fontes; ficou em seu segundo lugar e na sua primeira vez."),
        good("Uma nova era, um novo acordo e uma recente decisão; o primeiro ministro e a primeira dama."),
    ],
)
def noun_phrase_gender_mismatch(doc: Document, ctx) -> Iterator[Hit]:
    """A determiner, adjective and noun whose genders do not agree (`[...]`).

    ## Why it matters
    Inside a noun phrase the determiner and the adjective take the noun's gender: `uma
    poderosa resistência`, `seu segundo trimestre`. Machine translation picks the gender of an
    English word's most frequent rendering, or of the owner for a possessive (`sua segundo
    trimestre` for *its second quarter*), and the phrase reads as broken.

    ## What fires
    A determiner or possessive, an adjective, then a noun, with genders from the lexicon:
    the adjective of the other gender than determiner and noun (`[...]`); the
    determiner of the other gender than adjective (or ordinal) and noun (`sua segundo
    trimestre`, `um nova acordo`); a determiner of the other gender before an adjective of one
    form and a noun (`[...]`). The suggestion puts the odd word in the noun's gender.

    ## What stays silent
    Nouns of either gender or of persons (`a jovem presidente`), words the lexicon does not know,
    set phrases where `a` is a preposition (`a longo prazo`, `a segundo plano`), an ordinal not
    followed by its noun (`sua, segundo fontes`), and lines of lower-case keywords.
    """
    d = _data(doc.language or "pt")
    pd = _phrase_data(doc.language or "pt")
    if d is None or pd is None:
        return
    _, _, _, either, persons = d
    rx, gender, other, weak, not_nouns = pd
    lexicon = ctx.providers.get("lexicon")
    text = doc.text
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        pos = m.start("adj")
        det, adj, noun = m.group("det"), m.group("adj"), m.group("noun")
        dl = det.lower()
        dg = gender.get(dl)
        if dg is None or noun in either or adj in either:
            continue
        ag = lexicon.adjective_gender(adj)
        og = lexicon.ordinal_gender(adj)
        invariable = ag is None and og is None and lexicon.is_invariable_adjective(adj)
        detail = fix = None
        if ag is not None:
            ng = lexicon.gender(noun)
            if ng is None:
                continue
            if ng == dg and ag != dg:
                if dg == "f" and noun.endswith(persons):
                    continue
                new = _feminine_of(adj) if dg == "f" else _masculine_of(adj)
                detail = f"'{adj}' is {_GENDER_NAME[ag]} but '{det} … {noun}' is {_GENDER_NAME[dg]}"
                fix = f"{det} {new} {noun}"
            elif ag == ng != dg and dl not in weak:
                if dg == "f" and noun.endswith(persons):
                    continue
                detail = f"'{det}' is {_GENDER_NAME[dg]} but '{adj} {noun}' is {_GENDER_NAME[ng]}"
                fix = f"{_match_case(other[dl], det)} {adj} {noun}"
        elif og is not None:
            if og == dg or dl in weak or noun in not_nouns or noun.endswith("s"):
                continue
            ng = lexicon.nominal_gender(noun)
            if ng == dg or (ng is None and lexicon.likely_gender(noun) == dg):
                continue
            detail = f"'{det}' is {_GENDER_NAME[dg]} but '{adj}' is {_GENDER_NAME[og]}"
            fix = f"{_match_case(other[dl], det)} {adj} {noun}"
        elif invariable:
            ng = lexicon.nominal_gender(noun)
            if ng is None or ng == dg or lexicon.adjective_gender(noun) not in (None, ng):
                continue
            if dg == "f" and noun.endswith(persons):
                continue
            detail = f"'{det}' is {_GENDER_NAME[dg]} but '{noun}' is {_GENDER_NAME[ng]}"
            fix = f"{_match_case(other[dl], det)} {adj} {noun}"
        if detail is None or _keyword_line(doc, m.start()):
            continue
        pos = m.end()
        yield Hit(m.start(), m.end(), suggestion=fix, args={"detail": detail})


@cache
def _manner(language: str):
    data = load("gender")
    nouns = dict((data.get("manner_nouns") or {}).get(language) or {})
    if not nouns:
        return None
    adverbs = "|".join(sorted((data.get("manner_adverbs") or {}).get(language) or (), key=len, reverse=True))
    alts = "|".join(sorted(nouns, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w-])[Dd]e[ \t\u00a0]+(?P<noun>{alts})[ \t\u00a0]+"
                    rf"(?:(?:{adverbs})[ \t\u00a0]+)?(?P<adj>[a-zà-öø-ÿ]{{3,}})(?![\w-])")
    skip = frozenset((data.get("manner_not_adjectives") or {}).get(language) or ())
    return rx, nouns, skip


@check(
    "V105", "manner-adverbial-gender", Severity.WARNING,
    category="agreement",
    message="'{text}': the adjective must agree with '{noun}' ({gender}); write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("O preço pode não romper a média [[de forma decisivo]].", suggest="de forma decisiva"),
        bad("A equipe jogou [[de maneira muito organizado]].", suggest="de maneira muito organizada"),
        bad("O texto foi revisto [[de modo cuidadosa]].", suggest="de modo cuidadoso"),
        good("O preço rompeu a média de forma decisiva, de maneira organizada e de modo cuidadoso."),
        good("De forma geral, de maneira como se espera, de forma que todos vejam, de modo algum."),
        good("Fez de forma mais simples, de maneira tanto rápida quanto segura, de forma pouco clara."),
    ],
)
def manner_adverbial_gender(doc: Document, ctx) -> Iterator[Hit]:
    """`de forma`/`de maneira` with a masculine adjective, `de modo` with a feminine one.

    ## Why it matters
    Portuguese makes adverbials of manner with a noun and an adjective that agrees with it:
    `de forma decisiva`, `de maneira clara`, `de modo claro`. An engine that renders an English
    adverb (*decisively*) with the adjective's masculine form writes `de forma decisivo`.

    ## What fires
    `de forma` or `de maneira` (optionally with an adverb such as `muito`) before a masculine
    singular adjective, and `de modo` before a feminine one, with the adjective's forms from the
    lexicon or, for an adjective the lexicon lacks, from the dictionary (the word in -o whose form
    in -a is also a word).

    ## What stays silent
    Adjectives of one form (`de forma geral`), function words (`de maneira como`, `de forma que`,
    `de forma pouco clara`), and words that are not adjectives.
    """
    md = _manner(doc.language or "pt")
    if md is None:
        return
    rx, nouns, skip = md
    lexicon = ctx.providers.get("lexicon")
    dictionary = ctx.providers.get("dictionary")
    lang = doc.language or "pt"
    for m in rx.finditer(doc.text):
        noun, adj = m.group("noun"), m.group("adj")
        want = nouns[noun]
        if adj in skip or adj.endswith("ndo"):
            continue
        ag = lexicon.adjective_gender(adj)
        if ag is None and want == "f" and adj.endswith("o") and lexicon.nominal_gender(adj) is None \
                and lexicon.gender(adj) is None and not lexicon.is_verb(adj[:-1] + "ar"):
            # An adjective the annotated list lacks: both its forms are words.
            if dictionary.known(adj, lang, doc.variant) and dictionary.known(adj[:-1] + "a", lang, doc.variant):
                ag = "m"
        if ag is None or ag == want:
            continue
        new = _feminine_of(adj) if want == "f" else _masculine_of(adj)
        fix = doc.text[m.start():m.start("adj")] + new
        yield Hit(m.start(), m.end(), suggestion=fix,
                  args={"noun": noun, "gender": _GENDER_NAME[want]})


CHECKS = (determiner_gender_mismatch, singular_adjective_before_plural_noun,
          noun_phrase_gender_mismatch, manner_adverbial_gender)
