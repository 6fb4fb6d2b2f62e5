"""What every feed connector shares: its reading and its error (see koers.sources.feeds)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from koers.agendas.models import SourceDocument
from koers.sources.store import NewObservation

# {"*": "*"} in a feed's geographies: every code the source gives, as the connector maps it.
ALL_GEOGRAPHIES = "*"


class FeedError(ValueError):
    """A feed that cannot be read as declared; the message names the feed."""


@dataclass(frozen=True)
class Reading:
    """What one feed read: the values to store and the document they cite."""

    rows: list[NewObservation]
    source: SourceDocument | None
    retrieved: dt.date | None
    # A ranked feed keeping its peers: every competitor's value, under the source's codes.
    panel: list[NewObservation] = field(default_factory=list)
