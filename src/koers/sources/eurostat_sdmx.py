"""SDMX-ML 2.1 data messages from Eurostat's SDMX API, read with sdmx1 into `Cell`s.

A message answers one query and sdmx1 holds it in memory, as the API sends
it. Every data set of the message is read: series keys and observation
dimensions together give each value's key (so generic, structure-specific,
time-series and flat messages read alike); the observation's `OBS_FLAG`
(Eurostat since 2023) or `OBS_STATUS` (older messages) is its status.

Eurostat answers a query too large to serve at once with a message that holds
no data, only a footer with code 413 and the address where the file will be
written later; that is refused with `DeferredDataError` naming the address.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koers.sources.eurostat_formats import MISSING, Cell, checked_status, error
from koers.sources.series import Location, StatisticsFormatError

TIME = "TIME_PERIOD"
STATUS_ATTRIBUTES = ("OBS_FLAG", "OBS_STATUS")  # the first one an observation has counts


class DeferredDataError(StatisticsFormatError):
    """Eurostat will write the data to a file later (footer code 413) instead of sending it."""

    def __init__(self, origin: Path | str, address: str) -> None:
        self.address = address
        super().__init__(
            origin,
            "Eurostat did not send the data (message 413: the query is too large to answer "
            f"at once); it will write them to {address or 'a file'}: download that file when "
            "it is ready and import it, or narrow the query with filters",
        )


@dataclass(frozen=True)
class SdmxData:
    """The values of an SDMX-ML data message, with the names it gives them."""

    origin: str
    dataset: str  # the data flow, e.g. "NAMA_10_GDP"
    dimensions: tuple[str, ...]  # every dimension but time, in message order
    cells: tuple[Cell, ...]


def read_sdmx_ml(source: Path | bytes, origin: str) -> SdmxData:
    """Read an SDMX-ML data message from a file or a response body."""
    message = _parse(source, origin)
    _refuse_footer(message, origin)
    if not hasattr(message, "data") or any(not hasattr(each, "obs") for each in message.data):
        kind = type(message).__name__.removesuffix("Message").lower() or "other"
        raise error(
            origin,
            f"this is an SDMX {kind} message, not data: import a data message "
            "(GenericData or StructureSpecificData)",
            Location(record=type(message).__name__),
        )
    if not message.data:
        raise error(origin, "the message holds no data set", Location(record="DataSet"))
    cells = [
        cell
        for index, data_set in enumerate(message.data)
        for cell in _cells(data_set, index, origin)
    ]
    names = dict.fromkeys(name for cell in cells for name in cell.key)
    return SdmxData(origin, _dataset_id(message), tuple(names), tuple(cells))


@contextmanager
def _quiet() -> Iterator[None]:
    # sdmx1 logs that it reads a structure-specific message without its structure
    # definition; that is how Eurostat's data answers come, so nothing to report.
    logger = logging.getLogger("sdmx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _parse(source: Path | bytes, origin: str) -> Any:
    import sdmx

    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with _quiet():
            return sdmx.read_sdmx(stream)
    except Exception as exc:  # sdmx1 and lxml raise many kinds; every one means "not readable"
        raise error(origin, f"not an SDMX-ML data message ({exc})", Location()) from None


def _refuse_footer(message: Any, origin: str) -> None:
    footer = getattr(message, "footer", None)
    if footer is None or str(footer.code) != "413":
        return
    texts = [str(text) for text in footer.text]
    address = next((word for text in texts for word in text.split() if "://" in word), "")
    raise DeferredDataError(origin, address)


def _dataset_id(message: Any) -> str:
    for data_set in message.data:
        structure = getattr(data_set, "structured_by", None)
        if structure is not None and getattr(structure, "id", None):
            return str(structure.id)
    return ""


def _cells(data_set: Any, index: int, origin: str) -> Iterator[Cell]:
    for number, observation in enumerate(data_set.obs):
        where = Location(record=f"DataSet[{index}] Obs[{number}]", field="OBS_VALUE")
        key = _key(observation)
        value = _value(observation.value)
        if value is None:
            continue
        if TIME not in key:
            raise error(origin, f"the observation has no {TIME}", where)
        period = key.pop(TIME)
        yield Cell(key, period, value, _status(observation, where, origin), where, TIME)


def _key(observation: Any) -> dict[str, str]:
    key: dict[str, str] = {}
    if observation.series_key is not None:
        key.update({name: str(kv.value) for name, kv in observation.series_key.values.items()})
    key.update({name: str(kv.value) for name, kv in observation.dimension.values.items()})
    return key


def _value(raw: object) -> str | None:
    text = "" if raw is None else str(raw).strip()
    if text in MISSING or text == "NaN" or (isinstance(raw, float) and math.isnan(raw)):
        return None
    return text


def _status(observation: Any, where: Location, origin: str) -> str:
    attributes = observation.attached_attribute
    name = next((name for name in STATUS_ATTRIBUTES if name in attributes), None)
    if name is None:
        return ""
    at = Location(record=where.record, field=name)
    return checked_status(origin, str(attributes[name].value), at)
