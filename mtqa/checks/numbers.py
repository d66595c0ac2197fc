"""Number formats (S108, S109, S130, S131, S134): numbers written the English or Spanish way in Portuguese.

English writes `3.5%`, `10,000 troops` and `$10 million`; Portuguese writes `3,5%`, `10.000
soldados` (pt-PT: `10 000`) and `US$ 10 milhões`. Machine translation often copies the digits as
they are. The words that make a number certain are data (``mtqa/checks/data/numbers.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.articles import trie_pattern
from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan
from mtqa.lang import named_set

_GAP = r"[ \t\u00a0]*"


@cache
def _patterns(language: str):
    data = load("numbers")
    amounts = (data.get("amount_words") or {}).get(language)
    units = (data.get("units") or {}).get(language)
    if not amounts or not units:
        return None
    signs = data.get("currency_signs") or []
    # 3.5% / 2.5 bilhões: a point and one or two digits before an amount word
    # (the patterns start with a digit, which the regex engine finds fast; what may come before
    # a match is tested in code)
    decimal = re.compile(
        rf"(?P<int>\d{{1,3}})\.(?P<frac>\d{{1,2}})(?=\s*(?:{trie_pattern(amounts)})(?![\w]))",
        re.IGNORECASE,
    )
    # 10,000 / 1,000,000: commas between groups of three digits
    thousands = re.compile(r"(?P<num>[1-9]\d{0,2}(?:,\d{3})+)(?![\d,]\d|\w)")
    unit_after = re.compile(rf"{_GAP}(?:{trie_pattern(units)})(?![\w])", re.IGNORECASE)
    sign_before = re.compile(rf"(?:{'|'.join(re.escape(s) for s in signs)}){_GAP}$")
    # $10 / $ 10: a dollar sign with no country letters before it
    dollar = re.compile(r"(?<![A-Za-z$])\$(?=[ \u00a0]?\d)")
    # another comma number with three decimals followed by a unit, within the same stretch of
    # text: "a 12,402 segundos e ... a 20,118" leaves the unit out the second time
    timed = (data.get("timing_units") or {}).get(language) or ["segundos"]
    sibling = re.compile(rf"(?<![\d.,])\d{{1,3}},\d{{3}}(?![\d,]){_GAP}(?:{trie_pattern(timed)})(?![\w])",
                         re.IGNORECASE)
    return decimal, thousands, unit_after, sign_before, dollar, sibling


@check(
    "S108", "english-number-format", Severity.WARNING,
    category="spacing_punctuation",
    message="'{text}': {why}; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("A economia cresceu [[3.5]]% no trimestre.", suggest="3,5"),
        bad("O fundo recebeu US$ [[2.5]] bilhões.", suggest="2,5"),
        bad("A Coreia do Norte enviou [[10,000]] soldados.", suggest="10.000"),
        bad("A população passou de [[1,200,000]] habitantes.", suggest="1.200.000"),
        bad("O acordo vale [[$]]10 milhões.", suggest="US$ "),
        bad("O acordo vale [[$]] 10 milhões.", suggest="US$"),
        bad("Foram enviados [[10,000]] soldados.", suggest="10 000", variant="PT"),
        good("A economia cresceu 3,5% no trimestre, e o dólar fechou a R$ 4,913."),
        good("O pacote custa R$ 2,5 bilhões e US$ 10 milhões."),
        good("A peça pesa 1,250 kg e mede 2,125 metros; a taxa é de 1,125%."),
        good("Foram enviados 10.000 soldados e 10 mil veículos em 2024."),
        good("A lei 8.666 e o artigo 5.1 foram citados; o placar foi 3 a 1."),
        good("João 3,16 é o versículo mais citado."),
        good("Ela chegou a 12,402 segundos do líder, e o terceiro, a 20,118.", variant="PT"),
        bad("O ingresso custa £[[5.50]] por pessoa.", suggest="5,50"),
        bad("O guia custa US$ [[1,299.00]] na loja.", suggest="1.299,00"),
        good("O ingresso custa £ 5,50; o carro, R$ 5.500 de entrada."),
    ],
)
def english_number_format(doc: Document, ctx) -> Iterator[Hit]:
    """A number written the English way: decimal point, thousands commas, a bare `$`.

    ## Why it matters
    Portuguese writes the decimal comma and the thousands point (`3,5%`, `10.000`; pt-PT also
    `10 000`) and puts the country before the dollar (`US$ 10 milhões`). `3.5%` or `10,000
    soldados` copied from the English can be misread by a factor of a thousand: `10,000` is ten
    in Portuguese.

    ## What fires
    A point with one or two digits before a percent sign or an amount word (`3.5%`, `2.5
    bilhões`); a price with cents after a point (`£5.50`, `US$ 19.99`); commas between groups
    of three digits (`10,000 soldados`, `1,200,000`); a `$`
    before a number with no country letters (`$10` for `US$ 10`).

    ## What stays silent
    A comma with three digits after a currency sign or before a unit (`R$ 4,913`, `1,250 kg`,
    `1,125%`), or whose unit was written with a number of the same shape just before or after it
    (`a 12,402 segundos do líder, e o terceiro a 20,118`: lap gaps), thousands points (`10.000`), numbers like `8.666` or `5.1` with no amount word,
    and `R$`, `US$`.
    """
    pats = _patterns(doc.language or "pt")
    if pats is None:
        return
    decimal, thousands, unit_after, sign_before, dollar, sibling = pats
    text = doc.text
    pt_pt = (doc.variant or "").upper() == "PT"
    for m in _free_matches(decimal, text, ".,"):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('int')},{m.group('frac')}",
                  args={"why": "Portuguese writes the decimal comma"})
    for m in _free_matches(thousands, text, ".,"):
        num = m.group("num")
        if num.count(",") == 1:
            if unit_after.match(text, m.end()):
                continue
            if sign_before.search(text, max(0, m.start() - 6), m.start()):
                continue
            if len(num) <= 7 and sibling.search(text, max(0, m.start() - _SIBLING_REACH),
                                                m.end() + _SIBLING_REACH):
                continue  # "a 12,402 segundos ... e o terceiro a 20,118": the unit left out
        sep = " " if pt_pt else "."
        yield Hit(m.start(), m.end(), suggestion=num.replace(",", sep),
                  args={"why": "Portuguese groups thousands with a point (pt-PT: a space), not a comma"})
    for m in scan(_MONEY_DECIMAL, text):
        yield Hit(m.start("num"), m.end("num"), suggestion=m.group("num").replace(",", "§").replace(".", ",").replace("§", "."),
                  args={"why": "Portuguese writes the decimal comma in a price"})
    if "$" not in text:
        return
    for m in scan(dollar, text):
        spaced = text[m.end():m.end() + 1] in " \u00a0"
        yield Hit(m.start(), m.end(), suggestion="US$" if spaced else "US$ ",
                  args={"why": "Portuguese names the dollar's country (US$, R$)"})


#: A price with an English decimal point: a currency sign, then cents after a point
#: (`£5.50`, `US$ 19.99`, `€1,299.00`); `R$ 5.500` (three digits: thousands) stays silent.
_MONEY_DECIMAL = re.compile(r"(?:US\$|R\$|A\$|C\$|[$£€¥])[ \u00a0]?(?P<num>\d{1,3}(?:,\d{3})*\.\d{2})(?![\d.,]\d|\w)")

#: How far (characters) to look for a number of the same shape that names the unit (S108).
_SIBLING_REACH = 160


def _free_matches(rx: re.Pattern[str], text: str, marks: str) -> Iterator[re.Match[str]]:
    """The matches of ``rx`` that do not start right after a word character or one of
    ``marks`` (inside a longer word or number): the look-behind, tested in code, so that the
    pattern can start with a digit, which the regex engine finds fast."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        at = m.start()
        if at and ((ch := text[at - 1]).isalnum() or ch == "_" or ch in marks):
            pos = at + 1
            continue
        yield m
        pos = max(m.end(), at + 1)


