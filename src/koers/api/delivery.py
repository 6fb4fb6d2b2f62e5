"""Milestones (read, and their dates written), budget lines, agreements and reports."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as ModelValidationError
from django.urls import reverse
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from koers.accounts.service import Action, ItemSubject, require
from koers.agendas import service as agendas
from koers.agendas.models import Milestone
from koers.api.agendas import ItemQuery, agenda_and_item
from koers.api.common import AgendaQuery, Page, filter_code, known, read_query
from koers.api.writes import authenticated


class MilestoneSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    agenda = serializers.CharField(source="item.agenda.code")
    item = serializers.CharField(source="item.code")
    titleNl = serializers.CharField(source="title_nl")
    titleEn = serializers.CharField(source="title_en")
    plannedDate = serializers.DateField(source="planned", allow_null=True)
    actualDate = serializers.DateField(source="actual", allow_null=True)
    status = serializers.ChoiceField(choices=Milestone.Status.choices)
    overdue = serializers.SerializerMethodField(help_text="Still planned after its planned date.")

    def get_overdue(self, milestone: Milestone) -> bool:
        return milestone.is_overdue(timezone.localdate())


class MilestoneList(generics.ListAPIView[Any]):
    serializer_class = MilestoneSerializer
    pagination_class = Page

    @extend_schema(parameters=[ItemQuery], operation_id="listMilestones", tags=["milestones"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        agenda, item = agenda_and_item(read_query(self.request, ItemQuery))
        return agendas.milestones(agenda, item)


class MilestoneDates(serializers.Serializer[Any]):
    plannedDate = serializers.DateField(required=False, allow_null=True)
    actualDate = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=Milestone.Status.choices, required=False)


MILESTONE_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The milestone.")


class MilestoneDetail(generics.GenericAPIView[Any]):
    serializer_class = MilestoneSerializer

    @extend_schema(parameters=[MILESTONE_ID], operation_id="getMilestone", tags=["milestones"])
    def get(self, request: Request, id: int) -> Response:
        found = known(agendas.find_milestone(id), "milestone", str(id))
        return Response(MilestoneSerializer(found).data)

    @extend_schema(
        parameters=[MILESTONE_ID],
        request=MilestoneDates,
        responses=MilestoneSerializer,
        operation_id="updateMilestone",
        tags=["milestones"],
        description="Change a milestone's planned or actual date and its status. Needs the "
        "right to edit the item (its owner, the agenda's coordinator).",
    )
    def patch(self, request: Request, id: int) -> Response:
        user = authenticated(request)
        found = known(agendas.find_milestone(id), "milestone", str(id))
        sent = MilestoneDates(data=request.data)
        sent.is_valid(raise_exception=True)
        require(user, Action.EDIT_ITEM, ItemSubject(found.item))
        values = sent.validated_data
        try:
            agendas.set_milestone_dates(
                found,
                values.get("plannedDate", found.planned),
                values.get("actualDate", found.actual),
                values.get("status", found.status),
            )
        except ModelValidationError as exc:
            raise exceptions.ValidationError(_model_errors(exc)) from None
        return Response(MilestoneSerializer(found).data)


API_NAMES = {"planned": "plannedDate", "actual": "actualDate", "__all__": "body"}


def _model_errors(exc: ModelValidationError) -> dict[str, list[str]]:
    if not hasattr(exc, "error_dict"):
        return {"body": list(exc.messages)}
    return {API_NAMES.get(k, k): list(v) for k, v in exc.message_dict.items()}


class BudgetLineSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    agenda = serializers.CharField(source="item.agenda.code")
    item = serializers.CharField(source="item.code")
    funder = serializers.CharField(source="funder.code", allow_null=True, default=None)
    instrument = serializers.CharField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="EUR")
    committed = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    realised = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    periodStart = serializers.DateField(source="period_start", allow_null=True)
    periodEnd = serializers.DateField(source="period_end", allow_null=True)
    noteNl = serializers.CharField(source="note_nl")
    noteEn = serializers.CharField(source="note_en")


class BudgetLineList(generics.ListAPIView[Any]):
    """Budget lines: amount, instrument, funder, committed and realised (EUR)."""

    serializer_class = BudgetLineSerializer
    pagination_class = Page

    @extend_schema(parameters=[ItemQuery], operation_id="listBudgetLines", tags=["money"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        agenda, item = agenda_and_item(read_query(self.request, ItemQuery))
        return agendas.budget_lines(agenda, item)


class AgreementItemSerializer(serializers.Serializer[Any]):
    agenda = serializers.CharField(source="agenda.code")
    item = serializers.CharField(source="code")


class AgreementSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    textNl = serializers.CharField(source="text_nl")
    textEn = serializers.CharField(source="text_en")
    owner = serializers.CharField(source="owner.code", allow_null=True, default=None)
    dueDate = serializers.DateField(source="due", allow_null=True)
    status = serializers.CharField()
    overdue = serializers.SerializerMethodField(help_text="Open past its due date.")
    meeting = serializers.CharField(source="meeting.code", allow_null=True, default=None)
    items = AgreementItemSerializer(many=True, source="items.all")

    def get_overdue(self, agreement: Any) -> bool:
        return bool(agreement.is_overdue(timezone.localdate()))


class AgreementList(generics.ListAPIView[Any]):
    """Agreements made in governance meetings, with owner and due date."""

    serializer_class = AgreementSerializer
    pagination_class = Page

    @extend_schema(parameters=[AgendaQuery], operation_id="listAgreements", tags=["governance"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, AgendaQuery)
        return agendas.agreements(filter_code(query, "agenda", agendas.find_agenda))


class AgreementDetail(generics.GenericAPIView[Any]):
    serializer_class = AgreementSerializer

    @extend_schema(
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH)],
        operation_id="getAgreement",
        tags=["governance"],
    )
    def get(self, request: Request, code: str) -> Response:
        found = known(agendas.find_agreement(code), "agreement", code)
        return Response(AgreementSerializer(found).data)


class ReportLinksSerializer(serializers.Serializer[Any]):
    html = serializers.URLField()
    pdf = serializers.URLField()
    docx = serializers.URLField()


class ReportSerializer(serializers.Serializer[Any]):
    agenda = serializers.CharField()
    periodStart = serializers.DateField()
    periodEnd = serializers.DateField()
    links = ReportLinksSerializer()


class ReportQuery(serializers.Serializer[Any]):
    agenda = serializers.SlugField(help_text="The agenda's code.")
    lang = serializers.ChoiceField(
        choices=[("nl", "Dutch"), ("en", "English")], required=False, help_text="Default nl."
    )


class ReportList(generics.GenericAPIView[Any]):
    """The agenda's progress reports, one per reported period, newest first."""

    serializer_class = ReportSerializer

    @extend_schema(
        parameters=[ReportQuery],
        responses=ReportSerializer(many=True),
        operation_id="listReports",
        tags=["reports"],
    )
    def get(self, request: Request) -> Response:
        query = read_query(request, ReportQuery)
        agenda = filter_code(query, "agenda", agendas.find_agenda)
        assert agenda is not None  # the parameter is required
        lang = query.get("lang", "nl")
        rows = [
            {
                "agenda": agenda.code,
                "periodStart": start,
                "periodEnd": end,
                "links": {
                    fmt: _report_url(request, agenda.code, start, end, fmt, lang)
                    for fmt in ("html", "pdf", "docx")
                },
            }
            for start, end in agendas.reported_periods(agenda)
        ]
        return Response(ReportSerializer(rows, many=True).data)


def _report_url(request: Request, agenda: str, start: Any, end: Any, fmt: str, lang: str) -> str:
    with translation.override(lang):  # the site's address of the report in that language
        path = reverse("reporting:report", args=[agenda, start, end, fmt])
    return request.build_absolute_uri(f"{path}?lang={lang}")
