"""``mtqa lint``: the CI front end."""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from mtqa.cli import ExitCode
from mtqa.cli.common import apply_overrides, config_option, fail, get_config, isolated_option
from mtqa.core.errors import MtqaError
from mtqa.core.model import Severity
from mtqa.reports import FORMATS


class ProgressBar:
    """A one-line progress bar on stderr, only when stderr is a terminal.

    Called with ``(files done, files, path)`` after each file; :meth:`sentences` reports the
    sentences of the file in progress (the round trip of a long document), and the line then
    reads ``file i/n, sentence j/m``.
    """

    WIDTH = 30

    def __init__(self, stream=None, min_interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.last = 0.0
        self.min_interval = min_interval
        self.shown = False
        #: Files finished and files in the run (set by the CLI before the run, or by the calls).
        self.files_done = 0
        self.files_total = 0
        self._drawn = 0

    def __call__(self, done: int, total: int, path: str) -> None:
        self.files_done, self.files_total = done, total
        if not self.enabled or total < 2:
            return
        if not self._due(done >= total):
            return
        self._draw(done / total, f"{done}/{total}", path)

    def sentences(self, path: str, done: int, total: int) -> None:
        """Sentences ``done`` of ``total`` of the file being checked (``path``)."""
        if not self.enabled or total < 1:
            return
        if not self._due(done >= total):
            return
        files = max(self.files_total, self.files_done + 1)
        current = min(self.files_done + 1, files)
        fraction = (self.files_done + done / total) / files
        self._draw(fraction, f"file {current}/{files}, sentence {done}/{total}", path)

    def _due(self, final: bool) -> bool:
        now = time.monotonic()
        if not final and now - self.last < self.min_interval:
            return False
        self.last = now
        return True

    def _draw(self, fraction: float, counts: str, path: str) -> None:
        filled = int(self.WIDTH * min(1.0, max(0.0, fraction)))
        name = path if len(path) <= 40 else "…" + path[-39:]
        line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {counts} {name}"
        pad = " " * max(0, self._drawn - len(line))
        self.stream.write("\r" + line + pad)
        self.stream.flush()
        self._drawn = len(line)
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)),
              default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to a file instead of standard output.")
@click.option("--select", multiple=True, help="Only these codes, prefixes, names or categories.")
@click.option("--extend-select", multiple=True, help="Add these to the selection.")
@click.option("--ignore", multiple=True, help="Skip these codes, prefixes, names or categories.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default from config: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--language", default=None, help="Target language: pt, or a tag with its variant: pt-BR, pt_PT.")
@click.option("--variant", default=None, help="Target variant, e.g. BR or PT.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Suppress the findings listed in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Write every current finding to this baseline file and exit 0.")
@click.option("--no-review", is_flag=True, help="Do not apply the reviewers' dismissals.")
@click.option("--merge/--no-merge", "merge", default=None,
              help="Report findings of several checks on one span once, under the most specific"
                   " (default: merge_same_span, true).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: only when stderr is a terminal).")
@click.option("--roundtrip/--no-roundtrip", "roundtrip", default=None,
              help="Run the round-trip translation checks (R); default from roundtrip.enabled.")
@click.option("--source", "source_path", type=click.Path(exists=True), default=None,
              help="Original-language source: a file (one target) or a folder (paired by file name);"
                   " runs the source-aware checks (A).")
