"""TBX (TermBase eXchange) for glossaries: TBX v3 (ISO 30042:2019) and the older v2 ``martif``.

Written: TBX v3 in the TBX-Basic dialect, DCA style (``<tbx type="TBX-Basic" style="dca"
xmlns="urn:iso:std:iso:30042:ed-2">``), or the same content as TBX-Basic v2 (``<martif>``). One
``conceptEntry`` per entry:

- ``descrip type="subjectField"``: the entry's kind (``false_friend``, ``forbidden``...);
- ``note``: its message;
- a ``langSec`` of the source language with the source terms;
- a ``langSec`` of the target language (``pt``, or ``pt-BR``/``pt-PT`` for an entry limited to
  variants, one per variant) with a ``termSec`` per term, each with ``administrativeStatus`` from
  the standard picklist: the suggestions and required targets ``preferredTerm-admn-sts`` (further
  alternatives of a suggestion ``admittedTerm-admn-sts``), the forms an entry reports
  ``deprecatedTerm-admn-sts`` (pre-reform spellings ``supersededTerm-admn-sts``). A form with its
  own correction (``replace``) points at the correction's ``termSec`` with
  ``ref type="crossReference"``. Examples are ``descrip type="context"``: a failing one in the
  reported form's ``termSec`` with each marked span as ``hi type="entailedTerm"``, a passing one in
  the suggestion's ``termSec``.

TBX has no place for regular expressions, context conditions, case rules, severities, rewrite rules
or maintainers' notes; :func:`write` counts the entries that lose some, and leaves out entries that
have no literal form at all (patterns only).

Read: v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``) and v2 (``martif``/``termEntry``/
``langSet``/``tig``/``ntig``), any dialect. ``administrativeStatus`` (or v2
``normativeAuthorization``) may hold the picklist values or the short ones (``preferred``,
``admitted``, ``deprecated``, ``superseded``, ``forbidden``...). A concept with a forbidden target
term becomes an entry of the kind named by its subject field (else ``forbidden``) with the allowed
terms as its suggestion; one with only allowed terms and a source term becomes a ``term`` entry.

XML is parsed with expat as the XLIFF reader does (:mod:`mtqa.engine.readers.xliff`): a file that
declares entities (an expansion bomb, an external entity) is refused, no DTD or entity is ever
fetched, and only the predefined entities and character references are decoded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from mtqa.core import glossary as g
from mtqa.core.errors import ConfigError
from mtqa.core.text import MARK

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: ``xml-model`` processing instructions naming the schemas a v3 file is checked against.
SCHEMAS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/'
    'TBXcoreStructV03.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
    'DCA/TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>',
)

#: The TBX-Basic picklist of ``administrativeStatus``.
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
SUPERSEDED = "supersededTerm-admn-sts"
PICKLIST = (PREFERRED, ADMITTED, DEPRECATED, SUPERSEDED)

#: Status values read (lower case, without ``-admn-sts`` and a final ``term``): allowed or not.
_ALLOWED = {"preferred", "admitted", "standardized", "legal", "regulated"}
_FORBIDDEN = {"deprecated", "superseded", "forbidden", "notrecommended", "obsolete"}

#: Element names of each version: (file, header, concept, language section, term section).
_NAMES = {3: ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
          2: ("martif", "martifHeader", "termEntry", "langSet", "tig")}


# --- parsing ----------------------------------------------------------------------------------------


class _Refused(Exception):
    pass


@dataclass
class Tree:
    """A parsed XML file: the root element and the line each element starts on."""

    root: ET.Element
    lines: dict[ET.Element, int] = field(default_factory=dict)

    def line(self, el: ET.Element) -> int:
        return self.lines.get(el, 0)


def parse_xml(text: str, name: str) -> Tree:
    """Parse ``text`` (XML) without expanding or fetching any entity; a ConfigError names
    ``name`` and the line of what is refused or malformed."""
    data = text.encode("utf-8")
    p = expat.ParserCreate(encoding="utf-8", namespace_separator="}")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    tb = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}

    def refuse(*_args):
        raise _Refused("declares entities (refused: no entity is expanded, none fetched)")

    def external(*_args):
        raise _Refused("refers to an external entity (refused: nothing is fetched)")

    def skipped(entity, _is_param):
        raise _Refused(f"refers to the entity &{entity}; that is not declared (refused: no DTD is read)")

    def qname(n: str) -> str:
        return "{" + n if "}" in n else n

    def start(n, attrs):
        lines[tb.start(qname(n), {qname(k): v for k, v in attrs.items()})] = p.CurrentLineNumber

    p.EntityDeclHandler = refuse
    p.UnparsedEntityDeclHandler = refuse
    p.ExternalEntityRefHandler = external
    p.SkippedEntityHandler = skipped
    p.StartElementHandler = start
    p.EndElementHandler = lambda n: tb.end(qname(n))
    p.CharacterDataHandler = tb.data
    try:
        p.Parse(data, True)
    except _Refused as exc:
        raise ConfigError(name, f"TBX file {exc}", p.CurrentLineNumber) from None
    except expat.ExpatError as exc:
        raise ConfigError(name, f"invalid TBX (XML): {expat.errors.messages.get(exc.code, exc)}",
                          exc.lineno) from None
    return Tree(tb.close(), lines)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _lang(el: ET.Element) -> tuple[str, str]:
    """``("pt", "BR")`` from ``xml:lang="pt-BR"`` (v2 files may say ``lang``)."""
    raw = (el.get(XML_LANG) or el.get("lang") or "").replace("_", "-")
    lang, _, region = raw.partition("-")
    return lang.lower(), region.split("-")[0].upper()


def _text(el: ET.Element, marks: bool = False) -> str:
    """The text of ``el`` with its inline elements; with ``marks``, each ``hi
    type="entailedTerm"`` is marked ``[[...]]`` (an example's span)."""
    out = [el.text or ""]
    for child in el:
        inner = _text(child)
        if marks and _local(child.tag) == "hi" and child.get("type") == "entailedTerm":
            inner = f"[[{inner}]]"
        out.append(inner + (child.tail or ""))
    return "".join(out)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _status(raw: str, name: str, line: int) -> str:
    """``allowed`` or ``forbidden`` for an administrative status value."""
    key = raw.strip().lower().removesuffix("-admn-sts").removesuffix("-norm-auth")
    key = key.removesuffix("term").replace("-", "").replace(" ", "")
    if key in _ALLOWED:
        return "preferred" if key == "preferred" else "allowed"
    if key in _FORBIDDEN:
        return "forbidden"
    raise ConfigError(name, f"unknown administrativeStatus {raw.strip()!r} (known: "
                      + ", ".join(PICKLIST) + ", or preferred, admitted, deprecated, superseded, "
                      "forbidden)", line)


def _mark_term(sentence: str, term: str) -> str | None:
    """``sentence`` with every whole-word occurrence of ``term`` marked, or None."""
    left = r"(?<!\w)" if term[:1].isalnum() else ""
    right = r"(?!\w)" if term[-1:].isalnum() else ""
    rx = re.compile(left + re.escape(term) + right, re.IGNORECASE)
    marked, n = rx.subn(lambda m: f"[[{m.group()}]]", sentence)
    return marked if n else None


@dataclass
class _Term:
    text: str
    status: str  # preferred, allowed, forbidden, or "" (none given)
    id: str = ""
    refs: list[str] = field(default_factory=list)
    contexts: list[tuple[str, str]] = field(default_factory=list)  # (text with marks, variant)


def _terms(tree: Tree, sec: ET.Element, name: str) -> list[_Term]:
    out = []
    for ts in (x for x in sec.iter() if _local(x.tag) in ("termSec", "tig", "ntig")):
        term_el = next((x for x in ts.iter() if _local(x.tag) == "term"), None)
        if term_el is None or not _norm(_text(term_el)):
            continue
        status = ""
        for note in (x for x in ts.iter() if _local(x.tag) == "termNote"):
            if note.get("type") in ("administrativeStatus", "normativeAuthorization") and _norm(_text(note)):
                status = _status(_text(note), name, tree.line(note))
        t = _Term(_norm(_text(term_el)), status, ts.get("id") or term_el.get("id") or "")
        for x in ts.iter():
            tag = _local(x.tag)
            if tag == "ref" and x.get("type") == "crossReference" and x.get("target"):
                t.refs.append(x.get("target"))
            elif tag == "descrip" and x.get("type") == "context" and _norm(_text(x)):
                t.contexts.append((_norm(_text(x, marks=True)), _lang(x)[1]))
        out.append(t)
    return out


def _own(concept: ET.Element) -> Iterator[ET.Element]:
    """The elements of a concept's own level: its children and those of its groups
    (``descripGrp``, ``adminGrp``), not its language sections."""
    for child in concept:
        yield child
        if _local(child.tag).endswith("Grp"):
            yield from child


def _entry_id(raw: str | None, n: int, taken: set[str]) -> str:
    eid = raw or ""
    if eid.startswith("_") and re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", eid[1:]):
        eid = eid[1:]  # written by `write` for an id that is no XML name (starts with a digit)
    eid = "".join(c if c.isalnum() or c in "-_." else "-" for c in eid.lower()).strip("-_.")
    eid = eid if eid and eid.isascii() else f"tbx-{n}"
    base, k = eid, 2
    while eid in taken:
        eid, k = f"{base}-{k}", k + 1
    taken.add(eid)
    return eid


def read(text: str, name: str, target_lang: str = "pt") -> tuple[list[g.Entry], list[str]]:
    """The glossary entries of a TBX file (v3 or v2), and notes on concepts left out."""
    tree = parse_xml(text, name)
    root = tree.root
    if _local(root.tag) not in ("tbx", "martif"):
        raise ConfigError(name, f"not a TBX file: the root element is <{_local(root.tag)}>, not "
                          "<tbx> (TBX v3) or <martif> (TBX v2)", tree.line(root))
    concepts = [x for x in root.iter() if _local(x.tag) in ("conceptEntry", "termEntry")]
    by_id: dict[str, str] = {}
    parsed = []
    for ce in concepts:
        secs = [(s, _lang(s)) for s in ce.iter() if _local(s.tag) in ("langSec", "langSet")]
        terms = [(lang, region, _terms(tree, s, name)) for s, (lang, region) in secs]
        for *_, ts in terms:
            by_id.update({t.id: t.text for t in ts if t.id})
        parsed.append((ce, terms))
    out: list[g.Entry] = []
    notes: list[str] = []
    taken: set[str] = set()
    for n, (ce, terms) in enumerate(parsed, 1):
        src: list[str] = []
        target: list[_Term] = []
        variants: set[str] = set()
        plain = False
        for lang, region, ts in terms:
            if lang == target_lang:
                target.extend(ts)
                if region:
                    variants.add(region)
                else:
                    plain = True
            else:
                src.extend(t.text for t in ts)
        forbidden = list({t.text: t for t in target if t.status == "forbidden"}.values())
        allowed = list({t.text: t for t in sorted((t for t in target if t.status != "forbidden"),
                                                   key=lambda t: t.status != "preferred")}.values())
        kind = next((_norm(_text(d)) for d in _own(ce) if _local(d.tag) == "descrip"
                     and d.get("type") == "subjectField"), "")
        message = next((_norm(_text(x)) for x in _own(ce) if _local(x.tag) == "note" and _norm(_text(x))), "")
        if not message:
            message = next((_norm(_text(x)) for x in ce.iter() if _local(x.tag) == "descrip"
                            and x.get("type") == "definition" and _norm(_text(x))), "")
        eid = _entry_id(ce.get("id"), n, taken)
        data: dict = {"id": eid}
        replace = {t.text: by_id[r] for t in forbidden for r in t.refs[:1] if r in by_id}
        referenced = set(replace.values())
        if forbidden:
            data["kind"] = kind if kind in g.TARGET_KINDS else "forbidden"
            data["terms"] = [t.text for t in forbidden if t.text not in replace]
            data["replace"] = replace
            suggest = [t.text for t in allowed if t.text not in referenced]
            if suggest:
                data["suggest"] = "|".join(suggest)
            data["message"] = message or (f"use '{allowed[0].text}'" if allowed else
                                          f"'{forbidden[0].text}' is not used")
        elif src and allowed:
            data["kind"] = "term"
            data["target"] = [t.text for t in allowed]
            data["message"] = message or f"'{src[0]}' is rendered '{allowed[0].text}'"
        else:
            notes.append(f"{name}:{tree.line(ce)}: concept {ce.get('id') or n} left out: no "
                         f"forbidden {target_lang} term, and no {target_lang} term with a source term")
            continue
        data["source"] = list(dict.fromkeys(src))
        if variants and not plain:
            data["variants"] = sorted(variants)
        examples = []
        if data["kind"] != "term":
            for t in forbidden:
                for ctx, variant in t.contexts:
                    bad = ctx if "[[" in ctx else _mark_term(ctx, t.text)
                    if bad:
                        examples.append({"bad": bad} | ({"variant": variant} if variant else {}))
            for t in allowed:
                for ctx, variant in t.contexts:
                    examples.append({"good": g.unmark(ctx)} | ({"variant": variant} if variant else {}))
        data["examples"] = examples
        data = {k: v for k, v in data.items() if v not in ([], {})} | {"examples": examples}
        try:
            out.append(g.entry_from_data(data, name, tree.line(ce)))
        except ConfigError as exc:
            raise ConfigError(name, exc.message, tree.line(ce)) from None
    return out, notes


# --- writing ----------------------------------------------------------------------------------------


@dataclass
class Written:
    """What :func:`write` wrote: the text, the entries exported and what TBX could not carry."""

    text: str
    exported: int = 0
    #: Entries left out (no literal form), by id.
    skipped: list[str] = field(default_factory=list)
    #: What was dropped -> how many entries lost it.
    dropped: dict[str, int] = field(default_factory=dict)


def xml_id(entry_id: str) -> str:
    """An XML name for an entry id (one that starts with a digit gets a ``_``, which
    :func:`read` takes off again)."""
    return entry_id if re.match(r"[A-Za-z_]", entry_id) else "_" + entry_id


def _dropped(e: g.Entry) -> list[str]:
    lost = []
    for what, has in (
        ("patterns", e.patterns), ("context conditions", e.context or e.unless),
        ("case rules", e.case != "auto"), ("severities", e.severity), ("rewrite rules", e.rewrite),
        ("notes", e.note), ("expected suggestions of examples", any(x.suggest for x in e.examples)),
        ("examples of term entries", e.kind == "term" and e.examples),
        ("passing examples of entries without a suggestion", e.kind != "term" and not e.suggest
         and not e.replace and any(not x.fires for x in e.examples)),
    ):
        if has:
            lost.append(what)
    return lost


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def el(self, depth: int, tag: str, text: str | None = None, raw: str | None = None, **attrs) -> None:
        a = "".join(f" {k.replace('xml_lang', 'xml:lang')}={quoteattr(v)}" for k, v in attrs.items() if v)
        if raw is not None:
            self.lines.append(f"{'  ' * depth}<{tag}{a}>{raw}</{tag}>")
        elif text is None:
            self.lines.append(f"{'  ' * depth}<{tag}{a}>")
        else:
            self.lines.append(f"{'  ' * depth}<{tag}{a}>{escape(text)}</{tag}>")

    def end(self, depth: int, tag: str) -> None:
        self.lines.append(f"{'  ' * depth}</{tag}>")


def _context(example: g.GlossaryExample, target_of: dict[str, str]) -> str:
    """An example as the inline content of ``descrip type="context"``: marked spans as ``hi``."""
    parts, last = [], 0
    for m in MARK.finditer(example.text):
        parts.append(escape(example.text[last:m.start()]))
        parts.append(f'<hi type="entailedTerm" target={quoteattr(target_of[m.group(1)])}>'
                     f"{escape(m.group(1))}</hi>")
        last = m.end()
    parts.append(escape(example.text[last:]))
    return "".join(parts)


def write(glossaries: Sequence[g.Glossary], version: int = 3, description: str = "") -> Written:
    """TBX-Basic text (v3, or v2 ``martif``) of every entry of ``glossaries``."""
    root, header, concept, lang_sec, term_sec = _NAMES[version]
    pairs = [(gl, e) for gl in glossaries for e in gl.entries]
    src_lang = glossaries[0].source_language if glossaries else "en"
    res = Written("")
    body: list[str] = []
    for gl, e in pairs:
        if not (e.target if e.kind == "term" else e.forms):
            res.skipped.append(e.id)
            continue
        for what in _dropped(e):
            res.dropped[what] = res.dropped.get(what, 0) + 1
        body.extend("  " + line for line in _concept(e, gl, concept, lang_sec, term_sec))
        res.exported += 1
    o = _Out()
    o.lines.append('<?xml version="1.0" encoding="UTF-8"?>')
    if version == 3:
        o.lines.extend(SCHEMAS)
        o.el(0, root, type="TBX-Basic", style="dca", xml_lang=src_lang, xmlns=NS)
    else:
        o.el(0, root, type="TBX-Basic", xml_lang=src_lang)
    o.el(1, header)
    o.el(2, "fileDesc")
    o.el(3, "sourceDesc")
    o.el(4, "p", description or f"mtqa glossary export ({res.exported} entries)")
    o.end(3, "sourceDesc")
    o.end(2, "fileDesc")
    o.end(1, header)
    o.el(1, "text")
    if body:
        o.el(2, "body")
        o.lines.extend(body)
        o.end(2, "body")
    o.end(1, "text")
    o.end(0, root)
    res.text = "\n".join(o.lines) + "\n"
    return res


def _concept(e: g.Entry, gl: g.Glossary, concept: str, lang_sec: str, term_sec: str) -> list[str]:
    o = _Out()
    cid = xml_id(e.id)
    o.el(2, concept, id=cid)
    o.el(3, "descrip", e.kind, type="subjectField")
    if e.message:
        o.el(3, "note", e.message)
    forms = [] if e.kind == "term" else list(dict.fromkeys(_norm(f) for f in e.forms if _norm(f)))
    replace = {_norm(k): _norm(v) for k, v in e.replace.items()}
    source = list(dict.fromkeys(_norm(s) for s in e.source if _norm(s)))
    if source:
        o.el(3, lang_sec, xml_lang=gl.source_language)
        for s in source:
            o.el(4, term_sec)
            o.el(5, "term", s)
            o.end(4, term_sec)
        o.end(3, lang_sec)
    suggest = [_norm(s) for s in (e.suggest.split("|") if e.suggest else []) if s.strip()]
    allowed: list[tuple[str, str]] = []  # (term, status)
    if e.kind == "term":
        allowed = [(_norm(t), PREFERRED) for t in e.target if _norm(t)]
    else:
        allowed = [(s, PREFERRED if i == 0 else ADMITTED) for i, s in enumerate(suggest)]
        allowed += [(v, PREFERRED) for v in dict.fromkeys(replace.values()) if v not in suggest]
    allowed = list({t: (t, st) for t, st in allowed}.values())
    bad_status = SUPERSEDED if e.kind == "orthography" else DEPRECATED
    tags = [f"{gl.target_language}-{v}" for v in e.variants] or [gl.target_language]
    for vi, tag in enumerate(tags):
        marker = "T" + ("" if len(tags) == 1 else tag.split("-", 1)[1])
        good_ids = {t: f"{cid}-{marker}{i}" for i, (t, _) in enumerate(allowed, 1)}
        ids = {f: f"{cid}-{marker}{i}" for i, f in enumerate(forms, len(allowed) + 1)}
        lower = {f.lower(): i for f, i in reversed(ids.items())}
        bads: dict[str, list[tuple[str, str]]] = {}
        goods: list[tuple[str, str]] = []
        if vi == 0 and e.kind != "term":
            for ex in e.examples:
                variant = f"{gl.target_language}-{ex.variant.upper()}" if ex.variant else ""
                if ex.fires:
                    # in the termSec of the first marked form (else of the first form)
                    spans = [m.group(1) for m in MARK.finditer(ex.text)]
                    owner = next((f for f in forms if f.lower() in {x.lower() for x in spans}), forms[0])
                    raw = _context(ex, {x: lower.get(x.lower(), ids[owner]) for x in spans})
                    bads.setdefault(owner, []).append((raw, variant))
                elif allowed:
                    goods.append((escape(ex.text), variant))
        o.el(3, lang_sec, xml_lang=tag)
        for i, (t, status) in enumerate(allowed):
            o.el(4, term_sec, id=good_ids[t])
            o.el(5, "term", t)
            o.el(5, "termNote", status, type="administrativeStatus")
            if i == 0:
                for raw, variant in goods:
                    o.el(5, "descrip", raw=raw, type="context", xml_lang=variant)
            o.end(4, term_sec)
        for f in forms:
            o.el(4, term_sec, id=ids[f])
            o.el(5, "term", f)
            o.el(5, "termNote", bad_status, type="administrativeStatus")
            for raw, variant in bads.get(f, []):
                o.el(5, "descrip", raw=raw, type="context", xml_lang=variant)
            if f in replace:
                o.el(5, "ref", replace[f], type="crossReference", target=good_ids[replace[f]])
            o.end(4, term_sec)
        o.end(3, lang_sec)
    o.end(2, concept)
    return o.lines
