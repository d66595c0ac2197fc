"""TBX: `mtqa glossary export --format tbx` writes valid TBX v3 (TBX-Basic, DCA style) with the
standard administrativeStatus picklist, `import` reads v3 and v2 with picklist and short values,
XML is parsed without expanding entities, and export then import gives the same entries."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from mtqa.cli.glossary import glossary
from mtqa.core import glossary as g
from mtqa.core import tbx
from mtqa.core.errors import ConfigError

NS = "{urn:iso:std:iso:30042:ed-2}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Entries written for these tests (the sentences too), one of each shape TBX has to carry.
GLOSSARY = """\
schema: mtqa-glossary/1
pair: en-pt
entries:
- id: 10-mil-tropas
  kind: calque
  terms: [mil tropas]
  source: [thousand troops]
  message: "'troops' counted are 'soldados', not 'tropas'"
  suggest: mil soldados|mil militares
  examples:
  - bad: O país enviou dez [[mil tropas]] para a fronteira.
  - good: O país enviou dez mil soldados para a fronteira.
- id: facto-fato
  kind: variant
  terms: [facto, factos]
  variants: [BR]
  message: "'facto' is the pt-PT spelling; pt-BR writes 'fato'"
  suggest: fato
  examples:
  - bad: O [[facto]] é que a ponte caiu.
  - good: O fato é que a ponte caiu.
- id: reform-ideia
  kind: orthography
  replace: {idéia: ideia, idéias: ideias}
  message: "pre-1990 spelling"
  examples:
  - bad: Foi uma [[idéia]] do prefeito.
  - good: Foi uma ideia do prefeito.
  - bad: As [[idéias]] do prefeito agradaram.
- id: style-kiev
  kind: forbidden
  terms: [Kyiv]
  source: [Kyiv]
  message: house style writes 'Kiev'
  suggest: Kiev
  examples:
  - bad: O ministro chegou a [[Kyiv]] de trem.
  - good: O ministro chegou a Kiev de trem.
  - bad: 'A ponte de [[Kyiv]] ficou fechada.'
    variant: PT
- id: term-state-media
  kind: term
  source: [state media]
  target: [mídia estatal, imprensa estatal]
  message: "'state media' is 'mídia estatal'"
  examples:
  - src: '[[state media]] said'
    bad: a mídia do governo disse
  - src: state media said
    good: a mídia estatal disse
- id: only-a-pattern
  kind: calque
  patterns: ['\\bfaz sentido\\b']
  message: a pattern TBX cannot carry
  examples:
  - bad: Isso [[faz sentido]].
  - good: Isso tem lógica.
