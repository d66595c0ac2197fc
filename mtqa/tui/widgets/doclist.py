"""The document list: per document, counts per severity and review progress."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList

from mtqa.core.model import Severity
from mtqa.tui.messages import DocumentChosen

#: Characters of a file name shown (the document list is narrow; the article title has it all).
NAME_WIDTH = 20


def ellipsize(s: str, n: int) -> str:
    """``s`` cut to ``n`` characters in the middle (``000_2614…af0b.txt``)."""
    if len(s) <= n:
        return s
    head = (n - 1) * 2 // 3
    return s[:head] + "…" + s[len(s) - (n - 1 - head):]


def document_prompt(session, i: int) -> Text:
    """``✓ 000_26149f.txt  E1 W4 I0 3/5`` (a check mark when every finding is reviewed)."""
    st = session.docs[i]
    name = ellipsize(st.display.rsplit("/", 1)[-1], NAME_WIDTH)
    t = Text(no_wrap=True, overflow="ellipsis")
    if st.error:
        t.append("! ", style="bold red")
        t.append(name)
        t.append("\n  unreadable", style="red")
        return t
    if not st.checked:
        t.append("… ", style="dim")
        t.append(name, style="dim")
        t.append("\n  checking", style="dim")
        return t
    sev, reviewed, total = session.counts(i)
    done = total and reviewed == total
    t.append("✓ " if done else "  ", style="green bold")
    t.append(name)
    t.append("\n  ")
    for s, style in ((Severity.ERROR, "red"), (Severity.WARNING, "yellow"), (Severity.INFO, "cyan")):
        t.append(f"{s.name[0]}{sev.get(s, 0)} ", style=style)
    t.append(f"{reviewed}/{total}", style="green" if done else "")
    return t


class DocumentList(OptionList):
    """One entry per input document; Enter opens it."""

    def populate(self, session) -> None:
        self.set_options([document_prompt(session, i) for i in range(len(session.docs))])

    def update_entry(self, session, i: int) -> None:
        if i < self.option_count:
            self.replace_option_prompt_at_index(i, document_prompt(session, i))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(DocumentChosen(event.option_index))
