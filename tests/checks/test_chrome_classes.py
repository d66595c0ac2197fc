"""Page chrome, truncation and repetition by CLASS: each case is one shape of an artifact, in
several wordings written for this test, so that a check is held to the class and not to one
string. Every text here is original; none comes from a real page.
"""

from __future__ import annotations

import pytest

from mtqa.checks import get_check
from mtqa.core.model import Document
from tests.checks._rules import context

_PROSE = ("O governo federal anunciou nesta segunda-feira um novo pacote de obras para as "
          "capitais, com investimento previsto de R$ 20 bilhões até o fim do ano que vem.")
_PROSE2 = ("Segundo o ministério, as primeiras licitações devem ser publicadas em março, e os "
           "governadores terão até junho para apresentar os projetos de cada estado.")


def _hits(codes: str, text: str, language: str = "pt", variant: str = "BR") -> list[str]:
    doc = Document("t.txt", text, language=language, variant=variant)
    ctx = context(language, variant)
    out = []
    for code in codes.split(","):
        chk = get_check(code)
        if chk is None:
            continue
        out += [doc.text[h.start : h.end] for h in chk.run(doc, ctx)]
    return out


BOILERPLATE = ",".join(f"B{n}" for n in range(101, 130))
TRUNCATION = ",".join(f"T{n}" for n in range(102, 120))
REPETITION = ",".join(f"D{n}" for n in range(101, 120))


# --- lines of page furniture among prose: each must fire (somewhere on the furniture) ---------

