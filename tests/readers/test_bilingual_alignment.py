"""The source-aware checks (A101-A105) on PO and XLIFF files, from their own units.

A bilingual file needs no ``--source``: the engine's default aligner pairs each unit's source
(``msgid``, ``<source>``) with its translation, unit by unit (mtqa.engine.align). The files are
written here, in English and Portuguese of our own, with planted artifacts: a number changed, a
name dropped, a sentence omitted, a sentence added. Most tests translate the sources with a
:class:`FakeTranslator` table (what a machine translation of each English sentence would be), so
they are exact and run everywhere; the command-line tests reach a LibreTranslate-style server on
127.0.0.1 started here, and one runs the real offline Bergamot model when it is installed.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from mtqa.core.config import Config
from mtqa.core.text import load_document
from mtqa.engine.align import NO_SOURCE, Aligner
from mtqa.engine.readers import attach
from mtqa.engine.runner import Engine, run
from mtqa.providers import Providers
from mtqa.providers.translate import FakeTranslator, TranslationService
from tests.readers.conftest import assert_slices

#: What a machine translation of each English source sentence reads (en -> pt).
MT = {
    "The city council approved a budget of 4,500 dollars for the new library.":
        "A câmara municipal aprovou um orçamento de 4.500 dólares para a nova biblioteca.",
    "The mayor, Helena Duarte, opened the building on Friday.":
        "A prefeita, Helena Duarte, abriu o prédio na sexta-feira.",
    "The library has three floors.": "A biblioteca tem três andares.",
    "It will open every day from nine in the morning.":
        "Ela vai abrir todos os dias a partir das nove da manhã.",
    "Children under twelve get their first card for free.":
        "As crianças com menos de doze anos recebem seu primeiro cartão de graça.",
    "Readers can borrow up to five books at a time.":
        "Os leitores podem pegar até cinco livros de cada vez.",
    "The building cost two million reais.": "O prédio custou dois milhões de reais.",
    "Work on it began in 2021.": "As obras começaram em 2021.",
    "The rain stopped before the ceremony began.": "A chuva parou antes de a cerimônia começar.",
    "%d reader": "%d leitor",
    "%d readers": "%d leitores",
    # XLIFF
    "The festival drew 12,000 visitors to the old harbour.":
        "O festival atraiu 12.000 visitantes ao antigo porto.",
    "The organisers thanked Marta Quintela for the music.":
        "Os organizadores agradeceram a Marta Quintela pela música.",
    "Tickets cost ten euros.": "Os ingressos custaram dez euros.",
    "Children entered for free.": "As crianças entraram de graça.",
    "Parking near the harbour was scarce.": "O estacionamento perto do porto era escasso.",
    "Next year the festival will last four days.": "No próximo ano, o festival vai durar quatro dias.",
    # one test each
    "Russia vetoed the plan at the Security Council.": "A Rússia vetou o plano no Conselho de Segurança.",
    "Turnout beat every forecast this year, with 340 entries.":
        "O comparecimento superou todas as previsões este ano, com 340 inscrições.",
    "The first train leaves at 6 o'clock.": "O primeiro trem sai às 6 horas.",
    "The last train leaves at 23 o'clock.": "O último trem sai às 23 horas.",
}

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: pt_BR\\n"\n\n'

#: A PO file whose entries hold one planted artifact each, and two that are right.
PO_BAD = HEADER + '''#: artigo.py:3
msgid "The city council approved a budget of 4,500 dollars for the new library."
msgstr "A câmara municipal aprovou um orçamento de 4.800 dólares para a nova biblioteca."

#: artigo.py:4
msgid "The mayor, Helena Duarte, opened the building on Friday."
msgstr "A prefeita abriu o prédio na sexta-feira."

#: artigo.py:5
msgid ""
"The library has three floors. It will open every day from nine in the "
"morning. Children under twelve get their first card for free."
msgstr ""
"A biblioteca tem três andares. As crianças com menos de doze anos recebem o "
"primeiro cartão de graça."

#: artigo.py:6
msgid "Readers can borrow up to five books at a time."
msgstr ""
"Os leitores podem pegar até cinco livros por vez. Leia também: as dez "
"bibliotecas mais bonitas do país."

#: artigo.py:7
msgid "The building cost two million reais. Work on it began in 2021."
msgstr "O prédio custou dois milhões de reais."

#: artigo.py:8
msgid "The rain stopped before the ceremony began."
msgstr "A chuva parou antes de a cerimônia começar."

#: artigo.py:9
msgid "%d reader"
msgid_plural "%d readers"
msgstr[0] "%d leitor"
msgstr[1] "%d leitores"
'''

#: The same entries translated right.
PO_GOOD = HEADER + '''#: artigo.py:3
msgid "The city council approved a budget of 4,500 dollars for the new library."
msgstr "A câmara municipal aprovou um orçamento de 4.500 dólares para a nova biblioteca."

#: artigo.py:4
msgid "The mayor, Helena Duarte, opened the building on Friday."
msgstr "A prefeita, Helena Duarte, inaugurou o prédio na sexta-feira."

#: artigo.py:5
msgid ""
"The library has three floors. It will open every day from nine in the "
"morning. Children under twelve get their first card for free."
msgstr ""
"A biblioteca tem três andares. Ela vai abrir todos os dias a partir das nove "
"da manhã. As crianças com menos de doze anos recebem o primeiro cartão de graça."

#: artigo.py:6
msgid "Readers can borrow up to five books at a time."
msgstr "Os leitores podem pegar até cinco livros por vez."

#: artigo.py:7
msgid "The building cost two million reais. Work on it began in 2021."
msgstr "O prédio custou dois milhões de reais. As obras começaram em 2021."

#: artigo.py:8
msgid "The rain stopped before the ceremony began."
msgstr "A chuva parou antes de a cerimônia começar."

#: artigo.py:9
msgid "%d reader"
msgid_plural "%d readers"
msgstr[0] "%d leitor"
msgstr[1] "%d leitores"
'''

XLIFF_12 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="pt-BR" datatype="plaintext" original="festival">
    <body>
      <trans-unit id="t1">
        <source>The festival drew 12,000 visitors to the old harbour.</source>
        <target>O festival atraiu 21.000 visitantes ao antigo porto.</target>
      </trans-unit>
      <trans-unit id="t2">
        <source>The organisers thanked <g id="1">Marta Quintela</g> for the music.</source>
        <target>Os organizadores agradeceram à <g id="1">cantora</g> pela música.</target>
      </trans-unit>
      <trans-unit id="t3">
        <source>Tickets cost ten euros. Children entered for free. Parking near the harbour was scarce.</source>
        <target>Os ingressos custaram dez euros &amp; as crianças entraram de graça.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

XLIFF_20 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="pt-BR">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>The festival drew 12,000 visitors to the old harbour.</source>
        <target>O festival atraiu 12.000 visitantes ao <pc id="1">antigo porto</pc>.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment>
        <source>The organisers thanked <pc id="1">Marta Quintela</pc> for the music.</source>
        <target>Os organizadores agradeceram à <pc id="1">cantora</pc> pela música.</target>
      </segment>
    </unit>
    <unit id="u3">
      <segment>
        <source>Tickets cost ten euros.</source>
        <target>Os ingressos custaram dez euros.</target>
      </segment>
      <segment>
        <source>Next year the festival will last four days.</source>
      </segment>
    </unit>
  </file>
</xliff>
'''


class Table:
    """The fake machine translation: :data:`MT`, remembering any sentence it lacks."""

    def __init__(self) -> None:
        self.missing: list[str] = []

    def __call__(self, text: str) -> str:
        if text not in MT:
            self.missing.append(text)
        return MT.get(text, text)


@pytest.fixture
def table() -> Table:
    return Table()


@pytest.fixture
def engine(table):
    cfg = Config(language="pt", variant="BR", review_file="", select=["A"])
    prov = Providers(cfg)
    prov.set("translator", TranslationService(FakeTranslator({("en", "pt"): table}), None, jobs=1))
    return Engine(cfg, providers=prov)


def lint(engine, path: Path):
    res = run([str(path)], engine.config, engine=engine)
    assert not res.errors and not res.skipped and not res.notes, (res.errors, res.skipped, res.notes)
    return res


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


def found(res) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in res.findings]


def test_po_planted_artifacts(engine, table, tmp_path):
    path = write(tmp_path, "artigo.po", PO_BAD)
    res = lint(engine, path)
    assert not table.missing, table.missing
    omitted = 'As crianças com menos de doze anos recebem o "\n"primeiro cartão de graça.'
    assert found(res) == [
        ("A103", "4.800"),
        ("A104", "A prefeita abriu o prédio na sexta-feira."),
        ("A101", omitted),
        ("A102", 'Leia também: as dez "\n"bibliotecas mais bonitas do país.'),
        # The omitted sentence ends its unit: the finding stays on that unit's sentence.
        ("A101", "O prédio custou dois milhões de reais."),
    ]
    assert_slices(res, path, PO_BAD)
    by = {(f.code, f.text): f for f in res.findings}
    assert "(4500)" in by["A103", "4.800"].message
    assert "Helena Duarte" in by["A104", "A prefeita abriu o prédio na sexta-feira."].message
    a101 = by["A101", omitted]
    assert a101.evidence["source"] == "It will open every day from nine in the morning."
    assert a101.evidence["source_path"] == str(path)
    assert a101.evidence["unit"].startswith("The library has three floors.")
    assert a101.line == 19  # the msgstr literal of the third entry, not a line of msgid
    assert by["A101", "O prédio custou dois milhões de reais."].evidence["source"] == "Work on it began in 2021."
    # The omitted sentence's number is not reported as missing from the sentence before it.
    assert not [f for f in res.findings if f.code == "A103" and "2021" in f.message]
    meta = res.documents[0].meta["source"]
    assert (meta["units"], meta["omitted"], meta["added"]) == (8, 2, 1)


def test_po_with_a_correct_translation_gives_no_a_finding(engine, table, tmp_path):
    res = lint(engine, write(tmp_path, "artigo.po", PO_GOOD))
    assert not table.missing, table.missing
    assert res.findings == []
    assert {"A101", "A102", "A103", "A104", "A105"} <= res.ran  # they ran, and found nothing
    assert res.documents[0].meta["source"]["pairs"] == 11


def test_po_source_term_missing(engine, tmp_path):
    """A105 reads the glossary's required terms on a unit's pair, like on a file's."""
    path = write(tmp_path, "termos.po", HEADER + (
        'msgid "Russia vetoed the plan at the Security Council."\n'
        'msgstr "A Rússia vetou o plano no Conselho de Seguridade."\n'))
    res = lint(engine, path)
    assert [(f.code, f.suggestion) for f in res.findings] == [("A105", "Conselho de Segurança")]
    assert_slices(res, path, path.read_text(encoding="utf-8"))


