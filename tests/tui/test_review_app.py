"""The review UI driven through Textual's Pilot: every action, decisions on disk, lint agreement."""

from __future__ import annotations

import json

import pytest

from mtqa.core.review import load_decisions
from tests.tui.conftest import ready, wait_for


def article_text(app) -> str:
    """The article's lines as rendered, markers included (every line, not only those in view)."""
    from mtqa.tui.widgets.article import ArticleView

    return app.screen.query_one("#article", ArticleView).plain


def detail_text(app) -> str:
    return app.screen.query_one("#detail").plain


def status_text(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_opens_first_document_with_highlights(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        assert s.cursor.doc == 0
        cur = s.current()
        assert (cur.code, cur.text) == ("X901", " -")
        text = article_text(app)
        # every finding of a.txt carries a text marker: number, severity letter, category
        assert "▶ -⟧1W·SP" in text
        assert "⟦Senhor⟧2E·CQ" in text and "⟦Senhor⟧3E·CQ" in text
        assert "X901" in detail_text(app) and "suggestion: '-'" in detail_text(app)
        await wait_for(pilot, lambda: all(d.checked for d in s.docs))
        assert s.counts(0)[2] == 3 and s.counts(1)[2] == 2 and s.counts(2)[2] == 0


async def test_next_and_previous_cross_documents(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        seen = [(s.cursor.doc, s.current().code)]
        for _ in range(4):
            await pilot.press("n")
            seen.append((s.cursor.doc, s.current().code))
        assert seen == [(0, "X901"), (0, "X902"), (0, "X902"), (1, "X903"), (1, "X901")]
        await pilot.press("n")  # c.txt has no findings: stays on the last one
        assert (s.cursor.doc, s.current().code) == (1, "X901")
        assert "no more findings" in status_text(app)
        await pilot.press("k", "p")
        assert (s.cursor.doc, s.current().code) == (0, "X902")
        assert "b.txt" not in app.screen.query_one("#article").border_title


async def test_accept_is_on_disk_at_once(make, workdir):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        first = app.session.current()
        await pilot.press("a")
        # written before the app exits: a kill now loses nothing
        saved = load_decisions(workdir / "mtqa-review.jsonl")
        assert saved[first.fingerprint].decision == "accepted"
        assert app.session.current().code == "X902"  # moved on
        assert "✓" in str(app.screen.query_one("#findings").get_option_at_index(0).prompt)


async def test_dismiss_with_note_empty_note_and_cancel(make, workdir):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        f1 = s.current()
        await pilot.press("x")
        await pilot.press(*"spacing ok here", "enter")
        f2 = s.current()
        await pilot.press("x", "enter")  # Enter confirms an empty note
        f3 = s.current()
        await pilot.press("x", "escape")  # Esc cancels
        await pilot.pause()
        saved = load_decisions(workdir / "mtqa-review.jsonl")
        assert saved[f1.fingerprint].decision == "dismissed"
        assert saved[f1.fingerprint].note == "spacing ok here"
        assert saved[f2.fingerprint].decision == "dismissed" and saved[f2.fingerprint].note == ""
        assert f3.fingerprint not in saved
        assert "cancelled" in status_text(app)


async def test_reopening_shows_decisions(make, workdir):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a", "x", "enter")
    app2 = make()
    async with app2.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        fl = app2.screen.query_one("#findings")
        prompts = [str(fl.get_option_at_index(i).prompt) for i in range(fl.option_count)]
        assert prompts[0].startswith("✓") and prompts[1].startswith("✗")
        assert prompts[2].startswith("·")
        assert "2/5 reviewed" in status_text(app2) or "2/3 reviewed" in status_text(app2)


async def test_quit_mid_review_keeps_decisions(make, workdir):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a", "n", "x", "enter", "q")
        await pilot.pause()
    assert app.return_code in (0, None)
    saved = load_decisions(workdir / "mtqa-review.jsonl")
    assert sorted(d.decision for d in saved.values()) == ["accepted", "dismissed"]


async def test_dismissal_in_review_makes_lint_report_one_fewer(workdir, config):
    """Real check (S101) and the real `mtqa lint` command, same files, same directory."""
    from click.testing import CliRunner

    from mtqa.checks import get_check
    from mtqa.cli import cli
    from mtqa.engine.runner import Engine
    from mtqa.providers import Providers
    from mtqa.tui.app import make_app

    def lint() -> list[str]:
        r = CliRunner().invoke(cli, ["lint", "--isolated", "--select", "S101", "--language", "pt",
                                     "--variant", "BR", "--exit-zero", "a.txt", "b.txt"])
        assert r.exit_code == 0, r.output
        return [line for line in r.output.splitlines() if ": S101 " in line]

    before = lint()
    assert len(before) == 2
    providers = Providers(config, overrides={"langid": None})
    app = make_app(["a.txt", "b.txt"], config,
                   engine=Engine(config, checks=[get_check("S101")], providers=providers))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.session.current().code == "S101"
        await pilot.press("x", "enter")
    after = lint()
    assert len(after) == len(before) - 1
    assert after == before[1:]


async def test_apply_suggestion_and_undo(make, workdir):
    original = (workdir / "a.txt").read_text(encoding="utf-8")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        assert s.current().code == "X901"
        await pilot.press("f")
        fixed = (workdir / "a.txt").read_text(encoding="utf-8")
        assert "norte-coreano" in fixed and "norte -coreano" not in fixed
        assert (workdir / "a.txt.mtqa-bak").read_text(encoding="utf-8") == original
        assert [f.code for f in s.docs[0].findings] == ["X902", "X902"]
        assert "⟦ -⟧" not in article_text(app) and "norte-coreano" in article_text(app)
        assert s.current().code == "X902"
        await pilot.press("f")  # X902 has no suggestion: nothing is written
        assert "no suggestion" in status_text(app)
        assert (workdir / "a.txt").read_text(encoding="utf-8") == fixed
        await pilot.press("u")
        assert (workdir / "a.txt").read_text(encoding="utf-8") == original
        assert [f.code for f in s.docs[0].findings] == ["X901", "X902", "X902"]
        assert s.current().code == "X901" and s.state(s.current()) == "pending"
        await pilot.press("u")
        assert "nothing to undo" in status_text(app)


async def test_glossary_form_validates_and_writes(make, workdir):
    from mtqa.core.glossary import load_file, run_example
    from mtqa.tui.modals.glossary import GlossaryModal

    gl = workdir / "mtqa-glossary.yaml"
    app = make()  # default place: the project glossary, which lint reads
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("n")  # X902 'Senhor'
        await pilot.press("g")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, GlossaryModal)

        def val(key: str) -> str:
            return modal.query_one(f"#g-{key}").value

        assert val("path") == "mtqa-glossary.yaml"
        assert val("terms") == "Senhor" and val("id") == "senhor"
        assert val("bad") == "O líder norte -coreano recebeu o [[Senhor]] Putin em Pyongyang."
        await pilot.press("ctrl+s")  # no passing example yet: refused
        assert "passing example: required" in str(modal.query_one("#g-errors").render())
        modal.query_one("#g-good").value = "O Senhor dos Anéis estreou."  # it would fire here
        await pilot.press("ctrl+s")
        errors = str(modal.query_one("#g-errors").render())
        assert "passing example: fired on ['Senhor']" in errors
        assert "fires without a suggestion" in errors  # X902 offers none: the form asks for one
        assert not gl.exists()
        modal.query_one("#g-good").value = "O presidente russo chegou."
        modal.query_one("#g-suggest").value = "o presidente"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryModal)
        assert "written to" in status_text(app)
    glossary = load_file(gl)  # the glossary loader accepts the file
    (entry,) = glossary.entries
    assert (entry.id, entry.kind, entry.terms, entry.suggest) == (
        "senhor", "forbidden", ["Senhor"], "o presidente")
    assert [e.fires for e in entry.examples] == [True, False]
    assert all(run_example(entry, ex)[0] for ex in entry.examples)


async def test_filter_by_severity_state_and_invalid(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        await pilot.press("v", *"sev:error", "enter")
        assert [f.code for f in s.visible(0)] == ["X902", "X902"]
        assert s.current().code == "X902"
        assert "filter: sev:error" in status_text(app)
        await pilot.press("a")  # accept the first error
        await pilot.press("v")
        modal = app.screen
        modal.query_one("Input").value = ""
        modal.query_one("Input").value = "state:pending cat:calque"
        await pilot.press("enter")
        assert [s.state(f) for f in s.visible(0)] == ["pending"]
        await pilot.press("v")
        modal = app.screen
        modal.query_one("Input").value = ""
        modal.query_one("Input").value = "colour:red"
        await pilot.press("enter")
        assert "unknown filter" in str(modal.query_one("#prompt-error").render())
        modal.query_one("Input").value = ""
        await pilot.press("enter")  # empty: everything again
        assert len(s.visible(0)) == 3 and "filter cleared" in status_text(app)


async def test_search(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        await pilot.press("slash")
        app.screen.query_one("Input").value = "comprometendo"
        await pilot.press("enter")
        assert s.visible(0) == []
        assert (s.cursor.doc, s.current().code) == (1, "X901")
        await pilot.press("slash")
        app.screen.query_one("Input").value = ""
        await pilot.press("enter")
        assert len(s.visible(0)) == 3


@pytest.mark.parametrize("name,needle", [
    ("report.html", '<mark class="sev-warning cat-spacing_punctuation state-accepted"'),
    ("report.md", "| 1 | 1:14 | X901 | warning | spacing_punctuation | ` -` | `-` | accepted |"),
    ("report.json", '"decision": "accepted"'),
])
async def test_export(make, workdir, name, needle):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a", "e")
        app.screen.query_one("Input").value = ""
        app.screen.query_one("Input").value = name
        await pilot.press("enter")
        await pilot.pause()
        assert f"to {name}" in status_text(app)
    text = (workdir / name).read_text(encoding="utf-8")
    assert needle in text
    if name.endswith(".json"):
        data = json.loads(text)
        assert len(data["findings"]) == 5  # every document, not only the current one
        assert [d["path"] for d in data["documents"]] == ["a.txt", "b.txt", "c.txt"]
    else:
        assert "comprometendo" in text


async def test_export_refuses_unknown_extension(make, workdir):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        app.screen.query_one("Input").value = ""
        app.screen.query_one("Input").value = "report.pdf"
        await pilot.press("enter")
        assert ".html, .md or .json" in str(app.screen.query_one("#prompt-error").render())


async def test_roundtrip_runs_in_background(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        await pilot.press("r")
        bar = app.screen.query_one("#recheck")
        assert app.screen.recheck_running and "hidden" not in bar.classes
        # the UI answers while the round trip runs: the move is done before the round trip ends
        # (a wall-clock bound here failed on a loaded machine; the order of events is the point)
        await pilot.press("n")
        assert s.current().code == "X902"
        assert app.screen.recheck_running
        await wait_for(pilot, lambda: not app.screen.recheck_running)
        await pilot.pause()
        assert "hidden" in bar.classes
        assert "round trip: 1 finding" in status_text(app)
        rt = [f for f in s.docs[0].findings if f.code == "R901"]
        assert len(rt) == 1 and rt[0].text == "Pyongyang"
        s.select_finding(rt[0])
        app.screen.show_detail()
        d = detail_text(app)
        assert "Round trip" in d and "round trip: O líder norte -coreano recebeu o presidente" in d
        assert "sentence:   O líder norte -coreano recebeu o Senhor Putin" in d
        assert "chrf 71.5" in d and "bleu 48.2" in d
        # running it again replaces, not duplicates
        await pilot.press("r")
        await wait_for(pilot, lambda: not app.screen.recheck_running)
        assert len([f for f in s.docs[0].findings if f.code == "R901"]) == 1


async def test_roundtrip_unavailable_is_shown(make):
    from tests.tui.conftest import offline_roundtrip

    app = make(roundtrip=(offline_roundtrip,))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: not app.screen.recheck_running)
        await pilot.pause()
        assert "translator unavailable: no pt-en model here" in status_text(app)


async def test_roundtrip_without_roundtrip_checks(make, monkeypatch):
    import mtqa.tui.app

    monkeypatch.setattr(mtqa.tui.app, "ROUNDTRIP_SELECT", "R999")  # selects no check
    app = make(roundtrip=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: not app.screen.recheck_running)
        await pilot.pause()
        assert "round trip not run: translator unavailable: no round-trip checks" in status_text(app)


async def test_help_screen_lists_the_table(make):
    from mtqa.tui.actions import ACTIONS
    from mtqa.tui.screens.help import HelpScreen

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
    assert {a.id for a in ACTIONS} >= {"next_finding", "previous_finding", "accept", "dismiss",
                                       "apply", "undo", "glossary", "search", "filter",
                                       "roundtrip", "export", "help", "quit"}


async def test_keymap_from_config(make):
    app = make(keymap={"accept": "y", "next_finding": "down,l"})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        first = s.current()
        await pilot.press("a")  # no longer bound
        assert s.state(first) == "pending"
        await pilot.press("y")
        assert s.state(first) == "accepted"
        await pilot.press("l")
        assert s.current().text == "Senhor" and s.cursor.fingerprint != first.fingerprint


def test_unknown_keymap_id_is_a_config_error(workdir, config):
    from mtqa.core.errors import ConfigError
    from mtqa.tui.app import make_app

    config.tui.keymap = {"acept": "y"}
    with pytest.raises(ConfigError, match="unknown action 'acept'"):
        make_app(["a.txt"], config)


async def test_document_list_counts_and_progress(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: all(d.checked for d in app.session.docs))
        await pilot.pause()
        docs = app.screen.query_one("#docs")
        first = str(docs.get_option_at_index(0).prompt)
        assert "E2 W1 I0 0/3" in first
        await pilot.press("a", "a", "a")
        first = str(docs.get_option_at_index(0).prompt)
        assert first.startswith("✓") and "3/3" in first
        assert "3/5 reviewed" in status_text(app)
