"""L105-L117 on longer texts of our own writing: clean pt-BR and pt-PT news full of loanwords,
names, titles and sports formats that must stay silent, and a made-up machine-translated page
with one artifact of each class."""

from __future__ import annotations

import pytest

from mtqa.checks import all_checks
from mtqa.checks.language import _common_english, _lemmas
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.engine.runner import Engine
from mtqa.providers import Providers

L_CHECKS = [c for c in all_checks() if c.code.startswith("L")]
NEW = {f"L{n}" for n in range(105, 118)}


@pytest.fixture(scope="module")
def providers() -> Providers:
    p = Providers(Config(language="pt", variant="BR"))
    for need in ("dictionary", "langid"):
        reason = p.unavailable(need)
        if reason:
            pytest.skip(reason)
    return p


def lint(text: str, providers: Providers, variant: str | None = "BR"):
    cfg = Config(language="pt", variant=variant) if variant else Config()
    engine = Engine(cfg, checks=L_CHECKS, providers=providers if variant else Providers(cfg))
    return engine.check_document(Document("x", text))


CLEAN_BR = {
    "games": (
        "Mercado de games cresce no Brasil e atrai investidores estrangeiros\n\n"
        "SÃO PAULO — O mercado brasileiro de jogos eletrônicos movimentou R$ 13 bilhões no ano "
        "passado, segundo a pesquisa divulgada nesta terça-feira. O público gamer já passa de 100 "
        "milhões de pessoas, e o celular é a principal plataforma.\n\n"
        "Os eSports também ganharam espaço. A final do campeonato de League of Legends lotou o "
        "ginásio, e a transmissão no Twitch e no YouTube teve picos de 800 mil espectadores. "
        "Para o analista, o setor vive um boom: o modelo free-to-play, com microtransações e "
        "passes de batalha, mudou a economia dos jogos, e as apostas online, as chamadas bets, "
        "preocupam o governo.\n\n"
        "Na feira, as empresas devem anunciar lançamentos, com uma área dedicada ao cosplay e um "
        "remake de um clássico dos anos 1990."
    ),
    "startup": (
        "Startup de Florianópolis capta R$ 50 milhões para expandir software de gestão\n\n"
        "A startup anunciou uma rodada de R$ 50 milhões liderada por um fundo de venture capital. "
        "A empresa oferece um software como serviço (SaaS) com controle de estoque e um dashboard "
        "de vendas. “Nosso churn caiu pela metade”, disse o CEO. Depois do boom, muitas empresas "
        "fizeram layoffs, e o valuation das startups caiu.\n\n"
        "A rodada teve a participação de investidores-anjo e de um family office paulista. A "
        "empresa planeja usar um chatbot treinado nos dados dos clientes e um sistema cashless."
    ),
    "festival": (
        "Festival reúne rock, pop e sertanejo em Curitiba\n\n"
        "O line-up inclui a banda americana The Killers, a cantora Anitta e o grupo Titãs. Os "
        "pacotes VIP têm open bar e meet and greet com os artistas. O palco principal terá shows "
        "de heavy metal na sexta-feira, e no domingo a orquestra toca “Hey Jude” e “Let It Be”. "
        "Bandas de indie rock se apresentam no palco alternativo, e a transmissão ao vivo sai "
        "pelo streaming oficial. Simon and Garfunkel e Queens of the Stone Age também foram "
        "lembrados, assim como o Rock in Rio."
    ),
    "f1": (
        "Verstappen larga na pole e Hamilton sai em terceiro\n\n"
        "Max Verstappen marcou 1min10s270 e garantiu a pole position. O safety car entrou duas "
        "vezes, e a direção de prova investigou um incidente no pit lane. Na corrida sprint, "
        "Norris venceu depois de um undercut, e a McLaren fez um pit stop de 2,1 segundos. "
        "Verstappen reclamou do porpoising nas retas e do tráfego no warm-up. O carro chegou a "
        "320 km/h, e a prova de 1800 s terminou às 15h30min."
    ),
    "mercado": (
        "Copom mantém a Selic e sinaliza cautela\n\n"
        "O Produto Interno Bruto (PIB) cresceu 0,8%, e o Fundo Monetário Internacional (FMI) "
        "revisou a previsão. Analistas do JPMorgan e do Itaú BBA esperam estabilidade, e a Moody's "
        "e a S&P reavaliam a nota do país. O McDonald's fechou lojas, e a Sotheby's leiloou um "
        "quadro. O PSD, o SPD alemão e o PDS votaram contra.\n\n"
        "Foto: Ana Lima/Reuters\n\nPor Ana Lima, de Brasília"
    ),
    "cinema": (
        "Mostra de cinema exibe clássicos e estreias\n\n"
        "A programação inclui “Cidade de Deus” e “Past Lives”. Os fãs de terror terão slashers "
        "dos anos 1980 e um filme de found footage; a série “The Last of Us”, adaptação do game, "
        "será debatida. The Economist e The New Yorker elogiaram o filme, e In vitro, o "
        "documentário, estreia na Black Friday, antes da Cyber Monday."
    ),
    "congresso": (
        "Congresso de cardiologia reúne médicos em Salvador\n\n"
        "I congresso regional de cardiologia reuniu 2 mil médicos. In loco, os participantes "
        "visitaram hospitais. A síndrome de Down e a doença de Parkinson foram temas de mesas, e "
        "o evento lembrou o livro Journey through the Past e o programa Dancing with the Stars.\n\n"
        "Down é o sobrenome do médico inglês que descreveu a síndrome. Stand by Me tocou na "
        "abertura, e a banda Made in Brazil fechou a noite."
    ),
}

