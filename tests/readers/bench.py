"""Time each reader on about 1 MB of its format (our own sentences), best of 3:
``.venv/bin/python -m tests.readers.bench`` prints the table in docs/formats/README.md."""
import time
from mtqa.core.model import Document
from mtqa.engine.readers import attach
P = "O líder norte-coreano chegou a Moscou na quarta-feira para uma visita de dois dias, disse a agência &amp; o governo."
n = 1_000_000 // (len(P) + 40)
files = {
    "a.md": "\n\n".join(f"## Título {i}\n\n{P} Veja `x{i}` e [o link](https://e.org/{i})." for i in range(n // 2)),
    "a.html": "<html><body>" + "".join(f"<p>{P} <b>{i}</b></p>\n" for i in range(n)) + "</body></html>",
    "a.po": "\n".join(f'msgid "s{i}"\nmsgstr "{P}"\n' for i in range(n)),
    "a.xlf": '<xliff version="1.2"><file><body>' + "".join(
        f'<trans-unit id="{i}"><source>s</source><target>{P}</target></trans-unit>\n' for i in range(n)) + "</body></file></xliff>",
}
for name, text in files.items():
    best = 1e9
    for _ in range(3):
        d = Document(name, text); t = time.perf_counter(); p = attach(d); best = min(best, time.perf_counter() - t)
    print(f"| {name.split('.')[1]} | {len(text.encode()) / 1e6:.2f} MB | {best:.2f} s | {len(p.text) / 1e6:.2f} M chars of prose |")