def test_xliff_12_planted_artifacts(engine, table, tmp_path):
    path = write(tmp_path, "festival.xlf", XLIFF_12)
    res = lint(engine, path)
    assert not table.missing, table.missing
    assert found(res) == [
        ("A103", "21.000"),
        ("A104", 'Os organizadores agradeceram à <g id="1">cantora</g> pela música.'),
        ("A101", "Os ingressos custaram dez euros &amp; as crianças entraram de graça."),
    ]
    assert_slices(res, path, XLIFF_12)
    assert [f.evidence["unit"] for f in res.findings] == ["t1", "t2", "t3"]
    assert res.findings[2].evidence["source"] == "Parking near the harbour was scarce."


def test_xliff_20_planted_artifacts(engine, table, tmp_path):
    """A 2.0 unit's segments are one unit: a segment left without a target is an omission."""
    path = write(tmp_path, "festival.xliff", XLIFF_20)
    res = lint(engine, path)
    assert not table.missing, table.missing
    assert found(res) == [
        ("A104", 'Os organizadores agradeceram à <pc id="1">cantora</pc> pela música.'),
        ("A101", "Os ingressos custaram dez euros."),
    ]
    assert_slices(res, path, XLIFF_20)
    assert res.findings[1].evidence["source"] == "Next year the festival will last four days."


