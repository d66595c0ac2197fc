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

from mtqa.checks.agreement import _opens_clause
from mtqa.checks.articles import trie_pattern
from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.checks.rules import rule_checks
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan
from mtqa.core.text import line_closes

_GENDER_NAME = {"m": "masculine", "f": "feminine"}


@cache
def _data(language: str):
    data = load("gender")
    pairs = dict((data.get("determiners") or {}).get(language) or {})
    if not pairs:
        return None
    pairs.update((data.get("possessives") or {}).get(language) or {})
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
        bad("O ministro defendeu [[sua governo]] na tribuna.", suggest="seu governo"),
        good("Todas as medidas no que diz respeito ao combate à causa raiz da crise."),
        good("A presidente da comissão recebeu a agente da Polícia Federal."),
        good("O segurança do prédio chamou um guarda e pesou um grama de ouro."),
        good("A jornalista entrevistou a atleta e a dirigente do clube."),
        good("Ao longo do dia, o sistema e o problema do mapa foram discutidos."),
        good("No entanto, na verdade, pela primeira vez, à medida que a crise avança."),
        good("globo com ao vivo\n\njornal da globo\n\nuol conteúdo"),
        bad("O técnico resolveu tudo com [[a sistema]] novo.", suggest="o sistema"),
        bad("A prefeitura tem um plano para [[o crise]] hídrica.", suggest="a crise"),
        good("Eu o ajudo com a mudança, vou para a escola sem a ajuda dele e entre a vida e a morte."),
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
    `este/esta`, the possessives `seu/sua`, `nosso/nossa`, …) directly before a noun the
    lexicon knows as a noun of the other gender only. The suggestion is the determiner of the noun's gender.

    ## What stays silent
    `o/a/os/as` (also pronouns and a preposition: `a pé`, `o ajuda`) unless a preposition
    comes right before them (`com a sistema`, `para o crise`), plurals, nouns that are
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
    matches = list(scan(rx, text))
    if " o " in text or " a " in text:
        matches = sorted(matches + list(scan(_PREP_ARTICLE, text)), key=lambda m: m.start("det"))
    for m in matches:
        det, noun = m.group("det"), m.group("noun")
        g = lexicon.gender(noun)
        if g is None:
            continue
        dg = gender.get(det.lower()) or _ARTICLE_GENDER.get(det)
        if dg is None or g == dg or noun in either:
            continue
        if dg == "f" and noun.endswith(persons):
            continue
        if _keyword_line(doc, m.start()):
            continue
        fix = _match_case(other.get(det.lower()) or _ARTICLE_OTHER[det], det)
        yield Hit(m.start("det"), m.end(), suggestion=f"{fix} {noun}",
                  args={"det": det, "noun": noun, "det_gender": _GENDER_NAME[dg],
                        "noun_gender": _GENDER_NAME[g]})


#: `o`/`a` are also pronouns and `a` a preposition (`a pé`, `o ajuda`); right after one of these
#: prepositions they can only be articles (`com a problema`, `para o crise`).
_PREP_ARTICLE = re.compile(
    r"(?<![\w-])(?:[Cc]om|[Pp]ara|[Ss]obre|[Cc]ontra|[Ee]ntre|[Ss]em|[Aa]pós|[Dd]esde|[Pp]erante|[Ss]ob)"
    r"[ \t\u00a0]+(?P<det>[oa])[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,})(?![\w-])")
