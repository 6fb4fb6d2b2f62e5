from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from koers.agendas import models


@admin.register(models.SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin[models.SourceDocument]):
    list_display = ["code", "title", "publisher", "date"]
    search_fields = ["code", "title", "reference"]


class GeographyMembershipInline(admin.TabularInline[models.GeographyMembership, models.Geography]):
    model = models.GeographyMembership
    fk_name = "region"
    extra = 0


@admin.register(models.Geography)
class GeographyAdmin(admin.ModelAdmin[models.Geography]):
    list_display = ["code", "name_nl", "level", "parent", "proxy"]
    list_filter = ["level"]
    search_fields = ["code", "name_nl", "name_en"]
    inlines = [GeographyMembershipInline]


@admin.register(models.Organisation)
class OrganisationAdmin(admin.ModelAdmin[models.Organisation]):
    list_display = ["code", "name_nl", "kind", "helix", "parent"]
    list_filter = ["kind", "helix"]
    search_fields = ["code", "name_nl", "name_en"]


class LevelTypeInline(admin.TabularInline[models.LevelType, models.Agenda]):
    model = models.LevelType
    extra = 0


@admin.register(models.Agenda)
class AgendaAdmin(admin.ModelAdmin[models.Agenda]):
    list_display = ["code", "title_nl", "start", "end", "predecessor"]
    search_fields = ["code", "title_nl", "title_en"]
    inlines = [LevelTypeInline]


class RoleInline(admin.TabularInline[models.Role, models.Item]):
    model = models.Role
    extra = 0


class MilestoneInline(admin.TabularInline[models.Milestone, models.Item]):
    model = models.Milestone
    extra = 0


class BudgetLineInline(admin.TabularInline[models.BudgetLine, models.Item]):
    model = models.BudgetLine
    extra = 0


@admin.register(models.Item)
class ItemAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["code", "title_nl", "agenda", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["agenda", "level"]
    search_fields = ["code", "title_nl", "title_en"]
    inlines = [RoleInline, MilestoneInline, BudgetLineInline]


@admin.register(models.ItemLink)
class ItemLinkAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["from_item", "kind", "to_item"]
    list_filter = ["kind"]


@admin.register(models.Role)
class RoleAdmin(admin.ModelAdmin[models.Role]):
    list_display = ["item", "organisation", "role"]
    list_filter = ["role"]


@admin.register(models.Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title_nl", "item", "planned", "actual", "status"]
    list_filter = ["status"]


@admin.register(models.BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["item", "funder", "instrument", "amount", "committed", "realised"]
    list_filter = ["instrument", "funder"]


@admin.register(models.StatusUpdate)
class StatusUpdateAdmin(admin.ModelAdmin[models.StatusUpdate]):
    list_display = ["item", "period_start", "period_end", "status", "author", "created_at"]
    list_filter = ["status"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        # Updates are append-only: they can be read and added, never edited.
        return obj is None


@admin.register(models.GovernanceBody)
class GovernanceBodyAdmin(admin.ModelAdmin[models.GovernanceBody]):
    list_display = ["code", "name_nl", "agenda"]
    filter_horizontal = ["members"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin[models.Meeting]):
    list_display = ["code", "body", "date"]
    list_filter = ["body"]


@admin.register(models.Agreement)
class AgreementAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["code", "owner", "due", "status"]
    list_filter = ["status"]
    filter_horizontal = ["items"]
