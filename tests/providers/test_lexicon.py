"""The gender lexicon read from the annotated European Portuguese hunspell list."""

from __future__ import annotations

import json
import os
import pickle

import pytest

from mtqa.core.errors import ProviderUnavailable
from mtqa.providers import lexicon
from mtqa.providers.lexicon import LEXICON_PATHS, GenderLexicon, parse_genders, parse_lexicon

LINES = [
    "44258\n",
    ",\t[CAT=punct1a]\n",
    "combate/p\t[CAT=nc,G=m,N=s]\n",
    "guerra/pEO\t[CAT=nc,G=f,N=s]\n",
    "capital\t[CAT=adj,N=s,G=_]\n",
    "capital\t[CAT=nc,G=f,N=s]\n",
    "polícia/p\t[CAT=nc,G=f,N=s]\n",
    "polícia/p\t[CAT=nc,G=m,N=s]\n",
    "jornalista/p\t[CAT=nc,G=_,N=s]\n",
    "presidente/p\t[CAT=a_nc,G=m,N=s]\n",
    "combater/XYZ\t[CAT=v,T=inf,TR=t]\n",
    "semflags\n",
]


def test_only_nouns_of_one_gender_get_one():
    g = parse_genders(LINES)
    assert g == {"combate": "m", "guerra": "f"}


def test_adjectives_and_verbs():
    lines = LINES + [
        "contínuo/fpS\t[CAT=a_nc,G=m,N=s]\n",
        "limpo/fp\t[CAT=adj,N=s,G=m]\n",
        "limpar/XYZ\t[CAT=v,T=inf,TR=t]\n",
        "político/pfH\t[CAT=a_nc,G=m,N=s]\n",
        "política/p\t[CAT=nc,G=f,N=s]\n",
    ]
    data = parse_lexicon(lines)
    assert {"contínuo", "limpo", "político"} <= data.adjectives and "combater" in data.verbs
    lex = GenderLexicon(*data)
    assert lex.feminine_singular_adjective("contínua")
    assert not lex.feminine_singular_adjective("limpa")  # also 'limpar' in the 3rd person
    assert not lex.feminine_singular_adjective("política")  # a noun of its own
    assert not lex.feminine_singular_adjective("guerra")


def test_a_broken_annotation_names_the_file_and_line():
    with pytest.raises(ProviderUnavailable, match=r"lexicon: x\.dic:2: unclosed annotation"):
        parse_genders(["combate/p\t[CAT=nc,G=m,N=s]\n", "guerra\t[CAT=nc,G=f\n"], "x.dic")


def test_cache_is_used_and_renewed_when_the_list_changes(tmp_path):
    dic = tmp_path / "pt_PT.dic"
    dic.write_text("".join(LINES), encoding="utf-8")
    cache = tmp_path / "cache" / "lexicon-pt.json"
    assert GenderLexicon.load(dic, cache).gender("combate") == "m"
    assert cache.is_file()
    # the cache answers while the list is unchanged ...
    dic_stat = dic.stat()
    assert GenderLexicon.load(dic, cache).gender("guerra") == "f"
    # ... and a changed list (new size and time) is parsed again
    dic.write_text("".join(LINES) + "ataque/p\t[CAT=nc,G=m,N=s]\n", encoding="utf-8")
    os.utime(dic, ns=(dic_stat.st_atime_ns, dic_stat.st_mtime_ns + 10**9))
    assert GenderLexicon.load(dic, cache).gender("ataque") == "m"


def test_a_foreign_cache_file_is_ignored(tmp_path):
    dic = tmp_path / "pt_PT.dic"
    dic.write_text("".join(LINES), encoding="utf-8")
    cache = tmp_path / "lexicon-pt.json"
    cache.write_bytes(b"not json")
    assert GenderLexicon.load(dic, cache).gender("guerra") == "f"


def _stamp(dic):
    st = dic.stat()
    return [lexicon.CACHE_VERSION, str(dic), st.st_size, st.st_mtime_ns]


def test_the_cache_is_json_and_gives_the_same_lexicon(tmp_path):
    dic = tmp_path / "pt_PT.dic"
    dic.write_text("".join(LINES) + "contínuo/fpS\t[CAT=a_nc,G=m,N=s]\n", encoding="utf-8")
    cache = tmp_path / "lexicon-pt.json"
    fresh = GenderLexicon(*parse_lexicon(LINES + ["contínuo/fpS\t[CAT=a_nc,G=m,N=s]\n"]))
    GenderLexicon.load(dic, cache)
    saved = json.loads(cache.read_text(encoding="utf-8"))
    assert saved["format"] == "mtqa-lexicon" and saved["stamp"] == _stamp(dic)
    cached = lexicon._read_cache(cache, _stamp(dic))
    assert cached is not None
    assert GenderLexicon(*cached).__dict__ == fresh.__dict__


def _forged(dic, **changes):
    d = {"format": "mtqa-lexicon", "stamp": _stamp(dic), "genders": {"guerra": "m"},
         "nominal_extra": {}, "adjectives": [], "verbs": [], "invariable_adjectives": [],
         "ordinals": [], "infinitive_nouns": []}
    d.update(changes)
    return json.dumps(d)


