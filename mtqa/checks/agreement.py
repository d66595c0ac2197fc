"""Agreement (V1xx): verb person that does not fit the text.

News prose is written in the third person; the first person belongs inside quotations. Machine
translation that loses track of a subject writes a first-person verb in reported speech
(`A mídia estatal disse Senhor Putin falei com Senhor Kim`, for *Mr Putin spoke with Mr Kim*).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan

# Quotation spans (curly, straight and guillemets) inside a paragraph; an unclosed quote runs to
# the end of the paragraph, which is what a quotation continued in the next paragraph does.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]*(?:\"|$)|«[^»]*(?:»|$)", re.S)
#: A paragraph of speech opened by a dash, up to the dash before the reporting verb (or its end).
_DASH_SPEECH = re.compile(r"[ \t]*[—–][ \t\u00a0]*[^—–]*")
# Lower-case words ending like a first-person singular preterite: -ei (-ar verbs), -i after a
# consonant (-er/-ir verbs: recebi, parti), -í after a vowel (-uir/-air verbs: incluí, saí; without
# the accent, `inclui`/`sai` are third-person present forms).
_CANDIDATE = re.compile(r"(?<![\w'’-])([a-zà-ú]{2,}(?:ei|[^\Waeiouáéíóúâêôãõà_]i|[aeiou]í))(?![\w'’-])")
# Words that mark a first-person context: a first-person verb here is not an artifact.
# Every candidate ends in -i or -í before a non-word character: a text without one has none (a
# cheap scan that spares most sentences the full pattern).
_ENDS_IN_I = re.compile(r"[ií](?![\w'’-])")
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:eu|me|mim|comigo|meu|minha|meus|minhas)(?![\w-])", re.I)


def _stems(word: str) -> list[tuple[str, str, str]]:
    """(stem, preterite-3sg ending, infinitive ending) readings of a candidate 1sg preterite."""
    out = []
    if word.endswith("ei"):
        stem = word[:-2]
        alts = [stem]
        if stem.endswith("qu"):  # fiquei -> ficou
            alts.append(stem[:-2] + "c")
        elif stem.endswith("gu"):  # cheguei -> chegou
            alts.append(stem[:-1])
        elif stem.endswith("c"):  # comecei -> começou
            alts.append(stem[:-1] + "ç")
        out += [(s, "ou", "ar") for s in alts]
    elif word.endswith("í"):
        out.append((word[:-1], "iu", "ir"))
    elif word.endswith("i"):
        stem = word[:-1]
        out += [(stem, "eu", "er"), (stem, "iu", "ir")]
    return out


def _third_person(word: str, known) -> str | None:
    """The third-person preterite of ``word`` when ``word`` is a first-person preterite."""
    for stem, third, infinitive in _stems(word):
        if len(stem) < 2:
            continue
        if known(stem + third) and known(stem + infinitive):
            return stem + third
    return None


@check(
    "V101", "first-person-in-reported-speech", Severity.WARNING,
    category="agreement",
    message="First-person verb '{text}' outside any quotation in third-person news prose; "
    "did the subject do it ('{suggestion}')?",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("A mídia estatal disse que Putin [[falei]] com Kim durante duas horas.", suggest="falou"),
        bad("O ministro [[cheguei]] a Moscou na segunda-feira.", suggest="chegou"),
        bad("Segundo a agência, o presidente [[recebi]] o embaixador.", suggest="recebeu"),
        good("“Eu falei com ele ontem”, disse o ministro."),
        good("O ministro disse: “Cheguei cedo e saí tarde.”"),
        good("Eu cheguei a Brasília na segunda-feira para acompanhar a votação."),
        good("A lei foi aprovada pelo Congresso, e o rei falou à nação."),
        good("O táxi parou ali, perto do Haiti Café, e o frenesi continuou."),
        good("O pacote inclui três acordos e atrai investidores; o prazo sai em março."),
        bad("O porta-voz disse que o governo [[incluí]] o tema na pauta.", suggest="incluiu"),
        good("Ele contou que o avô lhe disse: “Parti cedo.”\n\n“Voltei no mesmo dia”, completou."),
        good("O nome do rio vem do tupi e significa água escura."),
        good("— Já corri aqui com chuva e ganhei. Agora é tudo ou nada — disse a piloto."),
    ],
)
def first_person_in_reported_speech(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A first-person verb in narrative (not quoted) text of a third-person news article.

    ## Why it matters
    Machine translation that loses the subject of reported speech writes `Putin falei` for
    *Putin spoke*: the verb no longer agrees with its subject, and the sentence reads as garbled.

    ## What fires
    A lower-case word that the dictionary confirms is a first-person singular preterite (its
    third-person form and its infinitive are both words: `falei` → `falou`, `falar`), outside
    quotation marks, in a sentence with no first-person word (`eu`, `me`, `meu`...). Quotations,
    including one continued from paragraph to paragraph, and speech opened by a dash (`— Já
    corri aqui — disse a piloto`) stay silent, and so does a word right
    after a masculine article or its contraction (`vem do tupi`: a noun).
    """
    known_fn = ctx.providers.get("dictionary").known
    variant = doc.variant or "BR"

    def known(w: str) -> bool:
        return known_fn(w, "pt", variant)

    quoted: list[tuple[int, int]] = []
    for para in doc.paragraphs:
        if _ENDS_IN_I.search(para.text) and _CANDIDATE.search(para.text):
            quoted += [(para.start + m.start(), para.start + m.end()) for m in _QUOTED.finditer(para.text)]
            dash = _DASH_SPEECH.match(para.text)
            if dash:  # "— Já larguei em sexto e venci — afirmou o piloto": dialogue by dashes
                quoted.append((para.start, para.start + dash.end()))
    for sent in doc.sentences:
        if (not _ENDS_IN_I.search(sent.text) or not _CANDIDATE.search(sent.text)
                or _FIRST_PERSON.search(sent.text)):
            continue
        for m in _CANDIDATE.finditer(sent.text):
            start = sent.start + m.start(1)
            if any(a <= start < b for a, b in quoted):
                continue
            before = _WORD_BEFORE.search(sent.text, 0, m.start(1))
            if before and before.group(1).lower() in _ARTICLES_BEFORE_NOUN:
                continue  # "vem do tupi": a noun after an article, not a verb
            third = _third_person(m.group(1), known)
            if third:
                yield Hit(start, start + len(m.group(1)), suggestion=third)