CHROME_LINES = [
    "Leia mais",
    "LEIA TAMBÉM",
    "Continue lendo após a publicidade",
    "Publicidade - Continue a ler a seguir",
    "PUBLICIDADE",
    "Anúncio",
    "Advertisement",
    "Fechar ×",
    "Close",
    "Skip to content",
    "Ir para o conteúdo principal",
    "Saltar para o conteúdo",
    "Compartilhe:",
    "Partilhe este artigo",
    "Facebook Twitter WhatsApp E-mail",
    "Compartilhar no WhatsApp",
    "Índice [ocultar]",
    "Tabela de conteúdos",
    "Sumário",
    "Iniciar sessão",
    "Criar conta",
    "Reserve agora!",
    "Compre já",
    "Aceitar todos os cookies",
    "Este site utiliza cookies para melhorar a sua experiência. Ao continuar a navegar, concorda.",
    "Your browser does not support the video tag.",
    "O seu navegador não suporta a reprodução de vídeo.",
    "Seu navegador não suporta o elemento de áudio.",
    "Ouça esta notícia",
    "Agora já pode escutar as nossas reportagens!",
    "Listen to this article",
    "![](https://cdn.exemplo.com/fotos/ponte-nova.webp)",
    "ponte_nova_rio_2024.jpg",
    "IMG-20240611-WA0003.jpeg",
    "https://exemplo.com.br/cidades/2024/06/ponte-nova-abre",
    "cidades/2024/06/ponte-nova-abre-ao-trafego",
    "Foto: Ana Lima/Reuters",
    "Imagem: Getty Images",
    "Traduzido por Carlos Souza",
    "Tradução: Maria Dias",
    "Este artigo foi traduzido automaticamente do inglês.",
    "18+ | Jogue com responsabilidade",
    "Aposte com responsabilidade. Aplicam-se T&C.",
    "Tags: obras, governo, capitais",
    "Mais notícias",
    "Assista ao vídeo",
    "CLIQUE AQUI PARA RECEBER AS NOTÍCIAS NO SEU CELULAR",
    "Ler mais",
    "Subscreva já a nossa newsletter",
    "Receba as notícias do dia no seu e-mail",
    "Baixe o nosso aplicativo",
    "Já é assinante? Faça login",
    "Para ver a lista completa das obras, clique aqui.",
    "Partilhar isto:",
    "Curtir isso:",
    "Carregando...",
    "Clique para compartilhar no Facebook(abre em nova janela)",
    "Denunciar este anúncio",
    "Apenas para maiores de 18 anos. Jogue de forma responsável.",
    "Novos clientes apenas. O jogo pode ser viciante.",
    "Traduzido e adaptado por Ana Lima",
    "Sobre o autor",
    "Compartilhe este post",
    "Partilhe com os seus amigos",
    "Conteúdo patrocinado",
    "Este artigo é patrocinado pela Marca X.",
    "Avaliações (0)",
    "Ver oferta",
    # site chrome around the article body: menus, counters, consent and legal footers
    "Menu",
    "×",
    "Continua após a publicidade",
    "Continue a ler depois do anúncio",
    "Role para baixo para continuar",
    "Deslize para ver mais",
    "Inscreva-se na nossa newsletter",
    "Tópicos relacionados",
    "Leia a reportagem completa",
    "Leia a íntegra",
    "Publicada há 2 horas",
    "Atualizado há 15 minutos",
    "Updated 3 hours ago",
    "5 comentários",
    "Ver comentários",
    "No comments",
    "Responder",
    "Reply",
    "Salvar",
    "Denunciar",
    "Newsletter",
    "Ative as notificações",
    "Foto 4 de 12",
    "Slide 2/9",
    "© 2025 Folha do Vale. Direitos reservados.",
    "Copyright 2024 Grupo Exemplo",
    "All rights reserved.",
    "Termos de uso | Política de privacidade | Anuncie",
    "Privacy policy",
    "Scroll down to continue",
    # recommendation widgets, social embeds and channel prompts
    "Links patrocinados",
    "Recomendado por Outbrain",
    "Escolha do editor",
    "Mais em Economia",
    "Mais sobre Saúde e Bem-estar",
    "Imagem ilustrativa",
    "Foto ilustrativa: banco de imagens",
    "Reprodução/Redes sociais",
    "pic.twitter.com/Xy12Ab34",
    "Ver esta publicação no Instagram",
    "Uma publicação partilhada por Clube Exemplo (@clubeexemplo)",
    "Inscreva-se no nosso canal do YouTube",
    "Participe do nosso grupo no WhatsApp",
    "Entre no canal do Diário no WhatsApp",
    "Receba as notícias pelo Telegram",
    "Gostou? Compartilhe!",
    "Ouça a versão em áudio desta reportagem",
    "Este texto foi publicado originalmente no site de uma revista parceira.",
    "Leia o artigo original em inglês",
    "This story originally appeared on a partner site.",
    # account, player, reading and review widgets; paywalls; docs-site and wiki furniture
    "Meu perfil",
    "Artigos salvos",
    "Ecrã inteiro",
    "Vídeo anterior",
    "01:12 / 04:30",
    "Escolha o seu idioma",
    "Modo noturno",
    "Diminuir o tamanho da letra",
    "Avaliar esta matéria",
    "Ordenar por: Mais antigos",
    "Clique para recolher",
    "Você chegou ao limite de reportagens gratuitas deste mês.",
    "Confira todas as fotos",
    "Clique nas fotos para ampliar",
    "Quer receber novidades como esta no seu e-mail?",
    "Gostou desta reportagem?",
    "Follow us on Instagram",
    "Esta reportagem foi veiculada originalmente pelo jornal parceiro.",
    "Leia a entrevista original",
    "Apostas envolvem risco",
    "Vídeo indisponível",
    "Shutterstock",
    "Carlos Dias/AFP via Getty Images",
    "Legenda: A ponte nova vista do alto, no fim da tarde.",
    "Este navegador já não é compatível",
    "Ler em português",
    "Adicionar às coleções",
    "Aplica-se a: Windows 11, Windows 10",
    "12 colaboradores",
    "Enviar e ver comentários sobre este produto",
    "Divulgação do anunciante",
    "Preço na data da publicação",
    "Melhores casas de apostas",
    "Verificado por Ana Lima",
    "As ofertas que aparecem nesta página são de parcerias das quais o site recebe uma comissão.",
    "Este artigo carece de fontes confiáveis.",
    "Ligações externas",
    "Categorias: Rios do Brasil | Geografia",
    "Learn how and when to remove this message",
]


@pytest.mark.parametrize("line", CHROME_LINES)
def test_furniture_line_between_paragraphs_fires(line):
    text = f"{_PROSE}\n\n{line}\n\n{_PROSE2}\n"
    assert _hits(BOILERPLATE, text), f"nothing fired on {line!r}"


