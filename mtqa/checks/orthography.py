"""Spelling of the wrong norm or variant (O1xx): pre-1990 forms, the other variant's forms,
missing accents and crases.

Machine translation trained on older or mixed text writes spellings that the 1990 agreement
abolished (`actualização`, `colecção`, `jibóia`), the European progressive in a
Brazilian text (`está a preparar`), and drops the crase that a feminine noun asks for after
`devido a`. The checks here are generative: they ask the hunspell lists of both variants (which
follow the reformed spelling) rather than a list of words, so they carry over to words no list
holds.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from functools import cache

from mtqa.checks.articles import trie_pattern
from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan
from mtqa.lang.pt import european_progressive, not_progressive

_L = "a-zà-öø-ÿ"
_U = "A-ZÀ-ÖØ-Þ"


#: Verdicts on words, per dictionary object and check (words repeat across documents; a
#: dictionary that is gone takes its verdicts with it).
_VERDICTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_VERDICTS_MAX = 100_000


def _verdicts(d, key: tuple) -> dict:
    try:
        per = _VERDICTS.setdefault(d, {})
    except TypeError:  # an object that takes no weak reference: no memo across documents
        return {}
    memo = per.get(key)
    if memo is None or len(memo) > _VERDICTS_MAX:
        memo = per[key] = {}
    return memo


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@cache
def _list(key: str, language: str = "pt") -> tuple[str, ...]:
    return tuple((load("orthography").get(key) or {}).get(language) or ())


def _lookups(ctx: CheckContext, doc: Document):
    """``(known_in_variant, known_in_any_variant)`` for Portuguese, or None without word lists."""
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return None
    if not (d.has("pt", "BR") and d.has("pt", "PT")):
        return None
    variant = (doc.variant or "").upper() or None

    def in_variant(w: str) -> bool:
        if variant:
            return d.known(w, "pt", variant)
        return d.known(w, "pt", "BR") or d.known(w, "pt", "PT")

    foreign = [(lang, var) for lang, var in (("en", "US"), ("it", "IT"), ("es", "ES")) if d.has(lang, var)]

    def in_pt(w: str) -> bool:
        return d.known(w, "pt", "BR") or d.known(w, "pt", "PT")

    def neighbour_pt(w: str) -> bool:
        # The pt-BR list also knows letters and foreign particles ("l", "in").
        return d.known(w, "pt", "PT") or (len(w) > 2 and d.known(w, "pt", "BR"))

    def in_any(w: str, text: str | None = None, start: int = 0, end: int = 0) -> bool:
        """Known in either variant, or a word of another language (English `accuse`, Italian
        `accordo`): either way not a Portuguese word to respell. With ``text``, a word another
        language knows (`actual`, `director`) counts as foreign only outside Portuguese words:
        between two Portuguese words it is the old Portuguese spelling."""
        if in_pt(w):
            return True
        if not any(d.known(w, lang, var) for lang, var in foreign):
            return False
        return text is None or not _portuguese_context(text, start, end, neighbour_pt)

    return in_variant, in_any


_PREV_WORD = re.compile(r"([^\W\d_]+)[^\w\n]{0,3}$")
_NEXT_WORD = re.compile(r"[^\w\n]{0,3}([^\W\d_]+)")


def _portuguese_context(text: str, start: int, end: int, in_pt) -> bool:
    """True when the words right before and after ``text[start:end]`` on its line (at least
    one of them) are Portuguese."""
    if start and text[start - 1] in "'’":
        return False  # an elision (Italian "l’accordo", French "l’action")
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    nxt = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    words = [m.group(1).lower() for m in (prev, nxt) if m]
    return bool(words) and all(in_pt(w) for w in words)


# --------------------------------------------------------------------------------------------
# O101: pre-1990 silent consonants

# A word with a c or p before c, ç or t: where the pre-1990 spelling kept a consonant that is
# not said (actual, objecto, correcção, óptimo, acção).
_SILENT = re.compile(r"[cpCP][cçtCÇT]")
_SILENT_AT = re.compile(r"[cp](?=[cçt])", re.I)


def _name_like(text: str, start: int, word: str) -> bool:
    """A capitalised (not all-capitals) word inside a sentence: a name or a title (`Actual
    Records`), not a word to respell."""
    if not word[:1].isupper() or word.isupper():
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"“«(—–-":
        i -= 1
    return i >= 0 and text[i] not in ".!?:;\n\r…"


def _hinted_words(text: str, hint: re.Pattern) -> Iterator[tuple[int, int, str]]:
    """The words (runs of letters, not touching digits or underscores) that contain a match of
    ``hint``: a cheap scan for a rare pattern instead of a word pattern tried at every letter."""
    n = len(text)
    last = -1
    for h in scan(hint, text):
        a = h.start()
        if a < last:
            continue
        while a > 0 and text[a - 1].isalpha():
            a -= 1
        b = h.end()
        while b < n and text[b].isalpha():
            b += 1
        last = b
        if (a and (text[a - 1].isdigit() or text[a - 1] == "_")) or (b < n and (text[b].isdigit() or text[b] == "_")):
            continue
        yield a, b, text[a:b]


def _drop_silent(word: str) -> list[str]:
    """The word with each silent-consonant candidate removed, one at a time, then all."""
    spots = [m.start() for m in _SILENT_AT.finditer(word)]
    out = [word[:i] + word[i + 1:] for i in spots]
    if len(spots) > 1:
        w = word
        for i in reversed(spots):
            w = w[:i] + w[i + 1:]
        out.append(w)
    return out


@check(
    "O101", "pre-reform-silent-consonant", Severity.WARNING,
    category="orthography",
    message="'{text}' is a spelling abolished by the 1990 agreement in both variants; write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("A [[actualização]] do mapa das estradas saiu ontem.", suggest="atualização", variant="PT"),
        bad("A [[direcção]] mostrou a [[colecção]] de selos.", variant="PT"),
        bad("A [[acção]] judicial teve um desfecho [[óptimo]].", variant=""),
        bad("A [[direcção]] do clube pediu uma [[correcção]] do calendário.",
            variant="PT"),
        bad("Os preços [[actuais]] são os [[óptimos]] para comprar.", variant=""),
        bad("[[Actualmente]], a empresa tem três fábricas.", suggest="Atualmente"),
        bad("O valor [[actual]] do [[director]] e a auto-[[actualização]] do sistema.", variant="PT"),
        good("A secção de desporto noticiou o facto, e o contacto com a direção foi feito.",
             variant="PT"),
        good("A facção rebelde e a detecção de fraudes foram temas da recepção.", variant="BR"),
        good("O pacto, o impacto, a ficção, a opção e o helicóptero; o egípcio adaptou o conceito."),
        good("A atualização corrige o objeto e a direção ótima da ação.", variant="PT"),
        good("O artista Victor Hugo e o grupo Actual Records lançaram o álbum Perfect."),
        good("O filme The actual director estreou em Lisboa."),
    ],
)
def pre_reform_silent_consonant(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A silent c or p of the spelling before the 1990 agreement (`actualização`, `objecto`).

    ## Why it matters
    Since the 1990 orthographic agreement, neither Brazil nor Portugal writes the consonants
    that are not pronounced: `atual`, `objeto`, `correção`, `ótimo`, `ação`. Engines trained on
    older European text still produce `actualização` and `objectos`, sometimes next to the
    reformed form in the same article; a reader of either variant sees a dated or careless text.

    ## What fires
    A word with a `c` or `p` before `c`, `ç` or `t` that the hunspell lists of both pt-BR and
    pt-PT reject, and which one of them accepts without that consonant. The lists follow the
    reformed spelling, so this needs no list of old forms.

    ## What stays silent
    Consonants that are said and kept in either variant (`facto`, `secção`, `contacto` in
    Portugal; `facção`, `detecção`, `recepção` in Brazil: one of the two lists accepts them),
    words with a capital inside or after the first letter that the lists do not know (names,
    brands), and words that are not Portuguese at all (no list accepts the shorter form either).
    """
    look = _lookups(ctx, doc)
    if look is None:
        return
    in_variant, in_any = look
    text = doc.text
    for start, end, word in _hinted_words(text, _SILENT):
        if len(word) < 4 or word.isupper() or any(c.isupper() for c in word[1:]):
            continue  # acronyms (IPCA), names with inner capitals
        if _name_like(text, start, word):
            continue
        low = word.lower()
        if in_any(low, text, start, end):
            continue
        for cand in _drop_silent(low):
            if in_variant(cand):
                yield Hit(start, end, suggestion=_match_case(cand, word))
                break