def test_a_unit_whose_sentences_pair_nothing_is_one_pair(engine, tmp_path):
    """One sentence on each side that the machine translation does not resemble (a free
    translation): the file pairs them, so it is no omission plus addition; its numbers are
    still compared."""
    path = write(tmp_path, "livre.po", HEADER + (
        'msgid "Turnout beat every forecast this year, with 340 entries."\n'
        'msgstr "Ninguém esperava tanta gente: 430 pessoas se inscreveram."\n'))
    res = lint(engine, path)
    assert found(res) == [("A103", "430")]
    al = engine.providers.get("aligner").alignment(res.documents[0].prose)
    assert [(len(b.source), len(b.target)) for b in al.beads] == [(1, 1)]
    assert al.beads[0].score < 25  # below what the file alignment would pair


def test_no_bead_crosses_a_unit(engine, tmp_path):
    """Two units whose translations are swapped: a file alignment would pair across them; unit
    by unit, each is paired with its own source, and the numbers show the swap."""
    path = write(tmp_path, "trens.po", HEADER + (
        'msgid "The first train leaves at 6 o\'clock."\n'
        'msgstr "O último trem sai às 23 horas."\n\n'
        'msgid "The last train leaves at 23 o\'clock."\n'
        'msgstr "O primeiro trem sai às 6 horas."\n'))
    res = lint(engine, path)
    assert found(res) == [("A103", "23"), ("A103", "6")]
    al = engine.providers.get("aligner").alignment(res.documents[0].prose)
    assert all(b.unit is not None and b.target[0].start >= b.unit.start and b.target[-1].end <= b.unit.end
               for b in al.beads)