_ARTICLE_GENDER = {"o": "m", "a": "f"}
_ARTICLE_OTHER = {"o": "a", "a": "o"}


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
    for m in scan(_ADJ_NOUN, doc.text):
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
        bad("O festival recebeu [[uma famoso banda]] de Recife.", suggest="uma famosa banda"),
        bad("O cantor fez [[sua primeiro show]] em Lisboa.", suggest="seu primeiro show"),
        bad("A equipe fez [[a enorme esforço]] para vencer.", suggest="o enorme esforço"),
        bad("O governo assinou [[um nova acordo]] com os sindicatos.", suggest="um novo acordo"),
        good("O festival recebeu uma famosa banda; o cantor fez seu primeiro show e o enorme esforço."),
        good("Os planos a longo prazo e a curto prazo, a médio prazo; relegado a segundo plano."),
        good("A grande maioria, a maior parte, uma grande jornalista e a jovem presidente."),
        good("A decisão foi sua, segundo fontes; ficou em seu segundo lugar e na sua primeira vez."),
        good("Uma nova era, um novo acordo e uma recente decisão; o primeiro ministro e a primeira dama."),
    ],
)
def noun_phrase_gender_mismatch(doc: Document, ctx) -> Iterator[Hit]:
    """A determiner, adjective and noun whose genders do not agree (`uma famoso banda`).

    ## Why it matters
    Inside a noun phrase the determiner and the adjective take the noun's gender: `uma
    famosa banda`, `seu primeiro show`. Machine translation picks the gender of an English
    word's most frequent rendering, or of the owner for a possessive (`sua primeiro show` for
    *her first show*), and the phrase reads as broken.

    ## What fires
    A determiner or possessive, an adjective, then a noun, with genders from the lexicon:
    the adjective of the other gender than determiner and noun (`uma famoso banda`); the
    determiner of the other gender than adjective (or ordinal) and noun (`sua primeiro
    show`, `um nova acordo`); a determiner of the other gender before an adjective of one
    form and a noun (`a enorme esforço`). The suggestion puts the odd word in the noun's gender.

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
        bad("A polícia agiu [[de forma rápido]] no centro.", suggest="de forma rápida"),
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
    for m in scan(rx, doc.text):
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


@cache
def _postposed(language: str):
    pd = _phrase_data(language)
    if pd is None:
        return None
    _, gender, _, _, _ = pd
    # Contractions of "de" start a complement ("o centro da cidade antigo": the adjective may
    # belong to the noun before), so only determiners that head their own phrase count.
    heads = sorted(d for d in gender if not d.startswith("d"))
    dets = trie_pattern(sorted({w for d in heads for w in (d, d[0].upper() + d[1:])}))
    rx = re.compile(rf"(?<![\w-])(?P<det>{dets})[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{{3,}})[ \t\u00a0]+"
                    rf"(?P<adj>[a-zà-öø-ÿ]{{3,}})(?![\w-])")
    return rx, gender


@check(
    "V109", "adjective-after-noun-gender", Severity.WARNING,
    category="agreement",
    message="'{text}': '{adj}' is {adj_gender} but '{det} {noun}' is {noun_gender}; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O governo quer proteger [[a economia brasileiro]] da crise.", suggest="a economia brasileira"),
        bad("Ele visitou [[uma escola público]] no bairro.", suggest="uma escola pública"),
        bad("O acordo nuclear e [[o sistema antiga]] foram revistos.", suggest="o sistema antigo"),
        good("O governo quer proteger a economia brasileira; ele visitou uma escola pública."),
        good("O sistema de saúde público e o centro da cidade antigo; o programa de vacinação gratuito."),
        good("A equipe jogou bonito e a bola passou rápido; a cidade natal e a água mineral."),
        good("O governo limpa a casa e o estado junta forças; o país vizinho e a política externa."),
        good("Ela resolveu o problema sozinha e deixou o escritório satisfeita."),
    ],
)
def adjective_after_noun_gender(doc: Document, ctx) -> Iterator[Hit]:
    """An adjective right after its noun in the other gender (`a economia brasileiro`).

    ## Why it matters
    A postposed adjective agrees with its noun: `a economia brasileira`, `o sistema antigo`.
    Machine translation that takes the gender from the English word's usual rendering writes
    `a economia brasileiro`.

    ## What fires
    A determiner that heads its phrase (`a`, `uma`, `esta`, `na`, `pela`, `sua`...; not the
    contractions of `de`), a noun the lexicon knows with that gender only, then an adjective the
    lexicon knows only as an adjective, in the other gender.

    ## What stays silent
    Nouns after `de` or its contractions (`o sistema de saúde público`: the adjective may go with
    the first noun), adjectives of one form (`natal`, `mineral`), feminine forms that are also
    verbs (`limpa`, `junta`) or nouns (`política`), and nouns of either gender.
    """
    d = _data(doc.language or "pt")
    pp = _postposed(doc.language or "pt")
    if d is None or pp is None:
        return
    either = d[3]
    rx, gender = pp
    lexicon = ctx.providers.get("lexicon")
    text = doc.text
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        pos = m.start("noun")
        det, noun, adj = m.group("det"), m.group("noun"), m.group("adj")
        dg = gender.get(det.lower())
        if dg is None or noun in either or lexicon.gender(noun) != dg:
            continue
        ag = lexicon.adjective_gender(adj)
        if ag is None or ag == dg or adj in _PREDICATIVE_OF_SUBJECT:
            continue  # "ela resolveu o problema sozinha": the adjective is the subject's
        if _keyword_line(doc, m.start()):
            continue
        new = _feminine_of(adj) if dg == "f" else _masculine_of(adj)
        pos = m.end()
        yield Hit(m.start(), m.end(), suggestion=f"{det} {noun} {new}",
                  args={"det": det, "noun": noun, "adj": adj, "adj_gender": _GENDER_NAME[ag],
                        "noun_gender": _GENDER_NAME[dg]})


#: Adjectives that after an object usually describe the subject (`resolveu o problema sozinha`).
_PREDICATIVE_OF_SUBJECT = frozenset("sozinho sozinha só contente contentes feliz orgulhoso orgulhosa "
                                    "satisfeito satisfeita aliviado aliviada preocupado preocupada "
                                    "calado calada descalço descalça".split())


_RELATIVE = re.compile(r"(?<![\w-])(?P<prep>ao|o|no|pelo|do|num|dum|à|a|na|pela|da)[ \t\u00a0]+qual(?![\w-])")
_REL_GENDER = {"ao": "m", "o": "m", "no": "m", "pelo": "m", "do": "m", "num": "m", "dum": "m",
               "à": "f", "a": "f", "na": "f", "pela": "f", "da": "f"}
_REL_FIX = {"ao": "à", "o": "a", "no": "na", "pelo": "pela", "do": "da", "num": "numa", "dum": "duma",
            "à": "ao", "a": "o", "na": "no", "pela": "pelo", "da": "do"}
#: Prepositions and their contractions: a noun phrase after one may be the complement of an
#: earlier noun, which may be the antecedent.
_COMPLEMENT_BEFORE = frozenset(
    "de do da dos das dum duma em no na nos nas num numa com por pelo pela pelos pelas para a ao "
    "à aos às sobre entre sem contra até após".split()
)
_BACK_TOKEN = re.compile(r"\([^()]{0,40}\)|[\w-]+|[^\w\s]")


@check(
    "V108", "relative-pronoun-gender", Severity.WARNING,
    category="agreement",
    message="'{text}': the antecedent '{det} {noun}' is {noun_gender}; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O prefeito visitou uma escola estadual (EE) [[ao qual]] doou livros.", suggest="à qual"),
        bad("Ele citou a pesquisa, [[no qual]] os dados aparecem.", suggest="na qual"),
        bad("O governo apresentou um plano [[à qual]] a oposição resiste.", suggest="ao qual"),
        good("O prefeito visitou uma escola estadual (EE) à qual doou livros."),
        good("O sistema da empresa, ao qual os clientes recorrem, caiu; o texto da lei, no qual se lê."),
        good("A reunião do conselho, no qual votam dez membros; a casa do avô, o qual morreu."),
    ],
)
def relative_pronoun_gender(doc: Document, ctx) -> Iterator[Hit]:
    """A relative `o qual`/`a qual` of the other gender than its antecedent (`uma escola ao qual`).

    ## Why it matters
    `o qual`, `a qual` and their contractions (`ao qual`, `à qual`, `no qual`, `na qual`) agree
    with the noun they refer to. An engine that renders *to which* without looking back writes
    the masculine after a feminine noun.

    ## What fires
    A singular `o/a qual` (with `a`, `em`, `por`, `de` fused in) whose nearest noun before it,
    skipping adjectives of one form, a parenthesis and a comma, is a noun of the other gender
    that the lexicon knows, introduced by a determiner of that gender which heads its own phrase
    (`uma`, `a`, `esta`; not `da`, and not after `de`).

    ## What stays silent
    Nearest nouns inside a complement (`o sistema da empresa, ao qual`: the relative may refer
    to the first noun), nouns of either gender or unknown, and a relative of the right gender.
    """
    pd = _phrase_data(doc.language or "pt")
    d = _data(doc.language or "pt")
    if pd is None or d is None:
        return
    _, gender, _, _, _ = pd
    either = d[3]
    lexicon = ctx.providers.get("lexicon")
    text = doc.text
    for m in scan(_RELATIVE, text):
        if "qual" not in text[m.start():m.end()]:
            continue
        rg = _REL_GENDER[m.group("prep")]
        start, _ = doc.line_bounds(m.start())
        toks = _BACK_TOKEN.findall(text[max(start, m.start() - 120):m.start()])
        toks.reverse()
        i = 0
        # What may stand between noun and relative: a comma, a parenthesis, capitals, an
        # adjective of one form.
        while i < len(toks) and (toks[i] == "," or toks[i].startswith("(") or toks[i].isupper()
                                 or lexicon.is_invariable_adjective(toks[i])):
            i += 1
        if i >= len(toks):
            continue
        noun = toks[i]
        ng = lexicon.likely_gender(noun) or lexicon.nominal_gender(noun)
        if ng is None or ng == rg or noun in either:
            continue
        j = i + 1
        if j < len(toks) and (lexicon.likely_gender(toks[j]) or lexicon.nominal_gender(toks[j])) == ng:
            j += 1  # two nouns of one gender in a row, the first introduced by the determiner
        if j >= len(toks):
            continue
        det = toks[j]
        dl = det.lower()
        if gender.get(dl) != ng or dl.startswith("d"):
            continue
        if j + 1 < len(toks) and toks[j + 1].lower() in _COMPLEMENT_BEFORE:
            continue  # "uma nota do seu gabinete, na qual": the phrase may be a complement
        fix = _REL_FIX[m.group("prep")]
        yield Hit(m.start(), m.end(), suggestion=f"{fix} qual",
                  args={"det": det, "noun": noun, "noun_gender": _GENDER_NAME[ng]})


_COPULA = re.compile(
    r"(?<![\w-])(?P<det>[AaOo]|[Uu]ma?|[Ee]st[ae]|[Ee]ss[ae]|[Ss]ua|[Ss]eu|[Nn]oss[ao])[ \t\u00a0]+"
    r"(?P<noun>[a-zà-öø-ÿ]{3,})"
    # a complement of de (three words at most): "o torneio de xadrez será encerrado"
    r"(?P<comp>[ \t\u00a0]+(?:de|do|da|dos|das)(?:[ \t\u00a0]+[a-zà-öø-ÿ]{1,20}){1,3}?)?[ \t\u00a0]+"
    r"(?:(?:não|também|já|ainda|logo|só)[ \t\u00a0]+)?"
    r"(?P<cop>foi|é|era|será|seria|está|estava|ficou|fica|parece|parecia|permanece|continua|tem sido|"
    r"foi sendo)[ \t\u00a0]+"
    r"(?:(?:muito|bem|mais|menos|tão|bastante|pouco|totalmente|parcialmente|oficialmente)[ \t\u00a0]+)?"
    r"(?P<pred>[a-zà-öø-ÿ]{3,})(?![\w-])"
)
_PARTICIPLE = re.compile(r"(?:ad|id)[oa]$")
#: Words a complement of the subject may hold besides nouns and adjectives of its gender.
_COMPLEMENT_GLUE = frozenset("de do da dos das ao à aos às a o e em no na com por para".split())


def _complement_agrees(words: list[str], head_gender: str, lexicon) -> bool:
    """True when every word of a complement of the subject (`de xadrez`, `de cinema francês`) is a glue word
    or a noun or adjective of the subject's own gender (or a plural), so that a singular
    predicate of the other gender can only be meant for the subject."""
    for w in words:
        if w in _COMPLEMENT_GLUE:
            continue
        if w.endswith("s") or lexicon.is_invariable_adjective(w):
            continue  # a plural cannot take the singular predicate; "municipal" has no gender
        g = lexicon.likely_gender(w) or lexicon.nominal_gender(w) or lexicon.adjective_gender(w)
        if g != head_gender:
            return False
    return True
_SER = frozenset(("foi", "é", "era", "será", "seria", "tem sido", "foi sendo"))
_WORD_BEFORE = re.compile(r"([\w-]+)[ \t\u00a0]*$")
_TIME_PREPOSITIONS = frozenset("após antes depois durante desde segundo conforme perante mediante".split())
_THAT_AFTER = re.compile(r"[ \t\u00a0,]+(?:que|se)(?![\w-])")


def _predicate_gender(word: str, lexicon) -> str | None:
    """The gender of a singular adjective or past participle (`aprovado`, `aprovada`, `rico`)."""
    g = lexicon.adjective_gender(word)
    if g is not None:
        return g
    if _PARTICIPLE.search(word):
        stem = word[:-3]
        if lexicon.is_verb(stem + ("ar" if word[-3] == "a" else "er")) or lexicon.is_verb(stem + "ir"):
            return "m" if word.endswith("o") else "f"
    return None


@check(
    "V110", "predicate-gender-mismatch", Severity.WARNING,
    category="agreement",
    message="'{text}': '{pred}' is {pred_gender} but its subject '{subject}' is {noun_gender}; "
    "write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("[[A reunião foi adiado]] para março.", suggest="A reunião foi adiada"),
        bad("Segundo o clube, [[o jogo está confirmada]] para domingo.", suggest="o jogo está confirmado"),
        bad("[[A cidade ficou muito cheio]] no feriado.", suggest="A cidade ficou muito cheia"),
        good("A reunião foi adiada; o jogo está confirmado; a cidade ficou muito cheia."),
        good("A ideia é motivo de orgulho; a presidente foi eleita; a maioria foi contrária."),
        good("A lei foi o resultado de anos de debate, e a solução é simples."),
        good("O problema é a falta de água; a questão foi levantada pelo deputado."),
        good("Após a votação foi decidido que a sessão acaba; a diretoria ficou claro que sim."),
        bad("[[O torneio de xadrez será encerrada]] em maio.",
            suggest="O torneio de xadrez será encerrado"),
        bad("[[A reforma da praça municipal foi adiado]] de novo.",
            suggest="A reforma da praça municipal foi adiada"),
        good("A reunião do conselho foi adiada; o jogo da seleção foi transmitido."),
        good("A reforma do estádio e da praça foi adiada; o preço das casas ficou alto."),
        good("A decisão de sair foi tomada; o número de casos foi confirmado ontem."),
        bad("A deputada disse que [[ela foi eleito]] com folga.", suggest="ela foi eleita"),
        bad("O técnico chegou cedo, e [[ele estava preocupada]].", suggest="ele estava preocupado"),
        good("Ela foi eleita; ele estava preocupado; ela foi modelo; ele é membro do conselho."),
        good("Com ela foi criado um fundo; para ela é feito um pedido; ela é capaz e ele é feliz."),
    ],
)
def predicate_gender_mismatch(doc: Document, ctx) -> Iterator[Hit]:
    """A predicate adjective or participle of the other gender than its subject (`foi adiado`).

    ## Why it matters
    After `ser`, `estar`, `ficar` or `parecer`, an adjective or a past participle agrees with the
    subject: `a reunião foi adiada`. An engine that renders the English participle with its
    masculine form writes `a reunião foi adiado`.

    ## What fires
    A determiner and a noun of the lexicon with the same gender (`a reunião`, `o jogo`), a
    singular form of `ser`/`estar`/`ficar`/`parecer`/`continuar` (optionally after `não` and
    before `muito`...), then an adjective the lexicon knows or a past participle of a verb it
    knows, in the other gender.

    ## What stays silent
    Predicate nouns (`é motivo de`: after `ser`, words that are nouns too count only as
    participles), nouns of either gender or of persons (`a presidente`),
    collective nouns with their own rules (`a maioria`), a complement of `de` between noun and
    verb unless all its nouns and adjectives share the subject's gender (`o torneio de xadrez
    será encerrada` fires, `a reunião do conselho foi adiado` does not: the predicate
    may be meant for either), any other complement, and words that are not adjectives or
    participles.
    """
    pd = _phrase_data(doc.language or "pt")
    d = _data(doc.language or "pt")
    if pd is None or d is None:
        return
    _, gender, _, _, _ = pd
    either = d[3]
    lexicon = ctx.providers.get("lexicon")
    text = doc.text
    for m in scan(_COPULA, text):
        det, noun, pred = m.group("det"), m.group("noun"), m.group("pred")
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before and before.group(1).lower() in _COMPLEMENT_BEFORE | _TIME_PREPOSITIONS:
            continue  # "após a votação foi decidido que": the phrase is not the subject
        if _THAT_AFTER.match(text, m.end()):
            continue  # impersonal: "foi anunciado que", "ficou claro que"
        dg = gender.get(det.lower())
        if dg is None or noun in either or lexicon.likely_gender(noun) != dg:
            continue
        comp = m.group("comp")
        if comp and not _complement_agrees(comp.split()[1:], dg, lexicon):
            continue  # "a reunião do conselho foi ...": the predicate may be meant for either
        if lexicon.gender(pred):
            continue  # a noun as predicate
        if (m.group("cop") in _SER and lexicon.nominal_gender(pred)
                and not _PARTICIPLE.search(pred)):
            continue  # after "ser" a noun-adjective is often a noun ("é motivo de orgulho")
        pg = _predicate_gender(pred, lexicon)
        if pg is None or pg == dg:
            continue
        new = _feminine_of(pred) if dg == "f" else _masculine_of(pred)
        fix = doc.text[m.start():m.start("pred")] + new
        yield Hit(m.start(), m.end(), suggestion=fix,
                  args={"det": det, "noun": noun, "subject": f"{det} {noun}", "pred": pred,
                        "pred_gender": _GENDER_NAME[pg], "noun_gender": _GENDER_NAME[dg]})
    for m in scan(_PRONOUN_COPULA, text):
        pron, pred = m.group("pron"), m.group("pred")
        if not _opens_clause(text[max(0, m.start() - 40):m.start()]) or _THAT_AFTER.match(text, m.end()):
            continue  # "com ela foi criado um fundo": the subject comes after the verb
        dg = "f" if pron.lower().startswith("ela") else "m"
        if lexicon.gender(pred) or (lexicon.nominal_gender(pred) and not _PARTICIPLE.search(pred)):
            continue  # a noun as predicate ("ela foi modelo", "ele é membro")
        pg = _predicate_gender(pred, lexicon)
        if pg is None or pg == dg:
            continue
        new = _feminine_of(pred) if dg == "f" else _masculine_of(pred)
        yield Hit(m.start(), m.end(), suggestion=text[m.start():m.start("pred")] + new,
                  args={"det": pron, "noun": "", "subject": pron, "pred": pred,
                        "pred_gender": _GENDER_NAME[pg], "noun_gender": _GENDER_NAME[dg]})


#: `ele`/`ela` (singular: a plural pronoun may stand for a mixed group), a copula, a predicate.
_PRONOUN_COPULA = re.compile(
    r"(?<![\w-])(?P<pron>[Ee]la|[Ee]le)[ \t\u00a0]+(?:(?:não|também|já|ainda|logo|só)[ \t\u00a0]+)?"
    r"(?P<cop>foi|é|era|será|seria|está|estava|ficou|fica|parece|parecia|permanece|continua|tem sido)"
    r"[ \t\u00a0]+(?:(?:muito|bem|mais|menos|tão|bastante|pouco|totalmente|oficialmente)[ \t\u00a0]+)?"
    r"(?P<pred>[a-zà-öø-ÿ]{3,})(?![\w-])"
)


#: Plural determiners that are not also clitic pronouns (`os`, `as`, `nos` are: "ele as ama").
def _cased_trie(words) -> str:
    """A trie pattern of ``words`` and their capitalised forms (cheaper than ``re.I``)."""
    return trie_pattern(sorted({f for w in words for f in (w, w[:1].upper() + w[1:])}))


_PLURAL_DET = re.compile(
    r"(?<![\w-])(?P<det>" + _cased_trie(
        "dos das pelos pelas aos às umas uns estes estas esses essas aqueles aquelas seus suas meus "
        "minhas nossos nossas alguns algumas vários várias muitos muitas poucos poucas outros outras "
        "diversos diversas inúmeros inúmeras dois duas três quatro cinco seis sete oito nove dez".split()
        + ["todos os", "todas as"])
    + r")[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,})(?![\w-])")

#: A plural determiner (or `os/as/nos/nas`, never a clitic here) and a plural adjective that
#: stands before its noun (`das principais`, `os novos`), then the noun: `das principais causa`.
_PLURAL_DET_ADJ = re.compile(
    r"(?<![\w-])(?P<det>(?:" + _cased_trie(
        "os as nos nas dos das pelos pelas aos às umas uns estes estas esses essas aqueles aquelas "
        "seus suas meus minhas nossos nossas alguns algumas vários várias muitos muitas outros outras".split())
    + r")[ \t\u00a0]+(?:novos|novas|principais|grandes|pequenos|pequenas|primeiros|primeiras|últimos|"
    r"últimas|maiores|menores|melhores|piores|próximos|próximas|antigos|antigas|mesmos|mesmas|"
    r"diversos|diversas|inúmeros|inúmeras|vários|várias|demais|recentes|sucessivos|sucessivas))"
    r"[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,})(?![\w-])")


@check(
    "V111", "plural-determiner-singular-noun", Severity.WARNING,
    category="agreement",
    message="'{text}': '{det}' is plural but '{noun}' is singular; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("O lucro ficou abaixo [[das previsão]] do mercado.", suggest="das previsões"),
        bad("A escola recebeu [[vários computador]] novos.", suggest="vários computadores"),
        bad("O vizinho lavou [[seus carro]] no domingo.", suggest="seus carros"),
        good("O lucro ficou abaixo das previsões; a escola recebeu vários computadores."),
        good("Ele as ama e os ajuda; nos ajuda sempre; às vezes, aos poucos, dos vírus e pelos ônibus."),
        good("Das 8h às 18h, uns trinta alunos; todos os dias; muitos anos; várias vezes."),
        bad("O time venceu [[as partida]] de ontem.", suggest="as partidas"),
        bad("O jogo foi decidido [[nas prorrogação]].", suggest="nas prorrogações"),
        good("Ele as ama; eu os ministro às segundas; ela os parte ao meio; as partidas e nas ruas."),
        bad("A falta de chuva figura entre [[as principais causa]] da alta.", suggest="as principais causas"),
        bad("O governo prometeu [[os novos investimento]] em saúde.", suggest="os novos investimentos"),
        good("A falta de chuva figura entre as principais causas da alta; os novos investimentos chegam em março."),
        good("Os maiores são os mais caros; os primeiros chegaram cedo; as próximas serão melhores."),
    ],
)
def plural_determiner_singular_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A plural determiner before a singular noun (`das previsão`, `vários computador`).

    ## Why it matters
    A determiner agrees in number with its noun: `das previsões`, `vários computadores`. A
    translation that keeps the English noun's number, or drops a plural ending, leaves a noun
    phrase that reads as garbled.

    ## What fires
    A plural determiner that is never a clitic pronoun (`dos/das`, `pelos/pelas`, `aos/às`,
    `uns/umas`, `estes`, `seus/suas`, `vários`, `muitos`, `todos os`...) directly before a
    singular noun the lexicon knows (and not ending in -s), whose plural the dictionary knows;
    also with a plural adjective that stands before nouns between them (`das principais causa`,
    `os novos investimento`: after `os/as` an adjective rules out the clitic pronoun).

    ## What stays silent
    `os/as/nos` (also pronouns: `ele as ama`) before a word that could be a verb form
    (`eu os ministro`; before any other singular noun they fire: `as partida`), nouns with one
    form for both numbers (`vírus`,
    `ônibus`), numbers and words that are not nouns.
    """
    lexicon = ctx.providers.get("lexicon")
    dictionary = ctx.providers.get("dictionary")
    lang = doc.language or "pt"
    text = doc.text
    matches = list(scan(_PLURAL_DET, text))
    matches += [m for m in scan(_ARTICLE_PLURAL, text) if not _verb_form(m.group("noun"), lexicon)]
    matches += list(scan(_PLURAL_DET_ADJ, text))
    matches.sort(key=lambda m: m.start())
    for m in matches:
        noun = m.group("noun")
        if noun.endswith(("s", "x")) or (lexicon.nominal_gender(noun) or lexicon.likely_gender(noun)) is None:
            continue
        plural = _plural_of(noun)
        if plural is None or not dictionary.known(plural, lang, doc.variant):
            continue
        if _keyword_line(doc, m.start()):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('det')} {plural}",
                  args={"det": m.group("det"), "noun": noun})


#: `os`/`as` are also clitic pronouns (`ele as ama`, `eu os ministro`) and `nas` only an article:
#: before a word that could be a verb form they stay silent.
_ARTICLE_PLURAL = re.compile(r"(?<![\w-])(?P<det>[Oo]s|[Aa]s|[Nn]as)[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,})(?![\w-])")


def _verb_form(word: str, lexicon) -> bool:
    """Could ``word`` be a present-tense form of a verb the lexicon knows (`ama`, `ministro`,
    `parte`)? Then `os`/`as` before it may be a clitic pronoun."""
    stem, last = word[:-1], word[-1]
    if last not in "aeo":
        return False
    return any(lexicon.is_verb(stem + end) for end in ("ar", "er", "ir"))


_PLURAL_PAIRS = {
    "dos": "das", "pelos": "pelas", "aos": "às", "uns": "umas", "estes": "estas", "esses": "essas",
    "aqueles": "aquelas", "destes": "destas", "desses": "dessas", "daqueles": "daquelas",
    "nestes": "nestas", "nesses": "nessas", "naqueles": "naquelas", "seus": "suas", "meus": "minhas",
    "nossos": "nossas", "teus": "tuas", "vossos": "vossas", "alguns": "algumas", "vários": "várias",
    "muitos": "muitas", "outros": "outras", "todos os": "todas as", "nuns": "numas", "duns": "dumas",
}
_PLURAL_GENDER = {w: g for m, f in _PLURAL_PAIRS.items() for w, g in ((m, "m"), (f, "f"))}
_PLURAL_OTHER = {**_PLURAL_PAIRS, **{f: m for m, f in _PLURAL_PAIRS.items()}}
_PLURAL_GENDER_RX = re.compile(
    r"(?<![\w-])(?P<det>" + _cased_trie(_PLURAL_GENDER)
    + r")[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,}s)(?![\w-])")
#: Plural endings and the singular they come from, longest first.
_SINGULAR_OF = (("ões", "ão"), ("ães", "ão"), ("ãos", "ão"), ("ais", "al"), ("éis", "el"),
                ("óis", "ol"), ("res", "r"), ("zes", "z"), ("ns", "m"), ("s", ""))


def _singular_nouns(plural: str) -> list[str]:
    out = []
    for end, sing in _SINGULAR_OF:
        if plural.endswith(end):
            out.append(plural[: len(plural) - len(end)] + sing)
    return out


@check(
    "V112", "plural-determiner-gender-mismatch", Severity.WARNING,
    category="agreement",
    message="'{text}': '{det}' is {det_gender} but '{noun}' is {noun_gender}; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O relatório trata [[das problemas]] do setor.", suggest="dos problemas"),
        bad("Ele visitou [[alguns escolas]] do bairro.", suggest="algumas escolas"),
        bad("[[Estes cidades]] votaram.", suggest="Estas cidades"),
        good("O relatório trata dos problemas do setor; ele visitou algumas escolas da cidade."),
        good("Às vezes, aos poucos, dos mesmos e pelas crises; dos jornalistas e das atletas."),
        good("Os dados dos sistemas e das mãos; vários dias, muitas vezes, seus filhos e suas filhas."),
    ],
)
def plural_determiner_gender_mismatch(doc: Document, ctx) -> Iterator[Hit]:
    """A plural determiner of one gender before a plural noun of the other (`das problemas`).

    ## Why it matters
    Plural determiners agree in gender too: `dos problemas`, `algumas escolas`. A translation
    that takes the gender from an English word's usual rendering writes `das problemas`.

    ## What fires
    A plural determiner whose gender is certain (`dos/das`, `pelos/pelas`, `aos/às`,
    `uns/umas`, `estes/estas`, `seus/suas`, `alguns/algumas`, `todos os/todas as`...) directly
    before a plural noun whose singular the lexicon knows as a noun of the other gender only.

    ## What stays silent
    `os/as` (also pronouns), nouns of either gender and of persons (`das atletas`), plurals
    whose singular is unknown or ambiguous, and lines of lower-case keywords.
    """
    d = _data(doc.language or "pt")
    if d is None:
        return
    _, _, _, either, persons = d
    lexicon = ctx.providers.get("lexicon")
    for m in scan(_PLURAL_GENDER_RX, doc.text):
        det, noun = m.group("det"), m.group("noun")
        dl = " ".join(det.lower().split())
        dg = _PLURAL_GENDER.get(dl)
        if dg is None:
            continue
        genders = {lexicon.gender(s) for s in _singular_nouns(noun)} - {None}
        if len(genders) != 1:
            continue
        g = genders.pop()
        sing = next(s for s in _singular_nouns(noun) if lexicon.gender(s))
        if g == dg or sing in either or (dg == "f" and sing.endswith(persons)):
            continue
        if _keyword_line(doc, m.start()):
            continue
        fix = _match_case(_PLURAL_OTHER[dl], det)
        yield Hit(m.start(), m.end(), suggestion=f"{fix} {noun}",
                  args={"det": det, "noun": noun, "det_gender": _GENDER_NAME[dg],
                        "noun_gender": _GENDER_NAME[g]})


_PLURAL_HEADS = {"os": "m", "as": "f", "uns": "m", "umas": "f", "estes": "m", "estas": "f",
                 "esses": "m", "essas": "f", "aqueles": "m", "aquelas": "f", "nos": "m", "nas": "f",
                 "pelos": "m", "pelas": "f", "aos": "m", "às": "f", "seus": "m", "suas": "f",
                 "nossos": "m", "nossas": "f", "alguns": "m", "algumas": "f", "vários": "m",
                 "várias": "f", "muitos": "m", "muitas": "f", "novos": "m", "novas": "f"}
_PLURAL_NP = re.compile(
    r"(?<![\w-])(?P<det>" + _cased_trie(_PLURAL_HEADS)
    + r")[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,}s)[ \t\u00a0]+(?P<adj>[a-zà-öø-ÿ]{3,})(?![\w-])")


def _adjective_plural(adj: str) -> str:
    return adj + "s"


@check(
    "V113", "adjective-after-plural-noun", Severity.WARNING,
    category="agreement",
    message="'{text}': '{adj}' does not agree with '{det} {noun}' ({detail}); write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O governo anunciou [[as medidas econômica]] ontem.", suggest="as medidas econômicas"),
        bad("A loja vende [[os carros elétrica]] da marca.", suggest="os carros elétricos"),
        good("Os passeios junto ao mar e os ingressos custaram caro; os atletas falaram alto."),
        bad("[[As escolas públicos]] reabriram.", suggest="As escolas públicas"),
        good("O governo anunciou as medidas econômicas; a loja vende os carros elétricos."),
        good("As escolas públicas e os países membro; os sistemas de saúde público e as vendas online."),
        good("Os preços subiram, as casas limpa a empresa, e os jogadores junta o técnico."),
        bad("A prefeitura ouviu [[as autoridades local]] antes da obra.", suggest="as autoridades locais"),
        bad("O banco mantém [[os juros real]] acima da meta.", suggest="os juros reais"),
        good("Os setores público e privado; os governos federal, estaduais e municipais."),
        good("As esferas federal, estadual e municipal; os ensinos fundamental ou médio."),
        good("As autoridades falar é raro; as crianças brincar na rua; os dados pessoais."),
        good("As autoridades locais falaram; os jogadores bastante cansados e as escolas durante a greve."),
        bad("O governo aprovou [[as medidas econômico]] ontem.", suggest="as medidas econômicas"),
        bad("A loja vende [[os carros elétrico]] da marca.", suggest="os carros elétricos"),
        good("O cenário, às vezes crítico, piorou; os passeios junto ao mar custaram caro."),
    ],
)
def adjective_after_plural_noun(doc: Document, ctx) -> Iterator[Hit]:
    """An adjective after a plural noun in the singular or the other gender (`as medidas econômica`).

    ## Why it matters
    A postposed adjective agrees with its noun in gender and number: `as medidas econômicas`,
    `os carros elétricos`. A translation that drops the plural ending or takes the gender of an
    English word's usual rendering leaves the phrase broken.

    ## What fires
    A plural determiner that heads its phrase (`os/as`, `uns/umas`, `estes`, `seus`, `vários`...;
    not the contractions of `de`), the plural of a noun the lexicon knows with that gender only,
    then an adjective the lexicon knows only as an adjective, in the feminine singular or, in the
    plural, of the other gender; or the singular of an adjective of one form (`local`,
    `titular`, `frequente`: `as autoridades local`).

    ## What stays silent
    A masculine singular, which may be an adverb (`os passeios junto ao mar`, `custaram caro`),
    unless its ending is never an adverb's (`-ico`, `-ivo`, `-oso`, `-ário`: `as medidas
    econômico`) and the noun is not the `vezes` of `às vezes`,
    nouns after `de` (`os sistemas de saúde público`), nouns in apposition (`os países membro`),
    adverbs and comparatives of those endings (`bastante`, `melhor`), feminine forms that are
    also verbs (`limpa`, `junta`) or nouns, and
    words the lexicon does not know (`online`).
    """
    d = _data(doc.language or "pt")
    if d is None:
        return
    either = d[3]
    lexicon = ctx.providers.get("lexicon")
    pos = 0
    text = doc.text
    while (m := _PLURAL_NP.search(text, pos)) is not None:
        pos = m.start("noun")
        det, noun, adj = m.group("det"), m.group("noun"), m.group("adj")
        dg = _PLURAL_HEADS.get(det.lower())
        sings = [sg for sg in _singular_nouns(noun) if lexicon.gender(sg)]
        if dg is None or not sings or sings[0] in either or lexicon.gender(sings[0]) != dg:
            continue
        detail = fix = None
        ag = lexicon.adjective_gender(adj)
        if ag == "f":  # a masculine singular may be an adverb ("os passeios junto ao mar")
            new = adj if dg == "f" else _masculine_of(adj)
            detail = "singular after a plural noun"
            fix = _adjective_plural(new)
        elif ag == "m" and adj.endswith(_NEVER_ADVERB) and noun != "vezes":
            # -ico, -ivo, -oso, -ário... are never adverbs: "as medidas econômico"
            new = _feminine_of(adj) if dg == "f" else adj
            detail = "masculine singular after a plural noun" if dg == "f" else "singular after a plural noun"
            fix = _adjective_plural(new)
        elif ag is None and _one_form_singular(adj, lexicon):
            # "as autoridades local": an adjective of one form in the singular
            detail = "singular after a plural noun"
            fix = _one_form_plural(adj)
        elif adj.endswith("s"):
            pg = lexicon.adjective_gender(adj[:-1])
            if pg is not None and pg != dg:
                detail = f"{_GENDER_NAME[pg]} after a {_GENDER_NAME[dg]} noun"
                fix = _adjective_plural(_feminine_of(adj[:-1]) if dg == "f" else _masculine_of(adj[:-1]))
        if fix is None or _keyword_line(doc, m.start()) or _COORDINATED.match(text, m.end()):
            continue
        pos = m.end()
        yield Hit(m.start(), m.end(), suggestion=f"{det} {noun} {fix}",
                  args={"det": det, "noun": noun, "adj": adj, "detail": detail})


#: An adjective coordinated with another after a plural noun distributes over it: `os setores
#: público e privado`, `as esferas federal, estadual e municipal`.
_COORDINATED = re.compile(r"[ \t\u00a0]*(?:,|[ \t\u00a0](?:e|ou)[ \t\u00a0])")


