"""Agreement (V1xx): verb person that does not fit the text.

News prose is written in the third person; the first person belongs inside quotations. Machine
translation that loses track of a subject writes a first-person verb in reported speech
(`A mídia estatal disse Senhor Putin falei com Senhor Kim`, for *Mr Putin spoke with Mr Kim*).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.model import Document, Severity

# Quotation spans (curly, straight and guillemets) inside a paragraph; an unclosed quote runs to
# the end of the paragraph, which is what a quotation continued in the next paragraph does.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]*(?:\"|$)|«[^»]*(?:»|$)", re.S)
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
    including one continued from paragraph to paragraph, stay silent.
    """
    known_fn = ctx.providers.get("dictionary").known
    variant = doc.variant or "BR"

    def known(w: str) -> bool:
        return known_fn(w, "pt", variant)

    quoted: list[tuple[int, int]] = []
    for para in doc.paragraphs:
        if _ENDS_IN_I.search(para.text) and _CANDIDATE.search(para.text):
            quoted += [(para.start + m.start(), para.start + m.end()) for m in _QUOTED.finditer(para.text)]
    for sent in doc.sentences:
        if (not _ENDS_IN_I.search(sent.text) or not _CANDIDATE.search(sent.text)
                or _FIRST_PERSON.search(sent.text)):
            continue
        for m in _CANDIDATE.finditer(sent.text):
            start = sent.start + m.start(1)
            if any(a <= start < b for a, b in quoted):
                continue
            third = _third_person(m.group(1), known)
            if third:
                yield Hit(start, start + len(m.group(1)), suggestion=third)


CHECKS = (first_person_in_reported_speech,)
