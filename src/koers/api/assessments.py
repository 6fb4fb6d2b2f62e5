"""Assessments: per target (or, for an indicator without one, per geography's trend) the
method, status, score, the rate still needed and the explanation in Dutch and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, overload

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from koers.agendas import service as agendas
from koers.api.common import AgendaQuery, Page, filter_code, read_query
from koers.assessment.service import (
    TargetAssessment,
    TrendAssessment,
    agenda_targets,
    assess_indicator,
    assess_target,
)
from koers.indicators import service as indicators

Assessed = TargetAssessment | TrendAssessment


class TextSerializer(serializers.Serializer[Any]):
    nl = serializers.CharField()
    en = serializers.CharField()


class AssessmentSerializer(serializers.Serializer[Any]):
    indicator = serializers.CharField()
    geography = serializers.CharField(help_text="Where the figures assessed were measured.")
    target = serializers.IntegerField(allow_null=True, help_text="The target; null for a trend.")
    method = serializers.CharField()
    status = serializers.CharField()
    score = serializers.FloatField(allow_null=True, help_text="-5 to +5, for roll-ups.")
    targetAchieved = serializers.BooleanField()
    neededRate = serializers.FloatField(
        allow_null=True, help_text="Change per year still needed to reach the target."
    )
    currentPace = serializers.FloatField(
        allow_null=True, help_text="Change per year observed so far."
    )
    rateUnit = serializers.CharField()
    stale = serializers.BooleanField(allow_null=True)
    explanation = TextSerializer()


def assessment_row(assessed: Assessed) -> dict[str, Any]:
    """One assessment as the API shows it; the explanation rendered in both languages."""
    result = assessed.result
    is_target = isinstance(assessed, TargetAssessment)
    indicator = assessed.target.indicator if is_target else assessed.indicator  # type: ignore[union-attr]
    geography = assessed.measured_at if is_target else assessed.geography  # type: ignore[union-attr]
    return {
        "indicator": indicator.code,
        "geography": geography.code,
        "target": assessed.target.pk if is_target else None,  # type: ignore[union-attr]
        "method": result.method,
        "status": result.status,
        "score": result.score,
        "targetAchieved": result.target_achieved,
        "neededRate": result.needed_rate,
        "currentPace": result.current_pace,
        "rateUnit": result.rate_unit,
        "stale": assessed.staleness.stale if assessed.staleness else None,
        "explanation": {lang: _explained(result, lang) for lang in ("nl", "en")},
    }


def _explained(result: Any, lang: str) -> str:
    with translation.override(lang):
        return str(result.explanation.text)


@dataclass
class LazyRows(Sequence[dict[str, Any]]):
    """Assess only the page asked for: a list of subjects, each assessed when sliced."""

    subjects: Sequence[Any]
    assess: Callable[[Any], Assessed]

    def __len__(self) -> int:
        return len(self.subjects)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [assessment_row(self.assess(s)) for s in self.subjects[index]]
        return assessment_row(self.assess(self.subjects[index]))


class AssessmentQuery(AgendaQuery):
    indicator = serializers.CharField(required=False, help_text="The indicator's code.")
    datum = serializers.DateField(
        required=False, help_text="Judge staleness on this day (default: today)."
    )


class AssessmentList(generics.ListAPIView[Any]):
    """Every target's assessment (of an agenda, or of one indicator with its trends)."""

    serializer_class = AssessmentSerializer
    pagination_class = Page

    @extend_schema(
        parameters=[AssessmentQuery], operation_id="listAssessments", tags=["indicators"]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, AssessmentQuery)
        day: dt.date | None = query.get("datum")
        indicator = filter_code(query, "indicator", indicators.find_indicator)
        agenda = filter_code(query, "agenda", agendas.find_agenda)
        if indicator is not None:
            found = assess_indicator(indicator, as_of=day)
            rows: list[Assessed] = [*found.targets, *found.trends]
            if agenda is not None:
                rows = [r for r in rows if not isinstance(r, TargetAssessment) or _in(r, agenda)]
            return LazyRows(rows, lambda r: r)
        return LazyRows(agenda_targets(agenda), lambda t: assess_target(t, as_of=day))


def _in(assessed: TargetAssessment, agenda: Any) -> bool:
    item = assessed.target.item
    return item is None or item.agenda_id == agenda.pk
