"""Debris of the web page and of the translation engine's tokeniser (S132, S133).

A translation engine splits ``@handle``, ``#tag``, ``10:30``, ``3,5``, ``12/05/2025`` and
``www.site.com`` at their punctuation and gives them back with spaces inside (S132). A scraper
that reads a page in the wrong encoding, or copies its HTML source, leaves mojibake
(``relatÃ³rio``), entities (``&quot;``), escapes (``\\u00e9``), the replacement character and
soft hyphens in the text (S133). Neither is ever written by a person, so both are precise.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.checks.spacing import _near
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan

_SP = r"[ \t\u00a0]"

#: (pattern, how to join it). Each needs a space inside a token no person writes with one.
_SPLIT = (
    # a handle: "@ maria_silva"
    re.compile(rf"(?<![\w@])@{_SP}+(?=[A-Za-z0-9_]{{2,}}\b)"),
    # a hashtag inside a line (at a line's start "# Título" is a Markdown heading)
    re.compile(rf"(?<=[\w,.:;!?]{_SP})#{_SP}+(?=[^\W\d_][\w]*)"),
    # a clock time: "10: 30", "10 :30"
    re.compile(rf"(?<![\d:,.])(?:[01]?\d|2[0-3])(?:{_SP}+:{_SP}*|:{_SP}+)[0-5]\d(?![\d:])"),
    # a decimal before a unit of quantity: "3, 5%", "1, 2 milhão"
    re.compile(rf"(?<![\d,.])\d{{1,3}},{_SP}+\d(?=\d?{_SP}*(?:%|por{_SP}+cento\b|mil(?:hões|hão)?\b|bilh(?:ões|ão)\b|trilh(?:ões|ão)\b))"),
    # a date: "12 / 05 / 2025"
    re.compile(rf"(?<![\d/])\d{{1,2}}{_SP}*/{_SP}*\d{{1,2}}{_SP}*/{_SP}*(?:\d{{4}}|\d{{2}})(?![\d/])"),
    # an address: "www. governo. gov. br", "site. com. br"
    re.compile(rf"\b(?:https?:{_SP}*/{_SP}*/{_SP}*)?www{_SP}*\.(?:{_SP}*[a-z0-9-]+{_SP}*\.)*{_SP}*(?:com|org|net|gov|edu|br|pt|io)(?:{_SP}*\.{_SP}*(?:br|pt))?\b", re.I),
    re.compile(rf"\b[a-z0-9-]+\.{_SP}+(?:com|org|net|gov)\.{_SP}*br\b"),
    # "e /ou", "e/ ou"
    re.compile(rf"\be{_SP}*/{_SP}*ou\b"),
    # a scheme split from its address: "https: // exemplo.com", "http:/ /"
    re.compile(rf"\bhttps?{_SP}*:{_SP}*/{_SP}*/{_SP}*[\w-]+(?:\.[\w-]+)*"),
    # a unit over a unit: "km / h", "m /s", "kWh/ ano"
    re.compile(rf"\b(?:km|m|cm|mm|kg|g|mg|l|ml|kWh|Wh|MB|GB|TB|Mbps|Gbps|Kbps|rpm){_SP}*/{_SP}*"
               rf"(?:h|s|min|dia|mês|ano|m²|m2|kg|l|hab)\b"),
    # a path of Windows: "C: \ Windows \ System32", "Arquivos de Programas \ Microsoft"
    re.compile(rf"\b[A-Z]:(?:{_SP}+\\{_SP}*|\\{_SP}+)(?=\w)|(?<=\w)(?:{_SP}+\\{_SP}*|\\{_SP}+)(?=\w)"),
    # a plural or gender mark after a space: "o (s) arquivo (s)", "aluno (a)"
    re.compile(rf"(?<=[^\W\d_]){_SP}+\((?:s|as|es|os|a|o)\)(?![\w(])"),
)
#: Every match holds one of these (a cheap test before the patterns).
_ANCHORS = ("@", "#", ":", ",", "/", "www", ". com", ". br", "\\", "(")
#: For each pattern of _SPLIT, a pattern every one of its matches holds, which the regex engine
#: finds fast (it opens with a character or a class), and how far before and after it a match
#: can reach: the pattern runs only in those windows (mtqa.checks.spacing._near), not from every
#: position of a megabyte of junk.
_GATES = (
    (re.compile(rf"@{_SP}"), 2, 40),
    (re.compile(rf"#{_SP}"), 4, 40),
    (re.compile(rf"{_SP}:|:{_SP}"), 4, 6),
    (re.compile(rf",{_SP}+\d"), 4, 30),
    (re.compile(rf"{_SP}/|/{_SP}"), 6, 10),
    (re.compile(r"www", re.I), 16, 120),
    (re.compile(rf"\.{_SP}+(?:com|org|net|gov)"), 40, 10),
    (re.compile(r"/"), 4, 6),
    (re.compile(r"https?", re.I), 0, 120),
    (re.compile(r"/"), 8, 8),
    (re.compile(r"\\"), 4, 4),
    (re.compile(rf"{_SP}\("), 4, 6),
)


def _joined(s: str) -> str:
    return re.sub(_SP + "+", "", s)


@check(
    "S132", "split-web-token", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="A space inside '{text}', which is written without one: '{suggestion}'",
    examples=[
        bad("A cantora escreveu na conta [[@ anasouza]] que o show foi adiado."),
        bad("A campanha usa a hashtag [[# VotoLivre]] desde segunda-feira."),
        bad("A reunião começa às [[10: 30]] no auditório."),
        bad("A inflação ficou em [[3, 5]]% no ano passado."),
        bad("O prazo termina em [[12 / 05 / 2025]], segundo o edital."),
        bad("O endereço é [[www. prefeitura. sp. gov. br]] para os pedidos."),
        bad("O contrato pode ser revisto [[e /ou]] cancelado pelo conselho."),
        bad("A página [[https: // exemplo.org]] saiu do ar."),
        bad("O trem chega a 300 [[km / h]] no trecho novo."),
        bad("Abra a pasta [[C: \\ ]]Windows e depois System32."),
        bad("Selecione o[[ (s)]] arquivo[[ (s)]] que deseja copiar."),
        good("A cantora escreveu na conta @anasouza que o show foi adiado; a hashtag #VotoLivre."),
        good("# Resultados da eleição\n\nA reunião começa às 10:30, e a inflação ficou em 3,5%."),
        good("Foram 2, 5 e 7 votos; o placar final, 3 a 1, saiu às 22h."),
        good("O prazo termina em 12/05/2025; o site é www.prefeitura.sp.gov.br; e/ou vale."),
        good("O time venceu: 10 pontos à frente. Ele chegou às 10h: 30 minutos depois, saiu."),
        good("A página https://exemplo.org; 300 km/h; a pasta C:\\Windows; o(s) arquivo(s)."),
        good("Ela citou o artigo 5 (a) da lei e o autor (a quem pediu desculpas)."),
    ],
)
def split_web_token(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A space inside a handle, a hashtag, a time, a decimal, a date or a web address.

    `@ anasouza`, `# VotoLivre`, `10: 30`, `3, 5%`, `12 / 05 / 2025`, `www. site. com. br`.

    ## Why it matters
    Translation engines cut the text into tokens at punctuation and join the translated tokens
    with spaces, so `@anasouza`, `10:30`, `3,5%` and `www.site.com.br` come back broken; a
    reader cannot follow the handle or open the address, and `3, 5%` reads as two numbers.

    ## What fires
    `@` followed by a space and a handle; `#` after a word and a space, followed by a space and
    a word (at the start of a line `# Título` is a heading and stays silent); an hour and
    minutes with a space at the colon; a number, a comma, a space and one digit before `%`,
    `por cento`, `mil`, `milhões`, `bilhões`; a day, month and year with spaces around the
    slashes; `www.` or `….com.br` addresses with spaces after the dots; `https: //`; a unit
    over a unit (`km / h`); a Windows path with spaces at its backslashes (`C: \\ Windows`); a
    plural or gender mark after a space (`arquivo (s)`); `e /ou`. The suggestion is the token
    without the spaces. Lists (`2, 5 e 7 votos`) stay silent.
    """
    text = doc.text
    if not any(a in text for a in _ANCHORS):
        return
    taken: list[tuple[int, int]] = []
    for rx, (gate, back, fwd) in zip(_SPLIT, _GATES, strict=True):
        for m in _near(text, gate, rx, back=back, fwd=fwd):
            g = m.group()
            if not re.search(_SP, g) or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if g.startswith(("@", "#")):  # the handle or tag itself follows the match
                end = m.end()
                while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    end += 1
                yield Hit(m.start(), end, suggestion=g.strip()[0] + text[m.end():end])
            else:
                yield Hit(m.start(), m.end(), suggestion=_joined(g))


