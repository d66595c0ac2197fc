"""Generate the glossary of pre-1990-agreement spellings and the pt-PT/pt-BR accent pairs.

Run ``python -m mtqa.tools.orthography`` (needs pyenchant and Debian's hunspell-pt-br and
hunspell-pt-pt). It writes ``glossaries/en-pt/orthography_reform.yaml`` and
``glossaries/en-pt/variants_accents.yaml``; ``--check`` only says whether they are up to date.

Candidates are derived from the current pt-BR word list by the rules the 1990 agreement changed,
and each pair is verified with the dictionaries, so the lists contain no guesses:

- an old form is kept only when hunspell pt_BR rejects it and accepts its new form;
- a pt-PT/pt-BR pair is kept only when pt_PT accepts the pt-PT form and rejects the pt-BR one,
  and pt_BR does the opposite.

Rules (the Formulário Ortográfico of 1943 as amended in 1971, against the 1990 agreement):

1. open diphthongs ``éi``/``ói`` in paroxytones lost the accent (idéia, jibóia, heróico). Which
   ``-eia`` words had the open diphthong cannot be read off the spelling (baleia never had it), so
   only feminines of ``-eu`` (européia, hebréia) and a listed set of stems are used;
2. ``ôo`` and ``êem`` lost the circumflex (vôo, enjôo, crêem, vêem);
3. the diaeresis was abolished (freqüente, lingüiça); words with a pronounced ``u`` come from a
   list of stems, since spelling alone cannot tell ``freqüente`` from ``quero``;
4. prefixes: ``anti``/``arqui``/``sobre`` were hyphenated before h, r, s, and ``auto``, ``contra``,
   ``extra``, ``infra``, ``intra``, ``neo``, ``proto``, ``pseudo``, ``semi``, ``supra``, ``ultra``
   before a vowel, h, r, s; now the consonant doubles (antissemita, autorretrato) or the words join
   (autoestima, infraestrutura). Prefixes that were joined before the same vowel now take a hyphen
   (microondas -> micro-ondas, antiinflamatório -> anti-inflamatório).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DIC = Path("/usr/share/hunspell")

OPEN_EIA_STEMS = """
ideia assembleia plateia estreia geleia epopeia odisseia panaceia colmeia boleia traqueia apneia
diarreia verborreia logorreia gonorreia seborreia centopeia onomatopeia alcateia melopeia
farmacopeia prosopopeia cefaleia dispneia Coreia Crimeia Galileia Pompeia Judeia Cesareia
Dulcineia Niceia Eritreia Medeia Idumeia Cananeia Doroteia Bereia Teodoreia Uruguaiana
""".split()

#: Regular expressions (on the lower-cased word, with ü where the old spelling had it) for the
#: families whose u is pronounced; anchored where a look-alike family has a silent u
#: (equinodermo, catequina).
DIAERESIS_STEMS = r"""
^freqüen ^freqüên ^infreqüen ^infreqüên ^conseqüên ^inconseqüên ^subseqüên ^eloqüên ^delinqüên
^qüinqüên ^tranqüil ^intranqüil lingüiç ^agüent ^conseqüen ^inconseqüen ^cinqüent
^delinqüen ^eloqüen ^seqüên ^seqüenc ^seqüel ^seqüestr ^subseqüen ^qüinqüen ^qüinquag ^ungüent
^pingüim bilíngüe trilíngüe multilíngüe monolíngüe plurilíngüe lingüíst ^lingüeta ^argüi ^argüí
^redargüi ^ambigüidade ^antigüidade ^contigüidade ^exigüidade ^sagüi ^eqüin[oa]s?$ ^eqüidistan
^eqüilát ^apazigüe ^ensangüent
""".split()

HYPHEN_BEFORE_HRS = ("anti", "arqui", "sobre")
HYPHEN_BEFORE_VOWEL_HRS = (
    "auto", "contra", "extra", "infra", "intra", "neo", "proto", "pseudo", "semi", "supra", "ultra",
)
JOINED_BEFORE_SAME_VOWEL = ("anti", "arqui", "micro", "macro", "mini", "multi", "maxi", "mega", "tele")
PARA_COMPOUNDS = {
    "pára-quedas": "paraquedas", "pára-quedista": "paraquedista", "pára-quedistas": "paraquedistas",
    "pára-choque": "para-choque", "pára-choques": "para-choques", "pára-brisa": "para-brisa",
    "pára-brisas": "para-brisas", "pára-raios": "para-raios", "pára-lama": "para-lama",
    "pára-lamas": "para-lamas",
}
VOWELS = "aeiouáéíóúâêôãõ"
OUTPUT_DIR = Path(__file__).resolve().parents[2] / "glossaries" / "en-pt"


def _parse_affixes(tag: str) -> dict[str, tuple[str, bool, list[tuple[str, str, str, re.Pattern]]]]:
    """Affix classes of a hunspell .aff file: flag -> (SFX|PFX, cross product, rules)."""
    classes: dict[str, tuple[str, bool, list]] = {}
    with open(DIC / f"{tag}.aff", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 4 or parts[0] not in ("SFX", "PFX"):
                continue
            kind, flag = parts[0], parts[1]
            if flag not in classes:
                classes[flag] = (kind, parts[2] == "Y", [])
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _, cont = parts[3].partition("/")
            add = "" if add == "0" else add
            cond = parts[4] if len(parts) > 4 else "."
            rx = re.compile((cond + "$") if kind == "SFX" else ("^" + cond))
            classes[flag][2].append((strip, add, cont, rx))
    return classes


def _apply(word: str, rules, kind: str) -> list[tuple[str, str]]:
    out = []
    for strip, add, cont, rx in rules:
        if not rx.search(word):
            continue
        if kind == "SFX":
            if strip and not word.endswith(strip):
                continue
            out.append((word[: len(word) - len(strip)] + add, cont))
        else:
            if strip and not word.startswith(strip):
                continue
            out.append((add + word[len(strip):], cont))
    return out


_CLITIC = re.compile(r"-(?:[lnv]?[oa]s?|me|te|se|nos|vos|lhes?|ia|iam|ias|á|ão|ás|ei|emos|íamos)$")


def read_words(tag: str, prefixes: bool = False) -> list[str]:
    """The word forms of a hunspell dictionary: its stems expanded with their suffixes (and one
    level of continuation suffixes). Forms with enclitic pronouns (``fazê-lo``) are left out, and
    so, unless ``prefixes``, are the forms hunspell derives productively with prefix flags
    (anti-, auto-, ultra- on any stem and all its inflections); with ``prefixes``, prefixes are
    applied to the stem and its plural only."""
    classes = _parse_affixes(tag)
    words: set[str] = set()
    with open(DIC / f"{tag}.dic", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            line = line.strip().lstrip("\ufeff")
            if (i == 0 and line.isdigit()) or not line:
                continue
            stem, _, flags = line.partition("/")
            if any(c.isdigit() for c in stem) or " " in stem:
                continue
            words.add(stem)
            suffixed: list[str] = []
            for f in flags:
                cls = classes.get(f)
                if cls is None or cls[0] != "SFX":
                    continue
                for form, cont in _apply(stem, cls[2], "SFX"):
                    words.add(form)
                    if cls[1]:
                        suffixed.append(form)
                    for cf in cont:
                        ccls = classes.get(cf)
                        if ccls is not None and ccls[0] == "SFX":
                            words.update(f2 for f2, _ in _apply(form, ccls[2], "SFX"))
            for f in flags if prefixes else ():
                cls = classes.get(f)
                if cls is None or cls[0] != "PFX":
                    continue
                bases = [stem, *(x for x in suffixed if x == stem + "s")] if cls[1] else [stem]
                for base in bases:
                    words.update(f2 for f2, _ in _apply(base, cls[2], "PFX"))
    return sorted(w for w in words if not _CLITIC.search(w))


def _plural_forms(w: str) -> list[str]:
    return [w, w + "s"]


def candidates(words: list[str], prefixed: list[str] = ()) -> dict[str, dict[str, str]]:
    """Rule name -> {old form: new form}, not yet verified. ``prefixed``: more words for the
    prefix rules (forms hunspell derives with prefix flags)."""
    # Proper nouns of the list are lower-case in the word list (coreia) but written capitalised.
    words = sorted({*words, *(s for s in OPEN_EIA_STEMS if s[0].isupper())})
    pref_re = re.compile("^(?:" + "|".join(HYPHEN_BEFORE_HRS + HYPHEN_BEFORE_VOWEL_HRS + JOINED_BEFORE_SAME_VOWEL) + ")")
    words = sorted({*words, *(w for w in prefixed if pref_re.match(w))})
    wordset = set(words)
    out: dict[str, dict[str, str]] = {k: {} for k in ("open-diphthong", "circumflex", "diaeresis", "hyphen")}
    open_stems = {s.lower() for s in OPEN_EIA_STEMS}
    prefixes = "|".join(HYPHEN_BEFORE_HRS + HYPHEN_BEFORE_VOWEL_HRS + JOINED_BEFORE_SAME_VOWEL)
    quick = re.compile(rf"(?:ei|oi)(?:as?|os?|am|cos?|cas?)$|oos?$|eem$|[gq]u[eiíéê]|^(?:{prefixes})", re.I)
    for w in words:
        if not quick.search(w):
            continue
        low = w.lower()
        # 1. éi / ói in paroxytones
        m = re.search(r"(ei|oi)(a|as|o|os|am|co|ca|cos|cas)$", w)
        if m:
            base = w[: m.start()]
            ending = m.group(2)
            accented = base + m.group(1).replace("e", "é").replace("o", "ó") + ending
            if m.group(1) == "ei" and ending in ("a", "as"):
                sing = low[:-1] if low.endswith("s") else low
                if sing in open_stems or (base + "eu") in wordset or (base + "eus") in wordset:
                    out["open-diphthong"][accented] = w
            elif m.group(1) == "oi" and ending in ("a", "as", "am") and "comboi" not in low and "goi" not in low:
                out["open-diphthong"][accented] = w
            elif ending in ("co", "ca", "cos", "cas"):
                out["open-diphthong"][accented] = w
        # 2. ôo, êem
        if (re.search(r"[^aeiou]oos?$", low) and "zoo" not in low and "shampoo" not in low
                and not re.search(r"[áéíóúâêô]", low)):
            out["circumflex"][re.sub(r"oo(s?)$", r"ôo\1", w)] = w
        if low.endswith("eem") and len(low) >= 4:
            out["circumflex"][w[:-3] + "êem"] = w
        # 3. diaeresis
        for old_rx in DIAERESIS_STEMS:
            if re.search(old_rx.replace("ü", "u"), low):
                old_lit = max(re.findall(r"\w*ü\w*", old_rx), key=len)
                i = low.find(old_lit.replace("ü", "u"))
                if i >= 0:
                    out["diaeresis"][w[:i] + old_lit + w[i + len(old_lit):]] = w
        # 4. prefixes
        for p in HYPHEN_BEFORE_HRS + HYPHEN_BEFORE_VOWEL_HRS:
            if low.startswith(p) and len(low) > len(p) + 3:
                rest = w[len(p):]
                # The part after the prefix must be a word itself (not semiólogo, ultraísta).
                if rest[:2] in ("rr", "ss") and rest[1:] in wordset:
                    out["hyphen"][w[: len(p)] + "-" + rest[1:]] = w
                elif (p in HYPHEN_BEFORE_VOWEL_HRS and rest[0] in VOWELS and rest[0] != p[-1]
                      and rest in wordset):
                    out["hyphen"][w[: len(p)] + "-" + rest] = w
        for p in JOINED_BEFORE_SAME_VOWEL:
            if (low.startswith(p + "-") and len(low) > len(p) + 3 and low[len(p) + 1] == p[-1]
                    and w[len(p) + 1:] in wordset):
                out["hyphen"][w[: len(p)] + w[len(p) + 1:]] = w
    out["hyphen"].update(PARA_COMPOUNDS)
    return out


def verify_reform(cands: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    import enchant

    br = enchant.Dict("pt_BR")
    kept: dict[str, dict[str, str]] = {}
    for rule, pairs in cands.items():
        kept[rule] = {old: new for old, new in sorted(pairs.items()) if not br.check(old) and br.check(new)}
    return kept


def accent_pairs() -> list[tuple[str, str]]:
    """(pt-PT form, pt-BR form) pairs that differ in é/ê or ó/ô before m or n (económico /
    econômico, género / gênero), verified with both dictionaries."""
    import enchant

    br, pt = enchant.Dict("pt_BR"), enchant.Dict("pt_PT")
    pairs = set()
    for w in read_words("pt_PT"):
        if not re.search(r"[éó][mn]", w):
            continue
        forms = [w]
        if w.endswith("o"):
            forms += [w[:-1] + "a", w + "s", w[:-1] + "as"]
        elif w.endswith(("a", "e")):
            forms += [w + "s"]
        for f in forms:
            b = re.sub(r"é(?=[mn])", "ê", f)
            b = re.sub(r"ó(?=[mn])", "ô", b)
            if b != f and pt.check(f) and not br.check(f) and br.check(b) and not pt.check(b):
                pairs.add((f, b))
    return sorted(pairs, key=lambda p: (p[0].lower(), p[0]))


RULE_INFO = {
    "open-diphthong": (
        "pre-reform spelling: the open diphthongs éi/ói of paroxytones lost their accent in the 1990 agreement",
        [{"bad": "A [[idéia]] foi apresentada na [[assembléia]].", "suggest": None},
         {"bad": "Putin visita a [[Coréia]] do Norte.", "suggest": "Coreia"},
         {"good": "A ideia foi apresentada na assembleia da Coreia do Norte."},
         {"good": "Uma baleia foi vista perto da aldeia."}],
    ),
    "circumflex": (
        "pre-reform spelling: the circumflex of ôo and êem was dropped in the 1990 agreement",
        [{"bad": "A Rússia anunciou [[vôos]] para Pyongyang.", "suggest": "voos"},
         {"bad": "Eles [[crêem]] que o acordo será cumprido.", "suggest": "creem"},
         {"good": "A Rússia anunciou voos; eles creem e veem que o acordo vale."}],
    ),
    "diaeresis": (
        "pre-reform spelling: the diaeresis (trema) was abolished in the 1990 agreement",
        [{"bad": "Os ataques são [[freqüentes]] e a região não está [[tranqüila]].", "suggest": None},
         {"bad": "Ele não [[agüentou]] a pressão.", "suggest": "aguentou"},
         {"good": "Os ataques são frequentes e a região não está tranquila; ele não aguentou."}],
    ),
    "hyphen": (
        "pre-reform spelling: prefix compounds were rewritten in the 1990 agreement (consonant doubled, words joined, or hyphen added between equal vowels)",
        [{"bad": "Ele foi acusado de discurso [[anti-semita]].", "suggest": "antissemita"},
         {"bad": "A [[auto-estima]] dos jogadores caiu.", "suggest": "autoestima"},
         {"bad": "Comprou um forno de [[microondas]].", "suggest": "micro-ondas"},
         {"good": "Discurso antissemita, autoestima, micro-ondas e infraestrutura."}],
    ),
}


def reform_glossary(kept: dict[str, dict[str, str]]):
    from mtqa.core.glossary import Entry, Glossary, GlossaryExample

    entries = []
    for rule, pairs in kept.items():
        message, examples = RULE_INFO[rule]
        exs = []
        for ex in examples:
            if "bad" in ex:
                exs.append(GlossaryExample(ex["bad"], True, ex.get("suggest")))
            else:
                exs.append(GlossaryExample(ex["good"], False))
        entries.append(Entry(
            id=f"reform-{rule}", kind="orthography", replace=pairs, message=message, examples=exs,
            note=f"Generated by mtqa/tools/orthography.py: {len(pairs)} pairs, each old form "
                 "rejected and each new form accepted by hunspell pt_BR.",
        ))
    return Glossary(
        pair="en-pt", entries=entries,
        description="Spellings abolished by the 1990 orthographic agreement (generated; do not edit by hand).",
    )


def accents_glossary(pairs: list[tuple[str, str]]):
    from mtqa.core.glossary import Entry, Glossary, GlossaryExample

    to_br = {p: b for p, b in pairs}
    to_pt = {b: p for p, b in pairs}
    return Glossary(
        pair="en-pt",
        description="pt-PT/pt-BR pairs differing in é/ê, ó/ô before m or n (generated; do not edit by hand).",
        entries=[
            Entry(
                id="variant-accent-pt-in-br", kind="variant", variants=["BR"], replace=to_br,
                message="pt-PT spelling in a pt-BR text (é/ó before m or n are written ê/ô in Brazil)",
                examples=[
                    GlossaryExample("em troca de ajuda [[económica]]", True, "econômica"),
                    GlossaryExample("O [[fenómeno]] e o [[género]] foram estudados.", True),
                    GlossaryExample("em troca de ajuda econômica; o fenômeno e o gênero", False),
                ],
                note=f"Generated by mtqa/tools/orthography.py: {len(to_br)} pairs verified with hunspell pt_PT and pt_BR.",
            ),
            Entry(
                id="variant-accent-br-in-pt", kind="variant", variants=["PT"], replace=to_pt,
                message="pt-BR spelling in a pt-PT text (ê/ô before m or n are written é/ó in Portugal)",
                examples=[
                    GlossaryExample("em troca de ajuda [[econômica]]", True, "económica", variant="PT"),
                    GlossaryExample("em troca de ajuda económica", False, variant="PT"),
                ],
                note=f"Generated by mtqa/tools/orthography.py: {len(to_pt)} pairs verified with hunspell pt_PT and pt_BR.",
            ),
        ],
    )


def build() -> dict[Path, str]:
    from mtqa.core.glossary import dump

    kept = verify_reform(candidates(read_words("pt_BR"), read_words("pt_BR", prefixes=True)))
    return {
        OUTPUT_DIR / "orthography_reform.yaml": dump(reform_glossary(kept)),
        OUTPUT_DIR / "variants_accents.yaml": dump(accents_glossary(accent_pairs())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the files are out of date")
    args = ap.parse_args(argv)
    stale = 0
    for path, text in build().items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current == text:
            print(f"{path}: up to date")
            continue
        stale += 1
        if args.check:
            print(f"{path}: out of date; run python -m mtqa.tools.orthography", file=sys.stderr)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"{path}: written")
    return 1 if (stale and args.check) else 0


if __name__ == "__main__":
    raise SystemExit(main())
