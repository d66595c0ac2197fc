"""``mtqa glossary``: the maintainers' workflow for glossary files.

``validate`` (schema, duplicates, conflicts, unsafe regexes; errors name file and line, exit 2),
``test`` (every example of every entry), ``fmt [--check]`` (canonical formatting), ``add``
(refuses an entry without a failing and a passing example), ``import``/``export`` (CSV, TBX),
``stats`` (entries per kind, hits over a corpus, entries never hit) and ``suggest`` (candidate
entries mined from a corpus).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path

import click

from mtqa.cli.common import config_option, fail, get_config, isolated_option
from mtqa.core.glossary import KINDS

paths_argument = click.argument("paths", nargs=-1, type=click.Path())


def _paths(paths, config_path=None, isolated=False) -> list[str]:
    """PATHS as given, else every glossary the configuration reads: ``glossary.paths`` (or the
    shipped glossaries), ``glossary.extend_paths`` and the project glossary when it exists."""
    from mtqa.core.errors import ConfigError
    from mtqa.providers.glossaries import check_paths, configured_paths

    if paths:
        return list(paths)
    cfg = get_config(config_path, isolated)
    found = configured_paths(cfg)
    try:
        check_paths(cfg, found)
    except ConfigError as exc:
        fail(str(exc))
    return [str(p) for p in dict.fromkeys(found.existing())]


def _load(paths) -> tuple[list, list[str]]:
    """Load every file; return (glossaries, error lines) — one bad file does not stop the others."""
    from mtqa.core import glossary as g
    from mtqa.core.errors import ConfigError

    out, errors = [], []
    try:
        found = g.glossary_files(paths)
    except ConfigError as exc:
        return [], [str(exc)]
    seen: set[Path] = set()
    files = []
    for f in found:  # a file named twice (itself and inside a folder) is read once
        if f.resolve() not in seen:
            seen.add(f.resolve())
            files.append(f)
    for f in files:
        try:
            out.append(g.load_file(f))
        except ConfigError as exc:
            errors.append(str(exc))
    return out, errors


@click.group()
def glossary() -> None:
    """Validate, test, format, edit and measure glossaries (glossaries/*.yaml)."""


@glossary.command()
@paths_argument
@config_option
@isolated_option
def validate(paths, config_path, isolated):
    """Check glossary files: schema, unique ids, examples both ways, regexes that do not compile
    or can backtrack catastrophically, terms both required and forbidden. Exit 2 on errors."""
    from mtqa.core import glossary as g

    gls, errors = _load(_paths(paths, config_path, isolated))
    issues = [str(i) for i in g.validate(gls)]
    for line in errors + issues:
        click.echo(line)
    n = sum(len(x.entries) for x in gls)
    if errors or issues:
        click.echo(f"mtqa: {len(errors) + len(issues)} problem(s) in {len(gls) + len(errors)} file(s)", err=True)
        raise click.exceptions.Exit(2)
    click.echo(f"{len(gls)} file(s), {n} entries: valid", err=True)


@glossary.command(name="test")
@paths_argument
@click.option("--entry", "entry_ids", multiple=True, help="Only these entry ids.")
@click.option("-v", "--verbose", is_flag=True, help="Report passing entries too.")
@config_option
@isolated_option
def test_command(paths, entry_ids, verbose, config_path, isolated):
    """Run every example of every entry: a 'bad' sentence must fire exactly at its [[span]] with
    the expected suggestion, a 'good' one must stay silent. Exit 1 when one fails."""
    from mtqa.core import glossary as g

    gls, errors = _load(_paths(paths, config_path, isolated))
    for line in errors:
        click.echo(line)
    passed = failed = 0
    for gl in gls:
        for e in gl.entries:
            if entry_ids and e.id not in entry_ids:
                continue
            bad = []
            for ex in e.examples:
                ok, why = g.run_example(e, ex)
                if not ok:
                    bad.append(f"{e.file}:{ex.line}: {e.id}: {'bad' if ex.fires else 'good'} example {ex.text!r}: {why}")
            if bad:
                failed += 1
                click.echo(f"FAIL {e.id} ({e.file}:{e.line})")
                for b in bad:
                    click.echo("  " + b)
            else:
                passed += 1
                if verbose:
                    click.echo(f"ok   {e.id} ({len(e.examples)} examples)")
    click.echo(f"{passed} entries passed, {failed} failed", err=True)
    if errors:
        raise click.exceptions.Exit(2)
    if failed:
        raise click.exceptions.Exit(1)


@glossary.command()
@paths_argument
@click.option("--check", is_flag=True, help="Only report files that are not canonically formatted (exit 1).")
@click.option("--diff", "show_diff", is_flag=True, help="With --check, show what would change.")
@config_option
@isolated_option
def fmt(paths, check, show_diff, config_path, isolated):
    """Rewrite glossary files in canonical form: keys in a fixed order, entries sorted by id."""
    import difflib

    from mtqa.core import glossary as g
    from mtqa.core.files import atomic_write

    gls, errors = _load(_paths(paths, config_path, isolated))
    for line in errors:
        click.echo(line, err=True)
    changed = 0
    for gl in gls:
        current = Path(gl.path).read_text(encoding="utf-8")
        canon = g.dump(gl)
        if current == canon:
            continue
        changed += 1
        if check:
            click.echo(f"would reformat {gl.path}")
            if show_diff:
                click.echo("".join(difflib.unified_diff(
                    current.splitlines(True), canon.splitlines(True), gl.path, gl.path + " (canonical)")))
        else:
            atomic_write(Path(gl.path), canon)
            click.echo(f"reformatted {gl.path}")
    if errors:
        raise click.exceptions.Exit(2)
    if check and changed:
        raise click.exceptions.Exit(1)
    if not changed:
        click.echo(f"{len(gls)} file(s) already formatted", err=True)


@glossary.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--id", "entry_id", required=True)
@click.option("--kind", required=True, type=click.Choice(sorted(KINDS)))
@click.option("--term", "terms", multiple=True, help="A form to match ({a,b} expands).")
@click.option("--pattern", "patterns", multiple=True, help="A regular expression to match.")
@click.option("--source", "sources", multiple=True, help="The English source term(s).")
@click.option("--target", "targets", multiple=True, help="Required target term(s) (kind 'term').")
@click.option("--message", required=True)
@click.option("--suggest", default=None)
@click.option("--variant", "variants", multiple=True)
@click.option("--bad", "bads", multiple=True, help="A sentence it must fire on, span in [[...]].")
@click.option("--good", "goods", multiple=True, help="A sentence it must stay silent on.")
@click.option("--src", "srcs", multiple=True, help="Source sentences of 'term' examples (in order).")
def add(file, entry_id, kind, terms, patterns, sources, targets, message, suggest, variants, bads, goods, srcs):
    """Add an entry to FILE (created if missing). Refuses an entry without at least one failing and
    one passing example, or whose examples do not behave."""
    from mtqa.core import glossary as g
    from mtqa.core.errors import ConfigError
    from mtqa.core.files import atomic_write

    if not bads or not goods:
        fail("an entry needs at least one --bad example (with [[span]]) and one --good example")
    path = Path(file)
    try:
        gl = g.load_file(path) if path.exists() else g.Glossary(pair="en-pt", path=str(path))
    except ConfigError as exc:
        fail(str(exc))
    src_iter = iter(srcs)
    examples = []
    for b in bads:
        d = {"bad": b}
        if kind == "term":
            d["src"] = next(src_iter, "")
        examples.append(d)
    for gd in goods:
        d = {"good": gd}
        if kind == "term":
            d["src"] = next(src_iter, "")
        examples.append(d)
    data = {"id": entry_id, "kind": kind, "message": message, "examples": examples}
    for key, val in (("terms", terms), ("patterns", patterns), ("source", sources), ("target", targets), ("variants", variants)):
        if val:
            data[key] = list(val)
    if suggest is not None:
        data["suggest"] = suggest
    try:
        entry = g.entry_from_data(data, str(path))
    except ConfigError as exc:
        fail(str(exc))
    entry.file = str(path)
    problems = [i.message for i in g.validate([g.Glossary(entries=[*gl.entries, entry])]) if i.entry == entry_id]
    for ex in entry.examples:
        ok, why = g.run_example(entry, ex)
        if not ok:
            problems.append(f"{'bad' if ex.fires else 'good'} example {ex.text!r}: {why}")
    if problems:
        for p in problems:
            click.echo(f"{path}: {entry_id}: {p}", err=True)
        fail(f"entry {entry_id!r} not added")
    gl.entries.append(entry)
    atomic_write(path, g.dump(gl))
    click.echo(f"added {entry_id} to {path} ({len(gl.entries)} entries)")


# --- import / export --------------------------------------------------------------------------------

CSV_FIELDS = ("id", "kind", "terms", "suggest", "message", "source", "target", "variants", "bad", "good")


def _entries_to_csv(entries) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for e in entries:
        w.writerow({
            "id": e.id, "kind": e.kind,
            "terms": "|".join([*e.terms, *(f"{k}={v}" for k, v in e.replace.items()), *(f"re:{p}" for p in e.patterns)]),
            "suggest": e.suggest or "", "message": e.message,
            "source": "|".join(e.source), "target": "|".join(e.target), "variants": "|".join(e.variants),
            "bad": "|".join(x.text for x in e.examples if x.fires),
            "good": "|".join(x.text for x in e.examples if not x.fires),
        })
    return buf.getvalue()


def _delimiter(text: str) -> str:
    """``,``, else ``;`` (spreadsheets in Portuguese locales) or a tab, from the first line."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return next((d for d in (",", ";", "\t") if d in first), ",")


def _entries_from_csv(text: str, name: str):
    """Entries of a CSV file: the full format (a header with ``id``; see CSV_FIELDS) or two
    columns ``forbidden,preferred`` (with or without that header)."""
    from mtqa.core import glossary as g
    from mtqa.core.errors import ConfigError

    delimiter = _delimiter(text)
    try:
        header = next((r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)), [])
    except csv.Error as exc:
        raise ConfigError(name, f"invalid CSV: {exc}", 1) from None
    if "id" not in [c.strip().lower() for c in header]:
        return _entries_from_two_columns(text, name, delimiter)
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    out = []
    for n, row in enumerate(rows, start=2):
        def col(k, _row=row):
            return [x for x in (_row.get(k) or "").split("|") if x]
        terms, replace, patterns = [], {}, []
        for t in col("terms"):
            if t.startswith("re:"):
                patterns.append(t[3:])
            elif "=" in t:
                k, v = t.split("=", 1)
                replace[k] = v
            else:
                terms.append(t)
        data = {"id": row.get("id") or "", "kind": row.get("kind") or "forbidden", "message": row.get("message") or "",
                "examples": [{"bad": b} for b in col("bad")] + [{"good": gd} for gd in col("good")]}
        for k, v in (("terms", terms), ("patterns", patterns), ("source", col("source")), ("target", col("target")), ("variants", col("variants"))):
            if v:
                data[k] = v
        if replace:
            data["replace"] = replace
        if row.get("suggest"):
            data["suggest"] = row["suggest"]
        try:
            out.append(g.entry_from_data(data, name, n))
        except ConfigError as exc:
            raise ConfigError(name, exc.message, n) from None
    return out


#: The header of a two-column CSV (optional).
TWO_COLUMNS = ("forbidden", "preferred")


def _entries_from_two_columns(text: str, name: str, delimiter: str = ","):
    """``forbidden,preferred`` rows -> entries of kind ``forbidden`` (house style, G108): the
    first column the form(s) reported, the second the suggestion (``|`` between alternatives in
    either). Ids are ``house-`` and the forbidden term in ASCII; a bad row is a ConfigError
    naming the file and the row's line."""
    import re
    import unicodedata

    from mtqa.core import glossary as g
    from mtqa.core.errors import ConfigError

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    out, ids = [], set()
    first = True
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ConfigError(name, f"invalid CSV: {exc}", line) from None
        start, line = line, reader.line_num + 1
        cells = [c.strip() for c in row]
        if not any(cells):
            continue  # a blank row
        while len(cells) > 2 and not cells[-1]:
            cells.pop()  # a trailing delimiter
        if first and [c.lower() for c in cells] == list(TWO_COLUMNS):
            first = False
            continue  # the header
        first = False
        if len(cells) != 2:
            raise ConfigError(name, f"expected 2 columns (forbidden{delimiter}preferred), got {len(cells)}: "
                              f"{delimiter.join(cells)!r}", start)
        bad = [t.strip() for t in cells[0].split("|") if t.strip()]
        good = [t.strip() for t in cells[1].split("|") if t.strip()]
        if not bad:
            raise ConfigError(name, "no forbidden term in the first column", start)
        if not good:
            raise ConfigError(name, f"no preferred term for {bad[0]!r} in the second column", start)
        same = set(bad) & set(good)
        if same:
            raise ConfigError(name, f"{sorted(same)[0]!r} is both forbidden and preferred", start)
        folded = unicodedata.normalize("NFKD", bad[0]).encode("ascii", "ignore").decode().lower()
        base = "house-" + (re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:48] or "term")
        eid, k = base, 2
        while eid in ids:
            eid, k = f"{base}-{k}", k + 1
        ids.add(eid)
        message = "house style: " + " or ".join(f"'{t}'" for t in good) + ", not " + " or ".join(f"'{t}'" for t in bad)
        data = {"id": eid, "kind": "forbidden", "terms": bad, "message": message,
                "suggest": "|".join(good), "examples": []}
        try:
            out.append(g.entry_from_data(data, name, start))
        except ConfigError as exc:
            raise ConfigError(name, exc.message, start) from None
    return out


@glossary.command(name="import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Glossary file to add the entries to.")
@click.option("--format", "fmt_", type=click.Choice(["auto", "csv", "tbx"]), default="auto",
              help="auto: TBX for .tbx and .xml files, else CSV. TBX v3 and v2 are both read.")
def import_command(source, output, fmt_):
    """Import entries from CSV (columns: id, kind, terms, suggest, message, source, target,
    variants, bad, good; or two columns forbidden,preferred) or TBX (v3 <tbx> or v2 <martif>).
    Imported entries without examples fail `validate` until examples are added."""
    from mtqa.core import glossary as g
    from mtqa.core import tbx
    from mtqa.core.errors import ConfigError
    from mtqa.core.files import atomic_write

    kind = fmt_ if fmt_ != "auto" else ("tbx" if source.lower().endswith((".tbx", ".xml")) else "csv")
    notes: list[str] = []
    try:
        text = Path(source).read_text(encoding="utf-8-sig")
        out = Path(output)
        gl = g.load_file(out) if out.exists() else g.Glossary(pair="en-pt", path=str(out))
        if kind == "tbx":
            entries, notes = tbx.read(text, source, gl.target_language)
        else:
            entries = _entries_from_csv(text, source)
    except (ConfigError, OSError, UnicodeDecodeError) as exc:
        fail(str(exc))
    for note in notes[:10]:
        click.echo(note, err=True)
    if len(notes) > 10:
        click.echo(f"... and {len(notes) - 10} more concepts left out", err=True)
    have = {e.id for e in gl.entries}
    added = [e for e in entries if e.id not in have]
    gl.entries.extend(added)
    atomic_write(out, g.dump(gl))
    missing = sum(1 for e in added if not (any(x.fires for x in e.examples) and any(not x.fires for x in e.examples)))
    click.echo(f"imported {len(added)} entries into {out} ({len(entries) - len(added)} ids already there)")
    if missing:
        click.echo(f"{missing} imported entries need a failing and a passing example before `mtqa glossary validate` passes", err=True)


@glossary.command()
@paths_argument
@click.option("--format", "fmt_", type=click.Choice(["csv", "tbx", "tbx2"]), default="csv",
              help="tbx: TBX v3 (ISO 30042:2019, TBX-Basic); tbx2: the same as TBX v2 <martif>.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="File to write (default: stdout).")
@config_option
@isolated_option
def export(paths, fmt_, output, config_path, isolated):
    """Export entries as CSV or TBX (TBX-Basic: suggestions preferredTerm-admn-sts, reported
    forms deprecatedTerm-admn-sts, pre-reform spellings supersededTerm-admn-sts)."""
    from mtqa.core import tbx
    from mtqa.core.files import atomic_write

    gls, errors = _load(_paths(paths, config_path, isolated))
    if errors:
        for line in errors:
            click.echo(line, err=True)
        raise click.exceptions.Exit(2)
    entries = [e for gl in gls for e in gl.entries]
    n = len(entries)
    if fmt_ in ("tbx", "tbx2"):
        written = tbx.write(gls, 3 if fmt_ == "tbx" else 2)
        text, n = written.text, written.exported
        if written.skipped:
            click.echo(f"mtqa: {len(written.skipped)} entries left out (no literal form, only patterns): "
                       + ", ".join(written.skipped[:10]) + (" ..." if len(written.skipped) > 10 else ""), err=True)
        if written.dropped:
            click.echo("mtqa: not carried by TBX: " + "; ".join(
                f"{what} ({k} entries)" for what, k in sorted(written.dropped.items())), err=True)
    else:
        text = _entries_to_csv(entries)
    if output:
        atomic_write(Path(output), text)
        click.echo(f"exported {n} entries to {output}", err=True)
    else:
        sys.stdout.write(text)


def _corpus_docs(corpus, language: str, variant: str | None):
    from mtqa.core.errors import InputError
    from mtqa.core.text import load_document

    files = []
    for c in corpus:
        p = Path(c)
        files.extend(sorted(p.rglob("*.txt")) + sorted(p.rglob("*.md")) if p.is_dir() else [p])
    for f in files:
        try:
            yield load_document(f, language=language, variant=variant)
        except InputError as exc:
            click.echo(f"mtqa: {exc}", err=True)


@glossary.command()
@paths_argument
@click.option("--corpus", multiple=True, type=click.Path(exists=True), help="Files or folders to count hits in.")
@click.option("--language", default="pt", show_default=True)
@click.option("--variant", default="BR", show_default=True)
@config_option
@isolated_option
def stats(paths, corpus, language, variant, config_path, isolated):
    """Entries per kind; with --corpus, hits per entry over the corpus and the entries never hit."""
    from mtqa.core import glossary as g

    gls, errors = _load(_paths(paths, config_path, isolated))
    for line in errors:
        click.echo(line, err=True)
    entries = [e for gl in gls for e in gl.entries]
    kinds = Counter(e.kind for e in entries)
    forms = Counter()
    for e in entries:
        forms[e.kind] += len(e.forms) + len(e.patterns)
    click.echo(f"{len(entries)} entries in {len(gls)} file(s)")
    for k in g.KINDS:
        if kinds[k]:
            click.echo(f"  {k:<14} {kinds[k]:>5} entries {forms[k]:>7} forms/patterns")
    if not corpus:
        return
    matcher = g.Matcher(entries, variant or None)
    hits: Counter = Counter()
    words = docs = 0
    for doc in _corpus_docs(corpus, language, variant):
        docs += 1
        words += doc.word_count
        for m in matcher.scan((s.start, s.text) for s in doc.sentences):
            hits[m.entry.id] += 1
    click.echo(f"corpus: {docs} document(s), {words:,} words, {sum(hits.values())} hits "
               f"({1000 * sum(hits.values()) / max(words, 1):.2f} per 1,000 words)")
    for eid, n in hits.most_common():
        click.echo(f"  {n:>6}  {eid}")
    never = [e.id for e in matcher.entries if e.id not in hits]
    click.echo(f"{len(never)} entries never hit" + (": " + ", ".join(never) if len(never) <= 60 else ""))


@glossary.command()
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--language", default="pt", show_default=True)
@click.option("--variant", default="BR", show_default=True)
@click.option("--min-count", default=2, show_default=True, help="Least occurrences of an unknown word.")
@click.option("--limit", default=40, show_default=True)
@config_option
@isolated_option
def suggest(corpus, language, variant, min_count, limit, config_path, isolated):
    """Mine candidate entries from a corpus: names written several ways, words the dictionary does
    not know (and no entry covers), and words round trips repeatedly changed (from the
    translation cache, when round trips have been run)."""
    import re
    import unicodedata

    from mtqa.checks.consistency import _fold, _name_runs
    from mtqa.core.errors import ProviderUnavailable
    from mtqa.providers import Providers

    cfg = get_config(config_path, isolated)
    gls, _ = _load(_paths((), config_path, isolated))
    covered = {f.lower() for gl in gls for e in gl.entries for f in e.forms}
    names: dict[str, Counter] = defaultdict(Counter)
    unknown: Counter = Counter()
    providers = Providers(cfg)
    try:
        dic = providers.get("dictionary")
    except ProviderUnavailable as exc:
        dic = None
        click.echo(f"mtqa: unknown words skipped ({exc})", err=True)
    docs = list(_corpus_docs(corpus, language, variant))
    for doc in docs:
        for sent in doc.sentences:
            for run in _name_runs(sent.text):
                if len(run) >= 2 or run[0][0] > 0:
                    surface = sent.text[run[0][0]:run[-1][1]]
                    names[_fold(surface)][surface] += 1
            if dic is not None:
                for m in re.finditer(r"\b[^\W\d_]{3,}\b", sent.text):
                    w = m.group()
                    if w[0].isupper() or w.lower() in covered:
                        continue
                    if not dic.known(w, language, variant):
                        unknown[w.lower()] += 1
    click.echo("# names written several ways (candidate 'forbidden' entries with the usual form as suggestion)")
    shown = 0
    for _key, forms in sorted(names.items(), key=lambda kv: -sum(kv[1].values())):
        if len(forms) < 2 or shown >= limit:
            continue
        best, _ = forms.most_common(1)[0]
        others = [f for f in forms if f != best]
        click.echo(f"- {best} ({forms[best]}x): " + ", ".join(f"{o} ({forms[o]}x)" for o in others))
        shown += 1
    if dic is not None:
        click.echo("# words the dictionary does not know (candidate orthography, variant or false-friend entries)")
        for w, n in [x for x in unknown.most_common() if x[1] >= min_count][:limit]:
            base = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
            hint = f" (dictionary knows '{base}')" if base != w and dic.known(base, language, variant) else ""
            click.echo(f"- {w} ({n}x){hint}")
    changed = _roundtrip_changes(cfg, docs)
    if changed is None:
        click.echo("# round-trip changes: none recorded (run `mtqa lint --roundtrip` on the corpus first)")
    else:
        click.echo("# words round trips repeatedly changed (candidate false friends or calques)")
        for (a, b), n in changed.most_common(limit):
            if n >= min_count:
                click.echo(f"- {a} -> {b} ({n}x)")
    click.echo(f"# {len(docs)} document(s) read; turn a candidate into an entry with `mtqa glossary add`", err=True)


def _roundtrip_changes(cfg, docs) -> Counter | None:
    """Single-word replacements between sentences and their round trips as found in the
    translation cache (nothing is translated here), or None when the cache holds none of them."""
    import difflib
    import re

    from mtqa.core.errors import ProviderUnavailable
    from mtqa.providers import Providers

    try:
        svc = Providers(cfg).get("translator")
        be, cache = svc.backend, svc.cache
        if cache is None:
            return None
    except (ProviderUnavailable, AttributeError):
        return None
    out: Counter = Counter()
    found = False
    pivot = cfg.roundtrip.pivot or "en"
    for doc in docs:
        lang = doc.language or "pt"
        sents = [s.text for s in doc.sentences]
        try:
            fwd = cache.get_many(be.name, be.model(lang, pivot), lang, pivot, sents)
            back = cache.get_many(be.name, be.model(pivot, lang), pivot, lang, list(fwd.values()))
        except Exception:  # noqa: BLE001 - the cache is optional evidence; never fail on it
            return None
        for text, en in fwd.items():
            rt = back.get(en)
            if not rt:
                continue
            found = True
            a, b = re.findall(r"\w+", text.lower()), re.findall(r"\w+", rt.lower())
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
                if op == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
                    out[(a[i1], b[j1])] += 1
    return out if found else None