#: Articles and their contractions: a finite verb never follows one directly (`do tupi`).
_ARTICLES_BEFORE_NOUN = frozenset(
    "o os um uns do dos no nos ao aos pelo pelos num nuns dum duns".split()
)

# --------------------------------------------------------------------------------------------
# Verb forms: which words are a third-person singular, and what their plural is.

#: Irregular third-person singular forms: (third plural, first plural).
_IRREGULAR = {
    "é": ("são", "somos"), "está": ("estão", "estamos"), "vai": ("vão", "vamos"),
    "tem": ("têm", "temos"), "vem": ("vêm", "vimos"), "foi": ("foram", "fomos"),
    "fez": ("fizeram", "fizemos"), "disse": ("disseram", "dissemos"), "teve": ("tiveram", "tivemos"),
    "esteve": ("estiveram", "estivemos"), "era": ("eram", "éramos"), "estava": ("estavam", "estávamos"),
    "pôde": ("puderam", "pudemos"), "deu": ("deram", "demos"), "viu": ("viram", "vimos"),
    "quer": ("querem", "queremos"), "faz": ("fazem", "fazemos"), "diz": ("dizem", "dizemos"),
    "traz": ("trazem", "trazemos"), "pode": ("podem", "podemos"), "deve": ("devem", "devemos"),
    "precisa": ("precisam", "precisamos"), "sabe": ("sabem", "sabemos"),
}


#: Function words that look like verb forms (`para` of `parar`, `se` of `ser`, `sobre` of
#: `sobrar`, `como` of `comer`): never taken as verbs.
_NOT_VERBS = frozenset("""
a e o se sem para como sobre entre contra segundo conforme durante mediante até ante perante
desde cerca apenas ainda mesmo mesma onde quando enquanto embora porque pois nada tudo toda todo
cada sempre nunca logo bem mal assim agora hoje ontem depois antes fora dentro junto perto longe
acima abaixo diante atrás senão caso tanto quanto pouco muito meio contudo porém entanto exceto
salvo inclusive também nem mas que qual quem cuja cujo sua seu essa esse esta este outra outro
uma umas ela ele isso isto aquilo além aqui ali lá cá tarde cedo sobretudo face frente
pela pelo pelas pelos num numa nas nos das dos aos às
""".split())