#: Singular endings of adjectives of one form and their plurals (`local` → `locais`).
_ONE_FORM_PLURALS = (("al", "ais"), ("el", "éis"), ("ar", "ares"), ("ense", "enses"),
                     ("ente", "entes"), ("ante", "antes"))
#: Words of those endings that are adverbs, prepositions, comparatives or pronouns.
_NOT_ONE_FORM_ADJECTIVES = frozenset(
    "mal igual qual tal bastante durante mediante adiante diante antes semelhante "
    "melhor pior maior menor anterior posterior exterior interior superior inferior "
    "lugar par mar ar bar".split())


def _one_form_singular(adj: str, lexicon) -> bool:
    """True when ``adj`` is the singular of an adjective of one form for both genders
    (`local`, `titular`, `frequente`), not an adverb (`bastante`) nor a comparative."""
    if adj in _NOT_ONE_FORM_ADJECTIVES or adj.endswith("mente"):
        return False
    if not any(adj.endswith(end) for end, _ in _ONE_FORM_PLURALS):
        return False
    if lexicon.is_invariable_adjective(adj):
        return True
    # Also an adjective that is a noun too (`local`), which the lexicon keeps no gender for;
    # never a verb's infinitive (`as autoridades falar`) nor a noun of one gender.
    return not (lexicon.gender(adj) or lexicon.adjective_gender(adj) or lexicon.is_verb(adj))


