"""What every endpoint shares: paging, query parameters checked like a body, lookups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

T = TypeVar("T")
# The largest id a database integer holds everywhere: larger ones name nothing (a 404 or 400).
MAX_ID = 2_147_483_647


class Page(PageNumberPagination):
    """`?page=2&pageSize=100`; at most 500 rows a page."""

    page_size = 50
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 500


class Query(serializers.Serializer[Any]):
    """Query parameters, checked like a request body: a bad value is a 400 naming it."""

    page = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Page number."
    )
    pageSize = serializers.IntegerField(
        required=False, min_value=1, max_value=500, help_text="Rows per page (at most 500)."
    )


class AgendaQuery(Query):
    agenda = serializers.SlugField(required=False, help_text="Only rows of this agenda (its code).")


def read_query(request: Request, query_class: type[serializers.Serializer[Any]]) -> dict[str, Any]:
    checked = query_class(data=request.query_params.dict())
    checked.is_valid(raise_exception=True)
    return dict(checked.validated_data)


def known(value: T | None, name: str, code: str) -> T:
    """The row a code names, or a 404 saying which code is unknown."""
    if value is None:
        raise exceptions.NotFound(
            _("No %(name)s with code %(code)r.") % {"name": name, "code": code}
        )
    return value


def filter_code(query: dict[str, Any], name: str, find: Callable[[str], T | None]) -> T | None:
    """The row a query parameter names; a 400 naming the parameter when it names none."""
    code = query.get(name)
    if not code:
        return None
    found = find(code)
    if found is None:
        raise exceptions.ValidationError({name: [_("Unknown code %(code)r.") % {"code": code}]})
    return found