@pytest.mark.parametrize(
    "change",
    [
        {"genders": {"guerra": ["m"]}},  # a value of the wrong type
        {"genders": {"guerra": "x"}},  # not a gender
        {"genders": ["guerra"]},
        {"nominal_extra": {"": "m"}},  # an empty word
        {"verbs": ["limpar", 3]},
        {"verbs": "limpar"},
        {"ordinals": ["x" * 101]},  # longer than any word
        {"stamp": [lexicon.CACHE_VERSION, "other.dic", 1, 1]},  # of another list
        {"format": "something else"},
        {"extra_key": 1},
    ],
)
def test_a_forged_cache_file_is_ignored(tmp_path, change):
    """Each field is checked: one wrong field and the list is parsed again ('guerra' is 'f')."""
    dic = tmp_path / "pt_PT.dic"
    dic.write_text("".join(LINES), encoding="utf-8")
    cache = tmp_path / "lexicon-pt.json"
    cache.write_text(_forged(dic), encoding="utf-8")
    assert GenderLexicon.load(dic, cache).gender("guerra") == "m"  # the well-formed one is read
    cache.write_text(_forged(dic, **change), encoding="utf-8")
    assert GenderLexicon.load(dic, cache).gender("guerra") == "f"


def test_a_planted_pickle_oversized_file_fifo_or_symlink_is_not_read(tmp_path, monkeypatch):
    dic = tmp_path / "pt_PT.dic"
    dic.write_text("".join(LINES), encoding="utf-8")
    cache = tmp_path / "lexicon-pt.json"
    marker = tmp_path / "ran"
    cache.write_bytes(pickle.dumps(_Payload(str(marker))))
    assert GenderLexicon.load(dic, cache).gender("guerra") == "f" and not marker.exists()
    # too large: not even parsed
    monkeypatch.setattr(lexicon, "CACHE_MAX_BYTES", 100)
    cache.write_text(_forged(dic), encoding="utf-8")
    assert len(cache.read_bytes()) > 100
    assert lexicon._read_cache(cache, _stamp(dic)) is None
    monkeypatch.undo()
    # a symlink to a well-formed file elsewhere, and a FIFO (opening it must not block)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(_forged(dic), encoding="utf-8")
    cache.unlink()
    cache.symlink_to(elsewhere)
    assert lexicon._read_cache(cache, _stamp(dic)) is None
    cache.unlink()
    os.mkfifo(cache)
    assert lexicon._read_cache(cache, _stamp(dic)) is None


class _Payload:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.makedirs, (self.marker,))


def test_missing_or_binary_list_is_a_clear_error(tmp_path):
    with pytest.raises(ProviderUnavailable, match="cannot read"):
        GenderLexicon.load(tmp_path / "missing.dic")
    bad = tmp_path / "bad.dic"
    bad.write_bytes(b"combate\t[CAT=nc,G=m]\n\xff\xfe\n")
    with pytest.raises(ProviderUnavailable, match="is not UTF-8"):
        GenderLexicon.load(bad)


@pytest.mark.skipif(not any(p.is_file() for p in LEXICON_PATHS["pt"]), reason="hunspell-pt-pt not installed")
def test_the_installed_list_gives_genders():
    lex = GenderLexicon.load(next(p for p in LEXICON_PATHS["pt"] if p.is_file()))
    assert len(lex) > 10_000
    assert (lex.gender("combate"), lex.gender("guerra"), lex.gender("sistema")) == ("m", "f", "m")
    assert lex.gender("presidente") is None  # also an adjective
    assert lex.gender("jornalista") is None  # either gender


def test_without_the_list_v102_is_skipped_with_the_reason_and_the_rest_runs(monkeypatch, tmp_path):
    from mtqa.checks import get_check
    from mtqa.core.config import Config
    from mtqa.core.model import Document
    from mtqa.engine.runner import Engine
    from mtqa.providers import Providers, lexicon

    monkeypatch.setattr(lexicon, "LEXICON_PATHS", {"pt": (tmp_path / "pt_PT.dic",)})
    cfg = Config(language="pt", variant="BR")
    engine = Engine(cfg, checks=[get_check("V102"), get_check("S101")], providers=Providers(cfg))
    doc = Document("a.txt", "O líder norte -coreano falou sobre à combate.", language="pt", variant="BR")
    assert [f.code for f in engine.check_document(doc)] == ["S101"]
    assert "hunspell-pt-pt" in engine.skipped["V102"]


def test_likely_gender_of_derived_nouns():
    """Nouns the list derives by a suffix rule get their suffix's gender; listed words keep theirs."""
    lx = GenderLexicon({"momento": "m", "coração": "m"})
    assert lx.likely_gender("pagamento") == "m" and lx.likely_gender("socialismo") == "m"
    assert lx.likely_gender("reformulação") == "f" and lx.likely_gender("coração") == "m"
    assert lx.likely_gender("cimo") is None and lx.likely_gender("mento") is None
