"""Every table on a page downloads as CSV, XLSX and JSON with the same rows and
numbers the page shows; an unknown table or format is a 404."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.test import Client
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from koers.agendas.models import Agenda

from .conftest import text_of

pytestmark = pytest.mark.django_db


def rows_of_csv(client: Client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_money_per_funder_downloads_with_the_numbers_of_the_page(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/agenda/proefagenda/geld/").content)
    rows = rows_of_csv(client, "/agenda/proefagenda/geld/download/by-funder.csv")
    fund = next(row for row in rows if row["group"] == "Regiofonds Proef")
    assert fund["amount_eur"] == "1500250000"
    assert "1.500.250.000" in page  # the same number, written the Dutch way
    for row in rows:
        shown = f"{int(row['amount_eur']):,}".replace(",", ".")
        assert shown in page


def test_the_three_formats_carry_the_same_rows(client: Client, proefagenda: Agenda) -> None:
    base = "/en/agenda/proefagenda/download/items"
    from_csv = rows_of_csv(client, f"{base}.csv")
    document = json.loads(client.get(f"{base}.json").content)
    workbook = load_workbook(io.BytesIO(client.get(f"{base}.xlsx").content))
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    assert len(from_csv) == len(document["rows"]) == sheet.max_row - 1
    assert [row["title"] for row in from_csv] == [row["title"] for row in document["rows"]]
    assert [cell.value for cell in sheet["C"][1:]] == [row["title"] for row in from_csv]
    assert "1 Attracting international talent" in [row["title"] for row in from_csv]


def test_a_download_follows_the_day_the_page_shows(client: Client, proefagenda: Agenda) -> None:
    html = client.get("/agenda/proefagenda/?datum=2019-06-30").content.decode()
    assert "/agenda/proefagenda/download/items.csv?datum=2019-06-30" in html
    then = rows_of_csv(client, "/agenda/proefagenda/download/items.csv?datum=2019-06-30")
    assert "7 Bereikbaarheid toplocaties" in [row["title"] for row in then]


def test_every_download_link_on_a_page_answers(client: Client, proefagenda: Agenda) -> None:
    for page in ("/agenda/proefagenda/actie/5/", "/indicatoren/proef-banen/", "/"):
        html = client.get(page).content.decode()
        links = sorted(set(re.findall(r'href="([^"]*/download/[^"]*)"', html)))
        assert links, f"{page} offers no download"
        for link in links:
            assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_an_unknown_table_or_format_is_not_found(client: Client, proefagenda: Agenda) -> None:
    assert client.get("/agenda/proefagenda/download/nope.csv").status_code == 404
    assert client.get("/agenda/proefagenda/download/items.pdf").status_code == 404
