"""`koers report`: write the progress report (and its cover note) to a file.

    koers report --agenda bna --period 2019-07-01:2020-06-30 --format pdf --lang nl \\
        -o voortgangsrapportage.pdf [--cover-note]

With --cover-note the cover note is written beside the report, to the same
name with "-cover-note" (English) or "-begeleidende-notitie" (Dutch) before
the extension. Exit codes: 0 written, 1 nothing to report or unknown agenda,
2 bad arguments (period, format, language).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from koers.readmodel.service import (
    LANGUAGES,
    EmptyPeriodError,
    Language,
    Report,
    ReportError,
    UnknownAgendaError,
    is_language,
)
from koers.reporting.outputs import FORMATS, Format, is_format, note_bytes, report_bytes
from koers.reporting.periods import PeriodFormatError, parse_report_period
from koers.reporting.report import build_report

NOTE_SUFFIX: dict[Language, str] = {"nl": "-begeleidende-notitie", "en": "-cover-note"}


def report_command(
    agenda: str,
    period: str,
    fmt: str,
    lang: str,
    output: str | Path,
    cover_note: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Build the report and write it (and the cover note) in `fmt`; returns the exit code."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        start, end = parse_report_period(period)
    except PeriodFormatError as exc:
        return _fail(err, str(exc), 2)
    if not is_format(fmt):
        return _fail(err, f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})", 2)
    if not is_language(lang):
        return _fail(err, f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})", 2)
    try:
        report = build_report(agenda, start, end, lang)
    except (UnknownAgendaError, EmptyPeriodError) as exc:
        return _fail(err, str(exc), 1)
    except ReportError as exc:
        return _fail(err, str(exc), 2)
    return _write(report, fmt, lang, Path(output), cover_note, out, err)


def _write(
    report: Report,
    fmt: Format,
    lang: Language,
    path: Path,
    cover_note: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    try:
        path.write_bytes(report_bytes(report, fmt))
        print(f"wrote {path}", file=out)
        if cover_note:
            note_path = path.with_name(f"{path.stem}{NOTE_SUFFIX[lang]}{path.suffix}")
            note_path.write_bytes(note_bytes(report, fmt))
            print(f"wrote {note_path}", file=out)
    except OSError as exc:
        return _fail(err, f"cannot write {exc.filename}: {exc.strerror}", 1)
    return 0


def _fail(err: TextIO, message: str, code: int) -> int:
    print(f"koers report: {message}", file=err)
    return code
