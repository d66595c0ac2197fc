"""V104-V113 on clean text of our own writing that provokes them, and on planted errors."""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext
from mtqa.checks.agreement import plural_subject_singular_verb, pronoun_verb_person
from mtqa.checks.gender import (
    adjective_after_noun_gender,
    adjective_after_plural_noun,
    manner_adverbial_gender,
    noun_phrase_gender_mismatch,
    plural_determiner_gender_mismatch,
    plural_determiner_singular_noun,
    predicate_gender_mismatch,
    relative_pronoun_gender,
)
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.providers import Providers

CHECKS = (noun_phrase_gender_mismatch, manner_adverbial_gender, adjective_after_noun_gender,
          relative_pronoun_gender, predicate_gender_mismatch, plural_determiner_singular_noun,
          pronoun_verb_person, plural_subject_singular_verb, plural_determiner_gender_mismatch,
          adjective_after_plural_noun)

#: Persons of either gender, set phrases with "a" as a preposition, collective nouns, postposed
#: subjects, quantities, complements before a relative, predicate nouns, clitic pronouns.
CLEAN = """\
A jovem presidente do clube e a nova técnica chegaram; a grande maioria dos sócios aplaudiu.
Os planos a longo prazo e a curto prazo foram relegados a segundo plano pela diretoria.
A decisão foi sua, segundo fontes; o time ficou em seu segundo lugar pela primeira vez.
De forma geral, a equipe jogou de maneira organizada e de modo cuidadoso, de forma que venceu.
O sistema de saúde público e o centro da cidade antigo recebem o programa de vacinação gratuito.
A reunião do conselho, no qual votam dez membros, aprovou a nota do seu gabinete, na qual agradece.
A ideia é motivo de orgulho, e a lei foi o resultado de anos de debate; a solução é simples.
Todos os dias chega um navio; entre as causas da crise está a seca; a maioria dos eleitores votou.
Para nós é importante, entre eles há acordo, e com elas vai a equipe; os nós da rede se soltaram.
Ele as ama e os ajuda; às vezes, aos poucos, das 8h às 18h, uns trinta alunos leram os vírus.
As palavras chave e os carros bomba; os países membro e as empresas alvo assinaram.
Nós mesmos, eles próprios e elas todas fazemos parte; os Estados Unidos anunciou sanções.
A empresa limpa ruas e a prefeitura junta forças; o país vizinho e a política externa mudaram.
Os pais da aluna pediram ajuda, as crianças da escola brincam e os resultados da pesquisa indicam
alta; nas últimas semanas, as vendas da loja caíram, e os médicos do hospital atendem bem.
A casa foi construída em 1950, o acordo é válido, a reforma está prevista e a obra ficou pronta.
A fábrica opera a baixo custo, a pleno vapor e a todo custo; o crime foi a sangue frio.
Uma grande parte, a maior parte, uma nova era e a primeira dama; o primeiro ministro falou.
Os jogadores do time treinam cedo; os ministros da área econômica reúnem-se na sexta-feira.
Eles não sabem, elas também querem e nós já fizemos; eles se encontram e elas nos visitam.
Os passeios junto ao mar e os ingressos custaram caro; os atletas falaram alto e as vendas online.
"""


@pytest.fixture(scope="module")
def ctx():
    cfg = Config(language="pt", variant="BR")
    providers = Providers(cfg)
    for need in ("lexicon", "dictionary"):
        reason = providers.unavailable(need)
        if reason:
            pytest.skip(reason)
    return CheckContext(cfg, providers)


def _run(ctx, text):
    doc = Document("t.txt", text, language="pt", variant="BR")
    return sorted((c.code, text[h.start:h.end]) for c in CHECKS for h in c.run(doc, ctx))


def test_clean_text_is_silent(ctx):
    assert _run(ctx, CLEAN) == []


def test_planted_errors(ctx):
    text = ("O festival recebeu uma famoso banda e agiu de forma rápido. "
            "A cidade ficou muito cheio, e a economia brasileiro cresceu. "
            "O prefeito visitou uma escola estadual (EE) ao qual doou vários computador. "
            "Se quisermos crescer, nós deve investir, e as crianças corre no pátio "
            "dos escolas. O governo anunciou as medidas econômica.")
    assert _run(ctx, text) == sorted([
        ("V104", "uma famoso banda"), ("V105", "de forma rápido"),
        ("V110", "A cidade ficou muito cheio"), ("V109", "a economia brasileiro"),
        ("V108", "ao qual"), ("V111", "vários computador"),
        ("V106", "nós deve"), ("V107", "as crianças corre"), ("V112", "dos escolas"),
        ("V113", "as medidas econômica"),
    ])
