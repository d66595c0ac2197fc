"""Time each reader on about 1 MB of its format (our own sentences), best of 3:
``.venv/bin/python -m tests.readers.bench`` prints the table in docs/formats/README.md."""

from __future__ import annotations

import time

from mtqa.core.model import Document
from mtqa.engine.readers import attach

P = ("O líder norte-coreano chegou a Moscou na quarta-feira para uma visita de dois dias, "
     "disse a agência &amp; o governo.")
N = 1_000_000 // (len(P) + 40)
FILES = {
    "a.md": "\n\n".join(f"## Título {i}\n\n{P} Veja `x{i}` e [o link](https://e.org/{i})."
                        for i in range(N // 2)),
    "a.html": "<html><body>" + "".join(f"<p>{P} <b>{i}</b></p>\n" for i in range(N)) + "</body></html>",
    "a.po": "\n".join(f'msgid "s{i}"\nmsgstr "{P}"\n' for i in range(N)),
    "a.xlf": '<xliff version="1.2"><file><body>' + "".join(
        f'<trans-unit id="{i}"><source>s</source><target>{P}</target></trans-unit>\n'
        for i in range(N)) + "</body></file></xliff>",
}


def main() -> None:
    for name, text in FILES.items():
        best = float("inf")
        for _ in range(3):
            doc = Document(name, text)
            t = time.perf_counter()
            prose = attach(doc)
            best = min(best, time.perf_counter() - t)
        print(f"| {name.split('.')[1]} | {len(text.encode()) / 1e6:.2f} MB | {best:.2f} s "
              f"| {len(prose.text) / 1e6:.2f} M chars of prose |")


if __name__ == "__main__":
    main()
