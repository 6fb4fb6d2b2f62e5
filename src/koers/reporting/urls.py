"""`rapport/<agenda>/<start>/<end>.<fmt>` and its cover note `.../<end>/notitie.<fmt>`."""

from __future__ import annotations

import datetime as dt

from django.urls import path, register_converter

from koers.reporting import views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> dt.date:
        # An impossible date (2019-02-30) raises ValueError: Django then finds no match, a 404.
        return dt.date.fromisoformat(value)

    def to_url(self, value: dt.date | str) -> str:
        # reverse() gets a date or its ISO text; both read the same in the address.
        return value.isoformat() if isinstance(value, dt.date) else str(value)


class FormatConverter:
    regex = r"html|pdf|docx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(IsoDateConverter, "isodate")
register_converter(FormatConverter, "reportformat")

app_name = "reporting"
urlpatterns = [
    path(
        "rapport/<slug:agenda>/<isodate:start>/<isodate:end>.<reportformat:fmt>",
        views.report_download,
        name="report",
    ),
    path(
        "rapport/<slug:agenda>/<isodate:start>/<isodate:end>/notitie.<reportformat:fmt>",
        views.cover_note_download,
        name="cover-note",
    ),
]