CLEAN_PT = {
    "websummit": (
        "Web Summit regressa a Lisboa com mais de 70 mil participantes\n\n"
        "A cimeira tecnológica abre esta segunda-feira no Parque das Nações. O presidente "
        "executivo disse à agência Lusa que Lisboa se tornou um hub para empreendedores. Os "
        "investidores de capital de risco terão encontros num formato de speed dating. Uma "
        "startup de Braga apresentou uma aplicação de telemóvel para gerir o stresse no trabalho, "
        "e o facto de a equipa ter vencido em Itália foi lembrado. Muitas empresas recorreram ao "
        "lay-off durante a pandemia."
    ),
    "futebol": (
        "Sporting vence o FC Porto e isola-se na liderança\n\n"
        "O Sporting venceu o FC Porto por 2-1 e ficou com cinco pontos de vantagem. O treinador "
        "elogiou a equipa na flash interview. O VAR anulou um golo ao Porto por fora de jogo, e os "
        "adeptos assobiaram o árbitro. O clássico está marcado para sábado, às 20h30. A NATO "
        "reuniu-se em Bruxelas, e o CCP, o Código dos Contratos Públicos, foi revisto.\n\n"
        "Fotografia: Ana Lima/Lusa"
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN_BR))
def test_clean_pt_br_is_silent(name, providers):
    found = [(f.code, f.text) for f in lint(CLEAN_BR[name], providers)]
    assert found == []


@pytest.mark.parametrize("name", sorted(CLEAN_PT))
@pytest.mark.parametrize("variant", ["PT", None])
def test_clean_pt_pt_is_silent_forced_and_detected(name, variant, providers):
    found = [(f.code, f.text) for f in lint(CLEAN_PT[name], providers, variant)]
    assert found == []


MT_PAGE = (
    "Prefeitura inaugura parque com pista de skate e quadras no bairro\n\n"
    "O parque terá bancos de madeira, quadras cobertas e uma fonte rounded no centro, segundo "
    "a secretaria, que não informou o custo total da obra.\n"
    "(Foto: João Reis/AFP through Agência Estado)\n"
    "O bairro cresceu muito na década de 1980 S, e de novo nos 1990s.\n"
    "Os moradores pediram uma k itchen comunitária para os eventos do fim de semana.\n"
    "O Plano de Ações Urbanas (PAU) foi aprovado, mas o UAP ainda não saiu do papel.\n"
    "Photo: Prefeitura\n"
    "VEJATambém as fotos da inauguração no site da prefeitura.\n"
    "Cada quiosque terá uma powerbank para carregar celulares.\n"
    "A tempestade da semana passada trouxe ventos de 60 mph ao litoral.\n"
    "A segunda fase será entregue em 15 de November, disse o prefeito.\n"
    "A Samsung 's nova loja fica na esquina do parque.\n"
    "Os vereadores aprovaram o projeto. The prefeito assinou o decreto na segunda-feira.\n"
    "Segundo Mr. Costa, engenheiro da obra, o parque abre às 6h.\n"
)
MT_EXPECTED = {
    ("L105", "rounded"),
    ("L106", "through"),
    ("L108", "1980 S"),
    ("L108", "1990s"),
    ("L107", "k itchen"),
    ("L109", "UAP"),
    ("L110", "Photo"),
    ("L111", "VEJATambém"),
    ("L112", "powerbank"),
    ("L113", "mph"),
    ("L114", "November"),
    ("L115", " 's"),
    ("L116", "The"),
    ("L117", "Mr."),
}