# --------------------------------------------------------------------------------------------
# O102: pre-1990 accents

# Accents the agreement dropped: the open diphthongs éi/ói of paroxytones (idéia, heróico,
# jibóia), the circumflex of -êem (crêem, vêem) and -ôo (vôo, enjôo), the trema (ü).
# Two cheap scans (an alternation with look-arounds is slow on long texts): the accented vowel
# before i/e/o or a trema, loosely (the exact spots are tested per word), and p/c before an
# accented vowel for the differential accents (pêlo, pólo, côa).
_OLD_ACCENT = re.compile(r"[éÉóÓêÊôÔ][iIeEoO]|[üÜ]")
_DIFFERENTIAL_HINT = re.compile(r"[pPcC][êéóôÊÉÓÔ]")
_UNACCENT = str.maketrans({"é": "e", "ó": "o", "ê": "e", "ô": "o", "ü": "u"})
_OLD_AT = re.compile(r"[éó](?=i)|ê(?=e)|ô(?=o)|ü")


@cache
def _differential() -> dict[str, str]:
    """The abolished differential accents: ``{"pêlo": "pelo", ...}``."""
    return {w: w.translate(_UNACCENT) for w in _list("differential_accents")}


def _drop_old_accents(word: str) -> list[str]:
    spots = [m.start() for m in _OLD_AT.finditer(word)]
    out = [word[:i] + word[i].translate(_UNACCENT) + word[i + 1:] for i in spots]
    if len(spots) > 1:
        out.append("".join(c.translate(_UNACCENT) if i in spots else c for i, c in enumerate(word)))
    return out


