"""Layout pinned by pytest-textual-snapshot: 80x24 (the smallest supported), wide, and a modal.

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and
look at the SVGs in ``__snapshots__``.
"""

from __future__ import annotations

from tests.tui.conftest import ready, wait_for


async def settled(pilot) -> None:
    await ready(pilot)
    await wait_for(pilot, lambda: all(d.checked for d in pilot.app.session.docs))
    await pilot.pause()


def test_review_80x24(make, snap_compare):
    async def run_before(pilot):
        await settled(pilot)
        await pilot.press("n", "a")

    assert snap_compare(make(), terminal_size=(80, 24), run_before=run_before)


def test_review_wide(make, snap_compare):
    async def run_before(pilot):
        await settled(pilot)
        await pilot.press("x", "enter")

    assert snap_compare(make(), terminal_size=(160, 40), run_before=run_before)


def test_dismiss_prompt_80x24(make, snap_compare):
    async def run_before(pilot):
        await settled(pilot)
        await pilot.press("x")
        await pilot.pause()

    assert snap_compare(make(), terminal_size=(80, 24), run_before=run_before)
