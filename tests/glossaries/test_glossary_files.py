"""The shipped glossary files: schema, unique ids, examples both ways, no conflicts, canonical
formatting, and the generated spelling lists verified against the dictionaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mtqa.core import glossary as g

ROOT = g.shipped_dir()
FILES = sorted((ROOT).rglob("*.yaml"))
GLOSSARIES = [g.load_file(f) for f in FILES]
ENTRIES = [e for gl in GLOSSARIES for e in gl.entries]


def test_shipped_glossaries_found():
    assert (ROOT / "schema.json").is_file()
    assert len(FILES) >= 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_schema(path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]


def test_ids_unique_across_files():
    ids = [e.id for e in ENTRIES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_examples_both_ways(entry):
    assert any(x.fires for x in entry.examples), f"{entry.id}: no example that must fire"
    assert any(not x.fires for x in entry.examples), f"{entry.id}: no example that must stay silent"


def test_validate_finds_nothing():
    """Schema, duplicates, regexes (compile, no capturing groups, no catastrophic backtracking),
    and no term both required (kind 'term') and forbidden by another entry."""
    assert [str(i) for i in g.validate(GLOSSARIES)] == []


def test_no_term_required_and_forbidden():
    required = {t.lower() for e in ENTRIES if e.kind == "term" for t in e.target}
    forbidden = {f.lower() for e in ENTRIES if e.kind != "term" for f in e.forms}
    assert required and not (required & forbidden)


@pytest.mark.parametrize("gl", GLOSSARIES, ids=lambda gl: Path(gl.path).name)
def test_canonical_formatting(gl):
    assert Path(gl.path).read_text(encoding="utf-8") == g.dump(gl), (
        f"{gl.path} is not canonically formatted; run `mtqa glossary fmt`"
    )


def test_content_size():
    kinds = {k: [e for e in ENTRIES if e.kind == k] for k in g.KINDS}
    assert len(kinds["false_friend"]) + len(kinds["calque"]) >= 80
    reform = {old for e in kinds["orthography"] for old in e.replace}
    assert len(reform) > 1000
    assert {"Coréia", "idéia", "vôos", "freqüente", "lingüiça", "anti-semita", "auto-estima", "heróico"} <= reform
    assert sum(len(e.forms) for e in kinds["variant"]) > 300
    assert len(kinds["dnt"]) >= 8 and len(kinds["official_name"]) >= 5
    assert sum(len(e.forms) for e in kinds["exonym"]) >= 80


def _enchant(tag):
    enchant = pytest.importorskip("enchant")
    try:
        return enchant.Dict(tag)
    except enchant.errors.DictNotFoundError:
        pytest.skip(f"no hunspell dictionary {tag}")


def test_pre_reform_pairs_verified_with_hunspell():
    """Every generated old form is rejected by hunspell pt_BR and its new form accepted."""
    br = _enchant("pt_BR")
    pairs = [(o, n) for e in ENTRIES if e.id.startswith("reform-") for o, n in e.replace.items()]
    bad = [(o, n) for o, n in pairs if br.check(o) or not br.check(n)]
    assert not bad, bad[:20]


def test_accent_variant_pairs_verified_with_both_dictionaries():
    br, pt = _enchant("pt_BR"), _enchant("pt_PT")
    entry = next(e for e in ENTRIES if e.id == "variant-accent-pt-in-br")
    bad = [(p, b) for p, b in entry.replace.items()
           if not (pt.check(p) and not br.check(p) and br.check(b) and not pt.check(b))]
    assert not bad, bad[:20]


def test_generated_files_declare_their_generator():
    for e in ENTRIES:
        if e.id.startswith(("reform-", "variant-accent-")):
            assert "mtqa/tools/orthography.py" in e.note