#: What every a.m./p.m. time contains (`p.m.`, `9:30pm`): a cheap test before the full pattern.
_AM_PM_HINT = re.compile(r"[aApP]\.[ \u00a0]?[mM]\.|\d[ \u00a0]?[aApP][mM]")
_US_DATE = re.compile(r"(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>\d{4}|\d{2})(?![\w/])")
#: An hour with a.m./p.m.: dotted (`3 p.m.`), or undotted only after minutes (`9:30 pm`), since a
#: bare `2 PM` is two military police officers in Brazil.
_AM_PM = re.compile(
    r"(?P<h>1[0-2]|0?[1-9])(?:(?::(?P<min>[0-5]\d))?[ \u00a0]?(?P<ap>[ap])\.[ \u00a0]?m\."
    r"|:(?P<min2>[0-5]\d)[ \u00a0]?(?P<ap2>[ap])m(?![\w]))"
    # glued and in lower case (`3pm`, `10am`): not `2 PM` (police) nor the band `2PM`
    r"|(?-i:(?<![\w:.,])(?P<h3>1[0-2]|[1-9])(?P<ap3>[ap])m(?![\w]))",
    re.IGNORECASE,
)


@check(
    "S109", "english-date-time-format", Severity.WARNING,
    category="spacing_punctuation",
    message="'{text}': {why}; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O acordo foi assinado em [[6/19/2024]] em Pyongyang.", suggest="19/6/2024"),
        bad("A reunião começa às [[3 p.m.]] de Brasília.", suggest="15h"),
        bad("O jogo começa às [[3pm]] de domingo.", suggest="15h"),
        good("Dois PM foram feridos; o grupo 2PM fez show; a rádio 98,5 FM; 10 AM."),
        bad("O voo saiu às [[9:30 a.m.]]", suggest="9h30"),
        good("O acordo foi assinado em 19/6/2024 e revisto em 03/07/2024."),
        good("A reunião começa às 15h, e o voo saiu às 9h30."),
        good("Os artigos 3/2020 e 12/15 da lei foram revogados."),
        good("O programa AM/FM e a rádio 99,5 FM transmitiram o jogo."),
        good("Dois PM foram presos; 3 PM ficaram feridos."),
        bad("O voo sai às [[10:45 pm]] de Lisboa.", suggest="22h45"),
    ],
)
def english_date_time_format(doc: Document, ctx) -> Iterator[Hit]:
    """A date with the month first (`6/19/2024`) or a time with a.m./p.m. in Portuguese text.

    ## Why it matters
    Portuguese writes the day first (`19/6/2024`) and the 24-hour clock (`15h`, `9h30`).
    `6/19/2024` copied from an English source is either read wrongly or not at all, and `3
    p.m.` is English.

    ## What fires
    A date `month/day/year` whose second number can only be a day (13 to 31), so that the
    order is certain; an hour with `a.m.` or `p.m.`.

    ## What stays silent
    Dates whose order cannot be told (`03/07/2024`), fractions and law numbers without a year
    (`12/15`), `AM/FM`.
    """
    text = doc.text
    for m in _free_matches(_US_DATE, text, "/.-") if "/" in text else ():
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('d')}/{m.group('m')}/{m.group('y')}",
                  args={"why": "Portuguese puts the day before the month"})
    for m in _free_matches(_AM_PM, text, ".") if _AM_PM_HINT.search(text) else ():
        ap = m.group("ap") or m.group("ap2") or m.group("ap3")
        h = int(m.group("h") or m.group("h3")) % 12 + (12 if ap.lower() == "p" else 0)
        minutes = m.group("min") or m.group("min2") or ""
        yield Hit(m.start(), m.end(), suggestion=f"{h}h{minutes}",
                  args={"why": "Portuguese uses the 24-hour clock"})