def test_a_machine_translated_page_shows_each_class(providers):
    found = {(f.code, f.text) for f in lint(MT_PAGE, providers) if f.code in NEW}
    assert found == MT_EXPECTED


def test_every_new_finding_carries_language_evidence(providers):
    for f in lint(MT_PAGE, providers):
        assert f.evidence and f.evidence.get("detected_language")
        assert 0 < f.evidence["confidence"] <= 1


def test_rare_english_words_fire_only_beside_everyday_english(providers):
    body = ("O governo anunciou hoje um novo plano para a economia do país, com medidas para o "
            "emprego e a renda.\n\n")
    alone = body + "A empresa mediu o churn dos clientes no trimestre."
    assert [f.code for f in lint(alone, providers)] == []
    beside = alone + "\nO relatório trouxe a knowledge completa sobre o caso."
    assert {(f.code, f.text) for f in lint(beside, providers)} == {("L105", "churn"),
                                                                 ("L105", "knowledge")}


def test_a_two_word_english_term_fires_even_when_repeated(providers):
    text = ("O governo anunciou hoje um novo plano para a economia do país, com medidas para o "
            "emprego e a renda.\n\nConsulte a price list antes da compra. Depois de ler as "
            "price lists, escolha o plano.")
    found = [(f.code, f.text) for f in lint(text, providers)]
    assert found == [("L105", "price list"), ("L105", "price lists")]


def test_a_single_english_word_the_text_repeats_is_its_term(providers):
    text = ("O governo anunciou hoje um novo plano para a economia do país.\n\n"
            "O knowledge será pago em março. O knowledge chega depois.")
    assert [f.code for f in lint(text, providers) if f.code == "L105"] == []


def test_quoted_and_glossed_words_are_silent(providers):
    body = "O governo anunciou hoje um novo plano para a economia do país, com medidas.\n\n"
    for line in ("A palavra “knowledge” vem do inglês antigo.",
                 "O chamado knowledge gap preocupa os analistas.",
                 "O termo em inglês, knowledge, aparece no relatório.",
                 "Veja o site exemplo.com/knowledge para saber mais."):
        assert [f.code for f in lint(body + line, providers)] == [], line


@pytest.mark.parametrize(("word", "base"), [
    ("rounded", "round"), ("tracks", "track"), ("stopped", "stop"), ("studies", "study"),
    ("boxes", "box"), ("quickly", "quick"), ("bigger", "big"),
])
def test_lemmas(word, base):
    assert base in _lemmas(word)


def test_everyday_english_list():
    assert _common_english("knowledge") and _common_english("rounded")
    assert not _common_english("churn") and not _common_english("porpoising")
    assert _common_english("glamorous") and _common_english("wearably")  # by their endings


# A single English function word between Portuguese words is a fragment left untranslated;
# function words inside a name or a loan phrase are part of it.
LONE_FUNCTION_WORDS = [
    ("O cantor é very popular entre os jovens do interior.", "very"),
    ("O time jogou against o líder e perdeu por dois a zero.", "against"),
    ("A prefeitura vai reformar a praça with recursos do estado.", "with"),
    ("Os moradores reclamam about o barulho das obras na avenida.", "about"),
]


@pytest.mark.parametrize(("text", "word"), LONE_FUNCTION_WORDS)
def test_a_lone_english_function_word_fires(text, word, providers):
    found = [(f.code, f.text) for f in lint(text, providers)]
    assert any(code == "L103" and word in t for code, t in found), found


NAMES_AND_LOAN_PHRASES = [
    "O jogo Indiana Jones and the Great Circle chegou ao catálogo, e o show de rock and roll lotou.",
    "A banda Queens of the Stone Age toca no festival, que terá meet and greet com os fãs.",
    "O Bank of America e a Procter and Gamble divulgaram balanços nesta quinta-feira.",
]


@pytest.mark.parametrize("text", NAMES_AND_LOAN_PHRASES)
def test_function_words_inside_names_and_loan_phrases_are_silent(text, providers):
    assert [(f.code, f.text) for f in lint(text, providers)] == []
