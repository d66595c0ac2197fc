"""Capitalization classes (U104-U112) on longer texts of our own writing: the artifacts each
check is meant for, and clean Brazilian and European Portuguese full of the things that look
like them (names that are common words, titles of works, institutions, Lusa-style capitals,
lists, brands)."""

from __future__ import annotations

import pytest

from mtqa.checks import get_check
from mtqa.core.model import Document
from tests.checks._rules import context, run_checks

CODES = ("U101", "U103", "U104", "U105", "U106", "U107", "U108", "U109", "U110", "U111", "U112")

CLEAN_BR_NEWS = 'Governo anuncia pacote para a indústria naval\n\nPor Carla Mendes Rosa, de Niterói\n\nO governo federal anunciou nesta segunda-feira um pacote de R$ 3 bilhões para estaleiros do Rio de Janeiro. Segundo o ministro Rui Costa, as obras começam em março. A Vale e a Petrobras devem participar; a Caixa Econômica Federal financiará parte do programa.\n\n"Não vamos recuar", disse Costa. "Foi uma decisão técnica." O presidente Lula, que esteve em Itaguaí, afirmou que o setor "vai voltar a crescer".\n\nO pacote inclui: crédito para pequenas empresas; redução de tarifas; e treinamento de mão de obra.\n\nEm entrevista ao Jornal Nacional, o economista Paulo Salgado disse que o plano é bom. Salgado trabalhou no BNDES por dez anos. Para a professora Maria Amado, da UFRJ, faltam detalhes. Amado estuda o setor desde 2005.\n\nA cantora Marisa Monte, que lançou o disco Portas em 2021, fará show na cidade. O filme Ainda Estou Aqui, de Walter Salles, será exibido na praça. A série Cidade Invisível estreia nova temporada. Fernanda Torres estrelou Ainda Estou Aqui e foi indicada ao Oscar.\n\nOs interessados devem enviar e-mail para o endereço do programa. iPhone, Android e eBay aparecem na lista. O site gov.br. tem mais informações.\n\nO Flamengo venceu o Vasco por 2 a 1, e o Fluminense empatou. No Maracanã, o público foi de 60 mil pessoas. O técnico Tite elogiou a equipe; o atacante Pedro fez os dois gols.\n\nMoradores de São Tomé e Príncipe, Trinidad e Tobago e Bósnia e Herzegovina participaram. A Ordem dos Advogados do Brasil e a Associação Brasileira de Imprensa assinaram a nota.\n\nEla fala inglês, francês e alemão. As aulas de Inglês começam em abril. O governo americano e a União Europeia discutem tarifas. O Instituto Francês e a Aliança Francesa oferecem cursos.\n\nA PF deflagrou a Operação Lava Jato em 2014. A Operação Falso Profeta prendeu cinco pessoas. Foi a maior operação do ano.\n\nNa Bahia, dona Graça Salvador vende acarajé no Rio Vermelho há 30 anos. Seu Pinto, como é conhecido, vende cocada.\n\nO prazo termina às 18h. Depois disso, não há inscrições.\n'

CLEAN_BR_NAMES = 'A reunião terminou tarde. Participaram o prefeito e a vereadora, além de moradores do bairro Cidade Nova.\n\nO zagueiro Leão voltou ao time; Coelho ficou no banco. Na segunda etapa, entrou Pereira no lugar de Ramos, e o jogo mudou.\n\nA romancista lançou Silêncio de pedra na Bienal. O grupo Raiz cantou sucessos antigos. Quem venceu foi Estrela da Manhã, escola de samba de Niterói.\n\nA mostra reúne obras de Tarsila do Amaral e de Portinari. Visitamos Paraty e Ouro Preto nas férias, e depois Gramado e Canela.\n\nO empresário vendeu Natura e comprou ações da Vale; a Gol reduziu voos. A rede Magazine Luiza abriu lojas, e a fabricante Embraer entregou jatos.\n\nO evento aconteceu no largo do Pelourinho, onde tocou Olodum com convidados. Quem passou por lá viu Gilberto Gil e ouviu Caetano.\n\nOntem choveu forte em Santos e em Campinas; hoje, Belém amanheceu com sol. O rio Tietê subiu, e Sorriso, no Mato Grosso, colheu soja.\n\nEm campanha, a deputada visitou Esperança e Alegrete, cidades do interior. A candidata Marina Silva prometeu investimentos.\n\nO festival homenageia Clarice Lispector. No palco, brilhou Fátima Bernardes, e depois cantou Ivete Sangalo.\n\nA decisão coube ao relator, que votou contra. Também votaram contra Fux e Mendonça; Dino acompanhou o relator.\n\nO novo modelo do Galaxy chega em maio. Quem usa Android recebe atualização automática, e quem usa iOS precisa baixar o aplicativo.\n'