def _one_form_plural(adj: str) -> str:
    for end, plural in _ONE_FORM_PLURALS:
        if adj.endswith(end):
            return adj[: len(adj) - len(end)] + plural
    return adj + "s"


#: Endings of masculine adjectives that no adverb shares (`econômico`, `ativo`, `famoso`).
_NEVER_ADVERB = ("ico", "ivo", "oso", "ário", "ório", "ense", "iano", "esco")


def _plural_of(noun: str) -> str | None:
    """The regular plural of a singular noun (`previsão` → `previsões`, `jogador` →
    `jogadores`, `papel` → `papéis` is left out: None for -l and -ão's other plurals)."""
    if noun.endswith("ão"):
        return noun[:-2] + "ões"
    if noun.endswith(("r", "z")):
        return noun + "es"
    if noun.endswith("m"):
        return noun[:-1] + "ns"
    if noun.endswith("al"):
        return noun[:-2] + "ais"
    if noun[-1] in "aeiouéêóôáí":
        return noun + "s"
    return None


# --- V116 a masculine title before a woman's name --------------------------------------------


#: Generational suffixes that only follow a man's name.
_MALE_SUFFIXES = frozenset("Júnior Junior Jr Filho Neto Sobrinho".split())


@cache
def _title_data(language: str):
    data = load("gender")
    titles = (data.get("person_titles") or {}).get(language)
    dets = (data.get("title_determiners") or {}).get(language)
    if not titles or not dets:
        return None
    before = (data.get("title_before") or {}).get(language) or {}
    names = _first_names()[0]
    mononyms = frozenset(data.get("female_mononyms") or ())
    cap = lambda w: w[0].upper() + w[1:]  # noqa: E731
    det_alt = trie_pattern(sorted({w for d in dets for w in (d, cap(d))}))
    before_alt = trie_pattern(sorted(w for w in before if w != "ex"))
    title_alt = trie_pattern(sorted(titles, key=len, reverse=True))
    name_alt = trie_pattern(sorted(names | mononyms))
    rx = re.compile(
        rf"(?<![\w-])(?P<det>{det_alt})[ \t\u00a0]+(?:(?P<pre>{before_alt})[ \t\u00a0]+)?"
        rf"(?P<ex>ex-)?(?P<title>{title_alt})[ \t\u00a0]+(?P<name>{name_alt})"
        rf"(?P<rest>[ \t\u00a0]+(?:d[aeo]s?[ \t\u00a0]+)?[A-ZÀ-Ý][\w'’-]+)?(?![\w-])"
    )
    return rx, titles, dets, before, mononyms


