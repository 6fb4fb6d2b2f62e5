from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from koers.rounds import models


@admin.register(models.Round)
class RoundAdmin(admin.ModelAdmin[models.Round]):
    list_display = ["agenda", "period_start", "period_end", "deadline", "published_at"]
    list_filter = ["agenda"]


@admin.register(models.Task)
class TaskAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["item", "round", "organisation", "assignee", "state"]
    list_filter = ["state", "round"]

    # A task moves only through its steps (koers.rounds.service), which the policy checks.
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
