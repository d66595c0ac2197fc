"""Source-aware checks (A1xx): compare a translation with its original, sentence by sentence.

The engine provides an ``aligner`` whose alignment pairs source and target sentences
(mtqa.engine.align): with a source file given (``mtqa lint --source PATH`` or ``--pairs FILE``)
it aligns each text with its source; a PO or XLIFF file needs none, its units are aligned with
their own sources (``msgid``, ``<source>``), unit by unit. The checks are off by default
(``--select A``, or ``select``/``extend_select`` in the configuration, turns them on); on a
monolingual file with no source they do not run, and a note says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.model import Document, Severity

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\u00a0 ]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?!\d)")
_NAME = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z](?:\s+[A-Z][\w'’-]*[A-Za-z])*")


def _src(text: str) -> dict[str, str]:
    """Examples carry their English source here; tests/engine/test_align.py runs them."""
    return {"source_text": text}


_S1 = _src("Putin arrived in Pyongyang on Wednesday. He thanked Kim for his support. "
           "Huge crowds lined the streets.")


def _alignment(doc: Document, ctx: CheckContext):
    return ctx.providers.get("aligner").alignment(doc)


def _unit(bead, evidence: dict | None = None) -> dict | None:
    """``evidence`` with the id of the unit the bead lies in (a PO or XLIFF file aligned with
    its own units); unchanged for a file aligned with a separate source."""
    if bead.unit is None:
        return evidence
    return {**(evidence or {}), "unit": bead.unit.id}


def number_value(token: str) -> str:
    """A number with thousands separators removed and the decimal mark as '.': 10,000 -> 10000."""
    t = token.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):
        return t.replace(".", "").replace(",", "")
    return t.replace(",", ".")


def numbers(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, number_value(m.group()))
            for m in _NUMBER.finditer(text)]


@check(
    "A101", "source-sentence-omitted", Severity.WARNING,
    category="omission",
    message="A source sentence has no translation here: “{source}”",
    examples=[
        bad("Putin chegou a Pyongyang na quarta-feira. [[Enormes multidões lotaram as ruas.]]",
            config=_S1),
        good("Putin chegou a Pyongyang na quarta-feira. Ele agradeceu a Kim pelo apoio. "
             "Enormes multidões lotaram as ruas.", config=_S1),
    ],
    default=False, needs=("aligner", "translator"),
)
def omitted(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A sentence of the source that the translation leaves out.

    ## Why it matters
    Machine translation and the scraping around it drop sentences silently; only a comparison
    with the source shows it.

    ## What fires
    A source sentence the monotone alignment leaves unpaired. The finding sits on the target
    sentence after the gap (or before it, at the end of the text). In a PO or XLIFF file the
    gap is inside one unit (a unit's sentences are aligned with its source's only), and the
    finding sits on a sentence of that unit, or on the whole unit when its translation has no
    sentence with a letter or digit.
    """
    al = _alignment(doc, ctx)
    if al is None:
        return
    beads = al.beads
    for k, b in enumerate(beads):
        if b.source and not b.target:
            after = next((x.target[0] for x in beads[k + 1 :] if x.target and x.unit is b.unit), None)
            before = next((x.target[-1] for x in reversed(beads[:k]) if x.target and x.unit is b.unit),
                          None)
            seg = after or before
            if seg is not None:
                start, end = seg.start, seg.end
            elif b.unit is not None:
                start, end = b.unit.start, b.unit.end
            else:
                continue
            src = " ".join(s.text for s in b.source)
            yield Hit(start, end, args={"source": src},
                      evidence=_unit(b, {"source": src, "machine_translation": b.mt,
                                         "source_path": al.source_path}))


