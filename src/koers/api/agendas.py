"""Agendas, their items (as of a day), organisations and roles, milestones, money, agreements
and progress reports, read through `koers.agendas.service`."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from koers.agendas import service as agendas
from koers.agendas.models import Agenda, Item
from koers.api.common import AgendaQuery, Page, Query, filter_code, known, read_query
from koers.assessment.service import assess_item

AGENDA = OpenApiParameter("agenda", str, OpenApiParameter.PATH, description="The agenda's code.")
ITEM = OpenApiParameter("item", str, OpenApiParameter.PATH, description="The item's code.")


class AgendaSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    titleNl = serializers.CharField(source="title_nl")
    titleEn = serializers.CharField(source="title_en")
    descriptionNl = serializers.CharField(source="description_nl")
    descriptionEn = serializers.CharField(source="description_en")
    startDate = serializers.DateField(source="start")
    endDate = serializers.DateField(source="end", allow_null=True)
    predecessor = serializers.CharField(source="predecessor.code", allow_null=True, default=None)


class AgendaList(generics.ListAPIView[Any]):
    """Every agenda, oldest first."""

    serializer_class = AgendaSerializer
    pagination_class = Page

    @extend_schema(parameters=[Query], operation_id="listAgendas", tags=["agendas"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        read_query(request, Query)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return agendas.agendas()


class AgendaDetail(generics.GenericAPIView[Any]):
    serializer_class = AgendaSerializer

    @extend_schema(parameters=[AGENDA], operation_id="getAgenda", tags=["agendas"])
    def get(self, request: Request, agenda: str) -> Response:
        found = known(agendas.find_agenda(agenda), "agenda", agenda)
        return Response(AgendaSerializer(found).data)


class LinkSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    target = serializers.CharField(help_text="The linked item as agenda/code.")


class TreeItemSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    parent = serializers.CharField(allow_null=True)  # type: ignore[assignment]
    depth = serializers.IntegerField()
    level = serializers.CharField()
    titleNl = serializers.CharField(source="title_nl")
    titleEn = serializers.CharField(source="title_en")
    validFrom = serializers.DateField(source="valid_from", allow_null=True)
    validTo = serializers.DateField(source="valid_to", allow_null=True)
    links = LinkSerializer(many=True)


class TreeQuery(serializers.Serializer[Any]):
    datum = serializers.DateField(
        required=False, help_text="The tree as it stood on this day (default: today)."
    )


class ItemTree(generics.GenericAPIView[Any]):
    """The agenda's items valid on a day, depth first, each naming its parent."""

    serializer_class = TreeItemSerializer

    @extend_schema(
        parameters=[AGENDA, TreeQuery],
        responses=TreeItemSerializer(many=True),
        operation_id="listItems",
        tags=["agendas"],
    )
    def get(self, request: Request, agenda: str) -> Response:
        day = read_query(request, TreeQuery).get("datum") or timezone.localdate()
        found = known(agendas.find_agenda(agenda), "agenda", agenda)
        rows = list(_depth_first(agendas.tree_as_of(found, day)))
        return Response(TreeItemSerializer(rows, many=True).data)


def _depth_first(nodes: list[agendas.TreeNode]) -> Any:
    stack: list[tuple[agendas.TreeNode, str | None, int]] = [(n, None, 0) for n in reversed(nodes)]
    while stack:
        node, parent, depth = stack.pop()
        links = [{"kind": kind, "target": target} for kind, target in node.links]
        yield {**vars(node), "parent": parent, "depth": depth, "links": links}
        stack.extend((child, node.code, depth + 1) for child in reversed(node.children))


class ItemRoleSerializer(serializers.Serializer[Any]):
    organisation = serializers.CharField(source="organisation.code")
    role = serializers.CharField()


class OwnerStatusSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    labelNl = serializers.CharField(source="status_label_nl")
    labelEn = serializers.CharField(source="status_label_en")
    periodStart = serializers.DateField(source="period_start")
    periodEnd = serializers.DateField(source="period_end")
    narrativeNl = serializers.CharField(source="narrative_nl")
    narrativeEn = serializers.CharField(source="narrative_en")


class ComputedStatusSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    targetAchieved = serializers.BooleanField(source="target_achieved")
    rule = serializers.CharField()


