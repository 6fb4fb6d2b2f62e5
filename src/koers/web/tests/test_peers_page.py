"""The peer-region page on invented data: nothing that only works on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from koers.agendas.models import Geography
from koers.sources.feeds import refresh_feeds
from koers.sources.tests.test_feeds import _csv, _feed, _indicator
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def compared(tmp_path: Path) -> None:
    for code, name in (("XA11", "Alpha"), ("XB22", "Bravo")):
        Geography.objects.create(code=code, level="nuts2", name_nl=name, name_en=name)
    _indicator("widgets", unit="widgets per million")
    _feed(
        "widgets-rank",
        _indicator("widgets-rank", direction="decrease", unit="rank"),
        "widgets.csv",
        geographies={"XA11": "XA11"},
        options={
            "rank": {
                "order": "descending",
                "level": "nuts2",
                "peers": 2,
                "top": 2,
                "named": ["XB22"],
                "of": "widgets",
            }
        },
    )
    rows = [(2020, code, 2, value) for code, value in (("XC33", 9.0), ("XD44", 8.0))]
    rows += [(2020, "XA11", 2, 6.0), (2020, "XB22", 2, 1.0), (2020, "XE55", 2, 7.0)]
    rows += [(2021, "XA11", 2, 8.5), (2021, "XC33", 2, 9.0), (2021, "XD44", 2, 8.0)]
    rows += [(2021, "XB22", 2, 1.0), (2021, "XE55", 2, 7.0)]
    _csv(tmp_path, "widgets.csv", rows)
    refresh_feeds(offline=tmp_path, strict=True)


def test_the_page_gives_rank_distance_and_peers_by_the_rule(client: Client, compared: None) -> None:
    page = text_of(client.get("/en/regios-vergeleken/").content)
    assert "In 2021 Alpha ranked 2 of 5 (8.5 widgets per million)" in page
    assert "That is within the best 2." in page
    assert "2020 4 5 6 8 2" in page  # rank 4 of 5; number 2 had 8, 2 to go
    # peers of 2021: the 2 best (XC33, Alpha), the named Bravo; XD44 and XE55 are not
    assert "1 XC33 XC33 9 among the best 2 2 Alpha XA11 8.5 the region compared" in page
    assert "5 Bravo XB22 1 named peer" in page and "XE55" not in page.split("Peers in")[1]


def test_the_dutch_page_says_it_in_dutch_and_offers_the_tables_as_files(
    client: Client, compared: None
) -> None:
    html = client.get("/regios-vergeleken/").content.decode()
    page = text_of(html)
    assert "In 2021 stond Alpha op plaats 2 van 5 (8,5 widgets per million)" in page
    assert "Vergeleken met: de 2 beste regio's" in page
    assert "<svg" in html and 'role="img"' in html
    download = client.get("/regios-vergeleken/download/widgets-rank-peers.csv")
    assert download.status_code == 200
    assert download.content.decode().splitlines()[1:3] == [
        "1,XC33,XC33,9.0,bij de beste 2",
        "2,Alpha,XA11,8.5,de vergeleken regio",
    ]


def test_without_peer_feeds_the_page_says_so(client: Client, db: None) -> None:
    page = text_of(client.get("/en/regios-vergeleken/").content)
    assert "No region is compared with its peers yet." in page