def test_a_unit_left_with_only_a_placeholder(engine, tmp_path):
    """A target that kept the placeholder and lost every word has no sentence to sit on: A101
    covers the whole unit (the placeholder's code in the file)."""
    raw = XLIFF_12.replace(
        "    </body>",
        '      <trans-unit id="t4">\n        <source>Photo by <ph id="1">{0}</ph> for the festival.</source>\n'
        '        <target><ph id="1">{0}</ph></target>\n      </trans-unit>\n    </body>')
    path = write(tmp_path, "foto.xlf", raw)
    res = lint(engine, path)
    last = res.findings[-1]
    assert (last.code, last.text, last.evidence["unit"]) == ("A101", '<ph id="1">{0}</ph>', "t4")
    assert_slices(res, path, raw)


def test_a_source_file_given_wins_over_the_units(table, tmp_path):
    """``--source`` pairs a PO file with a separate text: that text is its source, not msgid."""
    po = write(tmp_path, "artigo.po", HEADER + (
        'msgid "The rain stopped before the ceremony began."\n'
        'msgstr "A chuva parou antes de a cerimônia começar."\n'))
    src = write(tmp_path, "artigo.en.txt", "The building cost two million reais.\n")
    cfg = Config(language="pt", variant="BR", review_file="")
    prov = Providers(cfg)
    prov.set("translator", TranslationService(FakeTranslator({("en", "pt"): table}), None, jobs=1))
    aligner = Aligner.from_paths([str(po)], str(src), None, cfg).bind(prov)
    doc = load_document(po, language="pt", variant="BR")
    al = aligner.alignment(attach(doc))
    assert al.source_path == str(src) and all(b.unit is None for b in al.beads)
    # The English text shares nothing with the translation: an omission and an addition.
    assert sorted((len(b.source), len(b.target)) for b in al.beads) == [(0, 1), (1, 0)]


def test_plain_text_without_a_source_is_not_run(engine, tmp_path):
    """A .txt has no units: with no --source the A checks cannot run on it, and say so (the run
    exits 3 in the CLI, as before, when they were asked for)."""
    path = write(tmp_path, "artigo.txt", "A prefeita abriu o prédio na sexta-feira.\n")
    res = run([str(path)], engine.config, engine=engine)
    assert res.findings == [] and not res.errors
    assert {code for _p, code, _r in res.notes} == {"A101", "A102", "A103", "A104", "A105"}
    assert all(reason == NO_SOURCE for *_x, reason in res.notes)
    assert set(res.skipped) == {"A101", "A102", "A103", "A104", "A105"}
    assert not res.ran & set(res.skipped)


def test_plain_text_beside_a_po_file(engine, tmp_path):
    """In one run, the PO file is checked and the plain text is named in a note."""
    po = write(tmp_path, "artigo.po", PO_BAD)
    txt = write(tmp_path, "outro.txt", "A prefeita abriu o prédio na sexta-feira.\n")
    res = run([str(po), str(txt)], engine.config, engine=engine)
    assert {f.path for f in res.findings} == {str(po)} and len(res.findings) == 5
    assert {p for p, _c, _r in res.notes} == {str(txt)}
    assert not res.skipped


# --- the command line: a LibreTranslate-style server on 127.0.0.1 answers from MT -----------------


