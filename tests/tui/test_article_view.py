"""The article view: one line-API widget. Its rows are the lines of the document wrapped as a
widget of text wraps them, a move re-renders only the lines of the findings involved (and shows
what a full render shows), the text stays text, the current finding stays in view on resize,
and mouse selection copies the article's text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Offset
from textual.selection import Selection

from mtqa.tui.widgets.article import ArticleView
from tests.tui.conftest import ready


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def article_rows(app) -> list[str]:
    """The article's rows on screen (inside its border and padding)."""
    view = app.screen.query_one("#article", ArticleView)
    r = view.content_region
    return [line[r.x:r.right].rstrip() for line in screen_lines(app)[r.y:r.bottom]]


async def test_row_counts_are_the_wrapping(make, workdir):
    """Lines not in view are only counted: the count is what wrapping them gives, for prose,
    long words that fold, wide characters and tabs."""
    words = ["palavra", "a", "extraordinariamente-comprida-sem-espaços-nenhuns", "漢字かな",
             "é", "—", "x" * 75, "\tTab", "  dois  espaços"]
    lines = [" ".join(words[(i * 7 + j) % len(words)] for j in range(i % 23 + 1))
             for i in range(60)]
    (workdir / "long.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = make(paths=("long.txt",))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.screen.query_one("#article", ArticleView)
        for width in (7, 20, 33, 50, 77):
            for k in range(len(view.texts)):
                assert view._count_rows(k, width) == len(view._wrap(k, width)), (width, k)


async def test_move_rerenders_only_its_lines_and_matches_a_full_render(make, workdir):
    (workdir / "long.txt").write_text(
        "".join(f"O Senhor Silva número {i} falou -se com o Senhor Costa.\n\n" for i in range(15)),
        encoding="utf-8")
    app = make(paths=("long.txt",))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.screen.query_one("#article", ArticleView)
        for _ in range(7):
            before = list(view.texts)
            await pilot.press("n")
            await pilot.pause()
            changed = [k for k, (a, b) in enumerate(zip(before, view.texts, strict=True))
                       if a is not b]
            assert 1 <= len(changed) <= 2, changed  # the previous and the current finding's
            shown, plain, top = article_rows(app), view.plain, view.scroll_y
            # the same document shown from scratch, at the same scroll position
            view.show(view.doc, view._findings, app.session.cursor.fingerprint)
            view.scroll_to(0, top, animate=False)
            await pilot.pause()
            assert view.plain == plain and article_rows(app) == shown
        # the current finding (line 3, its hyphen) is on screen
        assert app.session.current().code == "X901"
        assert any("▶ -⟧" in row for row in article_rows(app))


async def test_current_finding_stays_in_view_on_resize(make, workdir):
    (workdir / "long.txt").write_text(
        "".join(f"Linha {i} de texto sem nada de especial para rever aqui.\n" for i in range(30))
        + "O Senhor Putin chegou.\n", encoding="utf-8")
    app = make(paths=("long.txt",))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert any("▶Senhor⟧" in row for row in article_rows(app))
        for size in ((60, 24), (160, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.1)
            assert any("▶Senhor⟧" in row for row in article_rows(app)), size


class _Article(App):
    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")


def test_article_text_that_looks_like_markup_is_shown_as_text():
    import asyncio

    from mtqa.core.model import Document

    text = ("[bold red]Na[/bold red] manchete\n\n[caption id=\"x\"]Foto[/caption] e [/link]\n"
            "[link=https://exemplo.org]ligação[/link] [b]\n")

    async def run():
        app = _Article()
        async with app.run_test(size=(60, 12)) as pilot:
            view = app.query_one(ArticleView)
            view.show(Document("x.txt", text), [], None)
            await pilot.pause()
            assert view.plain == "\n".join(line for line in text.splitlines() if line)
            shown = "\n".join(article_rows(app))
            for line in text.splitlines():
                if line:
                    assert line in shown, (line, shown)
            view.show(None, [], None, "cannot read [/link] x.txt: [bold]bad[/bold]")
            await pilot.pause()
            assert "cannot read [/link] x.txt: [bold]bad[/bold]" in "\n".join(article_rows(app))
    asyncio.run(run())


async def test_mouse_selection_copies_the_article_text(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.screen.query_one("#article", ArticleView)
        lines = view.plain.splitlines()
        # where the mouse is over the second line, Textual finds that line of the text
        r = view.content_region
        rows = article_rows(app)
        y = next(i for i, row in enumerate(rows) if row.startswith("A mídia"))
        _, offset = app.screen.get_widget_and_offset_at(r.x + 2, r.y + y)
        assert offset == Offset(2, 1)
        app.screen.selections = {view: Selection(Offset(2, 0), Offset(5, 1))}
        await pilot.pause()
        assert app.screen.get_selected_text() == lines[0][2:] + "\n" + lines[1][:5]
