"""Downloads carry the same rows as the page, in CSV, XLSX and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from koers.web.tables import Column, Table, download, to_csv, to_json, to_xlsx

TABLE = Table(
    name="budgets",
    caption="Budgets",
    columns=[
        Column("funder", "Financier"),
        Column("amount", "Bedrag", numeric=True),
        Column("start", "Begin"),
    ],
    rows=[["EZK", Decimal("10700000"), dt.date(2019, 1, 1)], ["Provincie €", 2.5, None]],
)


def test_csv_has_a_bom_the_keys_and_raw_values() -> None:
    data = to_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        ["funder", "amount", "start"],
        ["EZK", "10700000", "2019-01-01"],
        ["Provincie €", "2.5", ""],
    ]


def test_json_keeps_numbers_as_numbers() -> None:
    document = json.loads(to_json(TABLE))
    assert document["rows"][0] == {"funder": "EZK", "amount": 10700000, "start": "2019-01-01"}
    assert document["rows"][1]["amount"] == 2.5
    assert [c["label"] for c in document["columns"]] == ["Financier", "Bedrag", "Begin"]


def test_xlsx_opens_with_the_labels_and_numbers() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx(TABLE))).active
    assert isinstance(sheet, Worksheet)
    assert [c.value for c in sheet[1]] == ["Financier", "Bedrag", "Begin"]
    assert sheet["B2"].value == 10700000
    assert sheet["C2"].value == "2019-01-01"


def test_download_names_the_file() -> None:
    response = download(TABLE, "xlsx", stem="bna-budgets")
    assert response["Content-Disposition"] == 'attachment; filename="bna-budgets.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_partial_renders_formatted_cells_and_download_links() -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("nl"):
        html = render_to_string(
            "web/includes/table.html", {"table": TABLE, "download_base": "/x/download/"}
        )
    assert "10.700.000" in html
    assert "utrecht-table__cell--numeric" in html
    assert 'href="/x/download/budgets.xlsx"' in html
    with translation.override("en"):
        html = render_to_string("web/includes/table.html", {"table": TABLE})
    assert "10,700,000" in html
    assert "download/" not in html