@click.option("--pairs", "pairs_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="File of 'TARGET SOURCE' path pairs, one per line; runs the source-aware checks.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Check the documents on the Dask cluster at ADDRESS (tcp://host:8786); same "
                   "findings, same order. With --format jsonl, results stream a document a line.")
@click.option("--fix", is_flag=True,
              help="Apply the safe suggestions (spacing, doubled words, pre-reform spellings,"
                   " capitalisation: the codes marked [*]) to the files, then report what is left.")
@click.option("--diff", is_flag=True,
              help="Print the edits --fix would make as a unified diff; change no file. Exit 1"
                   " when there is a fix to make.")
@click.option("--statistics", is_flag=True,
              help="Print the number of findings per code instead of the findings.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour in text output; auto: on a terminal unless NO_COLOR is set.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print the findings and errors only: no summary, notes or progress bar.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, metavar="N",
              help="Worker processes for runs of 200 files or more; 0 (default): as many as cores"
                   " are idle when the run starts, at least one.")
@click.option("--stdin-filename", default=None, metavar="PATH",
              help="The path standard input (-) stands for: its format, configuration, per-file"
                   " ignores, fingerprints and the name in the report are that file's.")
@click.option("--respect-gitignore/--no-respect-gitignore", "respect_gitignore", default=None,
              help="Leave out what .gitignore ignores when walking folders (default from config:"
                   " respect_gitignore, true). Files named on the command line are always checked.")
@config_option
@isolated_option
def lint(paths, fmt, output, select, extend_select, ignore, fail_on, exit_zero, language, variant,
         baseline, write_baseline, no_review, merge, progress, roundtrip, source_path, pairs_path,
         scheduler, fix, diff, statistics, color, quiet, jobs, stdin_filename, respect_gitignore,
         config_path, isolated):
    """Check PATHS (files, folders, or - for standard input) for translation artifacts."""
    from mtqa.api import Checker
    from mtqa.engine.suppress import write_baseline as do_write_baseline
    from mtqa.reports import render

    if stdin_filename is not None and "-" not in paths:
        fail("--stdin-filename names standard input; give - among the paths to read it")
        return
    if stdin_filename is not None and not stdin_filename.strip():
        fail("--stdin-filename is empty")
        return

    def configure(cfg):
        """The command line's options over a configuration (the same for every group)."""
        cfg = apply_overrides(cfg, select=select, extend_select=extend_select, ignore=ignore,
                              language=language, variant=variant)
        if fail_on:
            cfg.fail_on = fail_on
        if jobs is not None:
            cfg.jobs = jobs
        if respect_gitignore is not None:
            cfg.respect_gitignore = respect_gitignore
        if merge is not None:
            cfg.merge_same_span = merge
        if roundtrip is not None:
            cfg.roundtrip.enabled = roundtrip
        if cfg.roundtrip.enabled:
            cfg.extend_select = [*cfg.extend_select, "R"]
        if source_path or pairs_path:
            cfg.extend_select = [*cfg.extend_select, "A"]
        return cfg

    cfg = configure(get_config(config_path, isolated))
    walked: dict[str, int] = {}
    groups = _config_groups(list(paths), cfg, configure, stdin_filename,
                            fixed_config=bool(config_path or isolated), walked=walked)
    if cfg.jobs == 0 and not scheduler:
        from mtqa.engine.files import expand

        # the files of each folder were counted when the folders were grouped; walk the rest
        n = sum(walked[p] if p in walked else
                len(expand([p], g.include, g.exclude, gitignore=g.respect_gitignore)[0])
                for g, ps in groups for p in ps if p != "-")
        for g, _ps in groups:
            g.jobs = auto_jobs(n)
    if fix and diff:
        fail("--fix and --diff cannot be combined: --diff shows the fixes without making them")
        return
    if statistics and fmt not in ("text", "json"):
        fail(f"--statistics prints text or json, not {fmt}")
        return
    if (fix or diff) and "-" in paths:
        fail("--fix and --diff edit files; standard input (-) cannot be fixed")
        return
    if output:
        out_path = Path(output).resolve()
        if any(p != "-" and Path(p).resolve() == out_path for p in paths):
            fail(f"--output {output} is one of the files to check; it would overwrite the article")
            return
    if scheduler:
        if source_path or pairs_path or write_baseline or fix or diff or statistics:
            fail("--scheduler cannot be combined with --source, --pairs, --write-baseline, --fix,"
                 " --diff or --statistics")
            return
        if len(groups) > 1:
            fail("--scheduler runs one configuration; these paths are governed by "
                 + ", ".join(g.source for g, _ps in groups) + " (run them one at a time, or give --config)")
            return
        return _lint_distributed(paths, groups[0][0], fmt, output, scheduler, baseline, no_review, exit_zero)
    aligner = None
    if source_path or pairs_path:
        from mtqa.engine.align import Aligner

        try:
            aligner = Aligner.from_paths(list(paths), source_path, pairs_path, cfg)
        except MtqaError as exc:
            fail(str(exc))
            return
    bar = ProgressBar()
    if progress is not None:
        bar.enabled = progress
    if quiet:
        bar.enabled = False
    checkers: dict[int, Checker] = {}

    def checker_for(i, gcfg) -> Checker:
        """The API's checker for a configuration group. Its engine is loaded here only when the
        run needs one set up (the aligner, sentence progress); else the run loads it, in each
        worker process when there are several."""
        if i in checkers:
            return checkers[i]
        checker = checkers[i] = Checker(config=gcfg, lazy=True)
        if aligner is not None:
            checker.use_aligner(aligner)
        if gcfg.roundtrip.enabled and bar.enabled:
            # Sentence progress of the round trip (mtqa.checks.roundtrip reads ctx.progress).
            checker.report_sentences(bar.sentences)
        return checker

    if bar.enabled:
        from mtqa.engine.files import expand

        bar.files_total = sum(len(expand(list(ps), g.include, g.exclude, gitignore=g.respect_gitignore,
                                         stdin_name=stdin_filename)[0]) for g, ps in groups)

    def lint_paths(targets):
        targets = list(targets)
        parts = groups if targets == list(paths) else _config_groups(
            targets, cfg, configure, stdin_filename, fixed_config=bool(config_path or isolated))
        results = []
        for i, (gcfg, ps) in enumerate(parts):
            checker = checker_for(i, gcfg) if parts is groups else Checker(config=gcfg, lazy=True)
            results.append(checker.check_files(
                ps, progress=bar, baseline=baseline, use_review=not no_review,
                stdin_name=stdin_filename, processes=True,
            ))
        return results[0] if len(results) == 1 else _merge_results(results)

    try:
        for i, (gcfg, _ps) in enumerate(groups):
            checker_for(i, gcfg)
        result = lint_paths(paths)
        fixed = None
        if fix or diff:
            from mtqa.engine.files import expand

            sources = {src.display: src for g, ps in groups
                       for src in expand(list(ps), g.include, g.exclude, gitignore=g.respect_gitignore)[0]}
            result, fixed = fix_files(result, lint_paths, sources, write=fix)
    except MtqaError as exc:
        bar.close()
        fail(str(exc))
        return
    finally:
        bar.close()

    if len(groups) == 1:
        cfg = groups[0][0]
    else:  # exit 1 at the lowest fail_on of the configurations that governed the run
        cfg.fail_on = min((g.fail_on for g, _ps in groups), key=Severity.parse)
    if not quiet:
        by_reason = defaultdict(list)
        for code, reason in sorted(result.skipped.items()):
            by_reason[reason].append(code)
        for reason, codes in by_reason.items():
            click.echo(f"mtqa: skipped {', '.join(codes)}: {reason}", err=True)
        by_doc: dict[tuple[str, str], list[str]] = defaultdict(list)
        for path, code, reason in result.notes:
            by_doc[(path, reason)].append(code)
        for (path, reason), codes in by_doc.items():
            click.echo(f"mtqa: note: {path}: {', '.join(sorted(codes))} not run: {reason}", err=True)
        for lang, (codes, n) in sorted(result.not_applicable.items()):
            never = sorted(codes)
            # Only when a good part of the run is missing (not the odd check of another language).
            if never and len(never) * 4 >= len(result.checks):
                families = sorted({c[0] for c in never})
                what = f"the {lang} document{'s' if n != 1 else ''}" if lang else \
                    f"{n} document{'s' if n != 1 else ''} whose language was not settled"
                click.echo(f"mtqa: note: {len(never)} selected check{'s' if len(never) != 1 else ''}"
                           f" (families {', '.join(families)}) check other languages only and did"
                           f" not run on {what}", err=True)
        for doc in result.documents:
            for line, code in (doc.meta.get("inline_unknown", ()) if doc is not None else ()):
                click.echo(f"mtqa: warning: {doc.path}:{line}: the inline ignore names {code!r},"
                           " which is no check's code: it ignores nothing", err=True)
    for e in result.errors:
        click.echo(f"mtqa: error: {e}", err=True)
    if fixed is not None:
        for path, reason in fixed.refused:
            click.echo(f"mtqa: not fixed: {path}: {reason}", err=True)

    if write_baseline:
        n = do_write_baseline(Path(write_baseline), result.findings + result.suppressed)
        click.echo(f"mtqa: wrote {n} findings to {write_baseline}", err=True)
        return int(ExitCode.USAGE if result.errors else ExitCode.OK)

    use_color = _use_color(color, None if output else sys.stdout)
    if diff:
        out = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
        try:
            out.write(fixed.diff)
        finally:
            if output:
                out.close()
    elif statistics:
        from mtqa.reports.text import render_statistics
        from mtqa.reports.text import statistics as count

        rows = count(result.findings)
        out = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
        try:
            if fmt == "json":
                import json

                json.dump(rows, out, ensure_ascii=False, indent=2)
                out.write("\n")
            else:
                render_statistics(rows, out)
        finally:
            if output:
                out.close()
    elif output:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            render(fmt, result, fh)
    else:
        render(fmt, result, sys.stdout, color=use_color)

    if not quiet:
        click.echo(_summary(result, fixed, diff), err=True)
    if result.errors:
        return int(ExitCode.USAGE)
    if not result.documents:
        click.echo(f"mtqa: no files to check in {' '.join(paths)} (include: {', '.join(cfg.include)})", err=True)
        return int(ExitCode.USAGE)
    required = _requested_but_skipped(result, cfg)
    if required:
        click.echo(f"mtqa: checks asked for explicitly could not run: {', '.join(required)}", err=True)
        return int(ExitCode.PROVIDER)
    if diff:
        return int(ExitCode.FINDINGS if fixed.diff and not exit_zero else ExitCode.OK)
    threshold = Severity.parse(cfg.fail_on)
    if not exit_zero and any(f.severity >= threshold for f in result.findings):
        return int(ExitCode.FINDINGS)
    return int(ExitCode.OK)


def _config_groups(paths: list[str], cfg, configure, stdin_filename: str | None, *,
                   fixed_config: bool, walked: dict[str, int] | None = None) -> list[tuple[object, list[str]]]:
    """The paths of the command line grouped by the configuration that governs them, in the order
    they came: each path's nearest configuration file from its own folder upward (the file named
    by ``--stdin-filename`` for ``-``), as Ruff finds it, not the one of the folder mtqa runs in.
    A folder holding a subfolder with a configuration of its own is split into its files.

    ``cfg`` is the configuration found from the current folder (the command line's options
    applied by ``configure``); it is reused for the paths it governs. With ``--config`` or
    ``--isolated`` (``fixed_config``) every path has ``cfg``. A group without a configuration
    file resolves its review file and baseline at the git root of its files, if any. ``walked``
    receives the number of files of each folder kept whole (its walk is not repeated to count).
    """
    from mtqa.cli.common import check_codes
    from mtqa.core.config import find_config, load_config
    from mtqa.core.project import config_file_for, has_config_file, project_root
    from mtqa.engine.files import expand

    def rooted(c, ps):
        if not has_config_file(c) and c.root == ".":
            root = project_root(c, [stdin_filename if p == "-" and stdin_filename else p for p in ps])
            if root is not None:
                c.root = str(root)
        return c

    if fixed_config:
        return [(rooted(cfg, paths), list(paths))]
    base = Path(cfg.source).resolve() if has_config_file(cfg) else None
    configs: dict[Path | None, object] = {base: cfg}

    def config_of(cf: Path | None):
        if cf is not None:
            cf = cf.resolve()
        if cf not in configs:
            try:
                loaded = load_config(cf, search=False)
            except MtqaError as exc:
                fail(str(exc))
            check_codes(loaded)
            configs[cf] = configure(loaded)
        return configs[cf]

    found: dict = {}
    order: list[Path | None] = []
    members: dict[Path | None, list[str]] = {}

    def put(cf, raw):
        cf = cf.resolve() if cf is not None else None
        if cf not in members:
            order.append(cf)
            members[cf] = []
        members[cf].append(raw)

    for raw in paths:
        if raw == "-":
            put(config_file_for(stdin_filename) if stdin_filename else find_config(), raw)
            continue
        p = Path(raw)
        if not p.exists():
            put(base, raw)  # reported missing by the run
            continue
        cf = config_file_for(p, found)
        if p.is_dir():
            c = config_of(cf)
            files = expand([raw], c.include, c.exclude, gitignore=c.respect_gitignore)[0]
            own = [config_file_for(src.path, found) for src in files]
            if any((o.resolve() if o else None) != (cf.resolve() if cf else None) for o in own):
                for src, o in zip(files, own, strict=True):
                    put(o, src.display)
                continue
            if walked is not None:
                walked[raw] = len(files)
        put(cf, raw)
    out = []
    for cf in order:
        out.append((rooted(config_of(cf), members[cf]), members[cf]))
    return out


def _merge_results(results):
    """One result of the runs of several configuration groups, in the order they ran."""
    from mtqa.engine.runner import Result

    out = Result(checks=results[0].checks, signature=results[0].signature)
    for r in results:
        for lang, (codes, n) in r.not_applicable.items():
            have, m = out.not_applicable.get(lang, (set(), 0))
            out.not_applicable[lang] = (have | codes, m + n)
        out.documents.extend(r.documents)
        out.findings.extend(r.findings)
        out.suppressed.extend(r.suppressed)
        out.errors.extend(r.errors)
        for code, reason in r.skipped.items():
            out.skipped.setdefault(code, reason)
        out.notes.extend(r.notes)
        out.ran |= r.ran
        out.seconds += r.seconds
    return out


@dataclass
class Fixed:
    """What ``--fix`` (or ``--diff``) did: fixes made, files written, files left alone and why."""

    count: int = 0
    files: set[str] = field(default_factory=set)
    refused: list[tuple[str, str]] = field(default_factory=list)
    diff: str = ""
    #: Safe fixes of the last round left alone: inside text another finding deletes, or in a
    #: sentence with a dismissed or baselined finding (see mtqa.core.fix.safe_edits).
    held: int = 0


#: Rounds of fix and re-lint at most: a fix skipped for overlapping another is made in the next
#: round, if the re-lint still finds it.
MAX_PASSES = 10


def fix_files(result, lint_paths, sources, *, write: bool):
    """Apply the safe suggestions of ``result`` to its files and re-lint them, until a round
    fixes nothing; return the last result (the re-linted files spliced into it) and
    :class:`Fixed`. With ``write=False`` one round is computed and shown as a diff instead.

    The edits are :func:`mtqa.core.fix.apply_edits` (from the end, overlaps skipped) and the
    write is :func:`mtqa.core.fix.write_back` (refused when the file changed on disk, is a link,
    or does not round-trip to its bytes), the same as the review UI's apply."""
    import difflib

    from mtqa.core import fix

    done = Fixed()
    refused: set[str] = set()
    diffs: list[str] = []
    for _ in range(MAX_PASSES if write else 1):
        changed: list[str] = []
        shown, hidden = defaultdict(list), defaultdict(list)
        for f in result.findings:
            shown[f.path].append(f)
        for f in result.suppressed:
            hidden[f.path].append(f)
        done.held = 0
        for doc in result.documents:
            src = sources.get(doc.path)
            if doc.path in refused or src is None or src.path is None:
                continue
            edits = fix.safe_edits(doc, shown[doc.path], hidden[doc.path])
            done.held += sum(1 for f in shown[doc.path] if fix.is_safe(f)) - len(edits)
            if not edits:
                continue
            new, applied, _skipped = fix.apply_edits(doc.text, edits)
            if not applied or new == doc.text:
                continue
            if not write:
                diffs.append(_unified(difflib, doc.path, doc.text, new))
                done.count += len(applied)
                done.files.add(doc.path)
                continue
            try:
                fix.write_back(src.path, doc.text, new, doc.encoding or "utf-8")
            except fix.NotWritten as exc:
                refused.add(doc.path)
                done.refused.append((doc.path, str(exc)))
                continue
            done.count += len(applied)
            done.files.add(doc.path)
            changed.append(doc.path)
        if not changed:
            break
        result = _splice(result, lint_paths([str(sources[p].path) for p in changed]), set(changed))
    done.diff = "".join(diffs)
    return result, done


def _unified(difflib, path: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(x if x.endswith("\n") else x + "\n\\ No newline at end of file\n" for x in lines)


def _splice(result, again, paths: set[str]):
    """``result`` with the documents, findings and errors of ``paths`` taken from ``again``, in
    the order of the first run."""
    new_docs = {d.path: d for d in again.documents}
    order = {d.path: i for i, d in enumerate(result.documents)}

    def merged(old, new):
        kept = [f for f in old if f.path not in paths] + list(new)
        return sorted(kept, key=lambda f: (order.get(f.path, len(order)), f.sort_key()))

    result.findings = merged(result.findings, again.findings)
    result.suppressed = merged(result.suppressed, again.suppressed)
    result.documents = [new_docs.get(d.path, d) if d.path in paths else d for d in result.documents
                        if d.path not in paths or d.path in new_docs]
    result.errors.extend(again.errors)
    return result


def auto_jobs(n_files: int, cores: int | None = None, idle: float | None = None) -> int:
    """The worker processes ``--jobs 0`` (the default) means: one below the engine's
    PARALLEL_MIN_FILES, else the cores idle right now (sampled for 0.1 s), at least one.

    Measured on two cores with 300 files (docs/cli.md): idle, two workers took 4.1-5.2 s against
    5.1-6.7 s for one process; with one core kept busy by another process, 5.7-7.4 s against
    5.7-6.6 s. Workers pay only on cores nobody else is using, so those are the ones counted."""
    from mtqa.engine.runner import PARALLEL_MIN_FILES

    if n_files < PARALLEL_MIN_FILES:
        return 1
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return 1
    if idle is None:
        idle = _idle_cores(cores)
    return max(1, min(cores, int(idle + 0.5)))


def _idle_cores(cores: int, interval: float = 0.1) -> float:
    """Cores idle over ``interval`` seconds (Linux ``/proc/stat``), else by the load average."""

    def sample():
        with open("/proc/stat", encoding="ascii") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        return values[3] + values[4], sum(values[:8])  # idle + iowait, all but guest time

    try:
        idle0, total0 = sample()
        time.sleep(interval)
        idle1, total1 = sample()
        if total1 > total0:
            return cores * (idle1 - idle0) / (total1 - total0)
    except (OSError, ValueError, IndexError):
        pass
    try:
        return max(0.0, cores - os.getloadavg()[0])
    except (AttributeError, OSError):  # pragma: no cover - no load average (Windows)
        return float(cores)


def _use_color(choice: str, stream) -> bool:
    """``--color``: always and never win; auto is a terminal without ``NO_COLOR`` (no-color.org:
    set and not empty)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def _summary(result, fixed, diff: bool) -> str:
    """The summary line (on stderr, whatever the format)."""
    from mtqa.core.fix import is_safe

    n = len(result.findings)
    files = len(result.documents)
    merged = sum(1 for f in result.suppressed if (f.suppressed_by or "").startswith("merged:"))
    parts = [f"mtqa: {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"
             f" ({len(result.suppressed) - merged} suppressed, {merged} merged into others"
             " on the same span)"]
    if fixed is not None:
        verb = "would fix" if diff else "fixed"
        parts.append(f"{verb} {fixed.count} in {len(fixed.files)} file{'s' if len(fixed.files) != 1 else ''}")
        if fixed.held and not diff:
            parts.append(f"{fixed.held} [*] left for review (inside text another finding deletes,"
                         " or beside a dismissed finding)")
    else:
        fixable = sum(1 for f in result.findings if is_safe(f))
        if fixable:
            parts.append(f"{fixable} [*] fixable with --fix")
    return "; ".join(parts)


def _lint_distributed(paths, cfg, fmt, output, scheduler, baseline, no_review, exit_zero) -> int:
    """``mtqa lint --scheduler``: the documents are checked on a Dask cluster."""
    from mtqa.core.review import load_decisions
    from mtqa.engine import suppress
    from mtqa.engine.distributed import run_distributed
    from mtqa.engine.runner import Engine, Result, signature
    from mtqa.reports import render
    from mtqa.reports.jsonl import document_line

    try:
        import distributed  # noqa: F401
    except ImportError:
        fail("--scheduler needs the 'distributed' package (pip install 'dask[distributed]')")
        return int(ExitCode.USAGE)
    base = Path(baseline) if baseline else (cfg.resolve(cfg.baseline) if cfg.baseline else None)
    baseline_fps = suppress.load_baseline(base) if base else {}
    dismissed: set[str] = set()
    if not no_review and cfg.review_file:
        dismissed = {fp for fp, d in load_decisions(cfg.resolve(cfg.review_file)).items() if d.decision == "dismissed"}
    engine = Engine(cfg)
    result = Result(checks=engine.checks)
    stream = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
    streaming = fmt == "jsonl"
    worst_hit = False
    threshold = Severity.parse(cfg.fail_on)
    try:
        for item in run_distributed(list(paths), cfg, scheduler, keep_text=not streaming,
                                    baseline=baseline_fps, dismissed=dismissed):
            result.errors.extend(item.errors)
            result.skipped.update(item.skipped)
            result.notes.extend(item.notes)
            worst_hit = worst_hit or any(f.severity >= threshold for f in item.findings)
            if streaming:
                stream.write(document_line(item.path, item.document, item.findings, len(item.suppressed), item.errors))
                stream.flush()
                if item.document is not None:
                    result.documents.append(None)  # counted, not kept
            else:
                if item.document is not None:
                    result.documents.append(item.document)
                result.findings.extend(item.findings)
                result.suppressed.extend(item.suppressed)
        result.signature = signature(cfg, engine)
        if not streaming:
            render(fmt, result, stream)
    except MtqaError as exc:
        fail(str(exc))
        return int(ExitCode.USAGE)
    except OSError as exc:
        fail(f"cannot reach the Dask scheduler at {scheduler}: {exc}")
        return int(ExitCode.USAGE)
    finally:
        if output:
            stream.close()
    for e in result.errors:
        click.echo(f"mtqa: error: {e}", err=True)
    if result.errors:
        return int(ExitCode.USAGE)
    if not result.documents:
        click.echo(f"mtqa: no files to check in {' '.join(paths)}", err=True)
        return int(ExitCode.USAGE)
    return int(ExitCode.FINDINGS) if worst_hit and not exit_zero else int(ExitCode.OK)


def _requested_but_skipped(result, cfg) -> list[str]:
    """Skipped checks that a selector named explicitly (not the defaults, not ``ALL``): a run that
    asked for them (``--select R``, ``--roundtrip``) and could not run them exits 3."""
    from mtqa.engine.select import matches

    explicit = [x for x in (*cfg.select, *cfg.extend_select) if x.strip().upper() != "ALL"]
    return sorted(
        c.code for c in result.checks
        if c.code in result.skipped and any(matches(c, x) for x in explicit)
    )