CHROME_INLINE = [
    # widget text glued to the prose or inside it
    ("NOVOO governo federal anunciou um pacote de obras.", "NOVO"),
    (_PROSE + " Leia mais", "Leia mais"),
    (_PROSE + " Continue lendo »", "Continue lendo"),
    ("Depois da falha na atualização (link aqui) a empresa ofereceu descontos.", "(link aqui)"),
    ("O ministro chega a Brasília. (Foto: Reprodução/Instagram)", "(Foto: Reprodução/Instagram)"),
    ("A ponte foi aberta ao tráfego. (Imagem via Reuters)", "(Imagem via Reuters)"),
    ("Os bombeiros no local (Ana Lima/AFP via Getty Images) trabalharam a noite toda.",
     "(Ana Lima/AFP via Getty Images)"),
    ("Veja também: Governo anuncia novo pacote de obras.", "Veja também"),
    (_PROSE + " LEIA TAMBÉM: Governo anuncia pacote " + _PROSE2, "LEIA TAMBÉM"),
    (_PROSE + " Publicidade " + _PROSE2, "Publicidade"),
    ("História[editar]\nA cidade foi fundada em 1554.", "[editar]"),
    ("Geografia [editar | editar código-fonte]\nO relevo é plano.", "[editar | editar código-fonte]"),
    ("A cidade foi fundada em 1554.[3] Hoje tem 12 milhões de habitantes.", "[3]"),
    ("A cidade tem 12 milhões de habitantes.[carece de fontes]", "[carece de fontes]"),
    ("The city was founded in 1554.[citation needed]", "[citation needed]"),
    ('[caption id="attachment_12" width="800"]A ponte nova[/caption]', '[caption id="attachment_12" width="800"]'),
    ("ponte_nova_abre_ao_trafego", "ponte_nova_abre_ao_trafego"),
]


def test_bracketed_placeholders_and_note_marks_are_exact():
    text = "Geografia[editar]\nA cidade foi fundada em 1554.[3] O texto (link) segue."
    assert sorted(_hits(BOILERPLATE, text)) == [" (link)", "[3]", "[editar]"]


@pytest.mark.parametrize(("text", "part"), CHROME_INLINE)
def test_furniture_inside_a_line_fires(text, part):
    hits = _hits(BOILERPLATE, text)
    assert any(part in h or h in part for h in hits), (text, hits)


# --- clean newspaper layout: nothing may fire -------------------------------------------------