@check(
    "O102", "pre-reform-accent", Severity.WARNING,
    category="orthography",
    message="'{text}' keeps an accent the 1990 agreement abolished; write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("No zoológico, a [[jibóia]] dormia ao sol.", suggest="jiboia"),
        bad("As [[assembléias]] votaram apesar do [[enjôo]] do relator."),
        bad("Eles [[crêem]] que o [[vôo]] foi adiado.", variant="PT"),
        bad("Foi um gesto [[heróico]] e [[freqüente]].", variant=""),
        bad("O cão perdeu o [[pêlo]] perto do [[pólo]] norte.", variant=""),
        good("No zoológico, a jiboia dormia; as assembleias votaram; eles creem que o voo foi adiado."),
        good("O herói tem ideias e o chapéu é dele; os anéis e os papéis, o dói e o mói."),
        good("Eles têm e vêm; ela pôs o pôr do sol no álbum Über Alles de Müller.", variant="PT"),
    ],
)
def pre_reform_accent(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """An accent the 1990 agreement abolished (`jibóia`, `crêem`, `vôo`, `freqüente`).

    ## Why it matters
    The agreement dropped the accent of the open diphthongs `ei` and `oi` in paroxytones
    (`ideia`, `heroico`, `jiboia`), the circumflex of `-eem` and `-oo` (`creem`, `voo`),
    the trema (`frequente`) and most differential accents (`pelo`, `polo`, `pera`). An engine that learned from older text brings them back; in
    either variant they read as a spelling mistake.

    ## What fires
    A word with `éi`, `ói`, `êe`, `ôo` or `ü` that the hunspell lists of both variants reject,
    and that one of them accepts without that accent.

    ## What stays silent
    Accents that stay (`herói`, `anéis`, `papéis`, `têm`, `vêm`), and foreign names with `ü`
    that no list knows in either form (`Müller`). The abolished differential accents (`pêlo`,
    `pólo`, `pêra`) come from a list, since `pelo` and `polo` are words of their own.
    """
    look = _lookups(ctx, doc)
    if look is None:
        return
    in_variant, in_any = look
    differential = _differential()
    text = doc.text
    seen: set[int] = set()
    for start, end, word in (*_hinted_words(text, _OLD_ACCENT), *_hinted_words(text, _DIFFERENTIAL_HINT)):
        if start in seen:
            continue
        seen.add(start)
        if (start and text[start - 1] == "-") or (end < len(text) and text[end] == "-"):
            continue
        if not word.isupper() and any(c.isupper() for c in word[1:]):
            continue
        if _name_like(text, start, word):
            continue
        low = word.lower()
        if low in differential:
            yield Hit(start, end, suggestion=_match_case(differential[low], word))
            continue
        if not _OLD_AT.search(low) or in_any(low, text, start, end):
            continue
        for cand in _drop_old_accents(low):
            if in_variant(cand):
                yield Hit(start, end, suggestion=_match_case(cand, word))
                break


# --------------------------------------------------------------------------------------------
# O103: the European progressive in a Brazilian text


@check(
    "O103", "european-progressive-in-brazilian", Severity.WARNING,
    category="orthography",
    message="'{text}': 'estar a' + infinitive is the European progressive; a Brazilian text "
    "writes the gerund ('{suggestion}')",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("A inflação parece [[estar a ceder]] aos poucos.", suggest="estar cedendo"),
        bad("O governo [[está a preparar]] um pacote de medidas.", suggest="está preparando"),
        bad("Os preços [[estavam a subir]] desde março.", suggest="estavam subindo"),
        bad("A situação [[está a agravar-se]].", suggest="está se agravando"),
        good("O governo está preparando um pacote; os preços estavam subindo desde março."),
        good("O ministro está a par do caso e está a favor da proposta; estava a caminho de casa."),
        good("A equipe está a dois pontos do líder e a um passo do título."),
        good("O governo está a preparar um pacote de medidas.", variant="PT"),
        good("Ela está a cargo do projeto e esteve a ponto de desistir."),
    ],
)
def european_progressive_in_brazilian(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """The European progressive `estar a` + infinitive in a Brazilian text (`está a preparar`).

    ## Why it matters
    Brazil says `está preparando`, Portugal `está a preparar`. An engine trained on both mixes
    them, and one European progressive in a Brazilian article marks it as machine output.

    ## What fires
    In a document whose variant is pt-BR (configured or detected), a form of `estar`, then `a`,
    then a word that the lexicon knows as a verb infinitive (with an optional enclitic pronoun).
    The suggestion is the gerund.

    ## What stays silent
    European documents and documents of unknown variant, and `estar a` before anything that is
    not an infinitive: `está a par`, `está a favor`, `a caminho`, `a cargo`, `a ponto de`, `a
    dois pontos`.
    """
    if (doc.variant or "").upper() != "BR":
        return
    lexicon = ctx.providers.get("lexicon")
    skip = not_progressive()
    for m in scan(european_progressive(), doc.text):
        verb = m.group("verb")
        if verb in skip or not lexicon.is_verb(verb):
            continue
        head = doc.text[m.start():m.start("verb") - 1].rstrip(" \t\u00a0")
        head = head[:-1].rstrip(" \t\u00a0")  # drop the "a"
        gerund = verb[:-2] + "ondo" if verb.endswith("ôr") else verb[:-1] + "ndo"
        clitic = m.group("clitic")
        fix = f"{head} {clitic[1:]} {gerund}" if clitic else f"{head} {gerund}"
        yield Hit(m.start(), m.end(), suggestion=fix)


# --------------------------------------------------------------------------------------------
# O104: a missing crase after "devido a", "graças a", "em relação a"...


@cache
def _crase_rx() -> re.Pattern:
    triggers = [t[:-2] for t in _list("crase_triggers") if t.endswith(" a")]
    alts = trie_pattern(sorted({f for w in triggers for f in (w, w[:1].upper() + w[1:])}))
    return re.compile(rf"(?<![\w-])(?:{alts})[ \t\u00a0]+(?P<a>a)[ \t\u00a0]+"
                      rf"(?P<noun>[{_L}]{{3,}})(?![\w-])")


@check(
    "O104", "missing-crase-before-feminine-noun", Severity.WARNING,
    category="orthography",
    message="'{text}': before the feminine noun '{noun}' the preposition and article fuse; "
    "write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("Os ônibus pararam devido [[a greve]] dos motoristas.", suggest="à greve"),
        bad("O parque fechou devido [[a reformulação]] dos jardins.", suggest="à reformulação"),
        bad("A equipe venceu graças [[a defesa]] sólida.", suggest="à defesa"),
        bad("Em relação [[a proposta]] do governo, o Senado hesita.", suggest="à proposta"),
        good("O jogo foi adiado devido à chuva, graças à defesa e em relação à proposta."),
        good("O jogo foi adiado devido a problemas técnicos e graças a uma falha do sistema."),
        good("Em relação a isso, devido a atrasos, quanto a mim, graças a Deus."),
        good("O voo foi cancelado devido a chover muito; voltou a casa, frente a frente."),
        good("Graças a apoio externo e devido a fenómeno raro, ficou junto a sistema antigo."),
        good("Devido a sua saúde frágil e graças a esta decisão, ficou em relação a ela."),
    ],
)
def missing_crase_before_feminine_noun(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A plain `a` where a feminine noun asks for the crase: `devido a greve`.

    ## Why it matters
    `devido a`, `graças a`, `em relação a`, `junto a`, `frente a` govern the preposition `a`; before a
    feminine noun with its article it fuses into `à` (`devido à chuva`). A translation that
    writes `devido a chuva` drops the article, which a reader sees as a spelling error.

    ## What fires
    One of these phrases, then `a`, then a word that the lexicon knows only as a feminine noun.
    The suggestion is `à` before the noun.

    ## What stays silent
    Masculine and plural nouns (`devido a problemas`), verbs (`devido a chover`), pronouns and
    determiners (`a isso`, `a uma`, `a sua`, `a esta`), names (`graças a Deus`), and nouns of set
    phrases without an article (`a casa`, `frente a frente`).
    """
    lexicon = ctx.providers.get("lexicon")
    skip = frozenset(_list("crase_not_before"))
    for m in scan(_crase_rx(), doc.text):
        noun = m.group("noun")
        if noun in skip or lexicon.likely_gender(noun) != "f":
            continue
        yield Hit(m.start("a"), m.end(), suggestion=f"à {noun}", args={"noun": noun})


# --------------------------------------------------------------------------------------------
# O105: accents the dictionary can restore

_ACCENTS = {"a": "áàâã", "e": "éê", "i": "í", "o": "óôõ", "u": "ú", "c": "ç"}
#: Words of three or more plain lower-case letters; what touches them is tested on the few that
#: fail the dictionaries (`_bare`), not on every word.
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]{3,}(?![^\W\d_])")


def _bare(text: str, start: int, end: int) -> bool:
    """True for a word that is not part of an address, a handle, a file name or a compound:
    nothing of ``'’@#/.-`` or a digit right before, nor of ``'’@/-`` or a digit right after."""
    if start and (text[start - 1] in "'’@#/.-_" or text[start - 1].isdigit()):
        return False
    return not (end < len(text) and (text[end] in "'’@/-_" or text[end].isdigit()))


def _accented(word: str) -> list[str]:
    """Spellings of ``word`` with one or two letters accented (`informacao` → `informação`)."""
    one = []
    for i, c in enumerate(word):
        for a in _ACCENTS.get(c, ""):
            one.append((i, word[:i] + a + word[i + 1:]))
    out = [w for _, w in one]
    # Two changes: a ç with a nasal or acute vowel (informacao, acoes, decisao is one change).
    for i, w in one:
        for j, c in enumerate(w):
            if j <= i:
                continue
            for a in _ACCENTS.get(c, ""):
                out.append(w[:j] + a + w[j + 1:])
    return out


@check(
    "O105", "missing-accent", Severity.WARNING,
    category="orthography",
    message="'{text}' is not a word; with its accent it is '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("A [[informacao]] foi publicada pela agência.", suggest="informação"),
        bad("O jogador fez uma [[exibicao]] notável e a equipe [[tambem]] venceu."),
        bad("O ministro [[nao]] respondeu.", suggest="não"),
        good("A informação foi publicada; o jogador fez uma exibição notável e a equipe também venceu."),
        good("O álbum Greatest Hits saiu no streaming; a pole position ficou com o smartphone."),
        good("A stand-up comedy e o hip hop: o fan site do festival, em media res."),
    ],
)
def missing_accent(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A word written without its accent or cedilla (`informacao`, `tambem`).

    ## Why it matters
    Text that went through a tool that strips accents, or an engine that lost them, is full of
    non-words a reader has to repair: `informacao`, `tambem`, `decisao`.

    ## What fires
    A lower-case word of unaccented letters that the dictionaries of both variants reject, that
    is not an English, Italian or Spanish word, and of whose spellings with one or two letters accented (or a `c`
    made `ç`) the document's dictionary accepts exactly one.

    ## What stays silent
    Words either list knows, English words and common loanwords (`media`, `fan`, `streaming`),
    names (capitalised), and words with no or several accented readings.
    """
    look = _lookups(ctx, doc)
    if look is None:
        return
    in_variant, in_any = look
    skip = frozenset(_list("no_accent_restore"))
    verdict = _verdicts(ctx.providers.get("dictionary"), ("O105", doc.variant or ""))
    for m in scan(_LOWER_WORD, doc.text):
        word = m.group()
        if word in verdict:
            fix = verdict[word]
        else:
            fix = None
            # Accented readings grow with the square of a word's length: no real word is longer.
            if len(word) <= 30 and word not in skip and not in_any(word):
                found = {c for c in _accented(word) if in_variant(c)}
                if len(found) == 1:
                    fix = found.pop()
            verdict[word] = fix
        if fix is not None and _bare(doc.text, m.start(), m.end()):
            yield Hit(m.start(), m.end(), suggestion=fix)


# --------------------------------------------------------------------------------------------
# O106: a spelling of the other variant

_WORD = re.compile(rf"(?<![^\W\d_])[{_L}{_U}][{_L}]{{3,}}(?![^\W\d_])")
_OTHER = {"BR": "PT", "PT": "BR"}
_VARIANT_NAME = {"BR": "pt-BR", "PT": "pt-PT"}
#: The accents that tell the variants apart before m/n: Brazil closes them (`econômico`,
#: `gênero`), Portugal opens them (`económico`, `género`).
_TO_VARIANT_ACCENT = {"BR": {"é": "ê", "ó": "ô"}, "PT": {"ê": "é", "ô": "ó"}}
_CONSONANT_SLOT = re.compile(r"(?<=[aeiou])(?=[çt])")
#: What a word of the other variant must contain to have a counterpart (see
#: :func:`_variant_counterparts`): in a pt-BR text é/ó before m/n or a vowel before ç/t; in a
#: pt-PT text ê/ô before m/n or c/p before c/ç/t.
_VARIANT_HINT = {"BR": re.compile(r"[éó][mn]|[aeiou][çt]"), "PT": re.compile(r"[êô][mn]|[cp][cçt]")}


def _variant_counterparts(word: str, variant: str) -> list[str]:
    """Spellings of ``word`` in ``variant``: the other accent before m/n (`económica` →
    `econômica`), a c or p said in Brazil and silent in Portugal (`receção` → `recepção`,
    `recepção` → `receção`)."""
    out = []
    swap = _TO_VARIANT_ACCENT[variant]
    for i, c in enumerate(word):
        if c in swap and i + 1 < len(word) and word[i + 1] in "mn":
            out.append(word[:i] + swap[c] + word[i + 1:])
    if variant == "BR":
        for m in _CONSONANT_SLOT.finditer(word):
            i = m.start()
            out += [word[:i] + "c" + word[i:], word[:i] + "p" + word[i:]]
    else:
        out += _drop_silent(word)
    return out


def variant_counterpart(d, word: str, variant: str) -> str | None:
    """For a lower-case ``word`` that the ``variant`` list rejects and the other list accepts,
    its spelling in ``variant`` when that list accepts it (`económica` → `econômica` for BR);
    None otherwise. ``d`` is the dictionary provider."""
    other = _OTHER[variant]
    if not _VARIANT_HINT[variant].search(word):
        return None
    if d.known(word, "pt", variant) or not d.known(word, "pt", other):
        return None
    if any(d.known(word, lang, var) for lang, var in (("en", "US"), ("it", "IT"), ("es", "ES"))
           if d.has(lang, var)):
        return None
    return next((c for c in _variant_counterparts(word, variant) if d.known(c, "pt", variant)), None)


@check(
    "O106", "other-variant-spelling", Severity.WARNING,
    category="orthography",
    message="'{text}' is spelled the {other} way; this document is {variant}: write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("A ajuda [[económica]] chegou à região.", suggest="econômica"),
        bad("A [[receção]] do hotel fica no térreo.", suggest="recepção"),
        bad("O [[fenômeno]] atrasou a [[recepção]] do hotel.", variant="PT"),
        good("A ajuda econômica chegou; a recepção do hotel e o fenômeno raro."),
        good("A ajuda económica chegou; a receção do hotel e o fenómeno raro.", variant="PT"),
        good("A ajuda económica chegou à região.", variant=""),
        good("O piloto Antônio e o cantor Caetano; a banda Génesis tocou no festival."),
        good("Lisboa e Pequim; o futsal e a videochamada do Benfica durante o apagão.", variant="PT"),
    ],
)
def other_variant_spelling(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A word spelled as the other variant spells it (`económica` in a Brazilian text).

    ## Why it matters
    Brazil and Portugal write many words differently: `econômico`/`económico`,
    `gênero`/`género`, `recepção`/`receção`. An engine trained on both mixes them inside one
    article, which a reader of either variant notices at once.

    ## What fires
    In a document whose variant is known (configured or detected), a word that the document's
    hunspell list rejects and the other variant's list accepts, when its counterpart in the
    document's variant is a word of the document's list: the other accent before `m`/`n`
    (`económica` → `econômica`), a `c` or `p` added or dropped before `ç`/`t` (`receção` →
    `recepção`). The glossary's G104 lists vocabulary (`equipa`, `telemóvel`); this check needs
    no list and catches spellings.

    ## What stays silent
    Documents of unknown variant (C102 compares the two variants there), words both lists
    accept (`facção` and `detecção` in Brazil, `facto` in both), names and titles (capitalised
    inside a sentence), words one list simply lacks (`futsal`), and words of English, Italian or
    Spanish.
    """
    variant = (doc.variant or "").upper()
    other = _OTHER.get(variant)
    if other is None:
        return
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return
    if not (d.has("pt", variant) and d.has("pt", other)):
        return
    text = doc.text
    verdict = _verdicts(d, ("O106", variant))
    for m in scan(_WORD, text):
        word = m.group()
        low = word.lower()
        if low not in verdict:
            verdict[low] = variant_counterpart(d, low, variant)
        fix = verdict[low]
        if fix is None or not _bare(text, m.start(), m.end()) or (
                word[0].isupper() and _name_like(text, m.start(), word)):
            continue
        yield Hit(m.start(), m.end(), suggestion=_match_case(fix, word),
                  args={"other": _VARIANT_NAME[other], "variant": _VARIANT_NAME[variant]})


# --------------------------------------------------------------------------------------------
# O107: a crase where no article can be

_CRASE_WORD = re.compile(rf"(?<![\w-])(?P<a>[àÀ])[ \t\u00a0]+(?P<word>[{_L}]{{2,}})(?![\w-])")


@check(
    "O107", "crase-before-verb-or-pronoun", Severity.WARNING,
    category="orthography",
    message="'{text}': '{word}' takes no article, so 'à' (a + a) cannot be; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O novo horário vale [[à partir]] de segunda-feira.", suggest="a partir"),
        bad("A equipe voltou [[à treinar]] no estádio.", suggest="a treinar"),
        bad("O ministro pediu desculpas [[à todos]] e entregou o prêmio [[à ela]]."),
        good("O novo horário vale a partir de segunda-feira; a equipe voltou a treinar."),
        good("A reunião começa à uma hora, à espera do ministro, à luz do dia, à mercê do vento."),
        good("Ela chegou à sua casa, à colher de pau pendurada, e foi à praia à tarde."),
    ],
)
def crase_before_verb_or_pronoun(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """`à` before a verb or a pronoun, where no article can stand (`à partir de`, `à ela`).

    ## Why it matters
    `à` is the preposition `a` fused with the article `a`; it stands only before a feminine
    noun (or its adjective). Before an infinitive (`à partir`, `voltou à treinar`) or a pronoun
    that takes no article (`à ela`, `à todos`, `à cada`), the grave accent is a spelling error
    that careful readers notice at once.

    ## What fires
    `à` followed by a word that the lexicon knows only as a verb infinitive, or by
    a pronoun or determiner that takes no article. The suggestion drops the accent.

    ## What stays silent
    Feminine nouns and what goes with them (`à espera`, `à sua casa`, `à colher`, a noun too),
    and `à uma` (the hour).
    """
    lexicon = ctx.providers.get("lexicon")
    words = frozenset(_list("no_article_after_a"))
    for m in scan(_CRASE_WORD, doc.text):
        word = m.group("word")
        if word not in words:
            if not word.endswith("r") or not lexicon.is_only_verb(word):
                continue
        a = "A" if m.group("a") == "À" else "a"
        yield Hit(m.start(), m.end(), suggestion=f"{a} {word}", args={"word": word})


# --------------------------------------------------------------------------------------------
# O108: the hyphen of a prefix the 1990 agreement joined


@cache
def _prefixed() -> re.Pattern:
    alts = trie_pattern(sorted({f for w in _list("joined_prefixes") for f in (w, w[:1].upper() + w[1:])}))
    return re.compile(rf"(?<![\w-])(?P<prefix>{alts})-(?P<rest>[{_L}]{{3,}})(?![\w-])")


def _joined(prefix: str, rest: str) -> str | None:
    """The prefixed word as the agreement writes it, or None where the hyphen stays (the next
    word starts with h or with the prefix's own last vowel: `anti-inflamatório`, `micro-ondas`)."""
    p = prefix.lower()
    if rest[0] == "h" or rest[0] == p[-1]:
        return None
    if p[-1] in "aeiou" and rest[0] in "rs":
        return p + rest[0] + rest
    return p + rest


@check(
    "O108", "pre-reform-hyphen", Severity.WARNING,
    category="orthography",
    message="'{text}': since the 1990 agreement this prefix is joined to the word: '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("A [[semi-final]] será disputada no domingo.", suggest="semifinal"),
        bad("O programa melhora a [[auto-estima]] e a [[infra-estrutura]].", variant="BR"),
        bad("O [[co-autor]] da [[mini-série]] falou à imprensa.", variant=""),
        good("A semifinal, a autoestima, a infraestrutura, o coautor e a minissérie."),
        good("O anti-inflamatório, o micro-ondas, o super-homem e o anti-herói; o ex-presidente."),
        good("O vice-presidente, o pré-escolar e o recém-nascido; a contra-ataque e o bem-estar."),
    ],
)
def pre_reform_hyphen(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A prefix still joined by a hyphen that the 1990 agreement dropped (`semi-final`).

    ## Why it matters
    Since the agreement, `auto`, `semi`, `mini`, `infra`, `co` and the like are written
    together with the next word unless it begins with `h` or with the prefix's last vowel:
    `autoestima`, `semifinal`, `minissérie` (with `s` and `r` doubled). The hyphenated form
    reads as dated in both variants.

    ## What fires
    One of those prefixes, a hyphen and a word, when the pt-BR hunspell list (which follows the
    agreement) rejects the hyphenated form and one of the two lists accepts the joined one.

    ## What stays silent
    Hyphens the agreement keeps (`anti-inflamatório`, `micro-ondas`, `super-homem`, `anti-herói`),
    prefixes that always keep it (`ex-`, `vice-`, `pré-`, `recém-`), and joined forms no list
    knows.
    """
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return
    if not (d.has("pt", "BR") and d.has("pt", "PT")):
        return
    for m in scan(_prefixed(), doc.text):
        word = m.group().lower()
        if d.known(word, "pt", "BR"):
            continue
        joined = _joined(m.group("prefix"), m.group("rest"))
        if joined and (d.known(joined, "pt", "BR") or d.known(joined, "pt", "PT")):
            yield Hit(m.start(), m.end(), suggestion=_match_case(joined, m.group()))


# --------------------------------------------------------------------------------------------
# O109: "a"/"à" for "há" in a time ago

_NUMBER_WORDS = ("um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|quinze|"
                 "vinte|trinta|quarenta|cinquenta|cem|muito|muitos|muitas|pouco|poucos|poucas|"
                 "algum|alguns|algumas|vários|várias|mais de|cerca de|quase")
_TIME_UNITS = "tempo|anos?|mes(?:es)?|mês|dias?|semanas?|horas?|décadas?|séculos?|minutos?|instantes"
_AGO = re.compile(
    rf"(?<![\w-])(?P<a>[aàAÀ])[ \t\u00a0]+(?P<qty>(?:{_NUMBER_WORDS}|\d+)[ \t\u00a0]+)?(?:{_TIME_UNITS})"
    rf"(?P<ago>[ \t\u00a0]+atrás)?(?![\w-])"
)
_RANGE_BEFORE = re.compile(rf"(?:daqui|dali|de|até|desde|para|{_NUMBER_WORDS}|\d+)[ \t\u00a0]+$", re.I)


@check(
    "O109", "a-for-ha-in-time-ago", Severity.WARNING,
    category="orthography",
    message="'{text}': elapsed time is said with the verb 'haver' ('há'), not the preposition",
    languages=("pt",),
    examples=[
        bad("O prédio foi construído [[a dois anos atrás]].", suggest="há dois anos"),
        bad("A loja fechou [[à muito tempo]].", suggest="há muito tempo"),
        bad("A crise começou [[à três semanas]], quando os preços subiram.", suggest="há três semanas"),
        good("O prédio foi construído há dois anos; a loja fechou há muito tempo."),
        good("Daqui a dois anos, a ponte fica pronta; de dois a três dias; o prazo vai de 2020 a 2024."),
        good("O contrato vale a partir de três anos, e a semana que vem será cheia; a um mês da eleição."),
    ],
)
def a_for_ha_in_time_ago(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """`a`/`à` where elapsed time needs `há` (`a dois anos atrás`, `à muito tempo`).

    ## Why it matters
    Time that has passed is said with the verb `haver`: `há dois anos`, `há muito tempo`. The
    preposition `a` (or a crase) in its place is a spelling error of sound-alike words.

    ## What fires
    `a` or `à`, an optional quantity (a number, `muito`, `alguns`...) and a unit of time, then
    `atrás`; or `à` with a quantity and a unit (`à três semanas`). The suggestion is `há` with
    the quantity and unit (without the redundant `atrás`).

    ## What stays silent
    The future and ranges (`daqui a dois anos`, `de dois a três dias`, `a um mês da eleição`),
    `a` with a quantity but no `atrás` (`reduziu a jornada a seis horas`), and the hour (`à uma
    hora`).
    """
    text = doc.text
    for m in scan(_AGO, text):
        qty = (m.group("qty") or "").strip().lower()
        if m.group("ago") is None and (m.group("a") in "aA" or not qty or qty in ("um", "uma")):
            continue  # "a três dias" may be a distance or a limit; "à uma hora" is the hour
        if _RANGE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        body = text[m.end("a"):m.start("ago") if m.group("ago") else m.end()].strip()
        ha = "Há" if m.group("a").isupper() else "há"
        yield Hit(m.start(), m.end(), suggestion=f"{ha} {body}")


# --------------------------------------------------------------------------------------------
# O110: the hyphens of a locution the 1990 agreement dropped

_LOCUTION = re.compile(
    rf"(?<![\w-])(?P<first>[{_L}]{{2,}})-(?P<link>de|do|da|dos|das|a|sem|em|com|e|que)-"
    rf"(?P<last>[{_L}]{{2,}})(?P<more>-[{_L}]{{2,}})?(?![\w-])"
)


@check(
    "O110", "pre-reform-locution-hyphens", Severity.WARNING,
    category="orthography",
    message="'{text}': since the 1990 agreement this locution is written without hyphens: "
    "'{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("No [[fim-de-semana]], o [[café-da-manhã]] foi servido cedo.", suggest=None),
        bad("A [[mão-de-obra]] ficou mais cara.", suggest="mão de obra"),
        good("No fim de semana, o café da manhã foi servido; a mão de obra ficou cara."),
        good("A cana-de-açúcar, o pé-de-meia e a blusa cor-de-rosa; o bem-te-vi e o joão-de-barro."),
        good("No fim-de-semana, a mão-de-obra ficou cara.", variant="PT"),
    ],
)
def pre_reform_locution_hyphens(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    """A locution still joined by hyphens (`fim-de-semana`, `café-da-manhã`, `mão-de-obra`).

    ## Why it matters
    The 1990 agreement dropped the hyphens of locutions linked by a preposition or conjunction
    (`fim de semana`, `café da manhã`, `mão de obra`, `dia a dia`), keeping them only in names
    of species and a few consecrated forms (`cor-de-rosa`, `pé-de-meia`, `cana-de-açúcar`).
    Brazilian text has followed it since 2009; the hyphens read as dated.

    ## What fires
    In a pt-BR document, two or three words linked by hyphens around `de/do/da`, `a`, `e`,
    `sem`, `em`, `com` or `que`, which the pt-BR hunspell list (which follows the agreement)
    rejects while it knows each word.

    ## What stays silent
    The forms the list keeps (species, `cor-de-rosa`), pt-PT documents and documents of
    unknown variant (European publishers that do not apply the agreement keep the hyphens).
    """
    if (doc.variant or "").upper() != "BR":
        return
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return
    if not d.has("pt", "BR"):
        return
    for m in scan(_LOCUTION, doc.text):
        word = m.group()
        if d.known(word, "pt", "BR"):
            continue
        parts = word.split("-")
        if not all(d.known(p, "pt", "BR") for p in parts):
            continue
        yield Hit(m.start(), m.end(), suggestion=" ".join(parts))


# --- O111 vocabulary of the other variant ----------------------------------------------------


@check(
    "O111", "other-variant-vocabulary", Severity.WARNING,
    category="orthography",
    message="'{text}' is {other} usage in a {own} text; use the {own} word",
    languages=("pt",),
    examples=[
        bad("A escola proibiu os [[celulares]] nas salas, e os alunos protestaram.", variant="PT"),
        bad("O [[guarda-redes]] defendeu o pênalti, e a torcida comemorou.", variant="BR"),
        good("Os torcedores encheram o estádio, e os celulares filmaram tudo.", variant="BR"),
        good("O guarda-redes defendeu, e os telemóveis filmaram tudo.", variant="PT"),
        good("O «ônibus» que o autor cita é o de São Paulo; a Prefeitura de Lisboa respondeu.", variant="PT"),
    ],
)
def other_variant_vocabulary(doc: Document, ctx) -> Iterator[Hit]:
    """A word that only the other variant's news uses (`celulares` in pt-PT, `adeptos` in pt-BR).

    ## Why it matters
    An engine asked for one variant often mixes in the other's vocabulary (`ecrã` and `tela`,
    `autocarro` and `ônibus`, `telemóvel` and `celular`): words the reader knows but that
    announce a text not written for them.

    ## What fires
    In a text of one variant (configured or detected), a word or phrase of the other variant's
    marker list (the list the variant detector reads, `variant_markers.pt_BR.txt` and
    `variant_markers.pt_PT.txt`), in lower case.

    ## What stays silent
    Capitalised words (institutions such as `Prefeitura`), words inside quotation marks, and
    texts with no variant.
    """
    own = (doc.variant or "").upper()
    if own not in ("BR", "PT"):
        return
    from mtqa.providers.langid import variant_markers

    other = "PT" if own == "BR" else "BR"
    names = {"BR": "Brazilian", "PT": "European Portuguese"}
    text = doc.text
    low = doc.lowered
    quoted = [(m.start(), m.end()) for m in _QUOTED_SPAN.finditer(text)] if any(q in text for q in "“«\"") else []
    for m in scan(variant_markers(other), low):
        a, b = m.start(), m.end()
        if not text[a:b].islower() and not text[a:b].replace(" ", "").islower():
            continue
        if text[a].isupper() or any(x <= a < y for x, y in quoted):
            continue
        yield Hit(a, b, args={"other": names[other], "own": names[own]})


_QUOTED_SPAN = re.compile(r"“[^”\n]*”|«[^»\n]*»|\"[^\"\n]*\"")


CHECKS = (
    pre_reform_silent_consonant,
    pre_reform_accent,
    european_progressive_in_brazilian,
    missing_crase_before_feminine_noun,
    missing_accent,
    other_variant_spelling,
    crase_before_verb_or_pronoun,
    pre_reform_hyphen,
    a_for_ha_in_time_ago,
    pre_reform_locution_hyphens,
    other_variant_vocabulary,
)
