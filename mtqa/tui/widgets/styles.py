"""Colours and markers for severities, categories and review states (rich styles)."""

from __future__ import annotations

from rich.style import Style

from mtqa.core.model import Severity

SEVERITY_STYLE: dict[Severity, Style] = {
    Severity.ERROR: Style(color="#ffffff", bgcolor="#a4161a"),
    Severity.WARNING: Style(color="#000000", bgcolor="#f2c14e"),
    Severity.INFO: Style(color="#000000", bgcolor="#8ecae6"),
}

#: Marker colours per category (the marker text carries the category too, for no-colour terminals).
CATEGORY_COLOR: dict[str, str] = {
    "untranslated_fragment": "#e76f51",
    "boilerplate": "#9c6644",
    "repetition": "#b5179e",
    "agreement": "#7209b7",
    "false_friend": "#f72585",
    "calque": "#4361ee",
    "orthography": "#2a9d8f",
    "spacing_punctuation": "#8d99ae",
    "capitalization": "#ff9f1c",
    "truncation": "#e63946",
    "word_order": "#4cc9f0",
    "mistranslation": "#d00000",
    "inconsistency": "#6a994e",
    "omission": "#bc6c25",
    "addition": "#bc6c25",
    "quality": "#adb5bd",
    "meta": "#adb5bd",
}

STATE_MARK = {"pending": "·", "accepted": "✓", "dismissed": "✗"}
DISMISSED = Style(color="#888888", strike=True, dim=True)
ACCEPTED = Style(bold=True)
CURRENT = Style(reverse=True, bold=True)


def marker_style(category: str) -> Style:
    return Style(color=CATEGORY_COLOR.get(category, "#adb5bd"), bold=True)
