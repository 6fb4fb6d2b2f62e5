"""Every fixed text of the report has its Dutch translation in the compiled catalogue."""

from __future__ import annotations

import gettext
from dataclasses import fields

from koers.readmodel.service import LOCALE_DIR, labels, translator


def _catalogue() -> dict[str, str]:
    translation = gettext.translation("django", LOCALE_DIR, languages=["nl"])
    return dict(translation._catalog)


def test_every_label_and_status_name_is_translated() -> None:
    catalogue = _catalogue()
    source = labels.Labels()
    msgids = [getattr(source, f.name) for f in fields(labels.Labels)]
    tables = [
        labels.ROLE,
        labels.INSTRUMENT,
        labels.TARGET_KIND,
        labels.METHOD,
        labels.LINK_KIND,
        labels.DIRECTION,
        labels.FREQUENCY,
        labels.FLAG,
    ]
    msgids += [text for table in tables for text in table.values()]
    toned = [
        labels.COMPUTED_STATUS,
        labels.OWNER_STATUS,
        labels.MILESTONE_STATUS,
        labels.AGREEMENT_STATUS,
    ]
    msgids += [text for table in toned for text, _ in table.values()]
    missing = [msgid for msgid in msgids if not catalogue.get(msgid)]
    assert missing == [], "run makemessages, translate and msgfmt (see the .po header)"


def test_the_dutch_labels_are_dutch_and_the_english_ones_english() -> None:
    assert labels.labels_for("nl").key_figures == "Kerncijfers"
    assert labels.labels_for("en").key_figures == "Key figures"
    assert translator("nl")("{value} by {year}") == "{value} in {year}"