CLEAN_PT_LUSA = 'Presidente da República promulga diploma da habitação\n\nO Presidente da República promulgou hoje o diploma do Governo sobre habitação, anunciou Belém. Marcelo Rebelo de Sousa considerou que o Parlamento "fez um bom trabalho".\n\nSegundo a Lusa, o Primeiro-Ministro, Luís Montenegro, disse que o Executivo vai avançar com novas medidas em Setembro. O Ministro das Finanças apresentou o Orçamento do Estado na Assembleia da República.\n\nO Irão anunciou hoje que irá retomar as negociações. Teerão e Washington irão reunir-se em Omã. Os Estados Unidos irão enviar uma delegação.\n\nO Sporting venceu o FC Porto por 2-1 em Alvalade; o Benfica empatou em Braga. O Vitória de Guimarães perdeu. Gyökeres marcou aos 34 minutos.\n\nO Metropolitano de Lisboa reforça a Linha Vermelha. A CP suprimiu comboios na Linha do Norte.\n\nEm declarações à agência Lusa, o investigador do Instituto Superior Técnico explicou que "a situação é grave". O curso de Medicina teve a média mais alta; a licenciatura em Engenharia Aeroespacial ficou em segundo.\n\nA secção de Cultura do Público noticiou a estreia. O festival decorre no Cinema São Jorge, na Avenida da Liberdade.\n'


CLEAN_BR_AGENDA = 'Agenda da semana: shows, teatro e cinema\n\nPor Lívia Prado\n\nNa sexta-feira, a banda Os Paralamas do Sucesso toca no Circo Voador. No sábado, a Orquestra Sinfônica Brasileira apresenta Villa-Lobos no Theatro Municipal. A Globo exibe Vai na Fé às 19h; o SBT reprisa Chaves no fim da tarde.\n\nO espetáculo Tudo Que Move É Sagrado estreia no Sesc Pompeia. Quem gosta de humor pode ver o stand-up de Fábio Porchat, que faz temporada em São Paulo.\n\nNo cinema, a Paris Filmes lança Quando Éramos Reis. A distribuidora também relança O Auto da Compadecida em cópia restaurada. A crítica elogiou Saudade Fez Morada Aqui Dentro, exibido no festival.\n\nServiço:\n\n- Circo Voador: sexta, às 22h. Ingressos a partir de R$ 80.\n- Theatro Municipal: sábado, às 20h.\n- Sesc Pompeia: de quinta a domingo.\n\nComo baixar o aplicativo\n\n1. Abra a loja de aplicativos do celular.\n2. Procure por "Agenda Cultural" e toque em Instalar.\n3. Depois, toque em Abrir e faça login com seu e-mail.\n\nNa tabela do Brasileiro, o Palmeiras lidera com 60 pontos, seguido por Botafogo e Flamengo. A Portuguesa venceu o Juventus pela Série A2 do Paulista. O Corinthians recebe o Vasco no domingo; o Grêmio visita o Internacional.\n\nO ex-jogador Zico, o Galinho de Quintino, participou do evento. Ao lado dele, o técnico Abel Ferreira disse que "futebol é detalhe". Segundo Ferreira, o time está pronto.\n\nO app está disponível para Android e iOS. A empresa, que atua no Brasil desde 2015, tem escritórios em São Paulo e em Lisboa. etc.\n\nEla trabalhou na Folha e no Estadão antes de chegar à Veja. Ontem, a Veja publicou a entrevista. A revista Piauí também.\n'

CLEAN_PT_POLITICS = 'Governo aprova plano para a ferrovia; oposição critica\n\nO Conselho de Ministros aprovou hoje o plano ferroviário, anunciou o Governo em comunicado. O ministro das Infraestruturas disse que as obras arrancam em 2025.\n\nSegundo a CP, a Linha do Oeste será eletrificada; a Linha da Beira Baixa recebe novos comboios. O Presidente da Câmara de Coimbra saudou a decisão.\n\n«É um passo importante», afirmou o autarca. «Não é tudo, mas é muito.»\n\nO PSD e o PS votaram a favor; o Chega e a IL abstiveram-se. O Bloco de Esquerda votou contra.\n\nEm Setembro, o Parlamento debate o Orçamento do Estado. A proposta prevê 2 mil milhões de euros para a ferrovia.\n\nNo desporto, o Benfica venceu o Sporting de Braga por 3-0 na Luz. Di María marcou de grande penalidade; Pavlidis bisou. O Vitória de Guimarães empatou em Arouca.\n\nO realizador português estreou o filme Grand Tour em Cannes. A longa-metragem foi produzida pela Uma Pedra no Sapato. O actor interpreta um funcionário público inglês.\n\nO Irão e a Arábia Saudita irão reunir-se em Pequim. Os dois países irão discutir a segurança no Golfo.\n\nA Sr.ª Ministra da Saúde visitou o Hospital de Santa Maria. O SNS tem 150 mil profissionais.\n'


