"""The API's addresses under /api/v1: kebab-case, no trailing slashes (a slash is a 404)."""

from __future__ import annotations

from django.urls import path, register_converter
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.throttling import BaseThrottle

from koers.api import agendas, assessments, delivery, indicators, rounds
from koers.api.schema import OpenApiDocument


@extend_schema(exclude=True)
class DocsPage(SpectacularSwaggerView):
    """The interactive documentation (Swagger UI, served from the package: works offline)."""

    throttle_classes: list[type[BaseThrottle]] = []


class IdConverter:
    """A row's id: at most nine digits, so a huge number is a 404, not a database overflow."""

    regex = r"[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
app_name = "api"
urlpatterns = [
    path("openapi.json", OpenApiDocument.as_view(), name="openapi"),
    path("docs", DocsPage.as_view(url_name="api:openapi"), name="docs"),
    path("agendas", agendas.AgendaList.as_view(), name="agendas"),
    path("agendas/<slug:agenda>", agendas.AgendaDetail.as_view(), name="agenda"),
    path("agendas/<slug:agenda>/items", agendas.ItemTree.as_view(), name="items"),
    path("agendas/<slug:agenda>/items/<str:item>", agendas.ItemDetail.as_view(), name="item"),
    path("organisations", agendas.OrganisationList.as_view(), name="organisations"),
    path("organisations/<slug:code>", agendas.OrganisationDetail.as_view(), name="organisation"),
    path("roles", agendas.RoleList.as_view(), name="roles"),
    path("milestones", delivery.MilestoneList.as_view(), name="milestones"),
    path("milestones/<id:id>", delivery.MilestoneDetail.as_view(), name="milestone"),
    path("budget-lines", delivery.BudgetLineList.as_view(), name="budget-lines"),
    path("agreements", delivery.AgreementList.as_view(), name="agreements"),
    path("agreements/<slug:code>", delivery.AgreementDetail.as_view(), name="agreement"),
    path("indicators", indicators.IndicatorList.as_view(), name="indicators"),
    path("indicators/<str:code>", indicators.IndicatorDetail.as_view(), name="indicator"),
    path("observations", indicators.ObservationList.as_view(), name="observations"),
    path("targets", indicators.TargetList.as_view(), name="targets"),
    path("assessments", assessments.AssessmentList.as_view(), name="assessments"),
    path("rounds", rounds.RoundList.as_view(), name="rounds"),
    path("rounds/<id:id>", rounds.RoundDetail.as_view(), name="round"),
    path("tasks", rounds.TaskList.as_view(), name="tasks"),
    path("tasks/<id:id>", rounds.TaskDetail.as_view(), name="task"),
    path("reports", delivery.ReportList.as_view(), name="reports"),
]