#: A count of millions with a thousands point (`12.350 milhões`), or two joined by `e`/`a`
#: (`40.000 e 42.500 milhões`), or `mil milhões`: the Spanish (and European) way of writing
#: billions.
_MAGNITUDE = re.compile(
    r"(?P<a>[1-9]\d{0,2}\.\d{3})(?:[ \u00a0]+(?P<join>e|a|ou)[ \u00a0]+(?P<b>[1-9]\d{0,2}\.\d{3}))?"
    r"[ \u00a0]+(?P<unit>milhões|milhão)(?![\w-])"
    r"|(?P<c>\d{1,3}(?:,\d{1,3})?)[ \u00a0]+mil[ \u00a0]+(?P<unit2>milhões)(?![\w-])",
    re.IGNORECASE,
)


def _billions(number: str) -> str:
    """`12.350` (millions) as billions: `12,35`; `48.000` -> `48`."""
    whole, _, frac = number.partition(".")
    frac = frac.rstrip("0")
    return f"{whole},{frac}" if frac else whole


def _billion_word(count: str) -> str:
    """`bilhão` for counts under two (`1`, `1,2`), `bilhões` otherwise."""
    return "bilhão" if count.split(",")[0] == "1" else "bilhões"


@check(
    "S130", "spanish-style-billions", Severity.WARNING,
    category="calque",
    message="'{text}': Brazilian Portuguese counts billions as 'bilhões'; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O governo prevê gastar [[48.000 milhões]] de reais com a obra.", suggest="48 bilhões"),
        bad("O faturamento chegou a US$ [[12.350 milhões]] no ano.", suggest="12,35 bilhões"),
        bad("A meta fica entre [[40.000 e 42.500 milhões]] de reais.", suggest="40 e 42,5 bilhões"),
        bad("O fundo soma [[3 mil milhões]] de euros.", suggest="3 bilhões"),
        bad("A obra custou [[1.500 milhões]] de reais.", suggest="1,5 bilhão"),
        good("O governo prevê gastar R$ 48 bilhões com a obra; o lucro foi de R$ 350 milhões."),
        good("O estádio recebeu 45.000 torcedores, e a obra custou R$ 1,2 bilhão."),
        good("O Estado gastou 5.000 milhões de euros, ou seja, 5 mil milhões.", variant="PT"),
        good("Foram vendidos 2.500 ingressos e arrecadados R$ 3,5 milhões."),
    ],
)
def spanish_style_billions(doc: Document, ctx) -> Iterator[Hit]:
    """A count of billions written as thousands of millions (`12.350 milhões`) in pt-BR text.

    ## Why it matters
    Spanish writes billions as thousands of millions (`12.350 millones`), and so does European
    Portuguese (`12 350 milhões`, `12,35 mil milhões`). Brazilian Portuguese has the word
    `bilhão`: `US$ 12,35 bilhões`. Machine translation from Spanish sources, or through them,
    keeps the Spanish count, which a Brazilian reader has to divide in the head, and which reads
    as a translation.

    ## What fires
    In a pt-BR document only: a number with a thousands point right before `milhões` (`48.000
    milhões`), two of them joined by `e`, `a` or `ou` (`40.000 e 42.500 milhões`), and `mil
    milhões`. The suggestion is the count in billions (`12,35 bilhões`).

    ## What stays silent
    pt-PT documents, where `5.000 milhões` and `mil milhões` are the norm; millions under a
    thousand (`350 milhões`); thousands points before other words (`45.000 torcedores`).
    """
    if (doc.variant or "").upper() != "BR" or "milh" not in doc.text:
        return
    for m in _free_matches(_MAGNITUDE, doc.text, ".,"):
        if m.group("c"):
            count = m.group("c")
            yield Hit(m.start(), m.end(), suggestion=f"{count} {_billion_word(count)}")
            continue
        first = _billions(m.group("a"))
        if m.group("b"):
            last = _billions(m.group("b"))
            sugg = f"{first} {m.group('join')} {last} {_billion_word(last)}"
        else:
            sugg = f"{first} {_billion_word(first)}"
        yield Hit(m.start(), m.end(), suggestion=sugg)