CLEAN_BR_LIVE = 'Ao vivo: acompanhe a votação no Senado\n\n14h32 - O relator começou a leitura do parecer.\n\n14h50 - A oposição pediu vista. O pedido foi negado.\n\nP: O senhor espera aprovar o texto hoje?\nR: Sim. Temos votos suficientes.\n\n— Vamos votar? — perguntou o presidente da sessão.\n— Vamos — respondeu o líder do governo.\n\n"Foi um dia longo", disse a senadora. "amanhã tem mais", brincou.\n\nA empresa faturou R$ 5 mi. em 2023, segundo o balanço de 15 de jan. de 2024. Depois, o valor foi revisado.\n\nReceita: misture 2 colheres de açúcar e 1 xícara de leite. Leve ao forno por 30 min. e sirva.\n\nO placar foi 2 a 1. Gols: Pedro (45\') e Arrascaeta (78\'). O Flamengo soma 40 pontos.\n\nLeia também: Senado aprova reforma; Câmara analisa texto.\n\n#ForaDaPauta e @senadofederal foram assuntos nas redes; o perfil oficial no Instagram publicou a foto.\n'


def _hits(text: str, variant: str = "BR", codes=CODES):
    doc = Document("t.txt", text, language="pt", variant=variant)
    hits, skipped = run_checks(doc, [get_check(c) for c in codes], context("pt", variant))
    if skipped:
        pytest.skip(f"providers missing: {skipped}")
    return hits


@pytest.mark.parametrize("text", [CLEAN_BR_NEWS, CLEAN_BR_NAMES, CLEAN_BR_AGENDA, CLEAN_BR_LIVE],
                         ids=["news", "names", "agenda", "live-blog"])
def test_clean_brazilian_text_is_silent(text):
    assert _hits(text) == []


@pytest.mark.parametrize("text", [CLEAN_PT_LUSA, CLEAN_PT_POLITICS], ids=["lusa", "politics"])
def test_clean_european_portuguese_text_is_silent(text):
    # pt-PT capitals: o Presidente da República, o Governo, Setembro; and Irão, the country.
    assert _hits(text, variant="PT") == []


MT_PAGE = (
    "Fabricante confirma novo console portátil\n\n"
    "A fabricante confirmou o aparelho. O modelo lançado em 2019 Foi um sucesso, e a empresa "
    "garante que Não haverá aumento de preço; No entanto, o lançamento atrasou. isso irritou os "
    "fãs, que reclamaram no Youtube e no Linkedin.\n\n"
    "O aplicativo só está disponível em Inglês.\n\n"
    "A equipe mostrou a linha. A equipe concluiu a montagem da primeira\n"
    "Unidade de teste na fábrica, e cada unidade passa por controle.\n"
)


def test_a_machine_translated_page_shows_each_class():
    got = {(code, text) for code, _, text in _hits(MT_PAGE)}
    assert got == {
        ("U107", "Foi"), ("U107", "Não"), ("U106", "; No entanto"), ("U105", "isso"),
        ("U109", "Youtube"), ("U109", "Linkedin"), ("U108", "Inglês"), ("U111", "Unidade"),
    }


def test_title_case_heading_fires_only_on_headings():
    heading = "Fabricante Anuncia Novo Console Para Jogos Portáteis\n\nO texto segue aqui.\n"
    assert [c for c, _, _ in _hits(heading, codes=("U110",))] == ["U110"]
    sentence_case = "Fabricante anuncia novo console para jogos portáteis\n\nO texto segue aqui.\n"
    assert _hits(sentence_case, codes=("U110",)) == []


def test_lower_case_start_after_abbreviations_and_ellipsis_is_silent():
    text = ("Vieram artistas, escritores etc. e músicos. Veja a p. 12 e o art. 5 da lei. "
            "Ele hesitou... e saiu. O trecho tem 12 km. Depois, a prova segue.")
    assert _hits(text, codes=("U105",)) == []


def test_months_stay_capitalised_in_portugal_but_not_in_brazil():
    text = "O acordo foi assinado em 19 de Junho, segundo a agência."
    assert [t for _, _, t in _hits(text, codes=("U104",))] == ["Junho"]
    assert _hits(text, variant="PT", codes=("U104",)) == []


def test_brand_letters_inside_addresses_and_words_are_silent():
    text = "Veja em youtube.com/canal, siga @instagram e #iphone; o youtuber usa um iPhone."
    assert _hits(text, codes=("U109",)) == []
