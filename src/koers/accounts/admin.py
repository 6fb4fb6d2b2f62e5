from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from koers.accounts import models


class RoleAssignmentInline(admin.TabularInline[models.RoleAssignment, models.Person]):
    model = models.RoleAssignment
    extra = 0


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin[models.Person]):
    list_display = ["name", "user", "organisation"]
    search_fields = ["name", "user__username"]
    inlines = [RoleAssignmentInline]


@admin.register(models.AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[models.AuditEvent]):
    list_display = ["at", "actor", "organisation", "origin", "action", "object_repr", "outcome"]
    list_filter = ["outcome", "channel", "action"]
    search_fields = ["actor", "object_repr", "object_id"]

    # The trail is append-only: readable here, never written or removed.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
