"""Round-trip checks: the diff and its filters, and the real engine on the seeds and guard corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.checks import CheckContext
from mtqa.checks import roundtrip as rt
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.core.text import load_document
from mtqa.providers import Providers
from mtqa.providers.cache import MemoryCache
from mtqa.providers.dictionary import WordSetDictionary
from mtqa.providers.translate import FakeTranslator, TranslationService

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GUARD = ROOT / "tests" / "guard" / "pt_BR"


def test_person_change():
    assert rt.person_change("falei", "falou")
    assert rt.person_change("falamos", "falaram")
    assert not rt.person_change("pode", "podem")  # number within the third person: paraphrase
    assert not rt.person_change("coreano", "coreana")  # nouns and adjectives in -o are not verbs
    assert not rt.person_change("falou", "disse")
    # the present of -uir/-air verbs ends in an unaccented -ui/-ai; their preterite is "incluí"
    assert not rt.person_change("inclui", "incluiu")
    assert not rt.person_change("sai", "saiu")
    assert rt.person_change("parti", "partiu")


def test_word_changes_filters():
    known = {"o", "líder", "visitou", "a", "coreia", "do", "norte", "ontem", "enfatiza",
             "estressa", "aliança", "kim", "falou", "falei", "com", "putin"}

    def is_known(w):
        return w.lower() in known

    orig = "O líder visitou a Coréia do Norte ontem"
    back = "O líder visitou a Coreia do Norte ontem"
    (ch,) = rt.word_changes(orig, back, 100, known=is_known)
    assert (ch.start, ch.end, ch.word, ch.suggestion) == (118, 124, "Coréia", "Coreia")
    assert "unknown" in ch.reasons and "accent" in ch.reasons
    # A synonym of a known word is paraphrase: no reason to keep it.
    (ch,) = rt.word_changes("Kim estressa a aliança", "Kim enfatiza a aliança", known=is_known)
    assert ch.reasons == []
    # ... unless it looks like the English word it came from (a false friend).
    (ch,) = rt.word_changes("Kim estressa a aliança", "Kim enfatiza a aliança",
                            pivot="Kim stresses the alliance", known=lambda w: True)
    assert ch.reasons == ["false_friend"]
    # Reordering and dropped articles are not changes.
    assert rt.word_changes("Putin falou com Kim ontem", "Ontem Putin falou com o Kim",
                           known=is_known) == []
    # First person for a third-person subject, outside quotations.
    (ch,) = rt.word_changes("Putin falei com Kim", "Putin falou com Kim", known=is_known)
    assert "person" in ch.reasons
    assert rt.word_changes("Putin disse: “falei com Kim”", "Putin disse: “falou com Kim”",
                           known=is_known)[0].reasons == ["spelling"]  # spelling is not a default filter


def _ctx_with_fake(table, words):
    cfg = Config(language="pt", variant="BR")
    svc = TranslationService(FakeTranslator(table), MemoryCache(), jobs=1)
    providers = Providers(cfg, {"translator": svc,
                                "dictionary": WordSetDictionary({"pt_BR": words})})
    return CheckContext(cfg, providers), svc


def test_checks_with_a_fake_translator():
    text = "O líder visitou a Coréia do Norte ontem à noite com a comitiva."
    back = "O líder visitou a Coreia do Norte ontem à noite com a comitiva."
    words = set("o líder visitou a coreia do norte ontem à noite com comitiva".split())
    ctx, svc = _ctx_with_fake({("pt", "en"): lambda t: "EN:" + t,
                               ("en", "pt"): lambda t: back}, words)
    doc = Document("d.txt", text, language="pt", variant="BR")
    hits = list(rt.roundtrip_repair.run(doc, ctx))
    assert [(text[h.start:h.end], h.suggestion) for h in hits] == [("Coréia", "Coreia")]
    assert list(rt.roundtrip_low_similarity.run(doc, ctx)) == []
    assert doc.meta["roundtrip"]["signatures"]["chrf"].startswith("nrefs:1")
    assert doc.meta["roundtrip"]["corpus"]["chrf"] > 90
    # The round trip is computed once per document and shared by both checks.
    assert svc.translated == 2


def test_low_similarity_threshold_from_config():
    text = "Ele disse que a reunião terminou bem e que todos saíram satisfeitos dali."
    ctx, _ = _ctx_with_fake({("en", "pt"): lambda t: "Nada a ver com isso, sinceramente, meu caro."},
                            set(w.strip(".,").lower() for w in text.split()))
    doc = Document("d.txt", text, language="pt")
    (hit,) = rt.roundtrip_low_similarity.run(doc, ctx)
    assert (hit.start, hit.end) == (0, len(text))
    ctx.config.roundtrip.min_chrf = 1.0
    doc2 = Document("d.txt", text, language="pt")
    assert list(rt.roundtrip_low_similarity.run(doc2, ctx)) == []


def test_sentences_in_another_language_are_left_out():
    words = set("o líder visitou a coreia do norte".split())
    ctx, svc = _ctx_with_fake({}, words)
    doc = Document("d.txt", "O líder visitou a Coreia do Norte. The leader visited the North.",
                   language="pt")
    trip = rt.document_trip(doc, ctx)
    assert [s.segment.text for s in trip.sentences] == ["O líder visitou a Coreia do Norte."]
    assert trip.skipped == 1


# --- the real engine (Bergamot, offline) ----------------------------------------------------------


@pytest.fixture(scope="module")
def real_ctx(request):
    # Translations persist in pytest's cache folder (keyed by model version, so never stale):
    # the first run translates the seeds and the guard corpus (~45 s on two cores), later runs
    # read them back.
    cfg = Config(language="pt", variant="BR")
    cfg.roundtrip.cache = str(request.config.cache.mkdir("mtqa-roundtrip") / "t.sqlite3")
    providers = Providers(cfg)
    for need in ("translator", "dictionary"):
        reason = providers.unavailable(need)
        if reason:
            pytest.skip(reason)
    return CheckContext(cfg, providers)


def _hits(path: Path, ctx) -> list[tuple[int, int, str, str | None]]:
    doc = load_document(path, language="pt", variant="BR")
    return [(h.start, h.end, doc.text[h.start:h.end], h.suggestion)
            for h in rt.roundtrip_repair.run(doc, ctx)]


def test_seeds_repairs_at_the_gold_spans(real_ctx):
    gold = [json.loads(x) for x in (ROOT / "eval/gold/seeds.jsonl").read_text().splitlines() if x]
    found = {}
    for f in sorted(SEEDS.glob("*.txt")):
        for s, e, _text, sugg in _hits(f, real_ctx):
            found[(f.name, s, e)] = sugg
    def at(word, sugg):
        spans = [(g["file"], g["start"], g["end"]) for g in gold if g["text"] == word]
        return [k for k in spans if found.get(k) == sugg]
    assert at("estressa", "enfatiza")
    assert at("Moscow", "Moscou")
    assert at("falei", "falou")
    assert len(at("Coréia", "Coreia")) >= 10


def test_garbled_sentence_ranks_in_the_lowest_third(real_ctx):
    doc = load_document(next(SEEDS.glob("000_*.txt")), language="pt", variant="BR")
    trip = rt.document_trip(doc, real_ctx)
    ranked = sorted(trip.sentences, key=lambda s: s.score)
    pos = next(i for i, s in enumerate(ranked) if "Senhor Putin falei" in s.segment.text)
    assert pos < len(ranked) / 3, [(round(s.score, 1), s.segment.text[:40]) for s in ranked]


def test_guard_corpus_stays_silent(real_ctx):
    files = sorted(GUARD.glob("*.txt"))
    assert files
    noisy = {f.name: _hits(f, real_ctx) for f in files}
    assert {k: v for k, v in noisy.items() if v} == {}
    for f in files:
        doc = load_document(f, language="pt", variant="BR")
        assert list(rt.roundtrip_low_similarity.run(doc, real_ctx)) == [], f.name


# --- R104 names translated word by word (no model: the pivot and the way back are given) -------

_PT = {"o", "estúdio", "lançou", "guerra", "moderna", "em", "a", "empresa", "usa", "escritório", "desde",
       "março", "jovem", "guarda", "voltou", "à", "cena", "super", "mario", "casa", "branca"}
_EN = {"the", "studio", "released", "call", "of", "duty", "modern", "warfare", "in", "company", "uses",
       "office", "since", "march", "young", "guard", "returned", "to", "scene", "super", "white", "house"}


def _names(original, back, pivot):
    return [(original[a:b], name) for a, b, name in rt.translated_names(
        original, back, pivot, known=lambda w: w.lower() in _PT, pivot_known=lambda w: w.lower() in _EN)]


def test_r104_name_partly_left_in_english():
    assert _names("O estúdio lançou Call of Duty Guerra Moderna em 2019.",
                  "O estúdio lançou Call of Duty Modern Warfare em 2019.",
                  "The studio released Call of Duty Modern Warfare in 2019.") == [("Guerra Moderna", "Modern Warfare")]


def test_r104_name_before_a_number():
    assert _names("A empresa usa o Escritório 365 desde março.",
                  "A empresa usa o Office 365 desde março.",
                  "The company uses Office 365 since March.") == [("Escritório", "Office")]


def test_r104_portuguese_name_kept_in_english_on_the_way_back_stays_silent():
    # The engine keeps a Portuguese name in English on the way back too; with no foreign word
    # around it and no number after it, that is no evidence of a translated name.
    assert _names("A Jovem Guarda voltou à cena.", "A Young Guard voltou à cena.",
                  "The Young Guard returned to the scene.") == []


def test_r104_established_portuguese_name_stays_silent():
    assert _names("A Casa Branca desde março.", "A Casa Branca desde março.", "The White House since March.") == []