#: `US$ 50K`, `$2bn`, `R$ 3M`, `50k seguidores`: an English magnitude letter after a number.
_ABBREV = re.compile(
    r"(?P<num>\d{1,3}(?:[.,]\d{1,3})?)[ \u00a0]?(?P<mag>[kK]|M|B|bn|mi|MM)(?![\w$%])"
)
_ABBREV_WORDS = {"k": "mil", "m": "milhões", "mm": "milhões", "mi": "milhões", "b": "bilhões", "bn": "bilhões"}
#: A currency sign right before the number (S131).
_CURRENCY_BEFORE = re.compile(r"(?:US\$|R\$|\$|€|£)[ \u00a0]?$")
#: A plural lower-case word right after the abbreviation (`50k seguidores`).
_PLURAL_AFTER = re.compile(r"[ \u00a0]+(?:de[ \u00a0]+)?[a-zà-öø-ÿ]{3,}s(?![\w-])")
#: English ordinal endings after a number (`1st`, `22nd`, `3rd`, `10th`).
_EN_ORDINAL = re.compile(r"(?P<num>\d{1,4})(?P<suf>st|nd|rd|th)(?![\w])")
#: An English plural decade (`1990s`, `'90s`): Portuguese writes `a década de 1990`, `os anos 90`.
_EN_DECADE = re.compile(r"(?P<num>(?:1[5-9]|20)\d0|['’]\d0)s(?![\w])")
#: An ordinal written with the letter o or a instead of the sign (`1o de janeiro`, `2a edição`),
#: before a month or a noun that takes an ordinal.
_LETTER_ORDINAL = re.compile(
    r"(?<![\w.,/-])(?P<num>\d{1,3})(?P<suf>[oa])(?=[ \u00a0]+(?:de[ \u00a0]+(?:"
    + "|".join(named_set("pt", "months")) + r")|lugar|colocad[oa]|andar|ano|"
    r"turno|trimestre|semestre|edição|temporada|rodada|jornada|vez|dia|mês|século|grau|posição|fase|"
    r"série|etapa|classificad[oa]|volta|turma|batalhão|período|aniversário|mandato|congresso|"
    r"encontro|festival|torneio|tempo|quarto|escalão|divisão|pelotão)\b)")
