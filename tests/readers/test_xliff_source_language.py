"""An XLIFF file declares the language of its sources (1.2 ``source-language``, 2.0 ``srcLang``);
the source-aware checks translate from that language, not from English."""

from __future__ import annotations

from mtqa.core.config import Config
from mtqa.engine.runner import Engine, run
from mtqa.providers import Providers
from mtqa.providers.translate import FakeTranslator, TranslationService

XLIFF_ES = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="es-ES" target-language="pt-BR" datatype="plaintext" original="nota">
    <body>
      <trans-unit id="u1">
        <source>El museo recibió 8.000 visitantes en mayo.</source>
        <target>O museu recebeu 3.000 visitantes em maio.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''
XLIFF_20_ES = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" trgLang="pt-BR">
  <file id="f1"><unit id="u1"><segment>
    <source>El museo recibió 8.000 visitantes en mayo.</source>
    <target>O museu recebeu 3.000 visitantes em maio.</target>
  </segment></unit></file>
</xliff>
'''
MT = {"El museo recibió 8.000 visitantes en mayo.": "O museu recebeu 8.000 visitantes em maio."}


def _engine(pairs):
    cfg = Config(language="pt", variant="BR", review_file="", select=["A103"])
    prov = Providers(cfg)
    fake = FakeTranslator({p: MT for p in pairs}, pairs=pairs)
    prov.set("translator", TranslationService(fake, None, jobs=1))
    return Engine(cfg, providers=prov), fake


def test_the_declared_source_language_is_translated_from(tmp_path):
    for name, text in (("nota.xlf", XLIFF_ES), ("nota2.xlf", XLIFF_20_ES)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        engine, fake = _engine([("es", "pt")])
        res = run([str(path)], engine.config, engine=engine)
        assert [(f.code, f.text) for f in res.findings] == [("A103", "3.000")], (name, res.skipped)
        assert fake.calls == 1
        assert res.documents[0].meta["source_language"] == "es"


def test_no_model_for_the_declared_language_says_so(tmp_path):
    path = tmp_path / "nota.xlf"
    path.write_text(XLIFF_ES, encoding="utf-8")
    engine, fake = _engine([("en", "pt")])  # English only: the Spanish sources cannot be read
    res = run([str(path)], engine.config, engine=engine)
    assert res.findings == [] and fake.calls == 0
    assert "es->pt" in res.skipped.get("A103", "")
