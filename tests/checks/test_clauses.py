"""Q101: a reporting verb joined to its clause without `que`."""

from __future__ import annotations

from mtqa.checks import CheckContext
from mtqa.checks.clauses import reported_speech_without_que
from mtqa.core.config import Config
from mtqa.core.model import Document

#: Correct reported speech: `que`, inverted verbs after quotes and commas, `como disse`, verbs
#: followed by a preposition or an article, names as subjects before the verb.
CLEAN = """\
O presidente disse que o Brasil não aceitará as condições impostas pelo fundo.
“Não haverá recuo”, disse Haddad. «Os mísseis salvam cidades», afirmou Zelensky, à chegada.
— Vamos votar amanhã — disse Lira aos jornalistas, depois da reunião.
Como disse Lula na abertura da cúpula, o país voltou ao cenário internacional.
Foi o que disse Putin aos jornalistas, segundo a agência TASS.
Na ocasião, afirmou Marina Silva, o governo ainda não tinha os dados.
Em entrevista disse Lula que o acordo com a União Europeia sai neste ano.
O ministro disse à Reuters que o acordo está próximo e acrescentou que o texto será publicado.
Segundo afirmou o porta-voz, a reunião foi produtiva; ele acrescentou ainda que Kiev foi avisada.
A polícia acredita que o suspeito deixou o país; os vizinhos dizem que ele viajou para o Paraguai.
A CBF anunciou Dorival Júnior como novo técnico, e o clube confirmou Abel Ferreira no cargo.
O tribunal declarou Fulano inocente, e o governo informou Moscou da decisão.
Os economistas explicaram o cenário e ressaltaram a importância do ajuste fiscal.
Diz Lula que a reforma tributária é a mais importante em décadas.
"""


def test_clean_reported_speech_is_silent():
    cfg = Config(language="pt", variant="BR")
    doc = Document("t.txt", CLEAN, language="pt", variant="BR")
    assert list(reported_speech_without_que.run(doc, CheckContext(cfg))) == []


def test_fires_on_the_verb_with_que_as_suggestion():
    cfg = Config(language="pt", variant="BR")
    text = "A agência estatal disse Senhor Putin falou com Kim. Os militares acreditam Kiev recuará."
    doc = Document("t.txt", text, language="pt", variant="BR")
    got = [(text[h.start:h.end], h.suggestion) for h in reported_speech_without_que.run(doc, CheckContext(cfg))]
    assert got == [("disse", "disse que"), ("acreditam", "acreditam que")]