#: A capitalised English word after the ordinal: a name (`5th Avenue`, `20th Century Studios`).
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-Z][a-z]")


@check(
    "S131", "english-magnitude-abbreviation", Severity.WARNING,
    category="spacing_punctuation",
    message="'{text}': {why}; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O jogador assinou por US$ [[50M]] por ano.", suggest="50 milhões"),
        bad("O perfil passou de [[80k]] seguidores.", suggest="80 mil"),
        bad("A rodada levantou $ [[2bn]] em fundos.", suggest="2 bilhões"),
        bad("Ele terminou em [[2nd]] lugar na prova.", suggest="2º"),
        bad("As regras valem a partir de [[1o]] de janeiro.", suggest="1º"),
        bad("A [[3a]] edição do festival começa hoje.", suggest="3ª"),
        good("O 1º de janeiro e a 3ª edição; a sala 10a e o modelo 2o2; 1 o 2."),
        bad("A banda fez sucesso nos [[1990s]] e nos [['80s]].", suggest=None),
        good("A banda fez sucesso nos anos 1990 e na década de 1980; o modelo 2020S saiu."),
        good("O vídeo em 4K tem 60 fps; a TV 8K custa R$ 20 mil."),
        good("O carro M3 e o avião B737 chegaram; a vitamina B12 faz bem."),
        good("A loja fica na 5th Avenue, perto da 42nd Street."),
        good("O fundo tem 3 mil cotistas e R$ 5 milhões em caixa."),
    ],
)
def english_magnitude_abbreviation(doc: Document, ctx) -> Iterator[Hit]:
    """English magnitude letters, ordinal endings and plural decades (`US$ 50M`, `80k`, `2nd`, `1990s`).

    Also an ordinal written with a letter for its sign (`1o de janeiro`, `3a edição`).

    ## Why it matters
    English writes `$50M`, `80k followers` and `2nd place`; Portuguese writes the words, `US$ 50
    milhões`, `80 mil seguidores`, and the ordinal sign, `2º lugar`. Left as they are, the
    letters are English in a Portuguese sentence, and `M` or `B` are not read as magnitudes.

    ## What fires
    A number followed by `k`, `K`, `M`, `MM`, `B` or `bn` after a currency sign (`US$ 50M`), or
    before a plural word (`80k seguidores`); a number with `st`, `nd`, `rd` or `th`; a decade
    with a plural `s` (`1990s`, `'90s`); a number with the letter `o` or `a` for the ordinal sign
    before a month or a noun that takes an ordinal (`1o de janeiro`, `3a edição`, `2o lugar`).

    ## What stays silent
    Resolutions and model names (`4K`, `8K`, `M3`, `B12`: no currency sign and no plural noun
    after them), and English names with an ordinal (`5th Avenue`).
    """
    text = doc.text
    for m in _free_matches(_ABBREV, text, ".,-/"):
        mag = m.group("mag")
        before = _CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if not before and not (mag in "kK" and _PLURAL_AFTER.match(text, m.end())):
            continue
        word = _ABBREV_WORDS[mag.casefold()]
        num = m.group("num")
        if word != "mil" and num == "1":
            word = word.replace("lhões", "lhão")
        yield Hit(m.start(), m.end(), suggestion=f"{num} {word}",
                  args={"why": "Portuguese writes the magnitude as a word"})
    for m in _free_matches(_EN_DECADE, text, ".,-/"):
        num = m.group("num").lstrip("'’")
        yield Hit(m.start(), m.end(), suggestion=f"anos {num}" if len(num) == 2 else f"década de {num}",
                  args={"why": "Portuguese does not pluralise a decade with -s"})
    for m in scan(_LETTER_ORDINAL, text):
        sign = "º" if m.group("suf") == "o" else "ª"
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('num')}{sign}",
                  args={"why": f"the ordinal sign is '{sign}', not the letter '{m.group('suf')}'"})
    if "st" not in text and "nd" not in text and "rd" not in text and "th" not in text:
        return
    for m in _free_matches(_EN_ORDINAL, text, ".,-/"):
        if _NAME_AFTER.match(text, m.end()):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('num')}º",
                  args={"why": "Portuguese writes ordinals with º or ª"})