"""


def _run(*args):
    return CliRunner().invoke(glossary, list(args), catch_exceptions=False)


@pytest.fixture
def gfile(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_text(GLOSSARY, encoding="utf-8")
    return p


@pytest.fixture
def exported(tmp_path, gfile):
    out = tmp_path / "out.tbx"
    r = _run("export", str(gfile), "--format", "tbx", "-o", str(out))
    assert r.exit_code == 0, r.output
    return out, r.output


def _local(el):
    return el.tag.split("}")[-1]


def test_export_is_tbx_v3_basic_in_dca_style(exported):
    out, _ = exported
    text = out.read_text(encoding="utf-8")
    assert 'xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"' in text
    root = ET.fromstring(text)  # the file we wrote ourselves: no entities in it
    assert root.tag == NS + "tbx"
    assert (root.get("type"), root.get("style"), root.get(LANG)) == ("TBX-Basic", "dca", "en")
    assert [_local(c) for c in root] == ["tbxHeader", "text"]
    assert root.find(f"{NS}tbxHeader/{NS}fileDesc/{NS}sourceDesc/{NS}p").text
    parents = {c: p for p in root.iter() for c in p}
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)
    for el in root.iter():
        assert el.tag.startswith(NS), el.tag  # DCA style: every element in the TBX namespace
        kind, up = el.get("type"), _local(parents[el]) if el in parents else ""
        if el.get("target") is not None:
            assert el.get("target") in ids  # an IDREF to something in the file
        if _local(el) == "conceptEntry":
            assert any(_local(c) == "langSec" for c in el)
        if _local(el) == "langSec":
            assert el.get(LANG) and any(_local(c) == "termSec" for c in el)
        if _local(el) == "termSec":
            kids = [_local(c) for c in el]
            assert kids[0] == "term"
            notes = [i for i, k in enumerate(kids) if k == "termNote"]
            assert notes == list(range(1, len(notes) + 1))  # termNotes straight after the term
        if _local(el) == "termNote":
            assert up == "termSec" and kind == "administrativeStatus"
            assert el.text in tbx.PICKLIST
        if _local(el) == "descrip":
            assert kind in ("subjectField", "context", "definition")
            assert up == {"subjectField": "conceptEntry", "context": "termSec"}.get(kind, up)
        if _local(el) == "ref":
            assert kind == "crossReference" and up in ("conceptEntry", "termSec")
        if _local(el) == "hi":
            assert kind == "entailedTerm" and up == "descrip"
    assert "forbidden<" not in text.replace('subjectField">forbidden<', "")


def test_export_uses_the_standard_statuses(exported):
    out, err = exported
    root = ET.fromstring(out.read_text(encoding="utf-8"))

    def statuses(cid):
        ce = next(c for c in root.iter(NS + "conceptEntry") if c.get("id") == cid)
        return [(ts.find(NS + "term").text, ts.find(NS + "termNote").text)
                for ls in ce.iter(NS + "langSec") if ls.get(LANG).startswith("pt")
                for ts in ls.iter(NS + "termSec")]

    assert statuses("_10-mil-tropas") == [("mil soldados", tbx.PREFERRED), ("mil militares", tbx.ADMITTED),
                                          ("mil tropas", tbx.DEPRECATED)]
    assert statuses("reform-ideia") == [("ideia", tbx.PREFERRED), ("ideias", tbx.PREFERRED),
                                        ("idéia", tbx.SUPERSEDED), ("idéias", tbx.SUPERSEDED)]
    assert statuses("term-state-media") == [("mídia estatal", tbx.PREFERRED), ("imprensa estatal", tbx.PREFERRED)]
    # a variant entry is a langSec of that variant
    ce = next(c for c in root.iter(NS + "conceptEntry") if c.get("id") == "facto-fato")
    assert [ls.get(LANG) for ls in ce.iter(NS + "langSec")] == ["pt-BR"]
    # the pattern-only entry is left out, and what TBX cannot carry is said
    assert "only-a-pattern" not in out.read_text(encoding="utf-8")
    assert "1 entries left out (no literal form, only patterns): only-a-pattern" in err
    assert "examples of term entries (1 entries)" in err and "exported 5 entries" in err


def test_export_then_import_gives_the_same_entries(tmp_path, gfile, exported):
    out, _ = exported
    target = tmp_path / "back.yaml"
    r = _run("import", str(out), "-o", str(target))
    assert r.exit_code == 0 and "imported 5 entries" in r.output
    def data(e):  # examples come back failing ones first, each kind in its order
        return e.to_data() | {"examples": sorted(e.to_data()["examples"], key=lambda x: "bad" not in x)}

    back = {e.id: data(e) for e in g.load_file(target).entries}
    want = {e.id: data(e) for e in g.load_file(gfile).entries if e.id != "only-a-pattern"}
    want["term-state-media"]["examples"] = []  # examples of term entries are not carried
    assert back == want


def test_v2_export_and_import(tmp_path, gfile):
    out = tmp_path / "old.tbx"
    assert _run("export", str(gfile), "--format", "tbx2", "-o", str(out)).exit_code == 0
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert [_local(c) for c in root] == ["martifHeader", "text"]
    statuses = {n.text for n in root.iter("termNote")}
    assert statuses <= set(tbx.PICKLIST) and tbx.DEPRECATED in statuses
    entries, notes = tbx.read(out.read_text(encoding="utf-8"), str(out))
    v3, _ = tbx.read(tbx.write([g.load_file(gfile)]).text, "v3.tbx")
    assert [e.to_data() for e in entries] == [e.to_data() for e in v3] and not notes


def _norm(forms):
    return [" ".join(f.split()) for f in forms]


def _carried(e: g.Entry) -> dict:
    """What TBX carries of an entry (see mtqa.core.tbx): terms come back expanded."""
    examples = [] if e.kind == "term" else sorted(
        (x.text, x.fires, (x.variant or "").upper()) for x in e.examples
        if x.fires or e.suggest or e.replace)
    return {"kind": e.kind, "forms": _norm(e.forms), "replace": e.replace, "source": e.source,
            "target": e.target if e.kind == "term" else [], "suggest": e.suggest,
            "message": e.message, "variants": sorted(e.variants), "examples": examples}


@pytest.mark.parametrize("version", [3, 2])
def test_every_shipped_entry_round_trips_what_tbx_carries(version):
    gls = g.load_shipped()
    written = tbx.write(gls, version)
    entries, notes = tbx.read(written.text, "shipped.tbx")
    assert not notes and len(entries) == written.exported > 600
    shipped = {e.id: e for gl in gls for e in gl.entries}
    assert {e.id for e in entries} == set(shipped) - set(written.skipped)
    for e in entries:
        assert _carried(e) == _carried(shipped[e.id]), e.id


def _v3(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
            "<tbxHeader><fileDesc><sourceDesc><p>teste</p></sourceDesc></fileDesc></tbxHeader>"
            f"<text><body>{body}</body></text></tbx>")


def _concept(cid: str, *terms: tuple[str, str], extra: str = "") -> str:
    secs = "".join(
        f"<termSec><term>{t}</term>"
        + (f'<termNote type="administrativeStatus">{s}</termNote>' if s else "") + "</termSec>"
        for t, s in terms)
    return (f'<conceptEntry id="{cid}">{extra}<langSec xml:lang="en"><termSec><term>src {cid}</term>'
            f'</termSec></langSec><langSec xml:lang="pt">{secs}</langSec></conceptEntry>')


@pytest.mark.parametrize(("status", "forbidden"), [
    ("deprecatedTerm-admn-sts", True), ("supersededTerm-admn-sts", True), ("deprecated", True),
    ("superseded", True), ("forbidden", True), ("deprecatedTerm", True), ("notRecommended", True),
    ("preferredTerm-admn-sts", False), ("admittedTerm-admn-sts", False), ("preferred", False),
    ("admitted", False), ("", False),
])
def test_import_accepts_picklist_and_short_status_values(status, forbidden):
    (e,), _ = tbx.read(_v3(_concept("c1", ("correio eletrónico", status), ("e-mail", "preferred"))), "t.tbx")
    if forbidden:
        assert (e.kind, e.terms, e.suggest) == ("forbidden", ["correio eletrónico"], "e-mail")
    else:
        # preferred terms first, then the others in their order
        first = status in ("preferredTerm-admn-sts", "preferred")
        assert (e.kind, e.target) == ("term", ["correio eletrónico", "e-mail"] if first
                                      else ["e-mail", "correio eletrónico"])


def test_import_orders_preferred_before_admitted_and_reads_kind_and_message():
    body = _concept("C 7", ("sítio", "admittedTerm-admn-sts"), ("site", "preferredTerm-admn-sts"),
                    ("website", "deprecatedTerm-admn-sts"),
                    extra='<descripGrp><descrip type="subjectField">false_friend</descrip></descripGrp>'
                          "<note>um termo de exemplo</note>")
    (e,), _ = tbx.read(_v3(body), "t.tbx")
    assert (e.id, e.kind, e.terms, e.suggest, e.message) == (
        "c-7", "false_friend", ["website"], "site|sítio", "um termo de exemplo")


def test_an_unknown_status_names_the_file_and_line(tmp_path):
    src = tmp_path / "bad.tbx"
    src.write_text(_v3(_concept("c1", ("a", "maybe"))).replace("<conceptEntry", "\n\n<conceptEntry"),
                   encoding="utf-8")
    r = _run("import", str(src), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 2
    assert f"{src}:4: unknown administrativeStatus 'maybe'" in r.output
    assert not (tmp_path / "o.yaml").exists()


def test_foreign_contexts_become_examples():
    body = ('<conceptEntry id="c1"><langSec xml:lang="pt">'
            "<termSec><term>fato</term><termNote type=\"administrativeStatus\">preferred</termNote>"
            '<descripGrp><descrip type="context">O fato foi registrado pela polícia.</descrip></descripGrp></termSec>'
            "<termSec><term>facto</term><termNote type=\"administrativeStatus\">deprecated</termNote>"
            '<descrip type="context">O Facto foi registrado e o facto foi esquecido.</descrip>'
            '<descrip type="context">Nada aqui.</descrip></termSec>'
            "</langSec></conceptEntry>")
    (e,), _ = tbx.read(_v3(body), "t.tbx")
    assert [(x.text, x.fires) for x in e.examples] == [
        ("O [[Facto]] foi registrado e o [[facto]] foi esquecido.", True),
        ("O fato foi registrado pela polícia.", False)]
    assert all(g.run_example(e, x)[0] for x in e.examples)


def test_concepts_without_a_usable_term_are_reported_not_invented():
    body = _concept("c1", ("a", "deprecated"), ("b", "")) + (
        '<conceptEntry id="c2"><langSec xml:lang="es"><termSec><term>hola</term></termSec></langSec></conceptEntry>')
    entries, notes = tbx.read(_v3(body), "t.tbx")
    assert [e.id for e in entries] == ["c1"]
    assert notes == ["t.tbx:2: concept c2 left out: no forbidden pt term, and no pt term with a source term"]


def test_duplicate_and_foreign_ids_become_distinct_glossary_ids():
    body = _concept("Ç1", ("a", "deprecated")) + _concept("ç1", ("b", "deprecated")) + _concept("_10x", ("c", "deprecated"))
    ids = [e.id for e in tbx.read(_v3(body), "t.tbx")[0]]
    assert ids == ["tbx-1", "tbx-2", "10x"]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<tbx><text><body><conceptEntry id="x"><langSec xml:lang="pt"><termSec><term>&c;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY e SYSTEM "file:///etc/hostname">]>
<martif><text><body><termEntry><langSet xml:lang="pt"><tig><term>&e;</term></tig></langSet></termEntry></body></text></martif>
"""
PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>
<martif/>
"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL, PARAMETER], ids=["bomb", "external", "parameter"])
def test_entity_declarations_are_refused_not_expanded(tmp_path, text):
    src = tmp_path / "evil.tbx"
    src.write_text(text, encoding="utf-8")
    r = _run("import", str(src), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 2
    assert f"{src}:" in r.output and "declares entities (refused: no entity is expanded" in r.output
    assert not (tmp_path / "o.yaml").exists()


def test_an_undeclared_entity_behind_an_unread_dtd_is_refused():
    text = ('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
            "<martif><text><body><termEntry><langSet xml:lang=\"pt\"><tig><term>a&nbsp;b</term>"
            "</tig></langSet></termEntry></body></text></martif>")
    with pytest.raises(ConfigError, match=r"t.tbx:3: TBX file refers to the entity &nbsp;"):
        tbx.read(text, "t.tbx")
    # the DTD itself is fine (v2 files name one), and the predefined entities are decoded
    ok = text.replace("a&nbsp;b", "A &amp; B").replace("</tig>", '<termNote type="administrativeStatus">'
                                                          "forbidden</termNote></tig>")
    (e,), _ = tbx.read(ok, "t.tbx")
    assert e.terms == ["A & B"]


def test_v2_ntig_and_normative_authorization_are_read():
    text = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="e1">
  <langSet xml:lang="en"><ntig><termGrp><term>breaking news</term></termGrp></ntig></langSet>
  <langSet xml:lang="pt">
   <ntig><termGrp><term>notícias quebradas</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></termGrp></ntig>
   <ntig><termGrp><term>últimas notícias</term><termNote type="normativeAuthorization">preferredTerm</termNote></termGrp></ntig>
  </langSet>
 </termEntry>
</body></text></martif>"""
    (e,), _ = tbx.read(text, "v2.tbx")
    assert (e.kind, e.terms, e.suggest, e.source) == ("forbidden", ["notícias quebradas"], "últimas notícias",
                                                      ["breaking news"])


def test_not_a_tbx_file(tmp_path):
    src = tmp_path / "x.xml"
    src.write_text("<?xml version='1.0'?>\n<xliff version='1.2'/>", encoding="utf-8")
    r = _run("import", str(src), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 2 and f"{src}:2: not a TBX file: the root element is <xliff>" in r.output