CLEAN = [
    # the same words in running text
    "O perfil do novo ministro foi publicado ontem; sair do governo não estava nos planos dele.",
    "A tela cheia de pixels mortos foi trocada, e o próximo vídeo da série sai em maio.",
    "O idioma oficial é o português, e o modo escuro chegou ao aplicativo do banco em março.",
    "A revista avaliou este artigo científico e pediu mais referências antes de publicá-lo.",
    "As referências bibliográficas ocupam dez páginas, e as ligações externas do país cresceram.",
    "A legenda do partido foi registrada em 1980, e a Getty Images cobriu a posse.",
    "Os assinantes do serviço podem ler em inglês ou em português, informou a empresa.",
    "O relatório aplica-se a todas as empresas, e os 12 colaboradores da pesquisa assinaram.",
    "O melhor preço do ano foi registrado em maio, quando o preço na data da compra caiu.",
    "Apostas esportivas movimentaram R$ 100 bilhões, e o governo quer regular o setor.",
    "As categorias de base do clube revelaram três jogadores; o editor verificou os números.",
    "Governo anuncia novo pacote de obras\nInvestimento previsto é de R$ 20 bilhões\n\n"
    "Por Ana Souza, de Brasília\n\n" + _PROSE + "\n\n" + _PROSE2,
    "BRASÍLIA — " + _PROSE + "\n\nO que muda?\n\n" + _PROSE2,
    _PROSE + "\n\nReação dos governadores\n\n" + _PROSE2 + "\n\nEdição: Carlos Lima",
    _PROSE + "\n\nA lista inclui:\n- pontes;\n- estradas;\n- hospitais.\n\n" + _PROSE2,
    "O índice de preços subiu 0,4% em maio, e a publicidade infantil voltou à pauta.\n\n"
    "A prefeitura vai reservar vagas para idosos e fechar a rua no domingo.",
    "O cantor lançou o álbum “Close to You” (2019) e o filme “Skip” (2021).\n\n"
    "Ele disse: “Leia mais, viva mais”.",
    "Moura comemora a vitória. Foto: Luísa Prado/Agência Pista\n\n" + _PROSE,
    "O ministro (foto) falou com a imprensa.\n\n" + _PROSE,
    "Quem ganha com as obras\n\n" + _PROSE + "\n\nSERVIÇO\n\nInscrições até 30 de junho, no site do ministério.",
    "LONDRES, 12 mar (Reuters) - O preço do cobre subiu 2% nesta terça-feira, e os fundos ampliaram as compras.",
    "O jogador de 18 anos assinou contrato até 2027. O clube fica em Lisboa, em Portugal.",
    "Os candidatos menores de 18 anos precisam de autorização dos pais para participar.",
    "A campanha “Jogue limpo” foi lançada pela federação nesta terça-feira.",
    _PROSE + "\n\nEntrevista: Maria Dias, pesquisadora da Fiocruz\n\n" + _PROSE2,
    "Agenda\n\n10h — abertura\n11h30 — debate\n\n" + _PROSE,
    "Fórmula 1\n\n1. Verstappen\n2. Norris\n3. Leclerc\n\n" + _PROSE,
    "O aplicativo do banco saiu do ar, e os assinantes da plataforma reclamaram nas redes.\n\n"
    + _PROSE,
    "A comissão aprovou o texto nos termos do regimento, e o jogo de domingo foi adiado.",
    "O clube joga de forma responsável, disse o técnico, e só aceita maiores de 18 anos na base.",
    "O festival é apenas para maiores de 18 anos e tem shows de rock e jazz.\n\n" + _PROSE,
    _PROSE + "\n\nO ministro é economista e foi professor da USP antes de assumir o cargo.",
    # words of chrome inside sentences and headings stay silent
    "Menu de inverno chega aos restaurantes\n\n" + _PROSE,
    "A política de privacidade do aplicativo mudou, e os termos de uso também.\n\n" + _PROSE,
    "Os comentários do ministro irritaram a oposição.\n\n" + _PROSE2,
    "O prefeito vai responder às perguntas na sexta-feira.\n\n" + _PROSE2,
    "Salvar vidas é a prioridade, disse o comandante.\n\n" + _PROSE,
    "Foram 5 comentários racistas em uma hora, segundo a polícia.\n\n" + _PROSE,
    "Todos os direitos reservados aos autores foram pagos, informou a editora.\n\n" + _PROSE2,
    "A foto 4 da série mostra a ponte em obras.\n\n" + _PROSE,
    # the same words as prose, headings or newspaper credits stay silent
    "Mais de 100 pessoas foram ao ato.\n\n" + _PROSE,
    "Mais em conta, o modelo novo vendeu bem.\n\n" + _PROSE2,
    _PROSE + "\n\nCom informações da Reuters e da AFP.",
    _PROSE + "\n\nA divulgação do edital ficou para junho, e a reprodução do vídeo foi proibida.",
    "O editor escolheu a foto da capa.\n\n" + _PROSE,
    _PROSE + "\n\nO canal do clube no YouTube tem 2 milhões de inscritos.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_layout_is_silent(text):
    assert _hits(BOILERPLATE + "," + TRUNCATION + "," + REPETITION, text) == []


# --- truncation --------------------------------------------------------------------------------

CUT = [
    (_PROSE2[:-1] + " e […]", "[…]"),
    (_PROSE + "\n\n" + _PROSE2[:-1] + " e os prefeitos…\nLeia mais", "…"),
    (_PROSE + "\n\n" + _PROSE2[:-1] + " e os prefeitos... Continue lendo", "..."),
    (_PROSE + "\n\nSegundo o ministério, as primeiras licitações devem ser publicadas em março e os"
     " governadores terão até junho para", "para"),
    (_PROSE + " (Foto: )", "(Foto: )"),
    (_PROSE + "\nA nova ponte vista do alto. Imagem:", "Imagem:"),
]


@pytest.mark.parametrize(("text", "part"), CUT)
def test_cut_text_fires(text, part):
    hits = _hits(TRUNCATION, text)
    assert any(part in h or h in part for h in hits), (text, hits)


# --- repetition --------------------------------------------------------------------------------

REPEATS = [
    ("Ponte nova é aberta ao tráfego no Rio\n\nConteúdo\n\nPonte nova é aberta ao tráfego no Rio\n\n"
     + _PROSE, "Ponte nova é aberta ao tráfego no Rio"),
    ("Como cuidar de orquídeas em casa\n\nÍndice\n1. Rega\n2. Adubação\n\nRega\n" + _PROSE
     + "\n\nAdubação\n" + _PROSE2, "1. Rega"),
    ("Ficha técnica\nProcessador\nProcessador: octa-core\nMemória\nMemória: 8 GB", "Processador"),
    ("Lisboa\n\nConteúdo\n\n1 História\n1.1 Fundação\n2 Geografia\n\nHistória\n" + _PROSE
     + "\n\nFundação\n" + _PROSE2 + "\n\nGeografia\n" + _PROSE, "1 História"),
    ("A geladeira tem porta larga de 70 cm larga e gaveta de 20 litros.", "larga"),
    ("Os turistas voltaram cedo e voltaram com fome ao hotel.", "voltaram"),
    ("Ponte nova é aberta ao tráfego no Rio de JaneiroPonte nova é aberta ao tráfego no Rio de Janeiro\n\n"
     + _PROSE, "Ponte nova"),
]


@pytest.mark.parametrize(("text", "part"), REPEATS)
def test_repetition_fires(text, part):
    hits = _hits(REPETITION, text)
    assert any(part in h or h in part for h in hits), (text, hits)


# Longer clean articles in ordinary layouts (own writing): every check of the three families
# must stay silent on each.
ARTICLES = [
    """Festival de inverno leva 40 shows a Garanhuns

Programação gratuita vai de 12 a 28 de julho e inclui teatro, dança e cinema

Por Marina Costa, do Recife

A cidade de Garanhuns, no Agreste de Pernambuco, recebe a partir de sexta-feira (12) a 33ª edição do festival de inverno, com 40 shows em quatro palcos e uma mostra de cinema ao ar livre.

Entre as atrações estão cantores de forró, bandas de rock e grupos de maracatu. A prefeitura espera 300 mil visitantes nos 17 dias de evento.

Programação

- Palco principal: shows a partir das 20h
- Praça da Palavra: leituras e debates às 16h
- Cine ao ar livre: filmes às 19h

SERVIÇO

Festival de Inverno de Garanhuns
Quando: de 12 a 28 de julho
Onde: Parque Euclides Dourado
Quanto: grátis
www.festivaldeinverno.pe.gov.br
""",
    """Entrevista: a economista que estuda o preço dos alimentos

— Por que a comida ficou mais cara neste ano?

— Houve seca no Sul e chuva demais no Centro-Oeste. A oferta caiu, e os preços subiram.

— O que esperar para o segundo semestre?

— Se o clima ajudar, a safra de inverno deve aliviar o preço do feijão e do leite.

Edição: Paulo Mendes
""",
    """Benfica vence em Braga e segue na liderança

O Benfica venceu este domingo o Sp. Braga por 2-1, em jogo da 20.ª jornada da I Liga, e manteve a liderança do campeonato, com três pontos de vantagem sobre o Sporting.

Os golos

12' — Rafa abriu o marcador
40' — Ricardo Horta empatou
78' — Di María deu a vitória aos encarnados

O treinador do Benfica elogiou a equipa no final. "Foi um jogo difícil, contra um adversário muito forte", disse aos jornalistas.

Classificação: 1.º Benfica, 50 pontos; 2.º Sporting, 47; 3.º FC Porto, 44.
""",
    """Como declarar o IRS: perguntas e respostas

Quem tem de entregar a declaração?

Todos os contribuintes que tenham obtido rendimentos acima de 8.500 euros no ano passado, salvo algumas exceções previstas na lei.

Qual é o prazo?

De 1 de abril a 30 de junho, no Portal das Finanças.

E se me enganar?

É possível entregar uma declaração de substituição dentro do prazo, sem qualquer multa.
""",
    """Mercado fecha em alta com bancos e Petrobras

O Ibovespa subiu 1,2% nesta quinta-feira e fechou aos 128 mil pontos, puxado pelas ações de bancos e da Petrobras, enquanto o dólar caiu 0,8%, a R$ 5,10.

Em alta

Os papéis do Itaú subiram 2,5%, e os do Bradesco, 1,9%. A Petrobras avançou 1,7% com a alta do petróleo no exterior.

Em baixa

As ações de varejistas recuaram com a perspectiva de juros altos por mais tempo.

Com informações da Reuters
""",
]


@pytest.mark.parametrize("text", ARTICLES)
def test_clean_articles_are_silent(text):
    assert _hits(BOILERPLATE + "," + TRUNCATION + "," + REPETITION, text) == []