@check(
    "V116", "masculine-title-before-woman", Severity.WARNING,
    category="agreement",
    message="'{text}': the title is masculine but {name} is a woman's name; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O jornal anunciou a saída [[do editor-chefe Ana Souza]] na sexta-feira.",
            suggest="da editora-chefe Ana Souza"),
        bad("[[O diretor executivo Linda Moraes]] anunciou a venda da empresa.",
            suggest="A diretora executiva Linda Moraes"),
        bad("A proposta foi apresentada [[pelo senador Marina Teixeira]] na terça-feira.",
            suggest="pela senadora Marina Teixeira"),
        bad("[[O presidente Dilma]] visitou a obra.", suggest="A presidente Dilma"),
        bad("Segundo [[o atual ministro Cláudia Reis]], o plano sai em março.",
            suggest="a atual ministra Cláudia Reis"),
        good("O jornal anunciou a saída da editora-chefe Ana Souza na sexta-feira."),
        good("O presidente José Maria Neves visitou a obra ao lado do ministro João Rosa."),
        good("O ministro Rosa disse que o técnico Paula Júnior fica até o fim da temporada."),
        good("Ao lado do presidente, Maria Souza falou à imprensa; o filme Maria Antonieta estreia."),
        good("A ministra Marina Silva e o ministro Fernando Haddad falaram à imprensa."),
    ],
)
def masculine_title_before_woman(doc: Document, ctx) -> Iterator[Hit]:
    """A masculine title right before a woman's name (`o editor-chefe Ana Souza`).

    ## Why it matters
    English titles have no gender (`editor-in-chief Ana Souza`, `CEO Linda Moraes`), and machine
    translation gives them the masculine: `o editor-chefe Ana Souza`, `pelo senador Marina
    Teixeira`. Portuguese makes the article and the title agree with the person:
    `a editora-chefe`, `pela senadora`.

    ## What fires
    A masculine article, contraction or possessive (`o`, `do`, `pelo`, `seu`…), optionally
    `atual`, `novo`, `ex-`…, a title of a person (data: `person_titles`, with its feminine), then
    a first name on the list of women's names (data: `female_first_names`, compiled for the
    project, names also given to men left out) followed by a surname, or a woman known by one
    name (`female_mononyms`: `Dilma`). The suggestion gives the feminine article and title.
    A man's name that ends in a woman's (`José Maria`), a surname that is also a first name
    (`o ministro Rosa`, with no surname after it, or `Paula Júnior`, `Rosa Filho`), and a comma
    between title and name stay silent.
    """
    d = _title_data(doc.language or "pt")
    if d is None:
        return
    rx, titles, dets, before, mononyms = d
    for m in scan(rx, doc.text):
        name = m.group("name")
        if not m.group("rest") and name not in mononyms:
            continue  # "o ministro Rosa": a surname, perhaps a man's
        if m.group("rest") and m.group("rest").split()[-1].rstrip(".") in _MALE_SUFFIXES:
            continue  # "Paula Júnior", "Rosa Filho": a man's surname
        det = m.group("det")
        fem_det = dets[det.lower()]
        fem_det = fem_det[0].upper() + fem_det[1:] if det[0].isupper() else fem_det
        parts = [fem_det]
        if m.group("pre"):
            parts.append(before.get(m.group("pre").lower(), m.group("pre")))
        parts.append((m.group("ex") or "") + titles[m.group("title")])
        parts.append(name + (m.group("rest") or ""))
        yield Hit(m.start(), m.end(), suggestion=" ".join(parts), args={"name": name})


