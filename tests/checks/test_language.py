"""Language checks L101-L104 on the seeds, on the clean guard corpus and on written cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.checks import CheckContext, all_checks
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.core.text import load_document
from mtqa.engine.runner import Engine
from mtqa.providers import Providers
from mtqa.providers.langid import FakeDetector, LanguageIdentifier

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GUARD = ROOT / "tests" / "guard" / "pt_BR"
L_CHECKS = [c for c in all_checks() if c.code.startswith("L")]


@pytest.fixture(scope="module")
def providers() -> Providers:
    p = Providers(Config(language="pt", variant="BR"))
    for need in ("dictionary", "langid"):
        reason = p.unavailable(need)
        if reason:
            pytest.skip(reason)
    return p


def lint(doc: Document, providers: Providers, config: Config | None = None):
    cfg = config or Config(language="pt", variant="BR")
    engine = Engine(cfg, checks=L_CHECKS, providers=providers)
    return engine.check_document(doc)


def seed(name: str) -> Document:
    return load_document(next(SEEDS.glob(name + "_*.txt")))


def line_of(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


# --- the seeds ----------------------------------------------------------------------------------


def test_001_english_comment_form(providers):
    doc = seed("001")
    found = {(f.code, f.text) for f in lint(doc, providers)}
    assert ("L102", "LEAVE A REPLY") in found
    assert ("L102", "Please enter your comment!") in found
    assert ("L102", "Please enter your name here") in found


def test_002_is_italian_and_its_english_prompt_is_flagged(providers):
    doc = seed("002")
    findings = lint(doc, providers)
    l101 = [f for f in findings if f.code == "L101"]
    assert len(l101) == 1 and "Italian" in l101[0].message and line_of(doc, l101[0].start) == 1
    assert l101[0].evidence["detected_language"] == "it"
    prompt = [f for f in findings if f.code == "L102"]
    assert [f.text.replace("\xa0", " ") for f in prompt] == ["For Latest Updates Follow us on Google News"]
    assert "English" in prompt[0].message and "Italian" in prompt[0].message
    # The Italian lines are not each reported again as "not Portuguese".
    assert len(findings) == 2


def test_003_is_english_and_its_portuguese_keyword_lines_are_flagged(providers):
    doc = seed("003")
    findings = lint(doc, providers)
    l101 = [f for f in findings if f.code == "L101"]
    assert len(l101) == 1 and "English" in l101[0].message
    flagged = {f.text for f in findings if f.code == "L102"}
    assert {"globo com ao vivo", "o globo jornal", "jornal da globo", "uol conteúdo",
            "resultado certo rs"} <= flagged
    assert all(line_of(doc, f.start) >= 61 for f in findings if f.code == "L102")


def test_004_possessive(providers):
    doc = seed("004")
    hits = [f for f in lint(doc, providers) if f.code == "L104"]
    assert [(f.start, f.end, f.text) for f in hits] == [(15, 17, "‘s")]
    assert hits[0].evidence["stem"] == "Norte"


def test_000_has_no_language_findings(providers):
    assert lint(seed("000"), providers) == []


def test_every_finding_says_language_and_confidence(providers):
    for p in sorted(SEEDS.glob("*.txt")):
        for f in lint(load_document(p), providers):
            assert f.evidence and f.evidence.get("detected_language")
            assert 0 < f.evidence["confidence"] <= 1
            assert "confidence" in f.message or "dictionaries" in f.message, f.message


def test_no_target_language_reports_nothing_and_records_metadata(providers):
    cfg = Config()
    for name, lang in (("002", "it"), ("003", "en"), ("004", "pt")):
        doc = seed(name)
        findings = lint(doc, Providers(cfg), cfg)
        assert not [f for f in findings if f.code == "L101"]
        assert doc.meta["detected_language"] == lang and doc.language == lang
    assert seed("004").meta == {}  # a fresh load has no metadata until the engine prepares it


# --- the guard corpus ---------------------------------------------------------------------------


def test_guard_corpus_is_nearly_silent(providers):
    files = sorted(GUARD.glob("*.txt"))
    assert files
    words = 0
    findings = []
    for p in files:
        doc = load_document(p)
        words += doc.word_count
        findings += lint(doc, providers)
    rate = 1000 * len(findings) / words
    assert rate <= 1.0, [(f.path, f.line, f.code, f.text) for f in findings]


def test_clean_documents_never_reach_the_statistical_detector():
    cfg = Config(language="pt", variant="BR")
    fake = FakeDetector(default="en")  # would flag everything it saw
    providers = Providers(cfg, {"langid": LanguageIdentifier(cfg, backend=fake)})
    if providers.unavailable("dictionary"):
        pytest.skip("no dictionary")
    for p in sorted(GUARD.glob("*.txt")) + [SEEDS / "000_26149f8cb7f5af0b.txt"]:
        lint(load_document(p), providers, cfg)
    assert fake.calls == []


# --- written cases ------------------------------------------------------------------------------

NAMES_AND_LOANS = [
    "O chefe do Kremlin, Vladimir Putin, recebeu Lavrov em Wonsan, segundo a KCNA.",
    "Caças F-16 chegaram à Ucrânia, informou o think tank americano.",
    "O show foi transmitido online e por streaming para todo o país.",
    "A startup adotou o home office e combate as fake news com checagem.",
    "O jornal The New York Times e o Bank of America publicaram análises.",
    "A banda Pink Floyd lançou The Dark Side of the Moon em 1973.",
    "O Rock in Rio anunciou as atrações do Palco Mundo.",
    "Ele almoçou no McDonald's da avenida Paulista com a equipe do Itaú.",
    "O filme “The Last of Us” estreou no streaming na sexta-feira.",
    "O Institute for National Security Strategy, ligado ao serviço secreto, divulgou o estudo.",
    "Ela trabalha com marketing digital e faz lives no Instagram.",
    "O fundo de private equity comprou a rede de farmácias e formou uma joint venture.",
    "O bar oferece happy hour, e o evento terá coffee break e open bar.",
    "O safety car entrou na pista e a equipe fez o pit stop; o time ganhou o prêmio de fair play do campeonato.",
    "Ele faz day trade pelo home broker; a empresa usa machine learning e big data.",
    "Kim Jong Un e Vladimir Putin",
    "Leia mais: Putin visita a Coreia do Norte",
]

ENGLISH_FRAGMENTS = [
    ("A agência informou que the talks began na quarta-feira.", "the talks began"),
    ("O ministro disse que a decisão foi tomada by the council na semana passada.", "by the council"),
    ("O país está under heavy sanctions desde 2017, disse o relatório.", "under heavy sanctions"),
    ("A reunião foi muito produtiva and very useful para os dois países.", "and very useful"),
]


@pytest.mark.parametrize("text", NAMES_AND_LOANS)
def test_names_acronyms_and_loanwords_do_not_fire(text, providers):
    body = ("O governo anunciou hoje um novo plano para a economia do país, com medidas "
            "para o emprego e a renda.\n\n")
    assert lint(Document("x", body + text), providers) == []


@pytest.mark.parametrize(("text", "span"), ENGLISH_FRAGMENTS)
def test_english_fragments_fire(text, span, providers):
    body = ("O governo anunciou hoje um novo plano para a economia do país, com medidas "
            "para o emprego e a renda.\n\n")
    found = [(f.code, f.text) for f in lint(Document("x", body + text), providers)]
    assert found == [("L103", span)]


def test_a_whole_english_sentence_is_l102_not_l103(providers):
    text = ("O acordo foi assinado em Pyongyang na quarta-feira, segundo a agência estatal. "
            "It could mark the strongest link between Moscow and Pyongyang since the Cold War.")
    found = [(f.code, f.text) for f in lint(Document("x", text), providers)]
    assert found == [("L102", "It could mark the strongest link between Moscow and Pyongyang since the Cold War.")]


def test_a_word_the_document_repeats_is_its_vocabulary(providers):
    text = ("O governo criou o programa de cashback para consumidores.\n\n"
            "O cashback será pago em março, disse o ministro.")
    assert lint(Document("x", text), providers) == []


def test_degenerate_documents_do_not_crash(providers):
    for text in ("123 456", ".", "Kim", "“”", "\ufeffLEAVE"):
        lint(Document("x", text), providers)


def test_checks_run_without_engine_preparation(providers):
    """The generic example test calls checks directly; they detect on demand."""
    doc = seed("002")
    doc.language, doc.variant = "pt", "BR"
    ctx = CheckContext(Config(language="pt", variant="BR"), providers)
    check = next(c for c in L_CHECKS if c.code == "L101")
    assert len(check.run(doc, ctx)) == 1


def test_a_short_mixed_document_keeps_its_majority_language(providers):
    """A detector given the whole text answers Spanish with 0.99; line votes keep it Portuguese."""
    text = ("O governo anunciou hoje um novo plano para a economia do país, com medidas para o "
            "emprego e a renda.\nLee también: el acuerdo entre Rusia y Corea del Norte")
    doc = Document("x", text)
    found = [(f.code, f.text) for f in lint(doc, providers)]
    assert found == [("L102", "Lee también: el acuerdo entre Rusia y Corea del Norte")]
    assert doc.meta["detected_language"] == "pt"


def test_linting_a_clean_article_does_not_load_a_model():
    """The fast pass decides every segment of a clean article: lingua is never imported."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from mtqa.core.config import Config\n"
        "from mtqa.engine.runner import run\n"
        "res = run(['seeds/000_26149f8cb7f5af0b.txt', 'tests/guard/pt_BR'], "
        "Config(language='pt', variant='BR', select=['L']), use_review=False)\n"
        "assert not res.errors, res.errors\n"
        "print(len(res.findings), 'lingua' in sys.modules, 'langdetect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    n, lingua, langdetect = out.stdout.split()
    assert (lingua, langdetect) == ("False", "False"), out.stdout