def _singular_verb(word: str, lexicon, known) -> tuple[str, str] | None:
    """``(third plural, first plural)`` when ``word`` is a third-person singular verb form of
    the indicative (present, preterite, imperfect, future) and nothing else the lexicon knows
    (not a noun, not an adjective, not a function word); None otherwise."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 3 or word in _NOT_VERBS:
        return None
    if (lexicon.nominal_gender(word) or lexicon.gender(word) or lexicon.adjective_gender(word)
            or lexicon.is_invariable_adjective(word) or lexicon.likely_gender(word)):
        return None
    forms = None
    if word.endswith("ou") and lexicon.is_verb(word[:-2] + "ar"):
        forms = (word[:-2] + "aram", word[:-2] + "amos")
    elif word.endswith("eu") and lexicon.is_verb(word[:-2] + "er"):
        forms = (word[:-2] + "eram", word[:-2] + "emos")
    elif word.endswith("iu") and lexicon.is_verb(word[:-2] + "ir"):
        # After a vowel the plural takes an accent: caiu -> caíram, construiu -> construíram.
        i = "í" if word[-3:-2] in ("a", "e", "o", "u") else "i"
        forms = (word[:-2] + i + "ram", word[:-2] + i + "mos")
    elif word.endswith("ava") and lexicon.is_verb(word[:-3] + "ar"):
        forms = (word + "m", word[:-3] + "ávamos")
    elif word.endswith("ia") and (lexicon.is_verb(word[:-2] + "er") or lexicon.is_verb(word[:-2] + "ir")):
        forms = (word + "m", word[:-2] + "íamos")
    elif word.endswith("rá") and lexicon.is_verb(word[:-1]):
        forms = (word[:-1] + "ão", word[:-1] + "emos")
    elif word.endswith("a") and lexicon.is_verb(word[:-1] + "ar"):
        forms = (word + "m", word + "mos")
    elif word.endswith("e") and (lexicon.is_verb(word[:-1] + "er") or lexicon.is_verb(word[:-1] + "ir")):
        forms = (word + "m", word + "mos")
    if forms is None or not known(forms[0]):
        return None
    return forms


def _known_fn(ctx, doc):
    d = ctx.providers.get("dictionary")
    variant = doc.variant or "BR"
    return lambda w: d.known(w, "pt", variant)


# V106: a subject pronoun and a verb of another person.

_PRONOUN_VERB = re.compile(
    r"(?<![\w-])(?P<pron>[Nn]ós|[Ee]les|[Ee]las)[ \t\u00a0]+"
    r"(?:(?:não|também|já|ainda|só|nunca|sempre|se|nos|lhe|lhes|o|a|os|as)[ \t\u00a0]+)?"
    r"(?P<verb>[a-zà-öø-ÿ]{2,})(?![\w-])"
)
#: Words before a pronoun that make it the object of a preposition or not a pronoun at all
#: ("para nós", "os nós da rede").
_NOT_SUBJECT_BEFORE = frozenset(
    "para de por com sem entre sobre contra até a ante perante após desde em os dos nos aos pelos "
    "segundo conforme que-não".split()
)
_WORD_BEFORE = re.compile(r"([\w-]+)[ \t\u00a0]*$")


@check(
    "V106", "pronoun-verb-person", Severity.WARNING,
    category="agreement",
    message="'{text}': the verb does not agree with '{pron}'; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("Se quisermos crescer, [[nós deve]] investir mais.", suggest="nós devemos"),
        bad("Os diretores disseram que [[eles precisa]] de mais tempo.", suggest="eles precisam"),
        bad("As atletas chegaram cedo e [[elas treinou]] à tarde.", suggest="elas treinaram"),
        good("Se quisermos crescer, nós devemos investir; eles precisam de tempo e elas treinaram."),
        good("Para nós é importante; entre eles há acordo; com elas vai a equipe; os nós da rede."),
        good("Nós mesmos, eles próprios, elas todas e nós também fazemos."),
        bad("O técnico avisou que [[ele estão]] prontos para a final.", suggest="ele está"),
        bad("A ministra disse que [[ela falaram]] com o juiz.", suggest="ela falou"),
        bad("Depois da reunião, [[eu vai]] ao estádio.", suggest="eu vou"),
        good("Para ele são dias difíceis; o que importa pra ela são os filhos; o eu é uma ideia."),
        good("Eu disse que sim, eu quis ir e ela quer ficar; ele e os irmãos trabalham juntos."),
    ],
)
def pronoun_verb_person(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A subject pronoun followed by a verb of another person (`nós deve`, `eles precisa`).

    ## Why it matters
    The verb agrees with its subject: `nós devemos`, `eles precisam`. A translation that keeps
    the English verb's one form for every person (*we must*, *they need*) writes a third-person
    singular after a plural pronoun, which reads as broken.

    ## What fires
    `ele`, `ela` or `você` directly before a third-person plural form (`ele estão`, `ela
    falaram`), `eu` before a third-person singular that the first person never shares (`eu
    vai`, `eu pode`), and `nós`, `eles` or `elas` (optionally with `não`, `também`, a clitic...)
    directly before a third-person singular verb form: an irregular one (`é`, `tem`, `foi`) or a regular one whose
    infinitive the lexicon knows (`deve` of `dever`, `treinou` of `treinar`) and whose plural
    the dictionary knows. The suggestion is the plural form.

    ## What stays silent
    Pronouns after a preposition (`para nós é`, `entre eles há`), `os nós` (knots), and words
    that are also nouns or adjectives (`eles próprios`).
    """
    lexicon = ctx.providers.get("lexicon")
    known = _known_fn(ctx, doc)
    text = doc.text
    for m in scan(_PRONOUN_VERB, text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and before.group(1).lower() in _NOT_SUBJECT_BEFORE:
            continue
        verb = m.group("verb")
        forms = _singular_verb(verb, lexicon, known)
        if forms is None:
            continue
        pron = m.group("pron")
        plural = forms[1] if pron.lower() == "nós" else forms[0]
        if pron.lower() == "nós" and not known(plural):
            continue
        span = text[m.start():m.start("verb")]
        yield Hit(m.start(), m.end(), suggestion=span + plural, args={"pron": pron})
    # The other way round: `ele`/`ela`/`você` before a plural verb, `eu` before a third person.
    for m in scan(_SINGULAR_PRONOUN_VERB, text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        pron, verb = m.group("pron"), m.group("verb")
        if before and before.group(1).lower() in _NOT_SUBJECT_AFTER_WORDS:
            continue
        if pron.lower() == "eu":
            first = _FIRST_OF_THIRD.get(verb)
            if first is None:
                continue
            fix = first
        else:
            fix = _plural_verb(verb, lexicon, known)
            if fix is None:
                continue
        span = text[m.start():m.start("verb")]
        yield Hit(m.start(), m.end(), suggestion=span + fix, args={"pron": pron})


_SINGULAR_PRONOUN_VERB = re.compile(
    r"(?<![\w-])(?P<pron>[Ee]le|[Ee]la|[Vv]ocê|[Ee]u)[ \t\u00a0]+"
    r"(?:(?:não|também|já|ainda|só|nunca|sempre|se|me|te|lhe|o|a|os|as)[ \t\u00a0]+)?"
    r"(?P<verb>[a-zà-öø-ÿ]{2,})(?![\w-])"
)
#: Words after which a singular pronoun is no subject (`para ele são`, `pra ela foram`, `o eu é`).
_NOT_SUBJECT_AFTER_WORDS = _NOT_SUBJECT_BEFORE | {"o", "do", "meu", "seu", "pra", "pro", "pela", "pelo", "na", "no"}
#: Third-person singular forms a first-person subject never takes, and the first person.
_FIRST_OF_THIRD = {
    "é": "sou", "está": "estou", "vai": "vou", "tem": "tenho", "vem": "venho", "foi": "fui",
    "fez": "fiz", "teve": "tive", "esteve": "estive", "pôde": "pude", "deu": "dei", "viu": "vi",
    "quer": "quero", "faz": "faço", "diz": "digo", "traz": "trago", "pode": "posso", "deve": "devo",
    "precisa": "preciso", "sabe": "sei",
}
_SINGULAR_OF_IRREGULAR = {plural: third for third, (plural, _first) in _IRREGULAR.items()}
#: Third-person plural endings, the singular ending and the infinitive endings they come from.
_PLURAL_VERB_ENDINGS = (("aram", "ou", ("ar",)), ("eram", "eu", ("er",)), ("iram", "iu", ("ir",)),
                        ("avam", "ava", ("ar",)), ("iam", "ia", ("er", "ir")),
                        ("arão", "ará", ("ar",)), ("erão", "erá", ("er",)), ("irão", "irá", ("ir",)),
                        ("am", "a", ("ar",)), ("em", "e", ("er", "ir")))


def _plural_verb(word: str, lexicon, known) -> str | None:
    """The third-person singular of ``word`` when it is a third-person plural verb form of the
    indicative and nothing else the lexicon knows; None otherwise."""
    if word in _SINGULAR_OF_IRREGULAR:
        return _SINGULAR_OF_IRREGULAR[word]
    if len(word) < 4 or word in _NOT_VERBS:
        return None
    if (lexicon.nominal_gender(word) or lexicon.gender(word) or lexicon.adjective_gender(word)
            or lexicon.is_invariable_adjective(word) or lexicon.likely_gender(word)):
        return None
    for end, sing, infinitives in _PLURAL_VERB_ENDINGS:
        if word.endswith(end):
            stem = word[: len(word) - len(end)]
            if stem and any(lexicon.is_verb(stem + i) for i in infinitives):
                third = stem + sing
                return third if known(word) and known(third) else None
            return None
    return None


# V107: a plural subject and a singular verb.

_PLURAL_SUBJECT = re.compile(
    r"(?<![\w.,-])(?P<det>[OoAa]s|\d{1,3}(?:\.\d{3})*(?![.,]\d)|[Aa]lgu(?:mas|ns)|[Vv]ári[oa]s|[Mm]uit[oa]s|[Ee]st[ea]s|[Ee]ss[ea]s|"
    r"[Aa]quel[ea]s|[Ss]e[u]s|[Ss]uas|[Nn]oss[oa]s)[ \t\u00a0]+"
    r"(?:(?:dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|\d{1,3})[ \t\u00a0]+)?(?P<noun>[a-zà-öø-ÿ]{3,}s)"
    r"(?P<rest>(?:[ \t\u00a0]+[a-zà-öø-ÿ]+){1,4})(?![\w-])"
)
_REST_WORD = re.compile(r"[a-zà-öø-ÿ]+")
_OF = frozenset(("de", "do", "da", "dos", "das"))


#: Words after which `os/as` starts a subject: a sentence or clause boundary.
_CLAUSE_OPENS_WITH_PREPOSITION = re.compile(
    r"(?:^|[,;:(—–])[ \t\u00a0]*(?:entre|de|em|com|para|por|sobre|além|após|sem|contra|até|"
    r"desde|durante|segundo|conforme|perante|dentre|junto)[ \t\u00a0][^,;:(—–]*$", re.I)
_SUBJECT_AFTER = frozenset("que e mas quando porque pois onde enquanto embora se como-não".split())
_PLURAL_ENDINGS = (("ões", "ão"), ("ães", "ão"), ("ãos", "ão"), ("ais", "al"), ("éis", "el"),
                   ("eis", "el"), ("óis", "ol"), ("res", "r"), ("zes", "z"), ("ns", "m"),
                   ("eses", "ês"), ("ses", "s"), ("s", ""))


def _opens_clause(head: str) -> bool:
    """Does a subject starting after ``head`` (the sentence up to it) open a sentence or clause:
    nothing before it, a mark, or a conjunction such as `que`, `e`, `quando`? After `e` inside a
    phrase opened by a preposition it does not ("entre os países e as empresas está": the
    subject comes later)."""
    head = head.rstrip(" \t\u00a0")
    if not head or head.endswith((",", ";", ":", "(", "—", "–", "“", '"', "«")):
        return True
    before = _WORD_BEFORE.search(head)
    if not before or before.group(1).lower() not in _SUBJECT_AFTER:
        return False
    return not (before.group(1).lower() == "e" and _CLAUSE_OPENS_WITH_PREPOSITION.search(head))


def _plural_noun(word: str, lexicon, known=None) -> bool:
    """True when ``word`` is the plural of a noun the lexicon knows (`crianças`, `ações`), or,
    with ``known`` (the dictionary), the plural of a word of four letters or more the dictionary
    knows, both forms known and neither a verb (`especialistas`, `jogadores`: nouns the
    gender lexicon lacks; their number is all that matters here)."""
    for plural, singular in _PLURAL_ENDINGS:
        if word.endswith(plural):
            stem = word[: len(word) - len(plural)] + singular
            if lexicon.gender(stem) or lexicon.nominal_gender(stem) or lexicon.likely_gender(stem):
                return True
    if known is None or word in _NOT_PLURAL_NOUN_FALLBACK:
        return False
    if not known(word):
        return False
    for plural, singular in _PLURAL_ENDINGS:
        if word.endswith(plural):
            stem = word[: len(word) - len(plural)] + singular
            if (len(stem) >= 4 and known(stem) and not lexicon.is_verb(stem)
                    and _singular_verb(stem, lexicon, known) is None):
                return True
    return False


#: Plural words after `os/as` that are pronouns or quantifiers, not a noun subject.
_NOT_PLURAL_NOUN_FALLBACK = frozenset("quais mesmos mesmas demais próprios próprias tais".split())


@cache
def _not_plural_subjects() -> frozenset[str]:
    from mtqa.checks.data import load

    return frozenset((load("gender").get("not_plural_nouns") or {}).get("pt") or ())


@check(
    "V107", "plural-subject-singular-verb", Severity.WARNING,
    category="agreement",
    message="'{text}': the subject '{subject}' is plural but the verb '{verb}' is singular; "
    "write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("Na hora do recreio, [[as crianças corre]] pelo pátio.", suggest="as crianças correm"),
        bad("[[Os preços da gasolina subiu]] pela terceira semana.", suggest="Os preços da gasolina subiram"),
        bad("Segundo o relatório, [[os documentos revela]] uma queda.", suggest="os documentos revelam"),
        good("No recreio, as crianças correm pelo pátio; os preços da gasolina subiram."),
        good("Todos os dias chega um navio; entre as causas da crise está a seca."),
        good("Entre os convidados e as autoridades estava o prefeito."),
        good("Nos últimos anos, a maioria dos eleitores votou; os Estados Unidos anunciou."),
        good("As palavras chave e os carros bomba; os países membro e as empresas alvo."),
        bad("No mês passado, [[as exportações caiu]] 3%.", suggest="as exportações caíram"),
        bad("[[Os especialistas acredita]] numa queda dos juros.", suggest="Os especialistas acreditam"),
        bad("[[Os dois países assinou]] o acordo.", suggest="Os dois países assinaram"),
        bad("Segundo a polícia, [[12 pessoas morreu]] no acidente.", suggest="12 pessoas morreram"),
        good("Em 2024 morreram 12 pessoas; em março, 1 pessoa morreu; a taxa de 2,5 pontos caiu."),
        good("As exportações caíram 3%; os especialistas acreditam numa queda; as quais considera justas."),
    ],
)
def plural_subject_singular_verb(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A plural subject `os/as` + noun followed by a singular verb (`as crianças corre`).

    ## Why it matters
    The verb agrees in number with its subject. An engine that loses the plural between
    subject and verb, or takes the number from a nearer word (`os preços da gasolina subiu`),
    leaves a sentence that any reader stops at.

    ## What fires
    At the start of a sentence or clause (after a comma, `que`, `e`, `quando`...), `os` or `as`,
    optionally a number (`os dois`, `as 30`), the plural of a noun the lexicon knows (or, for nouns it lacks, a plural whose singular the
    dictionary knows and that is not a verb: `especialistas`, `jogadores`), optionally `de/do/da` and one word, then a
    third-person singular verb form (see V106). The suggestion is the plural form.

    ## What stays silent
    `os/as` after a preposition (`entre as causas da crise está`: the subject comes after the
    verb), measures of time and quantities (`todos os dias chega`), names (`os Estados Unidos`),
    nouns in apposition that are nouns too (`os carros bomba`), and words that are not verbs.
    """
    lexicon = ctx.providers.get("lexicon")
    known = _known_fn(ctx, doc)
    skip = _not_plural_subjects()
    for sent in doc.sentences:
        text = sent.text
        if "s " not in text:
            continue
        for m in scan(_PLURAL_SUBJECT, text):
            if not _opens_clause(text[:m.start()]):
                continue
            noun = m.group("noun")
            if noun in skip or not _plural_noun(noun, lexicon, known):
                continue
            rest = list(_REST_WORD.finditer(text, m.start("rest"), m.end("rest")))
            # The verb right after the noun, or after `de/do/da` and one or two words.
            tries = rest[:1] if rest[0].group() not in _OF else rest[2:4]
            for w in tries:
                forms = _singular_verb(w.group(), lexicon, known)
                if forms is not None:
                    break
            else:
                continue
            fixed = text[m.start():w.start()] + forms[0]
            yield Hit(sent.start + m.start(), sent.start + w.end(), suggestion=fixed,
                      args={"subject": f"{m.group('det')} {noun}", "verb": w.group()})


# V114: a singular subject and a plural verb.

_SINGULAR_SUBJECT = re.compile(
    r"(?<![\w-])(?P<det>[Oo]|[Aa]|[Uu]ma?|[Ee]st[ea]|[Ee]ss[ea]|[Aa]quel[ea]|[Ss]eu|[Ss]ua|[Nn]oss[oa])"
    r"[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,})(?P<rest>(?:[ \t\u00a0]+[a-zà-öø-ÿ]+){1,3})(?![\w-])"
)
#: Nouns of a quantity or a group: the verb may agree with the group's members
#: (`a maioria dos eleitores votaram` is accepted usage).
_COLLECTIVE = frozenset("""maioria minoria metade parte grupo série porção gente multidão conjunto
número totalidade resto dezena centena milhar bando turma equipe equipa família casal dupla trio
""".split())


@check(
    "V114", "singular-subject-plural-verb", Severity.WARNING,
    category="agreement",
    message="'{text}': the subject '{subject}' is singular but the verb '{verb}' is plural; "
    "write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("[[O juiz proferiram]] a sentença na sexta-feira.", suggest="O juiz proferiu"),
        bad("Segundo a polícia, [[o prefeito fugiram]] pela janela.", suggest="o prefeito fugiu"),
        bad("[[A empresa anunciaram]] o novo modelo.", suggest="A empresa anunciou"),
        good("O juiz proferiu a sentença; a empresa anunciou o modelo; o suspeito fugiu."),
        good("A maioria dos eleitores votaram cedo, e metade dos alunos faltaram."),
        good("O que disseram foi outra coisa; a quem interessaram as mudanças."),
        good("Entre o ministro e os assessores estavam os documentos."),
        good("O frio intenso e a chuva forte atrasaram a colheita."),
    ],
)
def singular_subject_plural_verb(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A singular subject (`o`/`a`/`um`... + noun) followed by a plural verb (`o juiz proferiram`).

    ## Why it matters
    The verb agrees in number with its subject. A translation that takes the number from an
    English plural nearby, or from a collective reading, writes `o juiz proferiram`; readers
    stop at it.

    ## What fires
    At the start of a sentence or clause (after a comma, `que`, `e`, `quando`...), a singular
    determiner, a singular noun the lexicon knows, optionally `de/do/da` and one word, then a
    third-person plural verb form of the indicative whose infinitive the lexicon knows (`-aram`,
    `-eram`, `-iram`, `-am`, `-em`, `são`, `foram`). The suggestion is the singular form.

    ## What stays silent
    Collective and quantity nouns (`a maioria`, `metade`, `o grupo`), whose verb may agree with
    the members; determiners after a preposition (`entre o ministro e os assessores estavam`);
    pronouns (`o que disseram`); and words that are also nouns or adjectives.
    """
    lexicon = ctx.providers.get("lexicon")
    known = _known_fn(ctx, doc)
    for sent in doc.sentences:
        text = sent.text
        for m in scan(_SINGULAR_SUBJECT, text):
            if not _opens_clause(text[:m.start()]):
                continue
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if before and before.group(1).lower() in ("e", "ou", "nem"):
                continue  # "o emprego e o aumento da renda sustentaram": a coordinated subject
            noun = m.group("noun")
            if (noun.endswith("s") or noun in _COLLECTIVE or noun in _NOT_VERBS
                    or not (lexicon.gender(noun) or lexicon.nominal_gender(noun))):
                continue
            rest = list(_REST_WORD.finditer(text, m.start("rest"), m.end("rest")))
            tries = rest[:1] if rest[0].group() not in _OF else rest[2:3]
            for w in tries:
                third = _plural_verb(w.group(), lexicon, known)
                if third is not None:
                    break
            else:
                continue
            fixed = text[m.start():w.start()] + third
            yield Hit(sent.start + m.start(), sent.start + w.end(), suggestion=fixed,
                      args={"subject": f"{m.group('det')} {noun}", "verb": w.group()})


# V115: an auxiliary followed by a finite verb where the participle belongs.

_AUX_FINITE = re.compile(
    r"(?<![\w-])(?P<aux>foi|foram|é|são|será|serão|seria|seriam|era|eram|está|estão|estava|estavam|"
    r"tem|têm|tinha|tinham|havia|haviam|ter|ser|sido|sendo|estar)[ \t\u00a0]+"
    r"(?P<verb>[a-zà-öø-ÿ]{4,}(?:ou|eu|iu|aram|eram|iram))(?![\w-])"
)
_PRETERITE_ENDINGS = (("aram", "ar", "ado"), ("eram", "er", "ido"), ("iram", "ir", "ido"),
                      ("ou", "ar", "ado"), ("eu", "er", "ido"), ("iu", "ir", "ido"))


@check(
    "V115", "auxiliary-before-finite-verb", Severity.WARNING,
    category="agreement",
    message="'{text}': after '{aux}' the verb must be a participle; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O festival [[foi cancelou]] por causa da chuva.", suggest="foi cancelado"),
        bad("As obras [[foram terminaram]] em março.", suggest="foram terminadas"),
        bad("O time [[tinha perdeu]] dois jogos seguidos.", suggest="tinha perdido"),
        good("O festival foi cancelado; as obras foram terminadas; o time tinha perdido."),
        good("Ele é europeu, foi réu e é ateu; o troféu é seu; foi museu."),
        good("O que foi, foi: ficou tudo como estava, e ele chegou."),
    ],
)
def auxiliary_before_finite_verb(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """An auxiliary followed by a finite preterite where a participle belongs (`foi cancelou`).

    `foi`, `foram`, `tinha`, `está`... then `cancelou`, `perdeu`, `terminaram`.

    ## Why it matters
    A passive or a compound tense takes the participle: `foi cancelado`, `tinha perdido`. A
    translation that renders the English participle with the Portuguese preterite (*was
    cancelled* read as *cancelled*) writes two finite verbs in a row.

    ## What fires
    `ser`, `estar`, `ter` or `haver` in a finite form (or `ser`, `ter`, `sido`, `sendo`), a space
    and a third-person preterite (`-ou`, `-eu`, `-iu`, `-aram`, `-eram`, `-iram`) of a verb the
    lexicon knows that is no noun or adjective. The suggestion is the participle (agreeing in
    gender and number is left to the reviewer after `ser`: masculine singular, or masculine plural
    after `foram`/`são`, feminine after a feminine determiner right before the subject).

    ## What stays silent
    Nouns and adjectives that end like a preterite (`europeu`, `réu`, `troféu`), possessives
    (`seu`, `meu`), and anything after a comma or another mark.
    """
    lexicon = ctx.providers.get("lexicon")
    text = doc.text
    for m in scan(_AUX_FINITE, text):
        verb = m.group("verb")
        if verb in _NOT_VERBS or verb in _POSSESSIVE_LIKE:
            continue
        if (lexicon.nominal_gender(verb) or lexicon.gender(verb) or lexicon.adjective_gender(verb)
                or lexicon.is_invariable_adjective(verb)):
            continue
        for end, inf, part in _PRETERITE_ENDINGS:
            if verb.endswith(end):
                stem = verb[: len(verb) - len(end)]
                if lexicon.is_verb(stem + inf):
                    plural = end in ("aram", "eram", "iram") or m.group("aux") in ("foram", "são", "serão", "seriam", "eram", "estão", "estavam")
                    passive = m.group("aux") not in ("tem", "têm", "tinha", "tinham", "havia", "haviam", "ter")
                    participle = stem + part
                    if passive:
                        subj = _SUBJECT_BEFORE_AUX.search(text, max(0, m.start() - 40), m.start())
                        if subj and subj.group("det").lower().startswith(("a", "uma")):
                            participle = participle[:-1] + "a"
                        if plural or (subj and subj.group("det").lower().endswith("s")):
                            participle += "s"
                    yield Hit(m.start(), m.end(), suggestion=f"{m.group('aux')} {participle}",
                              args={"aux": m.group("aux")})
                break


_SUBJECT_BEFORE_AUX = re.compile(
    r"(?<![\w-])(?P<det>[OoAa]s?|[Uu]mas?|[Uu]ns)[ \t\u00a0]+[a-zà-öø-ÿ]+[ \t\u00a0]+$")
_POSSESSIVE_LIKE = frozenset("seu meu teu deu leu céu véu réu".split())


CHECKS = (first_person_in_reported_speech, pronoun_verb_person, plural_subject_singular_verb,
          singular_subject_plural_verb, auxiliary_before_finite_verb)