class ItemSerializer(serializers.Serializer[Any]):
    agenda = serializers.CharField(source="item.agenda.code")
    code = serializers.CharField(source="item.code")
    parent = serializers.CharField(  # type: ignore[assignment]
        source="item.parent.code", allow_null=True, default=None
    )
    level = serializers.CharField(source="item.level.code")
    titleNl = serializers.CharField(source="item.title_nl")
    titleEn = serializers.CharField(source="item.title_en")
    descriptionNl = serializers.CharField(source="item.description_nl")
    descriptionEn = serializers.CharField(source="item.description_en")
    validFrom = serializers.DateField(source="item.valid_from", allow_null=True)
    validTo = serializers.DateField(source="item.valid_to", allow_null=True)
    roles = ItemRoleSerializer(many=True)
    ownerStatus = OwnerStatusSerializer(source="update", allow_null=True)
    computedStatus = ComputedStatusSerializer(source="computed")


class ItemDetail(generics.GenericAPIView[Any]):
    """An item with its roles, the owner's latest status and the computed one."""

    serializer_class = ItemSerializer

    @extend_schema(parameters=[AGENDA, ITEM], operation_id="getItem", tags=["agendas"])
    def get(self, request: Request, agenda: str, item: str) -> Response:
        found_agenda = known(agendas.find_agenda(agenda), "agenda", agenda)
        found = known(agendas.find_item(found_agenda, item), "item", item)
        row = {
            "item": found,
            "roles": list(agendas.roles(item=found)),
            "update": agendas.latest_update(found),
            "computed": assess_item(found).computed,
        }
        return Response(ItemSerializer(row).data)


class OrganisationSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    nameNl = serializers.CharField(source="name_nl")
    nameEn = serializers.CharField(source="name_en")
    kind = serializers.CharField()
    helix = serializers.CharField()
    parent = serializers.CharField(  # type: ignore[assignment]
        source="parent.code", allow_null=True, default=None
    )
    geography = serializers.CharField(source="geography.code", allow_null=True, default=None)


class OrganisationList(generics.ListAPIView[Any]):
    serializer_class = OrganisationSerializer
    pagination_class = Page

    @extend_schema(parameters=[Query], operation_id="listOrganisations", tags=["organisations"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        read_query(request, Query)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return agendas.organisations()


class RoleSerializer(serializers.Serializer[Any]):
    agenda = serializers.CharField(source="item.agenda.code")
    item = serializers.CharField(source="item.code")
    organisation = serializers.CharField(source="organisation.code")
    role = serializers.CharField()


class OrganisationDetailSerializer(OrganisationSerializer):
    roles = RoleSerializer(many=True)


class OrganisationDetail(generics.GenericAPIView[Any]):
    """An organisation with its roles on the agendas' items."""

    serializer_class = OrganisationDetailSerializer

    @extend_schema(
        parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH)],
        operation_id="getOrganisation",
        tags=["organisations"],
    )
    def get(self, request: Request, code: str) -> Response:
        found = known(agendas.find_organisation(code), "organisation", code)
        found.roles_found = list(agendas.roles(organisation=found))  # type: ignore[attr-defined]
        data = OrganisationSerializer(found).data
        return Response({**data, "roles": RoleSerializer(found.roles_found, many=True).data})  # type: ignore[attr-defined]


class RoleQuery(AgendaQuery):
    organisation = serializers.SlugField(
        required=False, help_text="Only this organisation's roles."
    )


class RoleList(generics.ListAPIView[Any]):
    """Organisations' roles on items: coordinator, lead, partner, financier."""

    serializer_class = RoleSerializer
    pagination_class = Page

    @extend_schema(parameters=[RoleQuery], operation_id="listRoles", tags=["organisations"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        query = read_query(self.request, RoleQuery)
        agenda = filter_code(query, "agenda", agendas.find_agenda)
        organisation = filter_code(query, "organisation", agendas.find_organisation)
        return agendas.roles(agenda=agenda, organisation=organisation)


def agenda_and_item(query: dict[str, Any]) -> tuple[Agenda | None, Item | None]:
    agenda = filter_code(query, "agenda", agendas.find_agenda)
    if not query.get("item"):
        return agenda, None
    if agenda is None:
        raise serializers.ValidationError(
            {"item": [_("Name the agenda too: ?agenda=...&item=...")]}
        )
    item = filter_code(query, "item", lambda code: agendas.find_item(agenda, code))
    return agenda, item


class ItemQuery(AgendaQuery):
    item = serializers.CharField(required=False, help_text="Only this item's rows (with agenda).")