# --- V117 a woman named in the text, then a masculine title or adjective after a copula ---------

#: A capitalised word and the capitalised word after it (a lookahead, so that `Segundo Cláudia
#: Reis` yields both pairs).
_FULL_NAME = re.compile(r"(?<![\w-])(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+)(?=[ \t\u00a0]+(?P<last>[A-ZÀ-Ý][\w'’-]+))")
#: Endings of adjectives the lexicon may not list (`investigativo`): tried with the dictionary.
_ADJ_ENDINGS = ("ivo", "ico", "oso", "ado", "ido", "ário", "eiro", "ano")
_PREDICATE_VERBS = ("é|foi|era|será|seria|está|esteve|estava|estará|ficou|continua|permanece|"
           "tornou-se|se[ \t\u00a0]+tornou|virou")


@cache
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Women's and men's first names of the data (V116, V117)."""
    data = load("gender")
    return frozenset(data.get("female_first_names") or ()), frozenset(data.get("male_first_names") or ())


_WORD_BEFORE_NAME = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ]+)[ \t\u00a0]+$")


def _women(doc: Document, names: frozenset[str], men: frozenset[str]) -> set[str]:
    """Surnames (and full names) of the women the text names with a listed first name. A surname
    the text also gives a man (`Pedro Reis`, or `José Maria Lopes`, where the woman's name is a
    man's middle name) is left out: it may be his."""
    out: set[str] = set()
    theirs: set[str] = set()
    text = doc.text
    for m in scan(_FULL_NAME, text):
        first, last = m.group("first"), m.group("last")
        if last in names:
            continue
        if first not in names:
            theirs.add(last)
            continue
        before = _WORD_BEFORE_NAME.search(text, max(0, m.start() - 30), m.start())
        if last in _MALE_SUFFIXES or (before and before.group(1) in men):
            theirs.add(last)
            continue
        out.add(last)
        out.add(f"{first} {last}")
    return {w for w in out if w.rsplit(" ", 1)[-1] not in theirs}


@cache
def _predicate_title(language: str) -> tuple[str, re.Pattern[str]]:
    """V117's titles as one trie (built once, not per document), and the part of its pattern
    after the name: a copula, an optional article and a title, after a blank. Every match of
    the whole pattern holds a match of this one, so a text without one has no finding."""
    titles = _title_data(language)[1]
    title_alt = trie_pattern(sorted(titles, key=len, reverse=True))
    tail = re.compile(rf"(?<=[ \t\u00a0])(?:{_PREDICATE_VERBS})[ \t\u00a0]+(?:(?:o|um)[ \t\u00a0]+)?(?:{title_alt})")
    return title_alt, tail


@check(
    "V117", "masculine-predicate-for-woman", Severity.WARNING,
    category="agreement",
    message="'{text}': {name} is a woman named earlier in the text; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("A repórter Ana Lacerda deixou a emissora. Lacerda [[é comentarista político]] "
            "desde 2019.", suggest="é comentarista política"),
        bad("Marina Teixeira assumiu em março. Teixeira [[foi o diretor]] da agência por dez anos.",
            suggest="foi a diretora"),
        bad("Segundo Cláudia Reis, o plano sai em março. Reis [[é um senador]] do partido.",
            suggest="é uma senadora"),
        good("Ana Lacerda deixou a emissora. Lacerda é comentarista política desde 2019."),
        good("Ana Lacerda e Pedro Reis deixaram a emissora. Reis é comentarista político."),
        good("Maria Rosa Filho chegou cedo. Filho é o diretor da escola."),
        good("Ana Lacerda elogiou o colega. O presidente é o diretor do museu."),
        good("O fotógrafo João Maria Campos expôs em março. Campos é o autor das fotos."),
        good("Ana Campos abriu a mostra. O fotógrafo João Maria Campos expôs em março. Campos é o "
             "autor das fotos."),
    ],
)
def masculine_predicate_for_woman(doc: Document, ctx) -> Iterator[Hit]:
    """A masculine title after a copula for a woman the text names (`Lacerda é o diretor`).

    (`Lacerda é comentarista político`, `Teixeira foi o diretor`.)

    ## Why it matters
    English predicates have no gender (`Lacerda is a political commentator`), and
    machine translation writes the masculine: `Lacerda é comentarista político`.
    Portuguese makes the article, the title and its adjective agree with the woman.

    ## What fires
    A surname (or full name) of a woman the text names with a first name of V116's list
    (`Ana Lacerda` earlier or later), a copula (`é`, `foi`, `era`, `está`, `ficou`, `tornou-se`…),
    then `o` or `um` and a title of a person with its feminine (`o diretor` → `a diretora`), or a
    title of one form for both (`correspondente`, `repórter`) followed by a masculine adjective
    (one the lexicon knows, or an `-ivo`, `-ico`, `-oso`, `-ado`… word whose `-a` form the
    dictionary also knows: `investigativo` → `investigativa`).

    ## What stays silent
    A surname a man named in the text also carries (`Ana Lacerda e Pedro Reis`: `Reis` is
    ambiguous), a woman's name after a man's first name (`João Maria Campos`: data
    `male_first_names`), surnames that are a man's suffix (`Filho`), and titles of other people.
    """
    d = _title_data(doc.language or "pt")
    if d is None:
        return
    _rx, titles, _dets, _before, _mono = d
    title_alt, tail = _predicate_title(doc.language or "pt")
    if tail.search(doc.text) is None:
        return  # no copula and title anywhere: no woman's name can come before one
    names, men = _first_names()
    women = _women(doc, names, men)
    if not women:
        return
    lexicon = ctx.providers.get("lexicon")
    dictionary = ctx.providers.get("dictionary")
    variant = doc.variant or "BR"

    def known(w: str) -> bool:
        return dictionary.known(w, "pt", variant)

    name_alt = trie_pattern(sorted(women, key=len, reverse=True))
    rx = re.compile(
        rf"(?<![\w-])(?P<name>{name_alt})[ \t\u00a0]+(?P<cop>{_PREDICATE_VERBS})[ \t\u00a0]+"
        rf"(?:(?P<det>o|um)[ \t\u00a0]+)?(?P<title>{title_alt})"
        rf"(?:[ \t\u00a0]+(?P<adj>[a-zà-ÿ]+o))?(?![\w-])"
    )
    for m in rx.finditer(doc.text):
        title, det, adj = m.group("title"), m.group("det"), m.group("adj")
        fem = titles[title]
        adj_fem = None
        if adj and (lexicon.adjective_gender(adj) == "m" or (
                adj.endswith(_ADJ_ENDINGS) and lexicon.nominal_gender(adj) is None
                and known(adj) and known(adj[:-1] + "a"))):
            adj_fem = adj[:-1] + "a"
        if det is None and fem == title and adj_fem is None:
            continue  # "é correspondente": nothing masculine to see
        parts = [m.group("cop")]
        if det:
            parts.append({"o": "a", "um": "uma"}[det])
        parts.append(fem)
        end = m.end("title")
        if adj_fem:
            parts.append(adj_fem)
            end = m.end("adj")
        yield Hit(m.start("cop"), end, suggestion=" ".join(parts), args={"name": m.group("name")})


CHECKS = (determiner_gender_mismatch, singular_adjective_before_plural_noun,
          noun_phrase_gender_mismatch, manner_adverbial_gender, adjective_after_noun_gender,
          relative_pronoun_gender, predicate_gender_mismatch, plural_determiner_singular_noun,
          plural_determiner_gender_mismatch, adjective_after_plural_noun, masculine_title_before_woman,
          masculine_predicate_for_woman) + rule_checks(__name__)