# --- S133 encoding debris ---------------------------------------------------------------------------

#: UTF-8 read as Windows-1252 or Latin-1: "Ã" or "Â" and a continuation byte shown as a
#: character (relatÃ³rio, Ã§Ã£o, Â°), and the three-byte punctuation (â€™, â€œ, â€“).
_MOJIBAKE = re.compile("(?:[ÃÂ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[\u0080-\u00bf™œ“”˜šž¦¢¡\u009d])+")
#: HTML character references left as text.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
#: Escapes of a program's string left as text: \u00e9, \x27, \n between words.
_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|(?<=[^\W\d_])\\[nrt](?=[^\W\d_]|\s)")
_DEBRIS_ANCHORS = ("Ã", "Â", "â€", "&", "\\", "\ufffd", "\u00ad")


def _unmojibake(s: str) -> str | None:
    for enc in ("cp1252", "latin-1"):
        try:
            return s.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None


@check(
    "S133", "encoding-debris", Severity.WARNING,
    category="spacing_punctuation",
    message="Debris of the page's code or encoding: '{text}'{fix}",
    examples=[
        bad("O [[relatÃ³rio]] foi publicado na segunda-feira."),
        bad("O ministro disse que a medida [[&quot;]]não tem volta[[&quot;]] e saiu."),
        bad("A conta chegou a R$ 10[[&nbsp;]]mil."),
        bad("A palavra caf[[\\u00e9]] aparece escrita assim."),
        bad("O texto perdeu uma letra: ref[[\ufffd]]gio."),
        bad("A pala[[\u00ad]]vra dividida ao meio."),
        good("O relatório foi publicado; a Johnson & Johnson e a AT&T; o caminho C:\\Users."),
        good("A SÃO PAULO FUTEBOL CLUBE e o ÂMBITO da lei, em maiúsculas."),
    ],
)
def encoding_debris(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """Mojibake, an HTML entity, a program escape, a lost character or a soft hyphen.

    `relatÃ³rio`, `&quot;`, `\\u00e9`, `�`, an invisible hyphen inside a word.

    ## Why it matters
    A page read in the wrong encoding turns every accented letter into two signs
    (`relatÃ³rio`); a scraper that copies the page's source leaves `&quot;` and `&nbsp;`; a
    pipeline that prints a string's representation leaves `\\u00e9`; a byte that could not be
    decoded becomes `�`. A soft hyphen is invisible on screen but breaks search and spelling.
    None of them is ever meant.

    ## What fires
    `Ã` or `Â` followed by a sign that is a UTF-8 continuation byte read as Windows-1252, and
    `â€` sequences (the suggestion is the text decoded again); an HTML character reference
    (`&quot;`, `&#8217;`; the suggestion is the character, a space for `&nbsp;`); `\\uXXXX`,
    `\\xXX` and `\\n` between words; U+FFFD; a soft hyphen (deleted). A plain `&` (`AT&T`),
    a backslash path (`C:\\Users`) and `Ã` in capitals (`SÃO`) stay silent.
    """
    text = doc.text
    if not any(a in text for a in _DEBRIS_ANCHORS):
        return
    if "Ã" in text or "Â" in text or "â€" in text:
        last = -1
        for m in scan(_MOJIBAKE, text):
            if m.start() < last:
                continue  # in the word already reported
            a, b = m.start(), m.end()  # the whole word it is in
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            while b < len(text):
                more = _MOJIBAKE.match(text, b)
                if more:
                    b = more.end()
                elif text[b].isalpha() and text[b] != "\u00ad":
                    b += 1
                else:
                    break
            last = b
            fixed = _unmojibake(text[a:b])
            if fixed is not None and fixed != text[a:b]:
                yield Hit(a, b, suggestion=fixed, args={"fix": f"; it was '{fixed}'"})
    if "&" in text:
        for m in scan(_ENTITY, text):
            char = html.unescape(m.group())
            if char == m.group():
                continue  # not an entity HTML knows
            char = " " if char == "\u00a0" else char
            yield Hit(m.start(), m.end(), suggestion=char, args={"fix": f"; it stands for '{char}'"})
    if "\\" in text:
        for m in scan(_ESCAPE, text):
            g = m.group()
            char = {"\\n": " ", "\\r": " ", "\\t": " "}.get(g) or chr(int(g[2:], 16))
            yield Hit(m.start(), m.end(), suggestion=char, args={"fix": f"; it stands for '{char}'"})
    for ch, what in (("\ufffd", "a character lost in decoding"), ("\u00ad", "a soft hyphen")):
        start = text.find(ch)
        while start != -1:
            if ch == "\u00ad" and start > 0 and text[start - 1] in "ÃÂ":
                start = text.find(ch, start + 1)
                continue  # the second byte of a mojibake "í" (Ã + U+00AD), reported above
            yield Hit(start, start + 1, suggestion="" if ch == "\u00ad" else None,
                      args={"fix": f" ({what})"})
            start = text.find(ch, start + 1)


CHECKS = (split_web_token, encoding_debris)
