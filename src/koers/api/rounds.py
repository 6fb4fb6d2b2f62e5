"""Reporting rounds and their tasks; an owner's status update written into an open task."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from koers.accounts.service import Action, State, permits
from koers.agendas import service as agendas
from koers.agendas.models import StatusUpdate
from koers.api.common import MAX_ID, AgendaQuery, Page, Query, filter_code, known, read_query
from koers.api.writes import authenticated
from koers.rounds import service as rounds


class RoundSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    agenda = serializers.CharField(source="agenda.code")
    periodStart = serializers.DateField(source="period_start")
    periodEnd = serializers.DateField(source="period_end")
    deadline = serializers.DateField()
    state = serializers.CharField()
    publishedAt = serializers.DateTimeField(source="published_at", allow_null=True)


class RoundList(generics.ListAPIView[Any]):
    serializer_class = RoundSerializer
    pagination_class = Page

    @extend_schema(parameters=[AgendaQuery], operation_id="listRounds", tags=["rounds"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        agenda = filter_code(read_query(self.request, AgendaQuery), "agenda", agendas.find_agenda)
        found = rounds.Round.objects.select_related("agenda")
        if agenda is not None:
            found = found.filter(agenda=agenda)
        return found.order_by("agenda__code", "-period_start", "pk")


ID = OpenApiParameter("id", int, OpenApiParameter.PATH)


class RoundDetail(generics.GenericAPIView[Any]):
    serializer_class = RoundSerializer

    @extend_schema(parameters=[ID], operation_id="getRound", tags=["rounds"])
    def get(self, request: Request, id: int) -> Response:
        found = rounds.Round.objects.select_related("agenda").filter(pk=id).first()
        return Response(RoundSerializer(known(found, "round", str(id))).data)


class DraftSerializer(serializers.Serializer[Any]):
    """The owner's update as drafted in the task; shown to those who may read drafts."""

    status = serializers.CharField()
    narrativeNl = serializers.CharField(source="narrative_nl")
    narrativeEn = serializers.CharField(source="narrative_en")
    highlightsNl = serializers.CharField(source="highlights_nl")
    highlightsEn = serializers.CharField(source="highlights_en")
    outlookNl = serializers.CharField(source="outlook_nl")
    outlookEn = serializers.CharField(source="outlook_en")


class TaskSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    round = serializers.IntegerField(source="round_id")
    agenda = serializers.CharField(source="round.agenda.code")
    item = serializers.CharField(source="item.code")
    organisation = serializers.CharField(source="organisation.code")
    state = serializers.CharField()
    changedAt = serializers.DateTimeField(source="changed_at")
    draft = serializers.SerializerMethodField()

    @extend_schema_field(DraftSerializer(allow_null=True))
    def get_draft(self, task: Any) -> dict[str, Any] | None:
        user = self.context.get("user")
        if user is None or not permits(user, Action.VIEW_DRAFT, task):
            return None
        return dict(DraftSerializer(task).data)


class TaskQuery(Query):
    round = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="The round's id."
    )
    state = serializers.ChoiceField(
        choices=[s.value for s in State if s != State.NONE], required=False
    )


def _tasks() -> Any:
    return rounds.Task.objects.select_related("round__agenda", "item", "organisation")


class TaskList(generics.ListAPIView[Any]):
    """The tasks of the reporting rounds: which item, which organisation, in what state."""

    serializer_class = TaskSerializer
    pagination_class = Page

    @extend_schema(parameters=[TaskQuery], operation_id="listTasks", tags=["rounds"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, TaskQuery)
        found = _tasks()
        if "round" in query:
            found = found.filter(round_id=query["round"])
        if "state" in query:
            found = found.filter(state=query["state"])
        return found.order_by("round_id", "item__order", "item__code", "pk")

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "user": self.request.user}


class TaskUpdate(serializers.Serializer[Any]):
    """An owner's status update for the task; `state: submitted` hands it in for review."""

    status = serializers.ChoiceField(choices=StatusUpdate.Status.choices, required=False)
    narrativeNl = serializers.CharField(required=False, allow_blank=True)
    narrativeEn = serializers.CharField(required=False, allow_blank=True)
    highlightsNl = serializers.CharField(required=False, allow_blank=True)
    highlightsEn = serializers.CharField(required=False, allow_blank=True)
    outlookNl = serializers.CharField(required=False, allow_blank=True)
    outlookEn = serializers.CharField(required=False, allow_blank=True)
    state = serializers.ChoiceField(choices=[State.SUBMITTED.value], required=False)


DRAFT_NAMES = {
    "status": "status",
    "narrativeNl": "narrative_nl",
    "narrativeEn": "narrative_en",
    "highlightsNl": "highlights_nl",
    "highlightsEn": "highlights_en",
    "outlookNl": "outlook_nl",
    "outlookEn": "outlook_en",
}


class TaskDetail(generics.GenericAPIView[Any]):
    serializer_class = TaskSerializer

    @extend_schema(parameters=[ID], operation_id="getTask", tags=["rounds"])
    def get(self, request: Request, id: int) -> Response:
        found = known(_tasks().filter(pk=id).first(), "task", str(id))
        return Response(TaskSerializer(found, context={"user": request.user}).data)

    @extend_schema(
        parameters=[ID],
        request=TaskUpdate,
        responses=TaskSerializer,
        operation_id="updateTask",
        tags=["rounds"],
        description="Write the status update of an open (or returned) task; with "
        "`state: submitted` hand it in. The owner of the item, a contributor (not to submit) "
        "or the agenda's coordinator may.",
    )
    def patch(self, request: Request, id: int) -> Response:
        user = authenticated(request)
        found = known(_tasks().filter(pk=id).first(), "task", str(id))
        sent = TaskUpdate(data=request.data)
        sent.is_valid(raise_exception=True)
        values = sent.validated_data
        draft = {DRAFT_NAMES[k]: v for k, v in values.items() if k in DRAFT_NAMES}
        try:
            if values.get("state") == State.SUBMITTED:
                rounds.submit(found, user, draft)
            else:
                rounds.save_draft(found, user, draft)
        except rounds.RoundError as exc:
            raise serializers.ValidationError(
                {_api_name(k): [v] for k, v in exc.errors.items()}
            ) from None
        return Response(TaskSerializer(found, context={"user": user}).data)


def _api_name(field: str) -> str:
    names = {v: k for k, v in DRAFT_NAMES.items()}
    return names.get(field, "body" if field in ("__all__", "note") else field)
