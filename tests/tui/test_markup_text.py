"""Article text that looks like Textual markup is shown as text, never parsed."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from mtqa.tui.widgets.statusbar import StatusBar


class _Session:
    docs = [object()]

    class filter:  # noqa: N801 - a stand-in with the attributes StatusBar reads
        active = False

    def totals(self):
        return 0, 3, 1


class _App(App):
    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")


def test_status_messages_with_markup_like_text_render_literally():
    async def run():
        app = _App()
        async with app.run_test() as pilot:
            bar = app.query_one(StatusBar)
            for message in ("dismissed S101 '[/link]'", "accepted B110 '[caption id=\"x\"]'",
                            "accepted U101 '[bold red]Na[/bold red]'"):
                bar.show(_Session(), message)
                await pilot.pause()
                shown = str(bar.render())
                assert message in shown, shown
    asyncio.run(run())