# --- S134 spaces that split a number, a degree or a score ---------------------------------------

#: "10 .000": a space before the thousands point.
_SPLIT_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})[ \t\u00a0]+\.(\d{3})(?![\d\w]|[.,]\d)")
#: "30 ° C", "30° C": the degree sign parted from its scale letter.
_SPLIT_DEGREE_UNIT = re.compile(r"(?<![\w.,])(\d+(?:,\d+)?)[ \t\u00a0]*([°º])[ \t\u00a0]+([CF])(?![\w])")
#: "23 ° 32 ′": a degree sign with a space on each side between two numbers (coordinates, angles).
_SPACED_DEGREE = re.compile(r"(?<![\w.,])(\d+)[ \t\u00a0]+°[ \t\u00a0]+(\d+)(?![\d,.])")
#: "2 -1": a score whose hyphen lost the space after it but kept the one before.
_SPLIT_SCORE = re.compile(r"(?<![\w.,+\-−–])(\d{1,2}) -(\d{1,2})(?![\w.,%°º\-]|[ \t\u00a0]*(?:[°º%]|graus\b))")
_S134_GATE = re.compile(r"\d[ \t\u00a0]+[.°-]|[°º][ \t\u00a0]+[CF]")


@check(
    "S134", "split-number", Severity.WARNING,
    category="spacing_punctuation",
    message="A space splits '{text}'; write '{suggestion}'",
    examples=[
        bad("O evento reuniu [[10 .000]] pessoas no estádio.", suggest="10.000"),
        bad("A temperatura chegou a [[30 ° C]] no domingo.", suggest="30 °C"),
        bad("A máxima foi de [[31° C]] na capital.", suggest="31 °C"),
        bad("A cidade fica a [[23 ° 32]] ′ de latitude sul.", suggest="23° 32"),
        bad("O time venceu por [[2 -1]] e garantiu a vaga.", suggest="2-1"),
        good("Com 32 °C à tarde e 18 °C à noite, a frente fria chega na terça."),
        good("O placar foi 2-1, e o jogo terminou 2 - 1 no tempo extra; a variação foi de -1,5%."),
        good("Entre 2010 e 2020, a população passou de 10.000 para 12.500 habitantes."),
        good("A versão 2 .NET saiu; o índice caiu de 5 -3%; a temperatura variou de 4 -2 °C."),
        good("O projeto terminou em 2019. 500 pessoas participaram."),
    ],
)
def split_number(doc: Document, ctx) -> Iterator[Hit]:
    """A space inside a number, a temperature or a score (`10 .000`, `30 ° C`, `2 -1`).

    ## Why it matters
    Text reassembled from a page, or passed through a translator that tokenises numbers, comes
    back with spaces inside them: `10 .000` for `10.000`, `30 ° C` for `30 °C`, `2 -1` for a
    score of `2-1`. Readers stumble, and a line break can fall inside the number.

    ## What fires
    A space before the thousands point of a number (`10 .000`); the degree sign parted from its
    scale letter (`30 ° C`, `31° C`); a degree sign with a space on each side between two
    numbers (`23 ° 32`); a hyphen between two numbers of one or two digits with a space before it
    and none after (`2 -1`), unless a percentage, a decimal or a unit follows. `32 °C` (the SI
    spacing), `2-1`, `2 - 1` and a negative percentage (`-1,5%`) stay silent.
    """
    text = doc.text
    if not _S134_GATE.search(text):
        return
    for m in scan(_SPLIT_THOUSANDS, text):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)}.{m.group(2)}")
    for m in scan(_SPLIT_DEGREE_UNIT, text):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)} {m.group(2)}{m.group(3)}")
    for m in scan(_SPACED_DEGREE, text):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)}° {m.group(2)}")
    for m in scan(_SPLIT_SCORE, text):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)}-{m.group(2)}")


CHECKS = (english_number_format, english_date_time_format, spanish_style_billions,
          english_magnitude_abbreviation, split_number)