@check(
    "A102", "target-sentence-added", Severity.WARNING,
    category="addition",
    message="This sentence has no counterpart in the source",
    examples=[
        bad("Putin chegou a Pyongyang na quarta-feira. Ele agradeceu a Kim pelo apoio. "
            "[[Leia mais: o que se sabe sobre o acordo entre os dois países.]] "
            "Enormes multidões lotaram as ruas.", config=_S1),
        good("Putin chegou a Pyongyang na quarta-feira. Ele agradeceu a Kim pelo apoio. "
             "Enormes multidões lotaram as ruas.", config=_S1),
    ],
    default=False, needs=("aligner", "translator"),
)
def added(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A sentence of the translation with no counterpart in the source.

    ## Why it matters
    Related-article headlines, widgets and text from another page end up inside scraped
    translations; a sentence with no source is either such furniture or an addition.
    """
    al = _alignment(doc, ctx)
    if al is None:
        return
    for b in al.additions:
        for seg in b.target:
            yield Hit(seg.start, seg.end, evidence=_unit(b, {"source_path": al.source_path}))


@check(
    "A103", "number-mismatch", Severity.WARNING,
    category="mistranslation",
    message="Number {number} does not match the source sentence ({source_numbers})",
    examples=[
        bad("A Coreia do Norte enviou [[8.000]] engenheiros para a região de Kursk.",
            config=_src("North Korea sent 6,000 engineers to the Kursk region.")),
        good("A Coreia do Norte enviou 6.000 engenheiros para a região de Kursk.",
             config=_src("North Korea sent 6,000 engineers to the Kursk region.")),
    ],
    default=False, needs=("aligner", "translator"),
)
def number_mismatch(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A number in a translated sentence that its source sentence does not have.

    ## What fires
    In each aligned pair, a number of the target (thousands separators and decimal marks
    normalised: `10,000` = `10.000`) that the source does not contain, or, when the source has a
    number the target lacks, the whole target sentence.
    """
    al = _alignment(doc, ctx)
    if al is None:
        return
    for b in al.pairs:
        src_nums = [v for s in b.source for _, _, v in numbers(s.text)]
        tgt_nums = [x for t in b.target for x in numbers(t.text, t.start)]
        listed = ", ".join(src_nums) or "none"
        wrong = [(start, end, v) for start, end, v in tgt_nums if v not in src_nums]
        for start, end, v in wrong:
            yield Hit(start, end, args={"number": v, "source_numbers": listed}, evidence=_unit(b))
        missing = [v for v in src_nums if v not in {x[2] for x in tgt_nums}]
        if missing and not wrong:  # a changed number is reported once, on the target number
            seg = b.target[0]
            yield Hit(seg.start, b.target[-1].end,
                      message=f"The source sentence has {', '.join(missing)}, missing here",
                      evidence=_unit(b, {"source": " ".join(s.text for s in b.source)}))


@check(
    "A104", "name-mismatch", Severity.WARNING,
    category="mistranslation",
    message="The source names {name}, missing from this sentence",
    examples=[
        bad("[[O presidente russo agradeceu ao líder pelo apoio à guerra na Ucrânia.]]",
            config=_src("The Russian president thanked Kim Jong Un for his support of the war in Ukraine.")),
        good("O presidente russo agradeceu a Kim Jong Un pelo apoio à guerra na Ucrânia.",
             config=_src("The Russian president thanked Kim Jong Un for his support of the war in Ukraine.")),
    ],
    default=False, needs=("aligner", "translator"),
)
def name_mismatch(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A name of the source sentence that its translation lacks.

    ## What fires
    A capitalised name inside a source sentence (not its first word) that the machine
    translation of the source keeps as it is (so it is a name in both languages), but that the
    aligned target sentences do not contain.
    """
    al = _alignment(doc, ctx)
    if al is None:
        return
    for b in al.pairs:
        target = " ".join(t.text for t in b.target)
        for s in b.source:
            for m in _NAME.finditer(s.text):
                if m.start() == 0:
                    continue
                parts = [re.sub(r"['’]s$", "", w) for w in m.group().split()]
                lost = [w for w in parts if len(w) >= 3 and w in b.mt and w not in target]
                if lost:
                    name = " ".join(parts)
                    yield Hit(b.target[0].start, b.target[-1].end, args={"name": name},
                              evidence=_unit(b, {"source": s.text, "missing": lost}))


@check(
    "A105", "source-term-missing", Severity.WARNING,
    category="mistranslation",
    message="The source says “{source_term}”: write “{required}” (none of {allowed} is here)",
    examples=[
        bad("[[A Rússia vetou a resolução no Conselho de Seguridade da ONU.]]",
            suggest="Conselho de Segurança",
            config=_src("Russia vetoed the resolution at the UN Security Council.")),
        good("A Rússia vetou a resolução no Conselho de Segurança da ONU.",
             config=_src("Russia vetoed the resolution at the UN Security Council.")),
        bad("Putin chegou a Pyongyang na quarta-feira. "
            "[[A mídia do estado mostrou enormes multidões nas ruas.]]",
            suggest="mídia estatal",
            config=_src("Putin arrived in Pyongyang on Wednesday. "
                        "State media showed huge crowds in the streets.")),
        good("Putin chegou a Pyongyang na quarta-feira. "
             "A mídia estatal mostrou enormes multidões nas ruas.",
             config=_src("Putin arrived in Pyongyang on Wednesday. "
                         "State media showed huge crowds in the streets.")),
    ],
    default=False, needs=("aligner", "translator", "glossary"),
)
def term_missing(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A source term whose required translation (a glossary `term` entry) its target sentence lacks.

    ## Why it matters
    Fixed terms of news translation have one accepted rendering: `state media` is `mídia
    estatal`, `Security Council` is `Conselho de Segurança`. Machine translation renders them word
    by word (`mídia do estado`, `agência de notícias estadual`), and the wrong rendering is often a
    correct Portuguese phrase that no target-only check can flag. Only the source says which term
    was meant.

    ## What fires
    For each aligned pair of source and target sentences (so the span is the target sentence, or
    the two target sentences of a 1-2 pair), each `term` entry of the glossaries whose English
    source term occurs in the source sentence while none of its target terms occurs in the target
    text. The first target term is the suggestion. Sentences the alignment leaves unpaired are
    A101's and A102's business.

    ## Category
    Mistranslation: the aligned target sentence exists, so the source term was almost always
    translated, only not with the required term; a sentence left out entirely is A101's omission.
    """
    al = _alignment(doc, ctx)
    if al is None:
        return
    from mtqa.core.glossary import required_terms

    glossary = ctx.providers.get("glossary")
    variant = doc.variant or ctx.config.variant or None
    entries = [e for e in glossary.entries_for(doc.language or ctx.config.language or "pt")
               if e.kind == "term" and e.applies(variant)]
    if not entries:
        return
    for b in al.pairs:
        source = " ".join(s.text for s in b.source)
        target = " ".join(t.text for t in b.target)
        reported: set[str] = set()
        for r in required_terms(source, target, entries):
            if not r.missing or r.entry.id in reported:
                continue
            reported.add(r.entry.id)
            allowed = ", ".join(f"“{t}”" for t in r.required)
            yield Hit(b.target[0].start, b.target[-1].end, suggestion=r.required[0],
                      args={"source_term": r.source_term, "required": r.required[0], "allowed": allowed},
                      evidence=_unit(b, {"source": source, "source_term": r.source_term,
                                         "entry": r.entry.id, "required": list(r.required),
                                         "entry_file": r.entry.file, "machine_translation": b.mt}))


CHECKS = (omitted, added, number_mismatch, name_mismatch, term_missing)
