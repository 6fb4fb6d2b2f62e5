"""`koers assess`: every target of an agenda (or all), as a table or as JSON records."""

from __future__ import annotations

import json
from typing import Any

from koers.agendas.models import Agenda
from koers.assessment import methods, service
from koers.assessment.records import indicator_record, series_record
from koers.indicators.models import Indicator

LANGUAGES = ("en", "nl")


def assess_command(
    agenda_code: str | None, method: str | None, fmt: str, language: str = "en"
) -> str:
    """The output of `koers assess` as text; JSON explanations told in `language`."""
    if method is not None and method not in methods.METHODS:
        raise ValueError(f"unknown method {method!r} (choose from {', '.join(methods.METHODS)})")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (choose from {', '.join(LANGUAGES)})")
    records = assessment_records(_indicators(agenda_code), method, language)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    return _table(records)


def _indicators(agenda_code: str | None) -> list[Indicator]:
    indicators = Indicator.objects.all()
    if agenda_code is not None:
        agenda = Agenda.objects.filter(code=agenda_code).first()
        if agenda is None:
            raise ValueError(f"no agenda with code {agenda_code!r}")
        linked = indicators.filter(items__agenda=agenda) | indicators.filter(
            targets__item__agenda=agenda
        )
        indicators = linked.distinct()
    return list(indicators.order_by("code"))


def assessment_records(
    indicators: list[Indicator], method: str | None, language: str = "en"
) -> list[dict[str, Any]]:
    """One record per assessed series or target, then one per indicator (series null)."""
    records: list[dict[str, Any]] = []
    for indicator in indicators:
        if service.uses_opensdg_options(indicator) and method is None:
            aggregate, results = service.assess_opensdg_indicator(indicator)
            records += [series_record(indicator.code, r, language=language) for r in results]
        else:
            assessed = service.assess_indicator(indicator, method=method)
            records += [target_record(t, language) for t in assessed.targets]
            records += [
                series_record(indicator.code, t.result, language=language) for t in assessed.trends
            ]
            aggregate = assessed.aggregate
        records.append(indicator_record(indicator.code, aggregate, language))
    return records


def target_record(assessed: service.TargetAssessment, language: str = "en") -> dict[str, Any]:
    """A target's record: the series record, plus where its figures come from."""
    target = assessed.target
    record = series_record(target.indicator.code, assessed.result, language=language)
    record["target"] = {
        "geography": target.geography.code,
        "item": target.item.natural_key() if target.item else None,
        "kind": target.kind,
        "period": target.target_period,
        "value": target.target_value,
    }
    record["measured_at"] = assessed.measured_at.code
    record["proxy"] = assessed.proxy is not None
    record["sources"] = sorted({p.source for p in assessed.points if p.source})
    return record


def _table(records: list[dict[str, Any]]) -> str:
    header = f"{'indicator':<32} {'series':<44} {'method':<18} {'status':<22} {'score':>6}"
    lines = [header, "-" * len(header)]
    for r in records:
        score = "" if r["score"] is None else f"{r['score']:.2f}"
        series = "(indicator)" if r["series"] is None else str(r["series"])[:44]
        lines.append(
            f"{r['indicator'][:32]:<32} {series:<44} {r['method']:<18} {r['status']:<22} {score:>6}"
        )
    return "\n".join(lines) + "\n"
