"""Brand, product and jargon entries (glossaries/en-pt/brands.yaml, the jargon and word-sense
entries of house_style.yaml) and G120: they fire on translated names and wrong senses, and stay
silent on the ordinary Portuguese words they are made of. All texts here are our own writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.core import glossary as g
from mtqa.core.config import Config
from mtqa.engine.runner import run

ROOT = Path(__file__).resolve().parents[2]
BRANDS = ROOT / "glossaries" / "en-pt" / "brands.yaml"
HOUSE = ROOT / "glossaries" / "en-pt" / "house_style.yaml"
CODES = ["G105", "G107", "G108", "G120"]

#: Every trap word of the entries in its ordinary sense (pt-BR).
CLEAN_BR = """\
A receita leva biscoitos de chocolate, manteiga e açúcar; a padaria vende bolachas recheadas.
O guincho levou o carro no reboque até o pátio da concessionária, na rodovia.
O vírus depende de um hospedeiro para se multiplicar nas células do organismo.
A torneira da cozinha pinga água desde ontem, e o encanador só vem amanhã.
O mosquito é um inseto que transmite a dengue; o alfaiate fez um remendo na calça.
Os fãs da banda lotaram o estádio para ouvir as canções do novo disco.
O patrão negou o aumento de salário aos funcionários da empresa.
Os comerciantes da feira reclamaram do aluguel das lojas no centro.
O menino foi à praia de calções e voltou de bermudas novas.
O cabeçalho da página mostra o logotipo do jornal.
O gerente da agência do banco atendeu os clientes pela manhã.
O grevista pediu reajuste do salário na porta da fábrica, com o sindicato.
O noivo escolheu a gravata do terno para a festa de casamento.
O interruptor de luz da sala quebrou, e o eletricista trocou a tomada.
As equipes de resgate chegaram ao local do deslizamento.
A Palavra de Deus foi lida na igreja pelo padre.
O céu azul de Brasília atraiu turistas no feriado.
O porto de Santos bateu recorde de cargas neste ano.
O juiz concedeu um prazo pequeno para a defesa apresentar os documentos.
Mais um segundo servidor público depôs na comissão.
A construção 2024 do estádio atrasou por causa da chuva.
A corrida de touros de Pamplona atraiu milhares de turistas à praça.
O candidato fez um comício para apoiadores no centro da cidade, e o mercado abriu em alta.
O urso do zoológico fugiu durante a tempestade.
As fotos da viagem ficaram no Google Fotos, e o texto passou pelo Google Tradutor.
A nova temporada de Fortnite Capítulo 5 começou com mapa novo.
O Manchester United venceu o Manchester City na Premier League; a Liga dos Campeões recomeça.
O atacante marcou de cabeça nos acréscimos, e o time venceu a disputa de pênaltis.
A Rainha Elizabeth visitou o palácio de Buckingham em 1990.
A CNN Brasil e a BBC News Brasil noticiaram o acordo; a Xbox Series X ficou mais barata.
O Microsoft Teams, o Word e o Edge ganharam recursos com o Copilot.
A Nintendo confirmou o Switch 2, e o Super Mario Bros. Wonder vendeu bem.
O remake de Super Mario RPG saiu em novembro; Mário Soares foi presidente de Portugal.
As ações da Alphabet, dona do Google, subiram 3% na Nasdaq.
O bitcoin rompeu a resistência de US$ 70 mil e testou o suporte de US$ 65 mil.
A média móvel de 200 dias serve de suporte no curto prazo.
A Microsoft liberou a compilação 22635 do Windows 11 para os Insiders.
Execute Get-ADUser no PowerShell para listar as contas.
O lugar reservado ao árbitro na tribuna ficou vazio durante o jogo.
O gestor do fundo vendeu as ações; o gerente do clube social renovou o contrato do bar.
A fratura do osso exigiu cirurgia, e a convalescença do paciente foi longa.
O rascunho do texto foi revisado, e a semente de soja foi plantada em outubro.
O poste de luz caiu na rua, e a alça da mochila arrebentou.
O litro da gasolina subiu no posto, segundo a Petrobras.
A operadora está cobrando a mais pelo plano do celular.
A pista de atletismo do estádio foi reformada para o torneio.
O cantor é solteiro e não tem filhos; a mãe dele mora em Minas.
A libertação dos reféns ocorreu ontem, depois de meses de negociação.
O tomo da enciclopédia tem mil páginas.
O tubarão tem barbatanas enormes, e o cozinheiro preparou a sopa.
"""

#: European Portuguese, with the same traps.
CLEAN_PT = """\
A equipa de resgate chegou ao local, e os adeptos aplaudiram o treinador no relvado.
O avançado marcou de cabeça na primeira mão da eliminatória, e o guarda-redes defendeu um penálti.
O gerente do hotel recebeu os hóspedes; o patrão da fábrica reuniu-se com os trabalhadores.
Os miúdos foram à praia de calções, e a torneira da casa de banho avariou.
O clube lidera a classificação com três pontos de vantagem, segundo a imprensa desportiva.
A bolacha de chocolate é o lanche preferido das crianças da escola.
O Governo aprovou o orçamento, e o Presidente da República promulgou o diploma.
"""


def _findings(tmp_path, text, variant):
    f = tmp_path / "t.txt"
    f.write_text(text, encoding="utf-8")
    cfg = Config(language="pt", variant=variant, select=CODES, review_file="")
    result = run([str(f)], cfg, use_review=False)
    assert not result.errors
    assert not {c for c in result.skipped if c in CODES}, result.skipped
    return result.findings


@pytest.mark.parametrize(("text", "variant"), [(CLEAN_BR, "BR"), (CLEAN_BR, ""), (CLEAN_PT, "PT"), (CLEAN_PT, "")],
                         ids=["br", "br-detected", "pt", "pt-detected"])
def test_trap_words_in_their_ordinary_sense_are_silent(tmp_path, text, variant):
    found = _findings(tmp_path, text, variant)
    assert found == [], "\n".join(f"{f.line}: {f.code} {f.text!r}" for f in found)


def test_translated_names_and_jargon_fire(tmp_path):
    text = (
        "Em entrevista à CBS Notícias, o senador criticou o plano.\n"
        "Os jogadores esperam pelo Interruptor OLED novo.\n"
        "A reunião foi pelo Microsoft Equipes e o texto ficou no Microsoft Palavra.\n"
        "Execute Obter-ADUser para listar as contas.\n"
        "O atacante marcou de cabeçalho após cruzamento da direita.\n"
        "O jogo está à venda na PlayStation Loja por R$ 99.\n"
    )
    found = _findings(tmp_path, text, "BR")
    lines = {f.line for f in found}
    assert lines == set(range(1, 7)), [(f.line, f.code, f.text) for f in found]
    by_text = {f.text: f for f in found}
    assert by_text["CBS Notícias"].suggestion == "CBS News"
    assert by_text["Interruptor"].suggestion == "Switch"
    assert "PlayStation Loja" in by_text


def test_every_brand_and_jargon_entry_has_examples_both_ways():
    entries = [e for p in (BRANDS, HOUSE) for e in g.load_file(p, cache=False).entries]
    assert len(entries) >= 80
    for e in entries:
        assert any(x.fires for x in e.examples), e.id
        assert any(not x.fires for x in e.examples), e.id
        for ex in e.examples:
            ok, why = g.run_example(e, ex)
            assert ok, why


def test_brands_file_is_loaded_with_the_shipped_glossaries():
    ids = {e.id for gl in g.load_shipped() for e in gl.entries}
    assert {"dnt-news-brand-translated", "dnt-nintendo-switch", "jargon-stop-code-translated"} <= ids
