"""Indicators, their figures (read and posted), targets and assessments."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from koers.accounts.service import Action, IndicatorSubject, recorded_import, require
from koers.agendas import service as agendas
from koers.api.common import AgendaQuery, Page, Query, filter_code, known, read_query
from koers.api.writes import IDEMPOTENCY_HEADER, authenticated, idempotent
from koers.indicators import service as indicators
from koers.indicators.models import Indicator
from koers.sources.service import NewObservation, StoreError, store_observations


class IndicatorSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    nameNl = serializers.CharField(source="name_nl")
    nameEn = serializers.CharField(source="name_en")
    descriptionNl = serializers.CharField(source="description_nl")
    descriptionEn = serializers.CharField(source="description_en")
    unit = serializers.CharField()
    direction = serializers.ChoiceField(choices=Indicator.Direction.choices)
    frequency = serializers.ChoiceField(choices=Indicator.Frequency.choices)
    publisher = serializers.CharField()
    additive = serializers.BooleanField()
    reported = serializers.BooleanField(help_text="Figures come from the reporting round.")


class IndicatorList(generics.ListAPIView[Any]):
    serializer_class = IndicatorSerializer
    pagination_class = Page

    @extend_schema(parameters=[AgendaQuery], operation_id="listIndicators", tags=["indicators"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, AgendaQuery)
        return indicators.indicators(filter_code(query, "agenda", agendas.find_agenda))


class IndicatorDetail(generics.GenericAPIView[Any]):
    serializer_class = IndicatorSerializer

    @extend_schema(
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH)],
        operation_id="getIndicator",
        tags=["indicators"],
    )
    def get(self, request: Request, code: str) -> Response:
        found = known(indicators.find_indicator(code), "indicator", code)
        return Response(IndicatorSerializer(found).data)


class ObservationSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    indicator = serializers.CharField(source="indicator.code")
    geography = serializers.CharField(source="geography.code")
    series = serializers.CharField()
    period = serializers.CharField()
    periodStart = serializers.DateField(source="period_start")
    periodEnd = serializers.DateField(source="period_end")
    value = serializers.FloatField()
    provisional = serializers.BooleanField()
    estimated = serializers.BooleanField()
    revised = serializers.BooleanField()
    source = serializers.CharField(  # type: ignore[assignment]
        source="source.code", allow_null=True, default=None
    )
    retrievedDate = serializers.DateField(source="retrieved", allow_null=True)
    recordedAt = serializers.DateTimeField(source="recorded_at")


class ObservationQuery(Query):
    indicator = serializers.CharField(required=False, help_text="The indicator's code.")
    geography = serializers.CharField(required=False, help_text="The geography's code.")
    periodFrom = serializers.DateField(
        required=False, help_text="Only periods starting on or after this day."
    )
    periodTo = serializers.DateField(
        required=False, help_text="Only periods ending on or before this day."
    )
    datum = serializers.DateField(
        required=False,
        help_text="The figures as known on this day: period ended and recorded by then.",
    )


class NewObservationSerializer(serializers.Serializer[Any]):
    indicator = serializers.CharField(max_length=100)
    geography = serializers.CharField(max_length=20)
    period = serializers.CharField(max_length=30, help_text="2020, 2020-Q3, 2020-06, ...")
    value = serializers.FloatField()
    series = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    provisional = serializers.BooleanField(required=False, default=False)
    estimated = serializers.BooleanField(required=False, default=False)
    noteNl = serializers.CharField(required=False, default="", allow_blank=True)
    noteEn = serializers.CharField(required=False, default="", allow_blank=True)

    def validate_indicator(self, value: str) -> str:
        if indicators.find_indicator(value) is None:
            raise serializers.ValidationError(_("Unknown indicator %(code)r.") % {"code": value})
        return value

    def validate_geography(self, value: str) -> str:
        if indicators.find_geography(value) is None:
            raise serializers.ValidationError(_("Unknown geography %(code)r.") % {"code": value})
        return value

    def validate_period(self, value: str) -> str:
        try:
            indicators.parse_period(value)
        except indicators.PeriodError as exc:
            raise serializers.ValidationError(str(exc)) from None
        return value


class ObservationBatch(serializers.Serializer[Any]):
    observations = NewObservationSerializer(  # type: ignore[call-arg]
        many=True, allow_empty=False, max_length=10_000
    )


class StoreResultSerializer(serializers.Serializer[Any]):
    added = serializers.IntegerField()
    revised = serializers.IntegerField()
    unchanged = serializers.IntegerField()


IDEMPOTENCY = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="A key of your choice: sending the same key and body again returns the first "
    "answer and writes nothing.",
)


class ObservationList(generics.ListAPIView[Any]):
    """Figures (the latest revision of each), and new figures posted in bulk."""

    serializer_class = ObservationSerializer
    pagination_class = Page

    @extend_schema(
        parameters=[ObservationQuery], operation_id="listObservations", tags=["indicators"]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, ObservationQuery)
        return indicators.observations(
            filter_code(query, "indicator", indicators.find_indicator),
            filter_code(query, "geography", indicators.find_geography),
            query.get("periodFrom"),
            query.get("periodTo"),
            query.get("datum"),
        )

    @extend_schema(
        parameters=[IDEMPOTENCY],
        request=ObservationBatch,
        responses={201: StoreResultSerializer},
        operation_id="addObservations",
        tags=["indicators"],
        description="Add figures, all or none. A figure already stored with the same value "
        "adds nothing; a changed value adds a revision. Needs the right to add figures to "
        "every indicator named.",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = authenticated(request)
        return idempotent(request, user, lambda: self._store(request, user))

    def _store(self, request: Request, user: Any) -> Response:
        batch = ObservationBatch(data=request.data)
        batch.is_valid(raise_exception=True)
        rows = batch.validated_data["observations"]
        for code in sorted({row["indicator"] for row in rows}):
            found = known(indicators.find_indicator(code), "indicator", code)
            require(user, Action.ADD_FIGURES, IndicatorSubject(found))
        new = [_new(row, index) for index, row in enumerate(rows)]
        with recorded_import("api", request.path) as audited:
            try:
                result = store_observations(new, source=None)
            except StoreError as exc:
                raise serializers.ValidationError({"observations": [str(exc)]}) from None
            audited.report({"added": result.added, "revised": result.revised})
        body = {"added": result.added, "revised": result.revised, "unchanged": result.unchanged}
        return Response(StoreResultSerializer(body).data, status=status.HTTP_201_CREATED)


def _new(row: dict[str, Any], index: int) -> NewObservation:
    flags = tuple(name for name in ("provisional", "estimated") if row[name])
    return NewObservation(
        indicator=row["indicator"],
        geography=row["geography"],
        period=row["period"],
        value=row["value"],
        series=row["series"],
        flags=flags,
        note_nl=row["noteNl"],
        note_en=row["noteEn"],
        where=f"observations[{index}]",
    )


class TargetSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    indicator = serializers.CharField(source="indicator.code")
    geography = serializers.CharField(source="geography.code")
    agenda = serializers.CharField(source="item.agenda.code", allow_null=True, default=None)
    item = serializers.CharField(source="item.code", allow_null=True, default=None)
    kind = serializers.CharField()
    baselinePeriod = serializers.CharField(source="baseline_period")
    baselineValue = serializers.FloatField(source="baseline_value", allow_null=True)
    targetPeriod = serializers.CharField(source="target_period")
    targetValue = serializers.FloatField(source="target_value")


class TargetQuery(AgendaQuery):
    indicator = serializers.CharField(required=False, help_text="The indicator's code.")


class TargetList(generics.ListAPIView[Any]):
    serializer_class = TargetSerializer
    pagination_class = Page

    @extend_schema(parameters=[TargetQuery], operation_id="listTargets", tags=["indicators"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, TargetQuery)
        return indicators.targets(
            filter_code(query, "indicator", indicators.find_indicator),
            filter_code(query, "agenda", agendas.find_agenda),
        )
