"""The langid provider: backends, the fast function-word pass, variants and document metadata."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document
from mtqa.core.text import load_document
from mtqa.providers import Providers
from mtqa.providers.dictionary import WordSetDictionary
from mtqa.providers.langid import (
    FakeDetector,
    LangdetectDetector,
    LanguageIdentifier,
    LinguaDetector,
    function_word_scores,
    word_list,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
LABELLED = ROOT / "tests" / "data" / "langid" / "labelled.jsonl"

PT_PT_TEXT = (
    "O Governo está a preparar um novo pacote de apoio às famílias, disse o ministro. "
    "A equipa económica quer que as medidas entrem em vigor em janeiro, de facto, e o "
    "primeiro-ministro garantiu que o plano não vai aumentar a dívida. Os sindicatos estão a "
    "avaliar a proposta e a oposição considera que a resposta económica chega tarde."
)
PT_BR_TEXT = (
    "O governo está preparando um novo pacote de apoio às famílias, disse o ministro. "
    "A equipe econômica quer que as medidas entrem em vigor em janeiro, de fato, e o "
    "presidente garantiu que o plano não vai aumentar a dívida. Os sindicatos estão avaliando "
    "a proposta e a oposição considera que a resposta econômica chega tarde."
)


def ident(config: Config | None = None, **kw) -> LanguageIdentifier:
    return LanguageIdentifier(config or Config(), **kw)


# --- data ---------------------------------------------------------------------------------------


def test_word_lists_load_and_overlap_as_expected():
    pt, en = word_list("function_words.pt"), word_list("function_words.en")
    assert {"não", "uma", "pelo"} <= pt and {"the", "your", "here"} <= en
    assert "the" not in pt and "não" not in en
    assert "think tank" in word_list("loanwords.pt")


def test_shared_function_words_split_their_weight():
    scores = function_word_scores(["a", "the"], ("pt", "en", "it", "es"))
    assert scores["en"] == pytest.approx(1.25)
    assert scores["pt"] == pytest.approx(0.25)


def test_labelled_set_is_large_varied_and_well_formed():
    items = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    assert len(items) >= 150
    langs = {i["lang"] for i in items}
    assert langs == {"pt", "en", "it", "es"}
    assert sum(len(i["text"].split()) <= 5 for i in items) >= 40
    assert {i["kind"] for i in items} >= {"sentence", "heading", "fragment", "mixed"}
    assert any(i["source"].startswith("seeds/") for i in items)
    assert any(i["source"] == "written" for i in items)
    assert len({i["text"] for i in items}) == len(items), "duplicate segments"


# --- backends -----------------------------------------------------------------------------------


def test_langdetect_is_seeded_and_repeatable():
    text = "Os dois países assinaram um acordo"
    a = [LangdetectDetector(("pt", "en", "it", "es")).probabilities(text) for _ in range(3)]
    assert a[0] == a[1] == a[2]
    assert a[0][0][0] == "pt"


def test_langdetect_only_answers_with_candidates():
    probs = LangdetectDetector(("pt", "en")).probabilities("Il governo italiano ha approvato il decreto")
    assert {lang for lang, _ in probs} <= {"pt", "en"}


def test_lingua_is_restricted_and_loaded_once_per_process():
    a = LinguaDetector(("pt", "en", "it", "es"))
    b = LinguaDetector(("es", "it", "en", "pt"))
    probs = a.probabilities("Please enter your comment!")
    assert probs[0][0] == "en"
    assert {lang for lang, _ in probs} <= {"pt", "en", "it", "es"}
    b.probabilities("texto")
    assert a._detector is b._detector


def test_unknown_backend_is_a_clear_error():
    cfg = Config()
    cfg.langid.backend = "nope"
    with pytest.raises(ProviderUnavailable, match="unknown backend 'nope'"):
        LanguageIdentifier(cfg)


def test_factory_is_registered_and_lazy():
    providers = Providers(Config())
    langid = providers.get("langid")
    assert isinstance(langid, LanguageIdentifier)
    assert langid._backend is None  # no model loaded until a segment needs it
    assert langid.signature().startswith("lingua-")
    assert langid._backend._detector is None


def test_lingua_is_not_imported_for_document_detection():
    import subprocess

    code = (
        "import sys\n"
        "from mtqa.core.config import Config\n"
        "from mtqa.core.text import load_document\n"
        "from mtqa.providers.langid import LanguageIdentifier\n"
        "cfg = Config(language='pt', variant='BR')\n"
        "doc = load_document('seeds/002_e57ce89f42530d5f.txt')\n"
        "LanguageIdentifier(cfg).annotate_document(doc, cfg)\n"
        "assert doc.meta['detected_language'] == 'it', doc.meta\n"
        "print('lingua' in sys.modules, 'langdetect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


# --- decisions ----------------------------------------------------------------------------------


def test_detect_normalises_over_the_candidates():
    fake = FakeDetector({"bonjour à tous": "fr"}, default="pt", confidence=0.6)
    li = ident(backend=fake)
    assert li.detect("bonjour à tous").language == ""  # not a candidate
    det = li.detect("qualquer coisa")
    assert det.language == "pt" and det.confidence == pytest.approx(1.0) and det.method == "fake"
    assert li.backend_calls == 2


@pytest.mark.parametrize(
    ("name", "lang"),
    [("000_26149f8cb7f5af0b.txt", "pt"), ("002_e57ce89f42530d5f.txt", "it"),
     ("003_6d09a7d39efd0df2.txt", "en"), ("004_b801d8a6ae706049.txt", "pt")],
)
def test_documents_are_decided_by_function_words(name, lang):
    fake = FakeDetector(default="es")
    det = ident(backend=fake).detect_document(load_document(SEEDS / name))
    assert det.language == lang
    assert det.confidence >= 0.9
    assert det.method == "function-words"
    assert fake.calls == []


def test_short_documents_go_to_the_backend():
    fake = FakeDetector({"Leggi anche": "it"})
    det = ident(backend=fake).detect_document(Document("x", "Leggi anche"))
    assert det.language == "it" and fake.calls == ["Leggi anche"]


def test_quick_pass_needs_function_words():
    li = ident(backend=FakeDetector())
    assert li.quick("Kim Jong Un") is None
    q = li.quick("Please enter your name here")
    assert q is not None and q.language == "en"


# --- variants -----------------------------------------------------------------------------------


def test_variant_from_a_word_list_double():
    d = WordSetDictionary({
        "pt_BR": {"econômica", "equipe", "fato", "o", "de"},
        "pt_PT": {"económica", "equipa", "facto", "o", "de"},
        "en_US": {"the"},
    })
    li = ident(backend=FakeDetector(), dictionary=d)
    v = li.detect_variant(Document("x", PT_PT_TEXT))
    assert v is not None and v[0] == "PT" and "económica" in v[2]["PT"]
    v = li.detect_variant(Document("x", PT_BR_TEXT))
    assert v is not None and v[0] == "BR"


def test_variant_with_hunspell():
    li = ident(backend=FakeDetector())
    if li.dictionary is None or not li.dictionary.has("pt", "PT"):
        pytest.skip("hunspell pt dictionaries not installed")
    pt = li.detect_variant(Document("x", PT_PT_TEXT))
    br = li.detect_variant(Document("x", PT_BR_TEXT))
    assert pt is not None and pt[0] == "PT" and any("está a" in e or "estão a" in e for e in pt[2]["PT"])
    assert br is not None and br[0] == "BR"
    assert li.detect_variant(load_document(SEEDS / "004_b801d8a6ae706049.txt"))[0] == "BR"


def test_variant_without_evidence_is_none():
    d = WordSetDictionary({"pt_BR": {"casa"}, "pt_PT": {"casa"}})
    assert ident(backend=FakeDetector(), dictionary=d).detect_variant(Document("x", "a casa")) is None


def test_variant_from_marker_words_both_dictionaries_accept():
    """pt_BR hunspell accepts 'equipa' and 'golo'; the marker lists still tell pt-PT, place names
    count case-insensitively, a word counts once, and 'irão' (a verb in both) is no marker."""
    both = {"a", "equipa", "marcou", "o", "golo", "em", "moscovo", "irão", "jogar", "amanhã", "time",
            "gol", "fez", "moscou", "eles"}
    d = WordSetDictionary({"pt_BR": both, "pt_PT": both})
    li = ident(backend=FakeDetector(), dictionary=d)
    v = li.detect_variant(Document("x", "A equipa marcou o golo em Moscovo. A equipa marcou o golo."))
    assert v is not None and v[0] == "PT" and v[2] == {"PT": ["equipa", "golo", "moscovo"]}
    v = li.detect_variant(Document("x", "O time fez o gol em Moscou. Eles irão jogar amanhã em Moscou."))
    assert v is None  # 'moscou' once, 'irão' not a marker: one vote is no evidence
    v = li.detect_variant(Document("x", "Eles irão jogar amanhã, e a equipa marcou o golo."))
    assert v is not None and v[2] == {"PT": ["equipa", "golo"]}


def test_a_tie_is_no_variant():
    d = WordSetDictionary({"pt_BR": {"a", "equipa", "de", "futsal"}, "pt_PT": {"a", "equipa", "de"}})
    li = ident(backend=FakeDetector(), dictionary=d)
    assert li.detect_variant(Document("x", "A equipa de futsal.")) is None


# --- annotate_document --------------------------------------------------------------------------


def test_annotate_without_configuration_sets_language_and_variant():
    cfg = Config()
    doc = Document("x", PT_PT_TEXT)
    ident(cfg, backend=FakeDetector()).annotate_document(doc, cfg)
    assert doc.meta["detected_language"] == "pt"
    assert doc.meta["language_confidence"] >= 0.9
    assert doc.language == "pt"
    if "detected_variant" in doc.meta:  # needs the hunspell pt_BR/pt_PT lists
        assert doc.meta["detected_variant"] == "PT" and doc.variant == "PT"
    json.dumps(doc.meta)  # reports serialise it


def test_annotate_with_configuration_records_but_does_not_override():
    cfg = Config(language="pt", variant="BR")
    doc = load_document(SEEDS / "002_e57ce89f42530d5f.txt", language="pt", variant="BR")
    ident(cfg, backend=FakeDetector()).annotate_document(doc, cfg)
    assert doc.meta["detected_language"] == "it"
    assert doc.language == "pt" and doc.variant == "BR"


def test_engine_prepare_calls_the_provider():
    from mtqa.engine.runner import Engine

    cfg = Config()
    fake = FakeDetector()
    engine = Engine(cfg, checks=[], providers=Providers(cfg, {"langid": ident(cfg, backend=fake)}))
    doc = load_document(SEEDS / "003_6d09a7d39efd0df2.txt")
    engine.check_document(doc)
    assert doc.language == "en" and doc.meta["detected_language"] == "en"
    assert fake.calls == []


# --- accuracy (measured on the labelled set; floors a little under the measured values) -------


def _accuracy(backend: str) -> tuple[float, float]:
    cfg = Config()
    cfg.langid.backend = backend
    li = LanguageIdentifier(cfg)
    items = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    ok = [li.detect(i["text"]).language == i["lang"] for i in items]
    short = [o for o, i in zip(ok, items, strict=True) if len(i["text"].split()) <= 5]
    return sum(ok) / len(ok), sum(short) / len(short)


def test_default_backend_is_the_more_accurate_one():
    default = Config().langid.backend
    other = "langdetect" if default == "lingua" else "lingua"
    acc_d, short_d = _accuracy(default)
    acc_o, short_o = _accuracy(other)
    assert acc_d >= acc_o and short_d >= short_o
    assert acc_d >= 0.95 and short_d >= 0.9


def test_a_candidate_without_function_words_leaves_documents_to_the_backend():
    cfg = Config(language="fr")
    fake = FakeDetector(default="fr")
    li = ident(cfg, backend=fake)
    assert "fr" in li.candidates
    det = li.detect_document(Document("x", "Le gouvernement a annoncé un plan.\nIl entre en vigueur."))
    assert det.language == "fr" and len(fake.calls) == 2


def test_forget_answers_keeps_the_model_and_drops_the_memo():
    from mtqa.core.config import Config
    from mtqa.providers import Providers

    cfg = Config(language="pt", variant="BR")
    providers = Providers(cfg)
    assert providers.built("langid") is None
    reason = providers.unavailable("langid")
    if reason:
        pytest.skip(reason)
    langid = providers.built("langid")
    if langid.backend_name != "lingua":
        pytest.skip("the memo belongs to the lingua backend")
    text = "O presidente falou com os jornalistas."
    first = langid.backend.probabilities(text)
    assert text in langid.backend._answers
    langid.forget_answers()
    assert text not in langid.backend._answers
    again = langid.backend.probabilities(text)  # asked again: the model is still loaded
    assert [lang for lang, _ in again] == [lang for lang, _ in first]
    assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(again, first, strict=True))
