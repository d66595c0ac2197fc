"""The command palette (ctrl+p): every action of the key-binding table, by name, with its keys.

The palette runs an action on the review screen exactly as its key does (through the same
queue, so it too waits for a document that is still being checked).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from mtqa.tui.actions import ACTIONS, keys_for


class ReviewCommands(Provider):
    """One command per row of :data:`mtqa.tui.actions.ACTIONS`."""

    def _commands(self):
        from mtqa.tui.screens.review import ReviewScreen

        screen = next((s for s in reversed(self.app.screen_stack) if isinstance(s, ReviewScreen)),
                      None)
        if screen is None:
            return []
        keymap = getattr(self.app, "keymap", {})
        # help is read as markup by the palette: the keys ('[', ']', '/') are escaped
        return [(a.description, escape(f"{a.help} — keys: {keys_for(a.id, keymap)}"),
                 partial(screen.run_action, a.action)) for a in ACTIONS]

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            # the name or the longer help text ("round-trip", "false positive"...)
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