class Server:
    def __init__(self) -> None:
        self.texts: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(n).decode())
                text = form.get("q", [""])[0]
                server.texts.append(text)
                ok = form.get("source") == ["en"] and form.get("target") == ["pt"]
                body = json.dumps({"translatedText": MT.get(text, text) if ok else text}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


@pytest.fixture
def project(tmp_path, monkeypatch, server):
    """A folder with an mtqa.toml whose translator is the local server, as the working folder."""
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LIBRE_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)

    def make(extra: str = "") -> Path:
        (tmp_path / "mtqa.toml").write_text(
            f'language = "pt-BR"\nreview_file = ""\n{extra}\n'
            f'[roundtrip]\nbackend = "libre"\nurl = "{server.url}"\nretries = 0\n',
            encoding="utf-8")
        return tmp_path

    return make


@pytest.fixture
def mtqa_json(capsys):
    """``mtqa lint ARGS --format json`` in-process: (exit code, JSON output, stderr)."""
    from mtqa.cli import main

    def go(*args):
        with pytest.raises(SystemExit) as exc:
            main(["lint", *args, "--format", "json", "--no-progress"])
        cap = capsys.readouterr()
        return exc.value.code, json.loads(cap.out), cap.err

    return go


def test_cli_select_a_on_a_po_file(project, server, mtqa_json):
    folder = project()
    write(folder, "artigo.po", PO_BAD)
    code, out, err = mtqa_json("--select", "A", "artigo.po")
    assert code == 1, err
    assert [(f["code"], f["text"]) for f in out["findings"]][:2] == [
        ("A103", "4.800"), ("A104", "A prefeita abriu o prédio na sexta-feira.")]
    assert len(out["findings"]) == 5 and not out["errors"] and not out["skipped"]
    for f in out["findings"]:
        assert PO_BAD[f["start"] : f["end"]] == f["text"], f
    assert "The mayor, Helena Duarte, opened the building on Friday." in server.texts


def test_cli_checks_enabled_in_the_configuration(project, mtqa_json):
    """`extend_select = ["A"]` in mtqa.toml runs them with no flag, on XLIFF as on PO."""
    folder = project('extend_select = ["A"]')
    write(folder, "festival.xlf", XLIFF_12)
    code, out, err = mtqa_json("festival.xlf")
    assert code == 1, err
    codes = [f["code"] for f in out["findings"]]
    assert {"A101", "A103", "A104"} <= set(codes), codes
    for f in out["findings"]:
        assert XLIFF_12[f["start"] : f["end"]] == f["text"], f


def test_cli_select_a_on_plain_text_still_exits_3(project, mtqa_json):
    folder = project()
    write(folder, "artigo.txt", "A prefeita abriu o prédio na sexta-feira.\n")
    code, out, err = mtqa_json("--select", "A", "artigo.txt")
    assert code == 3, err
    assert out["findings"] == [] and {s["code"] for s in out["skipped"]} == {
        "A101", "A102", "A103", "A104", "A105"}
    assert "give --source or --pairs" in err


# --- the real offline model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bergamot(request):
    cfg = Config(language="pt", variant="BR", review_file="", select=["A"])
    cfg.roundtrip.cache = str(request.config.cache.mkdir("mtqa-roundtrip") / "t.sqlite3")
    prov = Providers(cfg)
    reason = prov.unavailable("translator")
    if reason:
        pytest.skip(reason)
    return Engine(cfg, providers=prov)


def test_bergamot_on_po_files(bergamot, tmp_path):
    bad = write(tmp_path, "ruim.po", PO_BAD)
    res = run([str(bad)], bergamot.config, engine=bergamot)
    assert not res.errors and not res.skipped, (res.errors, res.skipped)
    got = found(res)
    for expected in [("A103", "4.800"), ("A104", "A prefeita abriu o prédio na sexta-feira."),
                     ("A101", 'As crianças com menos de doze anos recebem o "\n"primeiro cartão de graça.'),
                     ("A101", "O prédio custou dois milhões de reais.")]:
        assert expected in got, got
    assert_slices(res, bad, PO_BAD)
    good = write(tmp_path, "bom.po", PO_GOOD)
    res = run([str(good)], bergamot.config, engine=bergamot)
    assert res.findings == [] and not res.errors
